"""Encrypts credentials at rest with Fernet (AES-128-CBC + HMAC-SHA256)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from voxtest.errors import ConfigError
from voxtest.settings import Settings


class SecretBox:
    def __init__(self, key: bytes) -> None:
        try:
            self._fernet = Fernet(key)
        except ValueError as exc:
            raise ConfigError(
                "VOXTEST_SECRET_KEY must be 32 url-safe base64-encoded bytes "
                "(make one with `python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`)"
            ) from exc

    def seal(self, values: dict[str, Any]) -> bytes | None:
        if not values:
            return None
        return self._fernet.encrypt(json.dumps(values, sort_keys=True).encode())

    def open(self, token: bytes | None) -> dict[str, Any]:
        if not token:
            return {}
        try:
            data: dict[str, Any] = json.loads(self._fernet.decrypt(token))
        except InvalidToken as exc:
            raise ConfigError(
                "stored credentials cannot be decrypted: VOXTEST_SECRET_KEY "
                "(or <home>/secret.key) is not the key they were written with"
            ) from exc
        return data


def load_or_create_key(settings: Settings) -> bytes:
    """The configured key, else `<home>/secret.key`, created with mode 0600 on first use."""
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    path: Path = settings.home / "secret.key"
    if path.exists():
        return path.read_bytes().strip()
    settings.home.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key

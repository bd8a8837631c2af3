"""API keys: shown once, stored as a SHA-256 digest, looked up by digest."""

from __future__ import annotations

import hashlib
import secrets

KEY_PREFIX = "vxt_"


def generate_api_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(key: str) -> str:
    # Keys carry 256 bits of entropy, so a fast digest is safe and keeps auth cheap.
    return hashlib.sha256(key.encode()).hexdigest()


def key_hint(key: str) -> str:
    return key[: len(KEY_PREFIX) + 4] + "…" + key[-4:]

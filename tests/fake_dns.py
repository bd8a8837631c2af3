"""A host name that resolves once: a dialler that looks the name up again (instead of
dialling the address it checked) fails to connect."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from typing import Any

import pytest

from voxtest import net


@dataclass
class OneShotName:
    name: str
    address: str = "127.0.0.1"
    lookups: list[str] = field(default_factory=list)


def resolve_once(monkeypatch: pytest.MonkeyPatch, name: str) -> OneShotName:
    """`name` resolves to 127.0.0.1 on its first lookup only, and 127.0.0.1 counts as a
    public address, so the checks of `voxtest.net` pass and pinning is what is tested."""
    fake = OneShotName(name)
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != name:
            return real(host, port, *args, **kwargs)
        fake.lookups.append(host)
        if len(fake.lookups) > 1:
            raise socket.gaierror(socket.EAI_NONAME, "looked up twice")
        return real(fake.address, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(net, "is_public_address", lambda address: True)
    return fake

"""Which addresses and URLs voxtest may dial for a user. Pure: no I/O (the host names are
resolved and checked when dialled, in `voxtest.net`)."""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit


def public_url_problem(url: Any) -> str | None:
    """Why `url` is not a public http(s) URL, or None. `{{test_profile.x}}` placeholders are
    allowed; a host that is one is checked again when the call is made."""
    if not isinstance(url, str) or not url.strip() or any(c.isspace() for c in url):
        return "Enter a valid URL."
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "URL scheme must be http or https."
    host = (parts.hostname or "").rstrip(".").lower()
    if "{{" in parts.netloc:
        return None
    if not host:
        return "Enter a valid URL."
    if parts.username or parts.password:
        return "Put credentials in headers, not in the URL."
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return "URL must point to a public host."
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return None if is_public_address(address) else "URL must point to a public host."


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """False for loopback, private, link-local, shared, reserved, multicast and unspecified
    addresses (an IPv4-mapped IPv6 address is judged as its IPv4 address)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast

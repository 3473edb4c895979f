"""Who can reach the server: beyond this machine it needs a login, or the operator's explicit consent."""

from __future__ import annotations

import ipaddress

OPEN_FLAG = "--open-to-anyone"


class ExposureRefused(ValueError):
    """Serving beyond loopback without a login was not explicitly allowed; the message says what to do."""


def is_loopback(host: str) -> bool:
    """True when `host` binds only this machine (127.0.0.0/8, ::1, localhost)."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def check_exposure(host: str, has_login: bool, open_to_anyone: bool) -> None:
    """Refuse to serve beyond loopback without a login unless the operator said it is open to anyone."""
    if is_loopback(host) or has_login or open_to_anyone:
        return
    raise ExposureRefused(
        f"--host {host} serves beyond this machine, and without ASSISTANT_AUTH anyone who reaches it could "
        f"read, upload and remove notices; set ASSISTANT_AUTH=user:password, or pass {OPEN_FLAG} to accept that"
    )

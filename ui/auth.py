"""Login pairs for the web UI from ASSISTANT_AUTH: "user:password" pairs, or the path of a file of them."""

from __future__ import annotations

import re
from pathlib import Path


class AuthConfigError(ValueError):
    """ASSISTANT_AUTH cannot be read as login pairs; the message says how to write it."""


def _pair(item: str, where: str) -> tuple[str, str]:
    user, colon, password = item.partition(":")
    if not colon or not user.strip() or not password:
        raise AuthConfigError(
            f"{where}: '{user.strip() or item}' is not a user:password pair; write user:password"
        )
    return user.strip(), password


def parse_auth(value: str) -> list[tuple[str, str]]:
    """Login pairs; empty when no login is configured.

    A value naming an existing file is read one user:password per line ('#' starts a comment);
    otherwise the value itself holds pairs separated by commas, semicolons or whitespace.
    """
    value = value.strip()
    if not value:
        return []
    path = Path(value).expanduser()
    if ":" not in value or path.is_file():
        if not path.is_file():
            raise AuthConfigError(
                f"ASSISTANT_AUTH: no file {value} and not user:password pairs; "
                "set user:password[,user2:password2] or the path of a file with one pair per line"
            )
        lines = path.read_text(encoding="utf-8").splitlines()
        items = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        where = f"ASSISTANT_AUTH file {path}"
    else:
        items = [item for item in re.split(r"[,;\s]+", value) if item]
        where = "ASSISTANT_AUTH"
    pairs = [_pair(item, where) for item in items]
    if not pairs:
        raise AuthConfigError(f"{where}: no user:password pairs found")
    return pairs

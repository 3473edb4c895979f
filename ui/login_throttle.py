"""Login throttling: after a few wrong passwords from one address, each further try must wait longer.

`LoginThrottle` is the pure bookkeeping (clock passed in); `LoginThrottleMiddleware` applies it to
Gradio's POST /login as ASGI middleware, answering 429 with Retry-After while an address must wait.
The client address is the TCP peer: a reverse proxy in front would make all users one address.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)

LOGIN_PATHS = ("/login", "/login/")
MAX_TRACKED_ADDRESSES = 10_000  # bounds memory under a flood from many addresses; the oldest are dropped
WAIT_MESSAGE = "登录失败次数过多,请 {seconds} 秒后再试。"


@dataclass
class _Failures:
    count: int = 0
    last_failure: float = 0.0
    blocked_until: float = 0.0


class LoginThrottle:
    """Failed-login counts per client address and how long each must wait before trying again."""

    def __init__(
        self,
        free_failures: int,
        base_delay_s: float,
        max_delay_s: float,
        forget_after_s: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free_failures = max(0, free_failures)
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.forget_after_s = forget_after_s
        self._clock = clock
        self._by_address: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings) -> LoginThrottle:
        return cls(
            settings.login_free_failures,
            settings.login_base_delay_s,
            settings.login_max_delay_s,
            settings.login_forget_after_s,
        )

    def wait_seconds(self, address: str) -> float:
        """Seconds this address must still wait before its next attempt (0: it may try now)."""
        now = self._clock()
        with self._lock:
            entry = self._current(address, now)
            return max(0.0, entry.blocked_until - now) if entry else 0.0

    def failed(self, address: str) -> None:
        """Count a wrong password; past the free ones, the address waits a doubling delay."""
        now = self._clock()
        with self._lock:
            entry = self._current(address, now) or _Failures()
            entry.count += 1
            entry.last_failure = now
            extra = entry.count - self.free_failures
            if extra > 0:
                delay = min(self.max_delay_s, self.base_delay_s * 2 ** min(extra - 1, 62))
                entry.blocked_until = now + delay
                logger.warning("login: %d failures from %s; next try in %.0f s", entry.count, address, delay)
            self._by_address.pop(address, None)
            self._by_address[address] = entry  # most recent last, so the oldest are dropped first
            while len(self._by_address) > MAX_TRACKED_ADDRESSES:
                self._by_address.pop(next(iter(self._by_address)))

    def succeeded(self, address: str) -> None:
        """A correct password clears the address's failures."""
        with self._lock:
            self._by_address.pop(address, None)

    def _current(self, address: str, now: float) -> _Failures | None:
        entry = self._by_address.get(address)
        if entry and now - entry.last_failure > self.forget_after_s and now >= entry.blocked_until:
            del self._by_address[address]
            return None
        return entry


class LoginThrottleMiddleware:
    """ASGI middleware: POST /login from an address that must wait gets 429; outcomes are counted."""

    def __init__(self, app, throttle: LoginThrottle) -> None:
        self.app = app
        self.throttle = throttle

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or not _is_login(scope):
            await self.app(scope, receive, send)
            return
        address = (scope.get("client") or ("unknown", 0))[0]
        wait = self.throttle.wait_seconds(address)
        if wait > 0:
            await _too_many(send, math.ceil(wait))
            return

        async def counting_send(message) -> None:
            if message["type"] == "http.response.start":
                status = message["status"]
                if status == 200:
                    self.throttle.succeeded(address)
                elif 400 <= status < 500:
                    self.throttle.failed(address)
            await send(message)

        await self.app(scope, receive, counting_send)


def _is_login(scope) -> bool:
    path = scope.get("path", "")
    root = scope.get("root_path", "")
    if root and path.startswith(root):
        path = path[len(root) :]
    return path in LOGIN_PATHS


async def _too_many(send, seconds: int) -> None:
    body = json.dumps({"detail": WAIT_MESSAGE.format(seconds=seconds)}, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"retry-after", str(seconds).encode()),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})

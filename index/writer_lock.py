"""One writer per library: a lock file in ASSISTANT_HOME held around ingest and remove.

The lock is an OS file lock (filelock), so it is released when its process ends, even by kill -9.
Next to it, writer.owner says who holds it, for the message a waiting process shows.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

logger = logging.getLogger(__name__)

# How often a waiting writer says it is still waiting.
_WAIT_REPORT_S = 30.0


class LibraryBusy(RuntimeError):
    """Another process is writing to the library and did not finish within the wait allowed."""


class WriterLock:
    """The library's writer lock; reentrant within one thread, exclusive across processes and threads."""

    def __init__(self, home: Path | str, wait_s: float = 600.0) -> None:
        self.home = Path(home)
        self.wait_s = wait_s  # negative: wait as long as it takes
        self.home.mkdir(parents=True, exist_ok=True)
        self.path = self.home / "writer.lock"
        self.owner_path = self.home / "writer.owner"
        self._lock = FileLock(self.path)

    @contextmanager
    def held(self, wait_s: float | None = None) -> Iterator[None]:
        """Hold the lock for the block, waiting for another writer (with a line saying so) up to wait_s."""
        wait_s = self.wait_s if wait_s is None else wait_s
        first = not self._lock.is_locked
        self._acquire(wait_s)
        try:
            if first:
                self._write_owner()
            yield
        finally:
            self._lock.release()

    def try_hold(self) -> bool:
        """Take the lock without waiting; False if another writer has it. Release with `release()`."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return False
        return True

    def release(self) -> None:
        self._lock.release()

    def holder(self) -> str:
        """Who holds the lock, in words ("pid 123, assistant ingest, since 17:40:02"), or ""."""
        try:
            return self.owner_path.read_text(encoding="utf-8").strip()
        except OSError:
            return ""

    def _acquire(self, wait_s: float) -> None:
        try:
            self._lock.acquire(timeout=0)
            return
        except Timeout:
            pass
        began = time.monotonic()
        holder = f"another process ({self.holder()})" if self.holder() else "another process"
        limit = "as long as it takes" if wait_s < 0 else f"up to {wait_s:g} s"
        logger.warning("%s is writing to the library %s; waiting %s ...", holder, self.home, limit)
        while True:
            waited = time.monotonic() - began
            remaining = _WAIT_REPORT_S if wait_s < 0 else min(_WAIT_REPORT_S, wait_s - waited)
            if remaining <= 0:
                raise LibraryBusy(
                    f"the library {self.home} is busy: {holder} is writing to it and did not finish "
                    f"within {wait_s:g} s; try again when it is done, or raise ASSISTANT_WRITER_WAIT_S"
                )
            try:
                self._lock.acquire(timeout=remaining)
                logger.info("the other writer finished after %.0f s; going on", time.monotonic() - began)
                return
            except Timeout:
                logger.info("still waiting for %s (%.0f s so far)", holder, time.monotonic() - began)

    def _write_owner(self) -> None:
        program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
        if program == "__main__.py":  # python -m assistant
            program = Path(sys.argv[0]).parent.name
        command = " ".join([program, *sys.argv[1:2]])
        text = f"pid {os.getpid()}: {command}, since {time.strftime('%H:%M:%S')}"
        try:
            self.owner_path.write_text(text + "\n", encoding="utf-8")
        except OSError:
            logger.debug("could not write %s", self.owner_path, exc_info=True)

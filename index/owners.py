"""Which process owns a piece of pending work: its pid plus its start time, so a reused pid is not mistaken for it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcessOwner:
    """A running process as recorded next to the work it started."""

    pid: int
    started: str  # the process start time in clock ticks after boot ("" where /proc is missing)


def process_start_time(pid: int) -> str | None:
    """The start time of a live process as /proc gives it, "" without /proc, None if it is not running."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None if Path("/proc/self/stat").exists() else ("" if _pid_exists(pid) else None)
    except OSError:
        return ""
    # The command name (field 2) may hold spaces and parentheses; fields after the last ")" are fixed.
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else ""


def current_owner() -> ProcessOwner:
    """This process, as an owner to record."""
    pid = os.getpid()
    return ProcessOwner(pid, process_start_time(pid) or "")


def owner_is_running(pid: int | None, started: str | None) -> bool:
    """True while the recorded process still runs (same pid and the same start time)."""
    if not pid:
        return False  # work recorded before owners were kept: nobody can still be on it
    now = process_start_time(pid)
    if now is None:
        return False
    return not started or not now or now == started


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

"""Soak bench: `assistant serve` on loopback, many gradio_client sessions asking while the library changes.

A temp home gets a few notices; the server starts in a subprocess on 127.0.0.1 and a free port; then
N sessions ask M questions each in threads while one upload ingests through the UI's API and the CLI,
in another process, removes a notice. Everything is bounded in count and time, and stops by itself.
"""

from __future__ import annotations

import logging
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.evaluation.stats import percentile
from bench.soak_processes import REPO, SoakCli, SoakFailed, SoakServer

__all__ = ["DEFAULT_NOTICES", "SoakConfig", "SoakFailed", "run_soak"]

logger = logging.getLogger(__name__)

DEFAULT_NOTICES = REPO / "tests" / "fixtures" / "notices"
DEFAULT_UPLOAD = REPO / "tests" / "fixtures" / "ui" / "songshan.txt"
# Question patterns filled with the units the CLI lists (never strings of particular notices).
QUESTION_PATTERNS = [
    "{unit}的巡察意见是什么时候反馈的?",
    "{unit}巡察反馈了多少个问题?",
    "{unit}整改完成了多少?",
    "{unit}清退或追缴了多少资金?",
    "{unit}建立健全了哪些制度?",
    "{unit}对哪些人员进行了问责?",
    "{unit}移交的问题线索办结了几件?",
    "{unit}的整改工作由谁负责?",
]
ERROR_REPLIES = ("回答时出错", "没有得到回答")


@dataclass
class SoakConfig:
    """How big and how long the soak is."""

    notices: Path = DEFAULT_NOTICES
    upload: Path = DEFAULT_UPLOAD
    sessions: int = 20
    questions: int = 10
    timeout_s: float = 900.0  # the whole soak stops after this, whatever is left
    answer_timeout_s: float = 180.0  # one answer waits at most this long
    start_timeout_s: float = 300.0  # the server must be ready within this


def _reply_text(chat: list[dict]) -> str:
    content = chat[-1]["content"] if chat else ""
    return content if isinstance(content, str) else "".join(part.get("text", "") for part in content)


class _Tally:
    """Answers, errors and latencies from all threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies_ms: list[float] = []
        self.errors: list[str] = []

    def answered(self, milliseconds: float) -> None:
        with self.lock:
            self.latencies_ms.append(milliseconds)

    def failed(self, message: str) -> None:
        with self.lock:
            self.errors.append(message[:300])


def _session(url: str, questions: list[str], tally: _Tally, config: SoakConfig, deadline: float) -> None:
    from gradio_client import Client

    try:
        client = Client(url, verbose=False)
    except Exception as error:  # a session that cannot connect counts every question as an error
        for _ in questions:
            tally.failed(f"connect: {error!r}")
        return
    for question in questions:
        if time.monotonic() > deadline:
            tally.failed(f"{question}: not asked, the soak's time was up")
            continue
        began = time.perf_counter()
        try:
            chat, *_ = client.submit(question, [], api_name="/ask").result(
                timeout=config.answer_timeout_s
            )
        except Exception as error:
            tally.failed(f"{question}: {error!r}")
            continue
        reply = _reply_text(chat)
        if not reply.strip() or any(marker in reply for marker in ERROR_REPLIES):
            tally.failed(f"{question}: {reply[:120]}")
            continue
        tally.answered((time.perf_counter() - began) * 1000)


def _upload(url: str, path: Path, config: SoakConfig, outcome: dict) -> None:
    from gradio_client import Client, handle_file

    began = time.perf_counter()
    try:
        result, *_ = Client(url, verbose=False).submit([handle_file(str(path))], api_name="/upload").result(
            timeout=config.answer_timeout_s * 2
        )
        outcome["upload"] = result.splitlines()[0] if result else ""
    except Exception as error:
        outcome["upload"] = f"failed: {error!r}"
    outcome["upload_ms"] = round((time.perf_counter() - began) * 1000)


def _remove(cli: SoakCli, notice_id: str, outcome: dict) -> None:
    began = time.perf_counter()
    try:
        done = cli.run("remove", notice_id, timeout=300)
        outcome["cli_remove"] = (done.stdout or done.stderr).strip().splitlines()[-1] if (done.stdout or done.stderr) else ""
        outcome["cli_remove_exit"] = done.returncode
    except subprocess.TimeoutExpired:
        outcome["cli_remove"], outcome["cli_remove_exit"] = "timed out", -1
    outcome["cli_remove_ms"] = round((time.perf_counter() - began) * 1000)


def _final_status(url: str, unit: str, config: SoakConfig) -> str:
    """The status line of one more answer, asked after everything else finished."""
    from gradio_client import Client

    try:
        question = QUESTION_PATTERNS[0].format(unit=unit)
        _, _, status, *_ = Client(url, verbose=False).submit(question, [], api_name="/ask").result(
            timeout=config.answer_timeout_s
        )
        return status
    except Exception as error:
        logger.warning("final question failed: %r", error)
        return ""


def _server_notice_count(status: str) -> int | None:
    import re

    match = re.search(r"(\d+) 份通报", status)
    return int(match.group(1)) if match else None


def run_soak(config: SoakConfig) -> dict:
    """Run the soak; returns the figures (answers, errors, p50/p95 ms, notices before/after, ...)."""
    if not config.notices.exists() or not config.upload.is_file():
        raise SoakFailed(f"--corpus {config.notices} and the upload {config.upload} must exist")
    with tempfile.TemporaryDirectory(prefix="assistant-soak-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        cli = SoakCli(home)
        before = _ingest_corpus(cli, config)
        units = [unit for _, unit in before]
        server = SoakServer(cli, home, config.start_timeout_s)
        tally, outcome = _Tally(), {}
        began = time.perf_counter()
        try:
            still_running = _ask_while_the_library_changes(server.url, cli, before, config, tally, outcome)
            server_view = _server_notice_count(_final_status(server.url, units[0], config))
        finally:
            server.stop()
        after = cli.notices()
        log_errors = [line for line in server.log().splitlines() if "Traceback" in line or "ERROR" in line]
    ordered = sorted(tally.latencies_ms)
    return {
        "sessions": config.sessions,
        "questions_per_session": config.questions,
        "embed_model": cli.env.get("ASSISTANT_EMBED_MODEL", "bundled (default)"),
        "answers": len(ordered),
        "errors": len(tally.errors),
        "error_samples": tally.errors[:5],
        "p50_ms": round(statistics.median(ordered)) if ordered else None,
        "p95_ms": round(percentile(ordered, 0.95)) if ordered else None,
        "max_ms": round(ordered[-1]) if ordered else None,
        "wall_s": round(time.perf_counter() - began, 1),
        "notices_before": len(before),
        "notices_after": len(after),
        "server_notices_at_end": server_view,  # the server's own count: did it see the upload and the CLI removal?
        "removed_by_cli": before[-1][1],
        **outcome,
        "threads_unfinished": still_running,
        "server_log_errors": len(log_errors),
    }


def _ingest_corpus(cli: SoakCli, config: SoakConfig) -> list[tuple[str, str]]:
    """Ingest the soak's notices with the CLI; (notice id, unit) of each, at least two."""
    ingest = cli.run("ingest", str(config.notices))
    if ingest.returncode != 0:
        raise SoakFailed(f"ingest of {config.notices} failed: {(ingest.stderr or ingest.stdout).strip()[-500:]}")
    before = cli.notices()
    if len(before) < 2:
        raise SoakFailed(f"--corpus {config.notices}: needs at least two notices, found {len(before)}")
    return before


def _ask_while_the_library_changes(
    url: str, cli: SoakCli, before: list[tuple[str, str]], config: SoakConfig, tally: _Tally, outcome: dict
) -> int:
    """Every session asks its questions while one upload and one CLI removal run; the threads left unfinished."""
    units = [unit for _, unit in before]
    deadline = time.monotonic() + config.timeout_s
    plans = [
        [
            QUESTION_PATTERNS[(s + q) % len(QUESTION_PATTERNS)].format(unit=units[(s + q) % len(units)])
            for q in range(config.questions)
        ]
        for s in range(config.sessions)
    ]
    threads = [
        threading.Thread(target=_session, args=(url, plan, tally, config, deadline), daemon=True) for plan in plans
    ]
    threads.append(threading.Thread(target=_upload, args=(url, config.upload, config, outcome), daemon=True))
    threads.append(threading.Thread(target=_remove, args=(cli, before[-1][0], outcome), daemon=True))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(1.0, deadline - time.monotonic()) + config.answer_timeout_s)
    return sum(thread.is_alive() for thread in threads)

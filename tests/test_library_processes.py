"""One library shared by real processes: two writers, a writer killed mid-ingest, a reader answering throughout.

Every process here is a real `python` process on one ASSISTANT_HOME with the fake embedder. A writer
can be held mid-ingest (its notice pending in the catalogue) by a gate file: tests/processes/gated_cli.py.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
HELPERS = Path(__file__).resolve().parent / "processes"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "notices"
WAIT_S = 120  # upper bound for a child to reach a point; a healthy run takes seconds


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment for child processes: a private home, the fake embedder, embedded Chroma, no LLM."""
    values = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    values.update(
        ASSISTANT_HOME=str(tmp_path / "home"),
        ASSISTANT_EMBED_MODEL="fake",
        ASSISTANT_CONFIG=str(tmp_path / "absent.toml"),
        PYTHONPATH=str(ROOT),
        ANONYMIZED_TELEMETRY="False",
    )
    return values


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """Two folders of fictional notices: A (东湖, 云岭区) and B (柳林街道)."""
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    shutil.copy(FIXTURES / "donghu.txt", first)
    shutil.copy(FIXTURES / "yunling.txt", first)
    shutil.copy(FIXTURES / "liulin.txt", second)
    return first, second


def cli(env: dict[str, str], *argv: str, gate: Path | None = None, **extra: str) -> subprocess.Popen:
    """Start `assistant ARGV` in its own process; stdout and stderr go to files beside the gate/home."""
    child_env = dict(env, **extra)
    if gate is not None:
        child_env["TEST_EMBED_GATE"] = str(gate)
    logs = Path(env["ASSISTANT_HOME"]).parent / f"cli-{time.monotonic_ns()}"
    process = subprocess.Popen(
        [sys.executable, str(HELPERS / "gated_cli.py"), *argv],
        env=child_env,
        stdout=open(f"{logs}.out", "w"),
        stderr=open(f"{logs}.err", "w"),
    )
    process.logs = logs  # type: ignore[attr-defined]
    return process


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    """Wait for a CLI process; (exit code, stdout, stderr)."""
    code = process.wait(WAIT_S)
    logs = process.logs  # type: ignore[attr-defined]
    return code, Path(f"{logs}.out").read_text(), Path(f"{logs}.err").read_text()


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def statuses(env: dict[str, str]) -> list[tuple[str, str]]:
    """(file name, status) of every catalogue row, read as another process would."""
    with sqlite3.connect(Path(env["ASSISTANT_HOME"]) / "catalog.sqlite3") as db:
        return sorted(db.execute("SELECT file_name, status FROM notices").fetchall())


def library_state(env: dict[str, str]) -> tuple[list[str], int, int]:
    """(ready file names, their chunks, vectors stored), opened fresh after the writers are done."""
    code = (
        "import json; from assistant.settings import load_settings; from assistant.workspace import Workspace; "
        "w = Workspace(load_settings()); rows = w.catalog.notices(); "
        "print(json.dumps([sorted(r.file_name for r in rows), sum(r.chunk_count for r in rows), w.store.count()]))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    names, chunks, vectors = json.loads(out.strip().splitlines()[-1])
    return names, chunks, vectors


def test_a_second_ingest_waits_for_the_first_and_nothing_is_lost(env, folders, tmp_path):
    gate = tmp_path / "gate"
    first = cli(env, "ingest", str(folders[0]), gate=gate)
    wait_for(lambda: Path(f"{gate}.embedding").exists(), "the first ingest to start embedding")
    second = cli(env, "ingest", str(folders[1]))
    wait_for(lambda: "waiting" in Path(f"{second.logs}.err").read_text(), "the second ingest to say it waits")
    assert ("donghu.txt", "pending") in statuses(env)  # the second did not clear the first's work
    gate.touch()
    first_code, first_out, first_err = finish(first)
    second_code, second_out, _ = finish(second)
    assert (first_code, second_code) == (0, 0), first_err
    assert "notices added 2" in first_out and "notices added 1" in second_out
    names, chunks, vectors = library_state(env)
    assert names == ["donghu.txt", "liulin.txt", "yunling.txt"] and vectors == chunks > 0


def test_a_second_writer_is_refused_clearly_after_its_wait(env, folders, tmp_path):
    gate = tmp_path / "gate"
    first = cli(env, "ingest", str(folders[0]), gate=gate)
    wait_for(lambda: Path(f"{gate}.embedding").exists(), "the first ingest to start embedding")
    code, _, err = finish(cli(env, "remove", "donghu.txt", ASSISTANT_WRITER_WAIT_S="1"))
    assert code == 1
    assert "is busy" in err and f"pid {first.pid}: " in err and "ASSISTANT_WRITER_WAIT_S" in err
    gate.touch()
    assert finish(first)[0] == 0
    assert library_state(env)[0] == ["donghu.txt", "yunling.txt"]


def test_a_writer_killed_mid_ingest_is_cleaned_up_by_the_next_and_not_before(env, folders, tmp_path):
    gate = tmp_path / "gate"
    doomed = cli(env, "ingest", str(folders[0]), gate=gate)
    wait_for(lambda: Path(f"{gate}.embedding").exists(), "the ingest to start embedding")
    # A process starting now (as `assistant serve` does) must leave the live writer's pending notice alone.
    subprocess.run(
        [sys.executable, "-c", "from assistant.settings import load_settings; from assistant.workspace import "
         "Workspace; Workspace(load_settings()).ingestor.finish_interrupted_work()"],
        env=env, check=True, capture_output=True,
    )  # fmt: skip
    assert ("donghu.txt", "pending") in statuses(env)
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(WAIT_S)
    assert ("donghu.txt", "pending") in statuses(env)
    code, out, err = finish(cli(env, "ingest", str(folders[0])))
    assert code == 0, err
    assert "notices added 2" in out
    names, chunks, vectors = library_state(env)
    assert names == ["donghu.txt", "yunling.txt"] and vectors == chunks > 0
    assert all(status == "ready" for _, status in statuses(env))


class Answering:
    """A long-lived process holding a Workspace, asked questions one line at a time."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HELPERS / "answering.py")],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert json.loads(self.process.stdout.readline()) == {"ready": True}

    def ask(self, question: str) -> dict:
        self.process.stdin.write(question + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert reply["ok"], reply.get("error")
        return reply

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(WAIT_S)


def notice_ids(env: dict[str, str]) -> dict[str, str]:
    with sqlite3.connect(Path(env["ASSISTANT_HOME"]) / "catalog.sqlite3") as db:
        return dict(db.execute("SELECT file_name, notice_id FROM notices WHERE status = 'ready'").fetchall())


def test_a_running_reader_answers_throughout_and_sees_every_change_from_the_command_line(env, folders, tmp_path):
    reader = Answering(env)
    try:
        assert reader.ask("东湖高新产业园整改了哪些问题")["units"] == []
        assert finish(cli(env, "ingest", str(folders[0])))[0] == 0
        after_first = reader.ask("东湖高新产业园整改了哪些问题")
        ids = notice_ids(env)
        assert "东湖高新产业园" in after_first["units"]
        assert after_first["vector_notices"] == sorted(ids.values())
        assert ids["donghu.txt"] in after_first["cited"]

        gate = tmp_path / "gate"
        writer = cli(env, "ingest", str(folders[1]), gate=gate)
        wait_for(lambda: Path(f"{gate}.embedding").exists(), "the second ingest to start embedding")
        during = reader.ask("柳林街道整改了哪些问题")  # answered while a notice is pending
        assert "青禾市云岭区柳林街道" not in during["units"]
        gate.touch()
        assert finish(writer)[0] == 0
        after_second = reader.ask("柳林街道整改了哪些问题")
        ids = notice_ids(env)
        assert "青禾市云岭区柳林街道" in after_second["units"]
        assert after_second["vector_notices"] == sorted(ids.values())
        assert ids["liulin.txt"] in after_second["cited"]

        removed_id = ids["donghu.txt"]
        assert finish(cli(env, "remove", "donghu.txt"))[0] == 0
        after_remove = reader.ask("东湖高新产业园整改了哪些问题")
        assert "东湖高新产业园" not in after_remove["units"]
        assert removed_id not in after_remove["vector_notices"] + after_remove["cited"]
        assert after_remove["vector_notices"] == sorted(notice_ids(env).values())
    finally:
        reader.close()

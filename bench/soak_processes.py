"""The soak's processes: the `assistant` CLI on a temp home, and `assistant serve` on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

HOST = "127.0.0.1"  # the only address the soak ever sends to
REPO = Path(__file__).resolve().parents[1]


class SoakFailed(RuntimeError):
    """The soak could not run (the server did not start, the corpus is missing); says what to do."""


def free_port() -> int:
    """A free TCP port on the loopback address."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class SoakCli:
    """`python -m assistant ...` in subprocesses on one temp home."""

    def __init__(self, home: Path) -> None:
        self.env = {
            **os.environ,
            "ASSISTANT_HOME": str(home),
            "ASSISTANT_CONFIG": str(home / "absent.toml"),
            "ASSISTANT_LLM_BASE_URL": "",
            "ASSISTANT_AUTH": "",
            "GRADIO_ANALYTICS_ENABLED": "False",
            "ANONYMIZED_TELEMETRY": "False",
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        }
        self.env.pop("ASSISTANT_CHROMA_URL", None)
        self.command = [sys.executable, "-m", "assistant"]

    def run(self, *args: str, timeout: float = 600.0) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self.command, *args], env=self.env, capture_output=True, text=True, timeout=timeout, cwd=REPO
        )

    def notices(self) -> list[tuple[str, str]]:
        """(notice id, unit) of every ingested notice, as `assistant notices` lists them."""
        listing = self.run("notices", timeout=120)
        rows = []
        for line in listing.stdout.splitlines():
            parts = line.split("  ")
            if len(parts) >= 3 and not line.startswith("no notices"):
                rows.append((parts[0].strip(), parts[1].strip()))
        return rows


class SoakServer:
    """`assistant serve` on 127.0.0.1 in a subprocess, logging to a file; stop() ends it."""

    def __init__(self, cli: SoakCli, home: Path, start_timeout_s: float) -> None:
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log_path = home / "serve.log"
        self._log = self.log_path.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [*cli.command, "serve", "--host", HOST, "--port", str(self.port)],
            env=cli.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )
        deadline = time.monotonic() + start_timeout_s
        while "ready:" not in self.log():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SoakFailed(f"assistant serve did not start; its log:\n{self.log()[-2000:]}")
            time.sleep(0.3)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self._log.close()

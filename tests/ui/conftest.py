"""UI fixtures: uploads named like a browser would send them, a slow embedder to hold an ingest open."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from index.fake_embedder import HashingEmbeddings

UI_FIXTURES = Path(__file__).parent.parent / "fixtures" / "ui"


@pytest.fixture
def upload_of(tmp_path: Path):
    """A copy of a file in a Gradio-like temp folder, under its original name."""

    def make(name: str, content: bytes | None = None, source: Path | None = None) -> str:
        folder = tmp_path / "gradio" / f"upload{len(list((tmp_path).glob('gradio/*')))}"
        folder.mkdir(parents=True)
        target = folder / name
        if source is not None:
            shutil.copyfile(source, target)
        else:
            target.write_bytes(content or b"")
        return str(target)

    return make


class GatedEmbeddings(HashingEmbeddings):
    """Fake embedder whose document embedding waits for a gate: an ingest stays open while tests ask."""

    def __init__(self) -> None:
        super().__init__()
        self.embedding = threading.Event()
        self.gate = threading.Event()

    def embed_documents_with_progress(self, texts, progress):
        self.embedding.set()
        assert self.gate.wait(30), "test never opened the gate"
        return super().embed_documents_with_progress(texts, progress)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served_workspace(tmp_path_factory):
    """A module-wide workspace with the fixture notices ingested, fake embedder, in-memory Chroma."""
    import uuid

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.settings import load_settings
    from assistant.workspace import Workspace
    from tests.conftest import FIXTURE_NOTICES

    root = tmp_path_factory.mktemp("ui-served")
    settings = load_settings(
        home=root / "home", embed_model="fake", collection=f"ui-{uuid.uuid4().hex[:8]}", llm_base_url="", auth=""
    )
    embeddings = GatedEmbeddings()
    embeddings.gate.set()
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    workspace = Workspace(settings, embeddings=embeddings, chroma_client=client)
    report = workspace.ingestor.ingest_paths([FIXTURE_NOTICES])
    assert report.ok, report.failed
    return workspace


def start_ui(workspace, **setting_updates):
    """Serve the UI for a workspace on a free loopback port, as `assistant serve` does; returns (app, url)."""
    from ui.server import start_server

    workspace.settings = workspace.settings.model_copy(update=setting_updates)
    demo, readiness = start_server(workspace.settings, "127.0.0.1", free_port(), workspace=workspace)
    return demo, readiness.url


class ServedCli:
    """`assistant serve` running in a subprocess on a temp ASSISTANT_HOME; stopped with stop()."""

    def __init__(self, home: Path, extra_env: dict[str, str] | None = None, ingest: Path | None = None) -> None:
        import os
        import subprocess
        import sys
        import time

        self.env = {
            **os.environ,
            "ASSISTANT_HOME": str(home),
            "ASSISTANT_CONFIG": str(home / "absent.toml"),
            "ASSISTANT_EMBED_MODEL": os.environ.get("ASSISTANT_TEST_EMBED_MODEL", "fake"),
            "ASSISTANT_LLM_BASE_URL": "",
            "ASSISTANT_AUTH": "",
            "GRADIO_ANALYTICS_ENABLED": "False",
            **(extra_env or {}),
        }
        self.env.pop("ASSISTANT_CHROMA_URL", None)
        command = [sys.executable, "-m", "assistant"]
        if ingest is not None:
            subprocess.run([*command, "ingest", str(ingest)], env=self.env, check=True, capture_output=True)
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = home / "serve.log"
        self._log = self.log_path.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [*command, "serve", "--port", str(port)], env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 180
        while "ready:" not in self.log():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"assistant serve did not start:\n{self.log()}")
            time.sleep(0.2)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except Exception:
            self.process.kill()
        self._log.close()

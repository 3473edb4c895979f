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

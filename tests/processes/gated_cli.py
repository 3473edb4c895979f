"""The real `assistant` CLI in its own process; with TEST_EMBED_GATE set, embedding waits for that file.

Before waiting it creates <gate>.embedding, so a test knows the notice is pending in the catalogue.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

gate = Path(os.environ["TEST_EMBED_GATE"]) if os.environ.get("TEST_EMBED_GATE") else None
if gate is not None:
    from index.fake_embedder import HashingEmbeddings

    original = HashingEmbeddings.embed_documents_with_progress

    def embed_at_the_gate(self, texts, progress):
        Path(f"{gate}.embedding").touch()
        while not gate.exists():
            time.sleep(0.05)
        return original(self, texts, progress)

    HashingEmbeddings.embed_documents_with_progress = embed_at_the_gate

from assistant.cli import main  # noqa: E402

sys.exit(main(sys.argv[1:]))

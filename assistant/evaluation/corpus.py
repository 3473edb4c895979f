"""The evaluation's own workspace: the corpus indexed once in a temporary home, reused while corpus and code are unchanged."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.settings import Settings
from assistant.workspace import Workspace
from index.loaders import iter_notice_files


def corpus_fingerprint(corpus_dir: Path, settings: Settings) -> str:
    """Hash of the corpus files, the embedding setting and the index code: same hash, same index."""
    digest = hashlib.sha256()
    for path in sorted(iter_notice_files([corpus_dir])):
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    # embed_int8: the int8 and fp32 encoders share a model id, but an eval compares them, so each gets its index.
    digest.update(
        f"{settings.embed_model}|{settings.embed_int8}|{settings.chunk_tokens}|{settings.chunk_overlap_sentences}".encode()
    )
    # Another model folder (ASSISTANT_MODEL_DIR) may hold another int8 recipe: its vectors get their own index.
    digest.update(str(settings.model_dir.resolve() if settings.model_dir else "").encode())
    index_code = Path(__file__).resolve().parents[2] / "index"
    for source in sorted(index_code.rglob("*")):
        if source.suffix in {".py", ".txt"}:
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def eval_home(corpus_dir: Path, settings: Settings) -> Path:
    """The temporary home the evaluation indexes corpus_dir in, one per fingerprint."""
    return Path(tempfile.gettempdir()) / "assistant-eval" / corpus_fingerprint(corpus_dir, settings)


def open_eval_workspace(
    corpus_dir: Path, settings: Settings, embeddings: Embeddings | None = None, progress=None
) -> Workspace:
    """A workspace over corpus_dir in a temporary home, reused while the corpus and code are unchanged."""
    home = eval_home(corpus_dir, settings)
    # The prepared model is shared with the user's home instead of being rebuilt per corpus.
    eval_settings = settings.model_copy(
        update={"home": home, "chroma_url": "", "model_dir": settings.models_dir}
    )
    workspace = Workspace(eval_settings, embeddings=embeddings)
    report = workspace.ingestor.ingest_paths([corpus_dir], progress)
    if report.failed:
        raise ValueError(f"corpus {corpus_dir}: {len(report.failed)} file(s) failed: {report.failed[0]}")
    return workspace

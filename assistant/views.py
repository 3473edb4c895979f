"""What the retriever reads for one question: an immutable snapshot of the catalogue, BM25 and vectors.

A new snapshot is derived from the previous one when the catalogue moves: only the notices
added or removed are read or dropped. Readers take the current snapshot once per question, so
an ingest finishing mid-question never changes what that question sees.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from langchain_core.documents import Document

from assistant.units import UnitDirectory
from index.bm25 import Bm25Snapshot, empty_snapshot
from index.catalog import Catalog
from index.documents import Chunk, NoticeMetadata
from index.vector_cache import VectorMatrix

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetrieverViews:
    """Catalogue views, the BM25 snapshot and the vector matrix, all of one catalogue generation."""

    generation: int = -1
    directory: UnitDirectory = field(default_factory=lambda: UnitDirectory([]))
    chunks: dict[str, Chunk] = field(default_factory=dict)
    chunks_by_notice: dict[str, list[Chunk]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, NoticeMetadata] = field(default_factory=dict)
    figure_spans: dict[str, list[tuple[str, int, int]]] = field(default_factory=dict)
    lexical: Bm25Snapshot = field(default_factory=empty_snapshot)
    vectors: VectorMatrix | None = None  # None: dense search goes to the store
    unit_of_notice: dict[str, int] = field(default_factory=dict)  # index into directory.entries
    lexical_units: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    vector_units: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    notices_of_unit: dict[str, tuple[str, ...]] = field(default_factory=dict)
    refresh_epoch: int = 0  # the catalogue's refresh epoch these views reflect

    def notice_ids_of_unit(self, unit: str) -> tuple[str, ...]:
        return self.notices_of_unit.get(unit, ())


@dataclass
class QuestionScores:
    """One question's scores over every passage of one snapshot, computed once and shared."""

    views: RetrieverViews
    text: str
    vector: list[float] | None
    terms: list[str]
    bm25: np.ndarray  # per lexical row
    coverage: np.ndarray  # per lexical row
    similarity: np.ndarray | None = None  # per vector row, once computed for every row


def unit_codes(notice_ids: Sequence[str], unit_of_notice: dict[str, int]) -> np.ndarray:
    """The unit index of each row (-1 for a notice the directory does not know)."""
    return np.fromiter((unit_of_notice.get(n, -1) for n in notice_ids), dtype=np.int32, count=len(notice_ids))


def next_views(
    previous: RetrieverViews,
    catalog: Catalog,
    generation: int,
    lexical: Bm25Snapshot,
    vectors: VectorMatrix | None,
) -> RetrieverViews:
    """The views of this generation, reusing what the previous views hold for unchanged notices."""
    notices = catalog.notices()
    wanted = {row.notice_id for row in notices}
    present = set(previous.chunks_by_notice)
    epoch, revised = catalog.revised_since(previous.refresh_epoch, present)  # refreshed in place: read again
    added, removed = (wanted - present) | (revised & wanted), (present - wanted) | revised
    chunks_by_notice = {n: c for n, c in previous.chunks_by_notice.items() if n not in removed}
    chunks = dict(previous.chunks)
    for notice_id in removed:
        for chunk in previous.chunks_by_notice[notice_id]:
            chunks.pop(chunk.chunk_id, None)
    for notice_id in sorted(added):
        notice_chunks = catalog.chunks(notice_id)
        chunks_by_notice[notice_id] = notice_chunks
        chunks.update((c.chunk_id, c) for c in notice_chunks)
    figure_spans = previous.figure_spans
    if added or removed:
        figure_spans = {
            notice_id: [(f["field"], f["start"], f["end"]) for f in record.get("figures", [])]
            for notice_id, record in catalog.records().items()
        }
    directory = UnitDirectory(notices)
    unit_of_notice = {n: i for i, entry in enumerate(directory.entries) for n in entry.notice_ids}
    logger.debug("retriever views: %d notice(s) added, %d removed", len(added), len(removed))
    return RetrieverViews(
        generation=generation,
        directory=directory,
        chunks=chunks,
        chunks_by_notice=chunks_by_notice,
        titles={row.notice_id: row.title or row.file_name for row in notices},
        metadata={row.notice_id: row.metadata for row in notices},
        figure_spans=figure_spans,
        lexical=lexical,
        vectors=vectors,
        unit_of_notice=unit_of_notice,
        notices_of_unit={entry.unit: entry.notice_ids for entry in directory.entries},
        lexical_units=unit_codes(lexical.notice_ids, unit_of_notice),
        vector_units=unit_codes(vectors.notice_ids, unit_of_notice) if vectors is not None else np.zeros(0, np.int32),
        refresh_epoch=epoch,
    )


def chunk_document(views: RetrieverViews, chunk: Chunk, score: float, similarity: float, coverage: float) -> Document:
    """A chunk as a LangChain document, with its span, source and scores in the metadata."""
    # Built without validation: hundreds per question across units, every field known to be valid.
    return Document.model_construct(
        type="Document",
        id=chunk.chunk_id,
        page_content=chunk.text,
        metadata={
            "chunk_id": chunk.chunk_id,
            "notice_id": chunk.notice_id,
            "ordinal": chunk.ordinal,
            "unit": chunk.unit,
            "title": views.titles.get(chunk.notice_id, ""),
            "section_path": chunk.section_path,
            "start": chunk.start,
            "end": chunk.end,
            "score": score,
            "similarity": similarity,
            "coverage": coverage,
        },
    )

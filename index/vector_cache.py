"""Every passage vector in one normalised float32 matrix: exact dense search with one matrix product.

Chroma stays the store of record; the matrix is a cache of it, kept under HOME/vectors
(memory-mapped when opened) and brought up to date notice by notice: the vectors of notices
added since are fetched from the store, the rows of notices removed are dropped.
"""

from __future__ import annotations

import json
import logging
import shutil
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.bm25 import group_rows
from index.store import ChunkStore, VectorHit

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class VectorMatrix:
    """An immutable matrix of unit-length passage vectors (rows) with each row's chunk and notice."""

    vectors: np.ndarray  # (rows, dimensions) float32, each row of length 1 (or 0 for an empty vector)
    chunk_ids: tuple[str, ...]
    notice_ids: tuple[str, ...]
    rows_of_notice: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.chunk_ids)

    def rows_of(self, notice_ids: Iterable[str]) -> np.ndarray:
        parts = [self.rows_of_notice[n] for n in notice_ids if n in self.rows_of_notice]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def similarities(self, query_vector: Sequence[float], rows: np.ndarray | None = None) -> np.ndarray:
        """Cosine similarity of the query to every row (or to the given rows)."""
        query = _normalised(np.asarray(query_vector, dtype=np.float32).reshape(1, -1))[0]
        if query.shape[0] != self.vectors.shape[1] and self.size:
            raise ValueError(f"query has {query.shape[0]} dimensions, the matrix {self.vectors.shape[1]}")
        matrix = self.vectors if rows is None else self.vectors[rows]
        return matrix @ query

    def search(
        self,
        query_vector: Sequence[float],
        k: int,
        notice_ids: Sequence[str] | None = None,
        similarities: np.ndarray | None = None,
    ) -> list[VectorHit]:
        """The k most similar rows, optionally only of the given notices (exact, like Chroma's filter)."""
        if k <= 0 or not self.size:
            return []
        rows = self.rows_of(notice_ids) if notice_ids is not None else None
        if rows is not None and not rows.size:
            return []
        if similarities is not None:
            scores = similarities if rows is None else similarities[rows]
        else:
            scores = self.similarities(query_vector, rows)
        best = np.argpartition(-scores, k - 1)[:k] if k < scores.size else np.arange(scores.size)
        best = best[np.argsort(-scores[best], kind="stable")]
        chosen = best if rows is None else rows[best]
        return [
            VectorHit(self.chunk_ids[row], self.notice_ids[row], float(score))
            for row, score in zip(chosen, scores[best], strict=True)
        ]

    def without_notices(self, notice_ids: Iterable[str]) -> VectorMatrix:
        dropped = set(notice_ids) & set(self.rows_of_notice)
        if not dropped:
            return self
        keep = np.ones(self.size, dtype=bool)
        keep[self.rows_of(dropped)] = False
        return make_matrix(
            self.vectors[keep],
            [c for c, k in zip(self.chunk_ids, keep, strict=True) if k],
            [n for n, k in zip(self.notice_ids, keep, strict=True) if k],
        )

    def with_rows(self, chunk_ids: Sequence[str], notice_ids: Sequence[str], vectors: np.ndarray) -> VectorMatrix:
        if not chunk_ids:
            return self
        added = _normalised(np.asarray(vectors, dtype=np.float32))
        stacked = added if not self.size else np.concatenate([self.vectors, added])
        return make_matrix(stacked, self.chunk_ids + tuple(chunk_ids), self.notice_ids + tuple(notice_ids))


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32, copy=False)


def make_matrix(vectors: np.ndarray, chunk_ids: Sequence[str], notice_ids: Sequence[str]) -> VectorMatrix:
    return VectorMatrix(vectors, tuple(chunk_ids), tuple(notice_ids), group_rows(notice_ids))


def empty_matrix() -> VectorMatrix:
    return make_matrix(np.zeros((0, 0), dtype=np.float32), (), ())


class VectorCache:
    """The matrix for one store, loaded from its folder and updated from the store by notice."""

    FETCH_NOTICES = 200  # notices per request to the store when filling the matrix

    def __init__(self, store: ChunkStore, directory: Path, catalog=None) -> None:
        self.store = store
        self.catalog = catalog  # when given: notices a refresh changed in place are fetched again
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._matrix: VectorMatrix | None = None
        self._epoch = 0  # the catalogue's refresh epoch the matrix reflects

    def matrix_for(self, notice_ids: Iterable[str]) -> VectorMatrix:
        """A matrix holding exactly these notices' vectors (fetching from the store what it lacks)."""
        wanted = set(notice_ids)
        with self._lock:
            matrix = self._matrix if self._matrix is not None else self._load()
            present = set(matrix.rows_of_notice)
            epoch, revised = self.catalog.revised_since(self._epoch, present) if self.catalog else (0, set())
            added, removed = sorted((wanted - present) | (revised & wanted)), (present - wanted) | revised
            if added or removed:
                matrix = matrix.without_notices(removed)
                for begin in range(0, len(added), self.FETCH_NOTICES):
                    chunk_ids, owners, vectors = self.store.vectors_of(added[begin : begin + self.FETCH_NOTICES])
                    matrix = matrix.with_rows(chunk_ids, owners, np.asarray(vectors, dtype=np.float32))
                logger.debug("vector matrix: %d notice(s) added, %d removed", len(added), len(removed))
                self._save(matrix, epoch)
            self._matrix, self._epoch = matrix, epoch
            return matrix

    def _load(self) -> VectorMatrix:
        try:
            ids = json.loads((self.directory / "ids.json").read_text(encoding="utf-8"))
            vectors = np.load(self.directory / "vectors.npy", mmap_mode="r")
            if vectors.shape[0] != len(ids["chunk_ids"]) or len(ids["chunk_ids"]) != len(ids["notice_ids"]):
                raise ValueError("vector cache files disagree")
            self._epoch = int(ids.get("refresh_epoch", 0))
            return make_matrix(vectors, ids["chunk_ids"], ids["notice_ids"])
        except FileNotFoundError:
            return empty_matrix()
        except (OSError, ValueError, KeyError) as error:
            logger.warning("vector cache at %s is unreadable (%s); rebuilding it from the store", self.directory, error)
            return empty_matrix()

    def _save(self, matrix: VectorMatrix, epoch: int = 0) -> None:
        """Write to a fresh folder, then swap it in, so a crash never leaves a mixed cache."""
        staging = self.directory.with_name(self.directory.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        np.save(staging / "vectors.npy", np.ascontiguousarray(matrix.vectors))
        (staging / "ids.json").write_text(
            json.dumps(
                {"chunk_ids": list(matrix.chunk_ids), "notice_ids": list(matrix.notice_ids), "refresh_epoch": epoch}
            ),
            encoding="utf-8",
        )
        shutil.rmtree(self.directory, ignore_errors=True)
        staging.rename(self.directory)

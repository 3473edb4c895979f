"""BM25 (Lucene variant, as bm25s scores it) over a sparse term-count matrix that grows and shrinks by notice.

A snapshot is immutable: adding or removing a notice returns a new snapshot sharing nothing
mutable with the old one, so readers holding the old one are never disturbed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

K1 = 1.5  # bm25s defaults, so scores match the index this replaced
B = 0.75


@dataclass(frozen=True)
class Bm25Snapshot:
    """Term counts of every chunk (rows) by term (columns), with the chunk and notice of each row."""

    counts: sparse.csc_matrix  # rows: chunks, columns: vocabulary
    vocabulary: dict[str, int]
    chunk_ids: tuple[str, ...]
    notice_ids: tuple[str, ...]
    lengths: np.ndarray  # tokens per chunk
    document_frequency: np.ndarray  # chunks holding each term
    row_of_chunk: dict[str, int] = field(default_factory=dict)
    rows_of_notice: dict[str, np.ndarray] = field(default_factory=dict)

    def rows_of(self, notice_ids: Iterable[str]) -> np.ndarray:
        """Rows of the chunks of these notices."""
        parts = [self.rows_of_notice[n] for n in notice_ids if n in self.rows_of_notice]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    @property
    def size(self) -> int:
        return len(self.chunk_ids)

    def frequency_of(self, term: str) -> int:
        column = self.vocabulary.get(term)
        return int(self.document_frequency[column]) if column is not None else 0

    def scores(self, terms: Iterable[str]) -> np.ndarray:
        """BM25 score of every row for the distinct terms (0 where none occurs)."""
        scores = np.zeros(self.size, dtype=np.float32)
        if not self.size:
            return scores
        total = self.size
        average = float(self.lengths.mean()) or 1.0
        for term in set(terms):
            column = self.vocabulary.get(term)
            if column is None:
                continue
            begin, end = self.counts.indptr[column], self.counts.indptr[column + 1]
            rows = self.counts.indices[begin:end]
            tf = self.counts.data[begin:end].astype(np.float32)
            df = end - begin
            idf = np.log(1 + (total - df + 0.5) / (df + 0.5))
            norm = K1 * (1 - B + B * self.lengths[rows] / average)
            scores[rows] += idf * tf / (tf + norm)
        return scores

    def coverage(self, terms: Sequence[str], by_rarity: bool = False) -> np.ndarray:
        """Share of the distinct terms each row holds, each term weighted by its length (as
        fusion.term_coverage) or, by_rarity, by its inverse document frequency (rare terms weigh more)."""
        distinct = set(terms)
        covered = np.zeros(self.size, dtype=np.float32)
        weights = {t: self.rarity(t) if by_rarity else float(len(t)) for t in distinct}
        total = float(sum(weights.values()))
        if not total or not self.size:
            return covered
        for term in distinct:
            column = self.vocabulary.get(term)
            if column is not None:
                rows = self.counts.indices[self.counts.indptr[column] : self.counts.indptr[column + 1]]
                covered[rows] += weights[term]
        return covered / total

    def rarity(self, term: str) -> float:
        """Inverse document frequency of a term (highest for a term no chunk has)."""
        frequency = self.frequency_of(term)
        return float(np.log(1 + (self.size - frequency + 0.5) / (frequency + 0.5)))

    def with_notices(self, chunk_tokens: Sequence[tuple[str, str, Sequence[str]]]) -> Bm25Snapshot:
        """A new snapshot with these (chunk id, notice id, tokens) rows appended."""
        if not chunk_tokens:
            return self
        vocabulary = dict(self.vocabulary)
        rows, columns, values = [], [], []
        for row, (_, _, tokens) in enumerate(chunk_tokens):
            counted: dict[int, int] = {}
            for token in tokens:
                column = vocabulary.setdefault(token, len(vocabulary))
                counted[column] = counted.get(column, 0) + 1
            rows.extend([row] * len(counted))
            columns.extend(counted)
            values.extend(counted.values())
        added = sparse.csc_matrix(
            (np.array(values, dtype=np.int32), (rows, columns)), shape=(len(chunk_tokens), len(vocabulary))
        )
        widened = _pad_columns(self.counts, len(vocabulary))
        counts = sparse.vstack([widened, added], format="csc")
        lengths = np.concatenate([self.lengths, [max(1, len(t)) for _, _, t in chunk_tokens]]).astype(np.float32)
        return _snapshot(
            counts,
            vocabulary,
            self.chunk_ids + tuple(c for c, _, _ in chunk_tokens),
            self.notice_ids + tuple(n for _, n, _ in chunk_tokens),
            lengths,
        )

    def without_notices(self, notice_ids: Iterable[str]) -> Bm25Snapshot:
        """A new snapshot without the rows of these notices."""
        dropped = set(notice_ids)
        keep = np.array([n not in dropped for n in self.notice_ids], dtype=bool)
        if keep.all():
            return self
        counts = self.counts[np.flatnonzero(keep), :].tocsc()
        return _snapshot(
            counts,
            self.vocabulary,
            tuple(c for c, k in zip(self.chunk_ids, keep, strict=True) if k),
            tuple(n for n, k in zip(self.notice_ids, keep, strict=True) if k),
            self.lengths[keep],
        )


def _pad_columns(matrix: sparse.csc_matrix, columns: int) -> sparse.csc_matrix:
    """The same matrix with empty columns added on the right (a CSC matrix just repeats its last pointer)."""
    extra = columns - matrix.shape[1]
    if extra <= 0:
        return matrix
    indptr = np.concatenate([matrix.indptr, np.full(extra, matrix.indptr[-1], dtype=matrix.indptr.dtype)])
    return sparse.csc_matrix((matrix.data, matrix.indices, indptr), shape=(matrix.shape[0], columns))


def _snapshot(
    counts: sparse.csc_matrix,
    vocabulary: dict[str, int],
    chunk_ids: tuple[str, ...],
    notice_ids: tuple[str, ...],
    lengths: np.ndarray,
) -> Bm25Snapshot:
    counts.sort_indices()
    return Bm25Snapshot(
        counts=counts,
        vocabulary=vocabulary,
        chunk_ids=chunk_ids,
        notice_ids=notice_ids,
        lengths=np.asarray(lengths, dtype=np.float32),
        document_frequency=np.diff(counts.indptr),
        row_of_chunk={chunk_id: row for row, chunk_id in enumerate(chunk_ids)},
        rows_of_notice=group_rows(notice_ids),
    )


def group_rows(notice_ids: Sequence[str]) -> dict[str, np.ndarray]:
    """Row numbers of each notice, in row order."""
    grouped: dict[str, list[int]] = {}
    for row, notice_id in enumerate(notice_ids):
        grouped.setdefault(notice_id, []).append(row)
    return {notice_id: np.array(rows, dtype=np.int64) for notice_id, rows in grouped.items()}


def empty_snapshot() -> Bm25Snapshot:
    """An index with no chunks."""
    return _snapshot(sparse.csc_matrix((0, 0), dtype=np.int32), {}, (), (), np.zeros(0, dtype=np.float32))


def build_snapshot(chunk_tokens: Sequence[tuple[str, str, Sequence[str]]]) -> Bm25Snapshot:
    """An index over these (chunk id, notice id, tokens) rows."""
    return empty_snapshot().with_notices(chunk_tokens)


def save_snapshot(snapshot: Bm25Snapshot, folder) -> None:
    """Write the snapshot's arrays into folder (counts.npz, lengths.npy); the caller writes the ids."""
    sparse.save_npz(folder / "counts.npz", snapshot.counts, compressed=False)
    np.save(folder / "lengths.npy", snapshot.lengths)


def load_snapshot(
    folder, vocabulary: Sequence[str], chunk_ids: Sequence[str], notice_ids: Sequence[str]
) -> Bm25Snapshot:
    """Read a snapshot written by save_snapshot, with its ids and vocabulary (in column order)."""
    counts = sparse.load_npz(folder / "counts.npz").tocsc()
    lengths = np.load(folder / "lengths.npy")
    if counts.shape != (len(chunk_ids), len(vocabulary)) or len(lengths) != len(chunk_ids):
        raise ValueError("lexical index files disagree with their ids")
    return _snapshot(counts, {t: i for i, t in enumerate(vocabulary)}, tuple(chunk_ids), tuple(notice_ids), lengths)

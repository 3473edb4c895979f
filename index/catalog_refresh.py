"""The catalogue's side of a refresh: stage a notice's new data, then swap it in with one transaction.

A refreshed notice keeps its id (the hash of its unchanged text). Its new metadata, chunks, record and
chunk vectors are first staged in one transaction; the vectors then go to the store; a second
transaction replaces the notice's rows and drops the staging row. Until then the old rows are what
every reader sees. A writer that stops after staging leaves the row for the next writer to finish.
The derived indexes (BM25, vector matrix, retriever views) key on notice ids, so each swap is also
recorded with a refresh epoch: an index holding an older epoch rereads the notices refreshed since.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np

from index.documents import Chunk, NoticeMetadata
from index.owners import current_owner, owner_is_running


@dataclass(frozen=True)
class StagedRefresh:
    """A notice's new data, waiting for its vectors to be written and its rows to be swapped."""

    notice_id: str
    metadata: NoticeMetadata
    chunks: list[Chunk]
    record: dict[str, Any]
    vectors: np.ndarray  # (len(chunks), dimensions) float32
    removed_chunk_ids: list[str]


class CatalogRefresh:
    """Refresh staging and swapping; mixed into `Catalog`, which supplies the connection and transactions."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:  # provided by Catalog
        raise NotImplementedError

    def refresh_epoch(self) -> int:
        """A counter bumped by every refresh that changed a notice in place."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'refresh_epoch'").fetchone()
        return int(row[0]) if row else 0

    def refreshed_since(self, epoch: int) -> set[str]:
        """Notices changed in place by a refresh after the given epoch."""
        with self._lock:
            rows = self._db.execute("SELECT notice_id FROM refreshed WHERE epoch > ?", (epoch,)).fetchall()
        return {row[0] for row in rows}

    def revised_since(self, epoch: int, held: Iterable[str]) -> tuple[int, set[str]]:
        """(the current refresh epoch, the held notices refreshed in place after `epoch`): one read when none were."""
        current = self.refresh_epoch()
        if current == epoch:
            return current, set()
        return current, self.refreshed_since(epoch) & set(held)

    def stored_derivation(self, notice_id: str) -> tuple[str, str, dict, list[Chunk], dict] | None:
        """(text, file name, metadata dict, chunks, record) of a ready notice, as stored; None if not ready."""
        with self._lock:
            row = self._db.execute(
                "SELECT n.text, n.file_name, n.metadata_json, r.record_json FROM notices n "
                "LEFT JOIN records r USING (notice_id) WHERE n.notice_id = ? AND n.status = 'ready'",
                (notice_id,),
            ).fetchone()
        if row is None:
            return None
        chunks = self.chunks(notice_id)  # type: ignore[attr-defined]  # CatalogReads
        return row[0], row[1], json.loads(row[2]), chunks, json.loads(row[3]) if row[3] else {}

    def stage_refresh(self, staged: StagedRefresh) -> None:
        """Record a notice's new data (owned by this process) before any of its vectors change."""
        owner = current_owner()
        vectors = np.ascontiguousarray(staged.vectors, dtype=np.float32)
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO refresh_staging(notice_id, metadata_json, record_json, chunks_json, "
                "vectors, dimensions, removed_chunk_ids, owner_pid, owner_started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    staged.notice_id,
                    json.dumps(staged.metadata.to_dict(), ensure_ascii=False),
                    json.dumps(staged.record, ensure_ascii=False),
                    json.dumps([_chunk_row(c) for c in staged.chunks], ensure_ascii=False),
                    vectors.tobytes(),
                    int(vectors.shape[1]) if vectors.ndim == 2 else 0,
                    json.dumps(staged.removed_chunk_ids),
                    owner.pid,
                    owner.started,
                ),
            )

    def unfinished_refreshes(self, include_own: bool = False) -> Iterator[StagedRefresh]:
        """Staged refreshes whose writer is gone (or is this process, if asked)."""
        with self._lock:
            rows = self._db.execute("SELECT notice_id, owner_pid, owner_started FROM refresh_staging").fetchall()
        me = current_owner().pid
        for notice_id, pid, started in rows:
            if (include_own and pid == me) or not owner_is_running(pid, started):
                staged = self.staged_refresh(notice_id)
                if staged is not None:
                    yield staged

    def staged_refresh(self, notice_id: str) -> StagedRefresh | None:
        with self._lock:
            row = self._db.execute(
                "SELECT metadata_json, record_json, chunks_json, vectors, dimensions, removed_chunk_ids "
                "FROM refresh_staging WHERE notice_id = ?",
                (notice_id,),
            ).fetchone()
        if row is None:
            return None
        chunks = [Chunk(notice_id, *values) for values in json.loads(row[2])]
        vectors = np.frombuffer(row[3], dtype=np.float32).reshape(len(chunks), row[4] or 0)
        metadata = NoticeMetadata.from_dict(json.loads(row[0]))
        return StagedRefresh(notice_id, metadata, chunks, json.loads(row[1]), vectors, json.loads(row[5]))

    def swap_refreshed(self, staged: StagedRefresh) -> bool:
        """Replace a ready notice's rows by its staged data in one transaction; False if it is no longer ready."""
        with self._transaction() as db:
            db.execute("DELETE FROM refresh_staging WHERE notice_id = ?", (staged.notice_id,))
            found = db.execute(
                "SELECT status FROM notices WHERE notice_id = ?", (staged.notice_id,)
            ).fetchone()
            if found is None or found[0] != "ready":
                return False
            _replace_rows(db, staged)
            db.execute(
                "INSERT INTO meta(key, value) VALUES ('refresh_epoch', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
            (epoch,) = db.execute("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'refresh_epoch'").fetchone()
            db.execute("INSERT OR REPLACE INTO refreshed(notice_id, epoch) VALUES (?, ?)", (staged.notice_id, epoch))
            self._bump_generation(db)  # type: ignore[attr-defined]  # Catalog
        return True

    def drop_staged_refresh(self, notice_id: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM refresh_staging WHERE notice_id = ?", (notice_id,))


def _chunk_row(chunk: Chunk) -> list:
    return [chunk.ordinal, chunk.text, chunk.start, chunk.end, chunk.section_path, chunk.unit]


def _replace_rows(db: sqlite3.Connection, staged: StagedRefresh) -> None:
    metadata = staged.metadata
    db.execute(
        "UPDATE notices SET title = ?, unit = ?, metadata_json = ?, chunk_count = ? WHERE notice_id = ?",
        (
            metadata.title,
            metadata.unit,
            json.dumps(metadata.to_dict(), ensure_ascii=False),
            len(staged.chunks),
            staged.notice_id,
        ),
    )
    db.execute("DELETE FROM chunks WHERE notice_id = ?", (staged.notice_id,))
    db.executemany(
        'INSERT INTO chunks(chunk_id, notice_id, ordinal, start, "end", section_path, unit, text) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(c.chunk_id, c.notice_id, c.ordinal, c.start, c.end, c.section_path, c.unit, c.text) for c in staged.chunks],
    )
    db.execute(
        "INSERT OR REPLACE INTO records(notice_id, record_json) VALUES (?, ?)",
        (staged.notice_id, json.dumps(staged.record, ensure_ascii=False)),
    )


def removed_chunk_ids(old: Sequence[Chunk], new: Sequence[Chunk]) -> list[str]:
    """Ids of old chunks the new chunks do not reuse (their vectors are deleted)."""
    kept = {chunk.chunk_id for chunk in new}
    return [chunk.chunk_id for chunk in old if chunk.chunk_id not in kept]

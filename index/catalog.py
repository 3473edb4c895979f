"""The notice catalogue: one SQLite file holding every notice's text, metadata, chunks and state.

Chroma holds the vectors; this file is the source of truth for what is ingested. A notice is
written here as 'pending' before its vectors go to Chroma and flipped to 'ready' after, so a
crash in between leaves a pending row that the next run cleans up and redoes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from index.catalog_reads import CatalogReads, NoticeRow
from index.catalog_refresh import CatalogRefresh
from index.catalog_schema import open_catalog_db
from index.documents import Chunk, NoticeMetadata
from index.owners import current_owner

__all__ = ["Catalog", "NoticeRow", "PendingWorkLost"]  # NoticeRow stays importable here for its many readers


class PendingWorkLost(RuntimeError):
    """A pending notice vanished before it was committed (another process cleared it)."""


class Catalog(CatalogRefresh, CatalogReads):
    """SQLite-backed catalogue of notices and chunks; safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = open_catalog_db(self.path)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # --- state counters ---------------------------------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @staticmethod
    def _bump(db: sqlite3.Connection, *keys: str) -> None:
        for key in keys:
            db.execute(
                "INSERT INTO meta(key, value) VALUES (?, '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                (key,),
            )

    @classmethod
    def _bump_generation(cls, db: sqlite3.Connection) -> None:
        cls._bump(db, "generation", "changes")

    @classmethod
    def _bump_changes(cls, db: sqlite3.Connection) -> None:
        cls._bump(db, "changes")

    # --- writes --------------------------------------------------------------------------

    def begin_notice(
        self,
        notice_id: str,
        *,
        source_path: str,
        file_format: str,
        encoding: str,
        text: str,
        metadata: NoticeMetadata,
        chunks: list[Chunk],
    ) -> None:
        """Record a notice and its chunks as pending (owned by this process), before its vectors are stored."""
        owner = current_owner()
        with self._transaction() as db:
            db.execute("DELETE FROM notices WHERE notice_id = ?", (notice_id,))
            db.execute(
                "INSERT INTO notices(notice_id, source_path, file_name, file_format, encoding, text, title, "
                "unit, metadata_json, chunk_count, status, ingested_at, owner_pid, owner_started) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                (
                    notice_id,
                    source_path,
                    Path(source_path).name,
                    file_format,
                    encoding,
                    text,
                    metadata.title,
                    metadata.unit,
                    json.dumps(metadata.to_dict(), ensure_ascii=False),
                    len(chunks),
                    time.time(),
                    owner.pid,
                    owner.started,
                ),
            )
            db.executemany(
                'INSERT INTO chunks(chunk_id, notice_id, ordinal, start, "end", section_path, unit, text) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (c.chunk_id, notice_id, c.ordinal, c.start, c.end, c.section_path, c.unit, c.text)
                    for c in chunks
                ],
            )

    def commit_notice(self, notice_id: str, record: dict[str, Any] | None = None) -> list[str]:
        """Mark a pending notice ready; older notices from the same file are marked for removal.

        Returns the ids of the notices it replaces (the caller deletes their vectors, then
        calls `forget_notice`).
        """
        with self._transaction() as db:
            found = db.execute("SELECT source_path FROM notices WHERE notice_id = ?", (notice_id,)).fetchone()
            if found is None:
                raise PendingWorkLost(
                    f"notice {notice_id} was cleared by another process while it was being ingested; ingest it again"
                )
            (source_path,) = found
            replaced = [
                row[0]
                for row in db.execute(
                    "SELECT notice_id FROM notices WHERE source_path = ? AND notice_id != ? "
                    "AND status = 'ready'",
                    (source_path, notice_id),
                )
            ]
            owner = current_owner()
            db.executemany(
                "UPDATE notices SET status = 'removing', owner_pid = ?, owner_started = ? WHERE notice_id = ?",
                [(owner.pid, owner.started, old) for old in replaced],
            )
            if record is not None:
                db.execute(
                    "INSERT OR REPLACE INTO records(notice_id, record_json) VALUES (?, ?)",
                    (notice_id, json.dumps(record, ensure_ascii=False)),
                )
            db.execute("UPDATE notices SET status = 'ready' WHERE notice_id = ?", (notice_id,))
            self._bump_generation(db)
        return replaced

    def mark_removing(self, notice_id: str) -> None:
        """First step of removing a notice: it stops counting as ingested at once."""
        owner = current_owner()
        with self._transaction() as db:
            db.execute(
                "UPDATE notices SET status = 'removing', owner_pid = ?, owner_started = ? WHERE notice_id = ?",
                (owner.pid, owner.started, notice_id),
            )
            self._bump_generation(db)

    def forget_notice(self, notice_id: str) -> None:
        """Delete a notice's rows (its vectors must already be gone)."""
        with self._transaction() as db:
            db.execute("DELETE FROM chunks WHERE notice_id = ?", (notice_id,))
            db.execute("DELETE FROM records WHERE notice_id = ?", (notice_id,))
            db.execute("DELETE FROM notices WHERE notice_id = ?", (notice_id,))
            self._bump_changes(db)  # its vectors went just before: readers in other processes reload

    def set_source_path(self, notice_id: str, source_path: str) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE notices SET source_path = ?, file_name = ? WHERE notice_id = ?",
                (source_path, Path(source_path).name, notice_id),
            )

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.documents import Chunk, NoticeMetadata
from index.owners import current_owner, owner_is_running

SCHEMA = """
CREATE TABLE IF NOT EXISTS notices (
    notice_id TEXT PRIMARY KEY,
    source_path TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT NOT NULL,
    unit TEXT NOT NULL,
    metadata_json TEXT NOT NULL,
    chunk_count INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,             -- pending | ready | removing
    ingested_at REAL NOT NULL,
    owner_pid INTEGER,                -- the process doing pending/removing work on it
    owner_started TEXT                -- that process's start time (a reused pid is another process)
);
CREATE INDEX IF NOT EXISTS notices_by_path ON notices(source_path);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    notice_id TEXT NOT NULL REFERENCES notices(notice_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    section_path TEXT NOT NULL,
    unit TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_notice ON chunks(notice_id, ordinal);
CREATE TABLE IF NOT EXISTS records (
    notice_id TEXT PRIMARY KEY REFERENCES notices(notice_id) ON DELETE CASCADE,
    record_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class PendingWorkLost(RuntimeError):
    """A pending notice vanished before it was committed (another process cleared it)."""


@dataclass(frozen=True)
class NoticeRow:
    """A catalogued notice, without its full text."""

    notice_id: str
    source_path: str
    file_name: str
    title: str
    unit: str
    metadata: NoticeMetadata
    chunk_count: int
    status: str
    ingested_at: float


class Catalog:
    """SQLite-backed catalogue of notices and chunks; safe to share between threads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(SCHEMA)
        self._add_owner_columns()

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

    def _add_owner_columns(self) -> None:
        """Catalogues written before owners were recorded get the two columns (their rows: no owner)."""
        wanted = {"owner_pid", "owner_started"}
        with self._lock:
            if wanted <= {row[1] for row in self._db.execute("PRAGMA table_info(notices)")}:
                return
        with self._transaction() as db:  # another process may be adding them at the same moment
            columns = {row[1] for row in db.execute("PRAGMA table_info(notices)")}
            for name, kind in (("owner_pid", "INTEGER"), ("owner_started", "TEXT")):
                if name not in columns:
                    db.execute(f"ALTER TABLE notices ADD COLUMN {name} {kind}")

    # --- state ---------------------------------------------------------------------------

    def generation(self) -> int:
        """A counter bumped by every change to the set of ready chunks (derived indexes key on it)."""
        return int(self.get_meta("generation") or 0)

    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def change_count(self) -> int:
        """A counter bumped after every change to ready notices or stored vectors, by any process."""
        return int(self.get_meta("changes") or 0)

    @staticmethod
    def _bump_generation(db: sqlite3.Connection) -> None:
        for key in ("generation", "changes"):
            db.execute(
                "INSERT INTO meta(key, value) VALUES (?, '1') "
                "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                (key,),
            )

    @staticmethod
    def _bump_changes(db: sqlite3.Connection) -> None:
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('changes', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

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

    # --- reads ---------------------------------------------------------------------------

    def status_of(self, notice_id: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT status FROM notices WHERE notice_id = ?", (notice_id,)
            ).fetchone()
        return row[0] if row else None

    def unfinished_notice_ids(self, include_own: bool = False) -> list[str]:
        """Notices left pending or half-removed by a process that is gone (or by this one, if asked)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT notice_id, owner_pid, owner_started FROM notices WHERE status != 'ready'"
            ).fetchall()
        me = current_owner().pid
        return [
            notice_id
            for notice_id, pid, started in rows
            if (include_own and pid == me) or not owner_is_running(pid, started)
        ]

    _ROW_COLUMNS = (
        "notice_id, source_path, file_name, title, unit, metadata_json, chunk_count, status, ingested_at"
    )

    def notices(self) -> list[NoticeRow]:
        """Ready notices, ordered by unit then title."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT {self._ROW_COLUMNS} FROM notices WHERE status = 'ready' ORDER BY unit, title, file_name"
            ).fetchall()
        return [_notice_row(r) for r in rows]

    def notice(self, notice_id: str) -> NoticeRow | None:
        """One ready notice by id."""
        with self._lock:
            row = self._db.execute(
                f"SELECT {self._ROW_COLUMNS} FROM notices WHERE notice_id = ? AND status = 'ready'", (notice_id,)
            ).fetchone()
        return _notice_row(row) if row else None

    def notice_text(self, notice_id: str) -> str | None:
        """The full stored text of a ready notice, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT text FROM notices WHERE notice_id = ? AND status = 'ready'", (notice_id,)
            ).fetchone()
        return row[0] if row else None

    def chunks(self, notice_id: str | None = None) -> list[Chunk]:
        """Chunks of ready notices (all, or one notice's), in reading order."""
        query = (
            'SELECT c.notice_id, c.ordinal, c.text, c.start, c."end", c.section_path, c.unit '
            "FROM chunks c JOIN notices n USING (notice_id) WHERE n.status = 'ready'"
        )
        params: tuple[str, ...] = ()
        if notice_id is not None:
            query += " AND c.notice_id = ?"
            params = (notice_id,)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY c.notice_id, c.ordinal", params).fetchall()
        return [Chunk(*row) for row in rows]

    def records(self) -> dict[str, dict[str, Any]]:
        """Stored notice records by notice id (ready notices only)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT r.notice_id, r.record_json FROM records r JOIN notices n USING (notice_id) "
                "WHERE n.status = 'ready'"
            ).fetchall()
        return {row[0]: json.loads(row[1]) for row in rows}

    def counts(self) -> tuple[int, int]:
        """(ready notices, their chunks)."""
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(chunk_count), 0) FROM notices WHERE status = 'ready'"
            ).fetchone()
        return int(row[0]), int(row[1])


def _notice_row(r: tuple) -> NoticeRow:
    return NoticeRow(
        notice_id=r[0],
        source_path=r[1],
        file_name=r[2],
        title=r[3],
        unit=r[4],
        metadata=NoticeMetadata.from_dict(json.loads(r[5])),
        chunk_count=r[6],
        status=r[7],
        ingested_at=r[8],
    )

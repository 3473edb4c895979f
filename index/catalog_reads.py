"""Reading the notice catalogue: ready notices, their text, chunks and records, state counters."""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from index.documents import Chunk, NoticeMetadata
from index.owners import current_owner, owner_is_running


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


class CatalogReads:
    """The catalogue's queries over one shared connection and lock; `Catalog` opens the file and adds the writes."""

    _db: sqlite3.Connection
    _lock: threading.RLock

    def generation(self) -> int:
        """A counter bumped by every change to the set of ready chunks (derived indexes key on it)."""
        return int(self.get_meta("generation") or 0)

    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def change_count(self) -> int:
        """A counter bumped after every change to ready notices or stored vectors, by any process."""
        return int(self.get_meta("changes") or 0)

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

"""The catalogue's SQLite schema, and opening a catalogue file with it (older files upgraded in place)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
-- A refresh's new data for a ready notice, written before any vector changes: a writer that stops
-- midway leaves it here, and the next writer finishes it (the notice's old rows stay until then).
CREATE TABLE IF NOT EXISTS refresh_staging (
    notice_id TEXT PRIMARY KEY,
    metadata_json TEXT NOT NULL,
    record_json TEXT NOT NULL,
    chunks_json TEXT NOT NULL,
    vectors BLOB NOT NULL,            -- float32, one row per new chunk
    dimensions INTEGER NOT NULL,
    removed_chunk_ids TEXT NOT NULL,  -- JSON list of old chunk ids to delete from the vector store
    owner_pid INTEGER,
    owner_started TEXT
);
-- Notices whose data a refresh changed in place (same id), with the refresh epoch it happened in.
CREATE TABLE IF NOT EXISTS refreshed (notice_id TEXT PRIMARY KEY, epoch INTEGER NOT NULL);
"""


def open_catalog_db(path: Path) -> sqlite3.Connection:
    """A connection (autocommit, WAL, foreign keys) to the catalogue file, its schema created or upgraded."""
    db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.executescript(SCHEMA)
    add_owner_columns(db)
    return db


def add_owner_columns(db: sqlite3.Connection) -> None:
    """Catalogues written before owners were recorded get the two columns (their rows: no owner)."""
    wanted = {"owner_pid", "owner_started"}
    if wanted <= {row[1] for row in db.execute("PRAGMA table_info(notices)")}:
        return
    db.execute("BEGIN IMMEDIATE")  # another process may be adding them at the same moment
    try:
        columns = {row[1] for row in db.execute("PRAGMA table_info(notices)")}
        for name, kind in (("owner_pid", "INTEGER"), ("owner_started", "TEXT")):
            if name not in columns:
                db.execute(f"ALTER TABLE notices ADD COLUMN {name} {kind}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")

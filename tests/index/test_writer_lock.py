"""One writer per library; pending work is cleaned only when its owner process is gone."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading

import pytest

from index.catalog import Catalog
from index.owners import current_owner, owner_is_running, process_start_time
from index.writer_lock import LibraryBusy, WriterLock


def test_a_second_writer_is_refused_after_its_wait_with_who_holds_the_lock(tmp_path):
    holder = WriterLock(tmp_path)
    with holder.held():
        with pytest.raises(LibraryBusy) as refused:
            with WriterLock(tmp_path, wait_s=0.2).held():
                pass
    message = str(refused.value)
    assert str(tmp_path) in message and "ASSISTANT_WRITER_WAIT_S" in message and f"pid {current_owner().pid}" in message
    with WriterLock(tmp_path, wait_s=0).held():  # released: the next writer goes straight in
        pass


def test_threads_of_one_process_also_take_turns(tmp_path):
    lock = WriterLock(tmp_path)
    taken_elsewhere = []
    with lock.held(), lock.held():  # reentrant in the thread holding it
        thread = threading.Thread(target=lambda: taken_elsewhere.append(lock.try_hold()))
        thread.start()
        thread.join()
    assert taken_elsewhere == [False]


def test_a_waiting_writer_goes_on_when_the_first_finishes(tmp_path, caplog):
    holding, release = threading.Event(), threading.Event()

    def first_writer() -> None:
        with WriterLock(tmp_path).held():
            holding.set()
            release.wait(30)

    thread = threading.Thread(target=first_writer)
    thread.start()
    holding.wait(30)
    threading.Timer(0.3, release.set).start()
    with caplog.at_level("INFO"), WriterLock(tmp_path, wait_s=-1).held():
        assert release.is_set()
    thread.join()
    assert any("waiting as long as it takes" in r.getMessage() for r in caplog.records)


def test_owner_of_a_running_process_is_alive_and_a_finished_one_is_not():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        started = process_start_time(child.pid)
        assert owner_is_running(child.pid, started)
        assert not owner_is_running(child.pid, "1")  # same pid, other start time: a reused pid
    finally:
        child.kill()
        child.wait()
    assert not owner_is_running(child.pid, started)
    assert not owner_is_running(None, None)  # rows from before owners were recorded


OLD_SCHEMA = """
CREATE TABLE notices (
    notice_id TEXT PRIMARY KEY, source_path TEXT NOT NULL, file_name TEXT NOT NULL,
    file_format TEXT NOT NULL, encoding TEXT NOT NULL, text TEXT NOT NULL, title TEXT NOT NULL,
    unit TEXT NOT NULL, metadata_json TEXT NOT NULL, chunk_count INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL, ingested_at REAL NOT NULL
);
"""


def test_an_old_catalogue_gains_owner_columns_and_its_pending_rows_count_as_abandoned(tmp_path):
    path = tmp_path / "catalog.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
        db.execute(
            "INSERT INTO notices VALUES ('old', '/x/a.txt', 'a.txt', 'txt', 'utf-8', 't', '', '', '{}', 0, 'pending', 0)"
        )
        db.execute(
            "INSERT INTO notices VALUES ('kept', '/x/b.txt', 'b.txt', 'txt', 'utf-8', 't', '', '', "
            "'{\"title\": \"\", \"unit\": \"\"}', 0, 'ready', 0)"
        )
    catalog = Catalog(path)
    assert catalog.unfinished_notice_ids() == ["old"]
    assert [row.notice_id for row in catalog.notices()] == ["kept"]
    Catalog(path).close()  # a second open finds the columns already there


def test_pending_work_of_a_live_process_is_left_alone(tmp_path):
    catalog = Catalog(tmp_path / "catalog.sqlite3")
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with catalog._transaction() as db:
            for notice_id, pid, started in (
                ("live", child.pid, process_start_time(child.pid)),
                ("dead", child.pid, "1"),
                ("mine", current_owner().pid, current_owner().started),
            ):
                db.execute(
                    "INSERT INTO notices(notice_id, source_path, file_name, file_format, encoding, text, title, "
                    "unit, metadata_json, status, ingested_at, owner_pid, owner_started) "
                    "VALUES (?, 'p', 'f', 'txt', '', '', '', '', '{}', 'pending', 0, ?, ?)",
                    (notice_id, pid, started),
                )
        assert catalog.unfinished_notice_ids() == ["dead"]
        assert sorted(catalog.unfinished_notice_ids(include_own=True)) == ["dead", "mine"]
    finally:
        child.kill()
        child.wait()
    assert sorted(catalog.unfinished_notice_ids()) == ["dead", "live"]

"""Ingest as a user sees it: summaries, idempotence, updates, removal, bad files, crash recovery."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from index.ingest import NoticeNotFound


def test_ingest_adds_every_notice_with_its_unit_and_chunks(ingested):
    rows = ingested.catalog.notices()
    assert len(rows) == 3
    units = {row.unit for row in rows}
    assert "东湖高新产业园" in units
    for row in rows:
        assert row.chunk_count > 0
        text = ingested.catalog.notice_text(row.notice_id)
        for chunk in ingested.catalog.chunks(row.notice_id):
            assert text[chunk.start : chunk.end] == chunk.text
    assert ingested.store.count() == sum(row.chunk_count for row in rows)


def test_reingesting_unchanged_notices_costs_nothing(ingested, notices_dir):
    report = ingested.ingestor.ingest_paths([notices_dir])
    assert (len(report.added), len(report.updated), len(report.unchanged)) == (0, 0, 3)
    assert report.chunks == 0
    assert len(ingested.catalog.notices()) == 3


def test_a_changed_file_replaces_its_old_chunks(ingested, notices_dir):
    path = notices_dir / "donghu.txt"
    old = next(r for r in ingested.catalog.notices() if r.file_name == "donghu.txt")
    path.write_text(path.read_text(encoding="utf-8").replace("8.9万元", "9.9万元"), encoding="utf-8")
    report = ingested.ingestor.ingest_paths([path])
    assert report.updated == [str(path)]
    rows = ingested.catalog.notices()
    assert len(rows) == 3
    assert old.notice_id not in {r.notice_id for r in rows}
    assert ingested.store.count() == sum(r.chunk_count for r in rows)
    hits = ingested.lexical.search("收回多付工程款", 5)
    texts = [c.text for c in ingested.catalog.chunks() if c.chunk_id in {h.chunk_id for h in hits}]
    assert any("9.9万元" in t for t in texts) and not any("8.9万元" in t for t in texts)


def test_remove_takes_a_notice_out_of_catalogue_vectors_and_lexical_index(ingested):
    assert ingested.lexical.search("收回多付工程款", 5)
    removed = ingested.ingestor.remove("donghu.txt")
    assert removed.unit == "东湖高新产业园"
    assert len(ingested.catalog.notices()) == 2
    assert ingested.store.count() == sum(r.chunk_count for r in ingested.catalog.notices())
    assert ingested.lexical.search("收回多付工程款", 5) == [] or all(
        h.notice_id != removed.notice_id for h in ingested.lexical.search("收回多付工程款", 5)
    )
    with pytest.raises(NoticeNotFound):
        ingested.ingestor.remove("donghu.txt")


def test_bad_files_are_reported_one_line_each_and_the_rest_ingests(workspace, notices_dir):
    (notices_dir / "empty.txt").write_text("", encoding="utf-8")
    (notices_dir / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (notices_dir / "big.txt").write_text("巡察整改。" * 400_000, encoding="utf-8")
    workspace.ingestor.max_file_bytes = 1_000_000
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert len(report.added) == 3
    assert len(report.failed) == 3
    for line in report.failed:
        assert "\n" not in line
    assert any("empty.txt" in line for line in report.failed)
    assert any("binary.txt" in line for line in report.failed)
    assert any("big.txt" in line for line in report.failed)
    assert not report.ok


def test_a_crash_mid_ingest_leaves_no_half_notice_and_a_rerun_completes(workspace, notices_dir, monkeypatch):
    calls = {"n": 0}
    real_add = workspace.store.add_notices

    def add_then_crash(notices, vectors):
        calls["n"] += 1
        real_add(notices, vectors)
        if calls["n"] == 2:
            raise KeyboardInterrupt  # Ctrl-C after the vectors, before the catalogue commit

    workspace.ingestor.batch_chunks = 1  # one notice per batch: the crash hits the second notice
    monkeypatch.setattr(workspace.store, "add_notices", add_then_crash)
    with pytest.raises(KeyboardInterrupt):
        workspace.ingestor.ingest_paths([notices_dir])
    assert len(workspace.catalog.notices()) == 1
    monkeypatch.setattr(workspace.store, "add_notices", real_add)
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert len(report.added) == 2 and len(report.unchanged) == 1
    rows = workspace.catalog.notices()
    assert len(rows) == 3
    assert workspace.store.count() == sum(r.chunk_count for r in rows)


def test_a_crash_in_a_batch_of_notices_leaves_none_half_done(workspace, notices_dir, monkeypatch):
    real_add = workspace.store.add_notices

    def add_then_crash(notices, vectors):
        real_add(notices, vectors)
        raise KeyboardInterrupt

    monkeypatch.setattr(workspace.store, "add_notices", add_then_crash)
    with pytest.raises(KeyboardInterrupt):
        workspace.ingestor.ingest_paths([notices_dir])
    assert workspace.catalog.notices() == []
    monkeypatch.setattr(workspace.store, "add_notices", real_add)
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert len(report.added) == 3
    assert workspace.store.count() == sum(r.chunk_count for r in workspace.catalog.notices())


def test_notices_read_while_the_embedder_is_busy_are_embedded_together_and_upserted_once(
    workspace, notices_dir, monkeypatch
):
    embedded: list[int] = []
    upserts: list[int] = []
    all_read = threading.Event()
    real_embed, real_add = workspace.embeddings.embed_documents_with_progress, workspace.store.add_notices
    real_prepare = workspace.ingestor._prepare_file
    prepared: list[Path] = []

    def prepare(path, report, pending_ids):
        prepared.append(path)
        outcome = real_prepare(path, report, pending_ids)
        if len(prepared) == 3:
            all_read.set()
        return outcome

    def embed(texts, progress):
        # The first notice's embedding lasts until the other notices are read: reading goes on meanwhile.
        assert all_read.wait(timeout=60), "the next notices were not read while the first was embedding"
        embedded.append(len(texts))
        return real_embed(texts, progress)

    monkeypatch.setattr(workspace.ingestor, "_prepare_file", prepare)
    monkeypatch.setattr(workspace.embeddings, "embed_documents_with_progress", embed)
    monkeypatch.setattr(
        workspace.store,
        "add_notices",
        lambda notices, vectors: upserts.append(len(notices)) or real_add(notices, vectors),
    )
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert len(report.added) == 3
    assert upserts == [1, 2]  # the first notice alone (the embedder was idle), the two read meanwhile together
    assert len(embedded) == 2 and sum(embedded) == report.chunks


def test_a_notice_that_fails_to_embed_fails_alone(workspace, notices_dir, monkeypatch):
    real_embed = workspace.embeddings.embed_documents_with_progress
    poisoned = (notices_dir / "donghu.txt").read_text(encoding="utf-8").splitlines()[0]

    def embed(texts, progress):
        if any(poisoned in text for text in texts):
            raise RuntimeError("embedder refused a text")
        return real_embed(texts, progress)

    monkeypatch.setattr(workspace.embeddings, "embed_documents_with_progress", embed)
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert len(report.added) == 2
    assert len(report.failed) == 1 and "donghu.txt" in report.failed[0] and "embedder refused" in report.failed[0]
    assert workspace.store.count() == sum(r.chunk_count for r in workspace.catalog.notices())


def test_the_same_text_twice_in_one_run_is_ingested_once(workspace, notices_dir):
    (notices_dir / "copy.txt").write_text((notices_dir / "donghu.txt").read_text(encoding="utf-8"), encoding="utf-8")
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert len(report.added) == 3 and len(report.unchanged) == 1
    assert len(workspace.catalog.notices()) == 3


def test_a_missing_path_is_reported_not_raised(workspace, tmp_path: Path):
    report = workspace.ingestor.ingest_paths([tmp_path / "nope"])
    assert len(report.failed) == 1 and "nope" in report.failed[0]

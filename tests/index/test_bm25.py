"""BM25 snapshots: the scores bm25s gives, and updates by notice equal to a rebuild."""

from __future__ import annotations

import bm25s
import numpy as np

from index.bm25 import build_snapshot, load_snapshot, save_snapshot

ROWS = [
    ("c1", "n1", ["津补贴", "清退", "津补贴"]),
    ("c2", "n1", ["公务", "用车", "整改"]),
    ("c3", "n2", ["固定资产", "入账", "整改", "台账"]),
    ("c4", "n3", ["清退", "整改"]),
]


def test_scores_match_bm25s_on_the_same_tokens():
    snapshot = build_snapshot(ROWS)
    reference = bm25s.BM25()
    reference.index([tokens for _, _, tokens in ROWS], show_progress=False)
    query = ["清退", "整改"]
    expected = reference.get_scores_from_ids([reference.vocab_dict[t] for t in query])
    assert np.allclose(snapshot.scores(query), expected)


def test_adding_and_removing_notices_scores_as_a_fresh_build_would():
    grown = build_snapshot(ROWS[:2]).with_notices(ROWS[2:]).without_notices(["n1"])
    fresh = build_snapshot(ROWS[2:])
    assert grown.chunk_ids == fresh.chunk_ids == ("c3", "c4")
    assert np.allclose(grown.scores(["整改", "清退", "津补贴"]), fresh.scores(["整改", "清退", "津补贴"]))
    assert grown.frequency_of("津补贴") == 0


def test_a_snapshot_is_not_changed_by_the_snapshots_derived_from_it():
    first = build_snapshot(ROWS[:2])
    before = first.scores(["清退"]).copy()
    first.with_notices(ROWS[2:]).without_notices(["n1"])
    assert first.chunk_ids == ("c1", "c2")
    assert np.array_equal(first.scores(["清退"]), before)


def test_coverage_is_the_length_weighted_share_of_terms_each_chunk_holds():
    coverage = build_snapshot(ROWS).coverage(["清退", "固定资产"])
    assert np.allclose(coverage, [2 / 6, 0, 4 / 6, 2 / 6])


def test_a_saved_snapshot_loads_back_with_the_same_scores(tmp_path):
    snapshot = build_snapshot(ROWS)
    save_snapshot(snapshot, tmp_path)
    vocabulary = sorted(snapshot.vocabulary, key=snapshot.vocabulary.__getitem__)
    loaded = load_snapshot(tmp_path, vocabulary, snapshot.chunk_ids, snapshot.notice_ids)
    assert np.allclose(loaded.scores(["整改", "台账"]), snapshot.scores(["整改", "台账"]))

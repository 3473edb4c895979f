"""The word cutter: each one keeps its own added words, though they share jieba's dictionary."""

from __future__ import annotations

from index.lexical import ChineseTokenizer

UNIT = "雁汀市鹭洲区"  # a fictional unit name jieba does not know as one word


def test_a_unit_name_added_to_one_word_cutter_is_one_token_there_and_not_in_another():
    knows_the_unit = ChineseTokenizer([UNIT])
    does_not = ChineseTokenizer()
    assert UNIT in knows_the_unit.tokenize(f"{UNIT}巡察整改情况")
    assert UNIT not in does_not.tokenize(f"{UNIT}巡察整改情况")
    assert "巡察" in does_not.tokenize(f"{UNIT}巡察整改情况")


def rows_by_chunk(snapshot) -> dict[str, dict[str, int]]:
    """Each chunk's term counts, by term."""
    terms = {column: term for term, column in snapshot.vocabulary.items()}
    rows = snapshot.counts.tocsr()
    return {
        chunk_id: {terms[column]: int(count) for column, count in zip(rows[row].indices, rows[row].data)}
        for row, chunk_id in enumerate(snapshot.chunk_ids)
    }


def test_tokens_read_ahead_during_an_ingest_index_as_a_rebuild_from_the_catalogue_does(
    workspace, notices_dir, tmp_path, monkeypatch
):
    from index.lexical import LexicalIndex

    read: list[int] = []
    real_read_ahead = workspace.lexical.read_ahead
    monkeypatch.setattr(workspace.lexical, "read_ahead", lambda notices: read.append(len(notices)) or real_read_ahead(notices))
    assert workspace.ingestor.ingest_paths([notices_dir]).ok
    assert sum(read) == 3  # every notice was read ahead while it was embedded
    rebuilt = LexicalIndex(workspace.catalog, tmp_path / "rebuilt")
    assert rows_by_chunk(workspace.lexical.snapshot()) == rows_by_chunk(rebuilt.snapshot())

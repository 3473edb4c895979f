"""Retrieval metrics on a tiny gold set over the fixture notices: recall@k, MRR, unit coverage."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from assistant.evaluation.gold import GoldItem, GoldQuote, Hit, load_gold_set, quote_covered
from assistant.evaluation.retrieval import run_retrieval_eval, score_item, summarise_by_kind

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = FIXTURES / "notices"
GOLD_SET = FIXTURES / "eval" / "gold.jsonl"


@pytest.fixture(scope="module")
def items() -> dict[str, GoldItem]:
    return {item.id: item for item in load_gold_set(GOLD_SET, CORPUS)}


def notice_text(file_name: str) -> str:
    return (CORPUS / file_name).read_text(encoding="utf-8")


def hit_around(quote: GoldQuote, before: int = 40, after: int = 40) -> Hit:
    """A chunk holding the whole quote with some text either side."""
    return Hit(quote.doc, max(0, quote.start - before), quote.end + after)


# --- the gold set ------------------------------------------------------------------------


def test_gold_quotes_are_located_verbatim_in_their_notices(items):
    assert list(items) == ["fx-001", "fx-002", "fx-003", "fx-004"]
    raw_lines = [json.loads(line) for line in GOLD_SET.read_text(encoding="utf-8").splitlines()]
    for raw, item in zip(raw_lines, items.values(), strict=True):
        assert [q.doc for q in item.quotes] == [s["doc"] for s in raw["sources"]]
        for source, quote in zip(raw["sources"], item.quotes, strict=True):
            assert notice_text(quote.doc)[quote.start : quote.end] == source["quote"]
    assert items["fx-002"].gold_docs == {"donghu.txt", "yunling.txt"}
    assert items["fx-003"].history[0]["role"] == "user"
    assert items["fx-004"].quotes == []


def test_a_quote_not_in_its_notice_is_refused_naming_the_line_and_the_notice(tmp_path):
    gold = tmp_path / "gold.jsonl"
    good = GOLD_SET.read_text(encoding="utf-8").splitlines()[0]
    bad = {"id": "x", "kind": "number", "question": "?", "sources": [{"doc": "liulin.txt", "quote": "收回多付工程款8.9万元"}]}
    gold.write_text(good + "\n\n" + json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")

    with pytest.raises(ValueError) as refused:
        load_gold_set(gold, CORPUS)
    message = str(refused.value)
    assert f"{gold}:3" in message  # the blank line still counts
    assert "liulin.txt" in message and "not found" in message


def test_a_source_file_missing_from_the_corpus_is_refused_by_name(tmp_path):
    gold = tmp_path / "gold.jsonl"
    item = {"id": "x", "kind": "number", "question": "?", "sources": [{"doc": "absent.txt", "quote": "整改"}]}
    gold.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")

    with pytest.raises(ValueError, match="absent.txt"):
        load_gold_set(gold, CORPUS)


def test_an_empty_quote_is_refused_rather_than_matching_everywhere(tmp_path):
    gold = tmp_path / "gold.jsonl"
    item = {"id": "x", "kind": "number", "question": "?", "sources": [{"doc": "donghu.txt", "quote": ""}]}
    gold.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")

    with pytest.raises(ValueError, match="donghu.txt"):
        load_gold_set(gold, CORPUS)


# --- one item's score --------------------------------------------------------------------


def test_recall_mrr_and_unit_coverage_of_an_aggregate_item(items):
    item = items["fx-002"]
    donghu_quote, yunling_quote = item.quotes
    hits = [
        Hit("liulin.txt", 0, 200),  # another unit
        hit_around(yunling_quote),  # first gold quote found at rank 2
        Hit("donghu.txt", 0, 60),  # the right unit, not the quote
    ]

    score = score_item(item, hits, ms=12.5)

    assert (score.quotes_found, score.quotes_total) == (1, 2)
    assert score.reciprocal_rank == pytest.approx(1 / 2)
    assert (score.units_found, score.units_total) == (2, 2)  # a unit counts once any chunk of it is there
    assert score.ms == 12.5 and score.scored


def test_missing_every_quote_scores_zero(items):
    item = items["fx-001"]
    score = score_item(item, [Hit("yunling.txt", 0, 500), Hit("liulin.txt", 0, 500)], ms=1.0)
    assert (score.quotes_found, score.quotes_total, score.reciprocal_rank) == (0, 1, 0.0)
    assert score.units_total == 0  # unit coverage is only for questions across units


def test_an_item_without_sources_is_not_scored_for_recall(items):
    score = score_item(items["fx-004"], [Hit("donghu.txt", 0, 100)], ms=3.0)
    assert not score.scored and score.quotes_total == 0


def test_a_quote_straddling_a_chunk_boundary_counts_only_when_one_chunk_holds_80_percent(items):
    quote = items["fx-002"].quotes[0]
    length = quote.end - quote.start
    cut = quote.start + math.ceil(0.8 * length)  # the first boundary that leaves 80% in the left chunk

    left_with_80, right_rest = Hit(quote.doc, quote.start - 50, cut), Hit(quote.doc, cut - 5, quote.end + 50)
    assert quote_covered(quote, left_with_80)
    assert not quote_covered(quote, right_rest)
    assert not quote_covered(quote, Hit(quote.doc, quote.start - 50, cut - 1))
    assert not quote_covered(quote, Hit("yunling.txt", quote.start - 50, cut))  # same span, other notice

    middle = quote.start + length // 2
    halves = [Hit(quote.doc, quote.start - 50, middle), Hit(quote.doc, middle, quote.end + 50)]
    straddled = GoldItem("s", "single_fact", "?", [], [quote], [], {})
    assert score_item(straddled, halves, 1.0).quotes_found == 0
    assert score_item(straddled, [right_rest, left_with_80], 1.0).reciprocal_rank == pytest.approx(1 / 2)


# --- the summary -------------------------------------------------------------------------


def test_summary_by_kind_on_hand_made_hits(items):
    scores = [
        score_item(items["fx-001"], [Hit("liulin.txt", 0, 80), hit_around(items["fx-001"].quotes[0])], 10.0),
        score_item(items["fx-002"], [hit_around(items["fx-002"].quotes[0])], 20.0),
        score_item(items["fx-003"], [hit_around(items["fx-003"].quotes[0])], 30.0),
        score_item(items["fx-004"], [Hit("donghu.txt", 0, 100)], 40.0),
    ]

    summary = summarise_by_kind(scores)  # ratios are rounded to 4 decimals

    assert summary["recall@k"] == pytest.approx(3 / 4, abs=1e-4)  # 1 + 1 of 2 + 1; fx-004 has nothing to find
    assert summary["mrr"] == pytest.approx((1 / 2 + 1 + 1) / 3, abs=1e-4)
    assert summary["unit_coverage"] == pytest.approx(1 / 2, abs=1e-4)  # yunling.txt missing
    assert summary["n"] == 4
    assert summary["p50_ms"] in (20.0, 30.0) and summary["p95_ms"] == 40.0
    kinds = summary["by_kind"]
    assert set(kinds) == {"number", "aggregate_across_units", "multi_turn_followup", "not_in_corpus"}
    assert kinds["aggregate_across_units"]["recall@k"] == pytest.approx(1 / 2, abs=1e-4)
    assert kinds["number"]["mrr"] == pytest.approx(1 / 2, abs=1e-4)
    assert kinds["number"]["unit_coverage"] is None
    assert kinds["not_in_corpus"]["recall@k"] is None and kinds["not_in_corpus"]["n"] == 1


def test_the_product_finds_every_gold_quote_of_the_tiny_set(ingested, items):
    report = run_retrieval_eval(ingested, list(items.values()), k=5)

    retrieval = report["retrieval"]
    assert retrieval["recall@k"] == 1.0
    assert retrieval["unit_coverage"] == 1.0
    assert retrieval["by_kind"]["multi_turn_followup"]["recall@k"] == 1.0  # the follow-up was resolved
    assert "baseline" not in report


def test_an_evaluation_index_is_not_shared_between_model_folders(tmp_path):
    from assistant.evaluation.corpus import corpus_fingerprint
    from assistant.settings import Settings

    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "a.txt").write_text("青禾市云岭区巡察整改情况通报", encoding="utf-8")
    folder = tmp_path / "notices"
    one, again = Settings(model_dir=tmp_path / "models-a"), Settings(model_dir=tmp_path / "models-a")
    assert corpus_fingerprint(folder, one) != corpus_fingerprint(folder, Settings(model_dir=tmp_path / "models-b"))
    assert corpus_fingerprint(folder, one) == corpus_fingerprint(folder, again)

"""Scoring extracted metadata against hand-written gold with notes in parentheses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.evaluation.metadata import compare_metadata_with_gold, expected_publish_date, field_matches, main_value

FIXTURES = Path(__file__).parent.parent / "fixtures" / "metadata"

GOLD = {
    "county_bureau_no_title.txt": {
        "unit": "柳溪县国资委",
        "aliases_in_text": ["县国资委", "柳溪县国资委", "我委"],
        "inspecting_body": {"value": "县委第二巡察组(柳溪县委)", "quote": "县委第二巡察组对县国资委党委开展了常规巡察"},
        "inspection_kind": "巡察(常规巡察)",
        "inspection_period": {"value": "2023年3月1日至4月28日", "quote": "2023年3月1日至4月28日"},
        "feedback_date": {"value": "2023年6月28日(正文只写“6月28日”)", "quote": "6月28日"},
        "publish_date": {"value": None, "quote": None},
    },
    "district_web_page.txt": {
        "unit": "青禾市云岭区",
        "aliases_in_text": ["云岭区", "区委", "我区", "青禾区"],  # 青禾区 is not extracted: one miss
        "inspecting_body": {"value": "市委第二巡察组"},
        "inspection_kind": "巡察",
        "inspection_period": {"value": "2022年9月5日至11月20日"},
        "feedback_date": {"value": "2023年1月6日"},
        "publish_date": {"value": "网页发布时间2023-05-08 09:30;落款二〇二三年五月六日"},
    },
}


@pytest.fixture
def scored(tmp_path: Path) -> dict:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in GOLD:
        shutil.copy(FIXTURES / name, corpus / name)
    gold_path = tmp_path / "units.json"
    gold_path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return compare_metadata_with_gold(corpus, gold_path)


def test_every_gold_field_gets_a_row(scored):
    assert scored["fields"] == 14
    assert {row["field"] for row in scored["rows"]} == {
        "unit", "aliases", "inspecting_body", "inspection_kind", "inspection_period", "feedback_date", "publish_date",
    }


def test_accuracy_counts_the_one_wrong_alias_list(scored):
    wrong = [(row["doc"], row["field"]) for row in scored["rows"] if not row["ok"]]
    assert wrong == [("district_web_page.txt", "aliases")]
    assert scored["correct"] == 13
    assert scored["accuracy"] == pytest.approx(13 / 14)


def test_self_references_are_not_required_aliases(scored):
    row = next(r for r in scored["rows"] if r["doc"] == "county_bureau_no_title.txt" and r["field"] == "aliases")
    assert row["ok"] and "我委" not in row["gold"]


def test_gold_notes_in_parentheses_are_not_part_of_the_value():
    assert main_value("市委第四巡察组(开头两处误写为“市委第巡察组”)") == "市委第四巡察组"
    assert main_value("巡察(专项巡察)") == "巡察"


def test_yearless_feedback_date_matches_gold_with_the_year_added():
    assert field_matches("feedback_date", "2018年7月27日(正文只写“7月27日”)", "7月27日")
    assert not field_matches("feedback_date", "2018年7月27日", "7月28日")


def test_publish_date_takes_the_first_dated_part_of_the_gold():
    assert expected_publish_date("未注明网页发布日期;落款2023年6月28日") == "2023年6月28日"
    assert field_matches("publish_date", "网页发布日期2021-06-28 16:53;落款2021年6月25日", "2021-06-28 16:53")
    assert not field_matches("publish_date", "网页发布日期2021-06-28 16:53;落款2021年6月25日", "2021年6月25日")


def test_null_gold_requires_no_value():
    assert field_matches("publish_date", None, None)
    assert not field_matches("publish_date", None, "2023年6月28日")


def test_a_different_group_is_wrong():
    assert not field_matches("inspecting_body", "区委第三巡察组", "区委巡察组")

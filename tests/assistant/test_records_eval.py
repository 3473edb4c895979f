"""Gold comparison of notice records: how a field counts as right, absent gold, unverified quotes."""

import json

from assistant.evaluation.records import compare_records_with_gold, gold_numbers, records_table
from index.records import NoticeRecord

LIULIN = (
    "区委第一巡察组对柳林街道进行了巡察,反馈了三个方面18个问题。截至目前,已整改到位16个,正在整改2个。"
    "巡察以来挽回经济损失8.6万元。给予党纪处分2人,诫勉谈话3人。修订完善制度6项。"
)
YUNLING = "市委第二巡察组对青禾市云岭区进行了巡察,指出了12个具体问题。目前各项整改工作有序推进。"


def _gold(value, quote="x" * 12):
    return {"value": value, "quote": quote}


def _write_corpus(tmp_path):
    corpus = tmp_path / "notices"
    corpus.mkdir()
    (corpus / "liulin.txt").write_text(LIULIN, encoding="utf-8")
    (corpus / "yunling.txt").write_text(YUNLING, encoding="utf-8")
    gold = {
        "liulin.txt": {
            "unit": "柳林街道",
            "headline_figures": {
                "problems": _gold("三个方面18个问题"),
                "rectified": _gold("已整改到位16个,正在整改2个"),
                "money_recovered": _gold("巡察以来挽回经济损失8.6万元"),
                "people_disciplined": _gold("党纪处分2人,诫勉谈话3人,通报批评4人"),  # 4 is not in the notice
                "rules_made_revised": _gold("修订完善制度6项"),
            },
        },
        "yunling.txt": {
            "unit": "青禾市云岭区",
            "headline_figures": {
                "problems": _gold("12个具体问题"),
                "rectified": _gold(None, None),
                "money_recovered": _gold(None, None),
                "people_disciplined": _gold(None, None),
                "rules_made_revised": _gold(None, None),
            },
        },
        "missing.txt": {"unit": "不存在", "headline_figures": {"problems": _gold("1个问题")}},
    }
    gold_path = tmp_path / "units.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return corpus, gold_path


def test_accuracy_counts_a_field_right_only_when_every_gold_number_was_extracted(tmp_path):
    corpus, gold_path = _write_corpus(tmp_path)
    result = compare_records_with_gold(corpus, gold_path)
    assert result["fields"] == 10  # notices missing from the corpus are skipped
    assert result["correct"] == 9
    assert result["accuracy"] == 0.9
    assert result["unverified_values"] == 0
    wrong = [row for row in result["rows"] if not row["ok"]]
    assert [(row["doc"], row["field"]) for row in wrong] == [("liulin.txt", "people_disciplined")]
    assert wrong[0]["missing"] == [4.0]
    assert "4" in wrong[0]["reason"]


def test_absent_gold_is_right_only_when_nothing_was_extracted(tmp_path):
    corpus, gold_path = _write_corpus(tmp_path)
    (corpus / "yunling.txt").write_text(YUNLING + "已完成整改5项。", encoding="utf-8")
    rows = compare_records_with_gold(corpus, gold_path)["rows"]
    rectified = next(row for row in rows if row["doc"] == "yunling.txt" and row["field"] == "rectified")
    assert rectified["ok"] is False
    assert rectified["got"] == ["完成整改 5项"]


def test_rows_show_clue_figures_counted_for_a_field_with_their_field_name(tmp_path):
    corpus, gold_path = _write_corpus(tmp_path)
    (corpus / "liulin.txt").write_text(LIULIN + "巡察移交问题线索3件,已办结3件。", encoding="utf-8")
    rows = compare_records_with_gold(corpus, gold_path)["rows"]
    people = next(row for row in rows if row["doc"] == "liulin.txt" and row["field"] == "people_disciplined")
    assert people["got"][-2:] == ["[clues] 移交问题线索 3件", "[clues] 办结 3件"]


def test_gold_numbers_read_chinese_numerals_money_and_skip_fixed_terms():
    assert gold_numbers("三大方面12个问题,细化为35项具体整改任务") == [3, 12, 35]
    assert gold_numbers("挽回经济损失2.3万元;清退3200元") == [23_000, 3_200]
    assert gold_numbers("(违反八项规定问题)党内警告1人") == [1]


def test_records_table_has_one_row_per_notice_with_labelled_values(tmp_path):
    corpus, gold_path = _write_corpus(tmp_path)
    records = [NoticeRecord.from_dict(data) for data in compare_records_with_gold(corpus, gold_path)["records"]]
    table = records_table(records).splitlines()
    assert len(table) == 2 + 2
    assert "巡察以来挽回经济损失 8.6万元" in table[2]
    assert table[3].startswith("| 青禾市云岭区 |")


def test_records_are_scored_with_the_unit_ingest_extracts_not_the_gold_name(tmp_path):
    corpus, gold_path = _write_corpus(tmp_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["liulin.txt"]["unit"] = "黄石镇"  # a gold name the notice never uses
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    rows = compare_records_with_gold(corpus, gold_path)["rows"]
    units = {row["unit"] for row in rows if row["doc"] == "liulin.txt"}
    assert units and "黄石镇" not in units
    assert all("柳林" in unit for unit in units)

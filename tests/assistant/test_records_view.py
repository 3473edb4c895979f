"""The records table as the CLI and the Records tab show it: rows, CSV, JSON, cell sources, side-by-side units."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest

from assistant import records_view
from assistant.records_view import (
    compare_units,
    figure_sources,
    records_columns,
    records_csv,
    records_json,
    records_rows,
    records_text_table,
)
from index.catalog import NoticeRow
from index.documents import notice_id_for
from index.metadata import extract_notice_metadata
from index.records import extract_notice_record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "records"


class FakeCatalog:
    """The fixture notices as the catalogue would serve them once ingested."""

    def __init__(self, paths: list[Path]) -> None:
        self._rows, self._records, self._texts = [], {}, {}
        for path in paths:
            text = path.read_text(encoding="utf-8")
            notice_id = notice_id_for(text)
            metadata = extract_notice_metadata(text, path.name)
            self._rows.append(
                NoticeRow(notice_id, str(path), path.name, metadata.title, metadata.unit, metadata, 1, "ready", 0.0)
            )
            self._records[notice_id] = extract_notice_record(notice_id, text, metadata.unit).to_dict()
            self._texts[notice_id] = text

    def records(self):
        return dict(self._records)

    def notices(self):
        return list(self._rows)

    def notice_text(self, notice_id):
        return self._texts.get(notice_id)


@pytest.fixture(scope="module")
def catalog() -> FakeCatalog:
    return FakeCatalog(sorted(FIXTURES.glob("*.txt")))


def _row(catalog, unit: str) -> dict[str, str]:
    return next(row for row in records_rows(catalog) if row["unit"] == unit)


def test_columns_are_the_unit_metadata_and_every_figure_field_with_chinese_headers():
    assert records_columns() == [
        ("unit", "单位"), ("inspecting_body", "巡察(巡视)组"), ("inspection_period", "巡察时间"),
        ("feedback_date", "反馈时间"), ("publish_date", "发布时间"), ("problems_found", "反馈问题"), ("measures", "整改措施(任务)"),
        ("problems_rectified", "已整改"), ("problems_in_progress", "正在整改"), ("completion_rate", "整改率"),
        ("money", "追缴/挽回金额"), ("people", "处理人数"), ("rules", "制度"), ("clues", "线索/信访"),
    ]


def test_a_row_shows_figures_as_written_with_their_labels_and_metadata_values(catalog):
    row = _row(catalog, "青禾市云岭区")
    assert row["money"] == "清退违规发放津补贴12.6万元; 累计挽回经济损失46.8万元"
    assert row["rules"] == "新制定制度11项; 修订完善制度8项"
    assert row["problems_found"] == "方面4个; 问题18个"
    assert row["inspecting_body"] == "市委第二巡察组"
    assert row["inspection_period"] == "2023年9月4日至11月10日"
    assert row["feedback_date"] == "2023年12月15日"
    assert row["title"] == "中共青禾市云岭区委关于巡察整改进展情况的通报"


def test_absent_figures_are_empty_cells_never_guesses(catalog):
    row = _row(catalog, "柳林街道")
    assert row["money"] == "" and row["completion_rate"] == "" and row["feedback_date"] == ""
    baisha = _row(catalog, "白沙镇")
    assert baisha["people"] == "" and "40万元" not in baisha["money"] and "10万元" not in baisha["money"]


def test_sub_unit_figures_carry_their_scope(catalog):
    assert _row(catalog, "白沙镇")["money"] == "追缴违规资金三十万元; 石桥村:清退2.5万元"


def test_one_row_per_ready_notice(catalog):
    rows = records_rows(catalog)
    assert sorted(row["unit"] for row in rows) == sorted(["青禾市云岭区", "东湖高新产业园", "柳林街道", "白沙镇"])
    assert all(set(key for key, _ in records_columns()) | {"notice_id", "title"} == set(row) for row in rows)


def test_csv_has_chinese_headers_and_reads_back_cell_for_cell(catalog):
    text = records_csv(catalog)
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:2] == ["单位", "巡察(巡视)组"] and table[0][-2:] == ["通报标题", "通报编号"]
    assert len(table) == 1 + len(records_rows(catalog))
    by_unit = {line[0]: dict(zip(table[0], line)) for line in table[1:]}
    assert by_unit["东湖高新产业园"]["追缴/挽回金额"] == "收回多付工程款89000元; 挽回经济损失125000元"
    assert by_unit["东湖高新产业园"]["制度"] == "新制定制度十二项"


def test_json_holds_every_figure_with_a_quote_that_is_the_notice_text_at_its_span(catalog):
    notices = records_json(catalog)
    json.dumps(notices, ensure_ascii=False)  # plain data, ready for --json
    yunling = next(n for n in notices if n["unit"] == "青禾市云岭区")
    text = catalog.notice_text(yunling["notice_id"])
    money = yunling["figures"]["money"]
    assert [(f["label"], f["value"], f["unit"]) for f in money] == [
        ("清退违规发放津补贴", 126000.0, "元"), ("累计挽回经济损失", 468000.0, "元")
    ]
    for figures in yunling["figures"].values():
        for figure in figures:
            assert text[figure["start"] : figure["end"]] == figure["quote"] and figure["text"] in figure["quote"]
    period = yunling["metadata"]["inspection_period"]
    assert text[period["start"] : period["end"]] == period["quote"] == "2023年9月4日至11月10日"
    assert yunling["metadata"]["publish_date"]["text"] == "2024年5月18日"


def test_figure_sources_give_the_quote_behind_a_cell(catalog):
    notice_id = _row(catalog, "白沙镇")["notice_id"]
    sources = figure_sources(catalog, notice_id, "money")
    assert [(s["label"], s["text"], s["scope"]) for s in sources] == [("追缴违规资金", "三十万元", ""), ("清退", "2.5万元", "石桥村")]
    assert sources[0]["quote"] == "目前共计追缴违规资金三十万元"
    text = catalog.notice_text(notice_id)
    assert all(text[s["start"] : s["end"]] == s["quote"] for s in sources)


def test_figure_sources_of_a_metadata_cell_and_of_empty_cells(catalog):
    notice_id = _row(catalog, "青禾市云岭区")["notice_id"]
    [team] = figure_sources(catalog, notice_id, "inspecting_body")
    assert team["text"] == "市委第二巡察组" and team["quote"] == "市委第二巡察组"
    liulin = _row(catalog, "柳林街道")["notice_id"]
    assert figure_sources(catalog, liulin, "money") == []
    assert figure_sources(catalog, liulin, "feedback_date") == []
    assert figure_sources(catalog, "no-such-notice", "money") == []


def test_compare_units_puts_units_side_by_side(catalog):
    table = compare_units(catalog, ["青禾市云岭区", "柳林街道"])
    by_field = {line["field"]: line for line in table}
    assert by_field["制度"] == {"field": "制度", "青禾市云岭区": "新制定制度11项; 修订完善制度8项", "柳林街道": "建立健全制度5项"}
    assert by_field["追缴/挽回金额"]["柳林街道"] == ""
    assert "单位" not in by_field and by_field["通报标题"]["柳林街道"].startswith("柳林街道党工委")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def test_text_table_aligns_columns_by_display_width_and_cuts_long_cells():
    rows = [
        {"unit": "青禾市云岭区", "money": "清退违规发放津补贴12.6万元; 累计挽回经济损失46.8万元", "rules": "新制定制度11项"},
        {"unit": "柳林街道", "money": "", "rules": "建立健全制度5项"},
    ]
    lines = records_text_table(rows, keys=("unit", "money", "rules"), cell_width=16).splitlines()
    assert lines[0].split() == ["单位", "追缴/挽回金额", "制度"]
    assert lines[2].startswith("青禾市云岭区  清退违规发放津…  新制定制度11项")  # cut to 16 columns with "…"
    assert lines[3].split() == ["柳林街道", "—", "建立健全制度5项"]  # an absent cell shows a dash
    # the third column starts at the same display column on every line
    starts = {_width(line[: line.index(cell)]) for line, cell in zip(lines[2:], ("新制定", "建立健全"))}
    assert starts == {_width(lines[0][: lines[0].index("制度")])}


def test_every_view_is_empty_for_an_empty_catalogue():
    empty = FakeCatalog([])
    assert records_rows(empty) == [] and records_json(empty) == []
    assert records_csv(empty).splitlines() == [",".join(h for _, h in records_view.records_columns()) + ",通报标题,通报编号"]

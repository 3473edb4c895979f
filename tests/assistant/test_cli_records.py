"""`assistant records` on an ingested workspace: the table, --json, --csv and --out."""

from __future__ import annotations

import csv
import io
import json

import pytest

from assistant import cli
from assistant.cli import records as records_command


@pytest.fixture
def run(monkeypatch, capsys):
    def run_cli(workspace, *args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(records_command, "open_workspace", lambda: workspace)
        code = cli.main(["records", *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run_cli


def test_json_lists_every_ingested_notice_with_verbatim_quotes(ingested, run):
    code, out, _ = run(ingested, "--json")
    assert code == 0
    notices = json.loads(out)
    assert sorted(n["unit"] for n in notices) == sorted(row.unit for row in ingested.catalog.notices())
    donghu = next(n for n in notices if n["unit"] == "东湖高新产业园")
    text = ingested.catalog.notice_text(donghu["notice_id"])
    money = donghu["figures"]["money"]
    assert "收回多付工程款" in [f["label"] for f in money]
    for figures in donghu["figures"].values():
        for figure in figures:
            assert text[figure["start"] : figure["end"]] == figure["quote"]


def test_csv_has_one_row_per_notice_under_chinese_headers(ingested, run):
    code, out, _ = run(ingested, "--csv")
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][0] == "单位" and "追缴/挽回金额" in table[0]
    assert len(table) == 1 + len(ingested.catalog.notices())
    yunling = next(dict(zip(table[0], line)) for line in table[1:] if line[0] == "青禾市云岭区")
    assert "挽回经济损失46.8万元" in yunling["追缴/挽回金额"]
    assert yunling["反馈时间"] == "2023年12月15日"


def test_out_writes_a_csv_excel_opens_as_utf8(ingested, run, tmp_path):
    target = tmp_path / "records.csv"
    code, out, _ = run(ingested, "--csv", "--out", str(target))
    assert code == 0 and str(target) in out
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("单位,")


def test_default_output_is_a_table_with_a_line_per_notice(ingested, run):
    code, out, _ = run(ingested)
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("单位")
    assert len(lines) == 2 + len(ingested.catalog.notices())
    assert any(line.startswith("东湖高新产业园") for line in lines)


def test_an_unwritable_out_file_is_one_clear_line(ingested, run, tmp_path):
    code, _, err = run(ingested, "--json", "--out", str(tmp_path / "missing-folder" / "r.json"))
    assert code == 1
    assert err.strip().startswith("error: --out") and len(err.strip().splitlines()) == 1


def test_an_empty_workspace_says_how_to_ingest(workspace, run):
    code, out, _ = run(workspace)
    assert code == 0 and "assistant ingest" in out

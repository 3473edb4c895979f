"""The command line, run in-process on a temporary ASSISTANT_HOME with the fake embedder."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main

FIXTURE_NOTICES = Path(__file__).resolve().parent / "fixtures" / "notices"
UNITS = ("东湖高新产业园", "青禾市云岭区", "青禾市云岭区柳林街道")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """ASSISTANT_HOME in a temp folder, fake embedder, embedded Chroma, no LLM, no config file."""
    home = tmp_path / "home"
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    monkeypatch.setenv("ASSISTANT_EMBED_MODEL", "fake")
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "absent.toml"))
    for name in ("ASSISTANT_CHROMA_URL", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL", "ASSISTANT_COLLECTION"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def notices(tmp_path: Path) -> Path:
    folder = tmp_path / "notices"
    shutil.copytree(FIXTURE_NOTICES, folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one CLI call."""
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def error_lines(err: str) -> list[str]:
    """stderr lines that are not progress-bar redraws."""
    return [line for line in err.replace("\r", "\n").splitlines() if line.startswith(("error:", "failed:", "Traceback"))]


@pytest.fixture
def ingested_home(home: Path, notices: Path, capsys) -> Path:
    code, _, _ = run(capsys, "ingest", str(notices))
    assert code == 0
    return home


def test_config_masks_every_secret(home, capsys, monkeypatch):
    monkeypatch.setenv("ASSISTANT_LLM_API_KEY", "sk-secret")
    monkeypatch.setenv("ASSISTANT_EMBED_API_KEY", "sk-embed-secret")
    monkeypatch.setenv("ASSISTANT_AUTH", "admin:hunter2")

    code, out, err = run(capsys, "config")

    assert code == 0
    assert "sk-secret" not in out + err and "sk-embed-secret" not in out + err and "hunter2" not in out + err
    assert "ASSISTANT_LLM_API_KEY = ****" in out
    assert "ASSISTANT_AUTH = ****" in out
    assert f"ASSISTANT_HOME = {home}" in out
    assert "ASSISTANT_EMBED_MODEL = fake" in out


def test_ingest_prints_the_summary_and_exits_0(home, notices, capsys):
    code, out, err = run(capsys, "ingest", str(notices))

    assert code == 0
    assert "notices added 3, updated 0, unchanged 0, failed 0" in out
    assert error_lines(err) == []

    code, out, _ = run(capsys, "ingest", str(notices))
    assert code == 0 and "notices added 0, updated 0, unchanged 3, failed 0" in out


def test_ingest_with_a_bad_file_exits_2_with_one_failed_line_naming_it(home, notices, capsys):
    (notices / "empty.txt").write_text("   \n", encoding="utf-8")

    code, out, err = run(capsys, "ingest", str(notices))

    assert code == 2
    assert "notices added 3" in out and "failed 1" in out
    failed = error_lines(err)
    assert len(failed) == 1
    assert failed[0].startswith("failed:") and "empty.txt" in failed[0]


def test_notices_lists_every_ingested_unit(ingested_home, capsys):
    code, out, _ = run(capsys, "notices")

    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 3
    for unit in UNITS:
        assert any(f"  {unit}  " in line for line in lines)
    assert all("chunks=" in line for line in lines)


def test_notices_on_an_empty_home_says_how_to_start(home, capsys):
    code, out, _ = run(capsys, "notices")
    assert code == 0 and "assistant ingest" in out


def test_remove_by_file_name_takes_the_notice_out(ingested_home, capsys):
    code, out, _ = run(capsys, "remove", "donghu.txt")

    assert code == 0
    assert out.startswith("removed ") and "东湖高新产业园" in out
    _, listing, _ = run(capsys, "notices")
    assert "东湖高新产业园" not in listing and len(listing.strip().splitlines()) == 2
    code, out, _ = run(capsys, "search", "收回多付工程款", "--json")
    assert all(r["unit"] != "东湖高新产业园" for r in json.loads(out)["results"])


def test_remove_of_an_unknown_notice_is_one_line_and_exit_1(ingested_home, capsys):
    code, out, err = run(capsys, "remove", "nope.txt")

    assert code == 1
    assert out == ""
    assert err.strip().count("\n") == 0
    assert err.startswith("error:") and "nope.txt" in err and "assistant notices" in err
    assert "Traceback" not in err


def test_search_json_is_valid_and_locates_each_passage(ingested_home, notices, capsys):
    code, out, _ = run(capsys, "search", "东湖高新产业园收回了多少工程款?", "--json", "--k", "3")

    assert code == 0
    report = json.loads(out)
    assert report["units_named"] == ["东湖高新产业园"]
    results = report["results"]
    assert 0 < len(results) <= 3
    source = (notices / "donghu.txt").read_text(encoding="utf-8")
    for result in results:
        assert {"unit", "section_path", "start", "end", "text", "notice_id", "title"} <= set(result)
        assert result["unit"] == "东湖高新产业园"
        assert source[result["start"] : result["end"]] == result["text"]
    assert "收回多付工程款8.9万元" in results[0]["text"]


def test_search_unit_option_restricts_the_passages(ingested_home, capsys):
    code, out, _ = run(capsys, "search", "收回多付工程款", "--unit", "青禾市云岭区柳林街道", "--json")

    assert code == 0
    results = json.loads(out)["results"]
    assert results and {r["unit"] for r in results} == {"青禾市云岭区柳林街道"}


def test_search_as_text_shows_rank_unit_and_span(ingested_home, capsys):
    code, out, _ = run(capsys, "search", "柳林街道信访件办结了多少件?", "--k", "2")

    assert code == 0
    assert out.startswith("1. [")
    assert "青禾市云岭区柳林街道" in out and "chars " in out


def test_search_against_an_unreachable_chroma_server_is_one_line_naming_it(home, capsys, monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", url)

    code, out, err = run(capsys, "search", "收回多付工程款")

    assert code == 1
    assert err.startswith("error:") and url in err and err.strip().count("\n") == 0


def test_ask_prints_a_cited_answer(ingested_home, capsys):
    code, out, _ = run(capsys, "ask", "东湖高新产业园收回了多少工程款?")

    assert code == 0
    assert "8.9万元" in out and "[1]" in out
    assert "来源" in out and "东湖高新产业园" in out


def test_ask_with_an_empty_question_is_one_chinese_line_and_exit_1(ingested_home, capsys):
    code, _, err = run(capsys, "ask", "   ")

    assert code == 1
    assert err.startswith("error:") and "请输入问题" in err and err.strip().count("\n") == 0


def test_python_dash_m_assistant_help_lists_the_commands(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "assistant", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )

    assert completed.returncode == 0, completed.stderr
    for command in ("config", "ingest", "notices", "remove", "search", "ask", "eval"):
        assert command in completed.stdout


def test_ingest_of_a_folder_with_nothing_to_ingest_says_so_and_fails(home, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run(capsys, "ingest", str(empty))
    assert code != 0
    assert error_lines(err) == [f"failed: {empty}: no notice files to ingest in this folder (looked for .docx .htm .html .md .pdf .txt; hidden files are left out); check the path"]


def test_ingest_skips_a_symbolic_link_loop_in_one_line_and_ingests_the_rest(home, notices, capsys):
    (notices / "loop.txt").symlink_to(notices / "loop.txt")
    code, out, err = run(capsys, "ingest", str(notices))
    assert code == 0 and "notices added 3" in out and "skipped 1" in out
    skipped = [line for line in err.replace("\r", "\n").splitlines() if line.startswith("skipped:")]
    assert skipped == [f"skipped: {notices / 'loop.txt'}: a symbolic link loop (the link points back to itself); fix or delete the link; skipped"]


def test_ingest_refresh_prints_one_summary_line(ingested_home, capsys):
    code, out, err = run(capsys, "ingest", "--refresh")

    assert code == 0
    assert out.startswith("refresh: 3 checked, 0 updated, 0 chunks re-embedded")
    assert out.strip().count("\n") == 0


def test_ingest_refresh_of_an_unknown_notice_is_one_line_and_exit_1(ingested_home, capsys):
    code, out, err = run(capsys, "ingest", "--refresh", "nope.txt")

    assert (code, out) == (1, "")
    assert err.startswith("error:") and "nope.txt" in err and "nothing was refreshed" in err
    assert err.strip().count("\n") == 0


def test_ingest_without_paths_says_what_it_needs(home, capsys):
    code, out, err = run(capsys, "ingest")

    assert code == 1
    assert err.startswith("error:") and "--refresh" in err


def test_a_library_indexed_by_older_extraction_says_a_refresh_is_due(ingested_home, capsys):
    from index.catalog import Catalog

    catalog = Catalog(ingested_home / "catalog.sqlite3")
    catalog.set_meta("extraction_fingerprint", "older")
    catalog.close()

    _, _, err = run(capsys, "notices")
    assert "assistant ingest --refresh" in err
    run(capsys, "ingest", "--refresh")
    _, _, err = run(capsys, "notices")
    assert "--refresh" not in err

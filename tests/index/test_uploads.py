"""Uploads kept by content hash: same-name files stay apart, the same bytes are unchanged, a failure leaves no trace."""

from __future__ import annotations

import random
from pathlib import Path

from tests.conftest import FIXTURE_NOTICES


def files_under(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (relative path -> bytes), hidden partial files included."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temp_upload(tmp_path: Path, folder: str, source: Path) -> Path:
    """A browser upload: the file under its original name in a temporary folder."""
    target = tmp_path / folder / "通报.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return target


def test_two_different_files_with_the_same_name_are_two_notices(workspace, tmp_path):
    first = workspace.ingest_upload(str(temp_upload(tmp_path, "t1", FIXTURE_NOTICES / "donghu.txt")), "通报.txt")
    second = workspace.ingest_upload(str(temp_upload(tmp_path, "t2", FIXTURE_NOTICES / "liulin.txt")), "通报.txt")
    assert first.added == ["通报.txt"] and second.added == ["通报.txt"]
    rows = workspace.catalog.notices()
    assert [row.file_name for row in rows] == ["通报.txt", "通报.txt"]
    assert {row.unit for row in rows} == {"东湖高新产业园", "青禾市云岭区柳林街道"}
    kept = files_under(workspace.uploads_dir)
    assert len(kept) == 2 and sorted(kept.values()) == sorted(
        [(FIXTURE_NOTICES / "donghu.txt").read_bytes(), (FIXTURE_NOTICES / "liulin.txt").read_bytes()]
    )


def test_the_same_bytes_uploaded_again_are_unchanged_even_under_another_name(workspace, tmp_path):
    workspace.ingest_upload(str(temp_upload(tmp_path, "t1", FIXTURE_NOTICES / "donghu.txt")), "通报.txt")
    before = files_under(workspace.uploads_dir)
    again = workspace.ingest_upload(str(temp_upload(tmp_path, "t2", FIXTURE_NOTICES / "donghu.txt")), "副本.txt")
    assert again.unchanged == ["副本.txt"] and not again.added
    assert files_under(workspace.uploads_dir) == before and len(workspace.catalog.notices()) == 1


def test_a_failed_upload_changes_nothing_on_disk_even_under_a_used_name(workspace, tmp_path):
    workspace.ingest_upload(str(temp_upload(tmp_path, "t1", FIXTURE_NOTICES / "donghu.txt")), "通报.txt")
    before = files_under(workspace.uploads_dir)
    broken = tmp_path / "t2" / "通报.txt"
    broken.parent.mkdir()
    broken.write_bytes(random.Random(0).randbytes(4000))  # binary, not a notice
    result = workspace.ingest_upload(str(broken), "通报.txt")
    assert len(result.failed) == 1 and result.failed[0].startswith("通报.txt: ")
    assert str(workspace.uploads_dir) not in result.failed[0]
    assert files_under(workspace.uploads_dir) == before
    assert [row.unit for row in workspace.catalog.notices()] == ["东湖高新产业园"]


def test_an_upload_name_cannot_leave_the_uploads_folder(workspace, tmp_path):
    result = workspace.ingest_upload(str(temp_upload(tmp_path, "t1", FIXTURE_NOTICES / "donghu.txt")), "../../evil.txt")
    assert result.added == ["evil.txt"]
    (kept,) = workspace.uploads_dir.glob("*/*")
    assert kept.name == "evil.txt" and kept.parent.parent == workspace.uploads_dir


def test_removing_an_uploaded_notice_deletes_its_kept_copy_only(workspace, tmp_path):
    workspace.ingest_upload(str(temp_upload(tmp_path, "t1", FIXTURE_NOTICES / "donghu.txt")), "通报.txt")
    workspace.ingest_upload(str(temp_upload(tmp_path, "t2", FIXTURE_NOTICES / "liulin.txt")), "通报.txt")
    donghu = next(row for row in workspace.catalog.notices() if row.unit == "东湖高新产业园")
    workspace.remove_notice(donghu.notice_id)
    assert list(files_under(workspace.uploads_dir).values()) == [(FIXTURE_NOTICES / "liulin.txt").read_bytes()]

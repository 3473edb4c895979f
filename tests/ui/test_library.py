"""The notices tab's library: uploads ingest under their own names, failures are explained per file."""

from __future__ import annotations

import os
import re
import threading

from tests.ui.conftest import UI_FIXTURES
from ui.library import NoticeLibrary, library_rows, notice_choices


def kept_uploads(workspace) -> list[str]:
    """Names of the uploaded files kept in the library (one folder per content hash)."""
    return sorted(p.name for p in (workspace.settings.home / "uploads").glob("*/*"))


def test_upload_ingests_under_the_original_file_name(workspace, upload_of):
    library = NoticeLibrary(workspace)
    progress = []
    upload = upload_of("songshan.txt", source=UI_FIXTURES / "songshan.txt")
    outcome = library.ingest_uploads([upload], lambda fraction, words: progress.append(fraction))
    assert outcome.ok and outcome.added == ["songshan.txt"]
    row = library.notices()[0]
    assert row.file_name == "songshan.txt" and row.unit == "青禾市松山镇"
    assert kept_uploads(workspace) == ["songshan.txt"]
    assert progress and progress[-1] == 1.0 and progress == sorted(progress)


def test_bad_files_fail_one_by_one_with_their_names_and_good_ones_still_ingest(workspace, upload_of):
    library = NoticeLibrary(workspace)
    uploads = [
        upload_of("扫描件.txt", os.urandom(4000)),
        upload_of("损坏.docx", b"PK\x03\x04 not really a docx"),
        upload_of("照片.jpg", b"\xff\xd8\xff"),
        upload_of("songshan.txt", source=UI_FIXTURES / "songshan.txt"),
    ]
    outcome = library.ingest_uploads(uploads)
    assert outcome.added == ["songshan.txt"]
    failed = {line.split(":")[0].split(":")[0]: line for line in outcome.failed}
    assert set(failed) == {"扫描件.txt", "损坏.docx", "照片.jpg"}
    assert "二进制" in failed["扫描件.txt"] and "不支持的文件类型" in failed["照片.jpg"]
    assert "另存为 .docx" in failed["损坏.docx"]  # what to do, in Chinese
    assert not any(re.search("[A-Za-z]{4,} [A-Za-z]{4,}", line) for line in outcome.failed)  # no English sentence
    assert all("gradio" not in line and "uploads" not in line for line in outcome.failed)  # no temp paths shown
    assert "**失败** 损坏.docx" in outcome.markdown()
    assert kept_uploads(workspace) == ["songshan.txt"]


def test_file_over_the_size_limit_is_refused_with_the_limit(workspace, upload_of):
    small = workspace.settings.model_copy(update={"max_file_mb": 0.001})
    workspace.settings = small
    library = NoticeLibrary(workspace)
    outcome = library.ingest_uploads([upload_of("songshan.txt", source=UI_FIXTURES / "songshan.txt")])
    line = outcome.failed[0]
    assert not outcome.added and line.startswith("songshan.txt:") and "MB 的上限" in line
    assert "请拆分文件" in line


def test_second_upload_while_one_ingests_is_told_to_wait(settings, chroma_client, upload_of):
    from assistant.workspace import Workspace
    from tests.ui.conftest import GatedEmbeddings

    embeddings = GatedEmbeddings()
    workspace = Workspace(settings, embeddings=embeddings, chroma_client=chroma_client)
    library = NoticeLibrary(workspace)
    first = threading.Thread(
        target=library.ingest_uploads, args=([upload_of("songshan.txt", source=UI_FIXTURES / "songshan.txt")],)
    )
    first.start()
    assert embeddings.embedding.wait(10)
    assert library.busy
    second = library.ingest_uploads([upload_of("other.txt", "另一份通报".encode())])
    removal = library.remove("anything")
    embeddings.gate.set()
    first.join(10)
    assert second.busy and "请等它完成" in second.markdown()
    assert "请等它完成" in removal
    assert not library.busy and len(library.notices()) == 1


def test_remove_drops_the_notice_and_its_uploaded_copy(workspace, upload_of):
    library = NoticeLibrary(workspace)
    library.ingest_uploads([upload_of("songshan.txt", source=UI_FIXTURES / "songshan.txt")])
    notice_id = library.notices()[0].notice_id
    message = library.remove(notice_id)
    assert message.startswith("已删除:青禾市松山镇")
    assert library.notices() == [] and kept_uploads(workspace) == []
    assert "已不在库中" in library.remove(notice_id)


def test_library_rows_show_unit_title_dates_and_chunks(ingested):
    rows = library_rows(ingested.catalog.notices())
    by_unit = {row[0]: row for row in rows}
    assert by_unit["东湖高新产业园"][3] == "2022年6月9日"
    assert by_unit["东湖高新产业园"][5] > 0
    assert [label for label, _ in notice_choices(ingested.catalog.notices())][0].startswith("东湖高新产业园")

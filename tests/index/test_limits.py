"""Files that expand past a limit are refused in one line naming the file and the limit; odd paths are skipped."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from index.limits import LoadLimits
from index.loaders import LoadError, load_document
from tests.index.test_loaders import build_notice_docx, build_notice_pdf

MB = 1024 * 1024


def padded_docx(path: Path, padding_bytes: int) -> Path:
    """A valid .docx whose document.xml carries padding_bytes of extra XML (compresses to almost nothing)."""
    plain = build_notice_docx(path.with_name("plain.docx"))
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * (padding_bytes // 6), 1)
            target.writestr(member, data, zipfile.ZIP_DEFLATED)
    return path


def test_a_docx_declaring_more_than_the_unpacked_limit_is_refused_before_parsing(tmp_path):
    bomb = padded_docx(tmp_path / "炸弹.docx", 3 * MB)
    assert bomb.stat().st_size < MB / 4  # small on disk, so only the unpacked size can catch it
    with pytest.raises(LoadError) as refused:
        load_document(bomb, limits=LoadLimits(max_docx_xml_bytes=2 * MB))
    line = str(refused.value)
    assert line.startswith(f"{bomb}: the .docx unpacks to 3") and "MB of XML, over the 2 MB limit" in line
    assert "ASSISTANT_MAX_DOCX_XML_MB" in line and "\n" not in line


def test_a_docx_unpacking_past_the_total_limit_is_refused(tmp_path):
    bomb = padded_docx(tmp_path / "bomb.docx", 3 * MB)
    with pytest.raises(LoadError, match="over the 2 MB limit .* ASSISTANT_MAX_EXPANDED_MB"):
        load_document(bomb, limits=LoadLimits(max_expanded_bytes=2 * MB, max_docx_xml_bytes=10 * MB))


def test_a_docx_under_the_unpacked_limit_still_loads(tmp_path):
    padded = padded_docx(tmp_path / "notice.docx", MB)
    limits = LoadLimits(max_expanded_bytes=2 * MB, max_docx_xml_bytes=2 * MB)
    assert "合计：整改问题2个" in load_document(padded, limits=limits).text


def test_text_longer_than_the_limit_is_refused(tmp_path):
    path = tmp_path / "长文.txt"
    path.write_text("整改措施落实到位。" * 200, encoding="utf-8")
    with pytest.raises(LoadError) as refused:
        load_document(path, limits=LoadLimits(max_text_chars=1000))
    assert str(refused.value).startswith(f"{path}: the text is over 1,000 characters")
    assert "ASSISTANT_MAX_TEXT_CHARS" in str(refused.value)
    assert load_document(path, limits=LoadLimits(max_text_chars=2000)).text.startswith("整改措施")


def test_a_pdf_with_more_pages_than_the_limit_is_refused(tmp_path):
    pdf = build_notice_pdf(tmp_path / "notice.pdf")  # two pages
    with pytest.raises(LoadError) as refused:
        load_document(pdf, limits=LoadLimits(max_pdf_pages=1))
    assert str(refused.value) == (
        f"{pdf}: the PDF has 2 pages, over the 1-page limit; split it, or raise ASSISTANT_MAX_PDF_PAGES"
    )
    assert load_document(pdf, limits=LoadLimits(max_pdf_pages=2)).text


def test_a_symbolic_link_loop_is_skipped_in_one_line_and_the_rest_ingests(workspace, notices_dir):
    os.symlink("b.txt", notices_dir / "a.txt")
    os.symlink("a.txt", notices_dir / "b.txt")
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert report.ok and len(report.added) == 3
    assert sorted(report.skipped) == [
        f"{notices_dir / name}: a symbolic link loop (the link points back to itself); fix or delete the link; skipped"
        for name in ("a.txt", "b.txt")
    ]
    assert "skipped 2" in report.summary()


def test_a_broken_link_is_skipped_in_one_line(workspace, notices_dir):
    os.symlink("gone.txt", notices_dir / "link.txt")
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert len(report.added) == 3
    assert report.skipped == [f"{notices_dir / 'link.txt'}: a broken symbolic link (its target is missing); fix or delete the link; skipped"]


def test_a_folder_with_nothing_to_ingest_is_a_failure_that_says_so(workspace, tmp_path):
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "photo.jpg").write_bytes(b"\xff\xd8")
    report = workspace.ingestor.ingest_paths([empty])
    assert not report.ok
    assert report.failed == [
        f"{empty}: no notice files to ingest in this folder (looked for .docx .htm .html .md .pdf .txt; "
        "hidden files are left out); check the path"
    ]

"""Upload failures read in Chinese, keep the file name and say what to do; unknown reasons are not hidden."""

from __future__ import annotations

from ui.upload_messages import chinese_failure_line, chinese_reason


def test_size_limit_keeps_the_figures_and_says_what_to_do():
    line = chinese_failure_line("通报.pdf", "the file is 25.3 MB, over the 20 MB limit; split it, or raise ...")
    assert line == "通报.pdf:文件大小 25.3 MB,超过 20 MB 的上限;请拆分文件后上传,或请管理员调大 ASSISTANT_MAX_FILE_MB"


def test_scanned_pdf_is_told_to_use_ocr():
    assert "OCR" in chinese_reason("the PDF has no text layer (scanned image?); convert it with OCR first")


def test_unknown_reason_is_shown_after_a_chinese_lead():
    assert chinese_reason("zip bomb: 1000x expansion") == "无法导入(zip bomb: 1000x expansion);请检查文件后重新上传"

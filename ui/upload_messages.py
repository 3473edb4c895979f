"""Why an uploaded file failed, in Chinese for the page: the ingest's English reasons matched by pattern.

Each pattern is a reason worded by index/loaders.py and its format readers (pdf_text.py, docx_text.py),
index/encodings.py or index/ingest.py; a reason no pattern knows is still shown, after a Chinese lead,
so nothing is hidden from the user.
"""

from __future__ import annotations

import re

# (pattern over the English reason, Chinese reason with what to do; groups fill {0}, {1}, ...)
_REASONS: list[tuple[re.Pattern, str]] = [
    # First: it wraps any error text, which must not be mistaken for one of the reasons below.
    (re.compile(r"could not be ingested \((.*)\); check the file"), "导入时出错({0});请检查文件后重新上传"),
    (re.compile(r"the file looks binary"), "文件看起来是二进制文件而不是文本;请确认选对了文件、扩展名与内容相符"),
    (
        re.compile(r"the text encoding is not recognised"),
        "无法识别文字编码(已尝试 UTF-8、UTF-16、GB18030/GBK);请用记事本等另存为 UTF-8 后再上传",
    ),
    (re.compile(r"the file has no text"), "文件没有文字内容(空文件或只有空白);请确认选对了文件"),
    (re.compile(r"the PDF has no text layer"), "PDF 没有文字层(可能是扫描件);请先做 OCR 文字识别再上传"),
    (re.compile(r"the PDF is password-protected"), "PDF 有密码保护;请另存一份不加密的副本再上传"),
    (re.compile(r"the PDF cannot be read"), "PDF 无法读取(已损坏或并非真正的 PDF);请重新下载或重新导出后上传"),
    (
        re.compile(r"the \.docx cannot be read"),
        ".docx 无法读取(已损坏,或是改了扩展名的旧版 .doc);请用 Word 或 WPS 打开后另存为 .docx 再上传",
    ),
    (re.compile(r"the page has no text"), "网页去掉菜单和脚本后没有正文;请保存通报正文所在的页面再上传"),
    (
        re.compile(r"the file is ([\d.]+) MB, over the ([\d.]+) MB limit"),
        "文件大小 {0} MB,超过 {1} MB 的上限;请拆分文件后上传,或请管理员调大 ASSISTANT_MAX_FILE_MB",
    ),
    (re.compile(r"file type (.+?) is not supported"), "不支持的文件类型 {0};请转换为 .txt .md .html .pdf .docx 之一再上传"),
    (re.compile(r"permission denied"), "服务器无权读取这个文件;请重新上传,仍失败请联系管理员"),
    (re.compile(r"(?:does not exist|no such file)"), "上传的文件在服务器上找不到了;请重新上传"),
    (re.compile(r"the file cannot be read \((.*)\)"), "文件无法读取({0});请重新上传"),
]
UNKNOWN_REASON = "无法导入({0});请检查文件后重新上传"


def chinese_reason(reason: str) -> str:
    """The Chinese wording of an ingest failure reason; unknown reasons keep their English detail."""
    reason = reason.strip()
    for pattern, chinese in _REASONS:
        match = pattern.search(reason)
        if match:
            return chinese.format(*match.groups())
    return UNKNOWN_REASON.format(reason)


def chinese_failure_line(name: str, reason: str) -> str:
    """"file name:why and what to do" for one failed upload."""
    return f"{name}:{chinese_reason(reason)}"

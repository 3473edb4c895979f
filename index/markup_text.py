"""HTML markup pasted into a text notice (<table>, <tr><td>, <br>, <p>, &nbsp;) turned into plain lines at load time."""

from __future__ import annotations

import html
import re

# Tag names that appear in notices copied from web pages; a "<" before anything else ("<5人") is text.
_TAG_NAMES = (
    "table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col|br|p|div|span|font|strong|b|i|u|em|a|img|ul|ol|li|"
    r"h[1-6]|section|article|center|hr|sup|sub|o:p"
)
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]*)?/?>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
# Tags that end a block of text: what follows starts a new line.
_BLOCK_TAG = re.compile(
    r"<(?:br|hr)\b[^<>]*/?>|</?(?:p|div|li|ul|ol|h[1-6]|section|article|center|caption|table|thead|tbody|tfoot)"
    r"(?:\s[^<>]*)?>",
    re.IGNORECASE,
)
_TABLE = re.compile(r"<table\b[^<>]*>(.*?)(?:</table\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_ROW = re.compile(r"<tr\b[^<>]*>(.*?)(?=</tr\s*>|<tr\b|\Z)", re.IGNORECASE | re.DOTALL)
# Rows pasted without their <table>: a run of <tr>…</tr> with only whitespace between.
_STRAY_ROWS = re.compile(r"(?:<tr\b.*?(?:</tr\s*>|\Z)\s*)+", re.IGNORECASE | re.DOTALL)
_CELL_START = re.compile(r"<t[dh]\b[^<>]*>", re.IGNORECASE)
# A named or numbered character reference with its semicolon ("&nbsp;", "&ldquo;", "&#12288;").
_ENTITY = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,30}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")
# The separator of a table row's cells, as the table-row reading expects it.
CELL_BAR = "｜"


def has_markup(text: str) -> bool:
    """Whether the text holds HTML tags or character references."""
    return bool(_TAG.search(text) or _ENTITY.search(text))


def markup_to_plain_text(text: str) -> str:
    """The text with each table row on one line (cells joined by ｜), block tags as line breaks, other tags dropped
    and character references unescaped; text without markup comes back unchanged."""
    if not has_markup(text):
        return text
    text = _TABLE.sub(lambda m: "\n" + _table_lines(m.group(1)) + "\n", text)
    text = _STRAY_ROWS.sub(lambda m: "\n" + _table_lines(m.group(0)) + "\n", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _TAG.sub("", text)
    text = _unescape(text)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.split("\n")))


def _table_lines(table: str) -> str:
    """The rows of a table's markup, one line each, cells joined by ｜; no blank line between rows."""
    lines = []
    for row in _ROW.finditer(table):
        cells = [_cell_text(cell) for cell in _CELL_START.split(row.group(1))[1:]]
        if any(cells):
            lines.append(CELL_BAR.join(cells))
    return "\n".join(lines)


def _cell_text(cell: str) -> str:
    """A cell's words on one line: its tags dropped, references unescaped, source line breaks and runs of spaces gone."""
    words = _unescape(_TAG.sub(" ", cell)).replace(CELL_BAR, " ")
    return re.sub(r"\s+", " ", words).strip()


def _unescape(text: str) -> str:
    """The text with its character references as characters; a non-breaking space becomes a plain space."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text).replace("\xa0", " ")

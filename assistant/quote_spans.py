"""How far a chosen quote reaches: the whole sentence to its full stop, or the table rows beside a row.

Sentences are cut at ；/; for scoring, so a clause such as "落实主要负责人…末位表态;" loses the
"明确…清单32项;" before it, and "…退还费用18.36万元；" loses "上线收费智能审核系统" after it.
A short sentence is quoted whole; a tab-separated table row brings the neighbouring rows the
question asks about ("2\t已完成整改\t37个" beside "4\t整改完成率\t90.2%").
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A full stop ends a sentence (with the closing quotes or brackets right after it); so does a line break.
_FULL_STOP = re.compile(r"[。！？!?]+[”’」』）)\]】》〕]*")
_TABLE_ROW = re.compile(r"[^\n]*\t[^\n]*")


def whole_sentence(text: str, start: int, end: int, max_chars: int) -> tuple[int, int]:
    """The span of the sentence (to its full stops or line breaks) holding text[start:end], when it is at
    most max_chars long; else the span unchanged."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    begin = line_start
    for stop in _FULL_STOP.finditer(text, line_start, start):
        begin = stop.end()
    stop = _FULL_STOP.search(text, max(start, end - 1), line_end)
    finish = stop.end() if stop else line_end
    while begin < start and text[begin].isspace():
        begin += 1
    while finish > end and text[finish - 1].isspace():
        finish -= 1
    if finish - begin > max_chars or begin > start or finish < end:
        return start, end
    return begin, finish


def table_rows(text: str, start: int, end: int, asked: Callable[[str], bool], max_rows: int) -> tuple[int, int]:
    """For a quote that is one tab-separated table row: the run of adjacent rows (the quoted one included)
    whose wording the question asks about, at most max_rows; else the span unchanged."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    if "\t" not in text[line_start:line_end] or end > line_end:
        return start, end
    rows = [(m.start(), m.end()) for m in _TABLE_ROW.finditer(text)]
    rows = [(b, e) for b, e in rows if "\n" not in text[b:e]]
    here = next((i for i, (b, e) in enumerate(rows) if b <= start < e or (b == line_start)), None)
    if here is None:
        return start, end
    first = last = here
    while first > 0 and _adjacent(text, rows[first - 1], rows[first]) and asked(text[slice(*rows[first - 1])]):
        if last - first + 1 >= max_rows:
            break
        first -= 1
    while last + 1 < len(rows) and _adjacent(text, rows[last], rows[last + 1]) and asked(text[slice(*rows[last + 1])]):
        if last - first + 1 >= max_rows:
            break
        last += 1
    return min(start, rows[first][0]), max(end, rows[last][1])


def _adjacent(text: str, upper: tuple[int, int], lower: tuple[int, int]) -> bool:
    """Whether two table rows follow each other with only one line break between them."""
    return text[upper[1] : lower[0]].strip(" \t") == "\n"

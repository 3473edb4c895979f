"""Counts no record holds, where a notice states them: "为整改各开了几次会" is answered by "先后召开2次会议"
or "领导小组会议共3次" wherever they stand, so their passages rank as stating the fact asked."""

from __future__ import annotations

import re

# "开了几次会", "召开了多少次会议", "搞了几场培训": the measure word and the thing counted after it.
_ASKED = re.compile(r"(?:几|多少)(?P<measure>次|场|轮|批)(?P<thing>[\u4e00-\u9fff]{1,2})")
# A thing is counted with its number when it stands this many characters at most from it in one clause
# ("召开2次会议", "领导小组会议共3次": 2 and 5 apart); a clause is about one statement.
_NEAR_CHARS = 12
_CLAUSE = re.compile(r"[。;；!！?？\n]")


def asked_count(question: str) -> tuple[str, str] | None:
    """(measure word, first character of the thing counted) the question asks a count of ("次", "会"), or None."""
    asked = _ASKED.search(question)
    if asked is None:
        return None
    return asked.group("measure"), asked.group("thing")[0]


def count_spans(text: str, asked: tuple[str, str]) -> list[tuple[int, int]]:
    """Spans (in the text) of each number in the asked measure with the thing counted close by in its clause."""
    measure, thing = asked
    spans = []
    for found in re.finditer(rf"(?<![\d.第])\d+\s*{measure}", text):
        begin = max((m.end() for m in _CLAUSE.finditer(text, 0, found.start())), default=0)
        after = _CLAUSE.search(text, found.end())
        end = after.start() if after else len(text)
        window = text[max(begin, found.start() - _NEAR_CHARS) : min(end, found.end() + _NEAR_CHARS)]
        if thing in window:
            spans.append((found.start(), found.end()))
    return spans

"""One unit's days between dates one sentence states: "第一议题被点出来以后,隔了多久的会还是没学?" over
"2022年9月14日监督检查反馈的未落实…,9月25日、10月15日党工委会议仍没有组织…" is 11 days to the first later
date and 31 to the last, both said.

The sentence is the one of the unit's notices, holding a dated day and later days, that shares most of the
question's words (ties: none is guessed); a later date without its year reads in the first date's year (the
next when it would fall before it). Periods ("4月8日至5月31日") are not read here: their days count both ends,
which the computed comparisons do. Every date is cited with its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from assistant.answer import Answer
from assistant.compute import chinese_date, days_between, parse_date
from assistant.computed_inputs import CitationNumbers, unit_of_notice
from assistant.stated_amounts import shared, word_chars
from assistant.unit_names import without_spans
from index.catalog import NoticeRow
from index.metadata import DATE
from index.sentences import split_sentences
from index.vocabulary import PERIOD_SEPARATOR

ANSWERER = "extractive:stated-days"
# "隔了多久", "过了几天", "相隔多少天": the days between two dated things.
ASKS_DAYS = re.compile(r"(?:隔|过|相隔|间隔|相距|距离)了?(?:多久|多长时间|(?:几|多少)天)|(?:多久|(?:几|多少)天)(?:以?后|之后)")
# Words of the asking, not of the thing asked about.
_ASKING = re.compile(rf"{ASKS_DAYS.pattern}|以后|之后|后来|还是|那么?|呢|吗|[?？,，。!！\s]")
_PERIOD_BETWEEN = re.compile(rf"^\s*{PERIOD_SEPARATOR}\s*$")
MIN_SHARED_CHARS = 3  # a sentence shares at least this many of the question's characters to be the one asked


def answer_stated_days(
    question: str, standalone_question: str, unit: str, unit_spans: Sequence[tuple[int, int]],
    notices: list[NoticeRow], notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The days from a sentence's first date to each later one, cited; None when not asked or no one sentence fits."""
    asked = standalone_question or question
    if ASKS_DAYS.search(asked) is None:
        return None
    asked = without_spans(asked, unit_spans)
    topic = word_chars(_ASKING.sub("", asked))
    scored = [(shared(topic, text[s:e]), notice, text, s, e, dates)
              for notice, text, s, e, dates in _dated_sentences(unit, notices, notice_text_of)]
    best = max((score for score, *_ in scored), default=0)
    top = [item for item in scored if item[0] == best]
    if best < MIN_SHARED_CHARS or len(top) != 1:
        return None
    _, notice, text, start, end, dates = top[0]
    citations = CitationNumbers()
    cited = citations.cite(notice, text, start, end)
    first = dates[0][1]
    gaps = [f"到{chinese_date(day)}隔{days_between(first, day)}天" for _, day in dates[1:]]
    lines = [f"{unit}的通报写明{chinese_date(first)}在先,{'、'.join(gaps)}(通报未写天数,按日期推算){cited}。", "",
             f"{' '.join(text[start:end].split())}{cited}"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])


def _dated_sentences(unit: str, notices: list[NoticeRow], notice_text_of: Callable[[str], str | None]):
    """(notice, text, start, end, [(written, day)…]) of each sentence with a full date and later dates after it."""
    for notice in (n for n in notices if unit_of_notice(n) == unit):
        text = notice_text_of(notice.notice_id) or ""
        for start, end in split_sentences(text):
            dates = _dates(text, start, end)
            if len(dates) >= 2:
                yield notice, text, start, end, dates


def _dates(text: str, start: int, end: int) -> list[tuple[str, date]]:
    """The sentence's first full date and the dates after it, in order, each later than the one before; [] when
    a period joins two of them."""
    found: list[tuple[str, date]] = []
    previous_end = None
    for match in DATE.finditer(text, start, end):
        if previous_end is not None and _PERIOD_BETWEEN.match(text[previous_end : match.start()]):
            return []
        previous_end = match.end()
        written = match.group(0)
        if not found:
            day = parse_date(written)
            if day is not None and re.search(r"\d{4}\s*年", written):
                found.append((written, day))
            continue
        day = parse_date(written, year=found[-1][1].year)
        if day is not None and day < found[-1][1] and not re.search(r"年", written):
            day = parse_date(written, year=found[-1][1].year + 1)
        if day is None or day <= found[-1][1]:
            return found if len(found) >= 2 else []
        found.append((written, day))
    return found if len(found) >= 2 else []

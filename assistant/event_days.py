"""One unit's days between two dated events its notice states apart: "合同签完多久就验收了" over "2020年3月19日…
签订了…合同…。4月20日验收合格" is 32 days apart (33 counting both days), both dates cited.

The first event's date is the one whose words right after it hold most of the first event's characters; the
second's is a later date followed at once by the second event's words. A date without its year reads in the
year last written before it (the next when it would fall before the first). Both readings are said.
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

ANSWERER = "extractive:event-days"
# "签完多久就验收了", "反馈后几天才开会": a first event, how long, then the second event.
EVENT_DAYS_ASK = re.compile(r"(?P<first>[\u4e00-\u9fff]{2,10}?)(?:完|了|好)?(?:以后|之后|后)?(?:多久|多长时间|几天|多少天)"
                            r"(?:就|才|又|便)?(?P<second>[\u4e00-\u9fff]{2,6}?)(?:完|了|的)?(?:[?？,，。!！\s]|$)")
# "第159次和第164次常委会隔了几天": two numbered sittings of one body, how long between them.
NUMBERED_DAYS_ASK = re.compile(r"第(?P<first>\d+)次(?:会议?)?(?:和|与|跟|到|至)第(?P<second>\d+)次[\u4e00-\u9fff]{0,8}?"
                               r"(?:之间)?(?:隔了|相隔|间隔|差了|过了)?(?:多久|多长时间|几天|多少天)")
NUMBERED_REACH = 4  # a numbered sitting's words follow its date at once ("3月9日,第164次…")
FIRST_REACH = 60  # characters after a date its event is written in (a long subject may stand between)
SECOND_REACH = 4  # the second event's words follow its date at once ("4月20日验收合格")
MIN_FIRST_CHARS = 2  # the first event's date shares at least this many of its characters
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def answer_event_days(
    question: str, standalone_question: str, unit: str, unit_spans: Sequence[tuple[int, int]],
    notices: list[NoticeRow], notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The days between the two events' dates, both readings said and both dates cited; None when not found."""
    asked = without_spans(standalone_question or question, unit_spans, " ")
    numbered = NUMBERED_DAYS_ASK.search(asked)
    if numbered is not None:
        return _numbered_days(question, standalone_question, unit, notices, notice_text_of,
                              f"第{numbered.group('first')}次", f"第{numbered.group('second')}次")
    event = EVENT_DAYS_ASK.search(asked)
    if event is None:
        return None
    first_words, second = word_chars(event.group("first")), event.group("second")
    for notice in (n for n in notices if unit_of_notice(n) == unit):
        text = notice_text_of(notice.notice_id) or ""
        dates = _dates(text)
        scored = [(shared(first_words, _after(text, end, FIRST_REACH)), i) for i, (_, end, _) in enumerate(dates)]
        best = max((score for score, _ in scored), default=0)
        firsts = [i for score, i in scored if score == best]
        if best < MIN_FIRST_CHARS or len(firsts) != 1:
            continue
        start_day = dates[firsts[0]][2]
        later = [d for d in dates[firsts[0] + 1 :] if d[2] > start_day and second in text[d[1] : d[1] + SECOND_REACH + len(second)]]
        if later:
            return _answer(question, standalone_question, unit, notice, text, dates[firsts[0]], later[0])
    return None


def _numbered_days(question: str, standalone_question: str, unit: str, notices: list[NoticeRow],
                   notice_text_of: Callable[[str], str | None], first: str, second: str) -> Answer | None:
    """The days between the dates written right before two numbered sittings ("1月28日,第159次"); None unless
    one notice of the unit dates each exactly once."""
    for notice in (n for n in notices if unit_of_notice(n) == unit):
        text = notice_text_of(notice.notice_id) or ""
        dates = _dates(text)
        found = [[d for d in dates if _numbered_after(text, d[1], number)] for number in (first, second)]
        if all(len(hits) == 1 for hits in found):
            earlier, later = sorted((found[0][0], found[1][0]), key=lambda d: d[2])
            return _answer(question, standalone_question, unit, notice, text, earlier, later)
    return None


def _numbered_after(text: str, end: int, number: str) -> bool:
    """Whether the numbered sitting ("第164次") follows the date at once."""
    return text.find(number, end, end + NUMBERED_REACH + len(number)) >= 0


def _dates(text: str) -> list[tuple[int, int, date]]:
    """(start, end, day) of each date the text writes, a yearless one in the year last written before it."""
    found: list[tuple[int, int, date]] = []
    for match in DATE.finditer(text):
        written = match.group(0)
        has_year = re.search(r"年", written) is not None
        if not has_year and not found:
            continue
        day = parse_date(written, year=None if has_year else found[-1][2].year)
        if day is not None:
            found.append((match.start(), match.end(), day))
    return found


def _after(text: str, end: int, reach: int) -> str:
    """The words after a date within its sentence, up to reach characters."""
    stop = _SENTENCE_END.search(text, end)
    return text[end : min(stop.start() if stop else len(text), end + reach)]


def _clause(text: str, start: int) -> tuple[int, int]:
    """The date's words: from the date to its sentence's end."""
    stop = _SENTENCE_END.search(text, start)
    return start, stop.start() if stop else len(text)


def _answer(question: str, standalone_question: str, unit: str, notice: NoticeRow, text: str,
            first: tuple[int, int, date], second: tuple[int, int, date]) -> Answer:
    citations = CitationNumbers()
    first_cited = citations.cite(notice, text, *_clause(text, first[0]))
    second_cited = citations.cite(notice, text, *_clause(text, second[0]))
    days = days_between(first[2], second[2])
    head = (f"按{unit}通报写的日期推算:{chinese_date(first[2])}{first_cited}到{chinese_date(second[2])}{second_cited},"
            f"相隔{days}天(首尾两天都算则为{days + 1}天;通报未写天数)。")
    lines = [head, "", f"{' '.join(text[slice(*_clause(text, first[0]))].split())}{first_cited}",
             f"{' '.join(text[slice(*_clause(text, second[0]))].split())}{second_cited}"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])

"""Follow-ups asking how many days passed from the date the previous answer gave to a later event the notice
dates: "收到以后市委隔了几天开会部署的?" after "2021年11月11日,巡视组反馈了巡视意见。" is the days from
that date to the dated sentence on the event asked (开会部署: "2021年11月14日,市委先后召开专题会议…"), 3.

The event is the dated sentence, after the first date, sharing most characters with the question's own words;
both dates are found verbatim in the notices (a date without its year reads in the first date's year) and cited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.previous_answer import Found, Said, find_in_notices, last_answer, number_citations
from index.sentences import split_sentences

ANSWERER = "extractive:followup-gap"
# "隔了几天", "过了多少天", "几天以后": the days between two dated events.
_ASKS_GAP = re.compile(r"(?:隔|过|相隔|间隔)了?(?:几|多少)天|(?:几|多少)天(?:后|以后|之后)")
_DATE = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
# Words of the question that ask, not name the event: the gap asked, and the turn's own talk.
_NOT_EVENT = re.compile(rf"{_ASKS_GAP.pattern}|收到|以后|之后|后来|然后|那么?|的|了|是|吗|呢|[?？,，。]")
MIN_EVENT_CHARS = 2  # a later sentence shares at least this many of the question's event characters


def asks_gap_after_previous(question: str, names_unit: bool) -> bool:
    """Whether the question asks the days from the previous answer's date to a later event (naming no unit)."""
    return not names_unit and _ASKS_GAP.search(question) is not None


def answer_gap(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The days from the previous answer's one date to the later event asked, both cited; None otherwise."""
    dates = [m for m in _DATE.finditer(last_answer(history)) if m.group("y")]
    if len(dates) != 1:  # no date, or a period: another reading of the question
        return None
    first = _day(dates[0], 0)
    earlier = _found_date(dates[0], notice_ids, notice_text_of, describe)
    if first is None or earlier is None:
        return None
    later = _later_event(_NOT_EVENT.sub("", question), first, notice_ids, notice_text_of, describe)
    if later is None:
        return None
    (when, found) = later
    days = (when - first).days
    citations, number_of = number_citations([earlier, found])
    start, then = f"{earlier.said.text}[{number_of[0]}]", f"{found.said.text}[{number_of[1]}]"
    lines = [f"{start}在前,{then}在后,相隔{days}天(通报未写天数,按日期推算)。", "",
             f"{found.citation.quote}[{number_of[1]}]"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, units=list(dict.fromkeys(c.unit for c in citations)))


def _day(match: re.Match[str], year: int) -> date | None:
    """The date a match writes (its own year, else `year`), or None when it is none."""
    try:
        return date(int(match.group("y") or year), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def _found_date(match: re.Match[str], notice_ids: Sequence[str], notice_text_of: Callable[[str], str | None],
                describe: Callable[[str], tuple[str, str]]) -> Found | None:
    """The previous answer's date found in the notices, as written there in full or without its year."""
    for text in (match.group(0), match.group(0)[len(match.group("y")) + 1 :]):
        found, _ = find_in_notices([Said(text, Decimal(0), "日", "", False)], notice_ids, notice_text_of, describe)
        if found:
            return found[0]
    return None


def _later_event(event: str, first: date, notice_ids: Sequence[str], notice_text_of: Callable[[str], str | None],
                 describe: Callable[[str], tuple[str, str]]) -> tuple[date, Found] | None:
    """The dated sentence after `first` sharing most of the event's characters (the earliest of equals)."""
    chars = {char for char in event if "\u4e00" <= char <= "\u9fff"}
    best: tuple[tuple[int, int], date, Found] | None = None
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        for start, end in split_sentences(text):
            sentence = text[start:end]
            shared = sum(char in sentence for char in chars)
            for match in _DATE.finditer(sentence):
                when = _day(match, first.year)
                if when is None or when <= first or shared < MIN_EVENT_CHARS:
                    continue
                if best is None or (shared, -when.toordinal()) > best[0]:
                    title, unit = describe(notice_id)
                    said = Said(match.group(0), Decimal(0), "日", "", False)
                    best = ((shared, -when.toordinal()), when,
                            Found(said, Citation(0, notice_id, title, unit, "", sentence, start, end)))
    return (best[1], best[2]) if best else None

"""How long one thing a unit did lasted, from the period one sentence states: "第三轮回头看一共搞了多少天" over
"2023年5月8日至6月6日,以第三轮巡察“回头看”为契机,…" is 30 days counting both ends (29 between them), both said.

The sentence is the one of the unit's notices holding a whole period (a dated first day, "至", a last day) that
shares most of the question's words (ties: none is guessed); the last day without its year or month takes the
first day's. The inspection's own period is the computed comparisons'; this reads any other thing's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer
from assistant.compute import chinese_date, inclusive_days, parse_period
from assistant.computed_inputs import CitationNumbers, unit_of_notice
from assistant.stated_amounts import shared, word_chars
from assistant.stated_days import MIN_SHARED_CHARS
from assistant.unit_names import without_spans
from index.catalog import NoticeRow
from index.metadata import DATE
from index.sentences import split_sentences
from index.vocabulary import PERIOD_SEPARATOR

ANSWERER = "extractive:stated-period"
# "一共搞了多少天", "持续了多久", "前后用了几天": how long a thing went on.
ASKS_LENGTH = re.compile(r"(?:一共|总共|前后|共)?(?:搞|开展|进行|持续|用|花|干|做|历时|弄)了?(?:多少|几)天"
                         r"|(?:搞|开展|进行|持续|用|花|干|做|历时|弄)了?(?:多久|多长时间)")
# Words of the asking, not of the thing asked about.
_ASKING = re.compile(rf"{ASKS_LENGTH.pattern}|一共|总共|前后|那个|这个|呢|吗|[?？,，。!！\s]")
_PERIOD = re.compile(rf"(?P<first>{DATE.pattern})\s*{PERIOD_SEPARATOR}\s*(?P<last>{DATE.pattern})")


def answer_stated_period(
    question: str, standalone_question: str, unit: str, unit_spans: Sequence[tuple[int, int]],
    notices: list[NoticeRow], notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The days of the period the sentence on the asked thing states, cited; None when not asked or no one fits."""
    asked = standalone_question or question
    if ASKS_LENGTH.search(asked) is None:
        return None
    topic = word_chars(_ASKING.sub("", without_spans(asked, unit_spans)))
    scored = [(shared(topic, text[s:e]), notice, text, s, e, period)
              for notice, text, s, e, period in _periods(unit, notices, notice_text_of)]
    best = max((score for score, *_ in scored), default=0)
    top = [item for item in scored if item[0] == best]
    if best < MIN_SHARED_CHARS or len(top) != 1:
        return None
    _, notice, text, start, end, (first, last) = top[0]
    citations = CitationNumbers()
    cited = citations.cite(notice, text, start, end)
    days = inclusive_days(first, last)
    lines = [f"{unit}的通报写明{chinese_date(first)}至{chinese_date(last)}{cited}:首尾两天都算共{days}天"
             f"(两日期相隔{days - 1}天;通报未写天数,按日期推算)。", "", f"{' '.join(text[start:end].split())}{cited}"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])


def _periods(unit: str, notices: list[NoticeRow], notice_text_of: Callable[[str], str | None]):
    """(notice, text, start, end, (first day, last day)) of each sentence stating one whole period with its year."""
    for notice in (n for n in notices if unit_of_notice(n) == unit):
        text = notice_text_of(notice.notice_id) or ""
        for start, end in split_sentences(text):
            periods = [p for m in _PERIOD.finditer(text, start, end)
                       if re.search(r"\d{4}\s*年", m["first"]) and (p := parse_period(m.group(0))) is not None]
            if len(periods) == 1:
                yield notice, text, start, end, periods[0]

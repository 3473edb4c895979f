"""Follow-ups counting the days of a period the previous answer gave: "那一共是多少天?" after
"2022年8月23日至2022年9月28日,由市委巡察二组巡察。" is 37 days, both ends counted (as an
inspection's days are). The period is found again verbatim in the notices and cited from there."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from assistant.answer import Answer
from assistant.previous_answer import Said, find_in_notices, last_answer, number_citations

ANSWERER = "extractive:followup-days"
# "那一共是多少天?", "前后几天?", "巡察了多长时间?": how long, in days, of nothing named anew.
_ASKS_DAYS = re.compile(
    r"(?:那|那么)?(?:这|那)?(?:次|段)?(?:巡[察视]|进驻)?了?(?:一共|总共|共|前后|总计|加起来|算下来)?(?:是|有|用了?)?"
    r"(?:(?:多少|几)个?[天日]|多长时间|多久)(?:啊|呢|吗|呀)?[?？。]?"
)
# "2022年8月23日至2022年9月28日", "2023年4月10日至6月9日": a period with both ends dated to the day.
_PERIOD = re.compile(
    r"(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日?\s*(?:至|到|—|-|~|－)\s*"
    r"(?:(?P<y2>\d{4})年)?(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})日"
)


def asks_days_of_previous(question: str, names_unit: bool) -> bool:
    """Whether the question asks how many days, naming no unit of its own."""
    return not names_unit and _ASKS_DAYS.fullmatch(question.strip()) is not None


def answer_days(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The days of the previous answer's period, both ends counted, cited; None when it gave no period."""
    match = _PERIOD.search(last_answer(history))
    if match is None:
        return None
    days = _days(match)
    if days is None:
        return None
    period = Said(match.group(0), Decimal(days), "天", "", False)
    found, missing = find_in_notices([period], notice_ids, notice_text_of, describe)
    if missing:
        return None
    citations, number_of = number_citations(found)
    lines = [f"{period.text}[{number_of[0]}],首尾两天都算,共{days}天。"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, units=list(dict.fromkeys(c.unit for c in citations)))


def _days(match: re.Match[str]) -> int | None:
    """Days from the first date to the second, both counted; None for dates that are not."""
    year, month = int(match.group("y1")), int(match.group("m1"))
    try:
        first = date(year, month, int(match.group("d1")))
        last = date(int(match.group("y2") or year), int(match.group("m2") or month), int(match.group("d2")))
    except ValueError:
        return None
    return (last - first).days + 1 if last >= first else None

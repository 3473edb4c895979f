"""How many problems one unit has done when its notice states only the problems found and the completion rate:
"住建局20个问题完成95%，那改完了几个", "问题改完了多少个".

A notice often writes "指出4个方面20个问题" and later "巡察反馈问题整改完成率达95%" without the count done; the
count is the problems times the rate, rounded to a whole problem. Both figures are cited and the computation
shown. When the notice states the count done itself, or lacks either figure, None: other answers quote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer import Answer
from assistant.compute import plain
from assistant.records_question import family_of
from assistant.records_table import Citations, Stated, unit_of
from index.catalog import NoticeRow
from index.records import NoticeRecord

ANSWERER = "extractive:done-from-rate"
# Asked for a count of problems done: "改完了几个", "完成了多少个", "几个已经整改完".
ASKS_DONE_COUNT = re.compile(r"(?:改完|完成|整改完?|销号|到位)了?(?:的有|的是)?(?:几|多少)(?:个|项|条)"
                             r"|(?:几|多少)(?:个|项|条)(?:问题)?(?:已经?)?(?:完成|改完|整改完|销号|到位)")
# A rate of problems, not of measures or clues: its clause names 问题 and not 措施 / 线索.
_OTHER_RATES = re.compile(r"措施|线索|任务")
_CLAUSE_CUT = re.compile(r"[,，。;；]")


def _own_figures(unit: str, notices: list[NoticeRow], records: dict[str, dict],
                 notice_text_of: Callable[[str], str | None]) -> list[Stated]:
    """The unit's own figures (not its sections'), each found verbatim in its notice."""
    own: list[Stated] = []
    for notice in (n for n in notices if unit_of(n) == unit):
        data, text = records.get(notice.notice_id), notice_text_of(notice.notice_id)
        if data is None or text is None:
            continue
        own += [Stated(f, notice, family_of(f)) for f in NoticeRecord.from_dict(data).figures
                if not f.scope and text[f.start : f.end] == f.quote]
    return own


def _rate_of_problems(stated: Stated) -> bool:
    figure = stated.figure
    if figure.field != "completion_rate":
        return False
    clause = next((c for c in _CLAUSE_CUT.split(figure.quote) if figure.text in c), figure.quote)
    return "问题" in clause and _OTHER_RATES.search(clause) is None


def answer_done_from_rate(
    question: str, standalone_question: str, unit: str, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The count done worked out as problems × rate, both cited; None when not asked or not computable."""
    asked = standalone_question or question
    if ASKS_DONE_COUNT.search(asked) is None:
        return None
    own = _own_figures(unit, notices, records, notice_text_of)
    if any(s.figure.field == "problems_rectified" for s in own):
        return None  # the notice states the count: quoted as it stands
    found = {int(s.figure.value): s for s in own if s.figure.field == "problems_found"
             and s.figure.label.endswith("问题") and s.figure.unit == "个"}
    rates = {s.figure.value: s for s in own if _rate_of_problems(s)}
    if len(found) != 1 or len(rates) != 1:
        return None  # none, or several to choose between
    (total, found_stated), (rate, rate_stated) = next(iter(found.items())), next(iter(rates.items()))
    if not 0 < rate <= 100:
        return None
    exact = Decimal(total) * Decimal(str(rate)) / 100
    done = int(exact.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    sign = "=" if exact == done else "≈"
    citations = Citations()
    text = (f"{unit}:通报写明{found_stated.figure.label}{found_stated.figure.text}{citations.cite(found_stated)},"
            f"{rate_stated.figure.label}{rate_stated.figure.text}{citations.cite(rate_stated)},没有写已完成的个数。"
            f"按{total}×{plain(Decimal(str(rate)))}%{sign}{done}个计算,已完成整改{done}个,还剩{total - done}个。")
    return Answer(question=question, standalone_question=standalone_question, text=text,
                  citations=citations.items, answerer=ANSWERER, units=[unit])

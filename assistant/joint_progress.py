"""The combined rate of several units reported in one round notice, from the joint count the notice states:
"X那三家合起来完成率多少" over "三家单位共反馈问题36个，已完成整改33个".

A notice on a body and the units reported with it (a zone and its companies, a round's units) often states their
problems and the problems done together, and each unit's own rate, but no joint rate. The joint rate is the
stated done over the stated found; the joint clause is cited, and each unit's own rate beside it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer import Answer
from assistant.combined_progress import TOGETHER
from assistant.records_question import family_of
from assistant.records_table import Citations, Stated
from index.catalog import NoticeRow
from index.records import NoticeRecord

ANSWERER = "extractive:joint-progress"
_OTHER_RATES = re.compile(r"措施|线索|任务")  # rates of measures or clues, not of problems
ASKS_RATE = re.compile(r"完成率|整改率|(?:完成|整改)(?:的)?比例|百分之几")
# The clause counts units together: "三家单位共", "各单位共", "两个单位合计".
_JOINT = re.compile(r"(?:[两二三四五六七八九十\d]+(?:家|个)|各)(?:单位|公司|企业|部门)?[^,，。;；]{0,4}?(?:共|合计|总计|累计)")


def _joint_pair(figures: list[Stated]) -> tuple[Stated, Stated] | None:
    """The notice's own clause stating units' problems and problems done together, with the most problems."""
    pairs = []
    for done in (s for s in figures if s.figure.field == "problems_rectified" and not s.figure.scope):
        if _JOINT.search(done.figure.quote) is None:
            continue
        pairs += [(found, done) for found in figures if found.figure.field == "problems_found"
                  and not found.figure.scope and done.figure.start <= found.figure.start
                  and found.figure.end <= done.figure.end]
    pairs = [(f, d) for f, d in pairs if 0 < d.figure.value <= f.figure.value]
    return max(pairs, key=lambda pair: pair[0].figure.value) if pairs else None


def answer_joint_progress(
    question: str, standalone_question: str, named: Sequence[str], notice_ids: Sequence[str],
    notices: list[NoticeRow], records: dict[str, dict], notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The joint rate of the units named when one notice reports them all and states their joint counts (or None)."""
    asked = standalone_question or question
    if not named or len(set(notice_ids)) != 1 or not TOGETHER.search(asked) or not ASKS_RATE.search(asked):
        return None
    notice = next((n for n in notices if n.notice_id == notice_ids[0]), None)
    data, text = records.get(notice_ids[0]), notice_text_of(notice_ids[0])
    if notice is None or data is None or text is None:
        return None
    figures = [Stated(f, notice, family_of(f)) for f in NoticeRecord.from_dict(data).figures
               if text[f.start : f.end] == f.quote]
    pair = _joint_pair(figures)
    parts = list(dict.fromkeys([notice.unit, *(s.figure.scope for s in figures if s.figure.scope)]))
    if pair is None or len(parts) < 2:
        return None  # one unit alone has no joint count
    found, done = pair
    citations = Citations()
    total, finished = Decimal(str(found.figure.value)), Decimal(str(done.figure.value))
    rate = (finished * 100 / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    sign = "=" if finished * 100 / total == rate else "≈"
    lines = [f"{'、'.join(parts)}合起来:通报写明“{done.figure.quote}”{citations.cite(done)},没有写合计完成率;"
             f"按{format(finished.normalize(), 'f')}÷{format(total.normalize(), 'f')}{sign}"
             f"{format(rate.normalize(), 'f')}%计算,合计整改完成率约{format(rate.normalize(), 'f')}%。"]
    own_rates = [s for s in figures if s.figure.field == "completion_rate" and not _OTHER_RATES.search(s.figure.quote)]
    if own_rates:
        lines.append("各单位(按通报原文):" + ",".join(
            f"{s.figure.scope or notice.unit}{s.figure.label}{s.figure.text}{citations.cite(s)}" for s in own_rates))
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=list(dict.fromkeys([*named, *parts])))

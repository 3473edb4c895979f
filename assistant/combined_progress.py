"""Problems found and done added over the parts of one unit's notices: "机关加中心合起来多少问题 完成几个 合计完成率",
"两轮问题加起来多少个 改完几个".

A notice states each part's progress in one clause ("局机关15个问题已完成整改14个", a subordinate centre's
"中心9个问题已完成整改7个", a second round's "8个问题已整改完成7个"); when the unit's notices state two or more
such parts and the question asks them together, the parts are added, the combined rate worked out, and every
part cited. A part stated twice in one notice and section counts once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assistant.answer import Answer
from assistant.records_question import family_of
from assistant.records_table import Citations, Stated, unit_of
from index.catalog import NoticeRow
from index.records import NoticeRecord

ANSWERER = "extractive:combined-progress"
# The parts asked together: "加起来", "合起来", "合计完成率", "两轮…一共".
TOGETHER = re.compile(r"加起来|合起来|加一块|加在一起|合在一起|一共|总共|共计|合计|总计|总的|整体")
# Asked how many are done, or the rate: "完成几个", "改完几个", "完成率".
ASKS_DONE = re.compile(r"(?:完成|改完|整改|销号|到位)[^,，。?？]{0,4}?(?:几|多少)|(?:几|多少)[个项]?(?:已经?)?(?:完成|改完|整改完|到位)|"
                       r"完成率|整改率|(?:完成|整改)(?:的)?比例")
# One part's progress in one clause: "15个问题已完成整改14个", "8个问题已整改完成7个".
PART = re.compile(r"(?P<found>\d+)个(?:具体)?问题[^,，。;；]{0,6}?(?:已经?|均已)?(?:完成整改|整改完成|整改到位|整改|完成|销号)了?"
                  r"(?P<done>\d+)个")
_CLAUSE_CUT = re.compile(r"[,，。;；:：]")


@dataclass(frozen=True)
class Part:
    """One part's problems and how many are done, with the figures (one clause, or two) that state them."""

    shown: tuple[tuple[str, Stated], ...]  # (words, figure cited after them)
    scope: str
    found: int
    done: int


def asks_combined_progress(question: str) -> bool:
    return "问题" in question and TOGETHER.search(question) is not None and ASKS_DONE.search(question) is not None


def progress_parts(unit: str, notices: list[NoticeRow], records: dict[str, dict],
                   notice_text_of: Callable[[str], str | None]) -> list[Part]:
    """Each part of the unit's notices (its own and its sections') stating problems found and done."""
    parts: list[Part] = []
    for notice in (n for n in notices if unit_of(n) == unit):
        data, text = records.get(notice.notice_id), notice_text_of(notice.notice_id)
        if data is None or text is None:
            continue
        figures = [Stated(f, notice, family_of(f)) for f in NoticeRecord.from_dict(data).figures
                   if text[f.start : f.end] == f.quote]
        for scope in dict.fromkeys(s.figure.scope for s in figures):
            parts += _parts_of_section([s for s in figures if s.figure.scope == scope], scope)
    return parts


def _parts_of_section(figures: list[Stated], scope: str) -> list[Part]:
    """A section's parts: each done count whose clause states its problems ("8个问题已整改完成7个"), else done
    counts paired in reading order with the section's problem counts when they are as many."""
    parts: list[Part] = []
    unpaired: list[Stated] = []
    for stated in (s for s in figures if s.figure.field == "problems_rectified"):
        quote = stated.figure.quote
        match = next((m for m in PART.finditer(quote) if f"{m.group('done')}个" == stated.figure.text), None)
        if match is None:
            unpaired.append(stated)
            continue
        part = Part(((_CLAUSE_CUT.split(quote[: match.start()])[-1] + match.group(0), stated),), scope,
                    int(match.group("found")), int(match.group("done")))
        if all((p.found, p.done) != (part.found, part.done) for p in parts):  # stated twice counts once
            parts.append(part)
    said = {p.found for p in parts}
    counts = [s for s in figures if s.figure.field == "problems_found" and s.figure.label.endswith("问题")
              and s.figure.unit == "个" and int(s.figure.value) not in said]
    if unpaired and len(unpaired) == len(counts):
        parts += [Part(((f"{found.figure.label}{found.figure.text}", found),
                        (f"{done.figure.label}{done.figure.text}", done)), scope,
                       int(found.figure.value), int(done.figure.value)) for found, done in zip(counts, unpaired)]
    return parts


def answer_combined_progress(
    question: str, standalone_question: str, unit: str, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """The parts' problems and done counts added and the combined rate, each part cited; None when the question
    does not ask the parts together or fewer than two parts are stated."""
    asked = standalone_question or question
    if not asks_combined_progress(asked):
        return None
    parts = progress_parts(unit, notices, records, notice_text_of)
    if len(parts) < 2 or any(p.done > p.found for p in parts):
        return None
    citations = Citations()
    found, done = sum(p.found for p in parts), sum(p.done for p in parts)
    rate = (Decimal(done) * 100 / Decimal(found)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) if found else None
    lines = [f"{unit}通报没有给出合计;按各部分数字相加:共{'+'.join(str(p.found) for p in parts)}={found}个问题,"
             f"已完成整改{'+'.join(str(p.done) for p in parts)}={done}个"
             + (f",合计完成率{done}÷{found}={format(rate.normalize(), 'f')}%。" if rate is not None else "。")]
    lines.append("各部分(按通报原文):")
    for part in parts:
        where = f"{part.scope}:" if part.scope else ""
        lines.append(f"- {where}" + ",".join(f"{words}{citations.cite(stated)}" for words, stated in part.shown))
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations.items, answerer=ANSWERER, units=[unit])

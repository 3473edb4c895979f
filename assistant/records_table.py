"""The table of a records answer: per-unit figures gathered, cited, ranked and added, rendered as lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal

from assistant.answer import Citation
from assistant.measures_done import measures_done
from assistant.records_question import Family, FigureQuestion, family_of, measure_of
from assistant.units import unit_label
from index.catalog import NoticeRow
from index.records import Figure, NoticeRecord

_CLAUSE_CUT = re.compile(r"[,，;；。:：]")
FIELD_TOPICS = {
    "money": "金额", "rules": "制度", "people": "处理人数", "clues": "线索、信访",
    "problems_found": "反馈问题", "problems_rectified": "已整改", "problems_in_progress": "正在整改",
    "completion_rate": "整改率", "measures": "整改措施(任务)",
}


@dataclass
class Stated:
    """A figure as stated in one notice."""

    figure: Figure
    notice: NoticeRow
    family: Family


@dataclass
class UnitFigures:
    unit: str
    has_record: bool = False
    own: list[Stated] = field(default_factory=list)  # scope == "": the unit's own figures
    sub_unit: list[Stated] = field(default_factory=list)
    peers: list[Stated] = field(default_factory=list)  # a round's other units, beside the unit in its notice
    measures_done: list[Stated] = field(default_factory=list)  # "41项整改措施已落实37项", shown beside problems done


class Citations:
    """Numbers citations in order of first use; one number per quoted span."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, stated: Stated) -> str:
        figure, notice = stated.figure, stated.notice
        for citation in self.items:
            if (citation.notice_id, citation.start, citation.end) == (notice.notice_id, figure.start, figure.end):
                return f"[{citation.n}]"
        n = len(self.items) + 1
        self.items.append(Citation(n, notice.notice_id, notice.title or notice.file_name, unit_of(notice), "",
                                   figure.quote, figure.start, figure.end))
        return f"[{n}]"


def unit_of(notice: NoticeRow) -> str:
    return unit_label(notice)  # as the unit directory names it


def gather(
    unit: str, plan: FigureQuestion, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> UnitFigures:
    found = UnitFigures(unit)
    for notice in (n for n in notices if unit_of(n) == unit):
        data = records.get(notice.notice_id)
        text = notice_text_of(notice.notice_id)
        if data is None or text is None:
            continue
        found.has_record = True
        # A round's notice reports its first unit in a section too: that section is the unit's own; the other
        # sections are its peers' and the round's totals outside every section no one unit's.
        own_section = unit in notice.metadata.sub_units
        for figure in NoticeRecord.from_dict(data).figures:
            family = family_of(figure)
            if figure.field not in plan.fields or family not in plan.listed:
                continue
            if plan.label_must is not None and not plan.label_must.search(figure.label):
                continue
            if text[figure.start : figure.end] != figure.quote:
                continue  # a quote that is not verbatim is never shown, ranked or added
            if own_section and figure.scope != unit:
                if figure.scope:
                    found.peers.append(Stated(figure, notice, family))
                continue
            figure = replace(figure, scope="") if own_section else figure
            (found.sub_unit if figure.scope else found.own).append(Stated(figure, notice, family))
        if "problems_rectified" in plan.fields:
            found.measures_done += [Stated(f, notice, family_of(f)) for f in measures_done(text)]
    return found


def shown(stated: Stated, citations: Citations) -> str:
    return f"{stated.figure.label}{stated.figure.text}{citations.cite(stated)}"


def _clauseshown(stated: Stated, citations: Citations) -> str:
    """The notice's own clause holding the figure and its label ("22个方面问题已整改到位"), else label and figure."""
    figure = stated.figure
    clauses = [c.strip() for c in _CLAUSE_CUT.split(figure.quote)]
    clause = next((c for c in reversed(clauses) if figure.text in c and figure.label in c), "")
    return f"{clause}{citations.cite(stated)}" if clause else shown(stated, citations)


def unit_line(found: UnitFigures, citations: Citations) -> str:
    parts = [shown(s, citations) for s in found.own] or ["未给出全单位的数字"]
    by_scope: dict[str, list[str]] = {}
    for stated in found.sub_unit:
        by_scope.setdefault(stated.figure.scope, []).append(shown(stated, citations))
    if by_scope:
        parts.append("其中" + ";".join(f"{scope}:{'、'.join(shown)}" for scope, shown in by_scope.items()))
    return f"{found.unit}:" + ";".join(parts)


def overall_first(own: list[Stated], measures_done: list[Stated]) -> list[Stated]:
    """Problems done with the largest count first (the whole unit's, or the latest, is never below a batch's), then
    the measures done with the largest count, then the rest in reading order."""
    done = [s for s in own if s.figure.field == "problems_rectified"]
    leading = [max(done, key=lambda s: s.figure.value)] if done else []
    leading += [max(measures_done, key=lambda s: s.figure.value)] if measures_done else []
    return leading + [s for s in own + measures_done if s not in leading]


def itemised_lines(plan: FigureQuestion, found: UnitFigures, citations: Citations) -> list[str]:
    """One unit's figures item by item ("这笔钱具体是哪几项?"), and which stated total the items add up to."""
    lines = [f"{found.unit}通报的{topic_of(plan)}数字如下(按通报原文):"]
    own = [f"- {_clauseshown(s, citations)}" for s in overall_first(found.own, found.measures_done)]
    lines.extend(dict.fromkeys(own))  # two figures of one clause ("立案4件、了结4件") show it once
    lines.extend(f"- {s.figure.scope}:{shown(s, citations)}" for s in found.sub_unit)
    for total in found.own:
        parts = [s for s in found.own if s is not total and measure_of(s.figure) == measure_of(total.figure)]
        if len(parts) >= 2 and sum(Decimal(str(s.figure.value)) for s in parts) == Decimal(str(total.figure.value)):
            lines.append(f"其中{'+'.join(s.figure.text for s in parts)}={total.figure.text},正是通报所写的总数。")
            break
    return lines


def missing_headline(plan: FigureQuestion, per_unit: list[UnitFigures]) -> list[str]:
    """"哪几个单位没写整改率?": the units whose notices state no figure of the asked kind, then those that do."""
    what = "、".join(f"“{family.name}”" for family in plan.compared)
    silent = [u.unit for u in per_unit if u.has_record and not any(s.family in plan.compared for s in u.own)]
    if not silent:
        return [f"各单位的通报都写明了{what}的数字。", "各单位通报的数字:"]
    return [f"通报没有写明{what}数字的单位有{len(silent)}个:{'、'.join(silent)}。", "各单位通报的相关数字:"]


def topic_of(plan: FigureQuestion) -> str:
    """What the listed figures are: one family's name, else the field's."""
    if len(plan.listed) == 1:
        return f"“{plan.listed[0].name}”"
    return "“" + "、".join(FIELD_TOPICS[name] for name in plan.fields) + "”"


def not_compared_notes(plan: FigureQuestion, per_unit: list[UnitFigures], citations: Citations) -> list[str]:
    """Say which listed figures were left out of a ranking or sum, and why."""
    if not (plan.rank or plan.wants_sum):
        return []
    notes = []
    for found in per_unit:
        for stated in found.own:
            if stated.figure.field == plan.field and stated.family not in plan.compared:
                notes.append(f"注:{found.unit}的“{stated.figure.label}{stated.figure.text}”{citations.cite(stated)}"
                             f"属于“{stated.family.name}”,与所问口径不同,未参与比较或合计。")
    if any(found.sub_unit for found in per_unit):
        notes.append("注:下属单位的数字只作列示,未参与比较或合计。")
    return notes

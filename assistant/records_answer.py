"""Answers from notice records (通报数字): figure questions across units, one cited row per unit.

"各单位分别挽回了多少经济损失?", "哪个单位新制定的制度最多?", "五个单位一共清退了多少钱?" are
answered from the figures extracted at ingest, each cited with its verbatim quote. Units whose
notices do not state the figure are named. Rankings and sums use only unit-level figures of one
label family (口径), so "新制定制度47项" is never ranked against "修订完善制度12项", and a sum
shows every part it adds. Anything the rules do not cover returns None: the ordinary extractive
answer is used instead of a table that might be wrong.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.question import RECORD_FIELD_WORDS, record_fields
from assistant.units import asks_across_units, asks_comparison, unit_label
from index.catalog import NoticeRow
from index.records import Figure, NoticeRecord
from index.vocabulary import (
    CLAWBACK_ACTIONS, LOSS_WORDS, NEW_RULE_VERBS, REVISED_RULE_VERBS, SAVING_ACTIONS, TIME_LIMITED_PATTERN,
)
from index.vocabulary import SPECIFIC_MONEY as SPECIFIC_MONEY_WORDS

logger = logging.getLogger(__name__)

ANSWERER = "extractive:records"
NUMBER_ASK = re.compile(r"多少|几|数量|最多|最少|最高|最低|最大|最小|一共|合计|总共|共计|总计|总额|分别")
UNIT_COUNT_ASK = re.compile(r"哪几|几个单位|几家|多少个单位|多少家|多少单位")  # counts units, not figures
MOST = re.compile(r"最多|最高|最大")
LEAST = re.compile(r"最少|最低|最小")
SUM_ASK = re.compile(r"一共|合计|总共|共计|总计|总额|加起来")
# Records carry no date per figure: a question limited in time is not a records question.
TIME_LIMITED = TIME_LIMITED_PATTERN
# A money question about one kind of money ("清退了多少津补贴") cannot be answered by every clawback figure.
SPECIFIC_MONEY = re.compile(SPECIFIC_MONEY_WORDS)
_RULE_NOUN = re.compile(r"制度|机制|办法|规定")
_GENERIC_RULE_QUALIFIER = re.compile(r"(?:工作|长效|管理|规章|内部|相关)$")
_RULE_NOUN_MAY_FOLLOW = set("项个条套的了新订定台立善改全增章或和及、与建")
# Completion questions ("完成了多少") are answered with the rectified, in-progress and rate figures together.
COMPLETION_FIELDS = ("problems_rectified", "problems_in_progress", "completion_rate")
PROBLEM_FIELDS = ("problems_found",) + COMPLETION_FIELDS
# Narrowest first: "整改任务完成了多少" is a completion question; "细化为多少项整改任务" a measures one, not problems.
NARROWEST_FIRST = tuple(reversed(COMPLETION_FIELDS)) + ("measures", "problems_found")
# 线索 and 信访 share the clues field; a question about one of them gets only figures labelled with it.
CLUE_NOUNS = {"信访": re.compile(r"信访"), "线索": re.compile(r"线索")}


@dataclass(frozen=True)
class Family:
    """Figures of one field that mean the same thing (口径) and may be ranked or added together."""

    key: str
    name: str  # shown in answers
    label: re.Pattern[str]
    question: re.Pattern[str] | None = None  # wording that asks for it; None: only when nothing narrower is asked
    listed_with: tuple[str, ...] = ()  # also listed (never compared) when one of these families is asked
    summable: bool = True


def _family(key: str, name: str, label: str, question: str | None = None, **options) -> Family:
    return Family(key, name, re.compile(label), re.compile(question) if question else None, **options)


_CLAWBACK = CLAWBACK_ACTIONS
_NEW_RULE = NEW_RULE_VERBS
_REVISED_RULE = REVISED_RULE_VERBS
# First matching family wins, so the order inside a field matters ("追回损失" is a loss, not a clawback).
FAMILIES: dict[str, tuple[Family, ...]] = {
    "money": (
        _family("loss", "挽回(追回)经济损失", LOSS_WORDS, LOSS_WORDS),
        _family("clawback", "清退、追缴等收回的资金", _CLAWBACK,
                r"清退|追缴|退缴|退还|退赔|退回|返还|补缴|缴回|上缴|上交|收缴|追偿|违规资金|违纪|(?:追回|收回)(?!.{0,6}损失)"),
        _family("saved", "节约资金", SAVING_ACTIONS, SAVING_ACTIONS),
        _family("other_money", "其他金额", r"."),
    ),
    "rules": (
        _family("new_and_revised", "新制定与修订合计", rf"(?=.*(?:{_NEW_RULE}))(?=.*(?:{_REVISED_RULE}))",
                listed_with=("new", "revised")),
        _family("new", "新制定(新出台、建立)制度", _NEW_RULE, r"新建|新制定|制定|新出台|出台|建立|新增|新立"),
        _family("revised", "修订(修改、完善)制度", _REVISED_RULE, r"修订|修改|完善"),
        _family("abolished", "废止(清理)制度", r"废止|清理", r"废止|清理"),
        _family("other_rules", "其他制度数字", r"."),
    ),
    "people": (
        _family("filed", "立案", r"立案|审查调查|留置", r"立案|审查调查|留置"),
        _family("sanctioned", "党纪政务处分", r"处分|警告|记过|降级|撤职|开除|留党察看|撤销党内职务",
                r"处分|党纪|政务|警告|开除"),
        _family("organisational", "组织处理(诫勉、调整等)", r"组织处理|组织调整|诫勉|免职|降职|调离|调整岗位|岗位调整|问责",
                r"组织处理|诫勉|问责|免职|调离|调整"),
        _family("talks", "谈话提醒、批评教育", r"谈话|提醒|批评|教育|约谈|函询|第.种形态", r"谈话|提醒|批评教育|约谈|函询|形态"),
        _family("closed_cases", "结案", r"结案|了结", r"结案|了结"),
        _family("judicial", "移送司法", r"移送", r"移送司法|移送检察"),
        _family("other_people", "其他处理", r"."),
    ),
    "clues": (
        _family("pending_clues", "正在办理", r"正在办理|正在核查|尚在办理|在办|未办结", r"正在办理|正在核查|在办|未办结"),
        _family("received_clues", "移交(受理)线索、信访件", r"移交|移送|转交|交办|转办|受理|收到|接收",
                r"移交|移送|转交|交办|转办|受理|收到|接收"),
        _family("closed_clues", "办结(化解)", r"办结|查结|化解|了结", r"办结|查结|化解"),
        _family("verified_clues", "查实(核查)", r"查实|核查|初核|处置", r"查实|核查|初核|处置"),
        _family("other_clues", "其他线索数字", r"."),
    ),
    "problems_found": (
        _family("problems", "反馈问题数", r"问题|任务|事项", r"问题|任务|事项"),
        _family("problem_groups", "问题方面(类别)数", r"类|方面", r"方面|大类|几类"),
        _family("other_problems", "其他问题数字", r"."),
    ),
    "measures": (_family("measures", "整改措施(任务)数", r"."),),
    "problems_rectified": (_family("rectified", "已整改问题数", r"."),),
    "problems_in_progress": (_family("in_progress", "正在整改问题数", r"."),),
    "completion_rate": (_family("rate", "整改率", r".", summable=False),),
}


FIELD_TOPICS = {
    "money": "金额", "rules": "制度", "people": "处理人数", "clues": "线索、信访",
    "problems_found": "反馈问题", "problems_rectified": "已整改", "problems_in_progress": "正在整改",
    "completion_rate": "整改率", "measures": "整改措施(任务)",
}


@dataclass(frozen=True)
class FigureQuestion:
    """How a figure question is read: the field, the families to compare and list, ranking and sum."""

    field: str  # the field asked about; rankings and sums use only its figures
    fields: tuple[str, ...]  # fields listed per unit (the asked one, with context for completion questions)
    compared: tuple[Family, ...]
    listed: tuple[Family, ...]
    rank: str = ""  # "most" | "least" | ""
    wants_sum: bool = False
    label_must: re.Pattern[str] | None = None  # a word every listed figure's label must hold


def read_figure_question(question: str) -> FigureQuestion | None:
    """The figure question a wording asks, or None when it is not one the records can answer safely."""
    if TIME_LIMITED.search(question) or not NUMBER_ASK.search(UNIT_COUNT_ASK.sub("", question)):
        return None
    named = [name for name, pattern in RECORD_FIELD_WORDS if pattern.search(question)]
    if named and set(named) <= set(NARROWEST_FIRST):
        # The narrowest wins: "完成率" is a rate question, "未完成" an in-progress one, "完成了多少" rectified.
        named = [next(name for name in NARROWEST_FIRST if name in named)]
    if len(named) != 1 or named[0] not in record_fields(question):
        return None
    field_name = named[0]
    fields = COMPLETION_FIELDS if field_name in COMPLETION_FIELDS else (field_name,)
    if field_name == "money" and SPECIFIC_MONEY.search(question):
        return None
    if field_name == "rules" and _names_a_kind_of_rule(question):
        return None
    families = FAMILIES[field_name]
    asked = tuple(f for f in families if f.question is not None and f.question.search(question))
    compared = asked or families
    keys = {f.key for f in compared}
    listed = tuple(f for f in families if f in compared or keys & set(f.listed_with))
    listed += tuple(f for other in fields if other != field_name for f in FAMILIES[other])
    rank = "most" if MOST.search(question) else "least" if LEAST.search(question) else ""
    wants_sum = bool(SUM_ASK.search(question))
    if wants_sum and not any(f.summable for f in compared):
        return None
    return FigureQuestion(field_name, fields, compared, listed, rank, wants_sum, _label_noun(field_name, question))


def _label_noun(field_name: str, question: str) -> re.Pattern[str] | None:
    """For clue questions naming only 信访 (or only 线索): the noun listed figures must be labelled with."""
    if field_name != "clues":
        return None
    named = [pattern for noun, pattern in CLUE_NOUNS.items() if noun in question]
    return named[0] if len(named) == 1 else None


def _names_a_kind_of_rule(question: str) -> bool:
    """True for "多少项公务用车制度": a kind of rule the counts do not break down."""
    for match in _RULE_NOUN.finditer(question):
        before = _GENERIC_RULE_QUALIFIER.sub("", question[: match.start()])
        if before and re.match(r"[一-龥]", before[-1]) and before[-1] not in _RULE_NOUN_MAY_FOLLOW:
            return True
    return False


def family_of(figure: Figure) -> Family | None:
    """The first family of the figure's field whose label wording matches."""
    return next((f for f in FAMILIES.get(figure.field, ()) if f.label.search(figure.label)), None)


def measure_of(figure: Figure) -> str:
    """What a figure counts, so only like is compared: 元, %, 人, 件 (cases), 条 (articles), 项 (items)."""
    if figure.unit in ("元", "%"):
        return figure.unit
    if figure.unit in ("人", "名", "人次"):
        return "人"
    if figure.field == "rules" and figure.unit == "条":
        return "条"
    if figure.field in ("people", "clues") and figure.unit in ("件", "起", "例"):
        return "件"
    return "项"


@dataclass
class _Stated:
    """A figure as stated in one notice."""

    figure: Figure
    notice: NoticeRow
    family: Family


@dataclass
class _UnitFigures:
    unit: str
    has_record: bool = False
    own: list[_Stated] = field(default_factory=list)  # scope == "": the unit's own figures
    sub_unit: list[_Stated] = field(default_factory=list)


class _Citations:
    """Numbers citations in order of first use; one number per quoted span."""

    def __init__(self) -> None:
        self.items: list[Citation] = []

    def cite(self, stated: _Stated) -> str:
        figure, notice = stated.figure, stated.notice
        for citation in self.items:
            if (citation.notice_id, citation.start, citation.end) == (notice.notice_id, figure.start, figure.end):
                return f"[{citation.n}]"
        n = len(self.items) + 1
        self.items.append(Citation(n, notice.notice_id, notice.title or notice.file_name, _unit_of(notice), "",
                                   figure.quote, figure.start, figure.end))
        return f"[{n}]"


def answer_from_records(
    question: str,
    standalone_question: str,
    units_in_scope: list[str],
    notices: list[NoticeRow],
    records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """A cited per-unit answer from the stored records, or None when the question is not a figure question across units."""
    asked = standalone_question or question
    if not units_in_scope or not (asks_across_units(asked) or asks_comparison(asked) or len(units_in_scope) >= 2):
        return None
    plan = read_figure_question(asked)
    if plan is None:
        return None
    per_unit = [_gather(unit, plan, notices, records, notice_text_of) for unit in units_in_scope]
    answered = [u for u in per_unit if u.own or u.sub_unit]
    if not answered:
        return None  # nothing stated anywhere: let the passage-based answer look
    citations = _Citations()
    lines = _headline(plan, per_unit, citations)
    lines.extend(_unit_line(u, citations) for u in answered)
    silent = [u.unit for u in per_unit if u.has_record and not (u.own or u.sub_unit)]
    if silent:
        lines.append(f"未给出该数字的单位:{'、'.join(silent)}。")
    unread = [u.unit for u in per_unit if not u.has_record]
    if unread:
        lines.append(f"以下单位的通报没有数字记录:{'、'.join(unread)}。")
    lines.extend(_not_compared_notes(plan, per_unit, citations))
    logger.debug("records answer: field %s, %d of %d units state it", plan.field, len(answered), len(per_unit))
    return Answer(
        question=question,
        standalone_question=standalone_question,
        text="\n".join(lines),
        citations=citations.items,
        answerer=ANSWERER,
        units=[u.unit for u in answered],
    )


def scope_for_records(units_named: Sequence[str], across_units: bool, all_units: Sequence[str]) -> list[str]:
    """The units a records answer covers: the named ones when two or more are named, else all for a question across units."""
    if len(units_named) >= 2:
        return list(units_named)
    return list(all_units) if across_units else []


def _unit_of(notice: NoticeRow) -> str:
    return unit_label(notice)  # as the unit directory names it


def _gather(
    unit: str, plan: FigureQuestion, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> _UnitFigures:
    found = _UnitFigures(unit)
    for notice in (n for n in notices if _unit_of(n) == unit):
        data = records.get(notice.notice_id)
        text = notice_text_of(notice.notice_id)
        if data is None or text is None:
            continue
        found.has_record = True
        for figure in NoticeRecord.from_dict(data).figures:
            family = family_of(figure)
            if figure.field not in plan.fields or family not in plan.listed:
                continue
            if plan.label_must is not None and not plan.label_must.search(figure.label):
                continue
            if text[figure.start : figure.end] != figure.quote:
                continue  # a quote that is not verbatim is never shown, ranked or added
            (found.sub_unit if figure.scope else found.own).append(_Stated(figure, notice, family))
    return found


def _shown(stated: _Stated, citations: _Citations) -> str:
    return f"{stated.figure.label}{stated.figure.text}{citations.cite(stated)}"


def _unit_line(found: _UnitFigures, citations: _Citations) -> str:
    parts = [_shown(s, citations) for s in found.own] or ["未给出全单位的数字"]
    by_scope: dict[str, list[str]] = {}
    for stated in found.sub_unit:
        by_scope.setdefault(stated.figure.scope, []).append(_shown(stated, citations))
    if by_scope:
        parts.append("其中" + ";".join(f"{scope}:{'、'.join(shown)}" for scope, shown in by_scope.items()))
    return f"{found.unit}:" + ";".join(parts)


def _groups(plan: FigureQuestion, per_unit: list[_UnitFigures]) -> list[tuple[Family, str, dict[str, list[_Stated]]]]:
    """Unit-level figures of each compared family and measure: [(family, measure, {unit: figures})]."""
    groups: dict[tuple[str, str], tuple[Family, str, dict[str, list[_Stated]]]] = {}
    for found in per_unit:
        for stated in found.own:
            if stated.family not in plan.compared:
                continue
            key = (stated.family.key, measure_of(stated.figure))
            group = groups.setdefault(key, (stated.family, key[1], {}))
            group[2].setdefault(found.unit, []).append(stated)
    return list(groups.values())


def _headline(plan: FigureQuestion, per_unit: list[_UnitFigures], citations: _Citations) -> list[str]:
    groups = _groups(plan, per_unit)
    named = len(groups) > 1
    lines: list[str] = []
    if plan.rank:
        lines.extend(_ranking(family, by_unit, plan.rank, citations) for family, _, by_unit in groups)
        if not groups:
            lines.append("无法比较:各单位通报中没有可比的同一口径数字(见下)。")
    if plan.wants_sum:
        lines.extend(_sum(family, measure, by_unit, citations, named) for family, measure, by_unit in groups if family.summable)
        if not any(family.summable for family, _, _ in groups):
            lines.append("无法合计:各单位通报中没有可相加的同一口径数字(见下)。")
    if not lines:
        lines.append(f"各单位通报的{_topic(plan)}数字如下(按通报原文):")
    elif plan.rank or plan.wants_sum:
        lines.append("各单位通报的数字:")
    return lines


def _topic(plan: FigureQuestion) -> str:
    """What the listed figures are: one family's name, else the field's."""
    if len(plan.listed) == 1:
        return f"“{plan.listed[0].name}”"
    return "“" + "、".join(FIELD_TOPICS[name] for name in plan.fields) + "”"


def _ranking(family: Family, by_unit: dict[str, list[_Stated]], rank: str, citations: _Citations) -> str:
    best = {unit: max(figures, key=lambda s: s.figure.value) for unit, figures in by_unit.items()}
    if len(best) == 1:
        unit, stated = next(iter(best.items()))
        return f"只有{unit}给出了“{family.name}”的数字:{_shown(stated, citations)},无从比较。"
    pick = max if rank == "most" else min
    target = pick(s.figure.value for s in best.values())
    winners = [unit for unit, s in best.items() if s.figure.value == target]
    word = "最多" if rank == "most" else "最少"
    several = any(len(figures) > 1 for figures in by_unit.values())
    how = ",同一单位有多项时取其最大一项" if several else ""
    stated = "、".join(_shown(best[unit], citations) for unit in winners)
    tie = "并列" if len(winners) > 1 else ""
    return (f"按“{family.name}”口径比较(只比同一口径的数字{how}),{'、'.join(winners)}{tie}{word}:"
            f"{stated};参与比较的单位{len(best)}个。")


def _sum(family: Family, measure: str, by_unit: dict[str, list[_Stated]], citations: _Citations, named: bool) -> str:
    prefix = f"“{family.name}”" if named else ""
    everything = [s for figures in by_unit.values() for s in figures]
    approximate = "(含约数)" if any(re.search(r"[余多]", s.figure.text) for s in everything) else ""
    several = [unit for unit, figures in by_unit.items() if len(figures) > 1]
    if not several:
        return f"{prefix}合计(按各单位通报数字计算):{_total(everything, measure, citations)}{approximate}。"
    largest = [max(figures, key=lambda s: s.figure.value) for figures in by_unit.values()]
    return (
        f"{prefix}合计(按各单位通报数字计算):各项相加为{_total(everything, measure, citations)}{approximate}。\n"
        f"其中{'、'.join(several)}通报了多项此类数字,可能互有包含(如总数与分项);"
        f"这些单位各取最大一项,则合计为{_total(largest, measure, citations)}。"
    )


def _total(parts: list[_Stated], measure: str, citations: _Citations) -> str:
    total = sum(Decimal(str(s.figure.value)) for s in parts)
    terms = "+".join(f"{s.figure.text}{citations.cite(s)}" for s in parts) if len(parts) > 1 else citations.cite(parts[0])
    return f"{_amount(total, measure, parts)}={terms}" if len(parts) > 1 else f"{_amount(total, measure, parts)}{terms}"


def _amount(total: Decimal, measure: str, parts: list[_Stated]) -> str:
    if measure == "元":
        yuan = _plain(total)
        return f"{_plain(total / 10000)}万元({yuan}元)" if total >= 10000 else f"{yuan}元"
    units = {s.figure.unit for s in parts}
    return f"{_plain(total)}{units.pop() if len(units) == 1 else measure}"


def _plain(number: Decimal) -> str:
    """A number without trailing zeros or exponent: 515000, 51.5, 0.32."""
    return format(number.quantize(Decimal("0.0001")).normalize(), "f")


def _not_compared_notes(plan: FigureQuestion, per_unit: list[_UnitFigures], citations: _Citations) -> list[str]:
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


def widen_to_sentences(answer: Answer, notice_text_of: Callable[[str], str | None], max_chars: int = 200) -> Answer:
    """Quote each figure's whole sentence (when short enough), so the passage reads on its own;
    citations that come to share one sentence become one."""
    from assistant.verify import MARKER_PATTERN
    from index.sentences import split_sentences

    first_of_span: dict[tuple[str, int, int], int] = {}
    renumber: dict[int, int] = {}
    kept: list[Citation] = []
    for citation in answer.citations:
        text = notice_text_of(citation.notice_id) or ""
        window = split_sentences(text, max(0, citation.start - max_chars), min(len(text), citation.end + max_chars))
        span = next(((s, e) for s, e in window if s <= citation.start and citation.end <= e), None)
        if span is not None and span[1] - span[0] <= max_chars:
            citation = Citation(**{**citation.__dict__, "quote": text[span[0] : span[1]], "start": span[0], "end": span[1]})
        key = (citation.notice_id, citation.start, citation.end)
        if key in first_of_span:
            renumber[citation.n] = first_of_span[key]
            continue
        first_of_span[key] = citation.n
        kept.append(citation)

    def rewrite(match: re.Match[str]) -> str:
        number = int(match.group(1)) if match.group(1).isdigit() else None
        return f"[{renumber.get(number, number)}]" if number is not None else match.group(0)

    text = MARKER_PATTERN.sub(rewrite, answer.text)
    return Answer(**{**answer.__dict__, "text": text, "citations": kept})

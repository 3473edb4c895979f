"""Notice records: each notice's headline figures (问题, 整改, 金额, 处理人数, 制度, 线索, 整改措施), each with its verbatim quote.

Extraction is by rules over how figures are worded (a label word next to a number in the same
clause), never over particular notices' sentences. A figure the rules cannot tie to a label is
left out: absent, never guessed.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from index.documents import NoticeMetadata
from index.figures import Quantity, find_quantities, mask_non_figures
from index.vocabulary import (
    CLUE_ACTIONS, CLUE_NOUNS, IN_PROGRESS_WORDS, MEASURE_NOUNS, MEASURE_VERBS, MODAL_WORDS, MONEY_ACTIONS,
    NEGATION_WORDS, PEOPLE_ACTIONS, PERSON_WORDS, RATE_WORDS, RECTIFIED_WORDS, RULE_NOUNS, RULE_VERBS, TOTAL_WORDS,
)

logger = logging.getLogger(__name__)

FIELDS = (
    "problems_found", "problems_rectified", "problems_in_progress", "completion_rate",
    "money", "people", "rules", "clues", "measures",
)
MIN_QUOTE, MAX_QUOTE = 10, 150


@dataclass(frozen=True)
class Figure:
    """One stated figure: notice_text[start:end] == quote, and text (the number as written) is inside quote."""

    field: str  # one of FIELDS
    label: str  # what it is, as worded: "挽回经济损失", "清退", "立案", "修改完善制度", "问题线索移交" ...
    value: float  # yuan for money, a count for the rest, percent for rates
    unit: str  # "元" | "项" | "人" | "件" | "个" | "%" ...
    text: str  # the figure as written: "27.493万元", "二十三个"
    quote: str
    start: int
    end: int
    scope: str = ""  # a sub-unit the figure is about ("星海街道"); "" for the notice's own unit


@dataclass
class NoticeRecord:
    """A notice's metadata as passed in, plus the figures it states."""

    notice_id: str
    unit: str = ""
    figures: list[Figure] = field(default_factory=list)
    metadata: NoticeMetadata | None = None

    def by_field(self, field: str) -> list[Figure]:
        """The figures of one field, in reading order."""
        return [figure for figure in self.figures if figure.field == field]

    def to_dict(self) -> dict[str, Any]:
        return {
            "notice_id": self.notice_id,
            "unit": self.unit,
            "figures": [asdict(figure) for figure in self.figures],
            "metadata": None if self.metadata is None else self.metadata.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoticeRecord:
        metadata = data.get("metadata")
        return cls(
            notice_id=data["notice_id"],
            unit=data.get("unit", ""),
            figures=[Figure(**figure) for figure in data.get("figures", [])],
            metadata=None if metadata is None else NoticeMetadata.from_dict(metadata),
        )


# --- wording of labels -------------------------------------------------------------------------

_FEEDBACK_VERB = r"反馈|指出|提出|交办|梳理出|查找出|细化为|分解为|细化成|(?:巡察|巡视)[^，,。；;]{0,8}发现"
_PROBLEM_HEAD = r"(?:的)?(?:具体)?(?:整改问题|整改事项|问题)"
# 整改措施 / 整改任务 (measures): what the unit set itself to do, counted apart from the problems found
# ("12个问题,细化为35项具体整改任务"; "制定整改措施25条"; "形成整改任务清单40项").
_MEASURE_NOUN = MEASURE_NOUNS
_MEASURE_VERB = MEASURE_VERBS
_GROUP_TAIL = r"(?:大类|大方面|方面|类)?"
_RECTIFIED = RECTIFIED_WORDS
_IN_PROGRESS = IN_PROGRESS_WORDS
# Generic verbs count only with 整改 in the sentence or the one before.
_NEEDS_CONTEXT = ("已完成", "按期完成", "已按期完成", "已全部完成", "正在持续推进", "正在推进", "持续推进中", "未完成", "尚未完成")
_RATE = RATE_WORDS
_CLUE_NOUN = CLUE_NOUNS
_CLUE_ACTION = CLUE_ACTIONS
_PEOPLE = PEOPLE_ACTIONS
_PERSON_WORDS = PERSON_WORDS
_RULE_VERB = RULE_VERBS
_RULE_VERBS = rf"(?:{_RULE_VERB})(?:[和、及与]?(?:{_RULE_VERB}))*"
_RULE_NOUN = RULE_NOUNS
_MONEY_WORD = MONEY_ACTIONS
_MONEY_ACTION = rf"(?:{_MONEY_WORD})(?:[和、及与]?(?:{_MONEY_WORD}))*"
_TOTAL = TOTAL_WORDS
_QUALIFIER = r"(?:(?:巡察|巡视|整改)(?:中|期间|以来|后))?(?:累计)?"  # "巡察以来累计挽回…": whose and how long
_MODAL = MODAL_WORDS
_NEGATION = NEGATION_WORDS
_ORG = (
    r"(?P<org>[一-龥]{1,8}?(?:街道办事处|街道|社区|村委会|派出所|集团|公司|分局|局|农委|委员会|中心|学校|医院|镇|乡|村))"
    r"(?:现|已|已经|全部|主动|目前|均|共|先后|累计)*$"
)
_ORG_LEAD = re.compile(r"^(?:其中|责成|督促|要求|指导|推动|组织|由|经|对|在)+")
_GENERIC_ORG_START = ("我", "本", "全", "各", "该", "其", "此", "相关", "有关")


@dataclass(frozen=True)
class _Claim:
    """A quantity tied to a label, before its quote is cut."""

    field: str
    label: str
    quantity: Quantity
    anchor_start: int  # start of the label (or verb) the figure hangs on
    anchor_end: int


_Labelled = tuple[Quantity, str]


class _Notice:
    """The notice text with its masked twin and clause/sentence boundaries."""

    def __init__(self, text: str):
        self.text = text
        self.masked = mask_non_figures(text)
        self.clause_breaks = _breaks(self.masked, "，,。；;！？!?：:()（）\n")
        self.sentence_breaks = _breaks(self.masked, "。；;！？!?\n")

    def clause_start(self, position: int) -> int:
        return _last_break_before(self.clause_breaks, position)

    def clause_end(self, position: int) -> int:
        return _first_break_at(self.clause_breaks, position, len(self.text))

    def sentence_start(self, position: int) -> int:
        return _last_break_before(self.sentence_breaks, position)

    def sentence_end(self, position: int) -> int:
        return _first_break_at(self.sentence_breaks, position, len(self.text))

    def before(self, quantity: Quantity) -> str:
        """Masked text from the start of the quantity's clause up to the quantity."""
        return self.masked[self.clause_start(quantity.start) : quantity.start]

    def after(self, quantity: Quantity) -> str:
        """Masked text after the quantity up to the end of its clause."""
        return self.masked[quantity.end : self.clause_end(quantity.end)]

    def sentence_text(self, position: int) -> str:
        return self.masked[self.sentence_start(position) : self.sentence_end(position)]


def _breaks(masked: str, delimiters: str) -> list[int]:
    """Positions of delimiters, except "," and ":" between digits (1,000 and 16:53)."""
    positions = []
    for index, char in enumerate(masked):
        if char not in delimiters:
            continue
        between_digits = 0 < index < len(masked) - 1 and masked[index - 1].isdigit() and masked[index + 1].isdigit()
        if char in ",:" and between_digits:
            continue
        positions.append(index)
    return positions


def _last_break_before(breaks: list[int], position: int) -> int:
    index = bisect.bisect_left(breaks, position)
    return breaks[index - 1] + 1 if index > 0 else 0


def _first_break_at(breaks: list[int], position: int, default: int) -> int:
    index = bisect.bisect_left(breaks, position)
    return breaks[index] if index < len(breaks) else default


# --- one classifier per field --------------------------------------------------------------------


def _problem_runs(notice: _Notice, quantities: list[Quantity]) -> list[_Claim]:
    """问题 found by the inspection: "反馈的3个大类,23个方面的问题", "指出了二十三个问题", "反馈问题23个"."""
    claims: list[_Claim] = []
    counts = [q for q in quantities if q.kind == "count" and q.unit not in ("人", "名", "人次")]
    by_start = {quantity.start: quantity for quantity in counts}
    used: set[int] = set()
    for first in counts:
        if first.start in used:
            continue
        head_first = re.search(
            rf"({_FEEDBACK_VERB})(?:了|的)?(?:共|共计)?(?P<head>{_PROBLEM_HEAD})(?:共|共计)?$", notice.before(first)
        )
        if head_first and _mentions_inspection(notice, first.start):
            start = notice.clause_start(first.start) + head_first.start()
            head = head_first.group("head").lstrip("的")
            for quantity, label in _head_first_chain(notice, first, by_start, head):
                claims.append(_Claim("problems_found", label, quantity, start, quantity.end))
                used.add(quantity.start)
            continue
        verb = re.search(rf"(?:{_FEEDBACK_VERB})[^，,。；;：:]*$", notice.before(first))
        if not verb or not _mentions_inspection(notice, first.start):
            continue
        run, end = _count_run(notice, first, by_start)
        if not run:
            continue
        anchor_start = notice.clause_start(first.start) + verb.start()
        for quantity, label in run:
            claims.append(_Claim("problems_found", label, quantity, anchor_start, end))
            used.add(quantity.start)
    return claims


def _count_run(notice: _Notice, first: Quantity, by_start: dict[int, Quantity]) -> tuple[list[_Labelled], int]:
    """Counts chained as "3个大类,23个方面的问题" up to a problem noun; empty if no noun ends the chain."""
    run: list[_Labelled] = []
    quantity = first
    while True:
        tail = re.compile(_GROUP_TAIL).match(notice.masked, quantity.end)
        head = re.compile(_PROBLEM_HEAD).match(notice.masked, tail.end())
        if head:
            label = (tail.group(0) + head.group(0)).replace("的", "") or quantity.unit
            run.append((quantity, label))
            return run, head.end()
        run.append((quantity, tail.group(0) or quantity.unit))
        gap = re.compile(r"[，,、]?").match(notice.masked, tail.end())
        following = by_start.get(gap.end())
        if following is None or len(run) > 5:
            return [], 0
        quantity = following


def _head_first_chain(notice: _Notice, first: Quantity, by_start: dict[int, Quantity], head: str) -> list[_Labelled]:
    """After "反馈问题": "23个" is 23 问题; "5个方面18个" is 5 方面 and 18 问题."""
    tail = re.compile(_GROUP_TAIL).match(notice.masked, first.end)
    if not tail.group(0) and first.unit not in ("大类", "大方面", "方面", "类"):
        return [(first, head)]
    gap = re.compile(r"[，,、]?").match(notice.masked, tail.end())
    following = by_start.get(gap.end())
    chain = [(first, tail.group(0) or first.unit)]
    return chain + [(following, head)] if following is not None else chain


def _mentions_inspection(notice: _Notice, position: int) -> bool:
    return bool(re.search(r"巡察|巡视|反馈", notice.sentence_text(position)))


def _rectified(notice: _Notice, quantity: Quantity) -> list[_Claim]:
    """整改到位 / 正在整改 counts: "已整改到位22个", "1个问题正在整改", "正在整改事项7项"."""
    if quantity.kind != "count" or quantity.unit not in ("项", "个", "条", "件", "大项"):
        return []
    before = notice.before(quantity)
    label_first = re.search(
        rf"(?P<verb>{_RECTIFIED}|{_IN_PROGRESS})(?:的|了)?(?:问题|事项|任务|整改任务|整改事项)?(?:共|共计)?$", before
    )
    if label_first and re.match(r"(?:问题|事项|任务|方面)?(?:[，,。；;、()（）：:]|$)", notice.after(quantity)):
        verb_start = notice.clause_start(quantity.start) + label_first.start("verb")
        return _rectified_claim(notice, quantity, label_first.group("verb"), verb_start, quantity.end)
    label_after = re.match(
        rf"(?:方面)?(?:的)?(?:具体)?(?:问题|整改任务|任务|整改事项|事项)?(?:已经|已|均|都|全部)*(?P<verb>{_RECTIFIED}|{_IN_PROGRESS})",
        notice.after(quantity),
    )
    if label_after and not re.match(r".{0,4}?\d", notice.after(quantity)[label_after.end() :]):
        verb_end = quantity.end + label_after.end("verb")
        return _rectified_claim(notice, quantity, label_after.group("verb"), quantity.start, verb_end)
    return []


def _rectified_claim(notice: _Notice, quantity: Quantity, verb: str, start: int, end: int) -> list[_Claim]:
    verb_start = notice.masked.find(verb, start, end)
    if _preceded_by(notice.masked, verb_start, _MODAL):
        return []
    sentence_start = notice.sentence_start(quantity.start)
    previous_start = notice.sentence_start(max(0, sentence_start - 1))
    context = notice.masked[previous_start : notice.sentence_end(quantity.start)]
    if verb in _NEEDS_CONTEXT and "整改" not in context:
        return []
    field_name = "problems_in_progress" if re.fullmatch(_IN_PROGRESS, verb) else "problems_rectified"
    return [_Claim(field_name, verb.removeprefix("已"), quantity, start, end)]


def _measures(notice: _Notice, quantity: Quantity) -> list[_Claim]:
    """整改措施 / 整改任务 counts: "制定整改措施25条", "细化为35项具体整改任务", "巡察反馈的25项整改任务"."""
    if quantity.kind != "count" or quantity.unit not in ("项", "条", "个", "件", "大项"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    noun_first = re.search(rf"(?P<verb>{_MEASURE_VERB})?(?P<noun>{_MEASURE_NOUN})(?:共|共计|合计)?$", before)
    if noun_first:
        start, end = clause_start + noun_first.start(), quantity.end
        label = (noun_first.group("verb") or "").removesuffix("了") + noun_first.group("noun")
    else:
        noun_after = re.match(rf"(?P<noun>{_MEASURE_NOUN})", notice.after(quantity))
        if not noun_after:
            return []
        verb = re.search(rf"(?P<verb>{_MEASURE_VERB})(?:共|共计)?$", before)
        start = clause_start + verb.start() if verb else quantity.start
        end = quantity.end + noun_after.end()
        label = (verb.group("verb").removesuffix("了") if verb else "") + noun_after.group("noun")
    if _preceded_by(notice.masked, start, _MODAL):
        return []
    return [_Claim("measures", label, quantity, start, end)]


def _rates(notice: _Notice, quantity: Quantity) -> list[_Claim]:
    """整改率 / 完成率 / 办结率 as stated: "整改率85.7%", "办结率为100%"."""
    if quantity.kind != "percent":
        return []
    match = re.search(rf"(?P<label>{_RATE})(?:为|达到|达|是|已达|已达到)?$", notice.before(quantity))
    if not match:
        return []
    label = match.group("label")
    if label == "完成率" and "整改" not in notice.sentence_text(quantity.start):
        return []
    field_name = "clues" if label == "办结率" else "completion_rate"
    start = notice.clause_start(quantity.start) + match.start()
    return [_Claim(field_name, label, quantity, start, quantity.end)]


def _clues(notice: _Notice, quantity: Quantity) -> list[_Claim]:
    """问题线索 / 信访件 received and settled: "问题线索移交6件", "移交的12件信访件", "办结3件"."""
    if quantity.kind != "count" or quantity.unit not in ("件", "条", "起"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    action_then_noun = re.search(rf"(?P<action>{_CLUE_ACTION})(?:的)?(?P<noun>{_CLUE_NOUN})(?:共|共计)?$", before)
    if action_then_noun:
        label = action_then_noun.group("action").removeprefix("已") + action_then_noun.group("noun")
        return [_Claim("clues", label, quantity, clause_start + action_then_noun.start(), quantity.end)]
    noun_then_action = re.search(
        rf"(?P<noun>{_CLUE_NOUN})(?:共|已)?(?P<action>{_CLUE_ACTION})(?:了|的)?(?:共|共计)?$", before
    )
    if noun_then_action:
        label = noun_then_action.group("noun") + noun_then_action.group("action").removeprefix("已")
        return [_Claim("clues", label, quantity, clause_start + noun_then_action.start(), quantity.end)]
    noun_after = re.match(rf"(?:重复|各类|相关)?(?P<noun>{_CLUE_NOUN})", notice.after(quantity))
    if noun_after:
        action = re.search(rf"(?P<action>{_CLUE_ACTION})[^，,。；;：:\d]{{0,10}}$", before)
        label = (action.group("action") if action else "") + noun_after.group("noun")
        start = clause_start + action.start() if action else quantity.start
        return [_Claim("clues", label, quantity, start, quantity.end + noun_after.end())]
    in_clue_sentence = bool(re.search(_CLUE_NOUN, notice.sentence_text(quantity.start)))
    action_only = re.search(rf"(?P<action>{_CLUE_ACTION})(?:了)?(?:共|共计)?$", before)
    if action_only and in_clue_sentence:
        start = clause_start + action_only.start()
        return [_Claim("clues", action_only.group("action").removeprefix("已"), quantity, start, quantity.end)]
    noun_only = re.search(rf"(?P<noun>{_CLUE_NOUN})(?:共|共计)?$", before)
    if noun_only:
        return [_Claim("clues", noun_only.group("noun"), quantity, clause_start + noun_only.start(), quantity.end)]
    action_after = re.match(r"(?:已经|已|仍|尚|均)*(?P<action>正在办理|正在核查|尚在办理|在办|办结|化解|未办结)", notice.after(quantity))
    if action_after and in_clue_sentence:
        label = action_after.group("action")
        return [_Claim("clues", label, quantity, quantity.start, quantity.end + action_after.end())]
    return []


def _people(notice: _Notice, quantity: Quantity) -> list[_Claim]:
    """People and cases handled: "立案7人", "党纪政务处分5人", "对4人开展了谈话提醒"."""
    if quantity.kind != "count" or quantity.unit not in ("人", "名", "件", "起", "人次", "例"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    label_first = re.search(rf"(?P<label>{_PEOPLE})(?:{_PERSON_WORDS}){{0,2}}$", before)
    if label_first and not _negated(notice.masked, clause_start + label_first.start()):
        label_start = clause_start + label_first.start()
        chained = re.search(rf"(?:(?:{_PEOPLE})[、和及])+$", before[: label_first.start()])
        if chained:
            label_start = clause_start + chained.start()  # "谈话提醒、批评教育11人": one count for both
        label = notice.text[label_start : clause_start + label_first.end("label")]
        return [_Claim("people", label, quantity, label_start, quantity.end)]
    if quantity.unit not in ("人", "名"):
        return []
    label_after = re.match(rf"(?P<gap>[^\d、□]{{0,10}}?)(?P<label>{_PEOPLE})", notice.after(quantity))
    marker = re.search(r"(?:对|等|给予|将)[^\d]{0,12}$", before)
    if label_after and marker and not any(word in label_after.group("gap") for word in _NEGATION):
        end = quantity.end + label_after.end()
        label = notice.text[quantity.end + label_after.start("label") : end]
        return [_Claim("people", label, quantity, quantity.start, end)]
    return []


def _rules(notice: _Notice, quantity: Quantity, quantities: list[Quantity]) -> list[_Claim]:
    """Rules made or revised: "新制定制度47项", "修订完善和新出台《…》等14项制度办法", then "共计161条"."""
    if quantity.kind != "count" or quantity.unit not in ("项", "个", "条", "件", "套"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    claim = None
    noun_first = re.search(
        rf"(?P<verbs>{_RULE_VERBS})(?:了)?[^\d]{{0,40}}?(?P<noun>{_RULE_NOUN})(?:共|共计|累计)?$", before
    )
    built = re.search(r"建章立制(?:共|共计|累计)?$", before)
    if noun_first:
        label = noun_first.group("verbs") + noun_first.group("noun")
        claim = _Claim("rules", label, quantity, clause_start + noun_first.start(), quantity.end)
    elif built:
        claim = _Claim("rules", "建章立制", quantity, clause_start + built.start(), quantity.end)
    else:
        noun_after = re.match(rf"(?P<noun>{_RULE_NOUN})", notice.after(quantity))
        verbs = re.search(rf"(?P<verbs>{_RULE_VERBS})(?:了)?[^\d]{{0,80}}?(?:等|共|共计)?$", before)
        if noun_after and verbs:
            label = verbs.group("verbs") + noun_after.group("noun")
            claim = _Claim("rules", label, quantity, clause_start + verbs.start(), quantity.end + noun_after.end())
    if claim is None or _preceded_by(notice.masked, claim.anchor_start, _MODAL):
        return []
    claims = [claim]
    later = [other for other in quantities if other.start >= quantity.end]
    between = notice.masked[quantity.end : later[0].start] if later else ""
    if later and later[0].unit == "条" and re.fullmatch(r"[，,]?(?:共计|共|合计|总计)", between):
        claims.append(_Claim("rules", claim.label, later[0], claim.anchor_start, later[0].end))
    return claims


def _money(notice: _Notice, quantity: Quantity) -> list[_Claim]:
    """Money recovered: an action word (挽回/追回/清退/退缴 …) before the amount in its clause, or a 共计 total after one."""
    if quantity.kind != "money":
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    if re.search(r"(?:每人|人均|每)[^\d]{0,6}$", before):
        return []  # per-person amounts are rates, not sums
    actions = list(re.finditer(_MONEY_ACTION, before))
    if actions:
        return _money_claim(notice, quantity, actions[-1], clause_start, total="")
    total = re.fullmatch(rf"(?P<total>{_TOTAL})(?:金额|资金)?", before.strip())
    if not total:
        return []
    sentence_start = notice.sentence_start(quantity.start)
    earlier = notice.masked[sentence_start:clause_start]
    actions = list(re.finditer(_MONEY_ACTION, earlier))
    if not actions:
        return []
    word = total.group("total")
    return _money_claim(notice, quantity, actions[-1], sentence_start, total="共计" if word in ("共", "计") else word)


def _money_claim(
    notice: _Notice, quantity: Quantity, action: re.Match[str], offset: int, total: str
) -> list[_Claim]:
    action_start = offset + action.start()
    if _preceded_by(notice.masked, action_start, _MODAL) or _negated(notice.masked, action_start):
        return []
    word = action.group(0)
    gap = notice.masked[offset + action.end() : quantity.start]
    if total:
        obj = ""
    else:
        if len(gap) > 30 or re.search(r"未|尚|涉及|需|应|计划|预算|投入|投资", gap):
            return []
        obj = re.split(r"\d[^、和及]*[、和及]", gap)[-1]
        obj = re.sub(r"^(?:\d+|[一二两三四五六七八九十]+)[人名户家]", "", obj)  # "清退6人超标准发放奖金"
        obj = "" if re.search(r"\d", obj) else obj.strip("了的约共计达为")
    if word == "整改" and not re.match(r"金额|到位资金|到位金额|问题金额", obj):
        return []  # "整改资金" is money spent on rectification, not money recovered
    if word in ("避免", "减少") and "损失" not in obj:
        return []
    qualifier = re.search(rf"(?:{_QUALIFIER})$", notice.masked[notice.clause_start(action_start) : action_start])
    prefix = qualifier.group(0) if qualifier else ""
    label = prefix + word + (obj if len(obj) <= 12 else "") + total
    return [_Claim("money", label, quantity, action_start - len(prefix), quantity.end)]


def _negated(masked: str, position: int) -> bool:
    """A negation just before a label: "未受到处分", "不予立案"."""
    return any(word in masked[max(0, position - 3) : position] for word in _NEGATION)


def _preceded_by(masked: str, position: int, words: tuple[str, ...]) -> bool:
    return any(masked[max(0, position - len(word)) : position] == word for word in words)


# --- record assembly ------------------------------------------------------------------------------


def extract_notice_record(
    notice_id: str, text: str, unit: str = "", metadata: NoticeMetadata | None = None
) -> NoticeRecord:
    """Every headline figure the notice states, each with its verbatim quote; metadata is held as passed in."""
    notice = _Notice(text)
    quantities = find_quantities(notice.masked)
    claims = _problem_runs(notice, quantities)
    claimed = {claim.quantity.start for claim in claims}
    for quantity in quantities:
        if quantity.start in claimed:
            continue
        for classify in (_rates, _money, _measures, _rectified, _clues, _people):
            found = classify(notice, quantity)
            if found:
                break
        else:
            found = _rules(notice, quantity, quantities)
        for claim in found:
            if claim.quantity.start not in claimed:
                claims.append(claim)
                claimed.add(claim.quantity.start)
    unit = unit or (metadata.unit if metadata else "")
    claims.sort(key=lambda claim: claim.quantity.start)
    figures = _unique(figure for claim in claims if (figure := _to_figure(notice, claim, unit)) is not None)
    logger.debug("notice %s: %d figures", notice_id, len(figures))
    return NoticeRecord(notice_id=notice_id, unit=unit, figures=figures, metadata=metadata)


def _to_figure(notice: _Notice, claim: _Claim, unit: str) -> Figure | None:
    span = _quote_span(notice, claim.anchor_start, claim.anchor_end)
    if span is None:
        logger.debug("no quote of at most %d chars for %s", MAX_QUOTE, claim)
        return None
    start, end = span
    quantity = claim.quantity
    return Figure(
        field=claim.field,
        label=claim.label,
        value=quantity.value,
        unit=quantity.unit,
        text=notice.text[quantity.start : quantity.end],
        quote=notice.text[start:end],
        start=start,
        end=end,
        scope=_scope(notice, claim.anchor_start, unit),
    )


def _quote_span(notice: _Notice, anchor_start: int, anchor_end: int) -> tuple[int, int] | None:
    """Whole clauses around the anchor, widened to MIN_QUOTE chars, cut near the anchor past MAX_QUOTE."""
    start, end = notice.clause_start(anchor_start), notice.clause_end(anchor_end)
    sentence_start, sentence_end = notice.sentence_start(anchor_start), notice.sentence_end(anchor_end)
    while end - start < MIN_QUOTE:
        if start > sentence_start:
            start = notice.clause_start(start - 1)
        elif end < sentence_end:
            end = notice.clause_end(end + 1)
        elif start > 0:
            start = sentence_start = notice.clause_start(start - 1)
        elif end < len(notice.text):
            end = sentence_end = notice.clause_end(end + 1)
        else:
            break
    start, end = _strip(notice.text, start, end)
    if end - start > MAX_QUOTE:
        start = max(start, anchor_start - 20)
        end = min(end, max(anchor_end + 20, start + MIN_QUOTE))
        start, end = _strip(notice.text, start, end)
    return (start, end) if end - start <= MAX_QUOTE else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scope(notice: _Notice, anchor_start: int, unit: str) -> str:
    """A named sub-unit right before the label in its clause ("星海街道现已清退"); "" for the notice's unit."""
    window = notice.masked[notice.clause_start(anchor_start) : anchor_start]
    match = re.search(_ORG, window)
    if not match:
        return ""
    org = _ORG_LEAD.sub("", match.group("org"))
    if len(org) < 2 or org.startswith(_GENERIC_ORG_START) or (unit and (org in unit or unit in org)):
        return ""
    return org


def _unique(figures: Iterable[Figure]) -> list[Figure]:
    """Figures as given; a statement repeated with the same label, value and scope is kept once."""
    seen: set[tuple[str, str, float, str]] = set()
    unique = []
    for figure in figures:
        key = (figure.field, figure.label, figure.value, figure.scope)
        if key not in seen:
            seen.add(key)
            unique.append(figure)
    return unique


def verify_record(record: NoticeRecord, text: str) -> list[str]:
    """Problems with a record against its notice text: quotes not verbatim at their span, figures outside them."""
    problems = []
    for index, figure in enumerate(record.figures):
        where = f"figure {index} ({figure.field} {figure.label} {figure.text})"
        if figure.field not in FIELDS:
            problems.append(f"{where}: unknown field {figure.field!r}")
        if text[figure.start : figure.end] != figure.quote:
            problems.append(f"{where}: quote is not the notice text at [{figure.start}:{figure.end}]")
        if figure.text not in figure.quote:
            problems.append(f"{where}: figure text {figure.text!r} is not inside its quote")
    return problems

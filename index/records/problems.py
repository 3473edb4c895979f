"""Problem figures (问题): found by the inspection, rectified, in progress, the rate, and 整改措施 (measures)."""

from __future__ import annotations

import re

from index.figures import Quantity
from index.records.text import Claim, Labelled, NoticeText, preceded_by
from index.vocabulary import (
    IN_PROGRESS_WORDS, MEASURE_NOUNS, MEASURE_VERBS, MODAL_WORDS, RATE_WORDS, RECTIFIED_WORDS,
)

_FEEDBACK_VERB = r"反馈|指出|提出|交办|梳理出?|查找出|细化为|分解为|细化成|(?:巡察|巡视)[^，,。；;]{0,8}发现"
_PROBLEM_HEAD = r"(?:的)?(?:具体)?(?:整改问题|整改事项|问题)"
_GROUP_TAIL = r"(?:大类|大方面|方面|类)?"
_GROUPS = ("大类", "大方面", "方面", "类")
# Generic verbs count only with 整改 in the sentence or the one before.
_NEEDS_CONTEXT = ("已完成", "按期完成", "已按期完成", "已全部完成", "正在持续推进", "正在推进", "持续推进中", "未完成", "尚未完成")


def problem_runs(notice: NoticeText, quantities: list[Quantity]) -> list[Claim]:
    """问题 found by the inspection: "反馈的3个大类,23个方面的问题", "指出了二十三个问题", "反馈问题23个"."""
    claims: list[Claim] = []
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
                claims.append(Claim("problems_found", label, quantity, start, quantity.end))
                used.add(quantity.start)
            continue
        verb = re.search(rf"(?:{_FEEDBACK_VERB})[^，,。；;：:]*$", notice.before(first))
        run, end = _count_run(notice, first, by_start)
        if not run:
            continue
        if verb and _mentions_inspection(notice, first.start):
            anchor_start = notice.clause_start(first.start) + verb.start()
        elif _grouped_findings(notice, run, end):
            anchor_start = first.start
        else:
            continue
        for quantity, label in run:
            claims.append(Claim("problems_found", label, quantity, anchor_start, end))
            used.add(quantity.start)
    return claims


def _count_run(notice: NoticeText, first: Quantity, by_start: dict[int, Quantity]) -> tuple[list[Labelled], int]:
    """Counts chained as "3个大类,23个方面的问题" up to a problem noun; empty if no noun ends the chain."""
    run: list[Labelled] = []
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


def _grouped_findings(notice: NoticeText, run: list[Labelled], end: int) -> bool:
    """"对六个方面47个问题照单全收": problems counted by the groups (方面, 大类) findings come in are the findings,
    with no verb saying so, unless the clause counts them as rectified or in progress."""
    if len(run) < 2 or run[0][1] not in _GROUPS:
        return False
    said = notice.before(run[0][0]) + notice.masked[run[0][0].start : notice.clause_end(end)]
    return not re.search(rf"{RECTIFIED_WORDS}|{IN_PROGRESS_WORDS}|整改了|解决了?", said)


def _head_first_chain(notice: NoticeText, first: Quantity, by_start: dict[int, Quantity], head: str) -> list[Labelled]:
    """After "反馈问题": "23个" is 23 问题; "5个方面18个" is 5 方面 and 18 问题."""
    tail = re.compile(_GROUP_TAIL).match(notice.masked, first.end)
    if not tail.group(0) and first.unit not in ("大类", "大方面", "方面", "类"):
        return [(first, head)]
    gap = re.compile(r"[，,、]?").match(notice.masked, tail.end())
    following = by_start.get(gap.end())
    chain = [(first, tail.group(0) or first.unit)]
    return chain + [(following, head)] if following is not None else chain


def _mentions_inspection(notice: NoticeText, position: int) -> bool:
    return bool(re.search(r"巡察|巡视|反馈", notice.sentence_text(position)))


_COUNT_FOLLOWS = re.compile(r".{0,4}?(?:\d|[〇零一二两三四五六七八九十百]+(?:个|项|条|件))")


def rectified(notice: NoticeText, quantity: Quantity) -> list[Claim]:
    """整改到位 / 正在整改 counts: "已整改到位22个", "1个问题正在整改", "正在整改事项7项"."""
    if quantity.kind != "count" or quantity.unit not in ("项", "个", "条", "件", "大项"):
        return []
    before = notice.before(quantity)
    label_first = re.search(
        rf"(?P<verb>{RECTIFIED_WORDS}|{IN_PROGRESS_WORDS})(?:的|了)?(?:问题|事项|任务|整改任务|整改事项)?(?:共|共计)?$", before
    )
    if label_first and re.match(r"(?:问题|事项|任务|方面)?(?:[，,。；;、()（）：:]|$)", notice.after(quantity)):
        verb_start = notice.clause_start(quantity.start) + label_first.start("verb")
        return _rectified_claim(notice, quantity, label_first.group("verb"), verb_start, quantity.end)
    label_after = re.match(
        rf"(?:方面)?(?:的)?(?:具体)?(?:问题|整改任务|任务|整改事项|事项)?(?:已经|已|均|都|全部)*(?P<verb>{RECTIFIED_WORDS}|{IN_PROGRESS_WORDS})",
        notice.after(quantity),
    )
    # "10个问题已完成整改9个" / "十个问题已完成整改九个": the count after the verb is the one done, not this
    if label_after and not _COUNT_FOLLOWS.match(notice.after(quantity)[label_after.end() :]):
        verb_end = quantity.end + label_after.end("verb")
        return _rectified_claim(notice, quantity, label_after.group("verb"), quantity.start, verb_end)
    return []


def _rectified_claim(notice: NoticeText, quantity: Quantity, verb: str, start: int, end: int) -> list[Claim]:
    verb_start = notice.masked.find(verb, start, end)
    if preceded_by(notice.masked, verb_start, MODAL_WORDS):
        return []
    sentence_start = notice.sentence_start(quantity.start)
    previous_start = notice.sentence_start(max(0, sentence_start - 1))
    context = notice.masked[previous_start : notice.sentence_end(quantity.start)]
    if verb in _NEEDS_CONTEXT and "整改" not in context:
        return []
    field_name = "problems_in_progress" if re.fullmatch(IN_PROGRESS_WORDS, verb) else "problems_rectified"
    return [Claim(field_name, verb.removeprefix("已"), quantity, start, end)]


def measures(notice: NoticeText, quantity: Quantity) -> list[Claim]:
    """整改措施 / 整改任务 counts: "制定整改措施25条", "细化为35项具体整改任务", "巡察反馈的25项整改任务"."""
    if quantity.kind != "count" or quantity.unit not in ("项", "条", "个", "件", "大项"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    noun_first = re.search(rf"(?P<verb>{MEASURE_VERBS})?(?P<noun>{MEASURE_NOUNS})(?:共|共计|合计)?$", before)
    if noun_first:
        start, end = clause_start + noun_first.start(), quantity.end
        label = (noun_first.group("verb") or "").removesuffix("了") + noun_first.group("noun")
    else:
        noun_after = re.match(rf"(?P<noun>{MEASURE_NOUNS})", notice.after(quantity))
        if not noun_after:
            return []
        verb = re.search(rf"(?P<verb>{MEASURE_VERBS})(?:共|共计)?$", before)
        start = clause_start + verb.start() if verb else quantity.start
        end = quantity.end + noun_after.end()
        label = (verb.group("verb").removesuffix("了") if verb else "") + noun_after.group("noun")
    if preceded_by(notice.masked, start, MODAL_WORDS):
        return []
    return [Claim("measures", label, quantity, start, end)]


def rates(notice: NoticeText, quantity: Quantity) -> list[Claim]:
    """整改率 / 完成率 / 办结率 as stated: "整改率85.7%", "办结率为100%"."""
    if quantity.kind != "percent":
        return []
    match = re.search(rf"(?P<label>{RATE_WORDS})(?:为|达到|达|是|已达|已达到)?$", notice.before(quantity))
    if not match:
        return []
    label = match.group("label")
    if label == "完成率" and "整改" not in notice.sentence_text(quantity.start):
        return []
    field_name = "clues" if label == "办结率" else "completion_rate"
    start = notice.clause_start(quantity.start) + match.start()
    return [Claim(field_name, label, quantity, start, quantity.end)]

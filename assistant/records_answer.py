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

from assistant.answer import Answer, Citation
from assistant.plain_words import in_official_words
from assistant.records_headline import headline
from assistant.records_question import COMPLETION_FIELDS, PROBLEM_FIELDS, read_figure_question
from assistant.repaid_in_full import with_repaid_in_full
from assistant.round_units import as_round_units
from assistant.section_evidence import as_asked
from assistant.records_table import (
    Citations, gather, itemised_lines, missing_headline, not_compared_notes, unit_line,
)
from assistant.units import asks_across_units, asks_comparison
from index.catalog import NoticeRow

logger = logging.getLogger(__name__)

ANSWERER = "extractive:records"
# "具体是哪几项?", "分别多少?", "都是哪几块": one unit's figures listed item by item.
ITEMISED = re.compile(r"哪几项|哪几笔|哪几块|哪几部分|哪些项|具体是|具体有|分别|各多少|各是多少|明细|包括哪些|由哪些|怎么构成|构成")


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
    if not units_in_scope or not (asks_across_units(asked) or asks_comparison(asked) or len(units_in_scope) >= 2
                                  or ITEMISED.search(asked) or asks_progress(asked)):
        return None
    plan = read_figure_question(asked)
    if plan is None:
        return None
    per_unit = [as_asked(gather(unit, plan, notices, records, notice_text_of), asked) for unit in units_in_scope]
    per_unit = as_round_units(per_unit)  # a round's inspected units count as units
    answered = [u for u in per_unit if u.own or u.sub_unit]
    if not answered:
        return None  # nothing stated anywhere: let the passage-based answer look
    citations = Citations()
    if len(per_unit) == 1 and not asks_across_units(asked):
        if plan.field == "money":  # "这笔钱都是哪几块": amounts said to be paid back in full are items too
            answered = [with_repaid_in_full(answered[0], notice_text_of)]
        if len(answered[0].own) + len(answered[0].sub_unit) < 2:
            return None  # one figure is no breakdown: the passage answer quotes it in its sentence
        return Answer(question=question, standalone_question=standalone_question,
                      text="\n".join(itemised_lines(plan, answered[0], citations)), citations=citations.items,
                      answerer=ANSWERER, units=[answered[0].unit])
    lines = missing_headline(plan, per_unit) if plan.missing else headline(plan, per_unit, citations)
    lines.extend(unit_line(u, citations) for u in answered)
    silent = [u.unit for u in per_unit if u.has_record and not (u.own or u.sub_unit)]
    if silent:
        lines.append(f"未给出该数字的单位:{'、'.join(silent)}。")
    unread = [u.unit for u in per_unit if not u.has_record]
    if unread:
        lines.append(f"以下单位的通报没有数字记录:{'、'.join(unread)}。")
    lines.extend(not_compared_notes(plan, per_unit, citations))
    logger.debug("records answer: field %s, %d of %d units state it", plan.field, len(answered), len(per_unit))
    return Answer(
        question=question,
        standalone_question=standalone_question,
        text="\n".join(lines),
        citations=citations.items,
        answerer=ANSWERER,
        units=[u.unit for u in answered],
    )


# Counts every notice states in its own verbs (发现/指出/反馈 问题, 完成整改, 整改措施): a figure of these
# answers however the question words the verb. Money, people and rules come in kinds (诫勉 is not 提醒谈话)
# that the passage answer must match, so they are not answered this way.
COUNTS_WORDED_ALIKE = (*PROBLEM_FIELDS, "measures")


def figures_of_unit(
    question: str,
    standalone_question: str,
    unit: str,
    notices: list[NoticeRow],
    records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """One unit's figures for a figure question ("松杨湖发现了几个问题?"), each cited, when the passages
    found no sentence stating it in the question's words (the notice wrote 指出了20个具体问题); None when
    the question is no figure question or the unit's records do not state the figure."""
    asked = standalone_question or question
    # "挑出了多少个问题": read in the notices' words (指出) when the question's own are not a figure question.
    plan = read_figure_question(asked) or read_figure_question(in_official_words(asked))
    if plan is None or plan.field not in COUNTS_WORDED_ALIKE:
        return None
    found = as_asked(gather(unit, plan, notices, records, notice_text_of), asked)  # "X中心呢": its section's
    if not (found.own or found.sub_unit):
        return None
    citations = Citations()
    return Answer(question=question, standalone_question=standalone_question,
                  text="\n".join(itemised_lines(plan, found, citations)), citations=citations.items,
                  answerer=ANSWERER, units=[unit])


# Where one ask ends and another begins: "反馈了多少问题,改完了几个?" asks two things.
_ASKS = re.compile(r"[?？;；]|[,，、](?=[^,，、?？]{0,6}(?:几|多少|哪些|什么))")


def asks_progress(question: str) -> bool:
    """"整改了多少?", "完成了几个?": how far rectification has come, answered by the rectified/open counts
    (only when that is all the question asks: "拆成了多少项任务?完成了多少?" asks two things)."""
    if len([clause for clause in _ASKS.split(question) if clause.strip()]) != 1:
        return False
    plan = read_figure_question(question)
    return plan is not None and plan.field in COMPLETION_FIELDS


def scope_for_records(
    units_named: Sequence[str], across_units: bool, all_units: Sequence[str], question: str = ""
) -> list[str]:
    """The units a records answer covers: the named ones when two or more are named (or one asked item by
    item), else all for a question across units."""
    if len(units_named) >= 2 or (len(units_named) == 1 and (ITEMISED.search(question) or asks_progress(question))):
        return list(units_named)
    return list(all_units) if across_units else []


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

"""Follow-ups answered from the previous answer itself: sums of its figures, the date a figure was counted to,
and the part it left undone."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.answer import Answer
from assistant.answering_settings import AnsweringSettings
from assistant.followup import units_in_history
from assistant.followup_context import answer_context, asks_about_context
from assistant.followup_complement import answer_complement, asks_complement
from assistant.followup_days import answer_days, asks_days_of_previous
from assistant.followup_gap import answer_gap, asks_gap_after_previous
from assistant.followup_left_item import answer_left_item, asks_left_item
from assistant.followup_figure_date import answer_figure_date, asks_figure_date
from assistant.followup_largest import answer_largest_part, asks_largest_part
from assistant.followup_named_rules import answer_rules_counted, asks_rules_counted
from assistant.followup_other_part import answer_other_part, asks_other_part
from assistant.followup_parts import answer_parts, asks_parts_of_previous
from assistant.followup_ratio import answer_ratio, asks_ratio_of_previous
from assistant.followup_remaining import answer_remaining, asks_about_remaining
from assistant.followup_row_owner import answer_row_owner, asks_row_owner
from assistant.followup_since import answer_since, asks_since_previous
from assistant.followup_sum import answer_sum, asks_only_sum, asks_sum_of_previous
from assistant.units import UnitDirectory, unit_label
from assistant.unknown_units import unknown_unit_names
from index.catalog import Catalog


def answer_from_previous(
    question: str, standalone_question: str, history: Sequence[dict], directory: UnitDirectory, catalog: Catalog,
    settings: AnsweringSettings | None = None,
) -> Answer | None:
    """"这几笔加起来一共多少?" / "没退的那部分后来退了吗?" answered over the previous answer's figures, else None."""
    # "X追回多少钱" naming a unit the library lacks is a new question about X, never one of the previous answer
    names_unit = bool(directory.find_units(question) or unknown_unit_names(question, directory))
    wants_sum = asks_sum_of_previous(question, names_unit)
    wants_date = asks_figure_date(question, names_unit)
    wants_ratio = not wants_sum and asks_ratio_of_previous(question, names_unit)
    wants_since = asks_since_previous(question, names_unit)
    wants_remaining = asks_about_remaining(question, names_unit)
    wants_days = asks_days_of_previous(question, names_unit)
    wants_share_left = asks_complement(question, names_unit)
    wants_gap = asks_gap_after_previous(question, names_unit)
    wants_other = asks_other_part(question, names_unit)
    wants_rules = asks_rules_counted(question, names_unit, history)
    wants_largest = asks_largest_part(question, names_unit)
    wants_left = asks_left_item(question, names_unit)
    wants_parts = asks_parts_of_previous(question, names_unit)
    wants_context = asks_about_context(question, names_unit)
    wants_owner = asks_row_owner(question, names_unit)
    if not (wants_owner or wants_parts or wants_context or wants_largest or wants_left or wants_rules or wants_other or wants_sum
            or wants_date or wants_ratio or wants_since or wants_remaining or wants_days or wants_gap):
        return None
    settings = settings or AnsweringSettings()
    units = units_in_history(history, directory)
    notice_ids = directory.notice_ids_of(units) if units else [row.notice_id for row in catalog.notices()]
    describe = _describer(catalog)
    # "这126万是哪几笔": the notice's amounts elsewhere adding up to it; "这28家里营收过亿的几家": the figure's own
    # sentence says; "这几项都是啥?" after a count of rules: those the notice names, and that it names not all;
    # "里面最大一笔是啥" after an amount: the largest of the parts its sentence lists; "剩下那件是啥事?" after
    # "还剩1件": the clause naming it; "剩下那部分是哪来的?" after a total and a part of it; "一共多少天?" after a
    # period: its days; "隔了几天开会部署的?" after a date: the days to that later event; "还差多少没进?" after a share
    for wanted, answer_by in (
        (wants_parts, lambda *given: answer_parts(*given, settings.parts_candidates, settings.parts_max)),
        (wants_context, answer_context),
        (wants_rules, lambda *given: answer_rules_counted(*given, settings.named_rules_quoted)),
        (wants_share_left, answer_complement), (wants_largest, answer_largest_part),
        (wants_left, answer_left_item), (wants_other, answer_other_part),
        (wants_days, answer_days), (wants_gap, answer_gap), (wants_owner, answer_row_owner),
    ):
        if wanted and (found := answer_by(question, standalone_question, history, notice_ids, catalog.notice_text,
                                          describe)):
            return found
    if wants_date:
        return answer_figure_date(question, standalone_question, history, notice_ids, catalog.notice_text, describe)
    if wants_since and (since := answer_since(question, standalone_question, history, notice_ids, catalog.notice_text,
                                               describe)):
        return since
    if not (wants_ratio or wants_sum or wants_remaining):
        return None
    return _answer_over_figures(question, standalone_question, history, notice_ids, catalog.notice_text, describe,
                                directory, wants_ratio, wants_sum)


def _answer_over_figures(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: list[str],
    notice_text: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]], directory: UnitDirectory,
    wants_ratio: bool, wants_sum: bool,
) -> Answer | None:
    """A ratio, a sum or the part left undone of the previous answer's figures."""
    if wants_ratio:  # None when the previous answer holds no such figures: the question is asked of the notices
        return answer_ratio(question, standalone_question, history, notice_ids, notice_text, describe)
    if wants_sum:
        summed = answer_sum(question, standalone_question, history, notice_ids, notice_text, describe)
        # "那钱后来拨下去了吗?一共多少": nothing to add up, but the question asks more; the notices may answer it.
        return None if summed.not_found and not asks_only_sum(question) else summed

    def without_units(text: str) -> str:
        for begin, end, _ in sorted(directory.mentions(text), reverse=True):
            text = text[:begin] + " " + text[end:]
        return text

    return answer_remaining(question, standalone_question, history, notice_ids, notice_text, describe,
                            without_units)


def _describer(catalog: Catalog) -> Callable[[str], tuple[str, str]]:
    """A notice's title and unit by its id, for citations."""
    rows = {row.notice_id: row for row in catalog.notices()}

    def describe(notice_id: str) -> tuple[str, str]:
        row = rows.get(notice_id)
        return (row.title or row.file_name, unit_label(row)) if row else ("", "")

    return describe


def with_section_paths(answer: Answer, catalog: Catalog) -> Answer:
    """Citations without a section path get the one of the passage they fall in."""
    for citation in answer.citations:
        if not citation.section_path:
            citation.section_path = next(
                (c.section_path for c in catalog.chunks(citation.notice_id) if c.start <= citation.start < c.end), ""
            )
    return answer

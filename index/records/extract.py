"""Record assembly: every classifier over every quantity, then quotes cut and repeats dropped."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace

from index.documents import NoticeMetadata
from index.figures import Quantity, find_quantities
from index.records.clues import clues
from index.records.model import Figure, NoticeRecord
from index.records.money import money
from index.records.people import people
from index.records.problems import measures, problem_runs, rates, rectified
from index.records.rules import rules
from index.records.scope import scope_of
from index.records.table import row_spans, table_claims
from index.records.text import Claim, NoticeText
from index.section_units import SectionUnit, section_units
from index.units import plausible_unit_name
from index.script_forms import simplified_characters, written_form

logger = logging.getLogger(__name__)

MIN_QUOTE, MAX_QUOTE = 10, 150


def extract_notice_record(
    notice_id: str, text: str, unit: str = "", metadata: NoticeMetadata | None = None
) -> NoticeRecord:
    """Every headline figure the notice states, each with its verbatim quote; metadata is held as passed in.

    The rules read the notice in simplified characters (發現問題45項 as 发现问题45项), one for one, so each
    figure's text and quote are cut from the notice as written at the same offsets.
    """
    written, text = text, simplified_characters(text)
    notice = NoticeText(text)
    in_tables = row_spans(text)
    table = table_claims(text, classify)
    quantities = [q for q in find_quantities(notice.masked) if not any(s <= q.start < e for s, e in in_tables)]
    rows = {claim.quantity.start: row for claim, row in table}
    claims = [claim for claim, _ in table] + classify(notice, quantities)
    claims.sort(key=lambda claim: claim.quantity.start)
    unit = unit or (metadata.unit if metadata else "")
    stated = [
        (figure, claim.quantity.start in rows)
        for claim in claims
        if (figure := _to_figure(notice, claim, unit, rows.get(claim.quantity.start))) is not None
    ]
    figures = _unique(_in_unit_sections(_without_table_repeats(stated), section_units(text, unit)))
    if written != text:
        figures = [_as_written(figure, written) for figure in figures]
    logger.debug("notice %s: %d figures", notice_id, len(figures))
    return NoticeRecord(notice_id=notice_id, unit=unit, figures=figures, metadata=metadata)


def classify(notice: NoticeText, quantities: list[Quantity]) -> list[Claim]:
    """Each quantity tied to the label it is stated with: problem runs first, then one family per quantity."""
    claims = problem_runs(notice, quantities)
    claimed = {claim.quantity.start for claim in claims}
    for quantity in quantities:
        if quantity.start in claimed or _each(notice, quantity):
            continue
        for classify_one in (rates, money, measures, rectified, clues, people):
            found = classify_one(notice, quantity)
            if found:
                break
        else:
            found = rules(notice, quantity, quantities)
        for claim in found:
            if claim.quantity.start not in claimed:
                claims.append(claim)
                claimed.add(claim.quantity.start)
    return claims


def _each(notice: NoticeText, quantity: Quantity) -> bool:
    """"每一项整改措施", "每一个问题": "each", not a count of one."""
    return quantity.kind == "count" and notice.masked[max(0, quantity.start - 1) : quantity.start] == "每"


def _to_figure(notice: NoticeText, claim: Claim, unit: str, row: tuple[int, int] | None = None) -> Figure | None:
    """The claim as a figure quoted by its clauses, or by its whole table row when that is short enough."""
    span = row if row and row[1] - row[0] <= MAX_QUOTE else _quote_span(notice, claim.anchor_start, claim.anchor_end)
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
        scope=scope_of(notice, claim.anchor_start, unit),
    )


def _in_unit_sections(figures: list[Figure], sections: list[SectionUnit]) -> list[Figure]:
    """Figures stated in a section another unit heads are that unit's (scoped to its name), not the notice's;
    a scope read from the clause that names no unit (巡察组向中心) gives way to the section's."""
    return [
        replace(figure, scope=section.name)
        if not plausible_unit_name(figure.scope) and (section := next((s for s in sections if _of_section(figure, s)), None))
        else figure
        for figure in figures
    ]


def _of_section(figure: Figure, section: SectionUnit) -> bool:
    """Stated in the unit's section, or in a table row that opens with one of its names ("甲村　6　5")."""
    return section.start <= figure.start < section.end or any(
        figure.quote.startswith(name) and not figure.quote[len(name) : len(name) + 1].isalnum() for name in section.names
    )


def _as_written(figure: Figure, written: str) -> Figure:
    """The figure read in simplified characters, with its text, quote and label as the notice writes them."""
    quote = written[figure.start : figure.end]
    text_start = figure.quote.find(figure.text)
    return replace(
        figure,
        text=quote[text_start : text_start + len(figure.text)],
        quote=quote,
        label=written_form(figure.label, quote),
    )


def _quote_span(notice: NoticeText, anchor_start: int, anchor_end: int) -> tuple[int, int] | None:
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


def _without_table_repeats(stated: list[tuple[Figure, bool]]) -> list[Figure]:
    """Figures (each marked whether read from a table) without a table row that repeats a figure the text
    states (same field, value, measure; one label within the other: 整改措施 / 制定整改措施): the first is
    kept; figures that differ are all kept."""
    kept: list[tuple[Figure, bool]] = []
    for figure, in_table in stated:
        if not any(_same_statement(figure, other) and in_table != other_in_table for other, other_in_table in kept):
            kept.append((figure, in_table))
    return [figure for figure, _ in kept]


def _same_statement(one: Figure, other: Figure) -> bool:
    return (
        one.field == other.field and one.value == other.value and one.scope == other.scope
        and _measure(one) == _measure(other) and (one.label in other.label or other.label in one.label)
    )


def _measure(figure: Figure) -> str:
    """What a figure counts: 人 and 名 are the same people, 个 and 项 the same items."""
    if figure.unit in ("人", "名", "人次"):
        return "人"
    return figure.unit if figure.unit in ("元", "%", "件", "起", "条") else "项"

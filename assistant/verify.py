"""Citation check: every quote must be verbatim in its notice, every [n] marker must have a source."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answer import Answer, Citation

logger = logging.getLogger(__name__)

# Separators inside one marker: , ， 、 ; ； and ranges with - – ~ ～ (full-width forms as escapes).
_LIST_SEPARATORS = ",\uff0c\u3001;\uff1b"
_RANGE_SEPARATORS = "\\-\u2013~\uff5e"
_MARKER_NUMBERS = rf"\d{{1,3}}(?:\s*[{_LIST_SEPARATORS}{_RANGE_SEPARATORS}]\s*\d{{1,3}})*"
# [1] [1,2] [1、2] [1-3] 【1】 and full-width ［1］; at most three digits so "[2023]" stays text.
MARKER_PATTERN = re.compile(rf"[\[\u3010\uff3b]\s*({_MARKER_NUMBERS})\s*[\]\u3011\uff3d]")
_HORIZONTAL_SPACE_BEFORE = re.compile(r"[ \t\u3000]+$")


def locate_quote(quote: str, notice_text: str, hint_start: int | None = None) -> tuple[int, int] | None:
    """Span of quote in notice_text (exact, else ignoring whitespace differences); None if not verbatim."""
    if not quote.strip():
        return None
    exact_starts = _all_occurrences(quote, notice_text)
    if exact_starts:
        start = _nearest(exact_starts, hint_start)
        return start, start + len(quote)
    compact_notice, original_index = _compact_with_index(notice_text)
    compact_quote, _ = _compact_with_index(quote)
    compact_starts = _all_occurrences(compact_quote, compact_notice)
    if not compact_starts:
        return None
    candidates = [original_index[position] for position in compact_starts]
    start = _nearest(candidates, hint_start)
    compact_start = compact_starts[candidates.index(start)]
    end = original_index[compact_start + len(compact_quote) - 1] + 1
    return start, end


def marker_numbers(text: str) -> list[int]:
    """Every number the text's [n] markers refer to, once each, in order of first appearance."""
    seen: list[int] = []
    for match in MARKER_PATTERN.finditer(text):
        for number in _marker_numbers(match.group(1)):
            if number not in seen:
                seen.append(number)
    return seen


def verify_answer(answer: Answer, notice_text_of: Callable[[str], str | None]) -> Answer:
    """Keep only citations whose quote is verbatim in their notice; fix markers and numbering to match.

    A failed citation is dropped and its markers removed; the sentence it supported stays, without a
    marker, so the 来源 list never vouches for it. Markers with no verified citation are removed,
    citations no marker refers to are dropped, and the rest are renumbered 1..k in order of first
    appearance.
    """
    verified_by_number: dict[int, Citation] = {}
    for citation in answer.citations:
        if citation.n in verified_by_number:
            continue
        checked = _verify_citation(citation, notice_text_of)
        if checked is not None:
            verified_by_number[citation.n] = checked

    kept_numbers = [number for number in marker_numbers(answer.text) if number in verified_by_number]
    new_number_of = {old: new for new, old in enumerate(kept_numbers, start=1)}

    text = _rewrite_markers(answer.text, new_number_of)
    citations = [
        replace(verified_by_number[old], n=new) for old, new in sorted(new_number_of.items(), key=lambda item: item[1])
    ]
    dropped = len(answer.citations) - len(citations)
    if dropped:
        logger.info("dropped %d of %d citations that did not verify or were not referenced", dropped, len(answer.citations))
    return replace(answer, text=text, citations=citations)


def _verify_citation(citation: Citation, notice_text_of: Callable[[str], str | None]) -> Citation | None:
    """The citation with the notice's exact quote and span, or None when the quote is not in its notice."""
    notice_text = notice_text_of(citation.notice_id)
    if notice_text is None:
        logger.info("citation [%d]: notice %s not found", citation.n, citation.notice_id)
        return None
    span = locate_quote(citation.quote.strip(), notice_text, hint_start=citation.start)
    if span is None:
        logger.info("citation [%d]: quote is not verbatim in notice %s", citation.n, citation.notice_id)
        return None
    start, end = span
    return replace(citation, quote=notice_text[start:end], start=start, end=end, verified=True)


def _rewrite_markers(text: str, new_number_of: dict[int, int]) -> str:
    """Rewrite every marker group as [a][b] with new numbers; remove groups with nothing left."""
    pieces: list[str] = []
    position = 0
    for match in MARKER_PATTERN.finditer(text):
        before = text[position : match.start()]
        numbers: list[int] = []
        for old in _marker_numbers(match.group(1)):
            new = new_number_of.get(old)
            if new is not None and new not in numbers:
                numbers.append(new)
        if numbers:
            pieces.append(before)
            pieces.append("".join(f"[{number}]" for number in numbers))
        else:
            pieces.append(_HORIZONTAL_SPACE_BEFORE.sub("", before))
        position = match.end()
    pieces.append(text[position:])
    return _merge_adjacent_duplicates("".join(pieces))


def _merge_adjacent_duplicates(text: str) -> str:
    """Turn "[1][1]" (left by removing a marker between them) into "[1]"."""
    return re.sub(r"(\[\d+\])(?:\1)+", r"\1", text)


def _marker_numbers(group: str) -> list[int]:
    """Numbers in a marker's inside, "1、3-5" -> [1, 3, 4, 5]; ranges are capped to stay small."""
    numbers: list[int] = []
    for part in re.split(rf"\s*[{_LIST_SEPARATORS}]\s*", group.strip()):
        bounds = re.split(rf"\s*[{_RANGE_SEPARATORS}]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            low, high = int(bounds[0]), int(bounds[1])
            if low <= high <= low + 20:
                numbers.extend(range(low, high + 1))
                continue
        numbers.extend(int(bound) for bound in bounds if bound.isdigit())
    return numbers


def _all_occurrences(needle: str, haystack: str) -> list[int]:
    """Start of every (possibly overlapping) occurrence of needle in haystack."""
    starts: list[int] = []
    position = haystack.find(needle)
    while position != -1:
        starts.append(position)
        position = haystack.find(needle, position + 1)
    return starts


def _nearest(starts: list[int], hint_start: int | None) -> int:
    """The start closest to the hint (first on a tie), or the first when there is no hint."""
    if hint_start is None:
        return starts[0]
    return min(starts, key=lambda start: abs(start - hint_start))


def _compact_with_index(text: str) -> tuple[str, list[int]]:
    """Text without whitespace, and for each kept character its index in the original."""
    kept: list[str] = []
    original_index: list[int] = []
    for index, character in enumerate(text):
        if not character.isspace():
            kept.append(character)
            original_index.append(index)
    return "".join(kept), original_index

"""Citations from a reply's 引用 block: the model's quotes located in their passages, or else the
passage sentence that best supports the lines citing it."""

from __future__ import annotations

import re

from langchain_core.documents import Document

from assistant.answer import Citation
from assistant.verify import MARKER_PATTERN, locate_quote, marker_numbers

SHORT_PASSAGE_CHARS = 80
COLONS = ":\uff1a"  # ASCII and full-width
_OPEN_BRACKETS, _CLOSE_BRACKETS = "\\[\u3010\uff3b", "\\]\u3011\uff3d"  # [ 【 ［ and ] 】 ］
_SENTENCE_ENDS = "\u3002\uff01\uff1f\uff1b!?;"  # 。！？； and ASCII forms
# "[1] 「quote」", "- [2]:“quote”", "【3】 quote".
_QUOTE_LINE = re.compile(
    rf"^\s*(?:[-*•]\s*)?[{_OPEN_BRACKETS}]\s*(\d{{1,3}})\s*[{_CLOSE_BRACKETS}]\s*[{COLONS}]?\s*(.*?)\s*$"
)
_QUOTED = re.compile(r"「(.+?)」|“(.+?)”|\"(.+?)\"|『(.+?)』")
_ELLIPSIS = re.compile(r"…+|\.{3,}|。{3,}")
_SENTENCE = re.compile(rf"[^{_SENTENCE_ENDS}\n]+[{_SENTENCE_ENDS}]?")


def is_quote_line(line: str) -> bool:
    match = _QUOTE_LINE.match(line)
    return bool(match and _QUOTED.search(match.group(2)))


def quotes_by_number(block: str) -> dict[int, list[str]]:
    """Quote candidates per passage number from the 引用 block, in the order given."""
    quotes: dict[int, list[str]] = {}
    for line in block.split("\n"):
        match = _QUOTE_LINE.match(line)
        if not match:
            continue
        number, rest = int(match.group(1)), match.group(2)
        quoted = [next(group for group in found if group) for found in _QUOTED.findall(rest)]
        for candidate in quoted or [rest]:
            cleaned = _longest_unabridged_part(candidate)
            if cleaned:
                quotes.setdefault(number, []).append(cleaned)
    return quotes


def _longest_unabridged_part(quote: str) -> str:
    """A quote shortened with "……" is not verbatim; its longest unbroken part may be."""
    parts = [part.strip() for part in _ELLIPSIS.split(quote)]
    return max(parts, key=len) if parts else ""


def citation_for(number: int, passage: Document, quote_candidates: list[str], body: str) -> Citation:
    """Citation n for passage n: the model's quote (located in the passage when possible), else a sentence."""
    metadata = passage.metadata
    passage_start = int(metadata.get("start", 0))
    passage_text = passage.page_content
    if quote_candidates:
        quote, offset = quote_candidates[0], 0
        for candidate in quote_candidates:
            span = locate_quote(candidate, passage_text)
            if span is not None:
                quote, offset = passage_text[span[0] : span[1]], span[0]
                break
    else:
        quote, offset = _best_sentence(passage_text, _lines_citing(body, number))
    return Citation(
        n=number,
        notice_id=str(metadata.get("notice_id", "")),
        title=str(metadata.get("title", "")),
        unit=str(metadata.get("unit", "")),
        section_path=str(metadata.get("section_path", "")),
        quote=quote,
        start=passage_start + offset,
        end=passage_start + offset + len(quote),
    )


def _lines_citing(body: str, number: int) -> str:
    """The body lines that carry marker n, markers removed: what the citation has to support."""
    lines = [line for line in body.split("\n") if number in marker_numbers(line)]
    return MARKER_PATTERN.sub("", "\n".join(lines))


def _best_sentence(passage_text: str, claim: str) -> tuple[str, int]:
    """The passage itself when short, else its sentence sharing most character pairs with the claim."""
    stripped = passage_text.strip()
    if len(stripped) <= SHORT_PASSAGE_CHARS:
        return stripped, passage_text.find(stripped)
    claim_pairs = _character_pairs(claim)
    best_text, best_offset, best_score = stripped, passage_text.find(stripped), -1
    for match in _SENTENCE.finditer(passage_text):
        sentence = match.group().strip()
        if not sentence:
            continue
        score = len(claim_pairs & _character_pairs(sentence))
        if score > best_score:
            best_text, best_offset, best_score = sentence, match.start() + match.group().find(sentence), score
    return best_text, best_offset


def _character_pairs(text: str) -> set[str]:
    compact = "".join(text.split())
    return {compact[index : index + 2] for index in range(len(compact) - 1)}

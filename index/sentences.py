"""Sentence and clause boundaries in Chinese notice text, as character spans."""

from __future__ import annotations

import re

# A sentence ends after 。！？； (or ASCII !?;), any run of them, plus closing quotes or
# brackets that directly follow ("……整改到位。”" ends after the ”).
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)\]】》〕]*")
# Clause ends, used only when one sentence alone is over the token budget.
_CLAUSE_END = re.compile(r"[，,]+[”’」』）)\]】》〕]*")


def _stripped_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span [start, end) without leading/trailing whitespace, or None if it is blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _split_at(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of text[start:end] cut after each match of pattern and at every line break."""
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start < end:
        newline = text.find("\n", line_start, end)
        line_end = end if newline == -1 else newline
        piece_start = line_start
        for match in pattern.finditer(text, line_start, line_end):
            span = _stripped_span(text, piece_start, match.end())
            if span:
                spans.append(span)
            piece_start = match.end()
        span = _stripped_span(text, piece_start, line_end)
        if span:
            spans.append(span)
        line_start = line_end + 1
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in text[start:end], whitespace excluded, in reading order."""
    return _split_at(_SENTENCE_END, text, start, len(text) if end is None else end)


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of text[start:end] cut after ，/, (for sentences too long to keep whole)."""
    return _split_at(_CLAUSE_END, text, start, len(text) if end is None else end)


def opening_end(text: str, lines: int = 3) -> int:
    """The end of a text's opening: its first `lines` non-empty lines (a report's lead)."""
    end, seen = 0, 0
    for line in text.splitlines(keepends=True):
        end += len(line)
        seen += bool(line.strip())
        if seen >= lines:
            break
    return end

"""A notice's text as the figure rules read it: the masked twin, clause and sentence boundaries, claims."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from index.figures import Quantity, mask_non_figures
from index.vocabulary import LABEL_LINE, NEGATION_WORDS

# A short line "label：value" ("已完成整改问题：16个"): its colon joins the label to the figure as one clause.
_LABEL_LINE = re.compile(LABEL_LINE, re.MULTILINE)


@dataclass(frozen=True)
class Claim:
    """A quantity tied to a label, before its quote is cut."""

    field: str
    label: str
    quantity: Quantity
    anchor_start: int  # start of the label (or verb) the figure hangs on
    anchor_end: int


Labelled = tuple[Quantity, str]


class NoticeText:
    """The notice text with its masked twin and clause/sentence boundaries."""

    def __init__(self, text: str):
        self.text = text
        self.masked = mask_non_figures(text)
        self.label_colons = {m.start("colon") for m in _LABEL_LINE.finditer(self.masked)}
        self.clause_breaks = [b for b in _breaks(self.masked, "，,。；;！？!?：:()（）\n") if b not in self.label_colons]
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
        """Masked text from the start of the quantity's clause up to the quantity; a label line's colon just
        before the figure is left out ("已完成整改问题：16个" reads as "已完成整改问题16个")."""
        before = self.masked[self.clause_start(quantity.start) : quantity.start]
        stripped = before.rstrip(" \t\u3000")
        colon = self.clause_start(quantity.start) + len(stripped) - 1
        return stripped[:-1] if stripped and colon in self.label_colons else before

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


def negated(masked: str, position: int) -> bool:
    """A negation just before a label: "未受到处分", "不予立案"."""
    return any(word in masked[max(0, position - 3) : position] for word in NEGATION_WORDS)


def preceded_by(masked: str, position: int, words: tuple[str, ...]) -> bool:
    return any(masked[max(0, position - len(word)) : position] == word for word in words)

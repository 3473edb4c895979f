"""The previous answer of a conversation as later follow-ups read it: its figures, each found again in a notice.

A follow-up such as "这几笔加起来一共多少?" works on the figures the last answer showed. Those
figures are never trusted as they stand: each is looked up verbatim in the notices of the units
being discussed and cited from there, or left out and said to be unchecked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from assistant.answer import Citation
from assistant.quote_spans import whole_sentence

# A money figure, or a count with its measure word; the value, then the unit.
MONEY = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|元)")
COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(项|个|人次|人|件|条|起|家|名|次|笔|种)")
_YUAN = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_MARKER = re.compile(r"\[\d+(?:[,，、\-–]\d+)*\]")
# Where a figure's label starts: after the last clause end, figure, or connective before it.
_LABEL_START = re.compile(r".*(?:[,，。;；:：、()（）\n]|\d+(?:\.\d+)?\s*(?:亿元|万元|元|项|个|人|件|条)|(?<!涉)及|和|与|以及|其中)", re.S)
_LEADING_WORDS = re.compile(r"^[-*•\s]*(?:对|将|把|共(?!计)|另|还|并|已|其中|以及)*")
# A figure the text itself calls a total ("共计…", "合计…", "涉及金额…").
_TOTAL_WORD = re.compile(r"(?:共计|合计|总计|累计|总额|共|总|涉及(?:金额)?)\s*$")
_QUOTE_CHARS = 200  # a cited sentence longer than this is cut to the figure's clause


@dataclass(frozen=True)
class Said:
    """A figure as the previous answer said it: its text, value in base units, measure, label and place."""

    text: str
    value: Decimal  # 元 for money, the count otherwise
    measure: str  # "元" for money, else the measure word
    label: str
    is_total: bool
    context: str = ""  # its clause in the answer ("清退6人超标准发放奖金"), to tell apart where it stands
    after: str = ""  # the rest of its clause ("其中35个已整改": "已整改"), where a news brief says what befell it


@dataclass(frozen=True)
class Found:
    """A said figure found verbatim in a notice, with the citation that quotes it."""

    said: Said
    citation: Citation


def last_answer(history: Sequence[dict]) -> str:
    """The last assistant turn's text without citation markers, or ""."""
    for turn in reversed(list(history)):
        if turn.get("role") == "assistant":
            return _MARKER.sub("", str(turn.get("content", "")))
    return ""


def figures_said(answer: str) -> list[Said]:
    """The money figures of an answer (else its counts, when they share one measure word), in order;
    lines that are computations ("a+b=c") are left out, so a total is never added again."""
    lines = [line for line in answer.split("\n") if "=" not in line and not line.lstrip().startswith(">")]
    text = "\n".join(lines)
    money = [_said(text, m, "元") for m in MONEY.finditer(text)]
    if money:
        return money
    counts = [_said(text, m, m.group(2)) for m in COUNT.finditer(text)]
    return counts if len({c.measure for c in counts}) == 1 else []


def _said(text: str, match: re.Match[str], measure: str) -> Said:
    before = text[max(0, match.start() - 30) : match.start()]
    cut = _LABEL_START.match(before)
    label = _LEADING_WORDS.sub("", before[cut.end() :] if cut else before).strip()
    value = Decimal(match.group(1)) * (_YUAN[match.group(2)] if measure == "元" else 1)
    clause = re.split(r"[,，。;；\n]", before)[-1]  # its own clause: "清退6人超标准发放奖金"
    after = re.split(r"[,，。;；\n]|\d", text[match.end() : match.end() + 30])[0]
    return Said(match.group(0), value, measure, label, bool(_TOTAL_WORD.search(before)), clause, after)


def find_in_notices(
    said: Sequence[Said], notice_ids: Sequence[str], notice_text_of: Callable[[str], str | None],
    describe: Callable[[str], tuple[str, str]],
) -> tuple[list[Found], list[Said]]:
    """Each figure found verbatim in one of the notices (where its label is closest), cited; and those not found.
    `describe(notice_id)` gives the notice's (title, unit) for its citations."""
    found: list[Found] = []
    missing: list[Said] = []
    for figure in said:
        best: tuple[int, int, str, int] | None = None  # (label, then context characters shared; notice, position)
        for notice_id in notice_ids:
            text = notice_text_of(notice_id) or ""
            for position in _occurrences(figure.text, text):
                near = text[max(0, position - 20) : position]
                shared = (sum(char in near for char in set(figure.label)),
                          sum(char in near for char in set(figure.context)))
                if best is None or shared > best[:2]:
                    best = (*shared, notice_id, position)
        if best is None:
            missing.append(figure)
            continue
        _, _, notice_id, position = best
        text = notice_text_of(notice_id) or ""
        start, end = _quoted_span(text, position, position + len(figure.text))
        title, unit = describe(notice_id)
        citation = Citation(0, notice_id, title, unit, "", text[start:end], start, end)
        found.append(Found(figure, citation))
    return found, missing


def _occurrences(figure: str, text: str) -> list[int]:
    """Where the figure stands in the text as a whole number (not "130540元" for "30540元")."""
    starts = [m.start() for m in re.finditer(re.escape(figure), text)]
    return [s for s in starts if s == 0 or not (text[s - 1].isdigit() or text[s - 1] == ".")]


def _quoted_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The figure's sentence when short, else its clause."""
    begin = max((text.rfind(mark, 0, start) for mark in "，,；;。\n"), default=-1) + 1
    stops = [i for i in (text.find(mark, end) for mark in "，,；;。\n") if i != -1]
    finish = min(stops) if stops else len(text)
    return whole_sentence(text, begin, finish, _QUOTE_CHARS)


def number_citations(found: Sequence[Found]) -> tuple[list[Citation], dict[int, int]]:
    """One citation per quoted span, numbered in order; and the number for each found figure (by index)."""
    citations: list[Citation] = []
    number_of: dict[int, int] = {}
    for index, item in enumerate(found):
        key = (item.citation.notice_id, item.citation.start, item.citation.end)
        same = next((c for c in citations if (c.notice_id, c.start, c.end) == key), None)
        if same is None:
            same = Citation(**{**item.citation.__dict__, "n": len(citations) + 1})
            citations.append(same)
        number_of[index] = same.n
    return citations, number_of


def plain(number: Decimal) -> str:
    """A number without trailing zeros or exponent: 48140, 4.814."""
    return format(number.quantize(Decimal("0.0001")).normalize(), "f")


def amount(value: Decimal, measure: str, written_in: set[str], places: int = 0) -> str:
    """A total said as its parts were written: 元 when they all were, else 万元 with 元 beside it.

    Written in the parts' own unit, it keeps as many decimals as the most precise part (12486.50+3218.40=15704.90).
    """
    if measure != "元":
        return f"{_kept(value, places)}{measure}"
    if written_in == {"万元"}:
        return f"{_kept(value / 10000, places)}万元"
    if written_in == {"亿元"}:
        return f"{_kept(value / 100000000, places)}亿元"
    if value >= 10000 and written_in != {"元"}:
        return f"{plain(value / 10000)}万元({plain(value)}元)"
    return f"{_kept(value, places)}元"


def _kept(number: Decimal, places: int) -> str:
    """The number plainly written, padded to the given decimals when it has fewer (43640.1 -> 43640.10)."""
    shown = plain(number)
    written = len(shown.split(".")[1]) if "." in shown else 0
    if places <= written or places > 4:
        return shown
    return format(number.quantize(Decimal(1).scaleb(-places)), "f")


def decimals_written(said: Said) -> int:
    """How many decimals a figure was written with (12486.50元 -> 2)."""
    number = re.sub(r"[^\d.]", "", said.text)
    return len(number.split(".")[1]) if "." in number else 0


def written_unit(said: Said) -> str:
    """The unit a figure was written in (元, 万元, 亿元, or its measure word)."""
    return next((u for u in ("亿元", "万元", "元") if said.text.endswith(u)), said.measure)

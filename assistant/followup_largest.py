"""Follow-ups asking the largest of the amounts a figure of the last answer is made of: "里面最大一笔是啥" after
"应入未入固定资产8600元".

The notice sentence stating the last answer's amount lists its parts after it ("…8600元,包括购置打印机1200元,
会议室桌椅5400元,…"); the largest part is named with its clause cited, the others listed beside it.
Nothing is answered unless one such sentence lists two or more smaller amounts after the figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.previous_answer import MONEY, figures_said, last_answer
from index.sentences import split_sentences

ANSWERER = "extractive:followup-largest"
# "最大一笔", "最多的那项", "哪笔最多", "哪一块钱最多".
LARGEST = re.compile(r"最(?:大|多|高)(?:的)?(?:一|那|哪)?(?:笔|项|块|部分)|(?:哪|那)一?(?:笔|项|块)(?:钱)?最(?:多|大|高)")
_YUAN = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
_CLAUSE_CUT = re.compile(r"[,，;；。:：]")
# A short bracketed note right after an amount belongs to its clause.
_NOTE_AFTER = re.compile(r"[(（][^()（）]{1,40}[)）]")


def asks_largest_part(question: str, names_unit: bool) -> bool:
    return not names_unit and LARGEST.search(question) is not None


def answer_largest_part(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The largest amount listed after one of the last answer's amounts in its notice sentence, cited; else None."""
    for said in figures_said(last_answer(history)):
        for notice_id in notice_ids:
            text = notice_text_of(notice_id) or ""
            for start, end in split_sentences(text):
                at = re.search(rf"(?<![\d.]){re.escape(said.text)}", text[start:end])
                if at is None:
                    continue
                parts = [(m, _yuan(m)) for m in MONEY.finditer(text, start + at.end(), end)]
                parts = [(m, value) for m, value in parts if value < said.value]
                if len(parts) >= 2:
                    return _answer(question, standalone_question, text, notice_id, parts, describe, start + at.end())
    return None


def _part_spans(text: str, matches: list[re.Match[str]], after_total: int) -> dict[int, tuple[int, int]]:
    """Each part's whole clause: from the last cut outside brackets (or the previous part's end) to its amount and the
    bracketed note right after it ("…2595元(7餐只写人数,未写人名)"), so a comma inside a note never cuts a clause."""
    spans: dict[int, tuple[int, int]] = {}
    previous_end = after_total
    for match in sorted(matches, key=lambda m: m.start()):
        begin = max(_last_cut_outside_brackets(text, previous_end, match.start()), previous_end)
        begin += len(re.match(r"[、,，;；]?(?:包括|其中|含|分别为|分别是)?", text[begin:]).group(0))
        note = _NOTE_AFTER.match(text, match.end())
        end = note.end() if note else match.end()
        spans[match.start()] = (begin, end)
        previous_end = end
    return spans


def _last_cut_outside_brackets(text: str, lower: int, upper: int) -> int:
    """The position after the last clause cut between lower and upper that is not inside brackets; else lower."""
    depth, last = 0, lower
    for at in range(lower, upper):
        char = text[at]
        depth += 1 if char in "(（" else -1 if char in ")）" and depth else 0
        if depth == 0 and _CLAUSE_CUT.match(char):
            last = at + 1
    return last


def _yuan(match: re.Match[str]) -> Decimal:
    return Decimal(match.group(1)) * _YUAN[match.group(2)]


def _answer(question: str, standalone_question: str, text: str, notice_id: str,
            parts: list[tuple[re.Match[str], Decimal]], describe: Callable[[str], tuple[str, str]],
            after_total: int) -> Answer:
    title, unit = describe(notice_id)
    citations: list[Citation] = []
    shown: list[str] = []
    spans = _part_spans(text, [match for match, _ in parts], after_total)
    for match, _ in sorted(parts, key=lambda p: -p[1]):
        begin, end = spans[match.start()]
        citations.append(Citation(len(citations) + 1, notice_id, title, unit, "", text[begin:end], begin, end))
        shown.append(f"{text[begin:end]}[{len(citations)}]")
    biggest = sorted(parts, key=lambda p: -p[1])[0][0].group(0)
    lines = [f"最大一笔是{shown[0]},为{biggest}。", f"其余(从大到小):{';'.join(shown[1:])}。"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, units=[unit] if unit else [])

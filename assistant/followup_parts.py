"""Follow-ups asking which sums make up a total the last answer gave: "这126万是哪几笔?" after "累计挽回经济损失
126.45万元", where the notice states the total in one place and the amounts it adds up elsewhere.

The total is found again verbatim in the notices of the units discussed; the other amounts of that notice (below the
total, outside its sentence, bounds left out) are searched for the one set of a few that adds up to it exactly. Only
a single such set is shown, each amount cited in its sentence with the sum written out; two sets adding up alike, or
none, give None and the passage answer quotes what there is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import combinations

from assistant.answer import Answer, Citation
from assistant.asked_kind import ASKS_PARTS_OF_AMOUNT
from assistant.previous_answer import MONEY, figures_said, find_in_notices, last_answer
from assistant.quote_spans import whole_sentence
from index.sentences import split_sentences

ANSWERER = "extractive:followup-parts"
_YUAN = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
# Words that make an amount a bound ("超过5万元", "5万元以上"), not an amount stated.
_BOUND_BEFORE = re.compile(r"(?:超过?|不低于|不少于|不超过|低于|高于|大于|小于|不足|达到)$")
_BOUND_AFTER = re.compile(r"^(?:以上|以下|以内)")


def asks_parts_of_previous(question: str, names_unit: bool) -> bool:
    """Whether the question asks which amounts make up a figure it points at ("这9万多是哪几笔")."""
    return not names_unit and ASKS_PARTS_OF_AMOUNT.search(question) is not None


def answer_parts(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
    max_candidates: int, max_parts: int,
) -> Answer | None:
    """The one set of the notice's amounts adding up to the pointed-at total, each cited; else None."""
    asked = ASKS_PARTS_OF_AMOUNT.search(question)
    said = [s for s in figures_said(last_answer(history)) if s.measure == "元"]
    pointed = [s for s in said if asked and s.text.startswith(asked.group("amount"))
               and not s.text[len(asked.group("amount"))].isdigit()]
    if len(pointed) < 1:
        return None
    found, _ = find_in_notices(pointed[:1], notice_ids, notice_text_of, describe)
    if not found:
        return None
    total = found[0]
    text = notice_text_of(total.citation.notice_id) or ""
    candidates = _amounts_besides(text, total.said.value, total.citation.start, total.citation.end)[:max_candidates]
    sets = [chosen for size in range(2, min(max_parts, len(candidates)) + 1)
            for chosen in combinations(candidates, size) if sum(c[0] for c in chosen) == total.said.value]
    if len(sets) != 1:
        return None
    title, unit = describe(total.citation.notice_id)
    citations: list[Citation] = []
    numbered: list[str] = []
    for _value, said_text, start, end in sets[0]:
        begin, finish = whole_sentence(text, *_clause(text, start, end), 200)
        same = next((c for c in citations if (c.start, c.end) == (begin, finish)), None)
        if same is None:
            same = Citation(len(citations) + 1, total.citation.notice_id, title, unit, "", text[begin:finish],
                            begin, finish)
            citations.append(same)
        numbered.append(f"{said_text}[{same.n}]")
    total_cite = Citation(len(citations) + 1, total.citation.notice_id, title, unit, "", total.citation.quote,
                          total.citation.start, total.citation.end)
    lines = [f"{unit}的{total.said.text}[{total_cite.n}]由以下{len(numbered)}笔组成(各笔均引自通报原文):"]
    lines += [f"- {citation.quote}[{citation.n}]" for citation in citations]
    lines.append(f"{'+'.join(numbered)}={total.said.text},正是通报所写的总数。")
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=[*citations, total_cite], answerer=ANSWERER, units=[unit])


def _amounts_besides(text: str, total: Decimal, total_start: int, total_end: int) -> list[tuple[Decimal, str, int, int]]:
    """Money amounts of the text below the total, outside the total's sentence, one per value, in reading order."""
    spans = split_sentences(text)
    own = next(((s, e) for s, e in spans if s <= total_start < e), (total_start, total_end))
    seen: set[Decimal] = set()
    found = []
    for match in MONEY.finditer(text):
        if own[0] <= match.start() < max(own[1], total_end):
            continue
        if match.start() and (text[match.start() - 1].isdigit() or text[match.start() - 1] == "."):
            continue
        if _BOUND_BEFORE.search(text[max(0, match.start() - 4) : match.start()]) or \
                _BOUND_AFTER.match(text[match.end() : match.end() + 3]):
            continue
        value = Decimal(match.group(1)) * _YUAN[match.group(2)]
        if 0 < value < total and value not in seen:
            seen.add(value)
            found.append((value, match.group(0), match.start(), match.end()))
    return found


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding an amount (from the last comma or stop before it to the next one)."""
    begin = max((text.rfind(mark, 0, start) for mark in ",，;；。\n"), default=-1) + 1
    stops = [i for i in (text.find(mark, end) for mark in ",，;；。\n") if i != -1]
    return begin, (min(stops) if stops else len(text))

"""Follow-ups about the other part of a total the last answer split: "剩下那部分是哪来的?" after "合计21.49万元,
其中清退津补贴17.85万元".

The rest is the total less the parts the answer named, each figure found again in the notices and cited; the
notice's sentence stating that rest (with the one before it in its paragraph, which says what it was about) is
quoted as where it came from. Nothing is answered when the notices state no such figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.previous_answer import amount, figures_said, find_in_notices, last_answer, number_citations, written_unit
from index.sentences import split_sentences

ANSWERER = "extractive:followup-other-part"
# "剩下那部分", "其余的", "另外那些": the part of a total the last answer did not name.
_OTHER_PART = re.compile(r"(?:剩下|剩余|其余|余下|另外)(?:的|那)?(?:部分|那部分|些|那些|笔|那笔)?")
# Asking what it was or where it came from, not whether it was done later ("后来退了吗").
_ASKS_WHAT = re.compile(r"哪来|哪儿来|哪里来|从哪|来自|怎么来|是什么|是啥|都是|哪些|哪几|是哪|什么钱|啥钱")


def asks_other_part(question: str, names_unit: bool) -> bool:
    """Whether the question asks what the rest of a total the last answer split was."""
    return not names_unit and bool(_OTHER_PART.search(question)) and bool(_ASKS_WHAT.search(question))


def answer_other_part(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The rest of the total (total less the parts named, cited) and the notice's sentences stating it; else None."""
    said = figures_said(last_answer(history))
    totals = [s for s in said if s.is_total]
    if len(totals) != 1:
        return None
    total = totals[0]
    parts = [s for s in said if s is not total and s.measure == total.measure and s.value < total.value]
    rest = total.value - sum((s.value for s in parts), Decimal(0))
    if not parts or rest <= 0:
        return None
    found, missing = find_in_notices([total, *parts], notice_ids, notice_text_of, describe)
    written = amount(rest, total.measure, {written_unit(total)})
    stated = _stating(written, notice_ids, notice_text_of, describe)
    if missing or stated is None:
        return None
    citations, number_of = number_citations(found)
    stated = Citation(**{**stated.__dict__, "n": len(citations) + 1})
    minus = "-".join(f"{f.said.text}[{number_of[i + 1]}]" for i, f in enumerate(found[1:], start=0))
    lines = [f"其余{written}:{stated.quote}[{stated.n}]",
             f"按上一轮回答的数字计算:{found[0].said.text}[{number_of[0]}]-{minus}={written}。"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=[*citations, stated], answerer=ANSWERER, units=list(dict.fromkeys(c.unit for c in citations)))


def _stating(written: str, notice_ids: Sequence[str], notice_text_of: Callable[[str], str | None],
             describe: Callable[[str], tuple[str, str]]) -> Citation | None:
    """The one notice sentence stating the figure, with the sentence before it in its paragraph; None unless one."""
    hits = []
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        spans = split_sentences(text)
        for index, (start, end) in enumerate(spans):
            if re.search(rf"(?<![\d.]){re.escape(written)}", text[start:end]):
                before = spans[index - 1][0] if index and "\n" not in text[spans[index - 1][0] : start] else start
                hits.append((notice_id, before, end))
    if len(hits) != 1:
        return None
    notice_id, start, end = hits[0]
    title, unit = describe(notice_id)
    return Citation(0, notice_id, title, unit, "", (notice_text_of(notice_id) or "")[start:end], start, end)

"""Follow-ups asking what is left after a share done: "那还差多少没进?" after "已进驻的事项占应进事项的76%".

The part left is the whole less the share: 100% - 76% = 24%, worked out in the open with the share's sentence
in the notice cited. Only a share the previous answer states done (已…, 完成率…) is taken; anything else is
left to the other follow-up answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal

from assistant.answer import Answer, Citation
from assistant.followup_remaining import ASKS_AMOUNT, ASKS_LATER, asks_about_remaining
from assistant.previous_answer import Said, figures_said, find_in_notices, last_answer, plain

ANSWERER = "extractive:followup-complement"
_SHARE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
# The share's own clause says it is of what is done: "已进驻…占…的76%", "整改完成率94%".
_DONE_SHARE = re.compile(r"已|完成|办结|到位|落实|进驻")
_CLAUSE_BREAK = re.compile(r"[,，。;；\n]")


def asks_complement(question: str, names_unit: bool) -> bool:
    """Whether the question asks how much is left undone ("还差多少没进"), not what became of it later."""
    return asks_about_remaining(question, names_unit) and bool(ASKS_AMOUNT.search(question)) and not ASKS_LATER.search(
        question)


def answer_complement(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """100% less the share done the previous answer stated first, cited where the notice states it; else None (also
    when the answer states counts or sums: "58个问题,已完成55个,完成率94.8%" leaves 3个, worked out elsewhere)."""
    previous = last_answer(history)
    said = None if figures_said(previous) else _share_done(previous)
    if said is None or said.value > 100:
        return None
    found, _ = find_in_notices([said], notice_ids, notice_text_of, describe)
    if not found:
        return None
    citation = Citation(**{**found[0].citation.__dict__, "n": 1})
    left = f"{plain(Decimal(100) - said.value)}%"
    lines = [f"尚差{left}。",
             f"按上一轮回答的比例计算(通报未直接写明余下多少):100%-{said.label}{said.text}[1]={left}。"]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=[citation], answerer=ANSWERER, units=[citation.unit])


def _share_done(answer: str) -> Said | None:
    """The first percentage of the answer whose clause says it is of what is done."""
    for match in _SHARE.finditer(answer):
        clause = _CLAUSE_BREAK.split(answer[: match.start()])[-1]
        if _DONE_SHARE.search(clause):
            label = re.sub(r"^[-*•\s]*(?:其中)?", "", clause).strip()
            return Said(match.group(0), Decimal(match.group(1)), "%", label, False, clause)
    return None

"""Follow-ups asking when a figure of the previous answer was counted: "这个数是截至什么时候的?".

Notices date a run of figures once, at its head ("截至2023年8月31日,28个问题已完成整改26个…。巡察组
移交问题线索5件…"). The figure the follow-up points at is found again in the notice; the nearest
截至/截止 date before it in its paragraph dates it, and both are quoted. When the paragraph dates
nothing, the answer says so rather than taking a date from elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer, Citation
from assistant.followup_reference import referenced_item
from assistant.previous_answer import last_answer
from assistant.quote_spans import whole_sentence

ANSWERER = "extractive:figure-date"
# "这个数是截至什么时候的?", "这些数据统计到哪天?", "这个完成率是什么时候的?"
ASKS_FIGURE_DATE = re.compile(
    r"(?:这个|这些|那个|那些|上述|刚才的?|以上)(?:数|数字|数据|比例|比率|完成率|整改率|金额|统计)"
    r"[^?？]{0,6}?(?:截至|截止|统计到|到|什么时候|何时|哪天|哪一天|时间|日期)"
)
_AS_OF = re.compile(r"(?:截至|截止到?|到)\s*(?:\d{4}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?")
QUOTE_CHARS = 200  # the date and the figure are quoted together up to this length, else each by its sentence


def asks_figure_date(question: str, names_unit: bool) -> bool:
    """Whether the question asks as of when a figure of the previous answer was counted."""
    return not names_unit and bool(ASKS_FIGURE_DATE.search(question))


def answer_figure_date(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The date heading the figure's run in its paragraph, quoted with the figure; None when the figure is not found."""
    asked_before = next((str(t.get("content", "")) for t in reversed(list(history)) if t.get("role") == "user"), "")
    clause = referenced_item(question, last_answer(history), asked_before)
    if not clause:
        return None
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        position = text.find(clause)
        if position < 0:
            continue
        title, unit = describe(notice_id)
        paragraph_start = text.rfind("\n", 0, position) + 1
        dates = list(_AS_OF.finditer(text, paragraph_start, position + len(clause)))
        figure = _sentence(text, position, position + len(clause))
        if not dates:
            cited = Citation(1, notice_id, title, unit, "", text[figure[0]:figure[1]], *figure)
            lines = [f"通报没有写明“{clause}”统计截至何时:", f"- {cited.quote}[1]"]
            return _answer(question, standalone_question, lines, [cited], not_found=True)
        date = dates[-1]
        start = _sentence(text, date.start(), date.end())[0]
        together = figure[1] - start <= QUOTE_CHARS
        spans = [(start, figure[1])] if together else [_sentence(text, date.start(), date.end()), figure]
        citations = [Citation(n, notice_id, title, unit, "", text[s:e], s, e)
                     for n, (s, e) in enumerate(spans, start=1)]
        lines = [f"“{clause}”是{date.group(0).strip()}的数字。", *(f"- {c.quote}[{c.n}]" for c in citations)]
        return _answer(question, standalone_question, lines, citations)
    return None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding text[start:end] when short enough to quote, else that span."""
    return whole_sentence(text, start, end, QUOTE_CHARS)


def _answer(question: str, standalone_question: str, lines: list[str], citations: list[Citation],
            not_found: bool = False) -> Answer:
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, not_found=not_found,
                  units=list(dict.fromkeys(c.unit for c in citations)))

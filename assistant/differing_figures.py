"""One unit's figure that its notice states twice with different values, both shown.

"浙南集聚区给了几个人党纪政务处分?" where one section says 给予党纪处分5人 and another 给予党纪政务处分33人:
the answer quotes both sentences rather than whichever scores best, so the user sees that the
notice is not consistent. Only figures whose label the question itself names (in order, possibly
with a word left out: 党纪处分 in 党纪政务处分) count as the same thing.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.answer import Answer, Citation
from assistant.quote_spans import whole_sentence
from assistant.records_question import COMPLETION_FIELDS, measure_of, read_figure_question
from assistant.records_table import Stated, gather, unit_of
from index.catalog import NoticeRow
from index.units import chars_in_order

ANSWERER = "extractive:records"
MIN_LABEL_CHARS = 3  # a shorter label ("处分") names a kind, not the figure asked about
SENTENCE_CHARS = 200  # a figure's sentence is quoted whole up to this length, else its own quote


def answer_differing(
    question: str, standalone_question: str, unit: str, notices: list[NoticeRow], records: dict[str, dict],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """Every sentence stating the asked figure when the unit's notice gives it different values; else None."""
    plan = read_figure_question(standalone_question)
    if plan is None or plan.field in COMPLETION_FIELDS or plan.rank or plan.wants_sum:
        return None
    found = gather(unit, plan, notices, records, notice_text_of)
    same = [s for s in found.own if s.family in plan.compared and _named_by(s.figure.label, standalone_question)]
    if len({measure_of(s.figure) for s in same}) != 1 or len({s.figure.value for s in same}) < 2:
        return None
    citations: list[Citation] = []
    lines = [f"{unit}的通报对此写有不同的数字,均列出(按通报原文):"]
    for stated in sorted(same, key=lambda s: (s.notice.notice_id, s.figure.start)):
        citation = _sentence_citation(stated, notice_text_of, len(citations) + 1)
        if any((c.notice_id, c.start) == (citation.notice_id, citation.start) for c in citations):
            continue
        citations.append(citation)
        lines.append(f"- {' '.join(citation.quote.split())}[{citation.n}]")
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER, units=[unit])


def _named_by(label: str, question: str) -> bool:
    """Whether the question names the label: its characters in order (党纪处分 in 党纪政务处分)."""
    return len(label) >= MIN_LABEL_CHARS and chars_in_order(label, question)


def _sentence_citation(stated: Stated, notice_text_of: Callable[[str], str | None], number: int) -> Citation:
    """The figure's sentence (its quote when the sentence is long), cited."""
    figure, notice = stated.figure, stated.notice
    text = notice_text_of(notice.notice_id) or ""
    start, end = whole_sentence(text, figure.start, figure.end, SENTENCE_CHARS)
    return Citation(number, notice.notice_id, notice.title or notice.file_name, unit_of(notice), "",
                    text[start:end], start, end)

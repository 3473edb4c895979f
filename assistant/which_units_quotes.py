"""A which-units line's quotes completed: quotes a short run apart joined, and the asked act's other figures.

A unit's line quotes the sentences that score best, which can leave out what a reader asked for: the breakdown
between "未计入固定资产的是X元" and "现已全部补登" (two quotes one short sentence apart), or a second body's
amount of the same act in the same paragraph ("A街道现已清退…X元。…B所已全部清退Y元"). The first are joined
into one quote; the second are quoted beside the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.answering_settings import AnsweringSettings
from assistant.evidence import Evidence, is_asked_line
from assistant.ledger_rows import line_at
from assistant.problem_statement import with_problem_statement, with_section_finding
from index.sentences import split_sentences

# What follows an act up to its amount: at most a few characters, then a sum of money ("清退|通讯补助82890元").
_TO_AMOUNT = r"[^，,。；;\n\d]{0,8}?\d[\d.,]*(?:万|亿)?元"


def which_units_line(
    chosen: Sequence[Evidence], evidence: Sequence[Evidence], question: str, notice_text_of: Callable[[str], str | None],
    settings: AnsweringSettings,
) -> list[Evidence]:
    """A which-units line's quotes: the chosen ones, where the notice states the problem itself, and completed."""
    stated = with_section_finding(with_problem_statement(chosen, evidence, settings.title_cover_share), evidence,
                                  notice_text_of, settings.finding_lines_back)
    completed = completed_line(stated, question, notice_text_of, settings.which_units_join_gap_chars,
                               settings.which_units_more_figures)
    return _without_asked_lines(completed, notice_text_of)


def _without_asked_lines(quotes: list[Evidence], notice_text_of: Callable[[str], str | None]) -> list[Evidence]:
    """The quotes without an interviewer's question line (记者问：…？) when the line quotes anything else: the
    question asks, the answer quoted beside it states."""
    def asks(quote: Evidence) -> bool:
        text = notice_text_of(quote.notice_id)
        return is_asked_line(line_at(text, quote.start, quote.end) if text else quote.text)

    asked = [q for q in quotes if asks(q)]
    return [q for q in quotes if q not in asked] if len(asked) < len(quotes) else quotes


def completed_line(
    chosen: Sequence[Evidence], question: str, notice_text_of: Callable[[str], str | None], join_gap_chars: int,
    more_figures: int,
) -> list[Evidence]:
    """The line's quotes with (up to `more_figures`) sentences of their paragraphs stating an asked act's amount,
    and quotes at most `join_gap_chars` of figures apart on one line joined into one."""
    quotes = sorted(chosen, key=lambda e: (e.notice_id, e.start, -e.end))
    added: list[Evidence] = []
    for quote in quotes:
        text = notice_text_of(quote.notice_id) or ""
        acts = [act for act in _two_characters(question) if re.search(re.escape(act) + _TO_AMOUNT, quote.text)]
        if not acts or text[quote.start:quote.end] != quote.text:
            continue
        line_start, line_end = text.rfind("\n", 0, quote.start) + 1, _line_end(text, quote.end)
        for start, end in split_sentences(text, line_start, line_end):
            sentence = text[start:end]
            if len(added) >= more_figures or any(e.start < end and start < e.end for e in [*quotes, *added]
                                                   if e.notice_id == quote.notice_id):
                continue
            if any(re.search(re.escape(act) + _TO_AMOUNT, sentence) for act in acts):
                added.append(replace(quote, start=start, end=end, text=sentence, is_heading=False))
    return _joined(sorted([*quotes, *added], key=lambda e: (e.notice_id, e.start, -e.end)), notice_text_of, join_gap_chars)


def _two_characters(question: str) -> list[str]:
    """Every two Chinese characters running in the question ("清退", "退了", "违规"...)."""
    return list(dict.fromkeys(run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff]{2,}", question)
                              for i in range(len(run) - 1)))


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _joined(quotes: list[Evidence], notice_text_of: Callable[[str], str | None], gap_chars: int) -> list[Evidence]:
    """Quotes of one notice a short stretch of figures on the same line apart made one quote running over it."""
    joined: list[Evidence] = []
    for quote in quotes:
        last = joined[-1] if joined else None
        if last is not None and last.notice_id == quote.notice_id and not last.is_heading and not quote.is_heading:
            text = notice_text_of(quote.notice_id) or ""
            between = text[last.end:quote.start]
            # only a stretch stating figures (a breakdown of the amount quoted) is worth running over
            if 0 <= len(between) <= gap_chars and "\n" not in between and re.search(r"\d", between) \
                    and text[last.start:last.end] == last.text:
                end = max(last.end, quote.end)
                joined[-1] = replace(last, end=end, text=text[last.start:end], score=max(last.score, quote.score))
                continue
        joined.append(quote)
    return joined

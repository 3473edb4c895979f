"""A comparison's column states, for its unit, the problem on the topic and what was done about it, as asked.

"合同这块,A和B谁的问题大点" and "档案方面,A和B各被说了啥" are answered by what the inspection found
(巡察指出/发现…, 问题六:…); "意识形态那块两个局咋改的" by the measures taken. Scored as sentences, the
column's lead may be the other half: the measure line says the topic's words more often than the
problem (整改结果:清理租仓、租赁合同23份…), or the problem sentence holds the topic while the measure
after it says 该局联合公安…. The column then also quotes the half the question asks for, from the
notice text around its lead, so a measure in the next passage is found too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.column_shapes import with_asked_shape_first
from assistant.comparison_cells import with_best_ones_section, with_figures_first
from assistant.evidence import Evidence
from assistant.measures_answer import MEASURES_LABEL, asks_for_measures
from assistant.answering_settings import AnsweringSettings
from assistant.problem_title import with_problem_title
from assistant.problem_statement import ASKS_PROBLEM, MEASURE_LEAD, PROBLEM_LEAD, with_section_problem
from index.headings import parse_heading
from index.sentences import split_sentences

# Asking what was done ("咋改的", "怎么改", "改了啥", "拿出了啥办法"): the measures, not the problem.
_ASKS_MEASURES = re.compile(r"(?:咋|怎么|怎样|如何)(?:整改|改|弄|搞|办|整|处理|解决)|改了?(?:啥|什么|哪些)|拿出了?(?:啥|什么)")
# Asking what the inspection said ("各被说了啥", "被指出啥", "谁的问题大点", "谁更严重"): the problem found.
_ASKS_FOUND = re.compile(
    r"被[^，,。？?]{0,6}?(?:说|讲|指出|点名?|批评|提|挑|查)出?了?(?:啥|什么|哪些|些)|(?:指出|发现|查出)了?(?:啥|什么|哪些)"
    r"|问题(?:更|最|比较)?(?:大|多|严重|突出)|(?:更|最)(?:严重|突出)"
)
# The inspection's finding inside a sentence ("在意识形态工作方面，巡察指出，…"): a problem, whatever opens it.
_FINDING = re.compile(r"巡[察视](?:组)?(?:反馈|指出|发现)")
# A line opening a numbered point of a notice: "(2)…", "1)…", "3.…", "问题八:…".
_POINT_OPENS = re.compile(r"\n\s*(?:[(（]?[一二三四五六七八九十\d]+[)）.、．]|问题[一二三四五六七八九十\d]+)")
# How far after a problem statement its measure is looked for (a finding paragraph and a measures line).
_MEASURE_REACH = 400


def asks_measures_only(question: str) -> bool:
    """Whether the question asks what was done about the topic, not what was found."""
    return asks_for_measures(question) or _ASKS_MEASURES.search(question) is not None


def asks_finding_only(question: str) -> bool:
    """Whether the question asks what the inspection found on the topic, not what was done."""
    return not asks_measures_only(question) and (ASKS_PROBLEM.search(question) or _ASKS_FOUND.search(question)) is not None


def states_finding(item: Evidence) -> bool:
    """A numbered problem title or a sentence stating what the inspection found."""
    return item.is_heading or states_finding_text(item.text)


def with_asked_half(
    column: Sequence[Evidence], evidence: Sequence[Evidence], question: str, notice_text_of: Callable[[str], str | None],
    knobs: AnsweringSettings,
) -> list[Evidence]:
    """The column with the problem statement when the question asks what was found or what happened (and none is
    quoted), and with the measure after each quoted finding when it asks what was done (and none is quoted)."""
    if not column:
        return list(column)
    if asks_finding_only(question) and not any(states_finding(e) for e in column):
        column = with_section_problem(column, evidence, notice_text_of)
    if not asks_measures_only(question):  # what was found, or what happened: the problem's title too
        return with_problem_title(column, notice_text_of, knobs.ledger_title_chars)
    added = [measure for item in column if states_finding(item) and not _measure_follows(item, column)
             and (measure := _measure_after(item, notice_text_of(item.notice_id))) is not None]
    kept = [*column, *(m for m in added if not any(m.start < c.end and c.start < m.end for c in column))]
    return sorted(kept, key=lambda e: (e.notice_id, e.start, -e.end))


def _measure_follows(finding: Evidence, column: Sequence[Evidence]) -> bool:
    """Whether the column already quotes a sentence after the finding, before the next finding."""
    later = [e for e in column if e.notice_id == finding.notice_id and e.start >= finding.end]
    first = min(later, key=lambda e: e.start, default=None)
    return first is not None and not states_finding(first)


def _measure_after(finding: Evidence, text: str | None) -> Evidence | None:
    """The sentence saying what was done about the finding: the measures line of its problem (整改情况:…), or,
    after a 巡察指出 sentence, the sentence straight after it in its paragraph (该局联合…); None at the next
    problem or heading. A title's own paragraph goes on with more of the problem, so a title waits for the label."""
    if not text:
        return None
    titled = finding.is_heading or bool(PROBLEM_LEAD.match(finding.text) and not _FINDING.search(finding.text[:30]))
    spans = split_sentences(text, finding.end, min(len(text), finding.end + _MEASURE_REACH))
    for index, (start, end) in enumerate(span for span in spans if span[1] - span[0] >= 6):
        sentence = text[start:end]
        if MEASURE_LEAD.match(sentence):
            return Evidence(finding.document, start, end, sentence, finding.score, True)
        heading = parse_heading(sentence.strip())
        if (heading is not None and heading.style != "measure-label") or states_finding_text(sentence):
            return None
        if index == 0 and not titled and "\n" not in text[finding.end:start]:
            return Evidence(finding.document, start, end, sentence, finding.score, True)
    return None


def states_finding_text(sentence: str) -> bool:
    """Whether a sentence of the notice opens a problem (问题七:…, 巡察指出…)."""
    return bool(PROBLEM_LEAD.match(sentence) or _FINDING.search(sentence[:30]))


def column_candidates(
    evidence: Sequence[Evidence], question: str, knobs: AnsweringSettings, notice_text_of: Callable[[str], str | None]
) -> tuple[list[Evidence], int]:
    """A column's candidates (the best one's problem and measures raised, the measures when asked what was done,
    figures first) and how many sentences it holds."""
    raised = with_best_ones_section(evidence, knobs.column_section_bonus)
    measures = with_measures_first(raised, question, notice_text_of)
    figures = with_figures_first(measures, knobs.column_figure_bonus)
    return with_asked_shape_first(figures, question, knobs.column_shape_bonus), knobs.column_sentences


def with_measures_first(
    evidence: Sequence[Evidence], question: str, notice_text_of: Callable[[str], str | None]
) -> list[Evidence]:
    """For "两家维稳这块各咋弄的": the candidates telling what was done, and of those stating the problem (a problem's
    title, a sentence of a point before its 整改情况/整改措施 line) only the best, which says what was fixed; all of
    them when the unit tells no measure."""
    if not asks_measures_only(question):
        return list(evidence)
    finding = [e for e in evidence if _in_finding_half(e, notice_text_of(e.notice_id) or "")]
    if len(finding) == len(evidence):
        return list(evidence)
    return [e for e in evidence if e not in finding or e is finding[0]]


def _in_finding_half(item: Evidence, text: str) -> bool:
    """Whether a sentence states the problem: a problem's title or opening, or in a notice that labels its
    measures, a sentence of a point before that point's measures label."""
    if states_finding(item) or MEASURE_LEAD.match(item.text):
        return states_finding(item)
    if not MEASURES_LABEL.search(text):  # "(29)依法行政意识有待提升。一是…": without labels, measures follow the title
        return False
    labels = list(MEASURES_LABEL.finditer(text, 0, item.start))
    points = list(_POINT_OPENS.finditer(text, 0, item.end))  # its own opener too
    return bool(points) and (not labels or points[-1].start() > labels[-1].start())

"""A which-units line quotes the notice's own statement of the problem on the topic, not only a measure.

"有没有单位在食堂上被点名?" is answered, per unit, by the sentence that states the unit has the problem:
the numbered problem title ("6.食堂管理不规范,账目不清。") or the sentence after 巡察指出/问题:. Scored
as a sentence, a title loses to the measure sentence below it (it is a heading, and the measure says
食堂 twice); the title is then quoted as well, in reading order, when it names the topic as fully as
the sentences already quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.evidence import Evidence
from index.sentences import split_sentences

# The sentence that states a problem: after the inspection's words or a 问题 label ("问题三:", "问题:").
PROBLEM_LEAD = re.compile(
    r"^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）.、．]\s*)?(?:巡[察视](?:组)?(?:反馈|指出|发现)[:：,，]|问题[一二三四五六七八九十\d]*[:：]|存在)"
)


def states_problem(evidence: Evidence) -> bool:
    """A numbered title or a sentence stating a problem (巡察指出:…, 问题:…)."""
    return evidence.is_heading or bool(PROBLEM_LEAD.match(evidence.text))


def _coverage(evidence: Evidence) -> float:
    return sum(evidence.coverages)


def with_problem_statement(chosen: Sequence[Evidence], evidence: Sequence[Evidence], title_share: float) -> list[Evidence]:
    """The chosen quotes, plus the unit's problem statement on the topic when none of them is one:
    the best-scored statement covering the question's terms as fully as the best chosen quote; a
    numbered title running into a quote and covering title_share of its terms joins it."""
    chosen = [_with_title_before(e, evidence, title_share) for e in chosen]
    if not chosen or any(states_problem(e) for e in chosen):
        return chosen
    needed = max(_coverage(e) for e in chosen)
    statement = next(
        (e for e in evidence if states_problem(e) and _coverage(e) > 0 and _coverage(e) >= needed
         and not any(e.notice_id == c.notice_id and e.start < c.end and c.start < e.end for c in chosen)),
        None,
    )
    if statement is None:
        return chosen
    after = next((c for c in chosen if c.notice_id == statement.notice_id and 0 <= c.start - statement.end <= 1
                  and c.document is statement.document), None)
    if after is not None:  # "5.公务用车管理不规范。车改后仍超编…": the title and its sentence read as one quote
        offset = statement.document.metadata["start"]
        text = statement.document.page_content[statement.start - offset : after.end - offset]
        if "\n" not in text:
            merged = replace(after, start=statement.start, text=text)
            return sorted([merged if c is after else c for c in chosen], key=lambda e: (e.notice_id, e.start, -e.end))
    return sorted([*chosen, statement], key=lambda e: (e.notice_id, e.start, -e.end))


def _with_title_before(quote: Evidence, evidence: Sequence[Evidence], share: float) -> Evidence:
    """The quote with the numbered title on the topic that runs straight into it ("7.员工食堂违规承担公务接待。
    巡察指出:…"), else the quote as it is."""
    needed = max(share * _coverage(quote), 1e-9)
    title = next((e for e in evidence if e.is_heading and _coverage(e) >= needed and e.document is quote.document
                  and 0 <= quote.start - e.end <= 1), None)
    if title is None:
        return quote
    offset = quote.document.metadata["start"]
    text = quote.document.page_content[title.start - offset : quote.end - offset]
    return quote if "\n" in text else replace(quote, start=title.start, text=text)


# A question asking what went wrong ("科研经费有啥问题", "存在哪些问题", "出了什么毛病", "被挑了啥毛病").
ASKS_PROBLEM = re.compile(
    r"(?:有|存在|(?<![指查])出了?|被[^，,。？?]{0,6}?(?:挑|指|查|点|找)出?了?)(?:啥|什么|哪些|些)(?:问题|毛病)"
    r"|(?:问题|毛病)(?:是(?:啥|什么)|在哪)"
    # "医保上查出了哪些问题", "药品那块查出啥毛病": found on a topic the question frames (a bare "指出了哪些问题" lists them all).
    r"|(?:上|方面|[这那]块|[这那]边)(?:被)?(?:查出|发现|指出|找出|挑出)了?(?:啥|什么|哪些|些)(?:问题|毛病)"
)
# "那18万多是退给谁的", "这笔钱发给了哪些人": whom money went to, which the problem it was paid back for tells as well.
_ASKS_WHOM_PAID = re.compile(r"(?:退|发|赔|还|补)给了?(?:谁|哪些人|什么人|哪些单位|哪里)")
# "退给群众那笔是咋回事": what lay behind a figure or measure, which the problem statement tells.
_ASKS_WHAT_HAPPENED = re.compile(r"(?:咋|怎么|怎样)(?:一)?回事")


def asks_what_went_wrong(question: str) -> bool:
    """"…有啥问题", whom money went to, or "咋回事": the problem statement is quoted beside the measure."""
    return bool(ASKS_PROBLEM.search(question) or _ASKS_WHOM_PAID.search(question)
                or _ASKS_WHAT_HAPPENED.search(question))


# The longest problem paragraph quoted before a measures line (a numbered title and its finding fit).
MAX_PROBLEM_CHARS = 260
# A sentence opening the measures ("整改情况:", "整改结果:", "整改措施及成效:"): the sentence before it, within the section, states the problem.
MEASURE_LEAD = re.compile(r"^\s*整改(?:情况|措施|进展|结果)(?:及成效)?[:：]")


def with_section_problem(
    chosen: Sequence[Evidence], evidence: Sequence[Evidence], notice_text_of: Callable[[str], str | None] | None = None
) -> list[Evidence]:
    """A "what went wrong" answer's quotes plus the problem statement of the best quote's section when
    none states one: the nearest 巡察指出/问题: sentence before it in its passage, no title between
    ("（二）关于科研经费…的问题。巡察指出，个别课题组…。学院追回…": the measure says the topic's words)."""
    if not chosen or any(PROBLEM_LEAD.match(e.text) for e in chosen):
        return list(chosen)
    # the best quote's section; a title opens its own (what precedes it is another problem's), and a title or
    # notice heading scoring best ("…关于巡察整改情况的通报") leaves the best measure quoted to say the section
    for best in sorted((e for e in chosen if not e.is_heading), key=lambda e: -e.score):
        statement = _statement_before(best, evidence, notice_text_of)
        if statement is not None:
            return sorted([*chosen, statement], key=lambda e: (e.notice_id, e.start, -e.end))
    return list(chosen)


def _statement_before(
    best: Evidence, evidence: Sequence[Evidence], notice_text_of: Callable[[str], str | None] | None
) -> Evidence | None:
    """The problem statement of a quote's section: the nearest 巡察指出/问题: sentence before it, no title between."""
    before = [e for e in evidence if e.document is best.document and e.end <= best.start]
    statement = max((e for e in before if not e.is_heading and PROBLEM_LEAD.match(e.text)), key=lambda e: e.start, default=None)
    if statement is None and notice_text_of is not None and MEASURE_LEAD.match(best.text):
        statement = _line_before(best, notice_text_of(best.notice_id))  # "(18)…不规范。<problem>。\n整改情况:…"
    if statement is None or any(e.is_heading and statement.end <= e.start for e in before):
        return None
    return statement


def _line_before(best: Evidence, text: str | None) -> Evidence | None:
    """The paragraph just before a measures line opening "整改情况:", when it states the problem (not more measures)."""
    if not text or not text[: best.start].rstrip(" \t").endswith("\n"):
        return None
    end = len(text[: best.start].rstrip())
    start = text.rfind("\n", 0, end) + 1
    while start < end and text[start].isspace():
        start += 1
    line = text[start:end]
    if not line or "\n" in line or len(line) > MAX_PROBLEM_CHARS or MEASURE_LEAD.match(line):
        return None
    return replace(best, start=start, end=end, text=line, is_heading=False, meaning=0.0)


# A title line of a notice's problem: "6.…", "（三）…", "一、…" (not a measure's "（1）" sub-item).
_TITLE_LINE = re.compile(r"^\s*(?:\d+[.、．](?!\d)|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")
# A title naming a fault ("6.…整改不到位", "（三）关于…的问题"), not a part of the notice ("四、下一步工作打算").
_FAULT = re.compile(r"[不未没缺乱差弱慢]|滞后|问题|隐患|违规|违反|超标|超范围")
# A quote stating a finding itself, or a table or ledger row ("3｜…｜已完成", "5.…——责任人:…").
_STATES_ITSELF = re.compile(r"巡[察视](?:组)?(?:反馈|指出|发现)|问题[一二三四五六七八九十\d]*[:：]|[|｜]|——")


def with_section_finding(
    chosen: Sequence[Evidence], evidence: Sequence[Evidence], notice_text_of: Callable[[str], str | None], lines_back: int
) -> list[Evidence]:
    """A which-units line's quotes plus, for a measure quoted without its section's finding, that finding: the
    巡察指出/问题: sentence before it in its section, else the problem's numbered title above it (within
    lines_back lines); "巡察指出，…报销把关不严…。整改中，一是清退…": the measure alone does not say what was found.
    A finding sentence is added when it shares the question's terms or runs on from a quoted title (a measure
    quoted for a stray word brings no finding of another topic)."""
    added: list[Evidence] = []
    for quote in chosen:
        if _STATES_ITSELF.search(quote.text) or _TITLE_LINE.match(quote.text):
            continue
        finding = _finding_before(quote, notice_text_of(quote.notice_id) or "", lines_back)
        if finding is None or any(_overlap(finding, e) for e in [*chosen, *added]):
            continue
        on_topic = any(_overlap(finding, e) and sum(e.coverages) > 0 for e in evidence)
        after_title = any(e.notice_id == finding.notice_id and 0 <= finding.start - e.end <= 2 and _TITLE_LINE.match(e.text)
                          for e in chosen)
        if on_topic or after_title or _TITLE_LINE.match(finding.text):
            added.append(finding)
    return sorted([*chosen, *added], key=lambda e: (e.notice_id, e.start, -e.end))


def _overlap(one: Evidence, other: Evidence) -> bool:
    return one.notice_id == other.notice_id and one.start < other.end and other.start < one.end


def _finding_before(quote: Evidence, text: str, lines_back: int) -> Evidence | None:
    """The finding of the quote's section: a 巡察指出 sentence on its line before it or on the lines above,
    or the fault's numbered title met first going up (None past lines_back lines or at another title)."""
    if not text.startswith(quote.text, quote.start):
        return None
    end = quote.start
    for _ in range(lines_back + 1):
        line_start = text.rfind("\n", 0, end) + 1
        sentences = split_sentences(text, line_start, end)
        found = next(((s, e) for s, e in reversed(sentences) if PROBLEM_LEAD.match(text[s:e])), None)
        if found is None and sentences and end < quote.start and _TITLE_LINE.match(text[line_start:end]):
            if not _FAULT.search(text[line_start:end]):
                return None  # a title of another kind ("四、下一步工作打算") closes the search
            found = (sentences[0][0], sentences[-1][1])  # the title line, whole
        if found is not None:
            s, e = found
            if e - s > MAX_PROBLEM_CHARS or "\n" in text[s:e]:
                return None
            return replace(quote, start=s, end=e, text=text[s:e], is_heading=False, meaning=0.0)
        if line_start == 0:
            return None
        end = line_start - 1
    return None

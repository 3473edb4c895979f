"""What a unit has not finished yet: "还有哪些问题没整改完?", "没完成的那两个是什么问题?".

Notices say which items are still under way ("正在推进中", "正在施工", "尚未完成整改") inside the
section of the problem they belong to. The answer quotes each such sentence with the heading of its
problem, so the user sees which problems are open, and the notice's own summary of how many remain.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer
from assistant.answer_builder import one_line
from assistant.computed_inputs import CitationNumbers
from assistant.deadline_answer import DEADLINE_STATED
from assistant.section_evidence import asked_section_spans
from assistant.table_records import cached_table_records
from index.catalog import NoticeRow
from index.documents import Chunk
from index.headings import parse_heading
from index.sentences import split_sentences
from index.vocabulary import IN_PROGRESS_WORDS

ANSWERER = "extractive:unfinished"
# A question about what is not done yet.
ASKS_UNFINISHED = re.compile(
    r"没完成|未完成|没整改完|还没(?:有)?(?:整改|完成|改|办)|尚未完成|尚未整改|没改完|没做完|正在整改的|还在整改|"
    r"没(?:有)?(?:搞|弄|干|办)(?:完|好|定)|还没[弄搞]好|"  # plain speech: "哪项还没搞完", "没弄好"
    r"剩下的?那?[\d几两三四五六七八九十]*[个项条件]|剩余的?那?[\d几两三四五六七八九十]*[个项条件]|"
    r"还剩下?[^,，。?？]{0,6}?没(?:有)?(?:整改|改|完成|办|弄|搞)"  # "还剩哪些没改"
)
# A sentence saying every problem is done ("反馈的15个问题已全部整改完成", "整改完成率100%"); not a part of them
# ("立行立改的问题已全部完成", "年度任务") nor a plan ("确保全部整改到位").
_ALL_DONE = re.compile(r"(?:全部|均已|均)[^,，。;；]{0,4}?(?:整改)?完成(?!率)|全部整改到位|已全部整改|完成率(?:达到?|为)?100(?:\.0+)?%")
_ABOUT_PROBLEMS = re.compile(r"问题|完成率|整改任务|整改事项|反馈意见")
_PART_OR_PLAN = re.compile(r"立行立改|阶段|部分|年度|节点|确保|力争|将|拟|计划|未完成|尚未|正在|推进")
# "…啥时候改完?": the question also asks when the rest will be done.
_ASKS_WHEN = re.compile(r"什么时候|啥时候|何时|哪天|多久|时限|期限|几月")
# Sentences stating that an item is still under way ("阶段性完成7个": done in part, not yet finished).
# "仍在推进的2个问题为…", "整改状态：持续推进", "完成时限：长期坚持": a status, not a measure ("持续推进作风建设").
_UNDER_WAY = re.compile(rf"{IN_PROGRESS_WORDS}|正在施工|正在实施|正在办理|正在处置|正在调查|(?:需|须|仍需|还需)长期(?:坚持|推进)|阶段性完成|"
                        r"正与[^,，。;；]{0,12}协调|正在协调|(?:仍|还|尚)在(?:推进|整改|办理|实施)|"
                        r"(?:需|须|仍需|还需)?持续推进(?=[\d两一二三四五六七八九十]+[个项]|的[\d两一二三四五六七八九十]*[个项]?(?:问题|事项|任务)|[。；;]|$)|"
                        r"长期坚持(?=类|的|[。；;]|$)|"
                        r"(?:还有|仍有|尚有|还剩)[\d两一二三四五六七八九十]+[个项件条](?:问题|事项|任务)?(?:没有?|未)(?:完成|整改|办结|改完)")
# "剩下那2个具体是啥": the question asks which items are open, not how many.
ASKS_WHICH_OPEN = re.compile(r"是啥|是什么|是哪|哪几|哪些|啥问题|什么问题|啥事|什么事|具体")
# A count of open items followed by what they are ("还有2个问题没有完成，主要是…", "剩余1个问题为“…”").
_NAMES_THEM = re.compile(r"[\d两一二三四五六七八九十]+\s*[个项件条][^。；;]{0,12}?(?:为|即|主要是|分别是|包括|涉及|[:：“（(])")
# "整改中,我场对…", "整改中给予党纪处分2人": "in the course of rectification" leading a deed, not an item under way.
_LEAD_IN = re.compile(r"^\s*整改中|整改中(?=[,，])")
_HAS_COUNT = re.compile(r"\d+\s*(?:个|项|条|件)")
# A summary naming the open item by its number ("…已完成7项，第八项正在持续推进").
_NAMED_OPEN = re.compile(rf"(第[一二三四五六七八九十\d]+[项个条件])(?:问题)?[^,，。;；]{{0,4}}?(?:{IN_PROGRESS_WORDS}|正在|仍在|尚未|还在)")
MAX_ITEMS = 8
MAX_QUOTE_CHARS = 150  # a paragraph longer than this is quoted by its sentence only
_PLAN = re.compile(r"将|拟|计划|下一步|今后")


def answer_unfinished(
    question: str,
    standalone_question: str,
    unit: str,
    notices: Sequence[NoticeRow],
    notice_text_of: Callable[[str], str | None],
    chunks_of: Callable[[str], list[Chunk]],
) -> Answer | None:
    """The unit's items still under way, each with its problem's heading; None when not asked or none stated."""
    if not ASKS_UNFINISHED.search(standalone_question or question):
        return None
    citations = CitationNumbers()
    summary, items, deadlines = [], [], []
    shown = unit  # a round's section unit when the question names one
    for notice in (n for n in notices if (n.unit or n.metadata.unit) == unit):
        text = notice_text_of(notice.notice_id) or ""
        chunks = chunks_of(notice.notice_id)
        quoted: set[tuple[int, int]] = set()
        section, spans = asked_section_spans(standalone_question or question, notice, text)  # a round's unit
        shown = section or shown
        for start, end in split_sentences(text):
            if spans and not any(begin <= start < finish for begin, finish in spans):
                continue
            found = _UNDER_WAY.search(_LEAD_IN.sub(lambda m: " " * len(m.group(0)), text[start:end]))
            if not found or _planned(text, start, start + found.start()):
                continue
            start, end = _paragraph(text, start, end)
            if (start, end) in quoted:
                continue
            quoted.add((start, end))
            sentence = text[start:end]
            if _is_heading(sentence):  # "三、尚未完成的问题": the open items are the section's body
                items.extend(_body_lines(notice, text, chunks, end, quoted, citations))
                continue
            marker = citations.cite(notice, text, start, end, _section(chunks, start))
            if _HAS_COUNT.search(sentence) and not items:
                summary.append(f"- {sentence}{marker}")
                for begin, finish in _named_items(text, sentence, quoted):  # "第八项正在推进": which problem that is
                    quoted.add((begin, finish))
                    items.append(f"- {text[begin:finish]}{citations.cite(notice, text, begin, finish, _section(chunks, begin))}")
                continue
            heading = _heading_span(text, start)
            if heading is None:
                items.append(f"- {sentence}{marker}")
            else:
                label = citations.cite(notice, text, *heading, _section(chunks, heading[0]))
                items.append(f"- {text[heading[0]:heading[1]]}{label}:{sentence}{marker}")
        if _ASKS_WHEN.search(question):
            deadlines.extend(_deadlines(notice, text, chunks, quoted, citations))
    if not items and not summary:
        return _all_done(question, standalone_question, unit, notices, notice_text_of, chunks_of)
    unnamed = _unnamed(question, summary, items)
    lead = f"{shown}的通报只写了未完成的数目,没有写是哪几个问题:" if unnamed else f"{shown}的通报中写明仍在推进的事项:"
    lines = [lead, *summary, *items[:MAX_ITEMS]]
    if deadlines:
        lines += ["通报写明的完成时限:", *deadlines]
    used = {int(n) for n in re.findall(r"\[(\d+)\]", "\n".join(lines))}
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=[c for c in citations.items if c.n in used], answerer=ANSWERER, units=[shown],
                  not_found=unnamed)


def _planned(text: str, start: int, status_at: int) -> bool:
    """"将持续抓好未完成事项": a plan, not an item under way; but a table row whose status cell says it is under way
    is an open item, whatever plan its measure tells ("剩余部分按年度计划清收｜持续推进")."""
    if any(row.is_open and row.start <= start < row.end for row in cached_table_records(text)):
        return False
    return _PLAN.search(text[start:status_at]) is not None


def _unnamed(question: str, summary: list[str], items: list[str]) -> bool:
    """Whether the question asks which items are open and the notice only counts them ("剩余2个问题属历史遗留")."""
    return not items and bool(ASKS_WHICH_OPEN.search(question)) and not any(_NAMES_THEM.search(line) for line in summary)


def _all_done(
    question: str, standalone_question: str, unit: str, notices: Sequence[NoticeRow],
    notice_text_of: Callable[[str], str | None], chunks_of: Callable[[str], list[Chunk]],
) -> Answer | None:
    """No item stated as under way, and the notice says every problem is done: that sentence, cited; else None."""
    citations = CitationNumbers()
    for notice in (n for n in notices if (n.unit or n.metadata.unit) == unit):
        text = notice_text_of(notice.notice_id) or ""
        for start, end in split_sentences(text):
            sentence = text[start:end]
            if _ALL_DONE.search(sentence) and not _PART_OR_PLAN.search(sentence) and _ABOUT_PROBLEMS.search(sentence):
                marker = citations.cite(notice, text, start, end, _section(chunks_of(notice.notice_id), start))
                return Answer(question=question, standalone_question=standalone_question,
                              text=f"{unit}的通报写明问题已全部整改完成,没有写仍在推进的事项:\n- {sentence}{marker}",
                              citations=list(citations.items), answerer=ANSWERER, units=[unit])
    return None


def _deadlines(
    notice: NoticeRow, text: str, chunks: list[Chunk], quoted: set[tuple[int, int]], citations: CitationNumbers
) -> list[str]:
    """The notice's sentences setting when the rest is to be done, not already quoted, each cited."""
    lines = []
    for start, end in split_sentences(text):
        if DEADLINE_STATED.search(text[start:end]) and not any(s <= start and end <= e for s, e in quoted):
            lines.append(f"- {text[start:end]}{citations.cite(notice, text, start, end, _section(chunks, start))}")
    return lines


def _named_items(text: str, sentence: str, quoted: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The numbered items a summary names as still open ("第八项正在持续推进"): each item's opening sentence
    in its own paragraph ("第八项：历史欠款清收缓慢。") and the sentence there setting when it is to be done."""
    spans: list[tuple[int, int]] = []
    for match in _NAMED_OPEN.finditer(sentence):
        opening = re.search(rf"(?m)^[ \t\u3000]*{match.group(1)}[:：、]", text)
        if opening is None:
            continue
        line_end = text.find("\n", opening.start())
        sentences = list(split_sentences(text, opening.start(), len(text) if line_end < 0 else line_end))
        picked = sentences[:1] + [(b, e) for b, e in sentences[1:] if DEADLINE_STATED.search(text[b:e])]
        spans.extend(span for span in picked if span not in quoted and span not in spans)
    return spans


def _is_heading(line: str) -> bool:
    """Whether the line is a numbered heading and nothing more ("三、尚未完成的问题")."""
    heading = parse_heading(line.strip())
    return heading is not None and heading.style != "measure-label" and heading.label == line.strip()


def _body_lines(
    notice: NoticeRow, text: str, chunks: list[Chunk], after: int, quoted: set[tuple[int, int]],
    citations: CitationNumbers,
) -> list[str]:
    """Each clause of the section body after a heading, as a cited answer line (marked as quoted)."""
    lines = []
    for begin, finish in _body_items(text, after, quoted):
        quoted.add((begin, finish))
        lines.append(f"- {_unwrapped(text[begin:finish])}{citations.cite(notice, text, begin, finish, _section(chunks, begin))}")
    return lines


def _body_items(text: str, after: int, quoted: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses of a section's body after its heading ("一是…；二是…。"), up to the next heading or a plan
    ("下一步，…将…"), each ending at 。 or ；."""
    spans: list[tuple[int, int]] = []
    line_start = text.find("\n", after) + 1
    while 0 < line_start < len(text) and len(spans) < MAX_ITEMS:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip()
        if not line or _is_heading(line) or _PLAN_LEAD.match(line):
            break
        line_start = line_end + 1
    body_end = line_start - 1 if line_start > 0 else len(text)
    begin = text.find("\n", after) + 1
    for match in _CLAUSE.finditer(text, begin, max(begin, body_end)):
        span = (match.start() + len(match.group(0)) - len(match.group(0).lstrip()), match.end())
        if span[1] > span[0] and span not in quoted:
            spans.append(span)
    return spans[:MAX_ITEMS]


def _unwrapped(text: str) -> str:
    """A quote on one line: Chinese lines wrapped inside a sentence join without a space."""
    return one_line(re.sub(r"\s*\n\s*", "", text))


_CLAUSE = re.compile(r"[^。；;]+[。；;]?")
_PLAN_LEAD = re.compile(r"^(?:下一步|今后|下步)")


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence's whole paragraph when short enough to quote ("储备后备干部28名;该项工作…正在推进中"), else the sentence."""
    begin = text.rfind("\n", 0, start) + 1
    finish = text.find("\n", end)
    finish = len(text) if finish < 0 else finish
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    return (begin, finish) if finish - begin <= MAX_QUOTE_CHARS else (start, end)


def _section(chunks: list[Chunk], position: int) -> str:
    return next((c.section_path for c in chunks if c.start <= position < c.end), "")


def _heading_span(text: str, position: int) -> tuple[int, int] | None:
    """The span of the nearest numbered heading at or above a position ("(五)基层党组织建设有短板")."""
    line_end = text.find("\n", position)
    lines_before = text[: line_end if line_end >= 0 else len(text)].split("\n")
    offset = len(text[: line_end if line_end >= 0 else len(text)])
    for line in reversed(lines_before):
        offset -= len(line)
        heading = parse_heading(line.strip())
        if heading is not None and heading.style != "measure-label":
            begin = text.find(heading.label, offset)
            if 0 <= begin <= position:
                return begin, begin + len(heading.label)
        offset -= 1  # the newline before this line
    return None


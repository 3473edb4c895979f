"""Which rules a unit made: "这几项制度是什么?", "修订了哪些制度?" answered by the rules the notice names.

Notices count rules ("新建制度9项") and name some of them in 《…》 where the measure is told
("修订《财务管理制度》《差旅费报销管理规定》"). The answer quotes each clause naming rules made or revised,
in the order of the notice, with the names pulled out, so the user sees which rules stand behind the count. The
same reader (named_rule_clauses) serves the follow-up "这几项都是啥?" after a count (followup_named_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answer import Answer
from assistant.computed_inputs import CitationNumbers
from assistant.unit_names import without_spans
from index.catalog import NoticeRow
from index.sentences import split_clauses, split_sentences

ANSWERER = "extractive:rules-named"
# A question asking what the rules are, not how many: "这几项制度是什么", "修订了哪些制度", "制度叫什么".
ASKS_RULE_NAMES = re.compile(
    r"(?:制度|规章)[^,，。?？]{0,4}(?:是什么|是哪些|有哪些|有啥|是啥|叫什么|名称|名字|具体是|都是)|"
    r"(?:哪些|哪几项|哪几个|什么)(?:制度|规章制度)"
)
# Every word such a question may hold besides the ask: making rules, pointing back, filler. Anything else is a
# topic ("针对干部业务不熟建立了什么制度"), asked of the passages, not answered with the list of all rules.
_RULE_ASK_WORDS = re.compile(
    r"制度|规章|整改中|整改以来|期间|这几项|这几个|这些|那些|上述|刚才说的|哪些|哪几项|哪几个|是什么|是哪些|是啥|有啥|"
    r"叫什么|什么|名称|名字|具体|分别|[制定修订新建出台建立完善健全废止印发都共了的有项个\s?？,，。:：()（）\d]"
)
# A rule's name: a 《title》 ending in a word for a rule (not a 整改方案 or a report).
RULE_TITLE = re.compile(r"《[^《》\n]{2,40}?(?:制度|办法|规定|细则|规则|规程|准则|守则|条例|机制|规范|制度汇编)》")
# A rule made or revised: a verb of making, then a 《title》 or a "…制度" ("建立…“三单合一”制度").
_MADE_RULE = re.compile(r"(?:修订|制定|建立|出台|印发|完善|新建|修改|重新制定)([^，,；;。]{0,40}?(?:《[^》]{2,40}》|制度))")
# Titles in a row after a making verb: "修订《A》和《B》", "《A》、《B》及《C》".
_TITLE_ROW = re.compile(r"《[^《》\n]{2,40}》(?:[和及与、]《[^《》\n]{2,40}》)*")
_CLAUSE_END = "；;。\n"
MAX_CLAUSES = 8


@dataclass(frozen=True)
class NamedRules:
    """One clause of a notice telling rules made: its span and the rules' names (《titles》, or a "“…”制度")."""

    start: int
    end: int
    names: tuple[str, ...]


def sentence_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the text's clauses (its sentences, which end at semicolons too), each without its end mark."""
    return [(start, start + len(text[start:end].rstrip(_CLAUSE_END))) for start, end in split_sentences(text)
            if text[start:end].rstrip(_CLAUSE_END)]


def named_rule_clauses(text: str) -> list[NamedRules]:
    """Each clause (cut at commas too) of a notice telling a rule made or revised, with the rules' names, in order."""
    found = []
    for sentence_start, sentence_end in sentence_clauses(text):
        for start, end in split_clauses(text, sentence_start, sentence_end):
            end = start + len(text[start:end].rstrip("，,"))
            made = list(_MADE_RULE.finditer(text, start, end))
            if made:
                found.append(NamedRules(start, end, tuple(dict.fromkeys(n for m in made for n in _names(m, text, end)))))
    return found


def _names(made: re.Match[str], text: str, end: int) -> list[str]:
    """The rules a making verb names: its 《titles》 in a row ("修订《A》和《B》") that are rules, or a "“…”制度"."""
    if not made.group(1).endswith("》"):  # a rule made without a title is named only by a quoted name
        return [made.group(1).lstrip("和及")] if "“" in made.group(1) else []
    first = made.start(1) + made.group(1).rindex("《")
    row = _TITLE_ROW.match(text, first, end)
    return [title for title in re.findall(r"《[^《》]*》", row.group(0)) if RULE_TITLE.fullmatch(title)] if row else []


def asks_rule_names(question: str, unit_spans: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the question asks which rules the unit made (their names), on no narrower topic, not how many."""
    if not ASKS_RULE_NAMES.search(question) or re.search(r"多少", question):
        return False
    # a follow-up's carried clause ("(新建制度9项)") is no topic
    asked = without_spans(question.split("(", 1)[0], unit_spans)
    return _RULE_ASK_WORDS.sub("", asked) == ""


def answer_rule_names(
    question: str, standalone_question: str, unit: str, notices: Sequence[NoticeRow],
    notice_text_of: Callable[[str], str | None],
) -> Answer | None:
    """Each clause of the unit's notices naming rules, cited, with the names listed; None when none names one."""
    citations = CitationNumbers()
    lines: list[str] = []
    names: list[str] = []
    for notice in (n for n in notices if (n.unit or n.metadata.unit) == unit):
        text = notice_text_of(notice.notice_id) or ""
        for clause in [c for c in named_rule_clauses(text) if c.names][: MAX_CLAUSES - len(lines)]:
            lines.append(f"- {text[clause.start:clause.end]}{citations.cite(notice, text, clause.start, clause.end, '')}")
            names.extend(n for n in clause.names if n not in names)
    if not lines:
        return None
    head = f"{unit}的通报中写明名称的制度有{len(names)}项:{''.join(names)}。原文:"
    return Answer(
        question=question, standalone_question=standalone_question, text="\n".join([head, *lines]),
        citations=citations.items, answerer=ANSWERER, units=[unit],
    )

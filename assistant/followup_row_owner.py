"""Follow-ups asking who is in charge of the item the last answer told: "这是哪个股室管的" after "审减工程款56.3万元".

A notice's rectification table gives each problem's row a 责任单位 (owner) cell. The row meant is the one whose
cells state what the last answer said (a clause of it, or its figure); its owner cell answers, and the row is cited.
Nothing is answered when no row states the last answer or the row has no owner cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer, Citation
from assistant.previous_answer import last_answer
from assistant.table_records import TableRecord, cached_table_records

ANSWERER = "extractive:followup-row-owner"
# "哪个股室管的", "谁负责的", "归哪个部门管", "责任单位是哪个", "哪个科室牵头".
_ASKS = re.compile(
    r"(?:哪个|哪|什么|啥)(?:股室|科室|处室|部门|单位|股|科|处|室|口子)[^,，。?？]{0,3}?(?:管|负责|牵头|抓|办)"
    r"|谁(?:来)?(?:管|负责|牵头|抓)|责任(?:单位|部门|科室|股室|人)(?:是|为)?(?:谁|哪|啥|什么)|归(?:谁|哪)")
# Clauses of the last answer: what a row must state to be the one meant.
_CLAUSE = re.compile(r"[^，,。；;：:\n]+")
# A figure with its measure ("56.3万元", "212卷"): a row stating it is the one meant.
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?[元个项件条名人卷份次处户]")
# Shorter clauses match too many rows by chance.
_MIN_CLAUSE_CHARS = 6


def asks_row_owner(question: str, names_unit: bool) -> bool:
    """Whether the question asks who is in charge of the item the last answer told."""
    return not names_unit and _ASKS.search(question) is not None


def answer_row_owner(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]],
) -> Answer | None:
    """The owner cell of the table row stating the last answer, with the row cited; else None."""
    said = last_answer(history)
    best: tuple[int, str, TableRecord, str] | None = None
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        for record in cached_table_records(text):
            score = _overlap(said, record.text)
            if score and "责任单位" in record.fields and (best is None or score > best[0]):
                best = (score, notice_id, record, text)
    if best is None:
        return None
    _, notice_id, record, text = best
    title, unit = describe(notice_id)
    cited = Citation(1, notice_id, title, unit, "", text[record.start:record.end], record.start, record.end)
    owner = record.fields["责任单位"]
    problem = record.fields.get("问题", "")
    lines = [f"{unit}：{'“' + problem + '”一项' if problem else '该项'}的责任单位是{owner}。[1]",
             *(f"- {name}：{cell}" for name, cell in record.fields.items() if name != "问题")]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=[cited], answerer=ANSWERER, units=[unit])


def _overlap(said: str, row: str) -> int:
    """How much of the last answer the row states: characters of its clauses and figures found in the row."""
    clauses = [c.strip() for c in _CLAUSE.findall(said) if len(c.strip()) >= _MIN_CLAUSE_CHARS]
    found = sum(len(c) for c in clauses if c in row)
    return found + sum(len(f) for f in _FIGURE.findall(said) if f in row)

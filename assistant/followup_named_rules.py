"""Follow-ups asking which rules a count of rules the last answer gave stands for: "这几项都是啥?" after
"共新建和修订制度9项".

Notices rarely list every rule they count; they name some where the work is told ("修订《议事规则》",
"建立…“三单合一”制度"). The answer quotes the count's clause and every clause of the unit's notices naming a rule
made or revised, and says the notice does not list all of them when it names fewer than it counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.answer import Answer, Citation
from assistant.previous_answer import last_answer
from assistant.rules_named import named_rule_clauses, sentence_clauses

ANSWER_ER = "extractive:followup-named-rules"
# "这几项都是啥", "那9项分别是什么", "这些制度具体有哪些": pointing at a count just given, asking its members.
# "都叫啥名", "分别叫什么名字", "名字都是啥": asking their names, the count being the last answer's.
_ASKS_MEMBERS = re.compile(
    r"(?:这|那)(?:几|些|\d+)(?:项|条|个)?(?:制度)?(?:都|分别|具体|主要)?(?:是|有|包括|叫)?(?:啥|什么|哪些|哪几)"
    r"|(?:都|分别|各)叫(?:个)?(?:啥|什么)|叫(?:啥|什么)名|名(?:字|称)(?:都|分别)?(?:是|叫)?(?:啥|什么)")
# A count of rules: "制度9项", "新建和修订制度共9项", "9项制度".
_RULES_COUNT = re.compile(r"制度(?:共|合计)?(\d+)项|(\d+)项(?:[\u4e00-\u9fff]{0,4}?)制度")


def asks_rules_counted(question: str, names_unit: bool, history: Sequence[dict]) -> bool:
    """Whether the question points at a count of rules the last answer gave and asks which they are."""
    return not names_unit and bool(_ASKS_MEMBERS.search(question)) and bool(_RULES_COUNT.search(last_answer(history)))


def answer_rules_counted(
    question: str, standalone_question: str, history: Sequence[dict], notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]], most: int,
) -> Answer | None:
    """The count's clause and (up to `most`) clauses naming rules, cited; None when no notice states the count."""
    count = _RULES_COUNT.search(last_answer(history))
    figure = count.group(1) or count.group(2)
    counted, named = None, []
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        for start, end in sentence_clauses(text):
            found = _RULES_COUNT.search(text[start:end])
            if found and (found.group(1) or found.group(2)) == figure and counted is None:
                counted = (notice_id, start, end)
        named += [(notice_id, c.start, c.end) for c in named_rule_clauses(text)
                  if not _RULES_COUNT.search(text[c.start:c.end])]
    if counted is None or not named:
        return None
    citations = [_cite(n + 1, spot, notice_text_of, describe) for n, spot in enumerate([counted, *named[:most]])]
    rules_named = sum(max(1, c.quote.count("《")) for c in citations[1:])
    lines = [f"通报写明:{citations[0].quote}[1]",
             f"通报没有把这{figure}项逐一列全,点到名字的有:" if rules_named < int(figure) else "通报点到名字的有:"]
    lines += [f"- {c.quote}[{c.n}]" for c in citations[1:]]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWER_ER, units=list(dict.fromkeys(c.unit for c in citations)))


def _cite(n: int, spot: tuple[str, int, int], notice_text_of: Callable[[str], str | None],
          describe: Callable[[str], tuple[str, str]]) -> Citation:
    notice_id, start, end = spot
    title, unit = describe(notice_id)
    return Citation(n, notice_id, title, unit, "", (notice_text_of(notice_id) or "")[start:end], start, end)

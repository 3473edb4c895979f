"""Answers to "when will it be finished": the deadline the notice sets under the problem asked about.

Notices state a problem, then what was done, and close the item with its deadline ("…力求在2023年
12月底完成。", "确保6月底前整改到位"). The question's words match the problem statement best, which holds
no deadline (at most the years the problem goes back to), so the deadline sentence of the same item is
quoted with it.
"""

from __future__ import annotations

import re

from assistant.evidence import Evidence, distinct
from index.headings import parse_heading
from index.sentences import split_sentences

# Asking when something will be or was finished: "打算什么时候清完", "何时整改到位", "啥时候能完成".
ASKS_FOR_DEADLINE = re.compile(
    r"(?:什么时候|何时|啥时候|哪天|几月|哪年|多久)[^,，。?？]{0,8}(?:完成|[清弄搞改做干办整][完好]|能完(?![善整])|到位|结束|办结|销号)|"
    r"(?:完成|[清弄搞改做干办整]完|到位|办结|销号)[^,，。?？]{0,4}(?:时间|时限|期限|日期)|"
    r"(?:期限|时限|截止)(?:是|在)?(?:什么时候|何时|哪天)"
)
# A sentence setting a deadline: a date and, near it, the finishing ("力求在2023年12月底完成",
# "确保6月底前整改到位", "限期于2023年9月30日前办结"), or a commitment to a month ("确保在12月…").
DEADLINE_STATED = re.compile(
    r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?(?:前|以前|之前)?[^,，。;；]{0,8}"
    r"(?:完成|到位|办结|销号|清理完毕|处理完毕|结束)|"
    r"(?:\d{4}年)(?:底|末|上半年|下半年)(?:前|以前|之前)?[^,，。;；]{0,8}(?:完成|到位|办结|销号)|"
    r"\d{1,2}月(?:底|末|份)?(?:前|以前|之前)[^。;；]{0,6}?(?:完成|到位|办结|整改|销号)|"
    r"(?:确保|力求|力争|计划|预计|争取)[^。;；]{0,24}?\d{1,2}月"
)


def asks_for_deadline(question: str) -> bool:
    """Whether the question asks when something will be (or was) finished."""
    return ASKS_FOR_DEADLINE.search(question) is not None


def with_deadline_after(text: str | None, chosen: list[Evidence], best: Evidence, span_chars: int) -> list[Evidence]:
    """The chosen quotes and, when none sets a deadline, the first sentence after the best one that does,
    within its item (up to the next heading) and `span_chars` of it."""
    if text is None or any(DEADLINE_STATED.search(c.text) for c in chosen):
        return chosen
    end = max((c.end for c in chosen if c.notice_id == best.notice_id and c.start <= best.start < c.end), default=best.end)
    for start, stop in split_sentences(text, end, min(len(text), end + span_chars)):
        sentence = text[start:stop]
        heading = parse_heading(sentence.strip())
        if heading is not None and heading.style != "measure-label":
            break  # the next item: its deadline is another problem's
        if DEADLINE_STATED.search(sentence):
            deadline = Evidence(best.document, start, stop, sentence, best.score, True)
            return distinct(sorted([*chosen, deadline], key=lambda e: (e.notice_id, e.start, -e.end)))
    return chosen

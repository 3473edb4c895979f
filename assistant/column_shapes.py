"""A comparison asking for a shape of answer raises each column's sentences of that shape.

"两家整改各发了啥文件" is answered by the documents a unit issued, which notices name in 《》 with a number
(〔2022〕100号); "多久碰一次头", "盯进度用了啥办法" by a rhythm (每月, 按月调度, 两周一调度, 一季一通报). A sentence
sharing the topic's words but not that shape ("按照巡察工作有关要求…") says less than one of the asked shape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.evidence import Evidence

# Asking which documents were issued: "发了啥文件", "出台了哪些文件", "印发了什么方案".
ASKS_DOCUMENTS = re.compile(r"(?:发|出|印发|下发|出台|制定)了?(?:啥|什么|哪些|几个|几份|些)?(?:文件|方案)|(?:啥|什么|哪些)文件")
# Asking how often, or how progress was kept to a rhythm: "多久碰一次头", "几天一次", "盯整改进度用了啥办法";
# "隔了多久", "待了多久" ask a duration, not a rhythm.
ASKS_RHYTHM = re.compile(
    r"(?:多久|多长时间)[^,，。?？]{0,6}一(?:次|回)|几天一(?:次|回)|频率|频次|碰(?:一次|一回|个)?头"
    r"|(?:盯|跟|督|催|抓)(?:着|住|紧)?(?:整改)?进度"
)
# A document named as notices name it: a title in 《》 or a number of the year (〔2022〕100号, [2021]3号).
DOCUMENT_SHAPE = re.compile(r"《[^》]{4,}》|[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")
# A rhythm: every month or week, by the month, once a fortnight or a quarter, a regular meeting.
RHYTHM_SHAPE = re.compile(
    r"每(?:个)?(?:月|周|星期|季度?|半月|半年|旬|天|日)|按(?:月|周|季度?|旬)|[一两二三四半](?:个)?(?:周|月|季度?|旬|年)一(?:次|调度|通报|督办|研判|会商|报告?|推进)"
    r"|月度|季度|定期|例会|周调度|月调度"
)


def asked_shape(question: str) -> re.Pattern[str] | None:
    """The shape of sentence the question asks for (documents issued, a rhythm), or None."""
    if ASKS_DOCUMENTS.search(question):
        return DOCUMENT_SHAPE
    if ASKS_RHYTHM.search(question):
        return RHYTHM_SHAPE
    return None


def with_asked_shape_first(evidence: Sequence[Evidence], question: str, bonus: float) -> list[Evidence]:
    """The candidates with `bonus` added to those of the asked shape, best first (unchanged when none is asked)."""
    shape = asked_shape(question)
    if shape is None or bonus <= 0:
        return list(evidence)
    raised = [replace(e, score=e.score + bonus) if shape.search(e.text) else e for e in evidence]
    return sorted(raised, key=lambda e: -e.score)

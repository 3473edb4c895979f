"""People handled (处理人数): cases filed, sanctions, organisational treatment, talks."""

from __future__ import annotations

import re

from index.figures import Quantity
from index.records.text import Claim, NoticeText, negated
from index.vocabulary import NEGATION_WORDS, PEOPLE_ACTIONS, PERSON_WORDS


def people(notice: NoticeText, quantity: Quantity) -> list[Claim]:
    """People and cases handled: "立案7人", "党纪政务处分5人", "对4人开展了谈话提醒"."""
    if quantity.kind != "count" or quantity.unit not in ("人", "名", "件", "起", "人次", "例"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    label_first = re.search(rf"(?P<label>{PEOPLE_ACTIONS})(?:{PERSON_WORDS}){{0,2}}$", before)
    if label_first and not negated(notice.masked, clause_start + label_first.start()):
        label_start = clause_start + label_first.start()
        chained = re.search(rf"(?:(?:{PEOPLE_ACTIONS})[、和及])+$", before[: label_first.start()])
        if chained:
            label_start = clause_start + chained.start()  # "谈话提醒、批评教育11人": one count for both
        label = notice.text[label_start : clause_start + label_first.end("label")]
        return [Claim("people", label, quantity, label_start, quantity.end)]
    if quantity.unit not in ("人", "名"):
        return []
    label_after = re.match(rf"(?P<gap>[^\d、□]{{0,10}}?)(?P<label>{PEOPLE_ACTIONS})", notice.after(quantity))
    marker = re.search(r"(?:对|等|给予|将)[^\d]{0,12}$", before)
    if label_after and marker and not any(word in label_after.group("gap") for word in NEGATION_WORDS):
        end = quantity.end + label_after.end()
        label = notice.text[quantity.end + label_after.start("label") : end]
        return [Claim("people", label, quantity, quantity.start, end)]
    return []

"""Amounts a notice says were paid back in full without restating them ("涉及金额4126.37元。…已全额退赔")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.records_question import Family
from assistant.records_table import Stated, UnitFigures
from assistant.stated_amounts import AMOUNT, YUAN
from index.catalog import NoticeRow
from index.records.model import Figure

# Money got back whole, the amount left to the sentence before ("超付款项已全部追回", "责任人已全额退赔").
IN_FULL = re.compile(r"(?:全额|全部|如数|足额)(?:退赔|追回|退还|退缴|收回|清退|缴回|退回|追缴)")
_SENTENCE_END = re.compile(r"[。；;!！?？]")


def repaid_in_full(text: str, notice: NoticeRow, family: Family) -> list[Stated]:
    """Each amount of money a paragraph states just before saying it was paid back in full, as a clawback figure
    quoted with the clause naming it; an in-full sentence stating its own amount adds none."""
    found: list[Stated] = []
    for match in IN_FULL.finditer(text):
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, match.start())), default=0)
        paragraph_start = text.rfind("\n", 0, match.start()) + 1
        if sentence_start <= paragraph_start or _money_in(text[sentence_start : match.end()]):
            continue  # the amount is said with the act itself (a record already), or no sentence before it
        before = text[paragraph_start:sentence_start]
        amounts = [a for a in AMOUNT.finditer(before) if a.group(2) in YUAN]
        if not amounts:
            continue
        amount = amounts[-1]
        start, end = paragraph_start + amount.start(), paragraph_start + amount.end()
        clause_start = max((m.end() for m in re.finditer(r"[,，;；。:：]", text[:start])), default=0)
        clause_start = max(clause_start, paragraph_start)
        value = float(amount.group(1)) * float(YUAN[amount.group(2)])
        label = text[clause_start:start]
        # The quote runs on to the words saying it was paid back, so the citation shows both.
        figure = Figure("money", label, value, "元", amount.group(0), text[clause_start : match.end()], clause_start, match.end())
        found.append(Stated(figure, notice, family))
    return found


def _money_in(words: str) -> bool:
    return any(a.group(2) in YUAN for a in AMOUNT.finditer(words))


def with_repaid_in_full(found: UnitFigures, notice_text_of: Callable[[str], str | None]) -> UnitFigures:
    """The unit's money figures with the amounts its notices say were paid back in full (each once)."""
    money = [s for s in found.own if s.figure.unit == "元"]
    if not money:
        return found
    rows = {s.notice.notice_id: s.notice for s in money}
    spans = {(s.notice.notice_id, s.figure.start) for s in found.own}
    extra = [s for notice_id, row in rows.items()
             for s in repaid_in_full(notice_text_of(notice_id) or "", row, money[0].family)
             if (notice_id, s.figure.start) not in spans]
    return replace(found, own=[*found.own, *extra]) if extra else found

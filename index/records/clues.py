"""Clue figures (问题线索、信访件): received, settled, pending."""

from __future__ import annotations

import re

from index.figures import Quantity
from index.records.text import Claim, NoticeText
from index.vocabulary import CLUE_ACTIONS, CLUE_NOUNS

# "2020年29件信访中14件涉及拆迁": a count of 信访 without 件/案件 after the word, where the clause goes on or ends
# (not "3件信访工作制度").
_BARE_PETITIONS = r"信访(?=中|[，,。；;、)）]|$)"


def clues(notice: NoticeText, quantity: Quantity) -> list[Claim]:
    """问题线索 / 信访件 received and settled: "问题线索移交6件", "移交的12件信访件", "办结3件"."""
    if quantity.kind != "count" or quantity.unit not in ("件", "条", "起"):
        return []
    before, clause_start = notice.before(quantity), notice.clause_start(quantity.start)
    action_then_noun = re.search(rf"(?P<action>{CLUE_ACTIONS})(?:的)?(?P<noun>{CLUE_NOUNS})(?:共|共计)?$", before)
    if action_then_noun:
        label = action_then_noun.group("action").removeprefix("已") + action_then_noun.group("noun")
        return [Claim("clues", label, quantity, clause_start + action_then_noun.start(), quantity.end)]
    noun_then_action = re.search(
        rf"(?P<noun>{CLUE_NOUNS})(?:共|已)?(?P<action>{CLUE_ACTIONS})(?:了|的)?(?:共|共计)?$", before
    )
    if noun_then_action:
        label = noun_then_action.group("noun") + noun_then_action.group("action").removeprefix("已")
        return [Claim("clues", label, quantity, clause_start + noun_then_action.start(), quantity.end)]
    noun_after = re.match(rf"(?:重复|各类|相关)?(?P<noun>{CLUE_NOUNS}|{_BARE_PETITIONS})", notice.after(quantity))
    if noun_after:
        action = re.search(rf"(?P<action>{CLUE_ACTIONS})[^，,。；;：:\d]{{0,10}}$", before)
        label = (action.group("action") if action else "") + noun_after.group("noun")
        start = clause_start + action.start() if action else quantity.start
        return [Claim("clues", label, quantity, start, quantity.end + noun_after.end())]
    in_clue_sentence = bool(re.search(CLUE_NOUNS, notice.sentence_text(quantity.start)))
    action_only = re.search(rf"(?P<action>{CLUE_ACTIONS})(?:了)?(?:共|共计)?$", before)
    if action_only and in_clue_sentence:
        start = clause_start + action_only.start()
        return [Claim("clues", action_only.group("action").removeprefix("已"), quantity, start, quantity.end)]
    noun_only = re.search(rf"(?P<noun>{CLUE_NOUNS})(?:共|共计)?$", before)
    if noun_only:
        return [Claim("clues", noun_only.group("noun"), quantity, clause_start + noun_only.start(), quantity.end)]
    action_after = re.match(r"(?:已经|已|仍|尚|均)*(?P<action>正在办理|正在核查|尚在办理|在办|办结|化解|未办结)", notice.after(quantity))
    if action_after and in_clue_sentence:
        label = action_after.group("action")
        return [Claim("clues", label, quantity, quantity.start, quantity.end + action_after.end())]
    return []

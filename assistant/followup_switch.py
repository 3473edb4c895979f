"""Switching unit in a follow-up: "换成盘龙城经开区,它改了几项?" is the question asked of the unit named first."""

from __future__ import annotations

import re

from assistant.units import UnitDirectory

_SWITCH_LEAD = re.compile(r"^(?:那么|那|换成|换到|改成|换|至于|再看看?|再说说?)\s*")
_PRONOUN_LEAD = re.compile(r"^(?:那么|那|它们|它|他们|该单位|这个单位)的?")


def switch_then_ask(question: str, directory: UnitDirectory) -> str:
    """"换成盘龙城经开区,它改了几项?": the unit named first, then the question asked of it."""
    mentions = directory.mentions(question)
    if not mentions:
        return question
    begin, end, _ = mentions[0]
    lead = _SWITCH_LEAD.match(question[:begin])
    # the name as the user wrote it may run on past the mention ("盘龙城经开区")
    rest = re.match(r"([\u4e00-\u9fff]{0,4}?)\s*(?:呢|那边|这边)?\s*[,，]\s*", question[end:])
    if lead is None or lead.end() != begin or rest is None or not question[end + rest.end() :].strip():
        return question
    return question[begin : end + len(rest.group(1))] + _PRONOUN_LEAD.sub("", question[end + rest.end() :])

"""Follow-up questions without an LLM: carry the previous turns' units into a question that names none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.units import UnitDirectory

# A follow-up that turns to every unit ("那哪些单位也…") starts a new scope instead of narrowing.
ABOUT_ALL_UNITS = re.compile(
    r"(哪些|哪几个|哪个|各个?|每个|所有|全部|其他|其余|几个)(单位|地方|地区|区县|开发区|街道|通报)|分别"
)


def units_in_history(history: Sequence[dict], directory: UnitDirectory) -> list[str]:
    """Units named in the most recent turn pair that names any, user turn first."""
    for turn_index in range(len(history) - 1, -1, -1):
        turn = history[turn_index]
        units = directory.find_units(str(turn.get("content", "")))
        if turn.get("role") == "assistant" and turn_index > 0:
            # The user's question of that exchange defines its scope better than the reply.
            asked = directory.find_units(str(history[turn_index - 1].get("content", "")))
            units = asked or units
        if units:
            return units
    return []


def condense_with_rules(history: Sequence[dict], question: str, directory: UnitDirectory) -> str:
    """A standalone question: when it names no unit, the last turns' units are put in front."""
    question = question.strip()
    if not history or directory.find_units(question) or ABOUT_ALL_UNITS.search(question):
        return question
    units = units_in_history(history, directory)
    if not units:
        return question
    return f"{'、'.join(units)}:{question}"

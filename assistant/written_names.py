"""Unit names as the user wrote them: a recognised mention with the characters of the same name around it.

The directory may recognise only part of what the user typed ("川人社局" of "汐川人社局", "扬大" of
"扬大附中"); the characters next to the mention that continue the unit's name, in order, are part of
the name as written, not words of the question. A unit described by its place and kind with a pointer between
("雩山那个机电学院", "莼湾那家卫生院") is that unit's name written with the pointer in it; a kind only one held
unit is of ("那个卫生院呢") names that unit.
"""

from __future__ import annotations

import re

from assistant.units import UnitDirectory

MIN_KIND_CHARS = 2  # a kind word ("林场", "卫生院") is at least this long; one character (局, 院) names no kind
MAX_RUN_ON_CHARS = 4  # characters a written name may run on past its recognised mention, on each side
# Characters that start the question's own words after a name ("交投集团有没有…": 有 is in 有限公司, not the name).
_QUESTION_CHARS = set("的和与跟及同在是有了呢吗那这也还都又就把被对向从给让哪谁啥几多")
# A pointer between two parts of a described name: "<place>那个<kind>".
_POINTER_IN_NAME = re.compile(r"(?<=[\u4e00-\u9fff])(?:那边那个|的那个|那边的|那个|那家|那所|那里的)(?=[\u4e00-\u9fff])")


def without_pointers_in_names(text: str, directory: UnitDirectory) -> str:
    """The text with the pointers inside described unit names taken out ("雩山那个机电学院" -> "雩山机电学院"): only
    where, without the pointer, one unit's name as written runs across where it stood."""
    for pointer in reversed(list(_POINTER_IN_NAME.finditer(text))):
        joined = text[: pointer.start()] + text[pointer.end() :]
        if any(begin < pointer.start() < end for begin, end, _ in written_mentions(joined, directory)):
            text = joined
    return text


def written_mentions(text: str, directory: UnitDirectory) -> list[tuple[int, int, str]]:
    """The directory's mentions of units in `text`, each widened over the name characters around it."""
    mentions = directory.mentions(text)
    widened: list[tuple[int, int, str]] = []
    for index, (first, last, unit) in enumerate(mentions):
        begin, end = first, last
        others = widened + mentions[index + 1 :]
        while first - begin < MAX_RUN_ON_CHARS and begin > 0 and _fits(text, begin - 1, end, unit, others):
            begin -= 1
        while end - last < MAX_RUN_ON_CHARS and end < len(text) and _fits(text, begin, end + 1, unit, others):
            end += 1
        widened.append((begin, end, unit))
    return widened


def unit_of_kind(word: str, directory: UnitDirectory) -> str:
    """The one held unit whose name ends with the word ("卫生院" of "那个卫生院呢"), or "" when none or several do."""
    ending = [unit for unit in directory.units if len(word) >= MIN_KIND_CHARS and unit.endswith(word)]
    return ending[0] if len(ending) == 1 else ""


def _fits(text: str, begin: int, end: int, unit: str, taken: list[tuple[int, int, str]]) -> bool:
    """Whether the span is Chinese only, spells part of the unit's name in order, and overlaps no other mention."""
    span = text[begin:end]
    return (all("\u4e00" <= c <= "\u9fff" and c not in _QUESTION_CHARS for c in span) and _in_order(span, unit)
            and not any(b < end and begin < e for b, e, _ in taken))


def _in_order(written: str, name: str) -> bool:
    """Whether every character of `written` is in `name`, in the same order."""
    position = 0
    for char in written:
        found = name.find(char, position)
        if found == -1:
            return False
        position = found + 1
    return True

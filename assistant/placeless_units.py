"""Units their notice names without a place ("市交通集团", "市卫生健康委"): a question names them with the place
in front, as people do ("淮安交通集团", "泰州卫健委"); the place cannot be checked, so only a place that no
other held unit's name holds is read so."""

from __future__ import annotations

import re

from assistant.unit_names import is_short_form, same_kind, unit_like_names

_LEVEL_FIRST = re.compile(r"^[市县区州](?=[\u4e00-\u9fff]{2})")  # "市交通集团": a level with no place before it
_LEVELS = "市县区州"
_PLACE_CHARS = (2, 3)  # a place in front is two or three characters ("淮安", "哈尔滨"), maybe with its level
_NOT_IN_PLACES = re.compile(r"[哪几那这各每些该其另本我你他它们谁啥多少]")  # "哪几所中学": a question, no place
_MIN_NAME_CHARS = 3  # the name after the place: "卫健委", "交通集团"; two characters ("中学") name a kind


def placeless_mentions(text: str, names: list[tuple[str, str]], taken: list[bool]) -> list[tuple[int, int, str]]:
    """(begin, end, unit) of each name written as a place, then a placeless unit's name or its short form."""
    placeless = [(name[1:], unit) for name, unit in names if _LEVEL_FIRST.match(unit) and _LEVEL_FIRST.match(name)]
    if not placeless:
        return []
    found = []
    for begin, end, written, has_suffix in unit_like_names(text):
        if not has_suffix or any(taken[begin:end]) or any(written[:2] in name for name, _ in names):
            continue  # "安庆交通集团" with 安庆市交通运输局 held: 安庆 is a held unit's place, not this one's
        for cut in _PLACE_CHARS:
            place, rest = written[:cut], written[cut:]
            rest = rest[1:] if rest[:1] in _LEVELS else rest
            if _NOT_IN_PLACES.search(place) or len(rest) < _MIN_NAME_CHARS:
                continue
            owners = {unit for body, unit in placeless
                      if (rest == body or (is_short_form(rest, body) and same_kind(rest, body)))}
            if len(owners) == 1 and not any(place in name for name, _ in names):
                found.append((begin, end, owners.pop()))
                break
    return found


def bare_kind_names(units: list[str], kind_words: frozenset[str]) -> dict[str, set[str]]:
    """Kind words ("卫健委") that name a held unit written as only a level and that kind ("市卫生健康委"), when no
    other held unit is of that kind: its own notice calls it so, and a question can mean no other held unit."""
    found: dict[str, set[str]] = {}
    for unit in units:
        if not _LEVEL_FIRST.match(unit) or _NOT_IN_PLACES.search(unit[1:2]):
            continue
        body = unit[1:]
        for word in kind_words:
            if len(word) < _MIN_NAME_CHARS or not (word == body or (is_short_form(word, body) and same_kind(word, body))):
                continue
            if not any(word in other or is_short_form(word, other) for other in units if other != unit):
                found.setdefault(unit, set()).add(word)
    return found

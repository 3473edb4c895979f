"""The level a notice writes before a bureau it otherwise names bare: 住建局 written once as 县住建局.

A county's bureau often names itself "住建局党组" in its sentences and "县住建局" only in a document's
name or a group's report ("关于对县住建局巡察情况的反馈意见"). The level word (县, 市, 区) says whose bureau
it is; without it the unit reads as any place's bureau. The level is taken when the text writes the unit
after one level word only, and that level agrees with how the notice calls its place (我县, 全县).
"""

from __future__ import annotations

import re

from index.units import BARE_LEVELS, HAN, ORGANISATION_TYPES, TERRITORIAL_TYPES, unit_type

# How a notice calls its own place (我县, 全县, 本市): the level it belongs to.
_OWN_PLACE = re.compile(rf"(?:我|全|本)([{BARE_LEVELS}])(?!{HAN}?[委长])")


def with_written_level(unit: str, text: str) -> str:
    """The unit with the level the text writes before it (住建局 -> 县住建局), or the unit as it is."""
    if not unit or unit[0] in BARE_LEVELS or unit_type(unit) not in ORGANISATION_TYPES:
        return unit
    if any(level in unit for level in TERRITORIAL_TYPES if len(level) == 1) and len(unit) > 4:
        return unit  # 宿迁市卫健委, 江城县医院: a place is already named
    # Every level written right before it (对县水务局, 市水务局督导组): one level only, or it is not known.
    levels = {m.group(1) for m in re.finditer(f"([{BARE_LEVELS}])" + re.escape(unit), text)}
    if len(levels) != 1:
        return unit
    level = levels.pop()
    own = {m.group(1) for m in _OWN_PLACE.finditer(text)}
    return level + unit if not own or own == {level} else unit

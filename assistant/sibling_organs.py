"""Another organ of a held unit's place ("云岭区政协机关" when only 云岭区人大常委会机关 is held).

A place's congress, consultative conference, discipline commission, party departments and courts stand
side by side, each its own unit. A question naming one of them after a place a held unit's name holds
asks about that organ; when no held unit at that place is that organ, the organ is not held, and the
answer must say so rather than quote the held organ of the same place.
"""

from __future__ import annotations

import re

from assistant.unit_names import NOT_IN_NAMES
from assistant.units import UnitDirectory
from index.lexical import normalize_for_search

# Each organ with the ways its name is written (a held unit naming any of them is that organ).
ORGAN_NAMES: tuple[tuple[str, ...], ...] = (
    ("人大", "人民代表大会"),
    ("政协", "政治协商会议"),
    ("纪委", "监委", "纪检监察", "纪工委"),
    ("组织部",),
    ("宣传部",),
    ("统战部",),
    ("政法委",),
    ("法院",),
    ("检察院",),
    ("总工会",),
    ("妇联",),
    ("团委",),
)
_ORGAN = re.compile(
    "(?:" + "|".join(sorted((w for names in ORGAN_NAMES for w in names), key=len, reverse=True)) + ")"
    r"(?:常委会|监委)?(?:机关)?"
)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_PLACE_CHARS = (4, 3, 2)  # how long the place before the organ may be ("云岭区", "云岭")
_LEVEL_ENDS = "省市州盟县区旗镇乡"


def _is_place_in(place: str, name: str) -> bool:
    """Whether the name holds the words as a place: ending in a level ("云岭区") or followed by one ("云岭")."""
    at = name.find(place)
    after = name[at + len(place) : at + len(place) + 1]
    return at >= 0 and (place[-1] in _LEVEL_ENDS or (after != "" and after in _LEVEL_ENDS))


def _is_the_place(place: str, name: str) -> bool:
    """Whether the name is the territory itself ("青禾市云岭区" for 云岭区 or 云岭)."""
    return name.endswith(place) or (name[:-1].endswith(place) and name[-1] in _LEVEL_ENDS)


def _names_of(organ: str) -> tuple[str, ...]:
    return next(names for names in ORGAN_NAMES if any(organ.startswith(n) for n in names))


def other_organs_at_held_places(question: str, directory: UnitDirectory) -> list[tuple[int, int, str]]:
    """(begin, end, name) of each organ written right after a place some held unit's name holds, when no
    held unit holding that place is that organ ("云岭区政协机关" beside a held 云岭区人大常委会机关)."""
    found = []
    for match in _ORGAN.finditer(question):
        for length in _PLACE_CHARS:
            begin = match.start() - length
            place = question[max(0, begin) : match.start()]
            if len(place) != length or not _HAN.fullmatch(place) or NOT_IN_NAMES.search(place):
                continue
            holders = [u for u in directory.units if _is_place_in(normalize_for_search(place), normalize_for_search(u))]
            if not holders:
                continue
            names = _names_of(match.group(0))
            if any(_is_the_place(normalize_for_search(place), normalize_for_search(u)) for u in holders):
                break  # the territory itself is held ("云岭区纪委" of a held 云岭区): its organs are its own
            if not any(name in normalize_for_search(u) for u in holders for name in names):
                found.append((begin, match.end(), question[begin : match.end()]))
            break
    return found

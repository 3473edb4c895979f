"""A unit's name ending as the notice's own full form: a party working committee and a clipped 街 left out."""

from __future__ import annotations

import re

from index.units import ADMIN_TYPES, TERRITORIAL_TYPES, unit_type

# A zone's or street's party working committee written 工委 (X经济技术开发区工委, X街道工委): the zone is the unit.
# Only after a territory that is not a district or county: 县委教育工委 and 市直机关工委 are units of their own.
_WORK_COMMITTEE = "工委"


def without_work_committee(name: str) -> str:
    """X开发区工委 -> X开发区; any other name unchanged."""
    if not name.endswith(_WORK_COMMITTEE):
        return name
    territory = name[: -len(_WORK_COMMITTEE)]
    kind = unit_type(territory)
    return territory if kind in TERRITORIAL_TYPES and kind not in ADMIN_TYPES else name


def street_in_full(unit: str, text: str) -> str:
    """X街 -> X街道 when the notice also writes X街道 (a street clipped to 街 in one sentence, whole in another)."""
    if unit.endswith("街") and re.search(re.escape(unit) + "道", text):
        return unit + "道"
    return unit

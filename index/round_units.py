"""The unit of a notice about a committee's own round of inspections: the place whose committee runs it.

A county's, district's or city's news about one of its inspection rounds names no one inspected unit: its
groups inspect several units ("县委派出3个巡察组,对县自然资源局等3个部门…"), its leading group sends
check groups over earlier rounds, or a feature follows its groups from village to village. Such a notice
is about the place whose committee runs the round ("根据江城县委统一安排…" -> 江城县); the units its
groups met are each named once or listed together, and none of them is the notice's unit. A round's report
with no place named at all is listed under the round's own name ("十二届区委第二轮巡察").
"""

from __future__ import annotations

import re

from index.places import committee_places
from index.units import first_named_part, unit_from_issuer

# 向X(党委)反馈, 向X进行了双向反馈: the unit given the findings.
_FEEDBACK_TARGET = re.compile(r"向([^。;；\n,，]{2,40}?)(?:集中|分别|正式)?(?:进行了?|作了?)?(?:双向|集中|分别)?反馈")
# A committee running inspections: its numbered round, the groups it sends or sets up, its leading group
# or office for inspections, or its arrangement the round follows (县委第十一轮巡察, 区委组建4个巡察组,
# 县委巡察工作领导小组派出3个督查组, 根据县委统一安排), or its own body overseeing the rectification of
# the units its rounds inspected (市委巡察整改监督工作联席会议).
_RUNS_A_ROUND = re.compile(
    r"[县区市旗]委(?:[^。;；\n,，]{0,8}?第[一二三四五六七八九十\d]+轮(?:巡察|巡视)"
    r"|巡察整改(?:监督|督查|督导)"
    r"|(?:派出|组建|成立)[一二三四五六七八九十\d]+个(?:巡察|巡视|督查)组"
    r"|巡察(?:工作领导小组|办)?(?:派出|组建)"
    r"|统一(?:安排|部署))"
)
# Levels from the lowest: a county's round is its own even when the city above is named too (提级巡察).
_LEVELS = "县区旗市"


# Ranks of unit sources (see index.unit_sources): a headline's target is trusted like a label, a body's
# feedback target is a loose source, the round's place comes below every other source, and targets
# scattered over a round's units below that.
HEADLINE_RANK, TARGET_RANK, ROUND_RANK, SCATTERED_RANK = 1, 4, 7, 8


def round_committee_place(text: str) -> tuple[str, int, int]:
    """The place whose committee runs the round the notice reports, its rank and where it is first named,
    or "" when the notice reports no round or its committees name no single place of the lowest level."""
    if not _RUNS_A_ROUND.search(text):
        return "", ROUND_RANK, -1
    for level in _LEVELS:
        places = committee_places(text, level)
        if len(places) == 1:
            place, position = next(iter(places.items()))
            return place, ROUND_RANK, position
        if places:
            break
    return "", ROUND_RANK, -1


def feedback_targets(text: str, title: str = "") -> list[tuple[str, int, int]]:
    """(target, rank, position) of each unit the headline or body says was given the findings ("向X党委反馈").

    Several units each given findings once, in a committee's report on its round (向钟管镇党委…反馈,
    向洛舍镇党委…反馈), are the round's units, none of them the notice's: they rank below the round's place.
    """
    found = []
    if title and (match := _FEEDBACK_TARGET.search(title)):
        found.append((first_named_part(match.group(1)), HEADLINE_RANK, text.find(title)))
    targets = [(first_named_part(m.group(1)), m.start(1)) for m in _FEEDBACK_TARGET.finditer(text)]
    names = [unit_from_issuer(target, need_organ=False) for target, _ in targets]
    scattered = len(set(names)) >= 2 and len(set(names)) == len(names) and round_committee_place(text)[0]
    return found + [(target, SCATTERED_RANK if scattered else TARGET_RANK, at) for target, at in targets]


# A round as a committee names it ("十二届区委第二轮巡察", "县委第十一轮巡察").
_ROUND_NAME = re.compile(
    r"(?:[一二三四五六七八九十\d]+届)?[省市州县区旗]委(?:第[一二三四五六七八九十\d]+轮)(?:巡察|巡视)"
)


def round_name(text: str) -> str:
    """The first round a committee's report names ("十二届区委第二轮巡察"), or "": a name to list the notice
    under when it never writes its place (a 公示 of "区委" only)."""
    match = _ROUND_NAME.search(text)
    return match.group(0) if match else ""


_TOWN_TYPES = ("街道", "镇", "乡")


def town_with_its_county(unit: str, text: str) -> str:
    """A town written bare (东昌镇) with the county, district or city whose committee the notice names
    (荔浦市委第一巡察组进驻东昌镇 -> 荔浦市东昌镇): the lowest such place, when it is one; else the unit."""
    kind = next((t for t in _TOWN_TYPES if unit.endswith(t)), "")
    if not kind or re.search("[省市州县区旗盟]", unit[: -len(kind)]):
        return unit
    for level in _LEVELS:
        places = committee_places(text, level)
        if places:
            return next(iter(places)) + unit if len(places) == 1 else unit
    return unit

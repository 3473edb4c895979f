"""How answers name units: as the user called them, and with the short form readers know.

Notices give units their formal names (雁汀市第二人民医院); users say 二院. The first time an answer
names a unit in its own words (a conclusion, a list item's unit, a table heading, never inside a
quote), it gives both names: the user's short form with the formal name in brackets
("二院(雁汀市第二人民医院)"); later mentions use the user's short form. A unit listed as a numbered
item of a list across units, which the user did not name, has its formal name followed by its
common short form after its place ("1. 雁汀市住房和城乡建设局(雁汀住建局)：…").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from assistant.unit_names import common_short_form, kind_short_names, numbered_short_form, placed_short_form
from assistant.units import UnitDirectory
from assistant.written_names import written_mentions

_MARKER = re.compile(r"\[\d+\]")
_LIST_ITEM = re.compile(r"^((?:\d+\.|-)?\s*)([^：:\s]+)([：:])")


def name_units_as_asked(text: str, question: str, directory: UnitDirectory) -> str:
    """The answer with the units named as the question named them ("二院(雁汀市第二人民医院)")."""
    called = called_names((question[begin:end], unit) for begin, end, unit in written_mentions(question, directory))
    return name_units(text, directory.units, called, notice_short_names(directory), set(directory.sections.values()))


# A name for the unit's party organ ("县疾控中心党总支", "中共…委员会"), not a short name for the unit.
_PARTY_ORGAN = re.compile(r"中共|党委|党组|党工委|党总支|党支部|委员会")
_BARE_LEVEL_START = re.compile(r"^[省市县区](?=[\u4e00-\u9fff]{2})")  # "县疾控中心": the notice's own 县


def notice_short_names(directory: UnitDirectory) -> dict[str, str]:
    """unit -> the shortest short name its notice calls it by that is no part of its full name ("茆溪县疾病预防控制中心"
    → 疾控中心, "X农村商业银行股份有限公司" → X农商银行): an abbreviation readers may know it by, not a tail of the name
    (柳塘 of 柳塘街道 says nothing new) nor a short form this assistant made up (…中心校)."""
    found = {}
    for entry in directory.entries:
        made_up = {*kind_short_names(entry.unit), numbered_short_form(entry.unit)}
        shorts = [_BARE_LEVEL_START.sub("", name) for name in entry.names[1:]
                  if name not in made_up and not _PARTY_ORGAN.search(name)]
        shorts = [name for name in shorts if len(name) >= 2 and name not in entry.unit and len(name) < len(entry.unit)]
        if shorts:
            found[entry.unit] = _with_own_level(entry.unit, entry.names[1:], min(shorts, key=len))
    return found


def _with_own_level(unit: str, names: list[str], short: str) -> str:
    """The short name after the unit's place and level when its notice writes the level before it ("县卫健局" of
    宜章县卫生健康局 → 宜章县卫健局): readers find the notice's own words in it."""
    level = next((name[0] for name in names if name[1:] == short and _BARE_LEVEL_START.match(name)), "")
    place = re.match(rf"^[\u4e00-\u9fff]{{2,}}?{level}", unit) if level else None
    return place.group(0) + short if place and len(place.group(0)) + len(short) < len(unit) else short


def called_names(mentions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """unit -> the short form the user named it by, from (words, unit) mentions, when the formal name does not hold it."""
    called: dict[str, str] = {}
    for words, unit in mentions:
        if words and len(words) < len(unit) and words not in unit:  # "二院", not "雁汀市第二人民医院党委"
            called.setdefault(unit, words)
    return called


def name_units(
    text: str, units: Iterable[str], called: Mapping[str, str], own_short: Mapping[str, str] | None = None,
    sections: Iterable[str] = (),
) -> str:
    """The answer with units named both ways at their first mention in its own words (see the module);
    a formal name gets its common short form, else the short name its notice calls it by (`own_short`), as the
    label of a numbered list item ("1. X(住建局)：…", "2. X县疾病预防控制中心(疾控中心)：…"). A unit's name
    opening a longer section unit's name ("X镇" of "X镇Y村") is that section unit's, and left as written."""
    longer = [name for name in sections if name]
    present = [u for u in units if u in text]
    first_name = {u: f"{called[u]}({u})" for u in present if u in called}
    first_name |= {u: f"{u}({short})" for u in present
                   if u not in called and (short := _leveled(own_short, u) or placed_short_form(u) or (own_short or {}).get(u))}
    if not first_name:
        return text
    pattern = re.compile("(" + "|".join(re.escape(u) for u in sorted(first_name, key=len, reverse=True)) + ")([(（])?")
    named: set[str] = set()

    def rename(match: re.Match[str], labelled: bool = False) -> str:
        unit, bracket = match.group(1), match.group(2) or ""
        if any(len(name) > len(unit) and match.string.startswith(name, match.start()) for name in longer):
            return match.group(0)  # "X镇Y村": the village, not the town it is filed under
        if unit in named or not (unit in called or labelled):
            return called.get(unit, unit) + bracket
        named.add(unit)
        # "比X(160天)": one bracket holds both, "比二院(雁汀市第二人民医院,160天)"
        return first_name[unit][:-1] + "," if bracket else first_name[unit]

    lines = []
    for line in text.split("\n"):
        item = _LIST_ITEM.match(line)
        if item and pattern.fullmatch(item.group(2)) and not pattern.fullmatch(item.group(2)).group(2):
            numbered = item.group(1).strip()[:-1].isdigit()
            label = pattern.sub(lambda m: rename(m, labelled=numbered), item.group(2))
            line = item.group(1) + label + line[item.end(2):]
        elif not _MARKER.search(line):
            line = pattern.sub(rename, line)
        lines.append(line)
    return "\n".join(lines)


def _leveled(own_short: Mapping[str, str] | None, unit: str) -> str:
    """The notice's own short name when it keeps the unit's place and level ("株洲市卫健委"), else empty."""
    short = (own_short or {}).get(unit, "")
    return short if short[:2] == unit[:2] else ""

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

from assistant.unit_names import common_short_form, placed_short_form
from assistant.units import UnitDirectory
from assistant.written_names import written_mentions

_MARKER = re.compile(r"\[\d+\]")
_LIST_ITEM = re.compile(r"^((?:\d+\.|-)?\s*)([^：:\s]+)([：:])")


def name_units_as_asked(text: str, question: str, directory: UnitDirectory) -> str:
    """The answer with the units named as the question named them ("二院(雁汀市第二人民医院)")."""
    called = called_names((question[begin:end], unit) for begin, end, unit in written_mentions(question, directory))
    return name_units(text, directory.units, called)


def called_names(mentions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """unit -> the short form the user named it by, from (words, unit) mentions, when the formal name does not hold it."""
    called: dict[str, str] = {}
    for words, unit in mentions:
        if words and len(words) < len(unit) and words not in unit:  # "二院", not "雁汀市第二人民医院党委"
            called.setdefault(unit, words)
    return called


def name_units(text: str, units: Iterable[str], called: Mapping[str, str]) -> str:
    """The answer with units named both ways at their first mention in its own words (see the module);
    a formal name gets its common short form as the label of a numbered list item ("1. X(住建局)：…")."""
    present = [u for u in units if u in text]
    first_name = {u: f"{called[u]}({u})" for u in present if u in called}
    first_name |= {u: f"{u}({short})" for u in present if u not in called and (short := placed_short_form(u))}
    if not first_name:
        return text
    pattern = re.compile("(" + "|".join(re.escape(u) for u in sorted(first_name, key=len, reverse=True)) + ")([(（])?")
    named: set[str] = set()

    def rename(match: re.Match[str], labelled: bool = False) -> str:
        unit, bracket = match.group(1), match.group(2) or ""
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

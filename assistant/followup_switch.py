"""Switching unit in a follow-up: "换成盘龙城经开区,它改了几项?" is the question asked of the unit named first;
a unit may be described instead of named: by its kind ("那个村呢"), by a word of its name and a pointer
("换成水务那家看看", "岳阳那个街道"), with what it does in front ("那个管疫苗的疾控中心呢"), or by what it does
or its level alone ("那个收粮的呢", "乡里那个中学"; see described_units.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.described_units import described_units
from assistant.units import UnitDirectory
from assistant.written_names import unit_of_kind
from index.lexical import normalize_for_search

# "那个管疫苗的疾控中心": a pointer and a clause ending in 的 in front of a unit's name describe it.
_DESCRIBED = re.compile(r"^(?:那么|那|换成|换到)?(?:个|家|所|位)[\u4e00-\u9fff]{1,10}?的$")
# "繁体字那个医保局呢", "新来的那家公交公司呢": words before a pointer in front of a unit's name (none of the name's
# own: those are taken as its name first) say how the user tells the unit apart, when nothing else is asked.
_SAID_BEFORE_POINTER = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:那个|那家|那所|那位)$")
_ONLY_SWITCH_AFTER = re.compile(r"^(?:呢|吧|怎么样|咋样|看看|那边)*\s*[?？。]?$")
# "开供销社那家呢", "搞审计局那个呢": a verb of what the unit does before its name, a pointer after it.
_DOING_BEFORE = re.compile(r"^(?:那么|那|换成|换到)?(?:开|搞|管|做|干|办|弄)$")
# "妇联那个公众号呢", "农业局的讲话呢": a publication channel after a unit's name is where the unit said it, not a topic.
_CHANNEL_AFTER = re.compile(
    r"^的?(?:那个|那篇|这个|这篇|那条)?(?:微信公众号|公众号|微信|网站|官网|文章|推文|讲话|发言)"
    r"(?:上|里|那篇|那个)?(?:呢|吧|怎么样|咋样|看看|那边)*\s*[?？。]?$")
_POINTER_THEN_SWITCH = re.compile(r"^的?(?:那个|那家|那所|这个|这家)(?:呢|吧|怎么样|咋样|看看|那边)*\s*[?？。]?$")
# A pointer between a word of a unit's name and its kind: "水务那家", "岳阳那个街道", "那个村".
_POINTER = re.compile(r"那个|那家|那所|这个|这家")
# One-character kinds a pointer makes a unit's ("那个村"); longer kinds need no pointer ("那个卫生院").
_ONE_CHAR_KINDS = frozenset("村镇乡县区市局院委厅校")
# "那个村呢,改完几个了": a clause naming the unit, then the question asked of it.
_LEAD_CLAUSE = re.compile(r"^([^,，。?？]+?)\s*[,，]\s*(?=\S)")

# "换成消防的", "搞红会那家呢", "那个红会呢": a switch, a pointer or a verb of what the unit does, a short name, and a
# pointer or 的 after it, with nothing else asked.
_SAID_SHORT = re.compile(
    r"^(?:那么|那|换成|换到|改成|换)?(?:那个|那家|个|家)?(?:开|搞|管|做|干|办|弄)?(?P<word>[\u4e00-\u9fff]{2,6}?)"
    r"(?:的|那个|那家|那边|这个|这家)?(?:呢|吧|看看)?\s*[?？。]?$")
_SWITCH_LEAD = re.compile(r"^(?:那么|那|换成|换到|改成|换|至于|再看看?|再说说?)\s*")
_SWITCH_LEAD_ONLY = re.compile(r"^(?:那么|那|换成|换到|改成|换|至于|再看看?|再说说?)?\s*$")
_PRONOUN_LEAD = re.compile(r"^(?:那么|那|它们|它|他们|该单位|这个单位)的?")


def units_as_written(question: str, directory: UnitDirectory) -> list[str]:
    """Units the question names, a section unit of a round notice by its own full name ("那县档案馆呢" is about
    柏川县档案馆, not the unit its notice is filed under), in order of first mention."""
    return list(dict.fromkeys(_section_named(question[b:e], u, directory) for b, e, u in directory.mentions(question)))


def _section_named(written: str, unit: str, directory: UnitDirectory) -> str:
    """The section unit a name as written stands for ("退役军人局" without its place too), else the unit found."""
    written = normalize_for_search(written)
    if written in directory.sections:
        return directory.sections[written]
    own = normalize_for_search(unit)
    ending = {full for name, full in directory.sections.items() if name.endswith(written)}
    if len(ending) == 1 and not own.endswith(written):
        return ending.pop()
    # "退役军人那个呢": a word of one section unit's name, not of the notice's own unit, is that section's unit.
    holding = {full for name, full in directory.sections.items() if written in name}
    return holding.pop() if len(holding) == 1 and len(written) >= 2 and written not in own else unit


def switch_then_ask(question: str, directory: UnitDirectory) -> str:
    """"换成盘龙城经开区,它改了几项?": the unit named first, then the question asked of it."""
    mentions = directory.mentions(question)
    if not mentions:
        return question
    begin, end, unit = mentions[0]
    lead = _SWITCH_LEAD.match(question[:begin])
    # the name as the user wrote it may run on past the mention ("盘龙城经开区")
    # "盘龙城呢 干部不够咋弄的": a space parts the switch from the question as a comma does
    rest = re.match(r"([\u4e00-\u9fff]{0,4}?)\s*(?:呢|那边|这边)?(?:\s*[,，]\s*|\s+)", question[end:])
    if lead is None or lead.end() != begin or rest is None or not question[end + rest.end() :].strip():
        return question
    asked = _PRONOUN_LEAD.sub("", question[end + rest.end() :])
    written = question[begin : end + len(rest.group(1))]
    # a nickname read as the unit only when asked on its own ("岳阳街道呢") is written out in full
    return written + asked if unit in directory.find_units(written + asked) else unit + asked


def without_description(question: str, directory: UnitDirectory) -> str:
    """"那个管疫苗的疾控中心呢" -> "那疾控中心呢": the words describing the unit named are no question of their own."""
    mentions = directory.mentions(question)
    if mentions and _DESCRIBED.match(question[: mentions[0][0]]):
        return "那" + question[mentions[0][0] :]
    if (mentions and _SAID_BEFORE_POINTER.match(question[: mentions[0][0]])
            and _ONLY_SWITCH_AFTER.match(question[mentions[0][1] :])):
        return "那" + question[mentions[0][0] :]
    if (mentions and _DOING_BEFORE.match(question[: mentions[0][0]])
            and _POINTER_THEN_SWITCH.match(question[mentions[0][1] :])):
        return f"那{question[mentions[0][0] : mentions[0][1]]}呢"
    if mentions and _SWITCH_LEAD_ONLY.match(question[: mentions[0][0]]) and _CHANNEL_AFTER.match(question[mentions[0][1] :]):
        return f"那{question[mentions[0][0] : mentions[0][1]]}呢"  # "妇联那个公众号呢"
    return question


def named_by_description(question: str, directory: UnitDirectory, residue: Callable[[str], str]) -> str:
    """The question with the held unit it describes named ("那个村呢,改完几个了" -> "那杏垭村呢,改完几个了"),
    or "" when it describes none or several; `residue` gives what a text asks once filler words are out."""
    lead = _LEAD_CLAUSE.match(question)
    for clause, rest in ([(lead.group(1), question[lead.end() :])] if lead else []) + [(question, "")]:
        kind = residue(clause)
        if unit := unit_of_kind(kind, directory):
            return f"那{unit}呢,{rest}" if rest else question.replace(kind, unit, 1)  # "那个卫生院呢"
        if unit := _pointed_unit(clause, kind, directory, residue):
            return f"那{unit}呢" + (f",{rest}" if rest else "")
    units, end = described_units(question, directory)  # "那个收粮的呢", "那个青禾的开发区纪律咋改的"
    if len(units) == 1:
        return f"那{units[0]}呢" + (f",{question[end:]}" if question[end:].strip() else "")
    said = _SAID_SHORT.match(question)  # "换成消防的", "搞红会那家呢": a short name as it would be asked on its own
    units = directory.find_units(f"那{said.group('word')}呢") if said else []
    return f"那{units[0]}呢" if len(units) == 1 else ""


def _pointed_unit(clause: str, words: str, directory: UnitDirectory, residue: Callable[[str], str]) -> str:
    """The one held unit that holds the words before a pointer and ends with those after it ("水务那家",
    "岳阳那个街道", "那个村"), when the clause asks nothing else; else ""."""
    pointer = _POINTER.search(clause)
    if pointer is None:
        return ""
    place, kind = residue(clause[: pointer.start()]), residue(clause[pointer.end() :])
    if words != place + kind or not (len(place) >= 2 or len(kind) >= 2 or kind in _ONE_CHAR_KINDS):
        return ""
    units = [u for u in directory.units if (not place or place in u) and u.endswith(kind) and u != kind]
    if not units and place:  # "退役军人那个呢": a word of a section unit's name, that section of a round notice
        units = sorted({s for s in directory.sections.values() if place in s and s.endswith(kind)})
    if not units and place and not kind:  # "信用社那个呢": a short form read as it would be asked on its own
        units = directory.find_units(f"{place}呢")
    return units[0] if len(units) == 1 else ""


# "那个开发区呢": a pointer and a kind word, which a clause naming the unit says again ("那个开发区呢 盘龙城").
_POINTER_KIND = re.compile(r"^(?:那么|那|换成|换到)?(?:那个|那家|这个|这家|那所)(?P<kind>[\u4e00-\u9fff]{1,5}?)(?:呢|吧)?$")


def without_restated_kind(question: str, directory: UnitDirectory) -> str:
    """"那个开发区呢 盘龙城" -> "盘龙城": a clause pointing at the kind of the one unit another clause names says
    nothing more."""
    clauses = [c for c in re.split(r"[\s,，]+", question.strip()) if c]
    units = directory.find_units(question)
    if len(clauses) < 2 or len(units) != 1:
        return question
    kept = [c for c in clauses if not ((m := _POINTER_KIND.match(c)) and not directory.find_units(c) and m.group("kind") in units[0])]
    return " ".join(kept) if kept and len(kept) < len(clauses) else question

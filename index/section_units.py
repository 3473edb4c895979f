"""Units of their own inside a notice: sections headed by another unit's name, with that unit's figures.

A bureau's notice may report its 局机关 and a subordinate centre in separate sections ("二、市档案服务中心
整改情况"), and a round's notice may give each inspected unit its own section ("（一）青岚镇"). Such a
section belongs to the unit its heading names; the notice's own unit stays the notice's. The sections are
found from how headings are worded (numbering, a unit's name ending in a kind word, an optional
"整改情况"), never from particular names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.documents import Chunk
from index.units import HAN, ORGANISATION_TYPES, plausible_unit_name, qualified_by_place

# A heading's numbering: 一、 二、 （一） (一) 1. 第一部分.
_NUMBERING = r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+部分[：:、]?)"
# Kinds a section's unit ends with: organisations, and the towns and villages a round's units are.
_KINDS = "|".join(sorted({*ORGANISATION_TYPES, "镇", "乡", "街道", "社区", "村", "站", "队", "社"}, key=len, reverse=True))
# 二、市档案服务中心整改情况 / （一）青岚镇 / 三、关于青岚镇: a numbered heading line that is a unit's name,
# or a numbered paragraph opening with one (（二）青岚镇：巡察反馈问题…).
_HEADING = re.compile(
    rf"^[ \t\u3000]*(?P<number>{_NUMBERING})[ \t\u3000]*(?:关于)?(?P<name>{HAN}{{2,24}}?(?:{_KINDS}))"
    r"(?:党委|党组|党支部|党总支)?(?:的)?(?:巡察)?(?:整改(?:落实|工作)?情况|整改)?(?:[ \t\u3000：:。]*$|[：:。])",
    re.MULTILINE,
)
# Any numbered heading line: where a unit's section ends when the next one opens.
_ANY_HEADING = re.compile(rf"^[ \t\u3000]*{_NUMBERING}", re.MULTILINE)
# A section reports the unit's own findings: a count of problems, what was fed back, or a completion rate.
_OWN_FINDINGS = re.compile(r"\d+\s*个(?:方面)?\d*个?问题|问题\d+\s*[个项]|反馈[^。\n]{0,12}\d|完成率")
# Words of a heading that name a part of the notice's own unit or a kind of work, not another unit.
_OWN_PART = re.compile(r"机关(?!事务)|本级|下一步|总体|基本|主要|工作|问题|措施|成效|情况")
_LEVELS = "省市州县区旗盟"
# A round's office signing the notice (县委巡察工作领导小组办公室, 市委巡察办, 第二巡察组): every unit it reports is
# one of the round's inspected units, the first included; the notice-wide totals are the round's.
_ROUND_PUBLISHER = re.compile(r"巡察(?:工作)?(?:领导小组)?(?:办公室|办)|巡[察视](?:第?[一二三四五六七八九十\d]+)?组$|领导小组办公室")
# How many closing lines may hold the signature.
_SIGNATURE_LINES = 4


@dataclass(frozen=True)
class SectionUnit:
    """A unit reported in its own section: its fullest written name, the names it goes by, and the section."""

    name: str
    names: tuple[str, ...]
    start: int
    end: int


def section_units(text: str, unit: str) -> list[SectionUnit]:
    """Sections headed by a unit other than the notice's own, each with that unit's own figures."""
    found: list[SectionUnit] = []
    round_notice = signed_by_round_office(text)
    for match in _HEADING.finditer(text):
        heading = match.group("name")
        if not _names_another_unit(heading, "" if round_notice else unit):
            continue
        end = _section_end(text, match, match.group("number"))
        # The unit is named outside its heading too (the opening lists the units the notice reports), maybe
        # without its place (芣X县Y局 headed, 县Y局 in the opening).
        rest = text[: match.start()] + text[match.end() :]
        named_elsewhere = any(name in rest for name in (heading, _without_place(heading)))
        own_findings = _OWN_FINDINGS.search(text, match.end(), end) or _figure_row(heading, text)
        if not named_elsewhere or not own_findings:
            continue
        name = _listed_with_place(heading, unit, text) or _fullest_name(heading, unit, text)
        bare = _without_place(heading)  # 县X局 and X局, as the round's own text and its readers call it
        # 县文化馆 goes by 文化馆 too: a four-character name without its level keeps three characters.
        short = bare[1:] if len(bare) == 4 and bare[0] in _LEVELS else bare
        forms = (name, heading, _without_level(heading), bare, _without_level(bare), short)
        names = tuple(dict.fromkeys(n for n in forms if len(n) >= 3))
        found.append(SectionUnit(name, names, match.start(), end))
    found = _last_paragraph_closed(found, text)
    # A round office's one unit section is no round: the notice is that unit's own.
    return found if not round_notice or len(found) > 1 else [s for s in found if not _is_notice_unit(s.name, unit)]


def _figure_row(name: str, text: str) -> bool:
    """Whether a table line opens with the unit's name followed by figures only ("甲村　6　5　1.20　0")."""
    return re.search(rf"^[ \t\u3000]*{re.escape(name)}(?:[ \t\u3000|｜]+[\d.]+%?){{2,}}[ \t\u3000|｜]*$", text, re.MULTILINE) is not None


def _listed_with_place(name: str, unit: str, text: str) -> str:
    """A village or community with the notice's town before it ("X镇甲村、乙村" in X镇's notice gives X镇乙村),
    when the text lists it after the town's name; else ""."""
    if not re.search(r"(?:镇|乡|街道)$", unit) or not re.search(r"(?:村|社区)$", name):
        return ""
    town = unit[max(i for i, char in enumerate(unit[:-1]) if char in _LEVELS) + 1 :] if any(c in _LEVELS for c in unit[:-1]) else unit
    listed = re.search(rf"{re.escape(town)}(?:{HAN}{{2,8}}?(?:村|社区)、)*{re.escape(name)}", text)
    return unit + name if listed else ""


def _last_paragraph_closed(found: list[SectionUnit], text: str) -> list[SectionUnit]:
    """Units reported one paragraph each: the last one's section ends with its paragraph, not at the notice's
    end (a closing "下一步…" paragraph speaks of all of them)."""
    if len(found) < 2 or any("\n" in text[s.start : s.end].strip() for s in found[:-1]):
        return found
    last = found[-1]
    end = text.find("\n", last.start, last.end)
    return found if end == -1 else [*found[:-1], replace(last, end=end)]


def signed_by_round_office(text: str) -> bool:
    """Whether the notice is signed by a round's office or group (巡察办, 巡察工作领导小组办公室, 巡察组)."""
    closing = [line.strip() for line in text.strip().splitlines() if line.strip()][-_SIGNATURE_LINES:]
    return any(_ROUND_PUBLISHER.search(line) and len(line) <= 30 for line in closing)


def _is_notice_unit(name: str, unit: str) -> bool:
    core = _without_level(name)
    return bool(unit) and (core in unit or unit.endswith(core))


def _without_place(name: str) -> str:
    """A unit's name from its level on (芣X县Y局 -> 县Y局), as a notice naming its own place's units writes it."""
    cut = next((i for i, char in enumerate(name[:-3]) if i and char in _LEVELS), 0)
    return name[cut:]


def _names_another_unit(heading: str, unit: str) -> bool:
    """Whether a heading's name reads as a unit's name and is not the notice's own unit or a part of it."""
    return (
        plausible_unit_name(heading)
        and _OWN_PART.search(heading) is None
        and not _is_notice_unit(heading, unit)
    )


def _section_end(text: str, heading: re.Match[str], number: str) -> int:
    """Where the next heading numbered like this one opens, else the notice's end."""
    same_kind = re.escape(number[0]) if number[0] in "（(第" else r"[一二三四五六七八九十]" if number[0] in "一二三四五六七八九十" else r"\d"
    for following in _ANY_HEADING.finditer(text, heading.end()):
        if re.match(rf"[ \t\u3000]*{same_kind}", following.group(0)):
            return following.start()
    return len(text)


def _without_level(name: str) -> str:
    """A bare organ's name without its level (市档案服务中心 -> 档案服务中心); a level character opening a word
    (市场监督管理局, 区域…) is no level."""
    level_word = re.match(r"市场|区域|县域|市域|省级", name)
    return name[1:] if len(name) > 4 and name[0] in _LEVELS and not level_word else name


def _fullest_name(heading: str, unit: str, text: str) -> str:
    """The heading's unit with the notice unit's place when the text writes it so (市X中心 -> 某某市X中心);
    a bare organ in a place's own notice (县X局 in 青禾县's round) is that place's."""
    core = _without_level(heading)
    for cut in range(len(unit), 0, -1):
        place = unit[:cut]
        if place[-1] not in _LEVELS:
            continue
        if (form := place + core) in text and cut < len(unit):
            return form
        if heading[0] == place[-1] and ((form := place + heading[1:]) in text or cut == len(unit)):
            return form
    return qualified_by_place(heading, text)


def with_section_units(chunks: list[Chunk], text: str, unit: str) -> list[Chunk]:
    """Chunks cut where a unit's section opens or ends, each piece labelled with the unit whose section holds
    it; the rest keep the notice's unit (a short notice's one chunk becomes one per unit)."""
    sections = section_units(text, unit)
    if not sections:
        return chunks
    cuts = sorted({edge for s in sections for edge in (s.start, s.end)})
    pieces: list[Chunk] = []
    for chunk in chunks:
        edges = [chunk.start, *(c for c in cuts if chunk.start < c < chunk.end), chunk.end]
        for start, end in zip(edges, edges[1:]):
            if text[start:end].strip() and not any(p.start == start and p.end == end for p in pieces):
                owner = next((s.name for s in sections if s.start <= start < s.end), chunk.unit)
                pieces.append(replace(chunk, ordinal=len(pieces), text=text[start:end], start=start, end=end, unit=owner))
    return pieces

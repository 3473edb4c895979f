"""The group that carried out an inspection (区委第三巡察组), as a notice names it."""

from __future__ import annotations

import re
from collections import Counter

from index.documents import SourcedValue

# 区委第三巡察组, 市委第二联动巡察组, 区委巡察第三组, 县委巡察二组, 中央第六巡视组, 市委第巡察组 (numeral lost), 巡察组.
INSPECTING_GROUP = re.compile(
    r"(?P<organ>中央|自治区党委|(?:自治区|省|市|州|区|县|旗|盟)委|党委|党组)?"
    r"(?:第(?P<numeral>[一二三四五六七八九十〇零\d]*))?(?:联动|专项|机动|提级)?"
    r"(?P<kind>巡察|巡视)(?:第?(?P<numeral2>[一二三四五六七八九十\d]+))?组(?!织)"
)
# "棠溪农商银行党委第一巡察组": a party committee or group with no level is its organisation's, written right before it.
_OWN_ORGANISATION = re.compile(r"(?:按照|根据|[由经对在向])?([\u4e00-\u9fff]{2,12}(?:银行|集团|公司|大学|学院|医院|学校|中心))$")
_OWN_ORGANISATION_CHARS = 14  # the longest organisation name looked back for (a city's bank or group and its kind)
INSPECTION_VERB = re.compile(r"[^。;；\n]{0,60}?(?:对|进驻|向)[^。;；\n]{1,60}?(?:进行|开展|反馈)")


def find_inspecting_body(text: str) -> SourcedValue | None:
    """The group that carried out the inspection (区委第三巡察组), completed if written without its number."""
    groups = list(INSPECTING_GROUP.finditer(text))
    if not groups:
        return None
    in_sentence = [g for g in groups if INSPECTION_VERB.match(text, g.end())]
    chosen = (in_sentence or [g for g in groups if _numbered(g)] or groups)[0]
    if not _numbered(chosen):
        chosen = _complete_form(chosen, groups) or chosen
    start = chosen.start()
    if chosen.group("organ") in ("党委", "党组"):
        clause = re.split(r"[^\u4e00-\u9fff]", text[max(0, start - _OWN_ORGANISATION_CHARS):start])[-1]
        if own := _OWN_ORGANISATION.search(clause):
            start -= len(own.group(1))
    return SourcedValue(text[start:chosen.end()], start, chosen.end())


def _numbered(group: re.Match[str]) -> bool:
    return bool(group.group("numeral") or group.group("numeral2"))


def _complete_form(incomplete: re.Match[str], groups: list[re.Match[str]]) -> re.Match[str] | None:
    """The numbered mention that an incomplete one (市委第巡察组, 巡察组) stands for, if unambiguous."""
    organ, kind = incomplete.group("organ"), incomplete.group("kind")
    matching = [
        g for g in groups
        if _numbered(g) and g.group("kind") == kind and (g.group("organ") == organ or organ is None)
    ]
    counts = Counter(g.group(0) for g in matching)
    if not counts or (organ is None and len(counts) > 1):
        return None  # a bare 巡察组 with several numbered groups in the text stays as written
    best = counts.most_common(1)[0][0]
    return next(g for g in matching if g.group(0) == best)

"""Attribution lines of a page (（责任编辑：X镇党政综合办公室）, 供稿：X街道办, 来源：X局办公室): the unit whose office writes them.

A notice posted on a website often names its unit nowhere but in the line saying which office supplied or edited
it. The office (办公室, 党政办, 综合办…) belongs to the unit, so the unit is the name with the office taken off.
A person ("编辑：张某") or a website, discipline body or newsroom (NOT_A_SOURCE_UNIT) names no unit.
"""

from __future__ import annotations

import re

from index.units import NOT_A_SOURCE_UNIT, unit_from_issuer, unit_type

# The label of an attribution, at a line's start, after a bracket or a gap on a byline ("时间：…　　来源：…").
ATTRIBUTION_LABEL = (r"(?:责任编辑|编辑|供稿单位|供稿|稿件来源|信息来源|来源|审核|审稿|初审|复审|终审|校对|撰稿|"
                     r"发布单位|发布机构)")
_ATTRIBUTION = re.compile(
    rf"(?:^|(?<=[ \t\u3000(（\[【]))[ \t]*{ATTRIBUTION_LABEL}[ \t]*[:：][ \t]*([^\s()（）\[\]【】:：|｜]+)",
    re.MULTILINE,
)
# A line made of attributions only, in brackets or not ("（责任编辑：X办公室）", "审核：X 编辑：Y"): page furniture.
ATTRIBUTION_ONLY_LINE = re.compile(
    rf"^[\s(（\[【]*(?:{ATTRIBUTION_LABEL}[ \t]*[:：][^\n:：]*?[\s)）\]】]*)+$"
)
# A page's own fields, with their labels ("发布时间: 2025-05-28 信息来源:X 访问量:0 保护视力色:", "- 浏览次数:"):
# when and where it was posted and how often read, never what the notice says.
_PAGE_LABEL = (rf"(?:{ATTRIBUTION_LABEL}|发布时间|发布日期|更新时间|访问量|访问次数|浏览量|浏览次数|点击量|点击数|点击率|阅读量|"
               r"阅读数|阅读次数|作者|字体大小|字体|字号|保护视力色|视力保护色)")
PAGE_FIELDS_LINE = re.compile(rf"^[\s\-•·*(（\[【]*(?:{_PAGE_LABEL}[ \t\u3000]*[:：](?:\d{{1,2}}[:：]\d{{2}}|[^\n:：])*?[\s)）\]】]*)+$")
# The unit's office written after its name ("党政综合办公室", "局办公室", "街道办"): what writes for the unit.
_OFFICE = re.compile(r"(?:党政综合办公室|党政办公室|综合办公室|党政综合办|党政办|综合办|党建办|办公室|宣传办)$")
_STREET_OFFICE = re.compile(r"(街道)办$")  # "X街道办" is the street's own office (街道办事处)


def attributed_units(text: str) -> list[tuple[str, int]]:
    """The units named by the text's attribution lines, each with its offset ("薤岭县苇口镇" of
    "（责任编辑：薤岭县苇口镇党政综合办公室）")."""
    found = []
    for match in _ATTRIBUTION.finditer(text):
        name = match.group(1)
        if NOT_A_SOURCE_UNIT.search(name):
            continue
        unit = _STREET_OFFICE.sub(r"\1", _OFFICE.sub("", name))
        if unit != name or unit_type(unit):  # an office taken off, or a unit's own name: no person, no website
            unit = unit_from_issuer(unit, need_organ=False)
            if unit and unit_type(unit):
                found.append((unit, match.start(1)))
    return found


def is_attribution_line(line: str) -> bool:
    """Whether a line holds nothing but attributions ("（责任编辑：X办公室）", "编辑：张某　审核：李某") or the page's own
    fields ("发布时间:… 访问量:0"), never an answer."""
    stripped = line.strip()
    return bool(ATTRIBUTION_ONLY_LINE.match(stripped) or PAGE_FIELDS_LINE.match(stripped)) if stripped else False

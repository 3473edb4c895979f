"""The unit a notice's title names: its issuing organ, or the unit the title says was inspected."""

from __future__ import annotations

import re

from index.units import HAN, unit_from_issuer, unit_type

PARTY_ORGANS = "工作委员会|委员会|党工委|党委|党组|党总支|党支部"
# 中共X委员会/党委/党组, 中共X区委: a party organ written with its full name.
PARTY_ORGAN = re.compile(
    rf"(?:中国共产党|中共)({HAN}{{2,30}}?(?:工作委员会|委员会|党工委|党委|党组)"
    rf"|{HAN}{{1,20}}?[区县市旗盟省]委(?!员))"
)
# 关于X党委…: the organ after 关于.
_ORGAN_AFTER_GUANYU = re.compile(rf"{HAN}{{2,30}}?(?:工作委员会|委员会|党工委|党委|党组|[区县市旗]委(?!员))")
# 关于柳林镇巡察整改进展情况的通报: a name with its type word, no organ.
_NAME_BEFORE_TOPIC = re.compile(rf"({HAN}{{2,30}}?)(?:贯彻落实|整改落实|落实|巡察|巡视)")
# A title without 关于 that opens with its unit: "柳林镇党委巡察整改进展情况通报", "X中学巡察整改情况的通报".
_UNIT_BEFORE_TOPIC = re.compile(
    rf"({HAN}{{2,30}}?(?:{PARTY_ORGANS})?)(?:(?:巡察|巡视)(?:整改|反馈意见整改|反馈问题整改)|整改落实|落实(?:巡察|巡视))"
)
# 关于十五届县委第三轮巡察柳林镇党委整改情况的通报: the unit the title says was inspected.
_INSPECTED_IN_TITLE = re.compile(
    rf"(?:巡察|巡视)(?:对)?({HAN}{{2,30}}?)(?:{PARTY_ORGANS})(?:的)?(?:整改|反馈|情况|工作|意见)"
)

# A column tag before a news headline ("【巡察整改】", "[工作动态]"): no part of the title's wording.
_COLUMN_TAG = re.compile(r"^\s*(?:【[^】\n]{1,30}】|\[[^\]\n]{1,30}\])\s*")
# A news headline opening with its unit and a colon ("柳林镇：三色标注助推整改清零").
_UNIT_COLON = re.compile(rf"^({HAN}{{2,20}}?)[:：]")


def title_issuer(title: str) -> str:
    """The issuing organ of a title ("X党委关于…的通报" -> "X党委"; "关于X党委…" -> "X党委"), or the
    unit it names ("关于柳林镇巡察整改…", "柳林镇党委巡察整改情况通报", "关于…巡察柳林镇党委整改…")."""
    title = _COLUMN_TAG.sub("", title)
    if (match := _UNIT_COLON.match(title)) and unit_from_issuer(match.group(1), need_organ=True):
        return match.group(1)
    head, found, tail = title.partition("关于")
    if found and head.strip():
        return head.strip()
    if not found:
        match = _UNIT_BEFORE_TOPIC.match(title)
        return match.group(1) if match and unit_from_issuer(match.group(1), need_organ=True) else ""
    for pattern in (PARTY_ORGAN, _ORGAN_AFTER_GUANYU):
        match = pattern.match(tail)
        if match and unit_from_issuer(match.group(0), need_organ=True):
            return match.group(0)
    match = _NAME_BEFORE_TOPIC.match(tail)
    if match and unit_type(match.group(1)) and unit_from_issuer(match.group(1), need_organ=True):
        return match.group(1)
    match = _INSPECTED_IN_TITLE.search(tail)
    return match.group(1) if match and unit_from_issuer(match.group(1), need_organ=False) else ""

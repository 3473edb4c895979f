"""The place a notice states where it says who publishes it: its byline, 来源 line, signature or headline.

A news item or a page about a county's or city's bureau often writes the bureau without its place
("县农业农村局", "市卫生健康局") and states the place once, where it says who publishes: the media
centre's byline ("芩溪县融媒体中心讯", "来源:芩溪县融媒体中心 记者…"), the signature, or a headline
that writes the bureau's short name with its place ("芩溪县农业局:…"). A bare organ is of that place
when those lines name exactly one place of its level.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from index.places import NOT_A_NAME_START, NOT_IN_PLACE_NAMES
from index.units import HAN, chars_in_order

# A publisher written as a place's committee, government, people's congress or media
# ("菡池区委巡察办", "中共X县委…", "X县融媒体中心", "X市广播电视台", "X县人民政府网").
_PUBLISHER_PLACE = re.compile(
    rf"^(?:中共)?({HAN}{{2,6}}?)([省市州县区旗盟])"
    r"(?:委(?!员)|人民政府|政府|纪委|人大|政协|融媒体中心|融媒|广播电视台|电视台|新闻中心|日报|新闻网|发布)"
)
# A line saying where the item comes from or who publishes it; its first word is the publisher
# ("来源:芩溪县融媒体中心 记者 某某 2025年4月3日"), also after a date on the same byline line.
_SOURCE_LABEL = re.compile(
    r"(?:^|(?<=[ \t\u3000]))[ \t]*(?:来源|稿源|供稿|出处|转自|转载自|信息来源|发布单位|发布机构)[ \t]*[:：]\s*(\S+)",
    re.MULTILINE,
)
# A news lead naming the media that reports ("芩溪县融媒体中心讯(记者…)", "据芩溪县融媒体中心消息").
_NEWS_LEAD = re.compile(rf"^\s*[(（【]?据?({HAN}{{2,20}}?)(?:讯|消息)", re.MULTILINE)
# A date written after an organ on its label or signature line ("柳林镇党委 2024年5月6日").
DATE_AFTER = re.compile(
    r"[ \t]+(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$"
)
# A headline opening with a place and a unit's name ("芩溪县农业局:巡察整改取得阶段成效").
_HEADLINE_PLACE = re.compile(rf"^(?:中共)?({HAN}{{2,6}}?)([省市州县区旗盟])({HAN}{{2,20}})")


def closing_lines(text: str) -> list[tuple[str, int]]:
    """The short last lines of a notice that can hold the issuer's signature, with their offsets."""
    lines: list[tuple[str, int]] = []
    offset = len(text)
    for line in reversed(text.splitlines(keepends=True)):
        offset -= len(line)
        stripped = DATE_AFTER.sub("", line.strip())
        if stripped:
            lines.append((stripped, offset + line.index(stripped)))
        if len(lines) >= 6:
            break
    return [(line, pos) for line, pos in lines if len(line) <= 40 and re.fullmatch(f"{HAN}+", line)]


def publisher_place(text: str, level: str, title: str = "", unit: str = "") -> str:
    """The one place of the level ("县") that the notice's source lines, news lead, signature or headline
    name ("来源:菡池区委巡察办" -> 菡池区), or "" when they name none or several."""
    publishers = [m.group(1) for pattern in (_SOURCE_LABEL, _NEWS_LEAD) for m in pattern.finditer(text)]
    publishers += [line for line, _ in closing_lines(text)]
    places = {m.group(1) + level for name in publishers if (m := _PUBLISHER_PLACE.match(name)) and m.group(2) == level}
    if (headline := _headline_place(title or _first_line(text), level, unit)):
        places.add(headline)
    places = {place for place in places if _reads_as_place(place)}
    return places.pop() if len(places) == 1 else ""


def file_name_place(file_name: str, level: str, unit: str) -> str:
    """The place a file name writes before the unit's name or a short form of it ("n08_台州市卫生健康委…" for
    市卫生健康委): people save a page under a name that says whose it is when the page itself does not."""
    places = {place for run in re.findall(rf"{HAN}+", PurePath(file_name).stem)
              if (place := _headline_place(run, level, unit)) and _reads_as_place(place)}
    return places.pop() if len(places) == 1 else ""


def _headline_place(title: str, level: str, unit: str) -> str:
    """The place a headline writes before the unit's name or a short form of it (芩溪县 + 农业局 of
    县农业农村局), or ""."""
    match = _HEADLINE_PLACE.match(title)
    if not match or match.group(2) != level or not unit.startswith(level):
        return ""
    name, words = unit[1:], match.group(3)
    for end in range(len(words), 1, -1):  # the headline goes on after the name ("…局巡察整改")
        if words[end - 1] == name[-1] and (words[:end] == name or chars_in_order(words[:end], name)):
            return match.group(1) + level if words[0] == name[0] else ""
    return ""


def _first_line(text: str) -> str:
    """The text's first non-empty line when it is short enough for a headline, else "" (a news item's
    headline is often not taken for a notice's title)."""
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= 40 and "。" not in line else ""


def _reads_as_place(place: str) -> bool:
    """Whether a found place reads as a name (not 全县, not a verb glued to the level word)."""
    core = place[:-1]
    return core[0] not in NOT_A_NAME_START and not NOT_IN_PLACE_NAMES.search(core)

"""A kind word set among the units a question names ("食堂 街道和中医院都咋回事", "交投 医院 镇上各查了多少") stands
for the held units of that kind: the one held is named; two or three held are all named and the answer says so.

A kind word names units only beside another unit or kind word (a comparison or a list), or after 那 in a follow-up
("那街道呢"); asked with 哪些/几个 it asks for the kind itself (unit_kinds.py), and a level holding units (区, 县)
is never read so.
"""

from __future__ import annotations

import re

from assistant.counted_kinds import name_counted_kinds
from assistant.unit_kinds import ASKED_KINDS, units_of_kinds
from assistant.units import UnitDirectory

# How a kind is said, and the kind unit_kinds.py reads it as ("镇上"/"镇里": the town).
_SAID_KINDS = {
    "中医院": "中医院", "医院": "医院", "卫生院": "医院", "学院": "高校", "大学": "高校", "中学": "中学", "小学": "小学",
    "学校": "学校", "街道上": "街道", "街道里": "街道", "街道": "街道", "镇上": "镇", "镇里": "镇", "乡上": "乡", "乡里": "乡",
    "镇": "镇", "乡": "乡", "开发区": "开发区", "经开区": "开发区", "高新区": "开发区",
}
_WORDS = "|".join(sorted(_SAID_KINDS, key=len, reverse=True))
_APART = r"[\s、,，和与跟及比]"
# A kind word set apart: after the question's start, a separator, a joiner or 那; before a joiner, a separator or
# what is asked of each (各, 都, 分别, 呢, 一共, 那个), or anything when it ends a list ("审计局、街道处分几人").
_KIND_WORD = re.compile(rf"(?:^|(?<={_APART})|(?<=那))(?P<word>{_WORDS})")
_ASKED_AFTER = re.compile(rf"{_APART}|各|都|分别|呢|俩|两[个家]|一共|合计|加|那个|$")
_LISTED = "、和与跟及"


def name_kinds(question: str, directory: UnitDirectory, max_units: int) -> tuple[str, str]:
    """The question with counted kinds ("两个局") and kind words among named units ("街道和中医院") written as the
    held units they stand for, and a note saying how each was read ("" when none was)."""
    question, counted = name_counted_kinds(question, directory)
    question, said = name_kind_words(question, directory, max_units)
    return question, " ".join(filter(None, [counted, said]))


def name_kind_words(question: str, directory: UnitDirectory, max_units: int) -> tuple[str, str]:
    """The question with each kind word set among other named units, or after 那, written as the held units of that
    kind (up to `max_units` of them), and a note saying how each was read."""
    if ASKED_KINDS.search(question):
        return question, ""  # "哪几家医院": the kind itself is asked
    named = directory.mentions(question)
    words = [m for m in _KIND_WORD.finditer(question) if _set_apart(question, m)]
    words = [m for m in words if not any(b < m.end() and m.start() < e for b, e, _ in named)]
    notes = []
    for match in reversed(words):
        beside = len(named) + len(words) >= 2 or question[max(0, match.start() - 1) : match.start()] == "那"
        held = units_of_kinds([_SAID_KINDS[match.group("word")]], directory.units)
        if not beside or not 1 <= len(held) <= max_units:
            continue
        question = question[: match.start()] + "和".join(held) + question[match.end() :]
        word = match.group("word")
        notes.append(f"“{word}”按{held[0]}理解。" if len(held) == 1
                     else f"库中有{len(held)}个单位可称“{word}”,以下按{'、'.join(held)}分别回答。")
    return question, "".join(reversed(notes))


def _set_apart(question: str, match: re.Match[str]) -> bool:
    """Whether the kind word stands apart from the words after it: asked of ("街道和…", "街道各…"), or ending a list
    ("审计局、街道处分几人"); a one-character kind ("镇") only between separators ("审计局、镇、医院")."""
    if len(match.group("word")) == 1:
        return bool(re.match(rf"{_APART}|$", question[match.end() :]))
    listed = match.start() > 0 and question[match.start() - 1] in _LISTED
    return listed or bool(_ASKED_AFTER.match(question, match.end()))

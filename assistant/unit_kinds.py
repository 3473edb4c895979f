"""Kinds of unit a question asks about ("哪几家中医院", "哪些乡镇、街道", "哪些学校"), and the held units of each.

A kind narrows a question across units to the units whose names are of that kind, as the user's own
selection of units would: "哪些街道清退了补贴?" looks only at 街道, "哪些乡镇追回的钱超过10万?" ranks
only 乡镇. A question about the kind alone ("库里有哪几家中医院?", "有哪些乡镇被巡察了?") lists them.
Kinds are read from unit names' endings, as notices name units, never from particular units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# (the words a question uses for a kind, what a unit's name ends with or holds to be of it)
KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (asked, re.compile(name))
    for asked, name in (
        ("中医院|中医医院", r"中医(?:医)?院"),
        ("医院", r"医院|卫生院"),
        ("乡镇", r"[乡镇]$"),
        ("镇", r"镇$"),
        ("乡", r"乡$"),
        ("街道|街道办", r"街道(?:办事处)?$"),
        ("中学", r"中学$"),
        ("小学", r"小学$"),
        ("高校|大学", r"大学$|学院$"),
        ("学校", r"中学$|小学$|学校$|学院$|大学$"),
        ("国企|国有企业|企业|公司", r"公司$|集团$"),
        ("区县|县区", r"[区县縣]$"),
    )
)
_KIND_WORDS = "|".join(asked for asked, _ in KINDS)
KIND_WORDS = re.compile(_KIND_WORDS)
_ASKING = r"(?:哪些|哪几[个家所]?|哪[个家所]|几[个家所]|有没有|多少[个家所]?|所有的?|全部的?)"
# "哪几家中医院", "哪些乡镇、街道": an asking word, then one kind or several joined by 、/和/或.
ASKED_KINDS = re.compile(rf"{_ASKING}(?P<kinds>(?:{_KIND_WORDS})(?:[、和或及与](?:{_KIND_WORDS}))*)")
# What a question about the kind alone holds besides it: where the units are, and that they were inspected.
_NOTHING_ELSE = re.compile(
    rf"{_ASKING}|{_KIND_WORDS}|[、和或及与]|库里|资料库里?|系统里|这里|里面|通报|单位|被|接受了?|巡[察视]过?了?|"
    r"[有是了的都吗呢么啊?？,，。!！\s]"
)


def asked_kinds(question: str) -> list[str]:
    """The kinds of unit a question asks about, as worded ("中医院", "乡镇"); empty when none."""
    match = ASKED_KINDS.search(question)
    return re.findall(_KIND_WORDS, match.group("kinds")) if match else []


def units_of_kinds(kinds: Sequence[str], units: Sequence[str]) -> list[str]:
    """The units whose names are of any of the kinds, in directory order."""
    patterns = [next(name for asked, name in KINDS if re.fullmatch(asked, word)) for word in kinds]
    return [unit for unit in units if any(pattern.search(unit) for pattern in patterns)]


def about_the_kind_only(question: str) -> bool:
    """"库里有哪几家中医院?", "有哪些乡镇、街道被巡察了?": the question asks for the units of a kind, nothing more."""
    return bool(asked_kinds(question)) and not _NOTHING_ELSE.sub("", question)

"""Kinds of unit a question asks about ("哪几家中医院", "哪些乡镇、街道", "哪些学校"), and the held units of each.

A kind narrows a question across units to the units whose names are of that kind, as the user's own
selection of units would: "哪些街道清退了补贴?" looks only at 街道, "哪些乡镇追回的钱超过10万?" ranks
only 乡镇. A question about the kind alone ("库里有哪几家中医院?", "有哪些乡镇被巡察了?") lists them.
Kinds are read from unit names' endings, as notices name units, never from particular units.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.script_forms import simplified_characters

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
        ("中学", r"中学$|[一二三四五六七八九十]中$"),  # "青岚一中": a school by its number
        ("小学", r"小学$|[一二三四五六七八九十]小$"),
        ("高校|大学", r"大学$|学院$"),
        ("学校", r"中学$|小学$|学校$|学院$|大学$|[一二三四五六七八九十][中小]$"),
        ("国企|国有企业|企业|公司", r"公司$|集团$"),
        ("开发区|经开区|高新区|园区", r"开发区$|经开区$|高新区$|园区$|集聚区$|示范区$"),
        ("卫健委|卫生健康委员会|卫生健康委|卫健局|卫生健康局", r"卫健|卫生健康|衛生健康"),
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
    rf"{_ASKING}|{_KIND_WORDS}|[、和或及与]|(?:资料|材料|数据)?库里|(?:资料|材料)里?|系统里|这里|里面|通报|单位|被|接受了?|巡[察视]过?了?|"
    r"[有是了的都吗呢么啊?？,，。!！\s]"
)


def asked_kinds(question: str) -> list[str]:
    """The kinds of unit a question asks about, as worded ("中医院", "乡镇"); empty when none."""
    match = ASKED_KINDS.search(question)
    return re.findall(_KIND_WORDS, match.group("kinds")) if match else []


def units_of_kinds(kinds: Sequence[str], units: Sequence[str]) -> list[str]:
    """The units whose names are of any of the kinds, in directory order."""
    patterns = [next(name for asked, name in KINDS if re.fullmatch(asked, word)) for word in kinds]
    # A unit a mirror page names in traditional script (宣城市中心醫院) is of its kind all the same.
    return [unit for unit in units if any(pattern.search(simplified_characters(unit)) for pattern in patterns)]


def about_the_kind_only(question: str) -> bool:
    """"库里有哪几家中医院?", "有哪些乡镇、街道被巡察了?": the question asks for the units of a kind, nothing more."""
    return bool(asked_kinds(question)) and not _NOTHING_ELSE.sub("", question)


# A question asking for units: "哪些单位", "哪几家", "谁家".
ASKING_UNITS = re.compile(rf"{_ASKING}(?:单位|家)?|谁家?")
# "接受的是巡视,不是巡察", "巡察而非巡视": one kind of inspection asked for, the other denied.
_DENIED = r"(?:不是|而不是|而非|并非|没有|不)[^,，。?？]{0,3}?"
_INSPECTIONS = (("巡视", "巡察"), ("巡察", "巡视"))
# "哪些单位是巡视?", "哪几家是被巡视的": a copula before one kind, the question asking nothing else.
_IS_KIND = r"(?:是|属于)(?:被|接受的?)?(?:中央|省委|市委|县委|区委)?{kind}的?(?:单位)?(?:呢|吗)?[?？。]?$"


def asked_inspecting_organ(question: str) -> str:
    """The organ that sent the inspection, when the question names it ("哪些单位是省委巡视的?": 省委), else ""."""
    found = re.search(r"(中央|省委|市委|县委|区委)(?:的)?巡[察视]", question)
    return found.group(1) if found else ""


def asked_inspection_kind(question: str) -> str:
    """巡视 or 巡察 when the question asks which units underwent that kind of inspection, as opposed to the
    other ("接受的是巡视,不是巡察"); "" otherwise (a question merely mentioning 巡察 asks about no kind)."""
    if not ASKING_UNITS.search(question):
        return ""
    for kind, other in _INSPECTIONS:
        denied = re.search(rf"{_DENIED}{other}", question)
        affirmed = [m for m in re.finditer(kind, question) if not re.search(rf"{_DENIED}$", question[: m.start()])]
        if denied and affirmed:
            return kind
        if re.search(_IS_KIND.format(kind=kind), question) and other not in question:
            return kind
    return ""

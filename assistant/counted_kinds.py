"""A count of a kind of unit standing for the held units of that kind: "意识形态那块两个局咋改的" with exactly
two bureaus held is asked of both; with another number held, or units named beside the count ("A和B这俩镇"),
the count names no unit and nothing is guessed."""

from __future__ import annotations

import re

from assistant.unit_names import UNIT_SUFFIX_WORDS
from assistant.units import UnitDirectory
from index.figures import parse_chinese_number

# The kind is a type word ("局") or an organ's short name ending in one ("国资委", "卫健委": "两个卫健委").
_KIND = re.compile(rf"[\u4e00-\u9fff]{{0,2}}{UNIT_SUFFIX_WORDS}")
_FEW = {"俩": 2, "仨": 3}  # counts with their measure word built in ("这俩镇")
# "两个局", "三家医院", "这俩镇": a count, its measure word, a kind of unit, then the rest of the question.
_COUNTED_KIND = re.compile(
    r"(?<![\d一二两三四五六七八九十几])(?:这|那)?(?P<count>[两二三四五]|[2-5])\s*(?:个|家|所)(?P<kind>[\u4e00-\u9fff]{1,3}?)"
    r"(?=的|都|各|分别|咋|怎|如何|谁|哪|呢|在|有|从|[\s,，?？。]|$)"
    r"|(?:这|那)(?P<few>俩|仨)(?P<few_kind>[\u4e00-\u9fff]{1,3}?)(?=的|都|各|分别|咋|怎|如何|谁|哪|呢|在|有|[,，?？。]|$)"
)


def name_counted_kinds(question: str, directory: UnitDirectory) -> tuple[str, str]:
    """The question with each "两个局" naming exactly that many held units of the kind written as those units,
    and a note saying how it was read ("" when nothing was)."""
    if directory.mentions(question):
        return question, ""  # "金鸡滩和茂租这俩镇": the count only sums up the units named
    notes = []
    for match in reversed(list(_COUNTED_KIND.finditer(question))):
        written = match.group("count") or match.group("few")
        kind = match.group("kind") or match.group("few_kind")
        count = _FEW.get(written) or parse_chinese_number(written)
        if not _KIND.fullmatch(kind):
            continue  # "两个方面", "三个问题": a count of something else
        held = [unit for unit in directory.units if unit.endswith(kind)]
        if len(held) != count:
            continue  # more or fewer held than counted: which ones is not said
        question = question[: match.start()] + "和".join(held) + question[match.end() :]
        notes.append(f"“{match.group(0)}”按{'、'.join(held)}理解。")
    return question, "".join(reversed(notes))

"""Questions for the query benchmark over the synthetic corpus: about one unit, about no unit, across units."""

from __future__ import annotations

import random
from collections.abc import Sequence

SINGLE_UNIT_QUESTIONS = (
    "{unit}清退了多少违规发放的津补贴?",
    "{unit}挽回经济损失多少万元?",
    "{unit}是哪个巡察组巡察的?什么时候反馈的?",
    "{unit}在公务用车管理方面做了哪些整改?",
    "{unit}有多少个问题已整改到位?",
    "{unit}受理了多少件巡察移交的问题线索?",
    "{unit}对软弱涣散党组织是怎么整顿的?",
    "{unit}新制定了多少项制度?",
)
UNSCOPED_QUESTIONS = (
    "违规发放津补贴问题是如何整改的?",
    "公务用车管理不规范是怎样整改的?",  # not "有哪些": the retriever reads 哪些 as a question across units
    "固定资产未入账问题怎么整改?",
    "工程项目未经招标直接发包的问题如何处理?",
    "重复信访件是怎么化解的?",
)
# Each "which units…" question with the phrase only the notices of its (occasional) theme contain:
# the units whose notices contain it are the known answer.
ACROSS_UNIT_QUESTIONS = (
    ("哪些单位清退了违规发放的津补贴?", "津补贴"),
    ("哪些单位存在固定资产未入账的问题?", "固定资产"),
    ("哪些单位对软弱涣散党组织进行了整顿?", "软弱涣散"),
    ("哪些单位的通报提到了违规公务接待?", "接待"),
    ("哪些单位开展了违法建设整治?", "违法建设"),
)


def answering_units(question: str, units_and_texts: Sequence[tuple[str, str]]) -> set[str]:
    """The known answer to one of ACROSS_UNIT_QUESTIONS: units with a notice containing its phrase."""
    phrase = dict(ACROSS_UNIT_QUESTIONS)[question]
    return {unit for unit, text in units_and_texts if phrase in text}


def sample_questions(units: Sequence[str], count: int, seed: int = 0) -> dict[str, list[str]]:
    """count questions of each kind: about one named unit, naming no unit, and across all units."""
    rng = random.Random(seed)
    return {
        "single-unit": [rng.choice(SINGLE_UNIT_QUESTIONS).format(unit=rng.choice(units)) for _ in range(count)],
        "unscoped": [UNSCOPED_QUESTIONS[i % len(UNSCOPED_QUESTIONS)] for i in range(count)],
        "across-units": [ACROSS_UNIT_QUESTIONS[i % len(ACROSS_UNIT_QUESTIONS)][0] for i in range(count)],
    }

"""Which units answer a "which units…" question, from every passage's scores in one pass.

Pure logic over arrays: each unit's best passage coverage and similarity, then a rule relative
to how this question scores across all units (see RetrievalSettings for the knobs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.settings import RetrievalSettings


# "Which units…" wording (a filter over units), as opposed to "each unit…" (各单位, 分别, 五个单位),
# which asks for every unit's answer; "谁提到了…" asks which notices say it (a notice, not a person, speaks);
# "谁那儿…", "…的单位有谁", "哪儿查出…" ask at which units something happened (a place, not a person);
# "…舆情的有谁", "…没搞好的都(有|是)谁" too, unless a person's role comes first ("副组长都有谁": people);
# "谁在X上/方面…" asks who did something on a topic (a unit), unless X is a meeting ("谁在会上…": a person);
# "谁查出X有问题", "X这块谁有说法", "谁存在X": what an inspection found or a notice says (a unit's finding or
# wording), never what a person did (谁主持, 谁牵头, 谁宣读 stay people).
WHO_AS_UNITS = (
    r"(?<![长员人记任者部])(?:(?:的|都)有|的?都是?)谁"
    r"|谁(?=在[\u4e00-\u9fff]{2,12}?(?:上|方面|这块|领域)(?<!会上)(?<!会议上))"
    r"|谁(?=(?:那儿|家)?(?:被)?(?:查出|查到|点名|点了名|被指出)|(?:有|还有)(?:什么|啥|些)?(?:说法|提法|表述|讲法|举措|动作)"
    r"|存在|出了?(?:问题|毛病)|有(?:问题|毛病))"
    # "谁开了整改专题民主生活会", "谁出台了…办法": an organisation's completed act asks which units did it
    # ("谁开的会", "谁主持" still ask for a person).
    r"|谁(?=(?:也|都|还)?(?:召?开|制定|出台|印发|成立|建立|建|搞|组织|开展|修订)[了过])"
)
WHICH_UNITS = re.compile(
    r"哪些|哪几|哪一?个?(?:单位|家)|有没有单位|有单位|几个单位|几家|多少个?单位|谁家|谁(?=提到|提及|说到|写到|讲到)"
    rf"|谁(?:的)?那(?:儿|里|边)|单位(?:有|是)谁|^(?:在)?哪(?:儿|里)(?!个)|{WHO_AS_UNITS}"
)


def asks_which_units(question: str) -> bool:
    """True when the question asks which units something holds for, so units must qualify."""
    return bool(WHICH_UNITS.search(question))


@dataclass(frozen=True)
class UnitScores:
    """Each unit's best passage: share of the question's terms it covers, its cosine similarity,
    the best coverage among passages stating the asked-for fact (0 when none does), and the best share
    of the question's concepts (assistant.concepts; None when not computed)."""

    coverage: np.ndarray
    similarity: np.ndarray
    fact_coverage: np.ndarray
    concept_coverage: np.ndarray | None = None


def best_per_unit(
    units: int, unit_of_row: np.ndarray, values: np.ndarray, rows: np.ndarray | None = None
) -> np.ndarray:
    """The largest value among each unit's rows (0 for a unit without rows); rows limits the rows read."""
    best = np.zeros(units, dtype=np.float32)
    if rows is not None:
        unit_of_row, values = unit_of_row[rows], values[rows]
    known = unit_of_row >= 0
    if known.any():
        np.maximum.at(best, unit_of_row[known], values[known].astype(np.float32))
    return best


def coverage_bar(coverage: np.ndarray, in_scope: np.ndarray, settings: RetrievalSettings) -> float:
    """The coverage a unit needs: a share of the best unit's, never below the absolute floor."""
    top = float(coverage[in_scope].max()) if in_scope.any() else 0.0
    return max(settings.min_coverage, settings.relative_coverage * top)


def similarity_bar(similarity: np.ndarray, in_scope: np.ndarray, settings: RetrievalSettings) -> float:
    """The similarity a unit needs: above the floor and well clear of the typical unit."""
    scoped = similarity[in_scope]
    if scoped.size < 3:  # too few units to say what is typical
        return settings.min_similarity
    median = float(np.median(scoped))
    spread = float(np.median(np.abs(scoped - median))) or 1e-6
    return max(settings.min_similarity, median + settings.similarity_spread * spread)


def qualifying(scores: UnitScores, in_scope: np.ndarray, settings: RetrievalSettings) -> np.ndarray:
    """True for each unit in scope whose evidence clears the question's relative bars."""
    bar = coverage_bar(scores.coverage, in_scope, settings)
    by_terms = scores.coverage >= bar
    by_meaning = scores.similarity >= similarity_bar(scores.similarity, in_scope, settings)
    by_fact = (scores.fact_coverage > 0) & (scores.fact_coverage >= settings.relative_coverage_with_fact * bar)
    stating = int(((scores.fact_coverage > 0) & in_scope).sum())
    if stating > settings.max_share_stating_fact * max(1, int(in_scope.sum())):
        by_fact[:] = False  # a figure nearly every unit states (money, dates) tells no unit apart
    by_concepts = np.zeros_like(in_scope)
    if scores.concept_coverage is not None:
        by_concepts = scores.concept_coverage >= coverage_bar(scores.concept_coverage, in_scope, settings)
    return in_scope & (by_terms | by_meaning | by_fact | by_concepts)

"""A unit reported in a section of another unit's notice answers for itself in answers across units.

Its passages carry its own name (index/section_units.py); among the evidence retrieved for the notice's
unit they are split off into a row of their own, so a which-units answer lists the section's unit under its
own name when its section states the thing, and the notice's unit keeps only its own passages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from assistant.retrieval_settings import RetrievalSettings
from index.section_units import section_units
from index.units import ORGANISATION_TYPES

_LEVELS = "省市州县区旗盟"
_STEM_CHARS = RetrievalSettings().section_stem_chars
_SECTION_SEARCH_WIDENING = RetrievalSettings().section_search_widening


def with_section_units(per_unit: list[Any], metadata: dict | None = None) -> list[Any]:
    """Each unit's evidence, with the passages of a unit reported in a section of its notice as that unit's;
    a round's notice (metadata's round_units) split into its units leaves its publisher none of its passages."""
    # A round office's notice filed under its place (not under one of its units): the place says nothing of its own.
    round_notices = {nid for nid, m in (metadata or {}).items()
                     if getattr(m, "round_units", False) and m.unit not in m.sub_units}
    places = {m.unit for nid, m in (metadata or {}).items() if nid in round_notices}
    places -= {m.unit for nid, m in (metadata or {}).items() if nid not in round_notices}  # with notices of its own
    split: list[Any] = []
    for evidence in per_unit:
        if evidence.unit in places and not evidence.documents:
            continue  # a round's place, no unit of its own: the round's units answer
        named = [d.metadata.get("unit", "") for d in evidence.documents]
        named = ["" if u == evidence.unit else u for u in named]  # the notice's own unit's passages
        others = list(dict.fromkeys(u for u in named if u and u != evidence.unit))
        rounds = any(not u and d.metadata.get("notice_id") in round_notices for d, u in zip(evidence.documents, named))
        if not others and not rounds:
            split.append(evidence)
            continue
        for unit in (evidence.unit, *others):
            documents = [d for d, u in zip(evidence.documents, named) if (u and u == unit) or (
                unit == evidence.unit and not u and d.metadata.get("notice_id") not in round_notices)]
            if documents or unit != evidence.unit:  # a round's publisher whose passages are all its units' is none
                split.append(_evidence_of(unit, documents, evidence))
    return split


def _evidence_of(unit: str, documents: list, whole: Any) -> Any:
    """The unit's share of the evidence (a retriever's UnitEvidence), scored by its own passages."""
    similarity = max((d.metadata.get("similarity", 0.0) for d in documents), default=whole.best_similarity)
    coverage = max((d.metadata.get("coverage", 0.0) for d in documents), default=whole.best_coverage)
    return replace(whole, unit=unit, documents=documents, best_similarity=similarity, best_coverage=coverage,
                   qualifies=whole.qualifies and bool(documents))


def asked_section(question: str, sub_units: Iterable[str]) -> str:
    """The longest name of a unit reported in a section of the notices that the question says ("柳岸镇收回多少"),
    else ""."""
    return max((name for name in sub_units if name and name in question), key=len, default="")


def of_section(unit: str, name: str) -> bool:
    """Whether a passage's or figure's unit is the section's unit the question named by this name; the notice's
    own town is no section of its villages (X镇 is written before X镇甲村, not after it)."""
    return bool(unit) and (name in unit or (unit in name and name.endswith(unit)))


def of_asked_section(question: str, documents: list, metadata: dict) -> list:
    """The passages of the unit a question names when it is reported in a section of these notices;
    all of them when the question names none, or its section has no passage among them."""
    names = (n for d in documents for n in getattr(metadata.get(d.metadata.get("notice_id")), "sub_units", ()))
    name = asked_section(question, names)
    own = [d for d in documents if of_section(d.metadata.get("unit", ""), name)] if name else []
    return own or documents


def section_k(question: str, metadata: dict, k: int) -> int:
    """How many passages to search a notice for: more when the question names a unit reported in one of its
    sections, whose own passages may rank below the notice's opening totals."""
    names = (n for m in metadata.values() for n in getattr(m, "sub_units", ()))
    return k * _SECTION_SEARCH_WIDENING if asked_section(question, names) else k


def as_asked(found: Any, question: str) -> Any:
    """A unit's records figures (records_table.UnitFigures) narrowed to those of the unit reported in a
    section of its notice when the question names that unit, shown as that unit's own; else as found."""
    stated = found.sub_unit + found.peers
    name = asked_section(question, (n for s in stated for n in s.notice.metadata.sub_units))
    section = [s for s in stated if name and of_section(s.figure.scope, name)]
    if not section:
        return found
    own = [replace(s, figure=replace(s.figure, scope="")) for s in section]
    return replace(found, unit=section[0].figure.scope, own=own, sub_unit=[], peers=[], measures_done=[])


def sections_named(question: str, metadata: dict, notice_ids: Iterable[str]) -> list[str]:
    """The names of two or more units reported in sections of these notices that the question says, in the
    order it says them ("柳岸镇和文化馆谁的完成率高"); [] when it says fewer."""
    names = {n for nid in notice_ids for n in getattr(metadata.get(nid), "sub_units", ()) if n and n in question}
    longest = sorted(names, key=len, reverse=True)
    distinct = [n for i, n in enumerate(longest) if not any(n in longer for longer in longest[:i])]
    return sorted(distinct, key=question.find) if len(distinct) >= 2 else []


def compare_sections(result: Any, whole: Any, names: list[str]) -> None:
    """A retrieval result (retriever.RetrievalResult) comparing the named section units of one notice: a row
    per unit holding its section's passages (a row with none keeps its column), in the question's order."""
    rows = with_section_units([whole])
    result.per_unit = [next((r for r in rows if of_section(r.unit, n)), None) or _evidence_of(n, [], whole)
                       for n in names]
    for row in result.per_unit:
        row.qualifies = bool(row.documents)
    result.units_named, result.comparison = [r.unit for r in result.per_unit], True
    result.documents = [d for r in result.per_unit for d in r.documents]


def sections_said(question: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (unit, section unit) pairs whose section unit the question says, even as people shorten it
    (退役军人局, 机关事务中心: the name's stem before its kind word)."""
    return [(unit, section) for unit, section in pairs if section and _stem(section) in question]


def _stem(name: str) -> str:
    """A unit's name without its place, level and kind word, cut to the words people keep
    (某县机关事务服务中心 -> 机关事务, 某县统计局 -> 统计)."""
    core = name[next((i + 1 for i, char in enumerate(name[:-2]) if char in _LEVELS), 0):]
    kind = next((k for k in sorted(ORGANISATION_TYPES, key=len, reverse=True) if core.endswith(k) and len(core) > len(k)), "")
    stem = core[: len(core) - len(kind)]
    return stem[:_STEM_CHARS] if len(stem) > _STEM_CHARS else stem


def asked_section_spans(question: str, notice: Any, text: str) -> tuple[str, list[tuple[int, int]]]:
    """The unit reported in a section of this notice that the question names, with its section's spans of the
    text ("退役军人事务局还有几个没改完" reads that section only); ("", []) when it names none."""
    name = asked_section(question, notice.metadata.sub_units)
    if not name:
        return "", []
    sections = [s for s in section_units(text, notice.unit or notice.metadata.unit) if of_section(s.name, name)]
    return (sections[0].name, [(s.start, s.end) for s in sections]) if sections else ("", [])

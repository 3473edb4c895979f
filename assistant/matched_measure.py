"""A problem listed among others in one paragraph, its measure a numbered paragraph elsewhere (第七，…): the measure
paragraph sharing the problem's words answers "那事咋改的"."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.evidence import Evidence
from index.sentences import split_sentences

# A paragraph opening a numbered measure: 第七，/ 七是 / （七）/ 七、
_MEASURE_POINT = re.compile(r"\s*(?:第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]+是|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")
# A listed problem ends at ；(the next problem follows in the same paragraph), a run of them at 。
_CLAUSE_END = "；;。"
# Longest quote of a measure paragraph; longer ones are cut at a sentence end.
_MAX_MEASURE_CHARS = 260


def measure_matching_problem(text: str | None, best: Evidence, share: float) -> Evidence | None:
    """The numbered measure paragraph after the best passage's paragraph that shares at least `share` of the
    listed problem's character pairs, and more of them than any other; None when the best passage is no
    problem in a list (its paragraph holds no ；) or no measure is a clear match."""
    if text is None:
        return None
    paragraph_start = text.rfind("\n", 0, best.start) + 1
    paragraph_end = text.find("\n", best.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    if text.count("；", paragraph_start, paragraph_end) < 2:
        return None
    clause_start = max(text.rfind(mark, paragraph_start, best.start) for mark in _CLAUSE_END + "：:") + 1
    clause_end = min((i for i in (text.find(mark, best.start, paragraph_end) for mark in _CLAUSE_END) if i >= 0),
                     default=paragraph_end)
    problem = _pairs(text[max(clause_start, paragraph_start) : clause_end])
    if not problem:
        return None
    scored = []
    position = paragraph_end
    for line in text[paragraph_end:].split("\n"):
        if _MEASURE_POINT.match(line):
            scored.append((len(problem & _pairs(line)) / len(problem), position + len(line) - len(line.lstrip()), line.strip()))
        position += len(line) + 1
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < share or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    _, start, paragraph = scored[0]
    ends = [end for _, end in split_sentences(text, start, start + len(paragraph)) if end - start <= _MAX_MEASURE_CHARS]
    if not ends:
        return None
    return replace(best, start=start, end=ends[-1], text=text[start : ends[-1]], fits_profile=True, is_heading=False)


def _pairs(text: str) -> set[str]:
    """The pairs of adjacent Chinese characters or figures of a text ("临街", "门面", "4处")."""
    kept = re.sub(r"[^\u4e00-\u9fff\d]+", " ", text)
    return {kept[i : i + 2] for i in range(len(kept) - 1) if " " not in kept[i : i + 2]}

"""A notice's own corrections of what it stated earlier, shown beside any quote they correct.

A notice may end with a 补充说明 / 勘误 saying that a phrase it quoted was wrong: "经核实，…中“已清退违规发放的
加班费12.6万元”有误，应为16.2万元；相应地，…“共挽回经济损失51万元”应为54.6万元". A quote of the answer holding
such a phrase is not current: the answer gets one more line naming every correction of that sentence (a total
corrected "相应地" goes with the part), cited to the correction sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.answer import Answer, Citation

# “old phrase”(有误,)应为 new — the old phrase quoted, the new wording after 应为 / 更正为.
_CORRECTION = re.compile(r"“(?P<old>[^“”\n]{1,80})”(?:有误|错误|系笔误|不准确)?[，,]?\s*(?:应为|应是|更正为|改为)"
                         r"(?P<new>[^，,。；;\n“”]{1,30})")
# A correction says so: words of a notice's own erratum near it.
_SAYS_CORRECTION = re.compile(r"有误|更正|勘误|笔误|补充说明|经核实")
_FIGURE = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿]")
_SENTENCE_END = "。！？!?\n"
# Words before a correction that may say it is one (the 补充说明 heading, 经核实): this many characters back.
_LOOK_BACK = 80


@dataclass(frozen=True)
class Correction:
    """One notice sentence correcting one or more phrases: (old, new) pairs and the sentence's span."""

    pairs: tuple[tuple[str, str], ...]
    start: int
    end: int


def corrections_in(text: str) -> list[Correction]:
    """Each sentence of a notice that corrects phrases of its own, with what they should read."""
    found: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for match in _CORRECTION.finditer(text):
        old, new = match.group("old"), match.group("new").strip()
        if not (_FIGURE.search(old) and _FIGURE.search(new)) or old not in text[: match.start()] + text[match.end():]:
            continue  # a correction names a figure the notice states elsewhere
        if _SAYS_CORRECTION.search(text[max(0, match.start() - _LOOK_BACK) : match.end()]) is None:
            continue
        start = max(text.rfind(c, 0, match.start()) for c in _SENTENCE_END) + 1
        ends = [i for i in (text.find(c, match.end()) for c in _SENTENCE_END) if i >= 0]
        end = min(ends) + 1 if ends else len(text)
        found.setdefault((start, end), []).append((old, new))
    return [Correction(tuple(pairs), start, end) for (start, end), pairs in found.items()]


def with_corrections(answer: Answer, notice_text_of: Callable[[str], str | None]) -> Answer:
    """The answer with a line per correction sentence that corrects one of its quotes, cited (else unchanged)."""
    added: list[str] = []
    citations = list(answer.citations)
    of_notice: dict[str, list[Correction]] = {}  # each notice's corrections, read once per answer
    for citation in answer.citations:
        text = notice_text_of(citation.notice_id) if citation.verified else None
        if not text:
            continue
        if citation.notice_id not in of_notice:
            of_notice[citation.notice_id] = corrections_in(text)
        for correction in of_notice[citation.notice_id]:
            overlaps = citation.start < correction.end and correction.start < citation.end
            if overlaps or not any(old in citation.quote for old, _ in correction.pairs):
                continue
            if any((c.notice_id, c.start, c.end) == (citation.notice_id, correction.start, correction.end)
                   for c in citations):
                continue
            n = len(citations) + 1
            citations.append(Citation(n, citation.notice_id, citation.title, citation.unit, "",
                                      text[correction.start : correction.end], correction.start, correction.end, True))
            said = ";".join(f"“{old}”应为{new}" for old, new in correction.pairs)
            added.append(f"更正:{citation.unit}通报的补充说明写明,{said}[{n}]。")
    if not added:
        return answer
    return replace(answer, citations=citations, text=answer.text.rstrip() + "\n" + "\n".join(added))

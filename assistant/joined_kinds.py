"""Figure questions naming two kinds of figure joined ("问题和措施…加一块多少"): each kind asked on its own and
the answers put one after the other, so each total comes with its own inputs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answer import Answer, shifted_citations

# Each kind of record figure as questions say it, and as the records reader knows it.
KIND_WORDS = {
    "反馈问题": r"(?:反馈|指出|发现)?问题",
    "整改措施": r"(?:整改)?措施|整改任务",
    "新制定制度": r"(?:规章)?制度",
    "清退追回资金": r"(?:追回|清退|退赔)?(?:的)?(?:钱|资金|金额)",
    "处理人数": r"(?:处理|处分|问责)的?人(?:数)?",
}
_KIND = "|".join(f"(?:{words})" for words in KIND_WORDS.values())
# Two kinds joined by a conjunction: "问题和措施", "制度跟钱".
JOINED = re.compile(rf"(?P<first>{_KIND})(?:和|跟|与|及|以及|、|还有)(?P<second>{_KIND})")


def questions_per_kind(question: str) -> list[tuple[str, str]]:
    """"问题和措施 A跟B加一块多少" → each kind with its own question ("反馈问题", "反馈问题 A跟B加一块多少"), …;
    [] when no two kinds are joined."""
    match = JOINED.search(question)
    if match is None:
        return []
    kinds = [_canonical(match.group("first")), _canonical(match.group("second"))]
    if "" in kinds or kinds[0] == kinds[1]:
        return []
    return [(kind, question[: match.start()] + kind + question[match.end():]) for kind in kinds]


def _canonical(said: str) -> str:
    """The kind a word of the question names, in the records reader's words, or ""."""
    return next((kind for kind, words in KIND_WORDS.items() if re.fullmatch(words, said)), "")


def answer_each_kind(question: str, answer_one: Callable[[str], Answer | None]) -> Answer | None:
    """Each kind's answer, joined with its citations renumbered; None unless every kind is answered."""
    asked = questions_per_kind(question)
    parts = [answer_one(kind_question) for _, kind_question in asked]
    if not parts or any(part is None for part in parts):
        return None
    texts, citations, units = [], [], []
    for (kind, _), part in zip(asked, parts):
        text, moved = shifted_citations(part, len(citations))
        texts.append(f"{kind}:\n{text}")
        citations.extend(moved)
        units.extend(u for u in part.units if u not in units)
    return replace(parts[0], question=question, text="\n\n".join(texts), citations=citations, units=units)

"""A follow-up's carried clause ("起诉了几户(清收了多少欠费)"): the item of the last answer that the new ask is of.

The clause only narrows to the item; when the ask before it names a thing or a shape of its own (a count of
households, a rule issued), that ask decides which sentence answers, so the clause's own words weigh less
and its shape (the money it asked) is not the shape asked now.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer_bar import asks_a_shape
from assistant.plain_words import with_official_terms
from assistant.question import profile_question

CARRIED = re.compile(r"\s*\([^()]*\)\s*$")


def own_ask(question: str) -> str:
    """The question without its carried clause when the ask before it asks a figure, date, person or a
    document's name of its own ("出台的办法叫啥(还出台了几个办法)": the names, not the clause's count)."""
    ask = CARRIED.sub("", question)
    if ask == question or not ask.strip():
        return question
    profile = profile_question(ask)
    return ask if asks_a_shape(profile) or profile.asked_name else question


def narrowed_weights(
    question: str, weights: dict[str, float], tokenize: Callable[[str], list[str]], share: float
) -> dict[str, float]:
    """Weights with the carried clause's own words together at most `share` of the ask's, when the ask before it
    has words of its own: a long clause ("柳溪村至桃坪村村道硬化工程被拆分为…") would otherwise outweigh it."""
    carried = CARRIED.search(question)
    if carried is None:
        return weights
    # each with the notices' words for its plain phrases ("发包": 招投标), which are its words too
    ask_words = set(tokenize(with_official_terms(question[: carried.start()])))
    clause_words = set(tokenize(with_official_terms(carried.group(0)))) - ask_words
    asked = sum(w for t, w in weights.items() if t not in clause_words)
    if not any(t in weights for t in ask_words - clause_words):
        return weights  # "那笔钱退了吗?(追回58万元)": the ask names nothing new, the clause says what it is about
    clause = sum(w for t, w in weights.items() if t in clause_words)
    factor = min(1.0, share * asked / clause) if clause else 1.0
    return {t: w * factor if t in clause_words else w for t, w in weights.items()}

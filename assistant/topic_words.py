"""The words of a question that say what it is about, without the wording that asks across units.

"哪几家单位要求一把手最后表态?" is about 一把手 and 最后表态: "哪几家单位" only says the answer is a list
of units. Left among the search terms, such wording (几家, a rare token) outweighs the topic, so a
unit's line would quote whatever passage happens to say 几家. Single-character function words a
question is phrased with ("给基层减负": 给) are not the topic either.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.units import ACROSS_UNITS

# Prepositions and particles jieba leaves as tokens of their own: phrasing, never a topic.
_FUNCTION_CHARACTERS = frozenset("给在对把被让向从为将与和及或跟同帮")


def without_asking_words(question: str) -> str:
    """The question with its "which units / each unit" wording blanked out (the rest unchanged)."""
    return ACROSS_UNITS.sub(" ", question)


def topic_tokens(tokens: Iterable[str]) -> list[str]:
    """Tokens without the single-character function words a question is phrased with."""
    return [token for token in tokens if not (len(token) == 1 and token in _FUNCTION_CHARACTERS)]

"""The score a one-scope answer's best sentence needs, else the answer is "未找到"."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.evidence import Evidence, Question
from assistant.question import QuestionProfile
from assistant.settings import AnsweringSettings


def asks_a_shape(profile: QuestionProfile) -> bool:
    """Whether the question asks for a figure, a date or a person (content a sentence can be checked for)."""
    return profile.wants_number or profile.wants_money or profile.wants_date or profile.wants_person


def single_scope_bar(evidence: Sequence[Evidence], question: Question, settings: AnsweringSettings) -> float:
    """min_answer_score, lowered after a turn that set the topic, or when the best sentence states the asked shape
    (the lower of the two, never both: each was calibrated alone)."""
    factor = settings.continued_bar if question.already_said else 1.0
    if evidence and evidence[0].fits_profile and asks_a_shape(question.profile):
        factor = min(factor, settings.shaped_answer_bar)  # "书记叫啥" met by a sentence naming one: fewer words suffice
    return settings.min_answer_score * factor

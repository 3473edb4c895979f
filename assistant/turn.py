"""One question as it moves through the answer chain, and the check a question must pass to be asked."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.retriever import RetrievalResult

MAX_QUESTION_CHARS = 500


class QuestionRejected(ValueError):
    """A question the chain will not run (empty, too long); the message says why."""


@dataclass
class Turn:
    """One question as it moves through the chain."""

    question: str
    history: list[dict] = field(default_factory=list)
    units: list[str] | None = None
    k: int = 5
    standalone_question: str = ""
    retrieval: RetrievalResult | None = None
    notice: str = ""
    llm_failed: bool = False
    unknown_units: list[str] = field(default_factory=list)  # named, but no notice is about them
    mentioning_units: list[str] = field(default_factory=list)  # units whose notices mention those names
    asked_back: tuple[str, bool] = ("", False)  # said instead of an answer to a description (and: none fits)


def check_question(question: str) -> str:
    """The question stripped; rejects empty and overlong questions with a clear message."""
    question = (question or "").strip()
    if not question:
        raise QuestionRejected("请输入问题。")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionRejected(f"问题过长({len(question)}字),请精简到{MAX_QUESTION_CHARS}字以内。")
    return question

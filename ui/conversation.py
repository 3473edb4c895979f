"""One browser session's conversation: its turns, the chat history they feed, the chat messages they show."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer import Answer


@dataclass
class ChatTurn:
    """A question asked in the UI and what came back: an Answer, or a message saying why not."""

    question: str
    answer: Answer | None = None
    message: str = ""  # shown in place of an answer (e.g. an error)
    units: list[str] = field(default_factory=list)  # the unit filter in force when it was asked


def history_for_chain(turns: list[ChatTurn]) -> list[dict]:
    """Earlier answered turns as [{role, content}, ...] for follow-up handling."""
    history: list[dict] = []
    for turn in turns:
        if turn.answer is None:
            continue
        history.append({"role": "user", "content": turn.question})
        history.append({"role": "assistant", "content": turn.answer.text})
    return history


def turn_index_of_message(message_index: int) -> int:
    """The turn behind a chat message: every turn shows exactly two messages, question then reply."""
    return message_index // 2

"""How answers read in the chat: [n] markers become links to the sources panel, replies reveal progressively."""

from __future__ import annotations

import html
import re

from assistant.answer import Answer, Citation, with_hard_breaks
from ui.conversation import ChatTurn
from ui.safe_markdown import neutralise_markdown

SEARCHING = "正在检索…"
CITATION_MARKER = re.compile(r"\[(\d{1,3})\]")


def source_anchor_id(turn_index: int, n: int) -> str:
    """The id of source [n] of a turn in the sources panel (the chat's markers link to it)."""
    return f"src-{turn_index}-{n}"


def _marker_link(turn_index: int, n: int) -> str:
    return (
        f'<a class="cite" href="#{source_anchor_id(turn_index, n)}" '
        f'data-turn="{turn_index}" data-n="{n}">[{n}]</a>'
    )


def link_citation_markers(text: str, turn_index: int, numbers: set[int]) -> str:
    """Answer Markdown whose [n] markers (for known citations) link to the sources panel; the rest neutralised.

    Notice text and LLM output are shown, never interpreted: HTML, links, images and autolinks are
    escaped (neutralise_markdown); our own citation links are the only links in a reply.
    """
    parts = []
    last = 0
    for match in CITATION_MARKER.finditer(text):
        n = int(match.group(1))
        if n not in numbers:
            continue
        parts.append(neutralise_markdown(text[last : match.start()]))
        parts.append(_marker_link(turn_index, n))
        last = match.end()
    parts.append(neutralise_markdown(text[last:]))
    return "".join(parts)


def _source_list(citations: list[Citation], turn_index: int) -> str:
    items = []
    for citation in citations:
        label = html.escape(citation.source_label())
        items.append(f"{_marker_link(turn_index, citation.n)} {label}")
    return '<div class="chat-sources">来源:' + ";".join(items) + "</div>"


def answer_message(answer: Answer, turn_index: int, text: str | None = None) -> str:
    """The chat reply for an answer: fallback notice, linked answer text, a compact source list.

    `text` overrides the answer text (a partial text while the reply is being revealed).
    """
    numbers = {citation.n for citation in answer.citations}
    parts = []
    if answer.notice:
        parts.append(f"> **注意**:{neutralise_markdown(answer.notice)}")
    if answer.standalone_question and answer.standalone_question != answer.question:
        parts.append(f"> 按“{neutralise_markdown(answer.standalone_question)}”理解")
    body = answer.text.strip() if text is None else text
    parts.append(with_hard_breaks(link_citation_markers(body, turn_index, numbers)))
    if text is None and answer.citations:
        parts.append(_source_list(answer.citations, turn_index))
    return "\n\n".join(parts)


def partial_message(text: str, turn_index: int) -> str:
    """A reply still streaming from the LLM: its text so far, markers linked as they appear."""
    numbers = {int(n) for n in CITATION_MARKER.findall(text)}
    return with_hard_breaks(link_citation_markers(text, turn_index, numbers)) + " …"


def reveal_prefixes(text: str, steps: int = 10) -> list[str]:
    """Growing prefixes of a reply, so a finished answer still appears progressively."""
    if not text:
        return []
    size = max(1, -(-len(text) // steps))
    cuts = list(range(size, len(text), size))
    # Never cut inside a marker: "[1" would flash as plain text before becoming a link.
    adjusted = []
    for cut in cuts:
        opening = text.rfind("[", 0, cut)
        if opening != -1 and "]" not in text[opening:cut] and cut - opening <= 4:
            cut = opening
        if cut > (adjusted[-1] if adjusted else 0):
            adjusted.append(cut)
    return [text[:cut] for cut in adjusted]


def chat_messages(turns: list[ChatTurn], pending: str | None = None) -> list[dict]:
    """The Chatbot value for a conversation; `pending` is the reply shown for the last, unfinished turn."""
    messages: list[dict] = []
    for index, turn in enumerate(turns):
        messages.append({"role": "user", "content": neutralise_markdown(turn.question)})
        is_last = index == len(turns) - 1
        if is_last and pending is not None:
            reply = pending
        elif turn.answer is not None:
            reply = answer_message(turn.answer, index)
        else:
            reply = turn.message or SEARCHING
        messages.append({"role": "assistant", "content": reply})
    return messages

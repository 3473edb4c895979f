"""What a chat model's reply holds: the body the user may see while it streams, and the whole reply
read into an unverified Answer (body, then one citation per passage number it cites)."""

from __future__ import annotations

import re

from langchain_core.documents import Document

from assistant.answer import Answer
from assistant.llm_citations import COLONS, citation_for, is_quote_line, quotes_by_number
from assistant.verify import marker_numbers

NOT_FOUND_PREFIX = "通报中未找到相关内容"
# The line that starts the citation block: "引用:", "**引用:**", "### 引用:" ...
_CITATION_HEADER = re.compile(rf"^[ \t>#*]*引用[ \t*]*[{COLONS}]", re.MULTILINE)
# A last line that may still grow into that header, so it is held back while streaming.
_HEADER_PREFIX = re.compile(r"[ \t>#*]*(?:引(?:用[ \t*]*)?)?")
_THINK_OPEN, _THINK_CLOSE = "<think>", "</think>"


class ReplyView:
    """What of a streaming reply the user may see: the body, never a <think> block or the 引用 block."""

    def __init__(self) -> None:
        self.raw = ""
        self._shown = 0

    def feed(self, delta: str) -> str:
        """Add a delta; return the newly visible text (may be "" while a possible header is held back)."""
        self.raw += delta
        return self._advance(visible_body(self.raw, complete=False))

    def finish(self) -> str:
        """The visible text still held back once the reply is complete."""
        return self._advance(visible_body(self.raw, complete=True))

    def body(self) -> str:
        return visible_body(self.raw, complete=True)

    def _advance(self, visible: str) -> str:
        new_text = visible[self._shown :]
        self._shown = max(self._shown, len(visible))
        return new_text


def visible_body(raw: str, complete: bool) -> str:
    """The answer body in a (possibly partial) reply; grows monotonically as the reply grows."""
    text = after_thinking(raw, complete)
    if text is None:
        return ""
    header = _CITATION_HEADER.search(text)
    if header:
        return text[: header.start()].rstrip()
    if not complete:
        last_line_start = text.rfind("\n") + 1
        if _HEADER_PREFIX.fullmatch(text[last_line_start:]):
            text = text[:last_line_start]
    return text.rstrip()


def parse_reply(
    raw: str, question: str, standalone_question: str, passages: list[Document], answerer: str
) -> Answer:
    """The reply as an unverified Answer: body text, and one citation per passage number it cites."""
    body = visible_body(raw, complete=True)
    text_after_think = after_thinking(raw, complete=True) or ""
    header = _CITATION_HEADER.search(text_after_think)
    block = text_after_think[header.end() :] if header else ""
    if not header:
        body, block = _split_trailing_quote_lines(body)
    quotes = quotes_by_number(block)
    citations = [
        citation_for(number, passages[number - 1], quotes.get(number, []), body)
        for number in marker_numbers(body)
        if 1 <= number <= len(passages)
    ]
    return Answer(
        question=question,
        standalone_question=standalone_question,
        text=body,
        citations=citations,
        answerer=answerer,
        not_found=body.startswith(NOT_FOUND_PREFIX),
    )


def after_thinking(raw: str, complete: bool) -> str | None:
    """The reply without a leading <think>…</think> block; None while such a block is still open."""
    text = raw.lstrip()
    if text.startswith(_THINK_OPEN):
        close = text.find(_THINK_CLOSE)
        if close == -1:
            return "" if complete else None
        return text[close + len(_THINK_CLOSE) :].lstrip()
    if not complete and _THINK_OPEN.startswith(text):
        return None
    return text


def _split_trailing_quote_lines(body: str) -> tuple[str, str]:
    """A reply without the 引用 header: its trailing "[n] 「quote」" lines become the block."""
    lines = body.split("\n")
    cut = len(lines)
    while cut > 0 and (not lines[cut - 1].strip() or is_quote_line(lines[cut - 1])):
        cut -= 1
    if cut == len(lines) or cut == 0:
        return body, ""
    return "\n".join(lines[:cut]).rstrip(), "\n".join(lines[cut:])

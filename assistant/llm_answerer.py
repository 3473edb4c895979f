"""Answer from retrieved passages with a chat model: stream the body, parse the 引用 block, verify."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from langchain_core.documents import Document

from assistant.answer import Answer, Citation
from assistant.verify import MARKER_PATTERN, locate_quote, marker_numbers, verify_answer
from prompts import format_history, format_passages, load_prompt

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

logger = logging.getLogger(__name__)

NOT_FOUND_PREFIX = "通报中未找到相关内容"
SHORT_PASSAGE_CHARS = 80
MAX_CONDENSED_CHARS = 200

_COLONS = ":\uff1a"  # ASCII and full-width
_OPEN_BRACKETS, _CLOSE_BRACKETS = "\\[\u3010\uff3b", "\\]\u3011\uff3d"  # [ 【 ［ and ] 】 ］
_SENTENCE_ENDS = "\u3002\uff01\uff1f\uff1b!?;"  # 。！？； and ASCII forms
# The line that starts the citation block: "引用:", "**引用:**", "### 引用:" ...
_CITATION_HEADER = re.compile(rf"^[ \t>#*]*引用[ \t*]*[{_COLONS}]", re.MULTILINE)
# A last line that may still grow into that header, so it is held back while streaming.
_HEADER_PREFIX = re.compile(r"[ \t>#*]*(?:引(?:用[ \t*]*)?)?")
# "[1] 「quote」", "- [2]:“quote”", "【3】 quote".
_QUOTE_LINE = re.compile(
    rf"^\s*(?:[-*•]\s*)?[{_OPEN_BRACKETS}]\s*(\d{{1,3}})\s*[{_CLOSE_BRACKETS}]\s*[{_COLONS}]?\s*(.*?)\s*$"
)
_QUOTED = re.compile(r"「(.+?)」|“(.+?)”|\"(.+?)\"|『(.+?)』")
_ELLIPSIS = re.compile(r"…+|\.{3,}|。{3,}")
_SENTENCE = re.compile(rf"[^{_SENTENCE_ENDS}\n]+[{_SENTENCE_ENDS}]?")
_THINK_OPEN, _THINK_CLOSE = "<think>", "</think>"


class LLMUnavailable(RuntimeError):
    """The chat endpoint failed (connection, timeout, HTTP error, empty reply); reason is one short line."""

    def __init__(self, reason: str, mid_stream: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.mid_stream = mid_stream  # True when some answer text had already been streamed


class LLMAnswerer:
    """Answers a question from numbered passages with a chat model, citing verbatim quotes."""

    def __init__(self, chat_model: BaseChatModel, model_name: str) -> None:
        self.chat_model = chat_model
        self.model_name = model_name

    @property
    def answerer_name(self) -> str:
        return f"llm:{self.model_name}"

    def stream(
        self,
        question: str,
        standalone_question: str,
        passages: list[Document],
        notice_text_of: Callable[[str], str | None],
    ) -> Iterator[str | Answer]:
        """Yield the answer body's text deltas as they arrive, then the verified Answer (last item)."""
        if not passages:
            yield Answer(question, standalone_question, f"{NOT_FOUND_PREFIX}。", [], self.answerer_name, not_found=True)
            return
        view = ReplyView()
        for delta in _model_deltas(self.chat_model, answer_messages(standalone_question, passages)):
            visible = view.feed(delta)
            if visible:
                yield visible
        tail = view.finish()
        if tail:
            yield tail
        if not view.body():
            raise LLMUnavailable("返回内容为空")
        answer = parse_reply(view.raw, question, standalone_question, passages, self.answerer_name)
        verified = verify_answer(answer, notice_text_of)
        verified.units = _distinct([citation.unit for citation in verified.citations if citation.unit])
        yield verified

    def answer(
        self,
        question: str,
        standalone_question: str,
        passages: list[Document],
        notice_text_of: Callable[[str], str | None],
    ) -> Answer:
        """The verified Answer, without the streamed deltas."""
        final: Answer | None = None
        for item in self.stream(question, standalone_question, passages, notice_text_of):
            if isinstance(item, Answer):
                final = item
        if final is None:  # stream() ends with an Answer or raises; this guards against a change there
            raise LLMUnavailable("返回内容为空")
        return final


def answer_messages(standalone_question: str, passages: list[Document]) -> list[BaseMessage]:
    """The messages sent to the chat model: system rules, fenced passages, the question."""
    return load_prompt("answer").format_messages(passages=format_passages(passages), question=standalone_question)


def condense_question(chat_model: BaseChatModel, history: list[dict], question: str) -> str:
    """The follow-up question rewritten to stand alone; the question itself when there is no history."""
    if not history:
        return question
    messages = load_prompt("condense").format_messages(history=format_history(history), question=question)
    try:
        reply = chat_model.invoke(messages)
    except Exception as error:  # any endpoint failure: the caller decides how to fall back
        raise LLMUnavailable(describe_failure(error)) from error
    condensed = _clean_condensed(_after_thinking(reply.text, complete=True) or "")
    if not condensed or len(condensed) > max(MAX_CONDENSED_CHARS, 4 * len(question)):
        logger.info("condensed question unusable (%r); keeping the question as asked", condensed[:50])
        return question
    return condensed


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
    text = _after_thinking(raw, complete)
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
    text_after_think = _after_thinking(raw, complete=True) or ""
    header = _CITATION_HEADER.search(text_after_think)
    block = text_after_think[header.end() :] if header else ""
    if not header:
        body, block = _split_trailing_quote_lines(body)
    quotes = _quotes_by_number(block)
    citations = [
        _citation_for(number, passages[number - 1], quotes.get(number, []), body)
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


def describe_failure(error: BaseException) -> str:
    """A short Chinese reason for an endpoint failure, for the one-line notice shown to the user."""
    class_names = {cls.__name__ for cls in type(error).__mro__}
    status_code = getattr(error, "status_code", None)
    if isinstance(status_code, int):
        return f"HTTP {status_code}"
    if class_names & {"APITimeoutError", "TimeoutException", "TimeoutError", "ModelTimeoutError"}:
        return "请求超时"
    if class_names & {"APIConnectionError", "ConnectError", "ConnectionError", "ModelConnectionError"}:
        return "无法连接"
    if "No generation chunks" in str(error):
        return "返回内容为空"
    return type(error).__name__


def _model_deltas(chat_model: BaseChatModel, messages: list[BaseMessage]) -> Iterator[str]:
    """Text deltas from the chat model; any failure becomes LLMUnavailable."""
    received_any = False
    try:
        chunks = iter(chat_model.stream(messages))
    except Exception as error:
        raise LLMUnavailable(describe_failure(error)) from error
    while True:
        try:
            chunk = next(chunks)
        except StopIteration:
            return
        except Exception as error:  # the endpoint's failures have many types; all mean "fall back"
            logger.warning("chat model failed: %s", error, exc_info=logger.isEnabledFor(logging.DEBUG))
            reason = describe_failure(error)
            if received_any:
                raise LLMUnavailable(f"回答中断\uff1a{reason}", mid_stream=True) from error
            raise LLMUnavailable(reason) from error
        delta = chunk.text if isinstance(chunk.text, str) else ""
        if delta:
            received_any = True
            yield delta


def _after_thinking(raw: str, complete: bool) -> str | None:
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
    while cut > 0 and (not lines[cut - 1].strip() or _is_quote_line(lines[cut - 1])):
        cut -= 1
    if cut == len(lines) or cut == 0:
        return body, ""
    return "\n".join(lines[:cut]).rstrip(), "\n".join(lines[cut:])


def _is_quote_line(line: str) -> bool:
    match = _QUOTE_LINE.match(line)
    return bool(match and _QUOTED.search(match.group(2)))


def _quotes_by_number(block: str) -> dict[int, list[str]]:
    """Quote candidates per passage number from the 引用 block, in the order given."""
    quotes: dict[int, list[str]] = {}
    for line in block.split("\n"):
        match = _QUOTE_LINE.match(line)
        if not match:
            continue
        number, rest = int(match.group(1)), match.group(2)
        quoted = [next(group for group in found if group) for found in _QUOTED.findall(rest)]
        for candidate in quoted or [rest]:
            cleaned = _longest_unabridged_part(candidate)
            if cleaned:
                quotes.setdefault(number, []).append(cleaned)
    return quotes


def _longest_unabridged_part(quote: str) -> str:
    """A quote shortened with "……" is not verbatim; its longest unbroken part may be."""
    parts = [part.strip() for part in _ELLIPSIS.split(quote)]
    return max(parts, key=len) if parts else ""


def _citation_for(number: int, passage: Document, quote_candidates: list[str], body: str) -> Citation:
    """Citation n for passage n: the model's quote (located in the passage when possible), else a sentence."""
    metadata = passage.metadata
    passage_start = int(metadata.get("start", 0))
    passage_text = passage.page_content
    if quote_candidates:
        quote, offset = quote_candidates[0], 0
        for candidate in quote_candidates:
            span = locate_quote(candidate, passage_text)
            if span is not None:
                quote, offset = passage_text[span[0] : span[1]], span[0]
                break
    else:
        quote, offset = _best_sentence(passage_text, _lines_citing(body, number))
    return Citation(
        n=number,
        notice_id=str(metadata.get("notice_id", "")),
        title=str(metadata.get("title", "")),
        unit=str(metadata.get("unit", "")),
        section_path=str(metadata.get("section_path", "")),
        quote=quote,
        start=passage_start + offset,
        end=passage_start + offset + len(quote),
    )


def _lines_citing(body: str, number: int) -> str:
    """The body lines that carry marker n, markers removed: what the citation has to support."""
    lines = [line for line in body.split("\n") if number in marker_numbers(line)]
    return MARKER_PATTERN.sub("", "\n".join(lines))


def _best_sentence(passage_text: str, claim: str) -> tuple[str, int]:
    """The passage itself when short, else its sentence sharing most character pairs with the claim."""
    stripped = passage_text.strip()
    if len(stripped) <= SHORT_PASSAGE_CHARS:
        return stripped, passage_text.find(stripped)
    claim_pairs = _character_pairs(claim)
    best_text, best_offset, best_score = stripped, passage_text.find(stripped), -1
    for match in _SENTENCE.finditer(passage_text):
        sentence = match.group().strip()
        if not sentence:
            continue
        score = len(claim_pairs & _character_pairs(sentence))
        if score > best_score:
            best_text, best_offset, best_score = sentence, match.start() + match.group().find(sentence), score
    return best_text, best_offset


def _character_pairs(text: str) -> set[str]:
    compact = "".join(text.split())
    return {compact[index : index + 2] for index in range(len(compact) - 1)}


def _clean_condensed(reply: str) -> str:
    """First non-empty line of the condense reply, without a label or surrounding quotes."""
    line = next((line.strip() for line in reply.split("\n") if line.strip()), "")
    line = re.sub(rf"^(?:独立问题|改写后的问题|问题)\s*[{_COLONS}]\s*", "", line)
    return line.strip("「」“”\"' ")


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))

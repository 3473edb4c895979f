"""Answer from retrieved passages with a chat model: stream the body, parse the 引用 block, verify.

Reading the reply is in llm_reply.py (body, 引用 block) and llm_citations.py (quotes to citations).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from langchain_core.documents import Document

from assistant.answer import Answer
from assistant.llm_citations import COLONS
from assistant.llm_reply import NOT_FOUND_PREFIX, ReplyView, after_thinking, parse_reply
from assistant.verify import verify_answer
from prompts import format_history, format_passages, load_prompt

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

logger = logging.getLogger(__name__)

MAX_CONDENSED_CHARS = 200


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
    condensed = _clean_condensed(after_thinking(reply.text, complete=True) or "")
    if not condensed or len(condensed) > max(MAX_CONDENSED_CHARS, 4 * len(question)):
        logger.info("condensed question unusable (%r); keeping the question as asked", condensed[:50])
        return question
    return condensed


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


def _clean_condensed(reply: str) -> str:
    """First non-empty line of the condense reply, without a label or surrounding quotes."""
    line = next((line.strip() for line in reply.split("\n") if line.strip()), "")
    line = re.sub(rf"^(?:独立问题|改写后的问题|问题)\s*[{COLONS}]\s*", "", line)
    return line.strip("「」“”\"' ")


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))

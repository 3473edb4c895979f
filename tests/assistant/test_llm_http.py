"""The real ChatOpenAI client against a local OpenAI-compatible stub server over HTTP."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from langchain_core.documents import Document
from pydantic import SecretStr

from assistant.answer import Answer
from assistant.llm import make_chat_model
from assistant.llm_answerer import LLMAnswerer, LLMUnavailable, condense_question

NOTICE = "东湖高新产业园党工委关于巡察整改进展情况的通报\n整改措施：清理专项资金账户，收回违规资金12万元。\n"
CHUNK = NOTICE[NOTICE.index("整改措施") :].rstrip("\n")
PASSAGES = [
    Document(
        page_content=CHUNK,
        metadata={
            "chunk_id": "notice-b:00001",
            "notice_id": "notice-b",
            "ordinal": 1,
            "unit": "东湖高新产业园",
            "title": "东湖高新产业园党工委关于巡察整改进展情况的通报",
            "section_path": "",
            "start": NOTICE.index(CHUNK),
            "end": NOTICE.index(CHUNK) + len(CHUNK),
            "score": 0.4,
        },
    )
]
REPLY = "东湖高新产业园已清理专项资金账户，收回违规资金12万元[1]。\n\n引用：\n[1] 「收回违规资金12万元」\n"


@dataclass
class StubBehaviour:
    """What the stub server does with the next requests, and what it has received."""

    reply: str = REPLY
    status: int = 200
    delay_s: float = 0.0
    piece_chars: int = 6
    requests: list[dict[str, Any]] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


class ChatCompletionsHandler(BaseHTTPRequestHandler):
    """POST /v1/chat/completions, streaming (SSE) or not, as the OpenAI API does."""

    server: StubServer

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        behaviour = self.server.behaviour
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        behaviour.requests.append(body)
        behaviour.authorizations.append(self.headers.get("Authorization", ""))
        if behaviour.delay_s and behaviour.release.wait(behaviour.delay_s):
            return  # the test is over: give up without answering
        try:
            if self.path != "/v1/chat/completions":
                self._send_json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
            elif behaviour.status != 200:
                self._send_json(behaviour.status, {"error": {"message": "stub failure", "type": "server_error"}})
            elif body.get("stream"):
                self._send_stream(body["model"], behaviour)
            else:
                self._send_json(200, _completion(body["model"], behaviour.reply))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up; nothing to do

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, model: str, behaviour: StubBehaviour) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        pieces = [behaviour.reply[i : i + behaviour.piece_chars] for i in range(0, len(behaviour.reply), behaviour.piece_chars)]
        for index, piece in enumerate(pieces):
            delta = {"role": "assistant", "content": piece} if index == 0 else {"content": piece}
            self._send_event(_chunk(model, delta, None))
            time.sleep(0.002)
        self._send_event(_chunk(model, {}, "stop"))
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _send_event(self, payload: dict[str, Any]) -> None:
        self.wfile.write(f"data: {json.dumps(payload, ensure_ascii=False)}\n\n".encode())
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
        pass  # keep test output clean


class StubServer(ThreadingHTTPServer):
    daemon_threads = True
    behaviour: StubBehaviour


def _chunk(model: str, delta: dict[str, Any], finish_reason: str | None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }


def _completion(model: str, content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, StubBehaviour]]:
    """A running stub server on 127.0.0.1 (random port): its /v1 base URL and its behaviour."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = StubServer(("127.0.0.1", 0), ChatCompletionsHandler)
    server.behaviour = StubBehaviour()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", server.behaviour
    server.behaviour.release.set()
    server.shutdown()
    server.server_close()


def llm_settings(settings: Any, base_url: str, **overrides: Any) -> Any:
    values = {"llm_base_url": base_url, "llm_model": "stub-model", "llm_timeout_s": 5.0, "llm_max_retries": 0}
    return settings.model_copy(update={**values, **overrides})


def stream_answer(settings: Any) -> list[str | Answer]:
    answerer = LLMAnswerer(make_chat_model(settings), model_name=settings.llm_model)
    return list(answerer.stream("园区收回了多少资金？", "东湖高新产业园收回了多少违规资金？", PASSAGES, {"notice-b": NOTICE}.get))


def test_streaming_answer_arrives_in_several_deltas_and_ends_verified(stub, settings) -> None:
    base_url, behaviour = stub
    items = stream_answer(llm_settings(settings, base_url))

    deltas, answer = items[:-1], items[-1]
    assert len(deltas) > 3
    assert isinstance(answer, Answer)
    assert "".join(deltas) == answer.text == "东湖高新产业园已清理专项资金账户，收回违规资金12万元[1]。"
    assert answer.answerer == "llm:stub-model"
    assert answer.citations[0].verified
    assert NOTICE[answer.citations[0].start : answer.citations[0].end] == "收回违规资金12万元"

    request = behaviour.requests[0]
    assert request["stream"] is True
    assert request["model"] == "stub-model"
    assert request["temperature"] == pytest.approx(0.1)
    assert '<passage n="1" unit="东湖高新产业园"' in request["messages"][-1]["content"]
    assert behaviour.authorizations == ["Bearer not-needed"]


def test_configured_api_key_is_sent(stub, settings) -> None:
    base_url, behaviour = stub
    stream_answer(llm_settings(settings, base_url, llm_api_key=SecretStr("sk-local-test")))
    assert behaviour.authorizations == ["Bearer sk-local-test"]


def test_making_the_chat_model_sends_no_request(stub, settings) -> None:
    base_url, behaviour = stub
    make_chat_model(llm_settings(settings, base_url))
    assert behaviour.requests == []


def test_unconfigured_chat_model_is_refused_with_the_settings_to_set(settings) -> None:
    with pytest.raises(ValueError, match="ASSISTANT_LLM_BASE_URL"):
        make_chat_model(settings.model_copy(update={"llm_base_url": "", "llm_model": ""}))


def test_slow_server_beyond_the_timeout_is_unavailable(stub, settings) -> None:
    base_url, behaviour = stub
    behaviour.delay_s = 10.0  # would answer after 10 s: the client's own 0.5 s timeout must give up first
    with pytest.raises(LLMUnavailable) as raised:
        stream_answer(llm_settings(settings, base_url, llm_timeout_s=0.5))

    assert raised.value.reason == "请求超时"
    assert not raised.value.mid_stream


def test_http_500_is_unavailable(stub, settings) -> None:
    base_url, behaviour = stub
    behaviour.status = 500
    with pytest.raises(LLMUnavailable) as raised:
        stream_answer(llm_settings(settings, base_url))
    assert raised.value.reason == "HTTP 500"
    assert len(behaviour.requests) == 1  # max_retries 0: no retry


def test_http_401_is_unavailable(stub, settings) -> None:
    base_url, behaviour = stub
    behaviour.status = 401
    with pytest.raises(LLMUnavailable, match="HTTP 401"):
        stream_answer(llm_settings(settings, base_url))


def test_server_down_is_unavailable(settings) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with pytest.raises(LLMUnavailable) as raised:
        stream_answer(llm_settings(settings, f"http://127.0.0.1:{closed_port}/v1"))

    assert raised.value.reason == "无法连接"


def test_empty_streamed_reply_is_unavailable(stub, settings) -> None:
    base_url, behaviour = stub
    behaviour.reply = ""
    with pytest.raises(LLMUnavailable, match="返回内容为空"):
        stream_answer(llm_settings(settings, base_url))


def test_condense_question_over_a_non_streaming_endpoint(stub, settings) -> None:
    base_url, behaviour = stub
    behaviour.reply = "东湖高新产业园收回了多少违规资金？"
    chat_model = make_chat_model(llm_settings(settings, base_url)).model_copy(update={"streaming": False})
    history = [{"role": "user", "content": "东湖高新产业园的资金问题整改了吗？"}, {"role": "assistant", "content": "已整改[1]。"}]

    assert condense_question(chat_model, history, "收回了多少？") == "东湖高新产业园收回了多少违规资金？"
    assert behaviour.requests[0]["stream"] is False

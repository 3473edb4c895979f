"""The chat's handlers, called as the page calls them: streamed answers, bad input, feedback, export, ingest."""

from __future__ import annotations

import json
import re
import threading

import pytest

from assistant.chain import make_chain
from tests.ui.conftest import UI_FIXTURES
from ui.actions import INGESTING_HINT, UiActions
from ui.chat_view import SEARCHING
from ui.library import NoticeLibrary


def make_actions(workspace, tmp_path) -> UiActions:
    return UiActions(workspace, make_chain(workspace), NoticeLibrary(workspace), exports_dir=tmp_path / "exports")


def run(actions: UiActions, question: str, units=None, turns=None) -> list[tuple]:
    return list(actions.ask(question, units or [], turns or []))


def reply_of(update: tuple) -> str:
    return update[0][-1]["content"]


def test_answer_streams_from_searching_to_the_full_reply_with_sources(ingested, tmp_path):
    updates = run(make_actions(ingested, tmp_path), "柳林街道巡察移交的信访件办结了几件?")
    assert reply_of(updates[0]) == SEARCHING and updates[0][3] == ""  # the box is cleared at once
    replies = [reply_of(update) for update in updates]
    assert len(replies) >= 4  # placeholder, growing prefixes, final
    final_chat, sources, status, _, hint, turns = updates[-1]
    assert "已办结8件" in final_chat[-1]["content"] and 'href="#src-0-1"' in final_chat[-1]["content"]
    assert 'id="src-0-1"' in sources and "<mark>" in sources and "青禾市云岭区柳林街道" in sources
    assert "抽取式" in status and "3 份通报" in status
    assert hint == "" and turns[0].answer is not None


@pytest.mark.parametrize(
    "question, message",
    [("", "请输入问题"), ("   ", "请输入问题"), ("巡" * 10_000, "问题过长(10000字)")],
)
def test_empty_or_overlong_question_is_refused_and_nothing_else_changes(ingested, tmp_path, question, message):
    earlier = [object()]
    with pytest.warns(UserWarning, match=re.escape(message)):  # shown as a toast in the page
        updates = run(make_actions(ingested, tmp_path), question, turns=earlier)
    assert len(updates) == 1
    *unchanged, hint, turns = updates[0]
    assert message in hint and turns is earlier
    assert all(value == {"__type__": "update"} for value in unchanged)  # chat, sources, status, box kept


def test_follow_up_uses_this_conversations_history(ingested, tmp_path):
    actions = make_actions(ingested, tmp_path)
    first = run(actions, "东湖高新产业园清退了多少通讯补助?")[-1]
    follow_up = run(actions, "巡察意见是什么时候反馈的?", turns=first[-1])[-1]
    turns = follow_up[-1]
    assert len(turns) == 2 and "2022年6月9日" in turns[1].answer.text
    assert {c.unit for c in turns[1].answer.citations} == {"东湖高新产业园"}
    assert 'id="src-1-1"' in follow_up[1]  # the panel shows the latest answer's sources


def test_unit_filter_restricts_the_answer(ingested, tmp_path):
    turns = run(make_actions(ingested, tmp_path), "巡察意见是什么时候反馈的?", units=["青禾市云岭区柳林街道"])[-1][-1]
    assert {c.unit for c in turns[0].answer.citations} == {"青禾市云岭区柳林街道"}
    assert turns[0].units == ["青禾市云岭区柳林街道"]


def test_a_failing_answer_becomes_a_message_in_the_chat(ingested, tmp_path, monkeypatch):
    actions = make_actions(ingested, tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("index gone")
        yield  # pragma: no cover

    monkeypatch.setattr(actions.chain, "stream", broken)
    chat, sources, *_, turns = run(actions, "东湖高新产业园清退了多少?")[-1]
    assert "回答时出错(RuntimeError)" in chat[-1]["content"] and turns[0].answer is None


def test_question_while_an_upload_ingests_is_answered_and_says_so(settings, chroma_client, tmp_path, notices_dir):
    from assistant.workspace import Workspace
    from tests.ui.conftest import GatedEmbeddings

    embeddings = GatedEmbeddings()
    workspace = Workspace(settings, embeddings=embeddings, chroma_client=chroma_client)
    embeddings.gate.set()
    workspace.ingestor.ingest_paths([notices_dir])
    embeddings.gate.clear()
    embeddings.embedding.clear()
    actions = make_actions(workspace, tmp_path)
    upload = tmp_path / "up" / "songshan.txt"
    upload.parent.mkdir()
    upload.write_bytes((UI_FIXTURES / "songshan.txt").read_bytes())
    ingest = threading.Thread(target=actions.upload, args=([str(upload)],), kwargs={"progress": lambda *a, **k: None})
    ingest.start()
    try:
        assert embeddings.embedding.wait(10)
        updates = run(actions, "柳林街道巡察移交的信访件办结了几件?")
    finally:
        embeddings.gate.set()
        ingest.join(10)
    final = updates[-1]
    assert final[4] == INGESTING_HINT and "正在导入新通报" in final[2]
    assert "已办结8件" in final[-1][0].answer.text
    assert "青禾市松山镇" in actions.units()


def test_feedback_is_appended_with_question_answer_and_sources(ingested, tmp_path):
    import gradio as gr

    actions = make_actions(ingested, tmp_path)
    turns = run(actions, "东湖高新产业园清退了多少通讯补助?")[-1][-1]
    actions.feedback(turns, gr.LikeData(None, {"index": 1, "value": "", "liked": False}))
    actions.feedback(turns, gr.LikeData(None, {"index": 1, "value": "", "liked": True}))
    lines = [json.loads(line) for line in ingested.settings.feedback_path.read_text(encoding="utf-8").splitlines()]
    assert [line["rating"] for line in lines] == ["down", "up"]
    assert lines[0]["question"] == "东湖高新产业园清退了多少通讯补助?" and lines[0]["sources"][0]["unit"] == "东湖高新产业园"


def test_clicking_an_earlier_answer_shows_its_sources(ingested, tmp_path):
    import gradio as gr

    actions = make_actions(ingested, tmp_path)
    turns = run(actions, "东湖高新产业园清退了多少通讯补助?")[-1][-1]
    turns = run(actions, "柳林街道巡察移交的信访件办结了几件?", turns=turns)[-1][-1]
    panel = actions.select_message(turns, gr.SelectData(None, {"index": 1, "value": ""}))
    assert 'id="src-0-1"' in panel and "东湖高新产业园" in panel


def test_export_gives_a_markdown_file_and_refuses_an_empty_conversation(ingested, tmp_path):
    actions = make_actions(ingested, tmp_path)
    with pytest.warns(UserWarning, match="还没有可导出的对话"):
        assert actions.export([])["visible"] is False
    turns = run(actions, "东湖高新产业园清退了多少通讯补助?")[-1][-1]
    exported = actions.export(turns)
    text = open(exported["value"], encoding="utf-8").read()
    assert "[^1-1]: 「" in text and "东湖高新产业园" in text


def test_two_sessions_export_to_their_own_private_folders(ingested, tmp_path):
    import os

    import gradio as gr

    actions = make_actions(ingested, tmp_path)
    alice, bob = gr.Request(session_hash="alice-session"), gr.Request(session_hash="bob-session")
    alice_turns = run(actions, "东湖高新产业园清退了多少通讯补助?")[-1][-1]
    bob_turns = run(actions, "柳林街道巡察移交的信访件办结了几件?")[-1][-1]
    alice_file = actions.export(alice_turns, alice)["value"]
    bob_file = actions.export(bob_turns, bob)["value"]
    again = actions.export(alice_turns, alice)["value"]
    assert len({alice_file, bob_file, again}) == 3
    assert os.path.dirname(alice_file) == os.path.dirname(again) != os.path.dirname(bob_file)
    for folder in {os.path.dirname(alice_file), os.path.dirname(bob_file)}:
        assert os.stat(folder).st_mode & 0o777 == 0o700
    assert "清退" in open(alice_file, encoding="utf-8").read() and "清退" not in open(bob_file, encoding="utf-8").read()
    actions.forget_session(alice)  # the page was closed
    assert not os.path.exists(alice_file) and os.path.exists(bob_file)


def test_upload_result_comes_with_the_refreshed_table_and_the_filter_then_offers_the_unit(ingested, tmp_path):
    actions = make_actions(ingested, tmp_path)
    upload = tmp_path / "up" / "songshan.txt"
    upload.parent.mkdir()
    upload.write_bytes((UI_FIXTURES / "songshan.txt").read_bytes())
    result, _, table, removal, status = actions.upload([str(upload)], progress=lambda *a, **k: None)
    assert "新增 1 份" in result and "青禾市松山镇" in [row[0] for row in table]
    assert "4 份通报" in status and any("青禾市松山镇" in label for label, _ in removal["choices"])
    offered = actions.unit_filter_update(["东湖高新产业园", "已删除的单位"])
    assert "青禾市松山镇" in offered["choices"] and offered["value"] == ["东湖高新产业园"]
    message, table, *_ = actions.remove(next(row[-1] for row in table if row[0] == "青禾市松山镇"))
    assert message.startswith("已删除") and "青禾市松山镇" not in [row[0] for row in table]
    assert "青禾市松山镇" not in actions.unit_filter_update([])["choices"]


def test_new_conversation_forgets_the_history(ingested, tmp_path):
    chat, sources, hint, export_file, turns = make_actions(ingested, tmp_path).new_conversation()
    assert chat == [] and turns == [] and export_file["visible"] is False


class ScriptedLLMChain:
    """Stands in for an LLM chain: streams the given deltas, then the final Answer."""

    answerer_name = "llm:qwen-test"

    def __init__(self, deltas: list[str], answer) -> None:
        self.deltas, self.answer = deltas, answer

    def stream(self, question, history=(), units=None, k=5):
        yield from self.deltas
        yield self.answer


def test_llm_deltas_stream_into_the_chat_and_a_fallback_shows_in_the_status(ingested, tmp_path, monkeypatch):
    from assistant.answer import Answer
    import ui.actions

    monkeypatch.setattr(ui.actions, "STREAM_REFRESH_S", 0.0)
    final = Answer("问", "问", "回答完毕。", [], "extractive", notice="大模型接口不可用(timeout),已改用抽取式回答。")
    chain = ScriptedLLMChain(["第一段", "第二段", "第三段"], final)
    actions = UiActions(ingested, chain, NoticeLibrary(ingested), exports_dir=tmp_path)
    updates = list(actions.ask("问", [], []))
    partials = [reply_of(update) for update in updates[1:-1]]
    assert partials == ["第一段 …", "第一段第二段 …", "第一段第二段第三段 …"]
    chat, _, status, *_ = updates[-1]
    assert "大模型 qwen-test" in status and "注意**:大模型接口不可用(timeout)" in status
    assert chat[-1]["content"].startswith("> **注意**:大模型接口不可用")


def test_question_before_any_notice_is_ingested_says_where_to_upload(workspace, tmp_path):
    *_, hint, turns = run(make_actions(workspace, tmp_path), "东湖高新产业园清退了多少?")[-1]
    assert "请先在「通报库」页上传" in hint and turns[0].answer.not_found

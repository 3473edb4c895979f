"""Feedback: one JSON line per thumb, with question, answer and sources; safe from many sessions."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from assistant.answer import Answer, Citation
from ui.conversation import ChatTurn
from ui.feedback import FeedbackLog, feedback_entry


def answered_turn(question: str) -> ChatTurn:
    citation = Citation(1, "nid", "标题", "柳林街道", "二、", "已办结8件", 5, 10, True)
    return ChatTurn(question, Answer(question, question, "已办结8件[1]", [citation], "extractive"))


def test_entry_keeps_question_answer_rating_and_sources():
    entry = feedback_entry(answered_turn("信访件办结了几件?"), liked=False)
    assert entry["rating"] == "down"
    assert entry["question"] == "信访件办结了几件?" and entry["answer"] == "已办结8件[1]"
    assert entry["sources"][0]["quote"] == "已办结8件" and entry["sources"][0]["unit"] == "柳林街道"


def test_concurrent_appends_give_one_valid_line_each(tmp_path):
    log = FeedbackLog(tmp_path / "home" / "feedback.jsonl")
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: log.append(feedback_entry(answered_turn(f"问题{i}"), i % 2 == 0)), range(40)))
    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["question"] for line in lines) == sorted(f"问题{i}" for i in range(40))

"""A quoted point of a list that opens without its doer also quotes the sentence naming the doer."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.evidence import Evidence, Question
from assistant.evidence_reach import with_point_doers
from assistant.question import profile_question

NOTICE = (
    "(二)书记履行第一责任人职责。青禾医院党委书记从讲政治高度把握整改内涵。"
    "一是亲自部署重要工作;二是统筹谋划并担任整改领导小组组长,建立销号机制。"
)
POINT = "二是统筹谋划并担任整改领导小组组长,建立销号机制。"


def ask(text: str) -> Question:
    return Question(profile_question(text), (("组长",),), {"组长": 1.0}, (profile_question(text),), {}, text)


def point() -> Evidence:
    start = NOTICE.index(POINT)
    document = Document(page_content=POINT, metadata={"notice_id": "n1"})
    return Evidence(document, start, start + len(POINT), POINT, 1.0, True)


def test_asked_who_leads_a_point_without_its_doer_quotes_the_sentence_naming_the_doer():
    quotes = [e.text for e in with_point_doers([point()], ask("两家整改领导小组谁当组长"), lambda _: NOTICE)]
    assert quotes == [POINT, "青禾医院党委书记从讲政治高度把握整改内涵。"]


def test_asked_something_else_the_point_stands_alone():
    assert [e.text for e in with_point_doers([point()], ask("两家整改机制有啥不同"), lambda _: NOTICE)] == [POINT]

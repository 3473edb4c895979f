"""A count of something else is no answer to a count asked (FICTIONAL sentences)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.evidence import Evidence, topic_over_stray_figure

DOCUMENT = Document(page_content="", metadata={"title": "", "notice_id": "n1"})


def said(text: str, coverage: float, start: int, heading: bool = False) -> Evidence:
    return Evidence(DOCUMENT, start, start + len(text), text, 1.0, coverage == 0, (coverage,), heading)


ON_TOPIC = said("整改情况:3月5日召开保密工作专题会,部署全年保密工作。", 0.8, 100)
STRAY_COUNT = said("坚持每周组织一次业务学习。", 0.0, 200)


def test_a_count_holding_none_of_the_asked_words_gives_way_to_the_sentence_on_the_topic():
    assert topic_over_stray_figure([STRAY_COUNT], [STRAY_COUNT, ON_TOPIC], 0.5) == [ON_TOPIC]


def test_a_count_on_the_topic_stands_and_a_weak_match_replaces_nothing():
    counted = said("全年召开保密工作专题会2次。", 0.7, 300)
    assert topic_over_stray_figure([counted], [counted, ON_TOPIC], 0.5) == [counted]
    weak = said("加强保密管理。", 0.3, 400)
    assert topic_over_stray_figure([STRAY_COUNT], [STRAY_COUNT, weak], 0.5) == [STRAY_COUNT]
    heading = said("(三)保密工作专题研究不够", 0.9, 500, heading=True)
    assert topic_over_stray_figure([STRAY_COUNT], [STRAY_COUNT, heading], 0.5) == [STRAY_COUNT]

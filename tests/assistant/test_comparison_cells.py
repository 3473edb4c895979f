"""Which sentences stand in a comparison's column (FICTIONAL sentences)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.comparison_cells import column_sentences
from assistant.evidence import Evidence

QUESTION = "云岭区和东湖在征地拆迁这摊事上各有啥问题、怎么弄的?"
DOCUMENT = Document(page_content="", metadata={"title": "关于巡察整改情况的通报"})


def sentence(text: str, meaning: float, start: int) -> Evidence:
    return Evidence(DOCUMENT, start, start + len(text), text, 1.0, True, meaning=meaning)


ON_TOPIC_BY_WORD = sentence("征地项目推进不平衡,拆迁补偿标准不一。", 0.5, 0)
ON_TOPIC_BY_MEANING = sentence("成立逾期还建处置工作专班,落实还建房项目责任人。", 0.8, 100)
OFF_TOPIC = sentence("推动基层治理提质增效,巩固整改成果。", 0.1, 200)


def test_a_sentence_close_in_meaning_stands_though_it_holds_no_topic_word():
    chosen = column_sentences([ON_TOPIC_BY_WORD, ON_TOPIC_BY_MEANING, OFF_TOPIC], [ON_TOPIC_BY_WORD], QUESTION, 0.6)
    assert chosen == [ON_TOPIC_BY_WORD, ON_TOPIC_BY_MEANING]


def test_a_sentence_neither_holding_a_topic_word_nor_close_in_meaning_never_fills_a_column():
    assert column_sentences([OFF_TOPIC], [ON_TOPIC_BY_WORD], QUESTION, 0.6) == []


def test_a_compound_topic_word_split_in_two_by_the_notice_still_counts():
    question = "两家的反馈会,分别是谁主持的?"  # 反馈会 -> 反馈会议
    split = sentence("组长李明反馈巡察意见,党委书记王芳主持会议并作表态发言。", 0.2, 300)
    apart = sentence("召开党委会议研究部署整改。", 0.2, 400)  # 会议 alone is a frequent word
    assert column_sentences([split, apart], [split], question, 0.6) == [split]

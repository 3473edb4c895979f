"""Days from the meeting held to study the rectification to the notice's publication start at the meeting, not at
the feedback (a fictional notice, through the chain)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共蘅川县棠溪镇委员会关于巡察整改情况的通报

2025年3月3日至4月18日，县委第二巡察组对棠溪镇党委开展了常规巡察，2025年5月6日向镇党委反馈了巡察意见。

一、提高站位，压实整改责任
镇党委书记5月9日上午主持召开镇党委会议，专题研究部署巡察反馈问题整改工作，成立整改工作领导小组。

二、整改落实情况
巡察反馈问题10个，已完成整改9个，正在整改1个。

中共蘅川县棠溪镇委员会
2025年8月7日
"""


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> AnswerChain:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.settings import load_settings
    from assistant.workspace import Workspace
    from index.fake_embedder import HashingEmbeddings

    home, notices = tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("notices")
    (notices / "tangxi.txt").write_text(NOTICE, encoding="utf-8")
    settings = load_settings(home=home, embed_model="fake").model_copy(update={"chroma_url": "", "llm_base_url": ""})
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    workspace = Workspace(settings, embeddings=HashingEmbeddings(), chroma_client=client)
    assert workspace.ingestor.ingest_paths([notices]).ok
    return AnswerChain(workspace)


def test_from_the_meeting_to_publication_counts_from_the_meeting_and_cites_it(chain):
    answer = chain.ask("棠溪镇开会研究整改到发通报隔了多久")
    assert "90天" in answer.text  # 2025-05-09 to 2025-08-07
    assert any("召开镇党委会议" in c.quote for c in answer.citations)


def test_from_the_feedback_to_publication_still_counts_from_the_feedback(chain):
    answer = chain.ask("棠溪镇反馈到发通报隔了多久")
    assert "93天" in answer.text  # 2025-05-06 to 2025-08-07

"""A round's notice filed under its first unit: comparing that unit with another notice's unit computes those two,
not the round's other units (fictional notices, through the chain)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

ROUND_NOTICE = """关于县委第三轮巡察三个被巡察单位整改情况的通报

根据县委巡察工作统一部署，2025年3月3日至4月25日，县委第三轮巡察对县林业局、县档案馆、县粮食储备中心3个单位党组织开展了常规巡察。现将整改情况通报如下。

一、蘅川县林业局
县委第一巡察组于2025年5月12日向县林业局党组反馈巡察意见，指出3个方面16个问题。截至2025年8月31日，已完成整改14个，整改完成率87.5%；正在整改2个。

二、蘅川县档案馆
县委第二巡察组于2025年5月13日向县档案馆党支部反馈巡察意见，指出2个方面10个问题。截至2025年8月31日，已完成整改10个，整改完成率100%。

三、蘅川县粮食储备中心
县委第三巡察组于2025年5月14日向县粮食储备中心党支部反馈巡察意见，指出3个方面20个问题。截至2025年8月31日，已完成整改15个，整改完成率75%；正在整改5个。

中共蘅川县委巡察工作领导小组办公室
2025年9月20日
"""

OTHER_NOTICE = """中共棠溪市红十字会党组关于市委巡察整改进展情况的通报

2025年4月7日至5月30日，市委第四巡察组对棠溪市红十字会党组开展了常规巡察，并于2025年6月18日反馈了巡察意见，指出问题12个。

市红十字会党组对照反馈意见制定整改措施30条，截至2025年9月1日，已完成整改11个，整改完成率91.7%；正在整改1个。

中共棠溪市红十字会党组
2025年9月25日
"""


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> AnswerChain:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.settings import load_settings
    from assistant.workspace import Workspace
    from index.fake_embedder import HashingEmbeddings

    home, notices = tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("notices")
    (notices / "hengchuan_round.txt").write_text(ROUND_NOTICE, encoding="utf-8")
    (notices / "tangxi_hongshizihui.txt").write_text(OTHER_NOTICE, encoding="utf-8")
    settings = load_settings(home=home, embed_model="fake").model_copy(update={"chroma_url": "", "llm_base_url": ""})
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    workspace = Workspace(settings, embeddings=HashingEmbeddings(), chroma_client=client)
    assert workspace.ingestor.ingest_paths([notices]).ok
    return AnswerChain(workspace)


def test_the_round_unit_named_is_compared_with_the_other_unit_alone(chain):
    answer = chain.ask("林业局和红十字会完成率谁高 高多少")
    assert "87.5%" in answer.text and "91.7%" in answer.text and "4.2个百分点" in answer.text
    assert "档案馆" not in answer.text and "粮食储备中心" not in answer.text


def test_a_round_unit_said_as_well_is_compared_too(chain):
    answer = chain.ask("林业局、档案馆和红十字会完成率谁高")
    assert "87.5%" in answer.text and "100%" in answer.text and "91.7%" in answer.text
    assert "粮食储备中心" not in answer.text

"""A round office's notice reports its inspected units as peers (a fictional notice, through the chain)."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

ROUND_NOTICE = """中共白石县委巡察工作领导小组办公室关于县交通运输局、县文化馆、柳岸镇巡察整改情况的通报

根据县委统一部署，县委第一巡察组对县交通运输局、县文化馆、柳岸镇开展了常规巡察。现将整改情况通报如下。

一、县交通运输局
巡察反馈问题12个，已完成整改11个，完成率91.7%。收回违规借用车辆2辆，建立健全制度5项。

二、县文化馆
巡察反馈问题8个，已完成整改8个，完成率100%。针对违规发放演出补贴问题，清退3.2万元，修订财务管理制度2项。

三、柳岸镇
巡察反馈问题15个，已完成整改13个，完成率86.7%。收回集体资金12.5万元，问责处理干部3人。

欢迎广大干部群众对巡察整改落实情况进行监督。

白石县委巡察办
2026年3月10日
"""


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> AnswerChain:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.settings import load_settings
    from assistant.workspace import Workspace
    from index.fake_embedder import HashingEmbeddings

    home, notices = tmp_path_factory.mktemp("home"), tmp_path_factory.mktemp("notices")
    (notices / "baishi.txt").write_text(ROUND_NOTICE, encoding="utf-8")
    settings = load_settings(home=home, embed_model="fake").model_copy(update={"chroma_url": "", "llm_base_url": ""})
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    workspace = Workspace(settings, embeddings=HashingEmbeddings(), chroma_client=client)
    assert workspace.ingestor.ingest_paths([notices]).ok
    return AnswerChain(workspace)


@pytest.mark.parametrize("question", ["三家单位问题加起来多少个", "这轮巡察的几家一共多少问题"])
def test_a_sum_across_a_rounds_units_adds_each_unit(chain, question):
    answer = chain.ask(question)
    assert "35个" in answer.text and "下属单位" not in answer.text and "资料库中有1家" not in answer.text
    assert len(answer.citations) == 3


def test_a_which_units_answer_never_lists_the_rounds_place(chain):
    answer = chain.ask("哪些单位收回了资金")
    assert "柳岸镇" in answer.text
    # The round's place is no unit of its own; a round unit that took back no money may be listed as not found.
    not_found = next((line for line in answer.text.splitlines() if line.startswith("未找到相关内容的单位")), "")
    assert "白石县" not in not_found.split("：", 1)[-1].strip("。").split("、")


def test_two_round_units_named_short_are_compared_column_by_column(chain):
    answer = chain.ask("文化馆和柳岸镇在乱发钱上有啥不同")
    header = next(line for line in answer.text.splitlines() if line.startswith("| 要点"))
    assert "文化馆" in header and "柳岸镇" in header
    assert "清退3.2万元" in answer.text

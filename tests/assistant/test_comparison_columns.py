"""Comparisons in plain words on fictional notices: each column quotes the problem's measures and its figures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "columns"


@pytest.fixture
def chain(settings, chroma_client, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> AnswerChain:
    """The chain over the fixture notices with the bundled model: which sentences fill a column depends on
    their closeness in meaning to the topic, which a fake embedder cannot tell."""
    from assistant.workspace import Workspace

    models = Path(os.environ.get("ASSISTANT_MODEL_DIR") or tmp_path_factory.mktemp("models"))
    real = settings.model_copy(update={
        "embed_model": "bundled:multilingual-e5-small", "embed_int8": False, "model_dir": models, "collection": "columns",
    })
    workspace = Workspace(real, chroma_client=chroma_client)
    shutil.copytree(FIXTURES, tmp_path / "columns")
    assert workspace.ingestor.ingest_paths([tmp_path / "columns"]).ok
    return AnswerChain(workspace)


@pytest.mark.integration
def test_each_column_quotes_what_the_unit_achieved_on_the_topic_in_figures(chain):
    answer = chain.ask("松林和白榆在拉项目、引企业这块差别大吗?")

    assert not answer.not_found
    assert "4.6亿元" in answer.text  # 松林镇's result under its 招商 problem
    assert "1.2亿元" in answer.text  # 白榆乡's

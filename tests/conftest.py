"""Shared fixtures: fictional notices, a workspace on a temp home with a fake embedder."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

FIXTURE_NOTICES = Path(__file__).parent / "fixtures" / "notices"


@pytest.fixture
def notices_dir(tmp_path: Path) -> Path:
    """A private copy of the fictional fixture notices (tests may edit it)."""
    target = tmp_path / "notices"
    shutil.copytree(FIXTURE_NOTICES, target)
    return target


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from assistant.settings import load_settings

    monkeypatch.delenv("ASSISTANT_CHROMA_URL", raising=False)
    monkeypatch.delenv("ASSISTANT_LLM_BASE_URL", raising=False)
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "absent.toml"))
    return load_settings(home=tmp_path / "home", embed_model="fake")


@pytest.fixture
def chroma_client():
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))


@pytest.fixture
def workspace(settings, chroma_client):
    """A workspace on a temp home, with the fake embedder and an in-memory Chroma collection."""
    from assistant.workspace import Workspace
    from index.fake_embedder import HashingEmbeddings

    settings = settings.model_copy(update={"collection": f"test-{uuid.uuid4().hex[:8]}"})
    return Workspace(settings, embeddings=HashingEmbeddings(), chroma_client=chroma_client)


@pytest.fixture
def ingested(workspace, notices_dir):
    report = workspace.ingestor.ingest_paths([notices_dir])
    assert report.ok, report.failed
    return workspace


@pytest.fixture
def chain_over(workspace, tmp_path: Path):
    """A function: ingest one notice text (as file_name) into the workspace, give the chain over it."""
    from assistant.chain import AnswerChain

    def build(file_name: str, text: str) -> AnswerChain:
        folder = tmp_path / Path(file_name).stem
        folder.mkdir()
        (folder / file_name).write_text(text, encoding="utf-8")
        report = workspace.ingestor.ingest_paths([folder])
        assert report.ok, report.failed
        return AnswerChain(workspace)

    return build


def _chain_over_copy(workspace, fixtures: Path, tmp_path: Path):
    """The chain over a copy of a folder of fixture notices ingested into the workspace."""
    import shutil

    from assistant.chain import AnswerChain

    folder = tmp_path / fixtures.name
    shutil.copytree(fixtures, folder)
    report = workspace.ingestor.ingest_paths([folder])
    assert report.ok, report.failed
    return AnswerChain(workspace)


@pytest.fixture
def chain_over_folder(workspace, tmp_path: Path):
    """A function: ingest a copy of a folder of fixture notices into the workspace, give the chain over it."""
    return lambda fixtures: _chain_over_copy(workspace, fixtures, tmp_path)


@pytest.fixture
def bundled_chain_over_folder(settings, chroma_client, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory):
    """A function: the chain over a copy of a fixture folder with the bundled model (fp32), for answers that
    depend on closeness in meaning, which a fake embedder cannot tell."""
    import os

    from assistant.workspace import Workspace

    def build(fixtures: Path):
        models = Path(os.environ.get("ASSISTANT_MODEL_DIR") or tmp_path_factory.mktemp("models"))
        real = settings.model_copy(update={
            "embed_model": "bundled:multilingual-e5-small", "embed_int8": False, "model_dir": models,
            "collection": fixtures.name,
        })
        return _chain_over_copy(Workspace(real, chroma_client=chroma_client), fixtures, tmp_path)

    return build


def unit_line_of(answer_text: str, unit: str) -> str:
    """The numbered line of a which-units answer about the unit ("" when the unit has none)."""
    return next((line for line in answer_text.splitlines() if line[:1].isdigit() and unit in line), "")


def history_of(answer) -> list[dict]:
    """The conversation so far as the chat keeps it: the question asked and the answer shown."""
    return [{"role": "user", "content": answer.question}, {"role": "assistant", "content": answer.text}]


@pytest.fixture
def history():
    return history_of


def _stored(texts: dict[str, str]):
    """Notices as ingest stores them, from {path: text}: rows, records by notice id, texts by notice id."""
    from index.catalog import NoticeRow
    from index.documents import notice_id_for
    from index.metadata import extract_notice_metadata
    from index.records import extract_notice_record

    notices, records, by_id = [], {}, {}
    for path, text in texts.items():
        notice_id, name = notice_id_for(text), Path(path).name
        metadata = extract_notice_metadata(text, name)
        notices.append(NoticeRow(notice_id, path, name, metadata.title, metadata.unit, metadata, 1, "ready", 0.0))
        records[notice_id] = extract_notice_record(notice_id, text, metadata.unit).to_dict()
        by_id[notice_id] = text
    return notices, records, by_id


@pytest.fixture(scope="session")
def stored():
    """A function: {path: notice text} -> (rows, records by id, texts by id), as ingest would store them."""
    return _stored

"""`ingest --refresh`: a notice stored by an older extraction is derived again from its stored text (FICTIONAL notice)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from index.fake_embedder import HashingEmbeddings
from index.notice_lookup import NoticeNotFound

BUREAU, CENTRE = "蘅川县农业农村局", "蘅川县农机服务中心"

# A bureau's notice on its own offices and a subordinate centre, each section with its own figures.
JOINT = (
    "中共蘅川县农业农村局党组关于局机关及下属县农机服务中心巡察整改情况的通报\n\n"
    "2024年3月1日至4月30日，县委第二巡察组对蘅川县农业农村局党组开展了常规巡察，"
    "并对局属事业单位蘅川县农机服务中心开展了延伸巡察，分别反馈了巡察意见。\n\n"
    "一、局机关整改情况\n\n"
    "巡察组向局机关反馈10个问题，截至2024年9月30日已完成整改9个，整改完成率90%。"
    "清退违规发放的加班补贴2.6万元。\n\n"
    "二、县农机服务中心整改情况\n\n"
    "巡察组向中心反馈5个问题，已完成整改3个，整改完成率60%。中心追回多付的维修费用1.8万元。\n\n"
    "三、下一步工作\n\n局党组将继续督促整改。\n\n"
    "中共蘅川县农业农村局党组\n2024年10月20日\n"
)
WHICH = "哪些单位追回了多付的费用?"


class CountingEmbeddings(HashingEmbeddings):
    """The fake embedder, counting the texts it embeds as documents."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def embed_documents(self, texts):
        self.embedded += len(texts)
        return super().embed_documents(texts)


@pytest.fixture
def library(settings, chroma_client, tmp_path: Path):
    """A workspace (counting embedder) holding the joint notice as an older version stored it: no section units."""
    from assistant.workspace import Workspace

    settings = settings.model_copy(update={"collection": "test-refresh"})
    workspace = Workspace(settings, embeddings=CountingEmbeddings(), chroma_client=chroma_client)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hengchuan.txt").write_text(JOINT, encoding="utf-8")
    assert workspace.ingestor.ingest_paths([tmp_path / "in"]).ok
    write_as_older_version(workspace.catalog)
    workspace.embeddings.embedded = 0
    return workspace


def write_as_older_version(catalog) -> None:
    """What an extraction without section units stored: every chunk and figure the bureau's, no sub-units."""
    [row] = catalog.notices()
    metadata = row.metadata.to_dict() | {"sub_units": []}
    record = catalog.records()[row.notice_id]
    for figure in record.get("figures", []):
        figure["scope"] = ""
    with catalog._transaction() as db:
        db.execute("UPDATE notices SET metadata_json = ? WHERE notice_id = ?",
                   (json.dumps(metadata, ensure_ascii=False), row.notice_id))
        db.execute("UPDATE chunks SET unit = ? WHERE notice_id = ?", (BUREAU, row.notice_id))
        db.execute("UPDATE records SET record_json = ? WHERE notice_id = ?",
                   (json.dumps(record, ensure_ascii=False), row.notice_id))
        db.execute("DELETE FROM meta WHERE key = 'extraction_fingerprint'")
        catalog._bump_generation(db)


def answered_units(workspace) -> str:
    return AnswerChain(workspace).ask(WHICH).render_markdown().split("来源")[0]


def test_an_outdated_notice_is_updated_and_the_answer_names_the_centre(library):
    assert CENTRE not in answered_units(library)
    assert library.refresh_due()

    report = library.refresher.refresh()

    assert (report.checked, len(report.updated)) == (1, 1)
    assert CENTRE in answered_units(library)
    assert CENTRE in library.catalog.notices()[0].metadata.sub_units
    assert not library.refresh_due()
    assert library.store.count() == library.catalog.counts()[1]


def test_only_chunks_whose_embedded_text_changed_are_embedded_again(library):
    report = library.refresher.refresh()
    centre_chunks = [c for c in library.catalog.chunks() if c.unit == CENTRE]

    assert 0 < len(centre_chunks) < library.catalog.counts()[1]
    assert library.embeddings.embedded == report.reembedded == len(centre_chunks)

    again = library.refresher.refresh()
    assert (len(again.updated), again.reembedded, library.embeddings.embedded) == (0, 0, len(centre_chunks))


def test_a_refresh_stopped_before_its_swap_leaves_the_old_notice_answerable_and_the_next_writer_finishes_it(
    library, monkeypatch
):
    def stop(staged):
        raise KeyboardInterrupt  # the process is stopped after the vectors were written

    monkeypatch.setattr(library.catalog, "swap_refreshed", stop)
    with pytest.raises(KeyboardInterrupt):
        library.refresher.refresh()
    monkeypatch.undo()

    answer = answered_units(library)
    assert BUREAU in answer and CENTRE not in answer  # the old data, still answerable
    library.ingestor.finish_interrupted_work()
    assert CENTRE in answered_units(library)
    assert library.store.count() == library.catalog.counts()[1]


def test_a_refresh_stopped_while_writing_vectors_keeps_the_old_data(library, monkeypatch):
    def stop(notices, vectors):
        raise KeyboardInterrupt

    monkeypatch.setattr(library.store, "add_notices", stop)
    with pytest.raises(KeyboardInterrupt):
        library.refresher.refresh()
    monkeypatch.undo()

    assert CENTRE not in answered_units(library)
    assert library.refresher.refresh().checked == 1  # its start finishes the staged swap
    assert CENTRE in answered_units(library)


def test_another_process_sees_the_refreshed_notice(library, chroma_client):
    from assistant.workspace import Workspace

    reader = Workspace(library.settings, embeddings=HashingEmbeddings(), chroma_client=chroma_client)
    assert CENTRE not in answered_units(reader)

    library.refresher.refresh()

    reader.refresh_if_changed()
    assert CENTRE in answered_units(reader)


def test_a_named_notice_is_refreshed_and_an_unknown_name_changes_nothing(library):
    with pytest.raises(NoticeNotFound):
        library.refresher.refresh(["nope.txt"])
    assert CENTRE not in answered_units(library)

    report = library.refresher.refresh(["hengchuan.txt"])
    assert len(report.updated) == 1
    assert CENTRE in answered_units(library)

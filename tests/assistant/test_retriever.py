"""The hybrid retriever as a user meets it: unit scoping, questions across units, no crowding out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.fusion import overlap_ratio

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FIXTURE_NOTICES = FIXTURES / "notices"
CROWDING_NOTICES = FIXTURES / "crowding"

DONGHU = "东湖高新产业园"
YUNLING = "青禾市云岭区"
LIULIN = "青禾市云岭区柳林街道"

SONGTAO = "青禾市松涛区"  # many chunks, all about 津补贴 清退 in one wording
BAISHA = "青禾市白沙镇"  # one passage: 通讯补助/夜餐补助 退回
NANHU = "南湖经济开发区"  # one passage: 超标准发放的年终奖金 清退
BAISHU = "青禾市柏树乡"  # nothing about money at all

SUBSIDY_QUESTION = "哪些单位清退了违规发放的津补贴?"


def units_of(documents) -> set[str]:
    return {d.metadata["unit"] for d in documents}


def build_workspace(home: Path, notices: Path):
    """A workspace (fake embedder, in-memory Chroma) over a copy of a folder of notices."""
    import uuid

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.settings import load_settings
    from assistant.workspace import Workspace
    from index.fake_embedder import HashingEmbeddings

    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("ASSISTANT_CHROMA_URL", raising=False)
        patch.setenv("ASSISTANT_CONFIG", str(home / "absent.toml"))
        settings = load_settings(home=home / "home", embed_model="fake", collection=f"test-{uuid.uuid4().hex[:8]}")
    workspace = Workspace(
        settings,
        embeddings=HashingEmbeddings(),
        chroma_client=chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False)),
    )
    shutil.copytree(notices, home / "notices")
    report = workspace.ingestor.ingest_paths([home / "notices"])
    assert report.ok, report.failed
    return workspace


@pytest.fixture(scope="module")
def fixtures_ws(tmp_path_factory: pytest.TempPathFactory):
    """The three fixture notices, ingested once for the read-only tests of this module."""
    return build_workspace(tmp_path_factory.mktemp("fixtures"), FIXTURE_NOTICES)


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory):
    """The crowding corpus: one unit repeating itself, two with a single passage, one off topic."""
    return build_workspace(tmp_path_factory.mktemp("crowding"), CROWDING_NOTICES)


# --- scoping by unit ---------------------------------------------------------------------


def test_a_unit_named_in_the_question_restricts_the_results_to_it(fixtures_ws):
    result = fixtures_ws.retriever.retrieve("东湖高新产业园收回了多少工程款?")

    assert result.units_named == [DONGHU]
    assert not result.across_units and result.per_unit == []
    assert units_of(result.documents) == {DONGHU}
    assert "收回多付工程款8.9万元" in result.documents[0].page_content


def test_a_short_name_of_a_unit_finds_the_unit_not_the_unit_that_contains_it(fixtures_ws):
    result = fixtures_ws.retriever.retrieve("柳林街道信访件办结了多少件?")

    assert result.units_named == [LIULIN]  # 青禾市云岭区柳林街道, not 青禾市云岭区
    assert units_of(result.documents) == {LIULIN}
    assert "已办结8件" in result.documents[0].page_content


def test_a_street_named_with_its_district_in_front_is_one_unit_not_a_comparison(fixtures_ws):
    # 柳林街道 is in 云岭区 (its full name is 青禾市云岭区柳林街道): "云岭区柳林街道" names only the street.
    result = fixtures_ws.retriever.retrieve("云岭区柳林街道信访件办结了多少件?")

    assert result.units_named == [LIULIN]
    assert not result.comparison
    assert units_of(result.documents) == {LIULIN}


def test_without_a_unit_named_the_search_spans_every_unit(fixtures_ws):
    result = fixtures_ws.retriever.retrieve("收回多付工程款", k=13)

    assert result.units_named == []
    assert units_of(result.documents) == {DONGHU, YUNLING, LIULIN}
    assert "收回多付工程款8.9万元" in result.documents[0].page_content


def test_the_unit_filter_restricts_results_whatever_the_question_says(fixtures_ws):
    only_liulin = fixtures_ws.retriever.retrieve("收回多付工程款", units=[LIULIN])
    assert only_liulin.documents and units_of(only_liulin.documents) == {LIULIN}

    # The question names 东湖, but the user chose 云岭区: nothing from 东湖 comes back.
    other_unit = fixtures_ws.retriever.retrieve("东湖高新产业园收回了多少工程款?", units=[YUNLING])
    assert other_unit.units_named == []
    assert other_unit.documents and units_of(other_unit.documents) == {YUNLING}

    two_units = fixtures_ws.retriever.retrieve("整改工作", units=[LIULIN, DONGHU], k=8)
    assert units_of(two_units.documents) == {LIULIN, DONGHU}


def test_k_limits_the_number_of_passages(fixtures_ws):
    assert len(fixtures_ws.retriever.retrieve("整改工作", k=2).documents) == 2


def test_documents_carry_the_span_and_source_of_their_chunk(fixtures_ws):
    result = fixtures_ws.retriever.retrieve("东湖高新产业园收回了多少工程款?")

    for document in result.documents:
        meta = document.metadata
        notice_text = fixtures_ws.catalog.notice_text(meta["notice_id"])
        assert notice_text[meta["start"] : meta["end"]] == document.page_content
        assert meta["title"] == "东湖高新产业园党工委关于巡察反馈意见整改落实情况的通报"
        assert meta["chunk_id"].startswith(meta["notice_id"])


def test_a_question_on_an_empty_workspace_finds_nothing(workspace):
    result = workspace.retriever.retrieve("东湖高新产业园收回了多少工程款?")
    assert result.documents == [] and result.per_unit == []


def test_removing_a_notice_takes_its_unit_out_of_the_results(ingested):
    ingested.ingestor.remove("donghu.txt")

    result = ingested.retriever.retrieve("东湖高新产业园收回了多少工程款?")
    assert DONGHU not in units_of(result.documents)
    assert DONGHU not in ingested.retriever.directory.units


# --- questions across units --------------------------------------------------------------


def test_a_question_across_units_returns_evidence_for_each_qualifying_unit(fixtures_ws):
    result = fixtures_ws.retriever.retrieve(SUBSIDY_QUESTION)

    assert result.across_units
    assert {e.unit for e in result.per_unit} == {DONGHU, YUNLING, LIULIN}
    assert set(result.qualifying_units) == {DONGHU, YUNLING}
    evidence = {e.unit: e for e in result.per_unit}
    assert any("清退违规发放的通讯补助" in d.page_content for d in evidence[DONGHU].documents)
    assert any("共清退违规发放津补贴12.6万元" in d.page_content for d in evidence[YUNLING].documents)
    for unit_evidence in result.per_unit:
        assert units_of(unit_evidence.documents) <= {unit_evidence.unit}


def test_a_unit_without_evidence_does_not_qualify_and_adds_no_documents(fixtures_ws):
    result = fixtures_ws.retriever.retrieve(SUBSIDY_QUESTION)

    liulin = next(e for e in result.per_unit if e.unit == LIULIN)
    assert not liulin.qualifies
    assert LIULIN not in units_of(result.documents)
    assert result.per_unit[-1].unit == LIULIN  # qualifying units come first


def test_a_question_across_units_that_nothing_answers_qualifies_no_unit(fixtures_ws):
    result = fixtures_ws.retriever.retrieve("哪些单位开展了疫苗接种工作?")

    assert result.across_units
    assert result.qualifying_units == []
    assert result.documents == []


def test_a_question_naming_two_units_is_a_comparison_with_both_units_evidence(fixtures_ws):
    result = fixtures_ws.retriever.retrieve("比较东湖高新产业园和柳林街道的整改措施")

    assert result.comparison
    assert result.units_named == [DONGHU, LIULIN]
    assert result.qualifying_units and set(result.qualifying_units) == {DONGHU, LIULIN}
    assert units_of(result.documents) == {DONGHU, LIULIN}


# --- crowding: a plain top-k misses units the hybrid finds ---------------------------------


def test_a_plain_dense_top_k_is_crowded_out_by_one_repetitive_unit(crowded):
    """The premise of the next test: dense-only top-4 over all chunks sees only 松涛区."""
    names = {row.notice_id: row.unit for row in crowded.catalog.notices()}
    hits = crowded.store.search_text(SUBSIDY_QUESTION, k=4)

    assert {names[h.notice_id] for h in hits} == {SONGTAO}
    assert crowded.store.count() >= 4 + 3


def test_hybrid_retrieval_finds_every_unit_that_clawed_back_subsidies(crowded):
    result = crowded.retriever.retrieve(SUBSIDY_QUESTION)

    assert set(result.qualifying_units) == {SONGTAO, BAISHA, NANHU}
    found = units_of(result.documents)
    assert {SONGTAO, BAISHA, NANHU} <= found
    assert BAISHU not in found
    texts = "".join(d.page_content for d in result.documents)
    assert "通讯补助和夜餐补助共计1.8万元" in texts
    assert "年终奖金予以清退" in texts


def test_near_duplicate_passages_collapse_to_one(crowded):
    songtao_chunks = [c for c in crowded.catalog.chunks() if c.unit == SONGTAO and "津补贴进行清退" in c.text]
    assert len(songtao_chunks) >= 5  # six departments, one wording

    result = crowded.retriever.retrieve("松涛区清退违规发放津补贴的情况", k=5)

    assert result.units_named == [SONGTAO]
    repeated = [d for d in result.documents if "津补贴进行清退" in d.page_content]
    assert len(repeated) == 1
    for index, first in enumerate(result.documents):
        for second in result.documents[index + 1 :]:
            assert overlap_ratio(first.page_content, second.page_content) < 0.8


def test_langchain_retriever_returns_the_hybrid_documents(fixtures_ws):
    from assistant.retriever import NoticeRetriever

    retriever = NoticeRetriever(hybrid=fixtures_ws.retriever, units=[LIULIN], k=2)
    documents = retriever.invoke("收回多付工程款")

    assert 0 < len(documents) <= 2
    assert units_of(documents) == {LIULIN}


def test_a_filter_naming_several_units_gets_each_units_evidence(fixtures_ws):
    result = fixtures_ws.retriever.retrieve("整改工作做了什么?", units=[LIULIN, DONGHU])
    assert {e.unit for e in result.per_unit} == {LIULIN, DONGHU}
    assert all(e.documents for e in result.per_unit)


# --- snapshots: what one question reads never changes under it -------------------------


def test_a_question_keeps_the_snapshot_it_started_with_while_a_notice_is_added(ingested):
    retriever = ingested.retriever
    before = retriever.refresh()
    shutil.copy(CROWDING_NOTICES / "baisha.txt", ingested.settings.home / "baisha.txt")
    ingested.ingestor.ingest_paths([ingested.settings.home / "baisha.txt"])

    after = retriever.refresh()
    assert BAISHA not in before.directory.units and not any(c.unit == BAISHA for c in before.chunks.values())
    assert BAISHA in after.directory.units
    assert set(after.lexical.notice_ids) == set(after.vectors.notice_ids) == set(after.chunks_by_notice)
    assert BAISHA in units_of(retriever.retrieve("白沙镇退回了哪些补助?").documents)


def test_questions_asked_while_notices_come_and_go_always_read_whole_snapshots(ingested):
    import threading

    errors: list[BaseException] = []
    seen_units: list[set[str]] = []
    done = threading.Event()

    def ask() -> None:
        while not done.is_set():
            try:
                result = ingested.retriever.retrieve(SUBSIDY_QUESTION)
                seen_units.append(units_of(result.documents))
            except BaseException as error:  # noqa: BLE001 - the test reports any failure
                errors.append(error)
                return

    readers = [threading.Thread(target=ask) for _ in range(2)]
    for reader in readers:
        reader.start()
    for name in ("baisha.txt", "nanhu.txt"):
        shutil.copy(CROWDING_NOTICES / name, ingested.settings.home / name)
        ingested.ingestor.ingest_paths([ingested.settings.home / name])
    ingested.ingestor.remove("baisha.txt")
    done.set()
    for reader in readers:
        reader.join()

    assert errors == []
    assert seen_units
    final = ingested.retriever.retrieve(SUBSIDY_QUESTION)
    assert NANHU in final.qualifying_units and BAISHA not in final.qualifying_units

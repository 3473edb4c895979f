"""What the embedder reads of a chunk: its header and its own words, while the stored text stays whole."""

from __future__ import annotations

from index.documents import Chunk
from index.fake_embedder import HashingEmbeddings
from index.passage_vectors import vector_texts

NOTICE = "一、整改情况\n甲句。乙句。丙句。丁句。"


def chunk(ordinal: int, start: int, end: int, notice_id: str = "n1") -> Chunk:
    return Chunk(notice_id, ordinal, NOTICE[start:end], start, end, "一、整改情况", "东湖高新产业园")


def test_the_sentence_a_chunk_repeats_is_not_embedded_again_but_the_header_is():
    first, second = chunk(0, 7, 13), chunk(1, 10, 19)  # second opens with 乙句。, the last of first
    texts = vector_texts([first, second])
    assert texts[0] == first.embedding_text()
    assert texts[1] == "东湖高新产业园 一、整改情况\n丙句。丁句。"
    assert second.text.startswith("乙句。")  # the stored text keeps the overlap


def test_chunks_of_another_notice_or_not_next_in_order_are_embedded_whole():
    first = chunk(0, 7, 13)
    other_notice = chunk(1, 10, 19, notice_id="n2")
    skipped_one = chunk(2, 10, 19)
    assert vector_texts([first, other_notice])[1] == other_notice.embedding_text()
    assert vector_texts([first, skipped_one])[1] == skipped_one.embedding_text()


def test_a_chunk_without_header_or_overlap_is_embedded_as_it_is():
    bare = Chunk("n1", 0, "甲句。", 7, 10, "", "")
    assert vector_texts([bare]) == ["甲句。"]


class RecordingEmbeddings(HashingEmbeddings):
    """The hashing fake, remembering every passage it was asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.passages: list[str] = []

    def embed_text(self, text: str) -> list[float]:
        self.passages.append(text)
        return super().embed_text(text)


def test_ingest_embeds_the_vector_texts_and_stores_and_indexes_the_whole_chunks(settings, chroma_client, notices_dir):
    from assistant.workspace import Workspace

    embeddings = RecordingEmbeddings()
    workspace = Workspace(
        settings.model_copy(update={"chunk_tokens": 60}), embeddings=embeddings, chroma_client=chroma_client
    )
    assert workspace.ingestor.ingest_paths([notices_dir]).ok
    chunks = workspace.catalog.chunks()
    notice_ids = dict.fromkeys(c.notice_id for c in chunks)
    by_notice = [[c for c in chunks if c.notice_id == notice_id] for notice_id in notice_ids]
    expected = [text for group in by_notice for text in vector_texts(group)]
    assert sorted(embeddings.passages) == sorted(expected)
    shortened = [c for c, text in zip((c for g in by_notice for c in g), expected) if c.text not in text]
    assert shortened, "with 60-token chunks some chunk repeats a sentence of the one before"
    # The lexical index still reads the whole chunk with its header: the repeated sentence is found there.
    overlap_chunk = shortened[0]
    repeated = overlap_chunk.text[: overlap_chunk.text.index("。") + 1]
    hits = workspace.lexical.search(repeated, 50)
    assert overlap_chunk.chunk_id in {hit.chunk_id for hit in hits}


def test_the_embedded_header_keeps_the_unit_and_the_first_and_last_headings_of_a_deep_path():
    path = "二、整改落实情况 > (一)党的建设方面 > 1.组织生活不规范 > 整改措施"
    deep = Chunk("n1", 0, "甲句。", 7, 10, path, "东湖高新产业园")
    assert vector_texts([deep]) == ["东湖高新产业园 二、整改落实情况 > 整改措施\n甲句。"]
    assert deep.embedding_text().startswith(f"东湖高新产业园 {path}\n")  # what is stored and BM25-indexed keeps it all

"""The query bench's update probe: the added notice pays for the real embedder, stores the stand-in's vectors."""

from __future__ import annotations

from bench.query_probes import RealEmbeddedNotice
from index.fake_embedder import HashingEmbeddings


class CountingEmbeddings(HashingEmbeddings):
    """A "real" model that counts the passages it embeds."""

    def __init__(self) -> None:
        super().__init__(dimensions=16)
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        return super().embed_documents(texts)


def test_the_added_notice_is_embedded_by_the_real_model_and_stored_in_the_stand_ins_space():
    real, stand_in = CountingEmbeddings(), HashingEmbeddings()
    embeddings = RealEmbeddedNotice(real, stand_in)
    progress: list[int] = []
    texts = ["园区党工委整改情况。", "清退津补贴8.9万元。"]
    vectors = embeddings.embed_documents_with_progress(texts, progress.append)
    assert real.embedded == texts
    assert vectors == stand_in.embed_documents(texts)
    assert (embeddings.passages_embedded, sum(progress)) == (2, 2)
    assert embeddings.embed_query("哪个巡察组?") == stand_in.embed_query("哪个巡察组?")

"""The composition root: settings -> catalogue, embedder, vector store, lexical index, retriever."""

from __future__ import annotations

import logging
import os
import threading
from functools import cached_property

from langchain_core.embeddings import Embeddings

from assistant.retriever import HybridRetriever
from assistant.settings import Settings
from index.catalog import Catalog
from assistant.embeddings import embedding_model_id, make_embeddings
from index.ingest import Ingestor
from index.lexical import LexicalIndex
from index.store import ChunkStore, make_chroma_client

logger = logging.getLogger(__name__)


class Workspace:
    """Everything one ASSISTANT_HOME holds, each part created on first use."""

    def __init__(
        self,
        settings: Settings,
        *,
        embeddings: Embeddings | None = None,
        chroma_client=None,
    ) -> None:
        self.settings = settings
        self._embeddings = embeddings
        self._chroma_client = chroma_client
        self._lock = threading.RLock()
        settings.home.mkdir(parents=True, exist_ok=True)

    @cached_property
    def catalog(self) -> Catalog:
        return Catalog(self.settings.catalog_path)

    @cached_property
    def embeddings(self) -> Embeddings:
        with self._lock:
            return self._embeddings or make_embeddings(self.settings)

    @cached_property
    def store(self) -> ChunkStore:
        with self._lock:
            client = self._chroma_client or make_chroma_client(
                self.settings.chroma_url, str(self.settings.chroma_dir)
            )
            model_id = "custom" if self._embeddings is not None else embedding_model_id(self.settings)
            return ChunkStore(
                client,
                self.embeddings,
                self.settings.collection,
                model_id=model_id,
                location=self.settings.chroma_url or str(self.settings.chroma_dir),
            )

    @cached_property
    def lexical(self) -> LexicalIndex:
        return LexicalIndex(self.catalog, self.settings.lexical_dir)

    @cached_property
    def ingestor(self) -> Ingestor:
        return Ingestor(
            self.catalog,
            self.store,
            self.embeddings,
            chunk_tokens=self.settings.chunk_tokens,
            overlap_sentences=self.settings.chunk_overlap_sentences,
            max_file_bytes=int(self.settings.max_file_mb * 1024 * 1024),
            batch_chunks=self.settings.ingest_batch_chunks,
            on_change=self.lexical.refresh,
        )

    @cached_property
    def retriever(self) -> HybridRetriever:
        return HybridRetriever(self.catalog, self.store, self.lexical, self.embeddings)


def quiet_third_party_telemetry() -> None:
    """Analytics and telemetry off for every library that has them, before they are imported."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

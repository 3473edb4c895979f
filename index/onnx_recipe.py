"""The int8 encoder's recipe: export to ONNX, fuse the BERT operators, smooth, quantise dynamically to int8.

Each step reads one .onnx file and writes another; index.onnx_model runs them once and checks the
result against the fp32 sentence-transformers vectors.
"""

from __future__ import annotations

import json
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ONNX_OPSET = 17
ONNX_MISSING = "The int8 embedding model needs the onnx package: pip install onnx"
# The input channels of every product with weights (each layer's attention, attention output, feed-forward
# input and output) are smoothed (index.onnx_smoothing) before dynamic int8 quantisation; alpha is how much
# of an input's range moves into the weights. Measured on the 282 seed chunks against fp32
# sentence-transformers (cosine mean / min): recipe 4 (feed-forward output fp32, nothing smoothed) 0.9993 /
# 0.9987; recipe 3 (all int8, nothing smoothed) 0.9972 / 0.9957; only the feed-forward output smoothed,
# alpha 0.5 0.9973 / 0.9952, 0.65 0.9989 / 0.9981, 0.75 0.9988 / 0.9981, 1.0 0.9979 / 0.9963; every
# product smoothed, 0.65 everywhere 0.9994 / 0.9989 (dev MRR 0.907, but talk_dev recall@5 0.808: one
# follow-up's passage fell from rank 5 to 6), 0.65 on the feed-forward output and 0.5 elsewhere 0.9993 /
# 0.9989 (dev, fiction_dev, talk_dev recall@5 and answers as recipe 4 and fp32). All in int8 costs ~1/3
# less CPU per chunk than recipe 4.
FEED_FORWARD_OUTPUT_ALPHA = 0.65  # GELU's long-tailed outputs
OTHER_PRODUCTS_ALPHA = 0.5  # LayerNorm and attention outputs, SmoothQuant's default


class Int8ModelError(RuntimeError):
    """The fp32 folder cannot be turned into an int8 model; the message says why."""


def export_encoder(fp32_folder: Path, destination: Path) -> None:
    """The transformer's last hidden state as ONNX, with dynamic batch and sequence axes."""
    import torch
    from transformers import AutoModel

    from index.bundled_model import prefer_offline_hub, quiet_transformers

    prefer_offline_hub()
    with quiet_transformers():
        # Eager attention: SDPA's mask shortcuts are traced as constants and then ignore padding.
        model = AutoModel.from_pretrained(str(fp32_folder), attn_implementation="eager", local_files_only=True)
    encoder = _last_hidden_state_module(model.eval())
    # A batch with padding, so the traced graph keeps the attention mask as an input.
    input_ids = torch.tensor([[0, 100, 200, 300, 2], [0, 100, 2, 1, 1]])
    attention_mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
    dynamic = {0: "batch", 1: "sequence"}
    # The tracer warns about Python branches on shapes; the check against fp32 is what tells.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            encoder,
            (input_ids, attention_mask),
            str(destination),
            input_names=["input_ids", "attention_mask"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": dynamic, "attention_mask": dynamic, "last_hidden_state": dynamic},
            opset_version=ONNX_OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def _last_hidden_state_module(model: Any) -> Any:
    """The encoder as a module of two tensor inputs and one output, as the exporter wants."""
    import torch

    class LastHiddenState(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    return LastHiddenState()


def fuse_encoder(source: Path, destination: Path, fp32_folder: Path) -> None:
    """Fuse each layer's attention and bias + GELU into single ONNX Runtime operators.

    The fused graph passes far fewer operator boundaries (12 Attention, 12 BiasGelu), and each Attention
    is quantised as a whole (QAttention) below. Residual + LayerNorm is left unfused: ONNX Runtime
    1.32's SkipLayerNormalization CPU kernel measured 0.44 ms on a 190 x 384 block against 0.08 ms for
    Add, Add, LayerNormalization (~16% of the int8 encoder's CPU time); index.onnx_embedder keeps
    ONNX Runtime from fusing it again on load.
    """
    try:
        from onnxruntime.transformers import optimizer
        from onnxruntime.transformers.fusion_options import FusionOptions
    except ImportError as error:
        raise Int8ModelError(ONNX_MISSING) from error
    heads, hidden = attention_shape(fp32_folder)
    fusions = FusionOptions("bert")
    fusions.enable_skip_layer_norm = False
    fusions.enable_bias_skip_layer_norm = False
    with _quiet_root_logger():  # the optimizer logs each fusion on the root logger
        # opt_level 0: only the BERT fusions here; ONNX Runtime applies its own graph optimisations on load.
        fused = optimizer.optimize_model(
            str(source), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0, use_gpu=False,
            optimization_options=fusions,
        )
    if fused.get_fused_operator_statistics().get("Attention", 0) == 0:
        raise Int8ModelError(f"{fp32_folder}: the ONNX optimizer found no attention to fuse in this encoder")
    fused.save_model_to_file(str(destination))


def smooth_encoder(source: Path, destination: Path, fp32_folder: Path) -> None:
    """Smooth the input channels of every product with weights, scales set by the calibration passages."""
    from tokenizers import Tokenizer

    from index.onnx_smoothing import calibration_texts, smooth_product_inputs

    tokenizer = Tokenizer.from_file(str(Path(fp32_folder) / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(512)
    token_ids = [encoding.ids for encoding in tokenizer.encode_batch(calibration_texts())]
    products = weighted_products(source)
    if not any(is_feed_forward_output(name) for name in products):
        raise Int8ModelError(f"{fp32_folder}: no feed-forward output product found to smooth in the exported graph")
    alphas = {name: FEED_FORWARD_OUTPUT_ALPHA if is_feed_forward_output(name) else OTHER_PRODUCTS_ALPHA for name in products}
    smooth_product_inputs(source, destination, alphas, token_ids)


def unmask_attention(source: Path, destination: Path) -> None:
    """Each layer's attention without the padding mask, and the graph without its attention_mask input.

    index.onnx_embedder encodes texts of one token length together, so no position is padding. Without a
    mask ONNX Runtime's attention does not copy an L x L mask into every head's scores first: measured
    ~4% less CPU per seed chunk, same vectors.
    """
    import onnx

    model = onnx.load(str(source))
    graph = model.graph
    attention = [node for node in graph.node if node.op_type == "Attention"]
    if not attention:
        raise Int8ModelError(f"{source}: no fused attention to take the mask from")
    for node in attention:
        del node.input[3:]  # mask_index and the optional inputs after it
    for graph_input in [graph_input for graph_input in graph.input if graph_input.name == "attention_mask"]:
        graph.input.remove(graph_input)
    _drop_unused_nodes(graph)
    onnx.save(model, str(destination))


def _drop_unused_nodes(graph: Any) -> None:
    """Remove nodes none of whose outputs is read (the mask's sum, once attention no longer reads it)."""
    while True:
        read = {name for node in graph.node for name in node.input} | {output.name for output in graph.output}
        unused = [node for node in graph.node if not any(name in read for name in node.output)]
        if not unused:
            return
        for node in unused:
            graph.node.remove(node)


def attention_shape(fp32_folder: Path) -> tuple[int, int]:
    """Attention heads and hidden size from the transformer's config.json."""
    try:
        config = json.loads((Path(fp32_folder) / "config.json").read_text(encoding="utf-8"))
        return int(config["num_attention_heads"]), int(config["hidden_size"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise Int8ModelError(f"{fp32_folder}/config.json does not give num_attention_heads and hidden_size") from error


def quantize_encoder(source: Path, destination: Path) -> None:
    """Dynamic int8 quantisation of the fused encoder's products, attention and word-embedding table."""
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as error:
        raise Int8ModelError(ONNX_MISSING) from error
    # Per-channel weights: per-tensor scales measured cosine mean 0.988 on the seed chunks, per-channel 0.997.
    # reduce_range (7-bit weights, for CPUs without VNNI) measured mean 0.954: worse, and not needed here.
    with _quiet_root_logger():  # the quantiser logs advice and one line per tensor on the root logger
        quantize_dynamic(
            str(source),
            str(destination),
            weight_type=QuantType.QInt8,
            per_channel=True,
            # Gather: the word-embedding table in int8 (a quarter of the memory, same vectors to 4 decimals).
            op_types_to_quantize=["MatMul", "Attention", "Gather"],
            # The fused operators are not ONNX's own, so shape inference cannot type their outputs.
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )


def weighted_products(source: Path) -> list[str]:
    """Names of the MatMul and Attention nodes of a graph whose weight (second input) is stored in it."""
    import onnx

    graph = onnx.load(str(source), load_external_data=False).graph
    weights = {initializer.name for initializer in graph.initializer}
    return [
        node.name
        for node in graph.node
        if node.op_type in ("MatMul", "Attention") and len(node.input) > 1 and node.input[1] in weights
    ]


def is_feed_forward_output(node_name: str) -> bool:
    """The exporter names a layer's feed-forward output product ".../layer.N/output/dense/MatMul"."""
    return "/output/dense/" in node_name and "/attention/" not in node_name


@contextmanager
def _quiet_root_logger() -> Iterator[None]:
    """Drops records below ERROR logged straight on the root logger (libraries' chatter) meanwhile."""
    quiet = _ErrorsOnly()
    root = logging.getLogger()
    root.addFilter(quiet)
    try:
        yield
    finally:
        root.removeFilter(quiet)


class _ErrorsOnly(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR

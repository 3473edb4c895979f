"""Per-channel smoothing of a product's input before int8 quantisation (SmoothQuant, Xiao et al. 2022).

Dynamic int8 quantisation gives all of a product's input one scale per call, so a few channels with
large activations (as GELU's output has) leave the others a handful of int8 levels. Dividing each input
channel by a scale s and multiplying the matching weight row by s leaves the fp32 product unchanged
while moving part of that range into the weights, which are quantised per output channel.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

CALIBRATION_FILE = "data/int8_calibration_texts.txt"
SMOOTHING_SUFFIX = "/smooth"


def smoothing_scales(activation_max: np.ndarray, weight_max: np.ndarray, alpha: float) -> np.ndarray:
    """s_j = max|X_j|^alpha / max|W_j|^(1 - alpha): alpha 0 leaves activations alone, 1 moves it all into W."""
    if not 0.0 <= alpha <= 1.0:
        raise ValueError("alpha must be between 0 and 1")
    floor = 1e-5  # a channel that never fires (or a zero weight row) keeps a finite scale
    scales = np.maximum(activation_max, floor) ** alpha / np.maximum(weight_max, floor) ** (1.0 - alpha)
    return scales.astype(np.float32)


def calibration_texts() -> list[str]:
    """Fixed fictional passages (with the e5 passage prefix) whose activations set the scales."""
    lines = resources.files("index").joinpath(CALIBRATION_FILE).read_text(encoding="utf-8").splitlines()
    return [f"passage: {line.strip()}" for line in lines if line.strip() and not line.startswith("#")]


def smooth_product_inputs(
    source: Path, destination: Path, alphas: Mapping[str, float], token_ids: Sequence[Sequence[int]]
) -> None:
    """Write source with the named MatMuls' inputs smoothed (alpha per name), scales set over the calibration ids.

    Each named product must take its weight as an initializer (second input); a Mul by 1/s is put before it.
    """
    import onnx

    model = onnx.load(str(source))
    products = _named_products(model.graph, list(alphas))
    maxima = channel_maxima(model, [node.input[0] for node in products], token_ids)
    initializers = {initializer.name: initializer for initializer in model.graph.initializer}
    for node, activation_max in zip(products, maxima):
        _smooth(model.graph, node, initializers[node.input[1]], activation_max, alphas[node.name])
    onnx.save(model, str(destination))


def _named_products(graph: Any, node_names: Sequence[str]) -> list[Any]:
    by_name = {node.name: node for node in graph.node}
    missing = [name for name in node_names if name not in by_name]
    if missing:
        raise ValueError(f"the graph has no product named {missing[0]}")
    return [by_name[name] for name in node_names]


def channel_maxima(model: Any, tensor_names: Sequence[str], token_ids: Sequence[Sequence[int]]) -> list[np.ndarray]:
    """Largest |value| of each last-axis channel of the named tensors, over one run per text."""
    import onnx
    import onnxruntime

    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    for name in tensor_names:
        probe.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    session = onnxruntime.InferenceSession(
        probe.SerializeToString(), options, providers=["CPUExecutionProvider"]
    )
    if not token_ids:
        raise ValueError("channel maxima need at least one calibration text")
    maxima: list[np.ndarray | None] = [None] * len(tensor_names)
    for ids in token_ids:
        input_ids = np.asarray([ids], dtype=np.int64)
        feeds = {"input_ids": input_ids, "attention_mask": np.ones_like(input_ids)}
        for index, value in enumerate(session.run(list(tensor_names), feeds)):
            channel_max = np.abs(value).reshape(-1, value.shape[-1]).max(axis=0)
            maxima[index] = channel_max if maxima[index] is None else np.maximum(maxima[index], channel_max)
    return [m for m in maxima if m is not None]


def _smooth(graph: Any, product: Any, weight: Any, activation_max: np.ndarray, alpha: float) -> None:
    """Scale the weight's rows by s and insert input / s before the product."""
    from onnx import helper, numpy_helper

    matrix = numpy_helper.to_array(weight)
    scales = smoothing_scales(activation_max, np.abs(matrix).max(axis=1), alpha)
    weight.CopyFrom(numpy_helper.from_array((matrix * scales[:, None]).astype(np.float32), weight.name))
    inverse = numpy_helper.from_array((1.0 / scales).astype(np.float32), product.name + SMOOTHING_SUFFIX + "/scale")
    graph.initializer.append(inverse)
    smoothed = product.input[0] + SMOOTHING_SUFFIX
    position = list(graph.node).index(product)
    divide = helper.make_node("Mul", [product.input[0], inverse.name], [smoothed], name=product.name + SMOOTHING_SUFFIX)
    graph.node.insert(position, divide)
    product.input[0] = smoothed

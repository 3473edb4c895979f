"""Smoothing a product's input before int8: same fp32 result, closer int8 result, on a tiny made-up graph."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.onnx_model import sample_texts
from index.onnx_smoothing import calibration_texts, smooth_product_inputs, smoothing_scales

onnx = pytest.importorskip("onnx")
onnxruntime = pytest.importorskip("onnxruntime")

VOCAB, WIDTH, OUT = 12, 16, 4
PRODUCT = "layer.0/output/dense/MatMul"


def write_product_graph(path: Path) -> None:
    """input_ids -> embedding rows (channel 3 fires a hundred times larger, as GELU's outliers do) -> MatMul."""
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(7)
    table = rng.uniform(-0.2, 0.2, size=(VOCAB, WIDTH)).astype(np.float32)
    table[:, 3] *= 100.0
    weight = rng.normal(size=(WIDTH, OUT)).astype(np.float32)
    nodes = [
        helper.make_node("Gather", ["table", "input_ids"], ["hidden"], name="embed"),
        helper.make_node("MatMul", ["hidden", "weight"], ["output"], name=PRODUCT),
    ]
    graph = helper.make_graph(
        nodes,
        "product",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"]),
        ],
        [helper.make_tensor_value_info("output", TensorProto.FLOAT, ["batch", "sequence", OUT])],
        [numpy_helper.from_array(table, "table"), numpy_helper.from_array(weight, "weight")],
    )
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def run(path: Path, token_ids: list[int]) -> np.ndarray:
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    ids = np.asarray([token_ids], dtype=np.int64)
    return session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]


def quantized(source: Path, destination: Path) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # 7-bit weights (reduce_range): on CPUs without VNNI the u8s8 kernel saturates, which would measure the CPU, not smoothing.

    quantize_dynamic(str(source), str(destination), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True,
                     op_types_to_quantize=["MatMul"])
    return destination


def test_smoothing_keeps_the_fp32_product_and_brings_int8_closer_to_it(tmp_path):
    plain, smoothed = tmp_path / "plain.onnx", tmp_path / "smoothed.onnx"
    write_product_graph(plain)
    calibration = [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]
    smooth_product_inputs(plain, smoothed, {PRODUCT: 0.65}, calibration)
    tokens = [11, 2, 7, 5, 0, 9, 3]
    reference = run(plain, tokens)
    assert np.allclose(run(smoothed, tokens), reference, rtol=1e-4, atol=1e-4)
    plain_error = np.abs(run(quantized(plain, tmp_path / "plain-int8.onnx"), tokens) - reference).max()
    smoothed_error = np.abs(run(quantized(smoothed, tmp_path / "smoothed-int8.onnx"), tokens) - reference).max()
    assert smoothed_error < plain_error / 2


def test_a_product_missing_from_the_graph_is_named(tmp_path):
    write_product_graph(tmp_path / "plain.onnx")
    with pytest.raises(ValueError, match="layer.7/output/dense/MatMul"):
        smooth_product_inputs(tmp_path / "plain.onnx", tmp_path / "out.onnx", {"layer.7/output/dense/MatMul": 0.65}, [[1]])


def test_alpha_moves_the_range_from_the_activations_to_the_weights():
    activation_max, weight_max = np.array([100.0, 1.0]), np.array([0.5, 0.5])
    assert np.allclose(smoothing_scales(activation_max, weight_max, 1.0), activation_max)  # inputs all at 1
    assert np.allclose(smoothing_scales(activation_max, weight_max, 0.0), 1 / weight_max)  # weights all at 1
    with pytest.raises(ValueError):
        smoothing_scales(activation_max, weight_max, 1.5)


def test_calibration_passages_are_prefixed_and_apart_from_the_checked_texts():
    texts = calibration_texts()
    assert len(texts) >= 8 and all(text.startswith("passage: ") for text in texts)
    assert not set(texts) & set(sample_texts())

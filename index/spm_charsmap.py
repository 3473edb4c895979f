"""Build SentencePiece's 'precompiled charsmap', the normaliser tokenizers' Precompiled reads."""

from __future__ import annotations

import struct
from typing import Any

import numpy as np


def build_precompiled_charsmap(mapping: dict[str, str]) -> bytes:
    """SentencePiece's 'precompiled charsmap' for a character map, as tokenizers' Precompiled reads it.

    Layout: u32 trie size, a darts-clone double-array trie over the UTF-8 keys, then the
    NUL-terminated replacement strings the trie's values point into.
    """
    replacements = bytearray()
    values: dict[bytes, int] = {}
    for source, target in sorted(mapping.items()):
        if "\0" in target:
            raise ValueError("charsmap replacements cannot contain NUL")
        values[source.encode("utf-8")] = len(replacements)
        replacements += target.encode("utf-8") + b"\0"
    trie = np.asarray(_build_double_array(values), dtype="<u4").tobytes()
    return struct.pack("<I", len(trie)) + trie + bytes(replacements)


def _build_double_array(values: dict[bytes, int]) -> list[int]:
    """darts-clone units: a child of the node at p with base b sits at b ^ label; label 0 holds the value.

    A node unit packs its label (bits 0-7), has_leaf (bit 8) and offset = p ^ b (bits 10-30);
    a value unit is the value with bit 31 set, so it never matches a label.
    """
    root: dict[int, Any] = {}
    for key, value in values.items():
        if 0 in key:
            raise ValueError("charsmap keys cannot contain NUL")
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[0] = value
    units = [0] * 256
    occupied = {0}
    used_bases: set[int] = set()
    pending = [(root, 0)]
    first_free = 1
    while pending:
        node, position = pending.pop()
        labels = sorted(node)
        if not labels:  # only an empty map's root
            continue
        base = _find_free_base(labels, occupied, used_bases, first_free)
        used_bases.add(base)
        offset = position ^ base
        if offset >= 1 << 21:
            raise ValueError("charsmap too large for the simple offset encoding")
        # Lookups XOR a base with a byte, so they stay inside its 256-unit block: pad to whole blocks.
        needed = (base // 256 + 1) * 256
        units.extend([0] * (needed - len(units)))
        units[position] |= offset << 10
        for label in labels:
            child = base ^ label
            occupied.add(child)
            if label == 0:
                units[position] |= 1 << 8  # has_leaf
                units[child] = node[0] | (1 << 31)
            else:
                units[child] = label
                pending.append((node[label], child))
        while first_free in occupied:
            first_free += 1
    return units


def _find_free_base(labels: list[int], occupied: set[int], used_bases: set[int], start: int) -> int:
    slot = start
    while True:
        if slot not in occupied:
            base = slot ^ labels[0]
            if base not in used_bases and all(base ^ label not in occupied for label in labels):
                return base
        slot += 1

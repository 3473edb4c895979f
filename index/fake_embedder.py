"""A deterministic, fast, lexical stand-in for the real embedder, for tests and large benchmarks."""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from langchain_core.embeddings import Embeddings

DEFAULT_DIMENSIONS = 256

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A unit is one CJK character or a run of other letters/digits (a Latin word or a number).
_UNIT = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")


def text_features(text: str) -> list[str]:
    """Units of the NFKC, lower-cased text, plus bigrams of neighbouring units not split by punctuation."""
    normalized = unicodedata.normalize("NFKC", text).lower()
    units = list(_UNIT.finditer(normalized))
    features = [unit.group() for unit in units]
    for left, right in zip(units, units[1:]):
        gap = normalized[left.end() : right.start()]
        if not gap or gap.isspace():
            features.append(f"{left.group()} {right.group()}")
    return features


@lru_cache(maxsize=1 << 16)
def _bucket(feature: str, dimensions: int) -> tuple[int, float]:
    """Stable (index, sign) for a feature; the sign keeps unrelated texts near zero similarity."""
    digest = int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "little")
    return digest % dimensions, 1.0 if digest >> 63 else -1.0


class HashingEmbeddings(Embeddings):
    """Hashed character unigrams and bigrams, L2-normalised: texts sharing Chinese words score higher."""

    def __init__(self, dimensions: int = DEFAULT_DIMENSIONS) -> None:
        if dimensions < 2:
            raise ValueError("dimensions must be at least 2")
        self.dimensions = dimensions

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_text(text) for text in texts]

    def embed_documents_with_progress(
        self, texts: Sequence[str], progress: Callable[[int], None] | None
    ) -> list[list[float]]:
        """Same as embed_documents, calling progress(1) after each text."""
        vectors = []
        for text in texts:
            vectors.append(self.embed_text(text))
            if progress is not None:
                progress(1)
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self.embed_text(text)

    def embed_text(self, text: str) -> list[float]:
        """One unit-length vector; a text with no letters or digits maps to the first axis."""
        vector = [0.0] * self.dimensions
        for feature in text_features(text):
            index, sign = _bucket(feature, self.dimensions)
            vector[index] += sign
        norm = math.sqrt(sum(value * value for value in vector))
        if norm == 0.0:
            vector[0] = 1.0
            return vector
        return [value / norm for value in vector]

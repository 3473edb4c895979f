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
_BIGRAM_GAP = re.compile(r"\s*")


def text_units(text: str) -> list[tuple[str, int, int]]:
    """The units of text (NFKC, lower-cased) with their spans: CJK characters one by one, other words whole."""
    normalized = unicodedata.normalize("NFKC", text).lower()
    return [(match.group(), match.start(), match.end()) for match in _UNIT.finditer(normalized)]


def text_features(text: str) -> list[str]:
    """Unigrams of units, plus bigrams of neighbouring units not split by punctuation."""
    units = text_units(text)
    features = [unit for unit, _, _ in units]
    normalized = unicodedata.normalize("NFKC", text).lower()
    for (left, _, left_end), (right, right_start, _) in zip(units, units[1:]):
        if _BIGRAM_GAP.fullmatch(normalized, left_end, right_start):
            features.append(f"{left}\u2009{right}")
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

"""Pure ranking helpers: reciprocal rank fusion, near-duplicate collapse, term coverage."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

_SPACE = re.compile(r"\s+")


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = 60, weights: Sequence[float] | None = None
) -> list[tuple[str, float]]:
    """Fuse ranked id lists: score(id) = sum over lists of weight / (k + rank), rank from 1."""
    scores: dict[str, float] = {}
    for index, ranking in enumerate(rankings):
        weight = 1.0 if weights is None else weights[index]
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def char_bigrams(text: str) -> np.ndarray:
    """The distinct character bigrams of text (spaces dropped) as sorted integer codes; a text
    shorter than two characters is its one character."""
    codes = np.frombuffer(_SPACE.sub("", text).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if codes.size < 2:
        return codes
    return np.unique((codes[:-1] << np.uint64(21)) | codes[1:])  # code points fit in 21 bits


def overlap_ratio(a: str, b: str) -> float:
    """Share of the shorter text's character bigrams that the other text also has."""
    return _bigram_overlap(char_bigrams(a), char_bigrams(b))


def _bigram_overlap(first: np.ndarray, second: np.ndarray) -> float:
    shared = np.intersect1d(first, second, assume_unique=True).size
    return shared / max(1, min(first.size, second.size))


def collapse_near_duplicates(
    ranked: Sequence[tuple[str, float]],
    text_of: Callable[[str], str],
    max_overlap: float = 0.8,
    limit: int | None = None,
) -> list[tuple[str, float]]:
    """Drop items whose text mostly repeats a better-ranked item's text; stop after `limit` kept."""
    kept: list[tuple[str, float]] = []
    kept_bigrams: list[np.ndarray] = []
    for item, score in ranked:
        if limit is not None and len(kept) >= limit:
            break
        bigrams = char_bigrams(text_of(item))
        if any(_bigram_overlap(bigrams, other) >= max_overlap for other in kept_bigrams):
            continue
        kept.append((item, score))
        kept_bigrams.append(bigrams)
    return kept


def term_coverage(
    query_terms: Sequence[str],
    chunk_terms: Iterable[str],
    weights: Mapping[str, float] | None = None,
) -> float:
    """Share of the query's distinct terms present in the chunk, each weighted (default: by length)."""
    distinct = set(query_terms)
    if not distinct:
        return 0.0
    present = chunk_terms if isinstance(chunk_terms, (set, frozenset)) else set(chunk_terms)

    def weight(term: str) -> float:
        return weights[term] if weights is not None and term in weights else float(len(term))

    total = sum(weight(t) for t in distinct)
    return sum(weight(t) for t in distinct if t in present) / total if total else 0.0

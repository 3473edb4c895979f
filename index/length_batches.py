"""Batches of texts of similar token length, so a padded batch wastes little work on padding."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

Vector = TypeVar("Vector")


def batches_by_length(lengths: Sequence[int], batch_size: int, same_length: bool = False) -> list[list[int]]:
    """Indices of texts grouped into batches of neighbours in length order, longest batch first.

    With same_length, a batch only holds texts of one length (no padding at all).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    # Stable sort: equal lengths keep their input order, so the result is deterministic.
    order = sorted(range(len(lengths)), key=lambda index: -lengths[index])
    batches: list[list[int]] = []
    for index in order:
        if batches and len(batches[-1]) < batch_size and (not same_length or lengths[batches[-1][0]] == lengths[index]):
            batches[-1].append(index)
        else:
            batches.append([index])
    return batches


def padding_share(lengths: Sequence[int], batches: Sequence[Sequence[int]]) -> float:
    """Share of the padded positions that are padding (0 = none) when each batch pads to its longest."""
    padded = sum(len(batch) * max(lengths[index] for index in batch) for batch in batches if batch)
    return 1.0 - sum(lengths) / padded if padded else 0.0


def encode_in_length_order(
    lengths: Sequence[int],
    batch_size: int,
    encode_batch: Callable[[list[int]], Sequence[Vector]],
    on_batch: Callable[[int], None] | None = None,
    workers: int = 1,
    same_length: bool = False,
) -> list[Vector]:
    """Run encode_batch on length-sorted batches of indices; the results come back in input order.

    With workers > 1, that many batches are encoded at once on threads (encode_batch must be thread-safe);
    on_batch is still called once per batch, in batch order. same_length: see batches_by_length.
    """
    results: list[Vector | None] = [None] * len(lengths)
    batches = batches_by_length(lengths, batch_size, same_length)
    if workers <= 1 or len(batches) <= 1:  # one query, say: no thread pool to start
        _collect(batches, map(encode_batch, batches), results, on_batch)
    else:
        with ThreadPoolExecutor(max_workers=min(workers, len(batches))) as pool:
            _collect(batches, pool.map(encode_batch, batches), results, on_batch)
    return results  # type: ignore[return-value]  # every slot was filled by _collect


def _collect(
    batches: list[list[int]],
    encoded: Iterable[Sequence[Vector]],
    results: list[Vector | None],
    on_batch: Callable[[int], None] | None,
) -> None:
    """Put each batch's vectors in their input slots, in batch order, reporting each batch."""
    for batch, vectors in zip(batches, encoded):
        if len(vectors) != len(batch):
            raise ValueError(f"encode_batch returned {len(vectors)} vectors for {len(batch)} texts")
        for index, vector in zip(batch, vectors):
            results[index] = vector
        if on_batch is not None:
            on_batch(len(batch))

"""Length-sorted batching: neighbours in length share a batch, and results come back in input order."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, strategies as st

from index.length_batches import batches_by_length, encode_in_length_order, padding_share


@given(st.lists(st.integers(min_value=1, max_value=512), max_size=200), st.integers(min_value=1, max_value=40))
def test_results_come_back_in_input_order_whatever_the_lengths(lengths, batch_size):
    calls: list[list[int]] = []

    def encode(indices: list[int]) -> list[tuple[int, int]]:
        calls.append(indices)
        return [(index, lengths[index]) for index in indices]

    results = encode_in_length_order(lengths, batch_size, encode)
    assert results == [(index, length) for index, length in enumerate(lengths)]
    assert all(len(batch) <= batch_size for batch in calls)
    assert sorted(index for batch in calls for index in batch) == list(range(len(lengths)))


def test_each_batch_holds_neighbours_in_length():
    lengths = [5, 300, 7, 290, 6, 310]
    assert batches_by_length(lengths, 2) == [[5, 1], [3, 2], [4, 0]]


def test_sorting_removes_most_padding_of_mixed_lengths():
    lengths = [20, 400, 25, 380, 30, 390, 22, 410]
    in_input_order = [[0, 1], [2, 3], [4, 5], [6, 7]]
    assert padding_share(lengths, batches_by_length(lengths, 2)) < 0.05
    assert padding_share(lengths, in_input_order) > 0.4


def test_progress_is_reported_per_batch():
    seen: list[int] = []
    encode_in_length_order([3, 1, 2, 5, 4], 2, lambda batch: [0] * len(batch), seen.append)
    assert seen == [2, 2, 1]


def test_an_encoder_returning_too_few_vectors_is_an_error():
    with pytest.raises(ValueError, match="1 vectors for 2 texts"):
        encode_in_length_order([1, 2], 2, lambda batch: [0])


def test_workers_encode_batches_at_once_and_results_keep_input_order():
    lengths = [9, 3, 7, 1, 8, 2, 6, 4]
    both_running = threading.Barrier(2, timeout=10)  # broken (an error) unless two batches run together
    seen: list[int] = []

    def encode(indices: list[int]) -> list[int]:
        both_running.wait()
        return [lengths[index] for index in indices]

    assert encode_in_length_order(lengths, 4, encode, seen.append, workers=2) == lengths
    assert seen == [4, 4]


def test_batches_of_one_length_hold_no_padding():
    lengths = [5, 300, 7, 300, 300, 5]
    batches = batches_by_length(lengths, 2, same_length=True)
    assert batches == [[1, 3], [4], [2], [0, 5]]
    assert padding_share(lengths, batches) == 0.0

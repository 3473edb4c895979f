"""Summary statistics shared by the evaluation and the benchmarks."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile of values (share in 0..1); nan when there are none.

    Nearest rank: sort the n values and take the ceil(share * n)-th (1-based, at least the first),
    so the result is always one of the measured values: p50 of 1..100 is 50, p95 is 95.
    """
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def field_accuracy(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """How many gold fields were right: {"fields", "correct", "accuracy"} over rows that each carry "ok"."""
    correct = sum(row["ok"] for row in rows)
    return {"fields": len(rows), "correct": correct, "accuracy": correct / len(rows) if rows else 0.0}


def ratio(part: float, whole: float) -> float | None:
    """part / whole rounded to 4 places; None when there is nothing to divide by."""
    return round(part / whole, 4) if whole else None

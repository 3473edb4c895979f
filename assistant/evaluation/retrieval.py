"""Retrieval evaluation on a gold question set: the product's retriever, optionally against the baseline.

Metrics (per kind and overall):
- recall@k: share of gold source quotes found in the retrieved chunks; a quote counts when one
  chunk's span covers at least 80% of it. For questions across units the product's own result
  (up to k chunks per qualifying unit) counts.
- mrr: 1 / rank of the first chunk holding a gold quote (0 when none does).
- unit_coverage (aggregate_across_units items): share of the gold units (the notices the gold
  sources come from) that have at least one chunk in the results.
- p50_ms / p95_ms: retrieval latency, query embedding included.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.evaluation.baseline import Baseline
from assistant.evaluation.gold import GoldItem, Hit, quote_covered
from assistant.evaluation.stats import percentile, ratio
from assistant.followup import condense_with_rules
from assistant.workspace import Workspace

AGGREGATE = "aggregate_across_units"


@dataclass
class ItemScore:
    kind: str
    quotes_found: int = 0
    quotes_total: int = 0
    reciprocal_rank: float = 0.0
    units_found: int = 0
    units_total: int = 0
    ms: float = 0.0
    scored: bool = True


def score_item(item: GoldItem, hits: list[Hit], ms: float) -> ItemScore:
    """recall, reciprocal rank and unit coverage of one item's retrieved chunks."""
    score = ItemScore(kind=item.kind, ms=ms, scored=bool(item.quotes))
    if not item.quotes:
        return score
    score.quotes_total = len(item.quotes)
    score.quotes_found = sum(any(quote_covered(q, h) for h in hits) for q in item.quotes)
    for rank, hit in enumerate(hits, start=1):
        if any(quote_covered(q, hit) for q in item.quotes):
            score.reciprocal_rank = 1.0 / rank
            break
    if item.kind == AGGREGATE:
        found_docs = {h.doc for h in hits}
        score.units_total = len(item.gold_docs)
        score.units_found = len(item.gold_docs & found_docs)
    return score


def summarise(scores: list[ItemScore]) -> dict[str, Any]:
    """The metrics over a list of item scores."""
    scored = [s for s in scores if s.scored]
    aggregate = [s for s in scored if s.units_total]
    latencies = [s.ms for s in scores]
    return {
        "recall@k": ratio(sum(s.quotes_found for s in scored), sum(s.quotes_total for s in scored)),
        "mrr": round(statistics.fmean([s.reciprocal_rank for s in scored]), 4) if scored else None,
        "unit_coverage": ratio(sum(s.units_found for s in aggregate), sum(s.units_total for s in aggregate)),
        "p50_ms": round(percentile(latencies, 0.5), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "n": len(scores),
    }


def summarise_by_kind(scores: list[ItemScore]) -> dict[str, Any]:
    summary = summarise(scores)
    groups: dict[str, list[ItemScore]] = defaultdict(list)
    for score in scores:
        groups[score.kind].append(score)
    summary["by_kind"] = {kind: summarise(group) for kind, group in sorted(groups.items())}
    return summary


def product_hits(workspace: Workspace, item: GoldItem, k: int) -> tuple[list[Hit], float]:
    """Retrieve with the product's retriever (follow-ups condensed by the rules first)."""
    retriever = workspace.retriever
    began = time.perf_counter()
    question = condense_with_rules(item.history, item.question, retriever.directory)
    result = retriever.retrieve(question, k=k)
    ms = (time.perf_counter() - began) * 1000
    file_of = {row.notice_id: row.file_name for row in workspace.catalog.notices()}
    hits = [Hit(file_of[d.metadata["notice_id"]], d.metadata["start"], d.metadata["end"]) for d in result.documents]
    return hits, ms


def run_retrieval_eval(
    workspace: Workspace, items: Iterable[GoldItem], k: int, baseline: Baseline | None = None
) -> dict[str, Any]:
    """The JSON report: {"retrieval": {...}, "baseline": {...} when a baseline is given}."""
    items = list(items)
    # Load the model and the indexes first, so the first question's latency is not a load time.
    workspace.retriever.retrieve("巡察整改情况")
    product_scores = []
    for item in items:
        hits, ms = product_hits(workspace, item, k)
        product_scores.append(score_item(item, hits, ms))
    report: dict[str, Any] = {"retrieval": summarise_by_kind(product_scores)}
    if baseline is not None:
        baseline_scores = []
        for item in items:
            question = item.question
            if item.history:  # the plain pipeline sees the same standalone question
                question = condense_with_rules(item.history, item.question, workspace.retriever.directory)
            began = time.perf_counter()
            hits = baseline.search(question)
            baseline_scores.append(score_item(item, hits, (time.perf_counter() - began) * 1000))
        report["baseline"] = summarise_by_kind(baseline_scores)
    return report

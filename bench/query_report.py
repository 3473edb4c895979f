"""The query benchmark's results as terminal tables or plain data."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from bench.measure import STAGE_LABELS
from bench.query_bench import KIND_TIME_BUDGET_S, SizeResult

TARGET_P50_MS = 150.0


def format_query_report(results: Sequence[SizeResult]) -> str:
    """The benchmark as tables for the terminal."""
    lines = _method_lines(results) + _build_table(results) + _latency_table(results) + _open_table(results)
    lines += _slow_and_budget_lines(results)
    for result in results:
        if result.queries.profile:
            lines += [f"cProfile of retrieval at {result.build.chunks} chunks (top functions, own time):", result.queries.profile]
    return "\n".join(lines)


def _method_lines(results: Sequence[SizeResult]) -> list[str]:
    """How the figures were measured: which embedder built the corpus and which embeds the queries."""
    return [
        "query benchmark: HybridRetriever.retrieve (dense + BM25 + facts, no LLM) on synthetic corpora (bench.synthetic)",
        "corpus vectors: FAKE fast embedder (HashingEmbeddings at the real model's dimension) - the real model would",
        "  take about 2 hours to embed 100k chunks on 2 cores (~16 chunks/s); query embedding: the REAL model",
        f"  ({', '.join(sorted({r.queries.query_model for r in results})) or 'configured embedder'}) embeds every query",
        "  (timed, included in latency), then the search uses the fake embedder's vector of the same question,",
        "  since the stored vectors are in its space (search cost is that of the real dimension).",
        "build and queries run in separate fresh processes; RSS from /proc/self/status.",
        "",
    ]


def _build_table(results: Sequence[SizeResult]) -> list[str]:
    """One row per size: the corpus built, its stage times and peak memory."""
    lines = [
        f"{'chunks':>8} {'notices':>7} {'units':>6} {'build s':>8} {'chunks/s':>8} "
        f"{'prepare':>8} {'embed':>7} {'store':>7} {'lexical':>8} {'build peak MB':>13}",
    ]
    for result in results:
        b = result.build
        s = b.stages
        lines.append(
            f"{b.chunks:>8} {b.notices:>7} {b.units:>6} {b.build_seconds:>8.1f} {b.chunks / b.build_seconds:>8.0f} "
            f"{s.get('prepare', 0):>8.1f} {s.get('embed', 0):>7.1f} {s.get('store', 0):>7.1f} "
            f"{s.get('lexical', 0):>8.1f} {b.peak_rss_mb:>13.0f}"
        )
    return lines + [
        "  (stages in s: " + "; ".join(f"{v}" for k, v in STAGE_LABELS.items() if k != "startup") + ")",
        "",
    ]


def _latency_table(results: Sequence[SizeResult]) -> list[str]:
    """One row per size and kind of question: latency percentiles, embedding share, units searched and found."""
    lines = [
        f"{'chunks':>8} {'kind':<13} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
        f"{'embed p50':>9} {'embed %':>7} {'units searched':>14} {'unit recall':>11} {'precision':>9}",
    ]
    for result in results:
        for kind in result.queries.kinds:
            k = kind.summary()
            lines.append(
                f"{result.build.chunks:>8} {kind.kind:<13} {k['n']:>3} {k['p50_ms']:>8.1f} {k['p95_ms']:>8.1f} "
                f"{k['max_ms']:>8.1f} {k['embed_p50_ms']:>9.1f} {k['embed_share'] * 100:>6.1f}% "
                f"{k['units_searched_min']:>6}-{k['units_searched_max']:<7} "
                f"{k.get('unit_recall', float('nan')):>11.3f} {k.get('unit_precision', float('nan')):>9.3f}"
            )
    return lines + [
        f"  target: p50 <= {TARGET_P50_MS:.0f} ms at 100k chunks, query embedding included; "
        "units searched 0 = one top-k over every notice; unit recall/precision: qualifying units against the",
        "  units whose synthetic notices state the asked-about theme (bench.synthetic_questions.ACROSS_UNIT_QUESTIONS)",
        "",
    ]


def _open_table(results: Sequence[SizeResult]) -> list[str]:
    """One row per size: opening the home, first query, memory, load, adding and removing one notice."""
    lines = [
        f"{'chunks':>8} {'vectors':>8} {'open s':>7} {'views s':>7} {'first query ms':>14} "
        f"{'RSS open MB':>11} {'RSS after MB':>12} {'peak MB':>8} {'load avg':>9} {'add one s':>9} {'remove s':>8}",
    ]
    for result in results:
        q = result.queries
        lines.append(
            f"{result.build.chunks:>8} {q.vectors:>8} {q.open_seconds:>7.1f} {q.views_seconds:>7.1f} "
            f"{q.first_query_ms:>14.0f} {q.rss_open_mb:>11.0f} {q.rss_after_queries_mb:>12.0f} {q.peak_rss_mb:>8.0f} "
            f"{'/'.join(f'{x:.1f}' for x in q.load_average):>9} {q.add_one_notice_s:>9.2f} {q.remove_one_notice_s:>8.2f}"
        )
    lines.append(
        "  open = catalogue + Chroma + real model loaded; views = the retriever's catalogue views and BM25 loaded "
        "(first use); first query = the first retrieve after that; load avg = 1-minute load before/after the "
        f"queries on {os.cpu_count()} CPUs shared with other processes; add one = ingest of one new notice "
        "(stand-in embedder) until a question naming its unit finds it"
    )
    return lines


def _slow_and_budget_lines(results: Sequence[SizeResult]) -> list[str]:
    """A warning naming slow across-unit questions, and the per-kind time budget."""
    lines = []
    slow = [
        f"{r.build.chunks} chunks: across-units p50 {k.summary()['p50_ms']:.0f} ms over {k.summary()['units_searched_max']} units"
        for r in results
        for k in r.queries.kinds
        if k.kind == "across-units" and k.latencies_ms and k.summary()["p50_ms"] > 1000
    ]
    if slow:
        lines.append("SLOW across-unit questions: " + "; ".join(slow))
    lines.append(
        f"  (a kind of question stops after {KIND_TIME_BUDGET_S:.0f} s, so n can be below the number asked for)"
    )
    return lines


def results_as_dicts(results: Sequence[SizeResult]) -> dict[str, Any]:
    """Results as plain data for --json: the headline figures of each size, then every detail."""
    sizes = []
    for result in results:
        details = asdict(result)
        details["queries"]["kinds"] = {k.kind: k.summary() for k in result.queries.kinds}
        kinds = {}
        for kind in result.queries.kinds:
            summary = kind.summary()
            kinds[kind.kind] = {
                key: summary[key] for key in ("p50_ms", "p95_ms", "unit_recall", "unit_precision") if key in summary
            }
        sizes.append(
            {
                "chunks": result.build.chunks,
                "units": result.build.units,
                "rss_mb": round(result.queries.peak_rss_mb, 1),
                "add_one_notice_s": round(result.queries.add_one_notice_s, 2),
                "remove_one_notice_s": round(result.queries.remove_one_notice_s, 2),
                "kinds": kinds,
                "details": details,
            }
        )
    return {"sizes": sizes}


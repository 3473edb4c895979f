"""The ingest benchmark's figures: both pipelines keep their fastest run, and every run is reported."""

from __future__ import annotations

import json

from bench.ingest_figures import IngestBenchResult
from bench.langchain_baseline import Throughput


def _result_with_runs(ingest_walls: list[float], baseline_walls: list[float]) -> IngestBenchResult:
    result = IngestBenchResult("corpus", "model", 1, "passage: ", 2, notices=2, chars=1000, chunks=10)
    for ingest_wall, baseline_wall in zip(ingest_walls, baseline_walls):
        result.keep_best({
            "ingest_wall": ingest_wall, "ingest_cpu": ingest_wall, "raw_wall": 1.0, "raw_cpu": 1.0,
            "raw_per_notice_wall": 1.0, "raw_per_notice_cpu": 1.0,
        })
        result.keep_best_baseline(Throughput(1000, 5, baseline_wall, baseline_wall * 2))
    return result


def test_speedup_compares_the_fastest_run_of_each_pipeline():
    # The second round ran under load on both sides; the third was quiet for the baseline only.
    result = _result_with_runs([5.0, 9.0, 6.0], [12.0, 20.0, 10.0])

    figures = result.to_dict()

    assert figures["chars_per_s_over_baseline"] == 10.0 / 5.0
    assert [run["wall_s"] for run in figures["baseline_runs"]] == [12.0, 20.0, 10.0]
    json.dumps(figures)  # the --json output is one JSON object


def test_without_a_baseline_no_speedup_is_reported():
    result = IngestBenchResult("corpus", "model", 1, "passage: ", 2, chars=1000, chunks=10)
    result.keep_best({
        "ingest_wall": 5.0, "ingest_cpu": 5.0, "raw_wall": 1.0, "raw_cpu": 1.0,
        "raw_per_notice_wall": 1.0, "raw_per_notice_cpu": 1.0,
    })

    assert "chars_per_s_over_baseline" not in result.to_dict()

"""The evaluation report as a plain-text table: the product and the baseline side by side, per kind."""

from __future__ import annotations

from typing import Any

RETRIEVAL_COLUMNS = ["recall@k", "mrr", "unit_coverage", "p50_ms", "p95_ms", "n"]
ANSWER_COLUMNS = ["must_mention", "citations_verbatim", "source_hit", "abstention", "false_abstention", "p50_ms", "n"]


def format_report(report: dict[str, Any]) -> str:
    """Side-by-side table of the product and the baseline, per kind."""
    lines = []
    for name, block in report.items():
        if not isinstance(block, dict) or "by_kind" not in block:
            continue
        columns = ANSWER_COLUMNS if name == "answers" else RETRIEVAL_COLUMNS
        lines.append(f"== {name}")
        lines.append(f"{'kind':28}" + "".join(f"{c:>19}" for c in columns))
        rows = [("overall", block)] + list(block["by_kind"].items())
        for kind, metrics in rows:
            lines.append(f"{kind:28}" + "".join(f"{_cell(metrics.get(c)):>19}" for c in columns))
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)

"""Shim: the evaluation moved to assistant/evaluation/; these names stay importable for assistant/cli_extra.py."""

from assistant.evaluation.baseline import build_baseline
from assistant.evaluation.corpus import open_eval_workspace
from assistant.evaluation.gold import load_gold_set
from assistant.evaluation.report import format_report
from assistant.evaluation.retrieval import run_retrieval_eval

__all__ = ["build_baseline", "format_report", "load_gold_set", "open_eval_workspace", "run_retrieval_eval"]

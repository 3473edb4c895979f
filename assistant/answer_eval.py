"""Shim: answer evaluation moved to assistant/evaluation/answers.py; kept for assistant/cli_extra.py."""

from assistant.evaluation.answers import run_answer_eval

__all__ = ["run_answer_eval"]

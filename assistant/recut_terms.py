"""A question's name the word cutter reads differently from the notices: re-read as the notices' words inside it.

The cutter reads "湘服通分厅" asked as 湘服 + 通分厅, while a notice writing "“湘服通”青溪分厅" is read as
湘 + 服通 and 分厅: no passage holds the question's tokens, so the sentence naming the very thing shares no
term with it. The run of the question those unheld tokens cover holds words the passages do hold (服通,
分厅): those are its terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# The longest held word looked for inside a run of unheld tokens (the cutter's words are mostly 2-4 characters).
_MAX_WORD_CHARS = 4


def recut_unheld(piece: str, tokens: list[str], known_terms: Callable[[Iterable[str]], set[str]]) -> list[str]:
    """The tokens, with each run of the piece covered only by tokens no passage holds read as the held words
    written inside it (those not inside a longer one); a run holding none keeps its tokens."""
    held = known_terms(tokens)
    unheld = [t for t in tokens if len(t) >= 2 and t not in held]
    runs = _runs(piece, unheld)
    if not runs:
        return tokens
    candidates = {run[i:j] for run in runs for i in range(len(run)) for j in range(i + 2, min(len(run), i + _MAX_WORD_CHARS) + 1)}
    inside = known_terms(candidates)
    result = list(tokens)
    for run in runs:
        words = [w for w in inside if w in run]
        words = [w for w in words if not any(w != other and w in other for other in words)]
        if words:
            result = [t for t in result if not (t in unheld and t in run)] + sorted(words, key=run.index)
    return list(dict.fromkeys(result))


def _runs(piece: str, unheld: list[str]) -> list[str]:
    """The stretches of the piece (three characters or more) covered by the unheld tokens."""
    covered = [False] * len(piece)
    for token in unheld:
        start = piece.find(token)
        while start >= 0:
            covered[start : start + len(token)] = [True] * len(token)
            start = piece.find(token, start + 1)
    runs, current = [], ""
    for char, is_covered in zip(piece, covered):
        if is_covered:
            current += char
        else:
            runs.append(current)
            current = ""
    runs.append(current)
    return [run for run in runs if len(run) >= 3]


# A one-character verb in a predicate's place ("啥时候撤", "撤了吗"): ending the clause (an aspect word between),
# not after 的/那/这/个 (a noun there: "信访的事") nor 有 (asking whether: "有没有").
_VERB_PLACE = r"(?=[了过]?(?:[吗呢啊呀]|[?？,，。]|$))"
_NOUN_BEFORE = re.compile(r"[的那这个件]$")
_HAN = [chr(code) for code in range(0x4E00, 0x9FA6)]


def verb_words(piece: str, tokens: Iterable[str], known_terms: Callable[[Iterable[str]], set[str]],
               most: int) -> list[tuple[str, ...]]:
    """For each one-character verb of the piece no passage holds as a word, the held two-character words that
    begin with it (撤: 撤离, 撤回), the verb last, as one group of words saying it; none when more than `most`
    words begin with it (a common character says too many things to stand for any)."""
    held = known_terms(tokens)
    groups = []
    for token in dict.fromkeys(t for t in tokens if len(t) == 1 and t not in held):
        places = [m.start() for m in re.finditer(re.escape(token) + _VERB_PLACE, piece)]
        if token == "有" or not any(not _NOUN_BEFORE.search(piece[:place]) for place in places):
            continue
        words = sorted(known_terms(token + char for char in _HAN))
        if 0 < len(words) <= most:
            groups.append((*words, token))
    return groups

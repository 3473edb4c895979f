"""Short names written straight before the next word ("X大科研经费…", "X热力处分了…"): the word cutter
cuts the short name apart or joins its tail to the topic word, so no suffix or particle marks where it ends.
A unit's short form is read from a word start that begins one held name, taking the longest run of
characters that is the short form of exactly that one unit and preferring a run that ends at a word end,
so the topic word after it stays out of the name."""

from __future__ import annotations

import re
from functools import lru_cache

import jieba

from assistant.unit_names import NOT_IN_NAMES, UNIT_SUFFIX, is_short_form, same_kind
from index.lexical import normalize_for_search

_MAX_GLUED_CHARS = 6  # "X师大", "X职院", "X热力", "X司法局": nicknames seen run to four, six leaves room
# A level or the party's prefix opens many names and words alike ("市里", "中共"): no short name starts so.
_NOT_A_FIRST = re.compile(r"[省市区县州镇乡村]|中共")
# Another unit's kind right after a short name ("X大附属医院", "X热力分公司"): the name of another unit, not this one.
_ANOTHER_UNIT_AFTER = re.compile(r"(?:医院|学院|学校|中学|小学|幼儿园|公司|集团|研究院|研究所|中心|分局|派出所)$")
_LEVEL = re.compile(r"[省市区县州旗镇乡]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1024)
def _word_ends(text: str) -> tuple[int, ...]:
    ends, position = [0], 0
    for word in jieba.lcut(text):
        position += len(word)
        ends.append(position)
    return tuple(ends)


def glued_mentions(
    text: str, names: list[tuple[str, str]], taken: list[bool], generic: frozenset[str]
) -> list[tuple[int, int, str]]:
    """(begin, end, unit) of each short name glued to the word after it; `names` are (normalised name, unit)."""
    firsts = {name[0] for name, _ in names if not _NOT_A_FIRST.match(name)}
    bounds = _word_ends(text)
    used, found = list(taken), []
    for begin in bounds[:-1]:
        if used[begin] or normalize_for_search(text[begin]) not in firsts:
            continue
        last = begin
        while last < min(len(text), begin + _MAX_GLUED_CHARS) and _CJK.match(text[last]) \
                and not NOT_IN_NAMES.match(text[last]) and not used[last]:
            last += 1
        best = None
        for end in range(last, begin + 1, -1):
            short = normalize_for_search(text[begin:end])
            owners = {unit for name, unit in names
                      if name[0] == short[0] and not _NOT_A_FIRST.match(name) and is_short_form(short, name)
                      and _keeps_own_name(short, name)
                      and (not UNIT_SUFFIX.search(short) or same_kind(short, name))}  # "X集团本部": another unit
            if len(owners) != 1 or short in generic:
                continue
            if best is None or end in bounds:
                best = (begin, end, owners.pop())
            if end in bounds:
                break
        if best is not None and _glued(text, best[1]) and not _another_unit_after(text, best[1], bounds):
            found.append(best)
            used[best[0]:best[1]] = [True] * (best[1] - best[0])
    return found


def _keeps_own_name(short: str, name: str) -> bool:
    """Whether `short` is more than the place `name` starts with: it leaves out no level ("青禾柳…" skips 市云岭区 of
    青禾市云岭区柳林街道) and does not stop right before one ("青禾" of 青禾市…, glued to another unit: "青禾城投"),
    nor holds a level itself ("青禾市云岭区" is the place holding 青禾市云岭区柳林街道; a written level is read elsewhere)."""
    position, skipped = 0, ""
    for char in short:
        found = name.find(char, position)
        skipped += name[position:found] if position else ""
        position = found + 1
    return not _LEVEL.search(skipped + short) and not (name.startswith(short) and _LEVEL.match(name, len(short)))


def _glued(text: str, end: int) -> bool:
    """Whether a word follows the name with no particle between ("X大科研…"; "X大的…", "X大呢" are read elsewhere)."""
    return end < len(text) and _CJK.match(text[end]) is not None and not NOT_IN_NAMES.match(text[end])


def _another_unit_after(text: str, end: int, bounds: tuple[int, ...]) -> bool:
    """Whether the one or two words after the short name end in another unit's kind ("附属/医院")."""
    after = [b for b in bounds if b > end][:2]
    return any(_ANOTHER_UNIT_AFTER.search(text[end:stop]) for stop in after if stop - end >= 2)

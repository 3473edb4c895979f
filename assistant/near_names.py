"""Unit names typed one homophone off a held unit's name ("盘龙诚" for 盘龙城), or shared by several held units.

A slip is read as the held unit only when it is safe: one character of the name's own part differs, the two
characters sound alike, neither is a number, a level or the unit's kind, the name as typed is no word the
dictionary knows (东河 is a real place, not a slip for 东湖), and exactly one held unit is that close. Anything
else stays an unknown name, answered with the closest units. The answer always says how a name was read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import jieba.posseg
from pypinyin.pinyin_dict import pinyin_dict

from assistant.unit_names import UNIT_SUFFIX, is_short_form, same_kind
from assistant.units import UnitDirectory
from index.lexical import normalize_for_search

# Characters a slip never changes: numbers (安庆一中 vs 二中 are two schools) and levels (吉安县 vs 吉安市).
_NEVER_SLIPPED = set("一二三四五六七八九十零〇两第省市州县区镇乡村")
_LEVELS = "省市州县区镇乡"
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}


def correct_misspelt_names(question: str, directory: UnitDirectory, min_chars: int) -> tuple[str, str]:
    """The question with each safe homophone slip of a held name (at least `min_chars` long) spelt as the
    held name, and a note saying how each slipped name was read ("" when none was)."""
    taken = directory.mentions(question)
    near: dict[tuple[int, int, int], set[tuple[str, str]]] = {}  # (begin, end, slipped index) -> {(name, unit)}
    present = set(question)
    for entry in directory.entries:
        for name in entry.names:
            if len(name) < min_chars or len(set(name) - present) > 1:
                continue
            for begin in range(len(question) - len(name) + 1):
                slip = _homophone_slip(question[begin : begin + len(name)], name)
                end = begin + len(name)
                if slip is not None and not any(b < end and begin < e and u != entry.unit for b, e, u in taken):
                    near.setdefault((begin, end, begin + slip), set()).add((name, entry.unit))
    corrected, notes = question, []
    for (begin, end, index), readings in sorted(near.items(), key=lambda item: (item[0][0], -item[0][1])):
        units = {unit for _, unit in readings}
        others = any(k[0] < end and begin < k[1] and {u for _, u in v} != units for k, v in near.items())
        if len(units) != 1 or others:
            continue  # two held units are that close, or two readings overlap: not safe to choose
        name, unit = sorted(readings, key=lambda r: -len(r[0]))[0]
        if corrected[index] == name[index - begin]:
            continue
        corrected = corrected[:index] + name[index - begin] + corrected[index + 1 :]
        shown = f"“{name}”({unit})" if name != unit else unit
        notes.append(f"“{question[begin:end]}”按{shown}理解。")
    return corrected, "".join(dict.fromkeys(notes))


def _homophone_slip(typed: str, name: str) -> int | None:
    """The index of the one character where `typed` slips from `name`, when the slip is safe to read through."""
    if len(typed) != len(name) or not _HAN.fullmatch(typed):
        return None
    differing = [i for i, (a, b) in enumerate(zip(typed, name)) if a != b]
    if len(differing) != 1:
        return None
    index = differing[0]
    kind = UNIT_SUFFIX.search(name)
    if kind is not None and index >= kind.start():
        return None  # the kind itself differs ("学院"/"学园"): another sort of unit
    if typed[index] in _NEVER_SLIPPED or name[index] in _NEVER_SLIPPED:
        return None
    if not _readings(typed[index]) & _readings(name[index]):
        return None
    return None if _is_a_word(_own_part(typed, index, kind.start() if kind else len(name))) else index


def _own_part(typed: str, index: int, kind_start: int) -> str:
    """The part of the typed name around `index` between levels and the kind ("松阳湖" of 云溪区松阳湖街道)."""
    begin = max((i + 1 for i in range(index) if typed[i] in _LEVELS), default=0)
    end = next((i for i in range(index + 1, kind_start) if typed[i] in _LEVELS), kind_start)
    return typed[begin:end]


def _is_a_word(text: str) -> bool:
    """Whether the dictionary knows the text as a word (a real place such as 东河, or a word such as 税务)."""
    return normalize_for_search(text) in jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    """The char's pinyin readings without tones (城, 诚: {"cheng"})."""
    readings = pinyin_dict.get(ord(char), "")
    plain = ("".join(c for c in unicodedata.normalize("NFD", r) if c not in _TONE_MARKS) for r in readings.split(","))
    return frozenset(unicodedata.normalize("NFC", r) for r in plain if r)


def units_sharing(name: str, directory: UnitDirectory) -> list[str]:
    """Held units whose names `name` is a short form of, of the same kind ("电子学院": a 电子职业学院 and a
    university's 电子信息学院)."""
    short = normalize_for_search(name)
    return [entry.unit for entry in directory.entries
            if any(is_short_form(short, normalize_for_search(held)) and same_kind(short, normalize_for_search(held))
                   for held in entry.names)]


def read_shared_names(
    question: str, names: list[str], directory: UnitDirectory, max_units: int
) -> tuple[str, list[str], str]:
    """Unknown names, and short names of held units, that several held units (at most `max_units`) answer to,
    read as all of them: the question with each such name replaced by those units, the names left unknown, and
    how they were read."""
    left, read = [], []
    full_names = {normalize_for_search(unit) for unit in directory.units}
    written = [question[b:e] for b, e, _ in directory.mentions(question)]  # "电子学院": one unit's alias, others' too
    for name in list(names) + [w for w in written if normalize_for_search(w) not in full_names]:
        units = units_sharing(name, directory)
        if not 2 <= len(units) <= max_units:
            left += [name] if name in names else []
            continue
        question = question.replace(name, "和".join(units))
        read.append(f"库中有{len(units)}个单位可称“{name}”,以下按{'、'.join(units)}分别回答。")
    return question, left, "".join(read)

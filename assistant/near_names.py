"""Unit names typed one homophone off a held unit's name ("盘龙诚" for 盘龙城), or shared by several held units.

A slip is read as the held unit only when it is safe: one character of the name's own part differs, the two
characters sound alike, neither is a number, a level or the unit's kind, the name as typed is no word the
dictionary knows (东河 is a real place, not a slip for 东湖), and exactly one held unit is that close. Anything
else stays as typed (an unknown name is answered with the closest units). The answer says how a name was read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from weakref import WeakKeyDictionary

import jieba.posseg
from pypinyin.pinyin_dict import pinyin_dict

from assistant.unit_names import NOT_IN_NAMES, UNIT_SUFFIX, is_short_form, same_kind
from assistant.units import UnitDirectory
from index.lexical import normalize_for_search
from index.script_forms import simplified_characters

# Characters a slip never changes: numbers (安庆一中 vs 二中 are two schools) and levels (吉安县 vs 吉安市).
_NEVER_SLIPPED = set("一二三四五六七八九十零〇两第省市州县区镇乡村")
_LEVELS = "省市州县区镇乡"
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_TONE_MARKS = {"\u0300", "\u0301", "\u0304", "\u030c"}


class _HeldNames:
    """A library's unit names by the characters they hold, and those characters by how they sound."""

    def __init__(self, directory: UnitDirectory) -> None:
        self.by_char: dict[str, set[str]] = {}
        for entry in directory.entries:
            for name in entry.names:
                for char in normalize_for_search(name):
                    self.by_char.setdefault(char, set()).add(normalize_for_search(name))
        self.sounds: dict[str, set[str]] = {}
        for char in self.by_char:
            for reading in _readings(char):
                self.sounds.setdefault(reading, set()).add(char)

    def alike(self, typed: str) -> set[str]:
        """Held characters that sound like the typed one (not itself or its traditional form, no number or level):
        衛 held on a mirror page is the typed 卫 itself, not a slip for it."""
        sounding = {c for reading in _readings(typed) for c in self.sounds.get(reading, ()) if simplified_characters(c) != typed}
        return sounding - _NEVER_SLIPPED - {typed}

    def names_at(self, text: str, index: int) -> bool:
        """Whether a held name holds text[index] and a character next to it: a cheap test before the directory's
        full reading of the text (a name may be written shortened, "扬大附中", so only its characters are asked for)."""
        haystack = normalize_for_search(text)
        holding = self.by_char.get(haystack[index], set())
        neighbours = haystack[max(0, index - 1) : index] + haystack[index + 1 : index + 2]
        return any(not holding.isdisjoint(self.by_char.get(char, ())) for char in neighbours)


_HELD: WeakKeyDictionary[UnitDirectory, _HeldNames] = WeakKeyDictionary()  # one per library state


def correct_misspelt_names(question: str, directory: UnitDirectory, min_chars: int) -> tuple[str, str]:
    """The question with each safe homophone slip in a held unit's name or short form (at least `min_chars`
    long as written) spelt as the held name, and a note saying how each slipped name was read ("" when none was)."""
    held = _HELD.get(directory)
    if held is None:
        held = _HELD[directory] = _HeldNames(directory)
    before = directory.mentions(question)
    corrected, notes = question, []
    for index, typed in enumerate(question):
        if typed in _NEVER_SLIPPED or not _HAN.fullmatch(typed) or NOT_IN_NAMES.search(typed):
            continue  # numbers, levels and the question's own words ("为", "和") are no slips
        found = set()  # (held char, unit, begin, end)
        for char in held.alike(typed):  # each held character that sounds like the typed one, tried in its place
            trial = question[:index] + char + question[index + 1 :]
            if not held.names_at(trial, index):
                continue  # no held name runs across the slip: the directory need not read the trial
            found |= {(char, unit, b, e) for b, e, unit in directory.mentions(trial)
                      if b <= index < e and e - b >= min_chars and _in_own_part(question[b:e], trial[b:e], index - b)
                      and not any(ob <= b and e <= oe and ou == unit for ob, oe, ou in before)}
        if len({(char, unit) for char, unit, _, _ in found}) != 1:
            continue  # no held name that close, or two: not safe to choose
        char, unit, begin, end = max(found, key=lambda f: f[3] - f[2])
        corrected = corrected[:index] + char + corrected[index + 1 :]
        notes.append(f"“{question[begin:end]}”按{unit}理解。")
    return corrected, "".join(dict.fromkeys(notes))


def _in_own_part(typed: str, held: str, index: int) -> bool:
    """Whether the slip at `index` of a written name is in its own part (not its kind, as typed or as held), and
    the own part as typed is no word the dictionary knows."""
    kind = UNIT_SUFFIX.search(typed)
    held_kind = UNIT_SUFFIX.search(held)
    if (kind is not None and index >= kind.start()) or (held_kind is not None and index >= held_kind.start()):
        return False  # the kind differs ("学院"/"学园", "东临为"/"东临委"): another sort of unit, or no unit
    return not _is_a_word(_own_part(typed, index, kind.start() if kind else len(typed)))


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

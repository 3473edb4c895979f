"""Pages mirrored in traditional script (縣/區/醫院黨委), read in simplified form so the unit patterns apply.

Mirror sites also write a reading after rare characters (醫(yī)院); both are undone for reading, and a name
found in the simplified reading is given back as the page writes it (齊河縣, 洛陽市中醫院).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# A pinyin reading a mirror page writes after a character: 醫(yī), 衛(wèi).
_READING = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_READING_OPTIONAL = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\))?"


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[str, str]:
    """The character table in index/data/traditional_chars.txt (繁简 pairs)."""
    lines = resources.files("index").joinpath("data", "traditional_chars.txt").read_text(encoding="utf-8")
    return {line[0]: line[1] for line in lines.splitlines() if len(line) == 2 and not line.startswith("#")}


@lru_cache(maxsize=1)
def _simplified_to_traditional() -> dict[str, str]:
    """Every traditional character written for a simplified one (卫 -> 衛)."""
    forms: dict[str, str] = {}
    for traditional, simplified in _traditional_to_simplified().items():
        forms[simplified] = forms.get(simplified, "") + traditional
    return forms


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return str.maketrans(_traditional_to_simplified())


def simplified_reading(text: str) -> str:
    """The text with readings removed and traditional characters written in simplified form."""
    return _without_readings(text).translate(_translation())


def simplified_characters(text: str) -> str:
    """The text with each traditional character written in simplified form, one for one (offsets kept)."""
    return text.translate(_translation())


def _without_readings(text: str) -> str:
    """The text without the pinyin readings written right after a character."""

    def drop(match: re.Match[str]) -> str:
        after_character = match.start() > 0 and "\u4e00" <= text[match.start() - 1] <= "\u9fff"
        return "" if after_character else match.group(0)

    return _READING.sub(drop, text)


def written_form(name: str, text: str) -> str:
    """The name as the text writes it, in either script and without readings, or name itself if not written."""
    forms = _simplified_to_traditional()
    pattern = "".join(f"[{re.escape(char + forms.get(char, ''))}]{_READING_OPTIONAL}" for char in name)
    match = re.search(pattern, text) if name else None
    if match:
        return _without_readings(match.group(0))
    # Not written in one piece (湖北省 + 衛生健康委): each character in the script the text uses for it.
    return "".join(next((t for t in forms.get(char, "") if t in text), char) for char in name)

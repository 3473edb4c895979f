"""Numbers as notices write them: Arabic or Chinese numerals, counts, percentages, 元/万元/亿元."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from index.vocabulary import CLAWBACK_ACTIONS, COUNT_UNITS, SPECIFIC_MONEY_WORDS, either

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_MONEY_UNITS = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千万亿]+"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"
APPROX = r"(?:余|多)"  # "50余万元", "400多场": a stated lower bound, kept with its wording

# Phrases whose numerals are names, not counts: "中央八项规定" is not eight items.
FIXED_TERMS = (
    "八项规定", "三重一大", "四个意识", "四个自信", "两个维护", "两个确立", "两个责任", "一岗双责",
    "四风", "三会一课", "四种形态", "第一种形态", "两学一做", "三严三实", "一把手", "六稳", "六保",
    "四责协同", "三转", "一票否决", "三资",
)
_MASK = "□"
# Ranges such as "10万至15万元", "1~2家", "100—3000元": no single stated value.
_RANGE_SEPARATOR = r"\s*(?:至|到|~|～|-|－|—|–)\s*"
_RANGE_BEFORE = re.compile(
    rf"(?:\d|[一二三四五六七八九十百千万亿两])[万亿千]?(?:元|人次|人|名|件|起|项|个|条|%|％)?{_RANGE_SEPARATOR}$"
)
_RANGE_AFTER = re.compile(rf"{_RANGE_SEPARATOR}{NUMBER}")

_SPACE = r"[ \u3000]?"  # text from PDFs sometimes has a space between a number and its unit
# "27.493万元", "三十万元", "50余万元", "30万余元", "1,250,000元"
_MONEY = re.compile(
    rf"(?P<number>{NUMBER}){_SPACE}(?P<approx>{APPROX})?(?P<magnitude>[千万亿])?(?P<approx2>{APPROX})?元"
)
# Money written with a bare 万 ("共挽回经济损失14.66万", "欠缴租金12.6万已全部追缴"): the 万 ends the phrase
# (no measure word after it) and money is named in its clause before it, or taken back right after it.
_BARE_WAN = re.compile(rf"(?P<number>{ARABIC}){_SPACE}(?P<magnitude>万)(?=[已由并均全都和及、，,。；;：:）)\s]|$)")
_MONEY_BEFORE = re.compile(rf"(?:{either('挽回|损失|资金|金额|款|金|钱', CLAWBACK_ACTIONS, SPECIFIC_MONEY_WORDS)})[^，,。；;：:]{{0,14}}$")
_MONEY_AFTER = re.compile(rf"[已由并均全都]{{1,3}}[^，,。；;]{{0,4}}?(?:{CLAWBACK_ACTIONS})")
_PERCENT = re.compile(rf"(?P<number>{ARABIC}){_SPACE}(?P<unit>%|％)|百分之(?P<chinese>{CHINESE})")
# Counts: "23个", "二十三个", "7人", "6件", "3.6万人次"; "个月" is a duration, not a count.
_COUNT = re.compile(
    rf"(?P<number>{NUMBER}){_SPACE}(?P<magnitude>[万亿])?(?P<approx>{APPROX})?"
    rf"(?P<unit>{COUNT_UNITS})"
)


def parse_chinese_number(text: str) -> float | None:
    """The value of a numeral as written ("二十三" -> 23, "1.5万" -> 15000, "两" -> 2); None if not a number."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    magnitude = 1
    if len(text) > 1 and text[-1] in _BIG_UNITS and _is_arabic(text[:-1]):
        magnitude, text = _BIG_UNITS[text[-1]], text[:-1]
    if _is_arabic(text):
        return float(Decimal(text) * magnitude)
    if any(char not in _DIGITS and char not in _SMALL_UNITS and char not in _BIG_UNITS for char in text):
        return None
    if len(text) > 1 and all(char in _DIGITS for char in text) and ("〇" in text or "零" in text):
        return float(int("".join(str(_DIGITS[char]) for char in text)))  # "二〇二一"; "三五" stays None
    value = _parse_chinese_integer(text)
    return None if value is None else float(value * magnitude)


def _is_arabic(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", text))


def _parse_chinese_integer(text: str) -> int | None:
    """Positional Chinese numerals: 亿 and 万 close sections, 千/百/十 multiply the digit before."""
    total, section, digit = 0, 0, None
    last_small = 10_000
    last_big = 10**12
    for char in text:
        if char in _DIGITS:
            if digit is not None and _DIGITS[char] != 0:
                return None  # two digits in a row without a unit: "三五"
            digit = _DIGITS[char] if _DIGITS[char] != 0 else None
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if unit >= last_small:
                return None  # "十十", "百千"
            section += (1 if digit is None else digit) * unit
            digit, last_small = None, unit
        else:
            unit = _BIG_UNITS[char]
            if unit >= last_big:
                return None
            section += digit or 0
            if section == 0:
                return None
            total += section * unit
            section, digit, last_small, last_big = 0, None, 10_000, unit
    return total + section + (digit or 0)


def amount_in_yuan(number_text: str, unit_text: str) -> float:
    """Money normalised to yuan: ("27.493", "万元") -> 274930.0; "余"/"多" after the number are dropped."""
    unit = unit_text.strip().lstrip("余多")
    if unit not in _MONEY_UNITS:
        raise ValueError(f"unit_text must be one of {sorted(_MONEY_UNITS)}, got {unit_text!r}")
    number = number_text.strip().rstrip("余多")
    value = parse_chinese_number(number)
    if value is None:
        raise ValueError(f"number_text is not a number: {number_text!r}")
    if _is_arabic(number.replace(",", "")):
        return float(Decimal(number.replace(",", "")) * _MONEY_UNITS[unit])
    return value * _MONEY_UNITS[unit]


@dataclass(frozen=True)
class Quantity:
    """A number with its unit as written, at text[start:end]; value normalised (yuan, count, percent)."""

    kind: str  # "money" | "percent" | "count"
    value: float
    unit: str  # "元" for money (normalised), "%" for percent, the counter for counts
    text: str
    start: int
    end: int


def mask_non_figures(text: str) -> str:
    """Same-length copy where numerals that are not figures are hidden: 《titles》, short “slogans”, fixed terms."""
    chars = list(text)
    for match in re.finditer(r"《[^《》\n]*》", text):
        for index in range(match.start() + 1, match.end() - 1):
            chars[index] = _MASK
    for match in re.finditer(r"“[^“”\n]{1,20}”", text):
        for index in range(match.start() + 1, match.end() - 1):
            if re.match(rf"\d|{CHINESE}", text[index]):
                chars[index] = _MASK
    for term in FIXED_TERMS:
        for match in re.finditer(re.escape(term), text):
            for index in range(match.start(), match.end()):
                if re.match(rf"\d|{CHINESE}", text[index]):
                    chars[index] = _MASK
    return "".join(chars)


def find_quantities(masked_text: str) -> list[Quantity]:
    """Every money amount, percentage and count in text (already masked), ranges and ordinals left out."""
    found: list[Quantity] = []
    taken: set[int] = set()
    for kind, pattern in (("money", _MONEY), ("money", _BARE_WAN), ("percent", _PERCENT), ("count", _COUNT)):
        for match in pattern.finditer(masked_text):
            if taken & set(range(match.start(), match.end())) or not _stands_alone(masked_text, match):
                continue
            if pattern is _BARE_WAN and not _names_money(masked_text, match):
                continue
            quantity = _to_quantity(kind, match)
            if quantity is not None:
                found.append(quantity)
                taken.update(range(match.start(), match.end()))
    return sorted(found, key=lambda quantity: quantity.start)


def _names_money(text: str, match: re.Match[str]) -> bool:
    """Whether a bare-万 amount is money: named so in its clause before it, or taken back right after it."""
    return bool(_MONEY_BEFORE.search(text, max(0, match.start() - 20), match.start())
                or _MONEY_AFTER.match(text, match.end()))


def _stands_alone(text: str, match: re.Match[str]) -> bool:
    """False for ordinals (第三), numbers glued to other digits, and either end of a range."""
    start = match.start()
    before = text[max(0, start - 12) : start]
    if before.endswith(("第", ".")) or (before and before[-1].isdigit()):
        return False
    if before and re.match(CHINESE, before[-1]) and re.match(CHINESE, match.group(0)):
        return False  # the middle of a longer numeral run
    if _RANGE_BEFORE.search(before):
        return False
    return not _RANGE_AFTER.match(text, match.end())


def _to_quantity(kind: str, match: re.Match[str]) -> Quantity | None:
    text = match.group(0)
    if kind == "money":
        number = match.group("number")
        if parse_chinese_number(number) is None:
            return None
        value = amount_in_yuan(number, (match.group("magnitude") or "") + "元")
        return Quantity("money", value, "元", text, match.start(), match.end())
    if kind == "percent":
        number = match.group("number") or match.group("chinese")
        value = parse_chinese_number(number)
        if value is None:
            return None
        return Quantity("percent", value, "%", text, match.start(), match.end())
    number = match.group("number") + (match.group("magnitude") or "")
    value = parse_chinese_number(number)
    if value is None:
        return None
    return Quantity("count", value, match.group("unit"), text, match.start(), match.end())

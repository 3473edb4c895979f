"""Arithmetic behind computed comparisons: dates as notices write them, day counts, 万元 amounts, shares.

Pure functions over strings and numbers, no I/O. A date is read only when it is fully determined
(a day without a year takes the year it is given, or is not read at all): a count of days is
never computed from a guess.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from index.figures import parse_chinese_number
from index.vocabulary import DATE_NUMBER, ISO_DATE, PERIOD_SEPARATOR, YEAR_NUMERAL

_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
                "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_NUM = DATE_NUMBER
_CHINESE_DATE = re.compile(
    rf"(?:(?P<y>{YEAR_NUMERAL})\s*年\s*)?(?:(?P<m>{_NUM})\s*月\s*)?(?P<d>{_NUM})\s*日"
)
_ISO_DATE = re.compile(ISO_DATE)
_PERIOD_SEPARATOR = re.compile(rf"\s*{PERIOD_SEPARATOR}\s*")
_MONTH_ONLY_END = re.compile(rf"^(?:\d{{4}}\s*年\s*)?{_NUM}\s*月$")
WAN = Decimal(10_000)


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = parse_chinese_number(text)
    return int(value) if value is not None else None


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(_YEAR_DIGITS[char] for char in text))


def parse_date(text: str, year: int | None = None, month: int | None = None) -> date | None:
    """The date a notice writes ("2020年12月18日", "7月27日", "2021- 06- 28 16: 53", "二〇二三年五月十八日").

    A missing year (or month) is taken from `year` (`month`); without it the date is not read: None.
    """
    iso = _ISO_DATE.search(text)
    if iso:
        return _safe_date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
    match = _CHINESE_DATE.search(text)
    if not match:
        return None
    the_year = _year(match["y"]) if match["y"] else year
    the_month = _number(match["m"]) if match["m"] else month
    the_day = _number(match["d"])
    if the_year is None or the_month is None or the_day is None:
        return None
    return _safe_date(the_year, the_month, the_day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_period(text: str) -> tuple[date, date] | None:
    """Start and end of a period ("9月7日至11月13日" with a year at the start): year and month carry over.

    None when either end is not a whole date ("2022年3月至5月": no day, so no count of days).
    """
    parts = _PERIOD_SEPARATOR.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or _MONTH_ONLY_END.match(parts[1].strip()):
        return None
    start = parse_date(parts[0])
    if start is None:
        return None
    end = parse_date(parts[1], year=start.year, month=start.month)
    if end is None:
        return None
    if end < start and not re.search(r"\d{4}\s*年|[〇○零一二三四五六七八九]{4}年", parts[1]):
        end = _safe_date(end.year + 1, end.month, end.day)  # "12月5日至1月20日" runs into the next year
    return (start, end) if end is not None and end >= start else None


def dated_before(text: str, published: date) -> date | None:
    """A date written without its year ("7月16日") read in the year that puts it last on or before `published`.

    For a notice whose only year is its publication date: what it reports happened before it was published.
    A date that states its year is read as written.
    """
    day = parse_date(text, year=published.year)
    if day is not None and day > published and not _has_year(text):
        day = parse_date(text, year=published.year - 1)
    return day


def period_before(text: str, published: date) -> tuple[date, date] | None:
    """A period written without a year ("4月8日至5月31日") read as ending last on or before `published`."""
    parts = _PERIOD_SEPARATOR.split(text.strip(), maxsplit=1)
    if len(parts) != 2 or _has_year(parts[0]):
        return parse_period(text)
    for year in (published.year, published.year - 1):
        span = parse_period(f"{year}年{parts[0].strip()}至{parts[1].strip()}")
        if span is not None and span[1] <= published:
            return span
    return None


# Year words a notice dates by relative to its own publication ("去年10月14日至12月6日"): years back.
RELATIVE_YEARS = {"前年": 2, "去年": 1, "上年": 1, "今年": 0, "本年": 0}
_RELATIVE_YEAR_BEFORE = re.compile(rf"(?:{'|'.join(RELATIVE_YEARS)})\s*$")


def relative_year_before(text: str, start: int, published: date) -> tuple[int, int] | None:
    """The year a relative year word just before text[start] means ("去年" in a notice published in 2025: 2024),
    with where the word starts; None when no such word precedes."""
    word = _RELATIVE_YEAR_BEFORE.search(text, max(0, start - 4), start)
    if word is None:
        return None
    return published.year - RELATIVE_YEARS[word.group(0).strip()], word.start()


def _has_year(text: str) -> bool:
    return re.search(rf"(?:{YEAR_NUMERAL})\s*年", text) is not None


def inclusive_days(start: date, end: date) -> int:
    """Days in a period counting both its first and last day (9月7日至11月13日 is 68 days)."""
    return (end - start).days + 1


def days_between(earlier: date, later: date) -> int:
    """Days from one date to a later one (18 Dec to 28 Jun is 192); negative if `later` is earlier."""
    return (later - earlier).days


def yuan_to_wan(yuan: float | Decimal) -> Decimal:
    """An amount in yuan as 万元 (the figures store 元; "27.493万元", "89000元", "1.2亿元" all compare in 万元)."""
    return Decimal(str(yuan)) / WAN


def share_percent(part: float | Decimal, whole: float | Decimal) -> Decimal | None:
    """part/whole as a percentage rounded to one decimal; None for a zero whole."""
    whole = Decimal(str(whole))
    if whole == 0:
        return None
    return (Decimal(str(part)) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def plain(number: Decimal | int | float) -> str:
    """A number without trailing zeros or exponent: 9.863, 68, 0.32."""
    value = Decimal(str(number)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize()
    return format(value, "f")


def chinese_date(day: date) -> str:
    """2020年9月7日."""
    return f"{day.year}年{day.month}月{day.day}日"

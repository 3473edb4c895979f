"""Date arithmetic and amounts as notices write them: periods with the year carried, day counts, 万元, shares."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from assistant.compute import (
    dated_before, days_between, inclusive_days, parse_date, parse_period, period_before, plain, share_percent,
    yuan_to_wan,
)


def test_dates_written_in_chinese_in_numerals_and_as_web_timestamps():
    assert parse_date("2020年12月18日") == date(2020, 12, 18)
    assert parse_date("2021- 06- 28 16: 53") == date(2021, 6, 28)
    assert parse_date("二〇二三年五月十八日") == date(2023, 5, 18)
    assert parse_date("7月27日") is None  # no year: not guessed
    assert parse_date("7月27日", year=2018) == date(2018, 7, 27)
    assert parse_date("2023年2月30日") is None


def test_a_period_carries_the_year_and_month_from_its_start_and_counts_both_ends():
    start, end = parse_period("2020年9月7日至11月13日")
    assert (start, end) == (date(2020, 9, 7), date(2020, 11, 13))
    assert inclusive_days(start, end) == 68
    assert parse_period("2022年11月7日至2022年12月16日") == (date(2022, 11, 7), date(2022, 12, 16))
    assert parse_period("2023年5月8日至26日") == (date(2023, 5, 8), date(2023, 5, 26))
    assert parse_period("2022年12月5日至1月20日") == (date(2022, 12, 5), date(2023, 1, 20))  # runs into next year
    assert parse_period("2022年3月至5月") is None  # no days: no count
    assert parse_period("9月7日至11月13日") is None  # no year anywhere


def test_days_between_dates_money_in_万元_and_shares():
    assert days_between(date(2020, 12, 18), date(2021, 6, 28)) == 192
    assert yuan_to_wan(274930) == Decimal("27.493")
    assert plain(yuan_to_wan(1.05e8) - yuan_to_wan(800000)) == "10420"
    assert share_percent(30, 35) == Decimal("85.7")
    assert share_percent(1, 0) is None


def test_dates_without_a_year_take_the_year_of_the_publish_date_they_precede():
    published = date(2024, 10, 23)
    assert period_before("4月8日至5月31日", published) == (date(2024, 4, 8), date(2024, 5, 31))
    assert dated_before("7月16日", published) == date(2024, 7, 16)
    assert dated_before("11月2日", published) == date(2023, 11, 2)  # after the publish day: the year before
    assert period_before("11月8日至12月20日", date(2025, 1, 20)) == (date(2024, 11, 8), date(2024, 12, 20))
    assert period_before("2022年4月8日至5月31日", published) == (date(2022, 4, 8), date(2022, 5, 31))  # as written
    assert dated_before("2022年7月16日", published) == date(2022, 7, 16)

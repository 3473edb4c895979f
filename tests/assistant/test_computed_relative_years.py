"""Dates a notice writes with a relative year (去年, 今年, 前年) are counted from the notice's own date,
which is cited beside them, and the answer says how the year was read."""

from __future__ import annotations

import pytest

from assistant.computed_answer import answer_computed
from assistant.verify import verify_answer

LIUTANG, HUAIYIN = "云岭区柳塘街道", "云岭区槐荫镇"


def _notice(unit: str, period: str, byline: str) -> str:
    return (f"{unit}：巡察整改见成效\n\n记者从{unit}获悉,整改工作取得阶段性成效。\n\n"
            f"{period},区委第二巡察组对{unit}党委开展了常规巡察,反馈问题12个。\n\n{byline}\n")


@pytest.mark.parametrize(("period", "byline", "days", "year"), [
    ("去年10月14日至12月6日", "来源：云岭区融媒体中心　记者 方某　2025年4月3日", 54, 2024),
    ("今年3月2日至4月10日", "来源：云岭区融媒体中心　2025年6月20日", 40, 2025),
    ("前年11月1日至11月30日", "2025年2月8日", 30, 2023),
])
def test_a_relative_year_is_counted_from_the_notices_date(stored, period, byline, days, year):
    catalogue = stored({"liutang.txt": _notice(LIUTANG, period, byline),
                        "huaiyin.txt": _notice(HUAIYIN, "2024年3月11日至4月30日", "2024年6月1日")})
    notices, records, texts = catalogue
    answer = answer_computed("柳塘街道和槐荫镇巡察组待的时间谁长?长几天", "柳塘街道和槐荫镇巡察组待的时间谁长?长几天",
                             [LIUTANG, HUAIYIN], notices, records, texts.get)
    assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    row = next(line for line in answer.text.splitlines() if line.startswith(f"| {LIUTANG} |"))
    assert f"巡察时间{period}[" in row  # the relative word is quoted with the dates
    assert f"{year}年{period[2:].split('至')[0]}" in row and f"{days}天" in row
    assert f"写“{period[:2]}”" in answer.text and f"计为{year}年" in answer.text
    assert abs(days - 51) and f"{abs(days - 51)}天" in answer.text.splitlines()[0]


def test_a_feedback_day_without_a_year_follows_a_今年_period_dated_by_the_byline_under_the_headline(stored):
    dated = (f"{LIUTANG}：巡察整改见成效\n\n2025年9月12日 来源：云岭区纪委监委网站\n\n"
             f"今年4月15日至5月31日,区委第二巡察组对{LIUTANG}党工委开展巡察,6月25日反馈了巡察意见,指出问题12个。\n")
    notices, records, texts = stored({"liutang.txt": dated,
                                      "huaiyin.txt": _notice(HUAIYIN, "2024年3月11日至4月30日", "2024年6月1日")})
    question = "巡完到反馈,柳塘街道和槐荫镇各隔几天"
    answer = answer_computed(question, question, [LIUTANG, HUAIYIN], notices, records, texts.get)
    assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    row = next(line for line in answer.text.splitlines() if line.startswith(f"| {LIUTANG} |"))
    assert "2025年5月31日巡察结束→2025年6月25日反馈:25天" in row
    assert "发布2025-09-12[" in row

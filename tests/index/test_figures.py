"""Number parsing as notices write numbers: Chinese numerals, 元/万元/亿元, ranges, ordinals."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.figures import amount_in_yuan, find_quantities, mask_non_figures, parse_chinese_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二十三", 23), ("3", 3), ("1.5", 1.5), ("两", 2), ("一百零五", 105), ("十", 10), ("十二", 12),
        ("三千零二", 3002), ("一万二千", 12000), ("1.5万", 15000), ("一亿五千万", 150_000_000),
        ("二〇二一", 2021), ("1,250,000", 1_250_000), ("２３", 23),
    ],
)
def test_numerals_are_read_as_written(text, value):
    assert parse_chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "若干", "三五", "十十", "abc", "万"])
def test_what_is_not_one_number_is_none(text):
    assert parse_chinese_number(text) is None


_DIGITS = "零一二三四五六七八九"


def _to_chinese(number: int) -> str:
    """Reference writer for Chinese numerals (for the round-trip property only)."""
    if number == 0:
        return "零"
    parts = []
    for magnitude, name in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        section, number = divmod(number, magnitude)
        if section:
            parts.append(_section(section) + name)
        elif parts and number:
            parts.append("零")
    text = "".join(parts)
    while "零零" in text:
        text = text.replace("零零", "零")
    return text


def _section(number: int) -> str:
    text, pending_zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            text += ("零" if pending_zero and text else "") + _DIGITS[digit] + name
            pending_zero = False
        else:
            pending_zero = True
    return text


@given(st.integers(min_value=1, max_value=999_999_999))
def test_chinese_numerals_round_trip(number):
    assert parse_chinese_number(_to_chinese(number)) == number


@given(st.integers(min_value=0, max_value=10**9))
def test_arabic_numerals_round_trip(number):
    assert parse_chinese_number(str(number)) == number


@pytest.mark.parametrize(
    ("number", "unit", "yuan"),
    [("27.493", "万元", 274930.0), ("3200", "元", 3200.0), ("1.2", "亿元", 120_000_000.0),
     ("三十", "万元", 300_000.0), ("50余", "万元", 500_000.0), ("1,250,000", "元", 1_250_000.0)],
)
def test_amounts_are_normalised_to_yuan(number, unit, yuan):
    assert amount_in_yuan(number, unit) == yuan


def test_amounts_with_unknown_units_or_numbers_are_refused():
    with pytest.raises(ValueError, match="unit_text"):
        amount_in_yuan("3", "美元")
    with pytest.raises(ValueError, match="number_text"):
        amount_in_yuan("若干", "万元")


def _texts(text: str) -> list[str]:
    return [quantity.text for quantity in find_quantities(mask_non_figures(text))]


def test_quantities_keep_their_wording_and_value():
    quantities = find_quantities(mask_non_figures("挽回经济损失30万余元,清退两人,整改率86.9%,整改完成率达百分之百"))
    assert [(q.text, q.value, q.unit) for q in quantities] == [
        ("30万余元", 300_000.0, "元"), ("两人", 2.0, "人"), ("86.9%", 86.9, "%"), ("百分之百", 100.0, "%"),
    ]


def test_ranges_have_no_single_value_and_are_left_out():
    assert _texts("挽回经济损失10万至15万元,涉及5人至8人,户均收益100—3000元") == []


def test_ordinals_durations_titles_and_fixed_terms_are_not_figures():
    text = "第三巡察组;停职3个月;印发《关于修订完善制度12项的通知》;落实中央八项规定精神;“一岗双责”"
    assert _texts(text) == []


def test_masking_keeps_positions():
    text = "印发《关于3项制度的通知》,新制定制度5项"
    masked = mask_non_figures(text)
    assert len(masked) == len(text)
    assert masked.endswith("新制定制度5项")


@pytest.mark.parametrize(("text", "yuan"), [
    ("共挽回经济损失3.27万，新建制度5项", 32700), ("拖欠租金合计8.4万；", 84000), ("整改：8.4万已全部追缴到位", 84000),
])
def test_money_written_with_a_bare_wan_is_money(text, yuan):
    money = [q for q in find_quantities(mask_non_figures(text)) if q.kind == "money"]
    assert [q.value for q in money] == [yuan]


@pytest.mark.parametrize("text", ["已完成档案扫描著录4.6万卷，数字化率提升", "服务群众2.1万，满意率高"])
def test_a_bare_wan_not_named_as_money_is_no_amount(text):
    assert not [q for q in find_quantities(mask_non_figures(text)) if q.kind == "money"]

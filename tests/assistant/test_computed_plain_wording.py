"""Computed comparisons asked in plain words of notices worded plainly: a speech dated under its title, a
feedback date whose year and group are in the sentence before it, the signature date called "落款", money
written with a bare 万, and "挽回的钱" added over units whatever each notice calls the money it got back."""

from __future__ import annotations

import pytest

from assistant.computed_answer import answer_computed
from assistant.records_answer import answer_from_records

YUCHUAN, BOLING, QIANSHAN = "榆川县林业局", "柏岭县供销合作社联合社", "芊山县人民法院"

NOTICES = {
    "yuchuan.txt": (
        "在全局巡察整改工作推进会上的讲话\n\n榆川县林业局党组书记　某某\n（2024年11月20日）\n\n同志们：\n\n"
        "今年4月8日到5月31日，县委第二巡察组对我们局党组进行了常规巡察，6月20日向局党组反馈了巡察意见。\n\n"
        "我们追回违规发放的护林补贴6.5万元。这几笔加起来，一共挽回经济损失21.4万元。\n"
    ),
    "boling.txt": (
        "中共柏岭县供销合作社联合社党组关于巡察整改情况的通报\n\n"
        "2024年3月4日至4月19日，县委第1巡察组对柏岭县供销合作社联合社党组开展常规巡察，6月3日反馈巡察意见，"
        "共反馈3方面18个问题。\n\n截至2024年10月10日，18个问题已完成整改16个。共挽回经济损失3.27万，新建制度5项。\n\n"
        "中共柏岭县供销合作社联合社党组\n2024年10月25日\n"
    ),
    "qianshan.txt": (
        "芊山县人民法院巡察整改工作大事记\n\n"
        "2024年2月1日　县委第三巡察组进驻县法院。\n\n2024年4月2日　县委第三巡察组向院党组反馈巡察意见，指出12个问题。\n\n"
        "2024年6月5日　收回餐费1.1万元。\n\n2024年7月1日　清退违规发放的补贴2.4万元。\n\n"
        "2024年9月9日　截至当日，累计追缴清退资金3.5万元。\n\n中共芊山县人民法院党组\n2024年9月30日\n"
    ),
}
UNITS = [YUCHUAN, BOLING, QIANSHAN]


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored(NOTICES)


def _computed(catalogue, question: str, units: list[str]):
    notices, records, texts = catalogue
    return answer_computed(question, question, units, notices, records, texts.get)


def test_a_speech_dated_under_its_title_dates_its_this_year_inspection(catalogue):
    answer = _computed(catalogue, "巡察组在林业局和供销社各待了多久 排个序", [YUCHUAN, BOLING])
    assert "54天" in answer.text and "47天" in answer.text
    assert "缺年份" not in answer.text


def test_feedback_after_the_group_named_earlier_counts_to_the_signature_called_luokuan(catalogue):
    answer = _computed(catalogue, "法院跟供销社 反馈到落款各隔几天", [QIANSHAN, BOLING])
    assert "181天" in answer.text  # 2024-4-2 to 2024-9-30
    assert "144天" in answer.text  # 6月3日 (year of the inspection) to 2024-10-25
    assert "未写明反馈日期" not in answer.text


def test_money_got_back_in_plain_words_adds_each_units_total_whatever_it_is_called(catalogue):
    notices, records, texts = catalogue
    question = "供销社 法院 林业局挽回的钱加一起多少"
    answer = answer_from_records(question, question, UNITS, notices, records, texts.get)
    headline = answer.text.splitlines()[0]
    assert "28.17万元" in headline  # 3.27万 + 3.5万元 + 21.4万元, each unit's total once
    assert "3.27万" in headline and "3.5万元" in headline and "21.4万元" in headline

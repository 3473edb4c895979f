"""Units compared by an amount their sentences state on the topic asked, on fictional notices: the amount whose
clause names the topic, in the measure asked; bounds are no amounts; equally close ones are listed; a unit
stating none is named."""

from __future__ import annotations

import pytest

from assistant.topic_amounts import answer_topic_amounts, asked_topic
from assistant.unit_items import items_by_unit
from assistant.verify import verify_answer

LIUAN, HUAIYIN, SHIQIAO, MULAN = "青禾市柳岸镇", "青禾市槐荫镇", "青禾市石桥镇", "青禾市木兰镇"
LANXI, TAOYUAN = "青禾市兰溪镇", "青禾市桃源镇"
NOTICES = {
    "liuan.txt": "青禾市柳岸镇党委关于巡察整改情况的通报\n\n(一)项目建设。推进投资超10亿元以上项目建设。截至目前,"
                 "12个重点项目已完成投资46.5亿元。全年招商引资到位资金8500万元。\n",
    "huaiyin.txt": "青禾市槐荫镇党委关于巡察整改情况的通报\n\n(一)项目建设。2023年纳入重点项目15项,计划总投资300亿元,"
                   "预计全年重点项目完成投资72亿元。二是狠抓投资,重点项目共完成投资30.2亿元。招商引资到位资金1.2亿元。\n",
    "shiqiao.txt": "青禾市石桥镇党委关于巡察整改情况的通报\n\n(一)加强党建。全年召开专题会议12次。\n",
    "mulan.txt": "青禾市木兰镇党委关于巡察整改情况的通报\n\n【整改成绩单】\n追回资金：20.5万元\n退还值班补贴：8.6万元\n"
                 "涉及人员：21人\n\n【问题一】误餐费。巡察指出机关食堂误餐费发放不规范,已清退超标准发放的误餐费共计12.4万元。\n",
    "lanxi.txt": "青禾市兰溪镇党委关于巡察整改情况的通报\n\n(一)项目推进。对光伏产业园等8个重点项目建立工作专班。\n"
                 "(二)超标准购置。镇团委在“迎新春”联欢活动中共购置服装12600元,其中为合唱队购服装3600元。\n",
    "taoyuan.txt": "青禾市桃源镇党委关于巡察整改情况的通报\n\n(一)津补贴。镇津补贴专项自查,共梳理问题12项,涉及金额8.4万元,"
                   "已退缴5.1万元。\n",
}


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored(NOTICES)


def _ask(catalogue, question: str, units: list[str]):
    notices, _, texts = catalogue
    mentions = [(question.find(u[3:]), question.find(u[3:]) + len(u[3:]), u) for u in units if u[3:] in question]
    answer = answer_topic_amounts(question, question, units, [(b, e) for b, e, _ in mentions], notices, texts.get,
                                  items_by_unit(question, mentions))
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_each_units_amount_on_the_topic_is_compared_in_the_measure_asked(catalogue):
    answer = _ask(catalogue, "重点项目投资,柳岸镇和槐荫镇谁多,差多少亿", [LIUAN, HUAIYIN])
    assert answer.text.splitlines()[0] == f"{HUAIYIN}(72亿元)比{LIUAN}(46.5亿元)多25.5亿元。"
    assert "12个重点项目已完成投资46.5亿元[" in answer.text  # not the bound 超10亿元以上
    assert "重点项目共完成投资30.2亿元" in answer.text  # as close to the topic: listed, not compared


def test_amounts_stated_in_亿元_and_万元_are_compared_in_the_measure_asked(catalogue):
    answer = _ask(catalogue, "柳岸镇和槐荫镇招商引资到位资金哪个多?相差多少万元", [LIUAN, HUAIYIN])
    assert answer.text.splitlines()[0] == f"{HUAIYIN}(12000万元)比{LIUAN}(8500万元)多3500万元。"


def test_a_unit_stating_no_amount_on_the_topic_is_named(catalogue):
    answer = _ask(catalogue, "招商引资到位资金,柳岸镇和石桥镇谁多,差多少万", [LIUAN, SHIQIAO])
    assert answer.text.splitlines()[0].startswith(f"只有{LIUAN}的通报写明了相关数字(8500万元)")
    assert f"{SHIQIAO}的通报未写明与所问相关的数字,无法比较。" in answer.text


@pytest.mark.parametrize("question", ["柳岸镇和槐荫镇重点项目投资各是多少", "柳岸镇和槐荫镇谁多", "柳岸镇和槐荫镇植树造林谁多,差多少亩"])
def test_questions_asking_no_gap_on_a_topic_are_left_to_other_answers(catalogue, question):
    assert _ask(catalogue, question, [LIUAN, HUAIYIN]) is None


def test_the_topic_is_the_question_without_its_units_and_asking_words():
    assert asked_topic("重点项目投资,柳岸镇和槐荫镇谁多,差多少亿", [(7, 10), (11, 14)]) == ("重点项目投资", "亿")


def test_each_unit_naming_its_own_amount_has_that_amount_compared(catalogue):
    answer = _ask(catalogue, "槐荫镇招商引资的到位资金比木兰镇退的值班补贴多多少", [HUAIYIN, MULAN])
    assert answer.text.splitlines()[0] == f"{HUAIYIN}(12000万元)比{MULAN}(8.6万元)多11991.4万元。"
    assert "退还值班补贴：8.6万元[" in answer.text  # a label line is quoted with its label


def test_an_amount_named_by_the_words_after_it_is_found_for_its_unit(catalogue):
    answer = _ask(catalogue, "木兰镇清退的误餐费比柳岸镇招商到位的资金少多少", [MULAN, LIUAN])
    assert answer.text.splitlines()[0] == f"{LIUAN}(8500万元)比{MULAN}(12.4万元)多8487.6万元。"


def test_counts_asked_apart_from_the_gap_are_compared_as_counts(catalogue):
    answer = _ask(catalogue, "重点项目 槐荫镇纳入的和兰溪镇建专班的各几个 差多少", [HUAIYIN, LANXI])
    assert answer.text.splitlines()[0] == f"{HUAIYIN}(15项)比{LANXI}(8个)多7项。"  # 项 and 个 count alike, not 亿元
    assert "对光伏产业园等8个重点项目建立工作专班[" in answer.text  # the count quoted with the thing it counts


def test_an_amount_whose_sentence_names_the_item_asked_in_plain_words_is_compared(catalogue):
    answer = _ask(catalogue, "兰溪镇团委买衣服的钱和桃源镇津补贴查出来的钱 差多少", [LANXI, TAOYUAN])
    assert answer.text.splitlines()[0] == f"{TAOYUAN}(8.4万元)比{LANXI}(1.26万元)多7.14万元。"
    assert "共购置服装12600元[" in answer.text  # 买衣服 is 购置服装
    assert "涉及金额8.4万元[" in answer.text  # the clause says only 涉及金额; its sentence names 津补贴 and 自查

"""One unit's two stated amounts computed on fictional notices: a difference of the two things the question
names (its other words telling apart amounts of one thing), a part's share of the total its sentence lists
it under; both inputs cited verbatim, and no answer when an input is not stated."""

from __future__ import annotations

import pytest

from assistant.stated_arithmetic import answer_stated_arithmetic
from assistant.verify import verify_answer

LIUAN, HUAIYIN = "青禾市柳岸镇", "青禾市槐荫镇"
ACCOUNTS = ("青禾市柳岸镇党委关于巡察整改情况的通报\n\n"
            "(三)往来款项清理不及时。柳岸镇未对往来款项进行清理,涉及其他应收款1200万元,其他应付款300万元,"
            "其中其他应收款涉及2000年以前的12笔860.5万元,其他年份的3笔20万元;其他应付款涉及2000年以前的4笔150.25万元。\n"
            "(四)安全生产。今年排查安全隐患56个,已整改48个。\n"
            "(五)资金存放。镇属企业禾丰公司梳理出1亿元资金进行竞争性存放。柳溪村梳理出400万元资金进行竞争性存放。\n")
ASSETS = ("青禾市槐荫镇党委关于巡察整改情况的通报\n\n"
          "(五)资产管理不规范。2022年至2023年槐荫镇购置办公设备共计200000元,购置时未履行审批手续。"
          "其中应登记未登记入账的办公设备45000元,包括电脑12000元、打印机3000元。\n"
          "整改情况:经核实,未计入资产的是41000元,现已全部补登。\n")


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"liuan.txt": ACCOUNTS, "huaiyin.txt": ASSETS})


def _ask(catalogue, question: str, unit: str):
    notices, _, texts = catalogue
    start = question.find(unit[3:])
    spans = [(start, start + len(unit[3:]))] if start >= 0 else []
    answer = answer_stated_arithmetic(question, question, unit, spans, notices, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


@pytest.mark.parametrize(("question", "result", "inputs"), [
    # the question's other words (2000年以前) pick the amounts among those of the same things
    ("柳岸镇2000年以前的老账,应收比应付多多少", "应收比应付多710.25万元", ("860.5万元[1]", "150.25万元[2]")),
    ("柳岸镇00年以前的往来款,应付比应收少多少万元", "应付比应收少710.25万元", ("150.25万元[1]", "860.5万元[2]")),
    ("柳岸镇应收和应付相差多少", "应收比应付多900万元", ("1200万元[1]", "300万元[2]")),
    ("柳岸镇排查的隐患比整改的多几个", "排查的隐患比整改的多8个", ("56个[1]", "48个[2]")),
    # a name followed by what is asked of it: the name's characters suffice; 亿元 and 万元 meet in 万元
    ("柳岸镇禾丰公司和柳溪村拿去竞争性存放的钱差多少", "禾丰公司比柳溪村拿去竞争性存放的钱多9600万元", ("10000万元[1]", "400万元[2]")),
])
def test_a_difference_of_two_things_one_unit_states_is_computed_from_both_cited(catalogue, question, result, inputs):
    answer = _ask(catalogue, question, LIUAN)
    assert result in answer.text.splitlines()[0]
    computation = answer.text.splitlines()[-1]
    assert all(said in computation for said in inputs)


@pytest.mark.parametrize("question", ["槐荫镇买的办公设备里,没入账的占几成", "槐荫镇没入账的占购置办公设备的比例是多少",
                                      "槐荫镇购置的办公设备中,未入账的占比多少"])
def test_a_parts_share_is_of_the_total_its_sentence_lists_it_under(catalogue, question):
    answer = _ask(catalogue, question, HUAIYIN)
    assert "的22.5%(约2成)" in answer.text.splitlines()[0]
    assert answer.text.splitlines()[-1] == "45000元[1]÷200000元[2]=22.5%"  # not the 41000元 of the rectification


@pytest.mark.parametrize("question", ["柳岸镇应收比罚款多多少", "柳岸镇的应收款有多少", "槐荫镇买的车辆里,没入账的占几成"])
def test_no_answer_when_an_input_is_not_stated_or_nothing_is_computed(catalogue, question):
    unit = LIUAN if "柳岸" in question else HUAIYIN
    assert _ask(catalogue, question, unit) is None


def test_two_shares_one_unit_states_differ_in_percentage_points(stored):
    notice = ("青禾市柳岸镇党委关于巡察整改情况的通报\n\n"
              "(六)政务服务。全镇梳理政务服务事项120项,其中网上办理的占比47.5%,就近办理事项占比52.1%,群众满意度98%。\n")
    notices, _, texts = stored({"liuan.txt": notice})
    question = "柳岸镇网上办理和就近办理 比例差多少"
    answer = answer_stated_arithmetic(question, question, LIUAN, [(0, 3)], notices, texts.get)
    assert answer is not None
    assert "网上办理比就近办理低4.6个百分点" in answer.text
    assert "47.5%" in answer.text and "52.1%" in answer.text and "120项" not in answer.text
    assert all(c.verified for c in verify_answer(answer, texts.get).citations)

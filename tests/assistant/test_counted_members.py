"""Which things a stated count is made of, asked of notices that give only the count (news items, 公示)."""

from __future__ import annotations

import pytest

from assistant.counted_members import asks_members_of_count

# A FICTIONAL news item: counts given without their members.
NEWS = """青禾县文化馆召开巡察整改督查情况汇报会

根据县委巡察工作要求,2023年6月12日青禾县文化馆召开了巡察整改督查情况汇报会。
督查组组长表示,巡察组对青禾县文化馆反馈的14个问题,已基本完成整改,要继续巩固整改成果。
巡察期间,巡察组发放立行立改交办函6份,大部分问题已完成整改。
"""
# A FICTIONAL county brief whose count comes with its members.
LISTED = """石岭县委第二轮巡察完成反馈

十四届县委第二轮巡察对县林业局、县水务局等3个部门党组开展常规巡察。
巡察组向县水务局党组反馈了2个突出问题:河道管护责任落实不到位;项目资金拨付滞后。
"""


@pytest.mark.parametrize("asked", [
    "文化馆那14个问题具体是哪些", "那14个问题都是啥", "文化馆那6份交办函 是发给哪些单位的", "这6份交办函分别发给了谁",
])
def test_members_of_a_count_the_notice_gives_alone_are_said_not_to_be_stated(chain_over, asked):
    chain = chain_over("wenhuaguan.txt", NEWS)

    answer = chain.ask(asked)

    assert answer.not_found
    assert "没有列出具体是哪些" in answer.text
    assert answer.citations and all(c.verified for c in answer.citations)  # the count itself is cited


@pytest.mark.parametrize("asked", ["石岭县水务局那2个问题是哪些", "石岭那3个部门是哪些"])
def test_members_the_notice_sets_out_are_answered_not_abstained(chain_over, asked):
    chain = chain_over("shiling.txt", LISTED)

    answer = chain.ask(asked)

    assert not answer.not_found
    assert answer.answerer != "extractive:counted-members"


def test_a_count_asked_how_many_is_not_read_as_asking_its_members():
    assert asks_members_of_count("文化馆反馈了几个问题") is None
    assert asks_members_of_count("14个问题整改了多少") is None
    assert asks_members_of_count("那14个问题具体是哪些").figure == "14个"


# A FICTIONAL notice with numbered headings whose counts of lectures and sites are given without their members.
HEADED = """苍梧县民政局党组关于巡察整改情况的通报

一、关于意识形态工作方面
巡察指出:讲座报告会审批把关不严。整改情况:今年审核各类讲座120场,不予批准2场。
二、关于殡葬设施建设方面
巡察指出:公益性公墓建设滞后。整改情况:编制殡葬设施规划,公墓初步选址3处。
三、关于干部管理方面
巡察指出:干部日常监督不到位。整改情况:对4名干部进行约谈。分别是办公室、社会救助股、养老服务股、财务股负责人。
"""


@pytest.mark.parametrize("asked", ["民政局没批的那2场讲座讲的是什么", "苍梧公墓初选的那3处具体在哪", "那2场讲座是讲啥的"])
def test_members_of_a_count_are_not_stated_though_the_notice_has_headings_of_its_own(chain_over, asked):
    chain = chain_over("cangwu_minzheng.txt", HEADED)

    answer = chain.ask(asked)

    assert answer.not_found and answer.answerer == "extractive:counted-members"
    assert answer.citations and all(c.verified for c in answer.citations)


def test_members_set_out_in_the_next_sentence_are_answered_not_abstained(chain_over):
    chain = chain_over("cangwu_minzheng.txt", HEADED)

    answer = chain.ask("民政局约谈的那4名干部是谁")

    assert answer.answerer != "extractive:counted-members"


def test_a_question_about_what_was_done_to_a_count_is_not_read_as_asking_its_members():
    assert asks_members_of_count("那2名干部受了啥处分") is None
    assert asks_members_of_count("3个问题整改了啥") is None
    assert asks_members_of_count("第13个问题具体是啥") is None  # an ordinal: the numbered item, not a count
    assert asks_members_of_count("初选的那4处具体在哪").before == "初选"


# A FICTIONAL township notice: the people who took the cases on are joined with 、 before the count of cases.
TOWNSHIP = """柳坪镇党委关于巡察整改情况的通报

巡察指出:矛盾纠纷化解不力。整改情况:镇党委书记、镇长包案化解矛盾纠纷积案6件,已化解5件。
"""


@pytest.mark.parametrize("asked", ["柳坪那6件积案里没化解的是哪件", "那6件积案具体是哪些"])
def test_names_joined_before_a_count_that_are_not_as_many_as_it_are_not_its_members(chain_over, asked):
    chain = chain_over("liuping.txt", TOWNSHIP)

    answer = chain.ask(asked)

    assert answer.not_found and answer.answerer == "extractive:counted-members"
    assert "6件积案的数目" in answer.text
    assert answer.citations and all(c.verified for c in answer.citations)

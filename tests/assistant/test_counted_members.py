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

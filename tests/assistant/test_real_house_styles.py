"""Answers over fictional notices in house styles seen on real pages (lists split by ；, traditional script)."""

from __future__ import annotations

LIST_NOTICE = (
    "中共青禾县文化馆党支部关于巡察整改情况的通报\n"
    "根据县委统一部署,2023年3月1日至4月2日,县委第二巡察组对县文化馆党支部进行了巡察。"
    "在巡察整改工作中,给予政务处分0人;组织处理0人;诫勉0人;交由纪委调查2人。"
    "制定及修改完善制度8项,追缴资金3.5万元。\n"
)


def test_a_count_list_split_by_semicolons_is_quoted_whole(chain_over):
    answer = chain_over("wenhuaguan.txt", LIST_NOTICE).ask("县文化馆处理了几个人?")
    assert not answer.not_found
    assert "交由纪委调查2人" in answer.text


def test_money_asked_in_plain_words_is_answered_from_the_stated_sum(chain_over):
    answer = chain_over("wenhuaguan.txt", LIST_NOTICE).ask("县文化馆通过整改追回了多少钱?")
    assert not answer.not_found and "3.5万元" in answer.text


TRADITIONAL_NOTICE = (
    "4月17日上午,市委第五巡察組對我縣醫療衛生領域專項巡察情況反饋會議召開。"
    "會上,市委第五巡察組組長王某宣讀了反饋意見。縣委書記李某表示,柳溪縣誠懇接受、全部認領。\n"
)


def test_a_traditional_page_is_found_by_its_simplified_name(chain_over):
    answer = chain_over("liuxi.txt", TRADITIONAL_NOTICE).ask("柳溪县的巡察反馈意见是谁宣读的?")
    assert not answer.not_found
    assert "王某" in answer.text


def test_who_read_it_out_in_plain_words_finds_who_read_the_feedback(chain_over):
    answer = chain_over("liuxi.txt", TRADITIONAL_NOTICE).ask("柳溪县的反馈意见是谁念的?")
    assert not answer.not_found and "王某" in answer.text

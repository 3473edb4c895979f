"""Questions about people in a news-style notice: who holds a post, who attended, who led the team."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """石桥镇召开巡察意见反馈会议

来源：青禾县融媒体中心　　发布时间：2023年9月12日

9月8日上午,县委第二巡察组在石桥镇召开巡察意见反馈会议。县委第二巡察组组长方立新向石桥镇党委反馈了巡察情况,指出了4个方面15个问题。

县委巡察办副主任柯文涛出席会议并讲话,要求石桥镇党委切实扛起整改主体责任。

该镇党委书记周明远表示,将以此次巡察反馈为契机,逐条对照问题清单,立行立改、全面整改,确保按期完成整改任务。

会议还通报了全县巡察工作有关情况。石桥镇全体班子成员、各村党组织书记参加会议。
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("shiqiao.txt", NOTICE)


def test_who_holds_the_units_post_is_answered_with_the_name(chain):
    answer = chain.ask("石桥镇党委书记是谁?")
    assert not answer.not_found and "周明远" in answer.text


def test_who_attended_and_spoke_is_answered_with_the_name_not_the_meeting(chain):
    answer = chain.ask("谁出席了石桥镇的巡察意见反馈会议并讲话?")
    assert not answer.not_found and "柯文涛" in answer.text


def test_the_teams_leader_is_a_person_not_the_teams_name(chain):
    answer = chain.ask("向石桥镇党委反馈巡察情况的巡察组组长是谁?")
    assert "方立新" in answer.text


def test_a_sanction_named_by_its_kind_answers_a_question_about_处分(chain_over):
    chain = chain_over("beiyuan.txt", "青禾市北苑街道党工委关于巡察整改情况的通报\n\n"
                                      "对负有责任的1名干部给予党内警告,对2名干部进行诫勉谈话。\n")
    answer = chain.ask("北苑街道处分了几个干部?")  # 党内警告 is a 处分
    assert not answer.not_found and "党内警告" in answer.text


GROUP_NOTICE = """青禾县白沙镇党委关于巡察整改进展情况的通报

县委第一巡察组于2023年4月10日向白沙镇党委反馈了巡察意见。镇党委成立以党委主要负责同志为组长,镇长为副组长的巡察整改工作领导小组。领导小组下设办公室,由吴海平同志兼任办公室主任,负责整改日常工作。

截至目前,反馈的12个问题已完成整改10个。
"""


@pytest.fixture
def group_chain(chain_over) -> AnswerChain:
    return chain_over("baisha.txt", GROUP_NOTICE)


@pytest.mark.parametrize("question", ["白沙镇整改领导小组组长是谁?", "白沙镇的整改是谁牵头的?"])
def test_who_leads_is_answered_with_the_post_when_the_notice_names_no_one(group_chain, question):
    answer = group_chain.ask(question)
    assert not answer.not_found and "以党委主要负责同志为组长" in answer.text


def test_a_name_asked_for_is_not_answered_with_a_post(group_chain):
    assert group_chain.ask("白沙镇整改领导小组组长叫什么名字?").not_found


def test_the_holder_of_another_post_is_not_the_one_asked_for(group_chain):
    answer = group_chain.ask("白沙镇管委会主任叫什么?")
    assert answer.not_found and "吴海平" not in answer.text.split("相关但未直接回答")[0]


def test_a_common_word_the_tagger_reads_as_a_name_is_no_person():
    from assistant.question import has_person_name

    assert not has_person_name("严格干部兼职管理,坚决杜绝违规取酬现象。")
    assert has_person_name("由区委书记马军任组长。")


TRADITIONAL = """雲岫縣榴岸鎮巡察反饋會議召開

9月8日上午,縣委第三巡察組對榴岸鎮巡察情況反饋會議召開。會上,縣委第三巡察組組長鄭懷遠宣讀了反饋意見。
鎮黨委書記龔立行主持會議并作表態發言。
"""


def test_who_read_the_feedback_on_a_traditional_script_page_is_answered_with_the_name(chain_over):
    chain = chain_over("liuan_trad.txt", TRADITIONAL)
    answer = chain.ask("榴岸镇的反馈意见是谁宣读的?")
    assert not answer.not_found and "鄭懷遠" in answer.text


def test_the_users_own_word_no_notice_holds_does_not_sink_the_answer(chain):
    answer = chain.ask("石桥镇的巡察情况是哪个组长来讲的?")  # "来讲": a word of the user's, in no notice
    assert not answer.not_found and "方立新" in answer.text


def test_a_name_the_tagger_misses_is_read_before_the_deed_it_does():
    from assistant.question import has_person_name

    assert has_person_name("龚立行主持会议并作表态发言。")
    assert not has_person_name("会议由镇党委主持。")

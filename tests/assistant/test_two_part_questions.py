"""A question asking two things gets a sentence for each; plain words for revising a text or for the hardest
problems are read as notices write them, not as rectification done."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain
from assistant.part_answers import answers_part, asked_act
from assistant.plain_words import official_terms
from assistant.question import profile_question, record_fields, satisfies

# A FICTIONAL notice: a contract whose price and payment date sit in two sentences of one point, a plan
# revised several times beside its measure count, and the hardest problems named as 重难点.
NOTICE = """中共柳汀县禾丰镇委员会关于巡察整改进展情况的通报

2023年3月6日至4月28日,县委第二巡察组对禾丰镇开展了巡察,并于2023年5月30日反馈了巡察意见。

一、整改工作开展情况

镇党委召开三次专题会议研究整改方案,6次修改;针对反馈的21个问题,提出了78条整改措施,明确责任人和整改时限。

镇党委紧盯集镇污水管网改造、老旧厂房权属移交等重难点问题,由班子成员领衔攻坚。

二、具体问题整改情况

(一)未按合同约定提前付款。2022年2月14日镇农技站与青禾园林有限公司签订了河堤绿化养护合同,合同金额共计36万元,约定验收合格后支付款项的40%,余款一年后结清。3月9日验收合格,镇里于3月21日一次性付给青禾园林有限公司36万元。
整改情况:组织经办人员学习合同管理规定,完成整改。

(二)村级财务公开不及时。
整改情况:建立村务公开月度检查制度,完成整改。

中共柳汀县禾丰镇委员会
2023年9月12日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("hefeng.txt", NOTICE)


@pytest.mark.parametrize("question", ["禾丰镇那个绿化养护合同多少钱?钱哪天付的?", "禾丰镇那个绿化养护合同多少钱,钱哪天付的?"])
def test_a_second_part_asking_when_the_money_was_paid_gets_its_own_sentence(chain, question):
    answer = chain.ask(question)

    assert "36万元" in answer.text
    assert "3月21日" in answer.text  # the payment date, told in the sentence after the price
    assert all(c.verified for c in answer.citations)


def test_a_short_part_asks_the_date_of_its_act_and_a_clause_must_state_both():
    assert asked_act("钱哪天付的") == "付"
    assert asked_act("钱哪天退的") == "退"
    assert asked_act("一共多少条措施") == ""  # names a thing counted: the part's own terms find it
    when = profile_question("钱哪天付的")
    assert answers_part("3月9日验收合格,镇里于3月21日一次性付给青禾园林有限公司36万元。", "付", when)
    # a date and 付 in one sentence, but in different clauses: the signing date is not the payment date
    assert not answers_part("2022年2月14日签订了合同,约定验收合格后支付款项的40%。", "付", when)


def test_revising_a_text_is_no_rectification_done():
    assert "修改" in official_terms("整改方案改了几稿?")
    for question in ("整改方案改了几稿?", "方案修改了几次?", "整改方案改了几遍?"):
        assert "已完成整改" not in official_terms(question)
        assert "problems_rectified" not in record_fields(question)
    assert "已完成整改" in official_terms("禾丰镇改了多少个问题?")  # rectification counted: still read so


def test_how_many_drafts_quotes_the_revisions_and_the_measures(chain):
    answer = chain.ask("禾丰镇的整改方案改了几稿?一共多少条措施?")

    assert "6次修改" in answer.text
    assert "78条" in answer.text


def test_the_hard_bones_are_the_notices_key_difficulties(chain):
    assert "重难点" in official_terms("有哪些难啃的硬骨头?")
    answer = chain.ask("禾丰镇巡察整改里有哪些难啃的硬骨头?")

    assert "集镇污水管网改造" in answer.text


# A FICTIONAL notice: how many projects were checked and what was landed, told by two sentences of one point.
PROJECTS = """中共柳汀县青溪镇委员会关于巡察整改进展情况的通报

2023年4月至5月,县委第三巡察组对青溪镇开展了巡察。

一、招商引资项目跟踪不到位。
整改情况:开展全镇招商项目大排查,已排查12个项目,并建立项目跟踪台账。镇主要领导带队赴宁波、苏州等地对接项目,1个总投资5亿元的新材料项目成功落地开工。

二、村级财务公开不及时。
整改情况:建立村务公开月度检查制度,完成整改。
"""


def test_how_many_projects_names_no_measure_word_and_a_count_in_any_answers_it():
    asked = profile_question("排查了多少项目")
    assert satisfies(asked, "已排查12个项目")  # 项 begins the noun 项目: no measure word is asked
    assert not satisfies(profile_question("完成了多少项任务"), "完成了3个意识提升")  # 多少项 still counts in 项


def test_how_many_projects_and_what_landed_are_both_quoted(chain_over):
    answer = chain_over("qingxi.txt", PROJECTS).ask("青溪镇招商排查了多少项目,落地了啥")

    assert not answer.not_found
    assert "12个项目" in answer.text
    assert "成功落地开工" in answer.text


# A FICTIONAL notice: the problems fed back are counted and refined into tasks; no sentence counts 措施.
TASKS = """中共柳汀县白沙镇委员会关于巡察整改进展情况的通报

2023年4月至5月,县委第一巡察组对白沙镇开展了巡察,并于2023年6月12日反馈了巡察意见。

一、整改工作开展情况
一是压实整改责任,镇党委书记履行第一责任人职责。二是细化任务清单,将巡察反馈的4个方面13个问题细化为41项整改任务,逐项明确责任人和完成时限。

二、村级财务公开不及时。
整改情况:落实村务公开整改措施,建立月度检查制度,完成整改。
"""


def test_asked_two_counts_one_stated_answers_with_it(chain_over):
    answer = chain_over("baisha.txt", TASKS).ask("白沙镇巡察反馈了几个问题?定了多少条措施?")

    assert not answer.not_found  # the problems fed back are counted, though no sentence says 措施
    assert "13个问题" in answer.text
    assert "“定了多少条措施”在通报中未找到" in answer.text  # the part left open is said to be

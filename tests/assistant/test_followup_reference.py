"""Follow-ups pointing back at an item or figure of the previous answer, over the fictional fresh2 notices."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.followup_reference import asked_of_item, referenced_item, without_pointer
from assistant.rules_named import asks_rule_names

FRESH2 = Path(__file__).resolve().parents[2] / "bench" / "gold" / "fresh2" / "notices"
SHIYUAN = "岑州师范学院"
LIUXI = "峤南县榴溪镇"


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> AnswerChain:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from assistant.settings import load_settings
    from assistant.workspace import Workspace
    from index.fake_embedder import HashingEmbeddings

    home = tmp_path_factory.mktemp("home")
    settings = load_settings(home=home, embed_model="fake").model_copy(update={"chroma_url": "", "llm_base_url": ""})
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    workspace = Workspace(settings, embeddings=HashingEmbeddings(), chroma_client=client)
    assert workspace.ingestor.ingest_paths([FRESH2]).ok
    return AnswerChain(workspace)


def _said(question: str, answer: str) -> list[dict]:
    return [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]


def test_the_second_point_of_the_last_answer_is_asked_about(chain, history):
    first = chain.ask("师院财经纪律方面是怎么整改的?")
    answer = chain.ask("第二条具体怎么改的?", history=history(first))
    assert "科研经费" in answer.text and "8.7万元" in answer.text
    assert {c.unit for c in answer.citations} == {SHIYUAN}


def test_as_of_when_a_figure_was_counted_is_the_date_heading_its_sentence(chain):
    history = _said("榴溪镇改完了多少问题?", "- 26个问题已整改完成24个[1]\n- 正在整改2个[1]")
    answer = chain.ask("这个数是截至什么时候的?", history=history)
    assert "2023年10月15日" in answer.text
    assert any("2023年10月15日" in c.quote and "24个" in c.quote for c in answer.citations)


def test_a_figure_whose_paragraph_dates_nothing_is_said_to_be_undated(chain):
    history = _said("榴溪镇追回清退了多少钱?", "通过整改,共追回、清退各类资金17.21万元[1]")
    answer = chain.ask("这个数是截至什么时候的?", history=history)
    assert answer.not_found and "没有写明" in answer.text
    assert "2024年6月底" not in answer.text  # a date elsewhere in the notice does not date the figure


def test_which_rules_those_were_lists_the_rules_the_notice_names(chain):
    history = _said("师院制定修订了多少项制度?", "制定修订《学校国有资产管理办法》《科研经费管理办法》等制度23项[1]")
    answer = chain.ask("这几项制度是什么?", history=history)
    assert "《学校国有资产管理办法》" in answer.text and "《中层领导干部选拔任用工作实施办法》" in answer.text
    assert all(c.unit == SHIYUAN for c in answer.citations)


def test_when_the_rest_will_be_done_is_answered_by_the_deadline_not_the_status_date(chain):
    history = _said("岑州师院整改任务完成多少了?", "52项整改任务已完成47项,其余5项正在持续推进,完成率90.4%。")
    answer = chain.ask("剩下那几项打算什么时候弄完?", history=history)
    assert "2024年6月底" in answer.text


def test_a_fund_named_after_a_unit_is_not_read_as_the_units_own_fund(chain):
    answer = chain.ask("榴溪镇工程款超付的问题怎么整改的?")  # "镇工程款" is no fund of its own
    assert not answer.not_found
    assert "12.35万元" in answer.text


def test_a_switch_after_a_pointing_follow_up_asks_the_topic_of_the_other_unit(chain, history):
    first = chain.ask("榴溪镇公务用车问题是怎么整改的?")
    second = chain.ask("那个驾驶员是怎么处理的?", history=history(first))
    answer = chain.ask("交投集团有没有类似的?", history=[*history(first), *history(second)])
    assert "公务用车" in answer.standalone_question and "驾驶员" not in answer.standalone_question
    assert {c.unit for c in answer.citations} <= {"漱玉县交通建设投资集团有限公司"}


# --- the clause pointed at -----------------------------------------------------------------


def test_an_ordinal_points_at_the_answers_own_numbered_item():
    answer = "截至目前,共计18个问题已整改完成。第一个是“食堂承包不规范”问题。"
    assert referenced_item("第一个问题改出啥效果了?", answer) == "“食堂承包不规范”问题"


def test_an_ordinal_points_at_the_nth_list_line_when_the_answer_numbers_nothing():
    answer = "根据东湖的通报：\n- 清退津补贴3.2万元[1]\n- 修订《公务接待管理办法》[2]\n- 约谈2人[3]"
    assert referenced_item("第三个是谁?", answer) == "约谈2人"


def test_an_ordinal_points_at_the_nth_item_joined_in_one_sentence():
    answer = "问题3（公车台账不全、登记缺漏）和问题5（食堂承包不规范），这2个还在持续推进。"
    assert referenced_item("第一个啥时候能完?", answer) == "问题3（公车台账不全、登记缺漏）"
    assert referenced_item("第二个咋改的?", answer) == "问题5（食堂承包不规范）"
    assert referenced_item("第三个呢?", answer) == ""


def test_a_demonstrative_points_at_the_clause_holding_its_noun():
    answer = "追回工程款12万元,对1名工作人员进行提醒谈话,修订制度3项。"
    assert referenced_item("刚才说的那个提醒谈话是对谁?", answer) == "对1名工作人员进行提醒谈话"
    assert without_pointer("刚才说的那个提醒谈话是对谁?") == "提醒谈话是对谁?"


def test_a_figure_word_points_at_the_figure_of_what_was_asked_before():
    answer = "移交线索5件;给予党纪处分2人;追缴资金共计12.6万元。"
    assert referenced_item("这个数是截至什么时候的?", answer, "给了几个人处分?") == "给予党纪处分2人"


def test_a_described_group_points_at_the_clause_stating_it_and_is_asked_how_it_was_rectified():
    answer = "共建成9个光伏电站,其中3个电站长期停运、2个电站并网手续不全。"
    item = referenced_item("停着不转的那些后来咋处理的", answer)
    assert item == "其中3个电站长期停运"
    assert asked_of_item("停着不转的那些后来咋处理的", item) == "停着不转的那些怎么整改的"


def test_the_people_pointed_at_are_the_clause_counting_people_and_are_not_asked_of_as_rectification():
    answer = "追回违规补贴6.2万元;给予党纪处分3人,诫勉谈话2人。"
    item = referenced_item("那几个人后来怎么处理的?", answer, "查出来的问题涉及几个人?")
    assert item == "给予党纪处分3人"
    assert asked_of_item("那几个人后来怎么处理的?", item) == "人后来怎么处理的?"


def test_words_that_only_look_like_pointers_point_at_nothing():
    assert referenced_item("这样的问题还有吗?", "52项整改任务已完成47项") == ""
    assert referenced_item("第一书记是谁?", "一是选派第一书记;二是整顿软弱涣散村党组织。") == ""  # a post, no ordinal


def test_only_a_question_on_no_narrower_topic_asks_for_the_list_of_rules():
    assert asks_rule_names("整改中新建了哪些制度?")
    assert not asks_rule_names("针对干部业务不熟建立了什么制度?")
    assert not asks_rule_names("对老师有偿补课采取了什么办法?")
    assert not asks_rule_names("新建了多少项制度?")


BONUS_NOTICE = """中共青禾市柳溪街道工作委员会关于巡察整改情况的通报

2023年3月1日至4月20日,区委第一巡察组对柳溪街道党工委开展了常规巡察,2023年5月8日反馈了巡察意见。

一、主要问题整改情况

(一)违规发放奖金问题。2022年街道向6名干部超标准发放年终奖金2.4万元,未经集体研究。
整改情况:责令相关人员于2023年6月10日前全部退回,已收缴入街道财政专户。修订《街道绩效奖金发放办法》。

(二)公务接待不规范问题。2022年有3次公务接待超过标准。
整改情况:相关人员已退赔超标准接待费用0.36万元。

中共青禾市柳溪街道工作委员会
2023年7月1日
"""


def test_whether_that_money_came_back_is_answered_by_the_sentence_not_yet_shown(chain_over):
    chain = chain_over("liuxi_jiedao.txt", BONUS_NOTICE)
    history = _said("柳溪街道超标准发放了多少奖金?", "根据青禾市柳溪街道的通报：\n- 2022年街道向6名干部超标准发放年终奖金2.4万元,未经集体研究。[1]")
    answer = chain.ask("那笔钱后来退回去了吗?", history=history)
    assert "6月10日" in answer.text  # the rectification sentence, not the problem sentence quoted again


def test_a_figure_said_twice_in_a_notice_is_cited_where_its_clause_in_the_answer_stands():
    from assistant.previous_answer import figures_said, find_in_notices

    text = "问题:向6人超标准发放年终奖金2.4万元。\n整改情况:已清退6人超标准发放年终奖金2.4万元。"
    said = figures_said("已清退6人超标准发放年终奖金2.4万元,退赔接待费0.36万元")
    found, missing = find_in_notices(said[:1], ["n1"], lambda _: text, lambda _: ("", "柳溪街道"))
    assert not missing and "已清退" in found[0].citation.quote


def test_who_an_item_was_is_not_answered_when_the_notice_names_nobody(chain):
    history = _said("榴溪镇处理了多少人?", "给予党纪处分3人,诫勉谈话2人,提醒谈话9人[1]")
    answer = chain.ask("刚才说的那个诫勉谈话是谁?", history=history)
    assert answer.not_found  # the carried clause asks nothing of its own: a sentence without a name does not answer

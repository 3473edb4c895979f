"""Units named the way users name them, on fictional notices: short forms in answers, a place with an
organ short form no notice is about, a kind of money the notice never states, money got back in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "names"
SANYUAN = "青禾市第三人民医院"
WENLV = "青禾市文化旅游发展集团有限公司"


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    chain_over("sanyuan.txt", (FIXTURES / "sanyuan.txt").read_text(encoding="utf-8"))
    return chain_over("wenlv.txt", (FIXTURES / "wenlv.txt").read_text(encoding="utf-8"))


def test_a_computed_conclusion_names_units_as_the_user_did_with_the_formal_name_once(chain):
    answer = chain.ask("三院和文旅集团,谁被巡察的时间长?长多少天?")
    conclusion = answer.text.splitlines()[0]
    assert conclusion.startswith(f"三院({SANYUAN})巡察历时52天"), conclusion
    assert f"比文旅集团({WENLV},45天)多7天" in conclusion


def test_a_list_of_units_gives_each_formal_name_its_common_short_form(chain):
    answer = chain.ask("哪些单位的食堂承担过公务接待?")
    assert f"{SANYUAN}(青禾三院)" in answer.text and f"{WENLV}(青禾文旅集团)" in answer.text, answer.text


def test_quotes_keep_the_notice_words(chain):
    answer = chain.ask("三院是哪个巡察组巡察的?")
    for citation in answer.citations:
        assert citation.quote in chain.workspace.catalog.notice_text(citation.notice_id)
    assert "三院(" in answer.text


def test_a_place_with_an_organ_short_form_no_notice_is_about_gets_no_other_units_answer(chain):
    answer = chain.ask("青禾城投有几个人被诫勉谈话?")
    assert answer.not_found
    assert "资料库中没有关于“青禾城投”的通报" in answer.text
    assert not answer.citations


def test_a_held_unit_named_by_place_and_short_form_is_still_answered(chain):
    answer = chain.ask("青禾文旅集团有几个人被诫勉谈话?")
    assert not answer.not_found and "1名" in answer.text, answer.text


def test_a_kind_of_money_the_notice_never_states_is_said_to_be_missing(chain):
    answer = chain.ask("三院清退了多少下乡补助?")
    assert answer.not_found, answer.text
    assert answer.text.startswith("通报中未找到相关内容")


def test_a_kind_of_money_in_plain_words_is_still_answered(chain):
    for question in ("三院清退了多少乱发的补贴?", "三院清退了多少夜班补贴?"):
        answer = chain.ask(question)
        assert not answer.not_found and "6.4万元" in answer.text, (question, answer.text)


def test_money_got_back_in_plain_words_counts_losses_retrieved(chain):
    answer = chain.ask("三院和文旅集团谁收回的钱多?多多少?")
    conclusion = answer.text.splitlines()[0]
    assert conclusion.startswith(f"文旅集团({WENLV})挽回(追回)经济损失或清退、追缴等收回的资金(取最大一项)为42万元"), conclusion


@pytest.mark.parametrize(("formal", "short"), [
    ("青禾市住房和城乡建设局", "住建局"),
    ("青禾市第二人民医院", "二院"),
    ("柳溪县第一中学", "一中"),
    ("青禾市人力资源和社会保障局", "人社局"),
    ("青禾市卫生健康委员会", "卫健委"),
    ("柳溪县市场监督管理局", "市场监管局"),
    ("青禾市发展和改革委员会", "发改委"),
    ("青禾市城市建设投资集团有限公司", "城投集团"),
    ("青禾市交通投资有限公司", "交投公司"),
    ("柳溪县农业农村局", ""),  # no standard abbreviation
    ("青禾市云岭区柳林街道", ""),  # a territory goes by its place name, which its formal name holds
])
def test_the_common_short_form_of_an_organ_follows_the_standard_abbreviations(formal, short):
    from assistant.unit_display import common_short_form

    assert common_short_form(formal) == short


def test_only_the_answers_own_words_are_renamed():
    from assistant.unit_display import name_units

    text = (f"对比如下:\n| 要点 | {SANYUAN} |\n| 1 | 巡察组对{SANYUAN}党委开展了巡察[1] |\n"
            f"未找到相关内容的单位:{SANYUAN}。")
    renamed = name_units(text, [SANYUAN], {SANYUAN: "三院"}).splitlines()
    assert renamed[1] == f"| 要点 | 三院({SANYUAN}) |"
    assert renamed[2] == f"| 1 | 巡察组对{SANYUAN}党委开展了巡察[1] |"  # a quote stays as the notice wrote it
    assert renamed[3] == "未找到相关内容的单位:三院。"  # named once in full, then as the user does


@pytest.fixture
def with_numbered_school(chain, chain_over) -> AnswerChain:
    return chain_over("erzhong.txt", (FIXTURES / "erzhong.txt").read_text(encoding="utf-8"))


def test_a_school_named_by_its_number_alone_is_that_school(with_numbered_school):
    answer = with_numbered_school.ask("二实验被挑出了哪些毛病?")
    assert not answer.not_found, answer.text
    assert answer.units == ["青禾市第二实验中学"]
    assert "边改边犯" in answer.text


def test_a_comparison_with_a_school_named_by_its_number_has_its_column(with_numbered_school):
    answer = with_numbered_school.ask("三院和二实验,各被挑出了哪些毛病?")
    header = next(line for line in answer.text.splitlines() if line.startswith("| 要点"))
    assert "三院" in header and "第二实验中学" in header, answer.text
    assert "违规收取资料费" in answer.text


def test_who_chaired_is_answered_by_a_name_the_word_cutter_splits(with_numbered_school):
    answer = with_numbered_school.ask("二实验的反馈会是谁主持的?")
    assert not answer.not_found, answer.text
    assert "周朝岚主持反馈会议" in answer.text


@pytest.mark.parametrize(("formal", "label"), [
    ("青禾市中级人民法院", "青禾中院"),
    ("青禾市交通运输局", "青禾交通局"),
    ("最高人民检察院", "最高检"),
    ("市卫生健康委", "卫健委"),  # no place in the name: the short form alone
    ("柳溪县农业农村局", ""),
])
def test_a_list_label_gives_the_short_form_after_its_place(formal, label):
    from assistant.unit_names import placed_short_form

    assert placed_short_form(formal) == label


@pytest.mark.parametrize(
    ("question", "stated"),
    [
        ("金沙县水利局和文旅集团,分别有几个人被诫勉谈话?", "1名"),
        ("金沙县水利局和文旅集团,分别是哪个巡察组去的", "市委第五巡察组"),
        ("三院和金沙县水利局,各是哪天反馈的", "2023年7月20日"),
    ],
)
def test_a_comparison_with_a_unit_the_library_lacks_answers_the_held_unit_and_says_what_is_missing(
    chain, question, stated
):
    answer = chain.ask(question)
    assert answer.notice.startswith("资料库中没有关于“金沙县水利局”的通报,以下只回答"), answer.notice
    assert not answer.not_found and stated in answer.text, answer.text


JIKONG = "柳溪县疾病预防控制中心"
JIKONG_NOTICE = """中共柳溪县疾病预防控制中心支部委员会关于巡察整改情况的通报

2023年8月1日至9月15日,县委第四巡察组对县疾控中心党支部进行了巡察。中心党支部照单全收,逐项整改。

一、反馈问题整改情况

1.职工食堂违规承担公务接待。整改情况:县疾控中心食堂停止承担公务接待,接待费用据实列支。
"""


def test_a_listed_unit_its_notice_calls_by_an_abbreviation_shows_that_name_too(chain, chain_over):
    answer = chain_over("jikong.txt", JIKONG_NOTICE).ask("哪些单位的食堂承担过公务接待?")
    assert f"{JIKONG}(柳溪县疾控中心)" in answer.text, answer.text  # the notice's 县疾控中心, after its place
    assert f"{SANYUAN}(青禾三院)" in answer.text  # a standard short form still comes first

"""Which-units answers on fictional notices: each unit's line quotes the sentence stating the asked thing
(the notice's own problem statement with its measure), questions in plain words and with 都有谁 are
answered, and figure conditions select units from the records with every value cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.question import profile_question
from assistant.unit_kinds import asked_kinds
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "which_lines"
SONGHE, LUTANG, QIAOTOU = "澄水县松禾镇", "澄水县芦塘乡", "澄水县桥头街道"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def quotes_of(answer, unit: str) -> list[str]:
    return [c.quote for c in answer.citations if c.unit == unit]


def test_a_unit_line_quotes_the_problem_title_with_the_sentence_after_it(chain):
    answer = chain.ask("哪些单位在食堂上被点名?")

    assert line_of(answer.text, SONGHE)
    # "1.机关食堂管理不规范。" runs into its sentence: quoted as one passage, title first.
    assert any(q.startswith("1.机关食堂管理不规范。食堂账目不清") for q in quotes_of(answer, SONGHE))
    assert not line_of(answer.text, LUTANG) and not line_of(answer.text, QIAOTOU)


def test_a_problem_stated_after_its_label_is_quoted_beside_the_measure(chain):
    answer = chain.ask("有没有单位在公车上被点名?都有谁?")

    assert not answer.not_found  # 都有谁 asks which units, not a person's name
    assert any(q.startswith("问题一:公务用车管理不严") for q in quotes_of(answer, LUTANG))
    assert any("定位设备" in q for q in quotes_of(answer, LUTANG))


def test_rented_property_in_plain_words_finds_both_ways_notices_write_it(chain):
    answer = chain.ask("哪些单位有房子租金收不上来或者租便宜了的问题?")

    assert "租金长期拖欠" in line_of(answer.text, SONGHE)
    assert "低价出租" in line_of(answer.text, LUTANG)
    assert not line_of(answer.text, QIAOTOU)


def test_money_over_a_threshold_is_answered_from_the_records(chain):
    answer = chain.ask("哪些单位追回的钱超过10万?")

    first = answer.text.splitlines()[0]
    assert first.startswith("金额超过10万元的单位有2个")
    assert QIAOTOU in first and SONGHE in first and LUTANG not in first
    assert any("146.5万元" in q for q in quotes_of(answer, QIAOTOU))


def test_a_share_below_a_bar_counts_units_that_state_only_counts(chain):
    answer = chain.ask("整改完成率不到90%的是谁?")

    first, second = answer.text.splitlines()[:2]
    assert first == f"整改完成比例不到90%的单位有1个:{SONGHE}88.9%。"  # 16÷18, its notice states no rate
    assert f"{QIAOTOU}90.3%" in second and f"{LUTANG}90.9%" in second  # 28÷31 computed; 90.9% as stated


@pytest.mark.parametrize(("question", "wants_person"), [
    ("有没有单位在公车上被点名?都有谁?", False),
    ("哪些单位的整改领导小组组长是谁?", True),
    ("巡察组组长是谁?", True),
])
def test_who_after_a_which_units_question_asks_for_units(question, wants_person):
    assert profile_question(question).wants_person is wants_person


def test_a_kind_of_unit_alone_lists_the_held_units_of_that_kind_with_who_inspected_them(chain):
    answer = chain.ask("有哪些乡镇被巡察了?")

    assert answer.text.splitlines()[0] == "资料库中有2个乡镇的通报："
    assert "县委第一巡察组" in line_of(answer.text, SONGHE) and "县委第二巡察组" in line_of(answer.text, LUTANG)
    assert not line_of(answer.text, QIAOTOU)
    assert any("对松禾镇党委开展了常规巡察" in q for q in quotes_of(answer, SONGHE))


def test_a_kind_narrows_a_figure_condition_to_units_of_that_kind(chain):
    answer = chain.ask("哪些乡镇追回的钱超过5万?")

    first = answer.text.splitlines()[0]
    assert first == f"金额超过5万元的单位有1个:{SONGHE}12.6万元。"  # 桥头街道's 146.5万元 is no 乡镇's
    assert QIAOTOU not in answer.text


def test_a_kind_no_held_unit_is_of_is_said_to_be_missing(chain):
    answer = chain.ask("有哪几家医院清退了补贴?")

    assert answer.not_found
    assert answer.text == "资料库中没有医院的通报。"


@pytest.mark.parametrize(("question", "kinds"), [
    ("库里有哪几家中医院?", ["中医院"]),
    ("有哪些乡镇、街道被巡察了?", ["乡镇", "街道"]),
    ("哪些学校追回的钱超过10万?", ["学校"]),
    ("哪些单位清退了补贴?", []),
    ("松禾镇采取了哪些措施?", []),
    ("哪些卫生健康委公布了整改进展?", ["卫生健康委"]),
])
def test_kinds_of_unit_are_read_after_an_asking_word(question, kinds):
    assert asked_kinds(question) == kinds


def test_either_of_two_deeds_joined_by_或者_states_the_asked_thing(chain):
    answer = chain.ask("哪几家在工程款上动了真格,追回或者核减了钱?")

    # 桥头街道 writes 追回超付工程款, never 核减: either deed answers; emphasis (动了真格) is no search term.
    assert "追回超付工程款146.5万元" in line_of(answer.text, QIAOTOU)
    assert not line_of(answer.text, LUTANG)


def test_either_terms_pair_the_words_around_或者():
    from assistant.asked_thing import either_terms

    assert either_terms("追回或者核减了钱", ["清退", "核减", "钱"]) == {"清退": ("清退", "核减"), "核减": ("核减", "清退")}
    assert either_terms("清退了补贴", ["清退", "补贴"]) == {}


def test_generic_words_for_a_fault_are_not_the_topic(chain):
    answer = chain.ask("哪几家的“三会一课”不规范?")

    # 桥头街道 writes 规范社区党组织“三会一课”,补齐会议记录: the topic is 三会一课, not the word 不规范.
    assert "三会一课" in line_of(answer.text, QIAOTOU)
    assert not line_of(answer.text, SONGHE) and not line_of(answer.text, LUTANG)


@pytest.mark.parametrize(("question", "left"), [
    ("哪几家的“三会一课”不规范?", "三会一课"),
    ("哪些单位的食堂出了问题?", "食堂"),
    ("食堂出过问题的是哪几家", "食堂"),
    ("哪几家在工程款上动了真格,追回或者核减了钱?", "工程款"),
])
def test_asking_wording_emphasis_and_fault_words_are_blanked(question, left):
    from assistant.topic_words import without_asking_words

    kept = without_asking_words(question)
    assert left in kept
    assert not any(word in kept for word in ("不规范", "出了问题", "真格", "哪"))


def test_谁家_asks_which_units_not_for_a_person(chain):
    answer = chain.ask("谁家追回了超付的工程款?")

    assert not answer.not_found
    assert "追回超付工程款146.5万元" in line_of(answer.text, QIAOTOU)
    assert profile_question("谁家追回了超付的工程款?").wants_person is False
    assert profile_question("谁主持了会议?").wants_person is True


def test_how_many_of_each_unit_counts_people_handled_in_个_too():
    from assistant.question import satisfies

    asked = profile_question("哪几家的通报写了开除党籍?各有几个?")
    assert satisfies(asked, "给予党纪处分5人,其中开除党籍3人。")  # "几个" of people: stated in 人
    assert not satisfies(asked, "持续推进开除党籍等处理工作。")
    assert profile_question("有哪几家给了党纪处分?").counted_in == ""  # 哪几家 asks which, not how many


def test_vague_wording_of_where_and_that_something_was_done_is_no_topic(chain):
    from assistant.topic_words import without_asking_words

    assert without_asking_words("单位用车这块有整改动作的有哪几家?").split() == ["单位用车", "有整改", "的有", "?"]
    answer = chain.ask("单位用车这块有整改动作的有哪几家?")
    assert "定位设备" in line_of(answer.text, LUTANG)
    assert not line_of(answer.text, SONGHE) and not line_of(answer.text, QIAOTOU)


@pytest.mark.parametrize(("question", "kept", "gone"), [
    ("哪些乡的材料提到了乡党委书记的名字?", ["党委书记"], ["材料", "提到", "名字", "乡"]),  # every unit asked is a 镇
    ("哪几家的通报写明了制定多少条整改措施?", ["整改措施"], ["通报", "写明"]),
    ("哪些单位被通报批评了?", ["通报批评"], []),  # 通报 as the deed asked about stays
])
def test_that_the_notice_says_it_is_no_topic(question, kept, gone):
    from assistant.topic_words import without_asking_words

    left = without_asking_words(question)
    assert all(word in left for word in kept) and not any(word in left for word in gone), left


def test_an_organ_kind_holds_the_units_named_for_it_in_either_script():
    from assistant.unit_kinds import units_of_kinds

    units = ["鹤州市卫健委", "岑州市卫生健康委员会", "湖北省衛生健康委", "鹤州市教育局"]
    assert units_of_kinds(["卫健委"], units) == units[:3]


def test_a_school_known_by_its_number_is_of_its_kind():
    from assistant.unit_kinds import units_of_kinds

    units = ["青岚一中", "滨河市第八中学", "青岚二小", "滨河市教育局"]
    assert units_of_kinds(["中学"], units) == units[:2]
    assert units_of_kinds(["学校"], units) == units[:3]


def test_a_fault_said_plainly_after_the_topic_with_的都有谁_lists_units(chain):
    answer = chain.ask("公车管理没搞好的都有谁?")

    assert not answer.not_found, answer.text
    assert line_of(answer.text, LUTANG) and not line_of(answer.text, QIAOTOU)


@pytest.mark.parametrize("question", ["哪几家动了公车的问题", "安全隐患被点出来的有几家", "三会一课没搞好的都有谁"])
def test_how_a_which_units_question_says_dealt_with_found_or_went_wrong_is_no_topic(question):
    from assistant.topic_words import without_asking_words

    left = without_asking_words(question)
    assert not any(word in left for word in ("动了", "点出", "没搞好")), left


@pytest.mark.parametrize(("question", "units"), [
    ("闹出过网上负面舆情的有谁", True),
    ("三会一课没搞好的都有谁", True),
    ("整改小组的副组长都有谁", False),  # a role first: people are asked
])
def test_的有谁_asks_which_units_unless_a_role_comes_first(question, units):
    from assistant.qualify import asks_which_units

    assert asks_which_units(question) is units
    assert profile_question(question).wants_person is not units


def test_units_named_in_traditional_script_or_as_short_zones_are_of_their_kinds():
    from assistant.unit_kinds import units_of_kinds

    units = ["雁汀市中心醫院", "青禾县人民医院", "梧川经开区", "青禾高新区财政局", "芦荻镇"]
    assert units_of_kinds(["医院"], units) == units[:2]
    assert units_of_kinds(["开发区"], units) == ["梧川经开区"]


def test_a_unit_named_only_by_its_kind_is_answered_from_units_of_that_kind_and_says_which(chain):
    answer = chain.ask("乡镇追回了多少钱?")

    assert answer.notice.startswith("问题只说了“乡镇”,库中有2个这类单位")
    assert SONGHE in answer.notice and LUTANG in answer.notice
    assert QIAOTOU not in answer.text and all(c.unit != QIAOTOU for c in answer.citations)


def test_a_kind_only_one_held_unit_is_of_answers_about_that_unit(chain):
    answer = chain.ask("街道追回了多少钱?")

    assert {c.unit for c in answer.citations} == {QIAOTOU}
    assert "146.5万元" in answer.text

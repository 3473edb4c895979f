from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.followup import condense_with_rules
from assistant.units import UnitDirectory


def directory() -> UnitDirectory:
    return UnitDirectory(directory_rows())


def directory_rows() -> list[NoticeRow]:
    return [
        NoticeRow("n1", "/a.txt", "a.txt", "", "青禾市云岭区", NoticeMetadata(unit="青禾市云岭区", aliases=["云岭区", "云岭"]), 1, "ready", 0),
        NoticeRow("n2", "/b.txt", "b.txt", "", "东湖高新产业园", NoticeMetadata(unit="东湖高新产业园", aliases=["东湖"]), 1, "ready", 0),
    ]


HISTORY = [
    {"role": "user", "content": "云岭区是被哪个巡察组巡察的?"},
    {"role": "assistant", "content": "是市委第二巡察组。"},
]


def test_pronoun_follow_up_carries_the_previous_unit():
    assert condense_with_rules(HISTORY, "那它挽回了多少经济损失?", directory()) == "青禾市云岭区:那它挽回了多少经济损失?"


def test_elliptical_follow_up_carries_the_previous_unit():
    assert condense_with_rules(HISTORY, "副组长有哪几位?", directory()).startswith("青禾市云岭区:")


def test_a_question_naming_its_own_unit_is_left_alone():
    assert condense_with_rules(HISTORY, "东湖挽回了多少经济损失?", directory()) == "东湖挽回了多少经济损失?"


def test_a_question_about_all_units_starts_a_new_scope():
    assert condense_with_rules(HISTORY, "那哪些单位清退了津补贴?", directory()) == "那哪些单位清退了津补贴?"


def test_the_users_question_defines_the_scope_over_the_reply():
    history = [
        {"role": "user", "content": "东湖的问题线索有多少?"},
        {"role": "assistant", "content": "东湖移交线索5件,云岭区另有9件。"},
    ]
    assert condense_with_rules(history, "办结了几件?", directory()).startswith("东湖高新产业园:办结了几件?")


def _exchange(*turns: str) -> list[dict]:
    return [{"role": ("user", "assistant")[i % 2], "content": text} for i, text in enumerate(turns)]


def test_an_elliptical_follow_up_asks_the_previous_question_about_the_new_unit():
    history = _exchange("云岭区清退了哪些违规发放的钱?", "云岭区清退津补贴12.6万元[1]。")
    assert condense_with_rules(history, "那东湖呢?", directory()) == "东湖高新产业园清退了哪些违规发放的钱?"


def test_a_chain_of_elliptical_follow_ups_keeps_the_first_topic():
    history = _exchange("云岭区清退了哪些违规发放的钱?", "12.6万元", "那东湖呢?", "东湖清退3.2万元")
    assert condense_with_rules(history, "云岭区怎么样?", directory()) == "青禾市云岭区清退了哪些违规发放的钱?"


def test_another_one_means_the_unit_not_asked_about_last():
    history = _exchange("云岭区追回了多少钱?", "9万元", "东湖呢?", "8.9万元")
    assert condense_with_rules(history, "另一个呢?", directory()) == "青禾市云岭区追回了多少钱?"


def test_a_comparison_asked_again_for_one_unit_becomes_a_question_about_it():
    rows = [
        NoticeRow("n3", "/c.txt", "c.txt", "", "松涛县", NoticeMetadata(unit="松涛县", aliases=["松涛"]), 1, "ready", 0),
    ]
    units = UnitDirectory(directory_rows() + rows)
    history = _exchange("云岭区和东湖在公务用车上有何不同?", "…")
    standalone = condense_with_rules(history, "那松涛呢?", units)
    assert standalone.startswith("松涛县在公务用车")
    assert "云岭" not in standalone and "东湖" not in standalone and "有何不同" not in standalone


def test_a_follow_up_pointing_at_a_figure_searches_with_that_figure():
    history = _exchange("云岭区追回了多少违规资金?", "追回违规资金27.4万元[1],收缴2.3万元。")
    standalone = condense_with_rules(history, "那笔钱后来退回去了吗?", directory())
    assert standalone.startswith("青禾市云岭区:")
    assert "27.4万元" in standalone


def test_a_follow_up_pointing_at_items_searches_with_those_items():
    history = _exchange("东湖新建了几项制度?", "新建制度14项[2],修订制度3项。")
    assert "新建制度14项" in condense_with_rules(history, "这几项制度是什么?", directory())


def test_a_new_question_that_only_names_a_unit_is_not_elliptical():
    history = _exchange("云岭区清退了哪些违规发放的钱?", "12.6万元")
    assert condense_with_rules(history, "东湖的问题线索办结了几件?", directory()) == "东湖的问题线索办结了几件?"


def test_the_other_one_is_the_unit_the_last_answer_left_out():
    history = _exchange("云岭区和东湖分别是哪天反馈巡察意见的?先说云岭区。", "云岭区:2023年7月12日反馈。")
    assert condense_with_rules(history, "另一个呢?", directory()).startswith("东湖高新产业园")


def test_which_has_more_after_talking_of_two_units_compares_those_two():
    history = [
        *HISTORY,
        {"role": "user", "content": "那东湖呢?"},
        {"role": "assistant", "content": "是园区纪工委。"},
    ]
    assert condense_with_rules(history, "哪家追回的钱更多?", directory()) == "青禾市云岭区和东湖高新产业园:哪家追回的钱更多?"
    assert condense_with_rules(history, "哪些单位追回的钱更多?", directory()) == "哪些单位追回的钱更多?"  # every unit
    assert condense_with_rules(HISTORY, "哪家追回的钱更多?", directory()) == "哪家追回的钱更多?"  # one unit discussed


MONEY_HISTORY = [
    {"role": "user", "content": "云岭区清退了多少违规发放的津补贴?"},
    {"role": "assistant", "content": "共清退违规发放津补贴12.6万元。[1]"},
]


def test_a_follow_up_in_any_everyday_wording_asks_the_last_question_of_the_new_unit():
    again = "东湖高新产业园清退了多少违规发放的津补贴?"
    for follow_up in ("换成东湖呢?", "东湖是不是也这样?", "东湖有没有?", "东湖那边?", "说说东湖", "东湖也清退了吗?",
                      "那东湖清退了多少?"):
        assert condense_with_rules(MONEY_HISTORY, follow_up, directory()) == again, follow_up
    assert condense_with_rules(MONEY_HISTORY, "东湖挽回了多少经济损失?", directory()) == "东湖挽回了多少经济损失?"


def test_compared_with_a_new_unit_asks_the_last_question_of_both():
    assert condense_with_rules(MONEY_HISTORY, "跟东湖比呢?", directory()) == (
        "青禾市云岭区和东湖高新产业园清退了多少违规发放的津补贴?哪个更多?"  # a figure compared is computed
    )
    assert condense_with_rules(MONEY_HISTORY, "那东湖多还是云岭多?", directory()).endswith("哪个更多?")


def test_a_count_of_units_in_the_question_asks_about_every_unit_not_those_discussed():
    history = [*HISTORY, {"role": "user", "content": "那东湖呢?"}, {"role": "assistant", "content": "是园区纪工委。"}]
    assert condense_with_rules(history, "五个单位里谁的问题最多?", directory()) == "五个单位里谁的问题最多?"


def test_two_of_them_after_talking_of_two_units_compares_those_two():
    history = [*HISTORY, {"role": "user", "content": "那东湖呢?"}, {"role": "assistant", "content": "是园区纪工委。"}]
    assert condense_with_rules(history, "两家谁整改得好?", directory()) == "青禾市云岭区和东湖高新产业园:两家谁整改得好?"


def test_a_switch_in_other_words_asks_the_last_question_of_the_new_unit():
    history = _exchange("云岭区清退了哪些违规发放的钱?", "云岭区清退津补贴12.6万元[1]。")
    for follow_up in ("换个单位,东湖呢?", "东湖有没有类似的?", "东湖也是这种情况吗?"):
        assert condense_with_rules(history, follow_up, directory()) == "东湖高新产业园清退了哪些违规发放的钱?"


def test_a_switch_after_pointing_at_an_item_asks_the_question_that_set_the_topic():
    history = _exchange("云岭区追回了多少违规资金?", "追回违规资金27.4万元[1]。", "那笔钱后来退回去了吗?", "已全部退缴[2]。")
    assert condense_with_rules(history, "东湖有没有类似的?", directory()) == "东湖高新产业园追回了多少违规资金?"


def test_an_ordinal_follow_up_searches_with_that_point_and_not_the_ordinal():
    history = _exchange("云岭区公务接待方面怎么整改的?", "一是清退超标准接待费用1.2万元;二是修订《公务接待管理办法》;三是约谈2人。")
    standalone = condense_with_rules(history, "第二条具体怎么改的?", directory())
    assert standalone.startswith("青禾市云岭区:") and "《公务接待管理办法》" in standalone and "第二条" not in standalone


def test_the_second_unit_of_a_which_units_answer_is_the_unit_asked_about():
    answer = "共有2个单位的通报涉及此问题：\n1. 青禾市云岭区：清退津补贴12.6万元。[1]\n2. 东湖高新产业园：清退补助3.2万元。[2]"
    history = _exchange("哪些单位清退了违规发放的补贴?", answer)
    standalone = condense_with_rules(history, "第二家是怎么清退的?", directory())
    assert standalone.startswith("东湖高新产业园:") and "3.2万元" in standalone and "云岭" not in standalone.split(":")[0]

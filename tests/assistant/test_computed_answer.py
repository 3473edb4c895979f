"""Computed comparisons on fictional notices: days, feedback→publish, shares, money differences,
missing inputs named, two different statements both shown, every input cited verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.computed_answer import answer_computed, read_computed_question, scope_for_computation
from assistant.verify import marker_numbers, verify_answer
from index.catalog import NoticeRow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "computed"
SHIQIAO, TAOYUAN, FENGLIN = "青禾市石桥区", "青禾市桃源县", "青禾市枫林镇"
ALL = [SHIQIAO, TAOYUAN, FENGLIN]


@pytest.fixture(scope="module")
def catalogue(stored):
    """The fixture notices as ingest stores them: rows, records by id, texts by id."""
    return stored({str(path): path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))})


def _ask(catalogue, question: str, units: list[str]):
    notices, records, texts = catalogue
    answer = answer_computed(question, question, units, notices, records, texts.get)
    if answer is not None:
        verified = verify_answer(answer, texts.get)
        assert verified.text == answer.text and all(c.verified for c in verified.citations)
        assert sorted(set(marker_numbers(answer.text))) == [c.n for c in answer.citations]
    return answer


def _row(answer, unit: str) -> str:
    return next(line for line in answer.text.splitlines() if line.startswith(f"| {unit} |"))


def _quote(answer, marker: int) -> str:
    return next(c.quote for c in answer.citations if c.n == marker)


def test_days_inspected_counts_both_ends_and_states_the_difference(catalogue):
    answer = _ask(catalogue, "石桥区和枫林镇哪个巡察时间更长,长多少天?", [SHIQIAO, FENGLIN])
    assert answer.text.splitlines()[0] == "青禾市石桥区巡察历时68天(首尾都算;相隔67天),比青禾市枫林镇(47天)多21天。"
    assert _row(answer, SHIQIAO) == (
        "| 青禾市石桥区 | 巡察时间2023年3月6日至5月12日[1] | 2023年3月6日至2023年5月12日,相隔67天,首尾两天都算:68天 |"
    )
    assert "2022年12月5日至2023年1月20日,相隔46天,首尾两天都算:47天" in _row(answer, FENGLIN)  # year carried over
    assert _quote(answer, 1) == "2023年3月6日至5月12日"


def test_feedback_to_publish_names_the_notice_without_a_publish_date_and_shows_both_dates(catalogue):
    answer = _ask(catalogue, "哪个单位从反馈到发布通报隔得更久?", ALL)
    lines = answer.text.splitlines()
    assert lines[0] == "青禾市枫林镇从反馈意见到发布通报隔了172天,比青禾市石桥区(111天)多61天。"
    assert "2023年3月2日反馈→2023年8月21日发布:172天;2023年3月2日反馈→2023年8月18日落款:169天" in _row(answer, FENGLIN)
    assert "青禾市桃源县的通报未写明发布日期,无法计算。" in lines
    assert any(line.startswith("注:青禾市枫林镇的通报写有不同的数字(169天、172天)") for line in lines)


def test_asked_who_was_quicker_the_conclusion_says_who(catalogue):
    answer = _ask(catalogue, "从反馈到发通报,石桥区和枫林镇谁快?", [SHIQIAO, FENGLIN])
    assert answer.text.splitlines()[0].endswith("比青禾市枫林镇(172天)少61天。青禾市石桥区更快。"), answer.text


def test_compared_with_a_unit_the_library_lacks_the_held_units_figure_is_given(catalogue):
    answer = _ask(catalogue, "石桥区和长岭镇谁发现的问题多?", [SHIQIAO])
    assert answer is not None and answer.text.splitlines()[0].startswith("青禾市石桥区反馈问题"), answer
    assert _ask(catalogue, "石桥区发现的问题多吗?", [SHIQIAO]) is None  # one unit asked alone: no computation


def test_a_feedback_date_without_a_year_takes_the_inspection_year_and_says_so(catalogue):
    answer = _ask(catalogue, "桃源县巡察结束到反馈隔了多少天?", [TAOYUAN])
    assert answer.text.splitlines()[0] == "青禾市桃源县从巡察结束到反馈意见隔了46天。"
    assert "按巡察时间计为2023年" in _row(answer, TAOYUAN)


def test_rectified_share_divides_by_the_total_that_matches_rectified_plus_in_progress(catalogue):
    answer = _ask(catalogue, "三个单位整改完成比例哪个更高?", ALL)
    assert answer.text.splitlines()[0] == (
        "按整改完成比例从高到低:青禾市枫林镇100%、青禾市石桥区90%、青禾市桃源县87.5%。"
        "青禾市枫林镇最高,比青禾市桃源县高12.5个百分点。"
    )
    taoyuan = _row(answer, TAOYUAN)
    assert "40÷48=83.3%;42÷48=87.5%" in taoyuan  # two statements, both computed
    assert "细化为具体整改任务48项" in taoyuan and "问题16个" not in taoyuan  # tasks, not problems, are the total
    assert "18÷20=90%" in _row(answer, SHIQIAO)


def test_money_difference_is_computed_in_万元_from_亿元_万元_and_元(catalogue):
    answer = _ask(catalogue, "石桥区比桃源县多挽回了多少经济损失?", [SHIQIAO, TAOYUAN])
    assert answer.text.splitlines()[0] == "青禾市石桥区挽回(追回)经济损失10500万元,比青禾市桃源县(80万元)多10420万元。"
    assert "1.05亿元=10500万元" in _row(answer, SHIQIAO)
    answer = _ask(catalogue, "桃源县和枫林镇谁挽回的经济损失更少?", [TAOYUAN, FENGLIN])
    assert answer.text.splitlines()[0] == "青禾市枫林镇挽回(追回)经济损失12.5万元,比青禾市桃源县(80万元)少67.5万元。"
    assert "125000元=12.5万元" in _row(answer, FENGLIN)


def test_measures_are_compared_as_measures_never_as_problems(catalogue):
    answer = _ask(catalogue, "石桥区和桃源县谁的整改措施更多?", [SHIQIAO, TAOYUAN])
    assert answer.text.splitlines()[0] == "青禾市石桥区整改措施(任务)64项,比青禾市桃源县(48项)多16项。"
    assert "问题" not in _row(answer, SHIQIAO) + _row(answer, TAOYUAN)


def test_a_unit_missing_an_input_is_named_and_left_out_of_the_order(catalogue):
    answer = _ask(catalogue, "哪个单位整改措施更多?", ALL)
    assert "青禾市枫林镇的通报未写明整改措施(任务)的数字,无法计算。" in answer.text.splitlines()
    assert f"| {FENGLIN} |" not in answer.text


def test_questions_that_ask_for_no_computation_are_left_to_other_answers(catalogue):
    assert read_computed_question("石桥区是什么时候接受巡察的?") is None
    assert read_computed_question("各单位分别挽回了多少经济损失?") is None
    assert read_computed_question("哪个单位新制定的制度最多?") is None  # the records answer ranks figures
    assert read_computed_question("浙南和惠济的巡视时间和反馈时间有何不同?") is None
    assert read_computed_question("街道妇联登山比赛超标准发放了多少奖金?") is None  # 比赛 is no comparison
    assert read_computed_question("哪个单位巡察时间更早?").metric.key == "start_day"  # which date comes first: not a length
    assert read_computed_question("哪个单位女性干部比例更高?") is None  # a share, but not the rectified one
    assert read_computed_question("哪个单位巡察时间最长?").metric.key == "inspection_days"
    assert read_computed_question("石桥区巡视整改领导小组谁任组长?") is None  # a post (组长), not a length
    assert read_computed_question("谁的巡察时间长?").metric.key == "inspection_days"
    assert read_computed_question("哪个单位整改完成率最高?").metric.key == "rectified_share"
    assert read_computed_question("反馈后多久才发布通报?").metric.key == "feedback_to_publish"
    assert read_computed_question("石桥区的通报晚了多少天发布?").metric.key == "feedback_to_publish"
    assert read_computed_question("哪个从反馈到发通报拖得更久?").metric.key == "feedback_to_publish"
    assert read_computed_question("谁从反馈到发通报更快?").metric.key == "feedback_to_publish"
    assert read_computed_question("哪个整改完成得更好?").metric.key == "rectified_share"
    assert read_computed_question("从反馈到发通报,石桥区和柳林街道谁更快?").metric.key == "feedback_to_publish"
    assert _ask(catalogue, "石桥区挽回的经济损失比上一轮更多吗?", [SHIQIAO]) is None  # one unit: nothing to compare


def test_scope_is_the_named_units_else_every_unit_when_asked_which():
    assert scope_for_computation("甲和乙谁巡察时间更长?", ["甲", "乙"], ["甲", "乙", "丙"]) == ["甲", "乙"]
    assert scope_for_computation("哪个单位巡察时间最长?", [], ["甲", "乙", "丙"]) == ["甲", "乙", "丙"]
    assert scope_for_computation("巡察时间更长吗?", [], ["甲", "乙"]) == []


def test_a_巡视_is_said_as_巡视(catalogue):
    notices, records, texts = catalogue
    renamed = []
    for row in notices:
        metadata = type(row.metadata).from_dict({**row.metadata.to_dict(), "inspection_kind": "巡视"})
        renamed.append(NoticeRow(*[metadata if name == "metadata" else getattr(row, name)
                                   for name in NoticeRow.__dataclass_fields__]))
    answer = answer_computed("石桥区巡视了多少天?", "", [SHIQIAO], renamed, records, texts.get)
    assert answer.text.splitlines()[0] == "青禾市石桥区巡视历时68天(首尾都算;相隔67天)。"
    assert "| 青禾市石桥区 | 巡视时间2023年3月6日至5月12日[1] |" in answer.text


def test_who_has_more_at_the_end_of_a_question_asks_for_a_computation():
    from assistant.computed_answer import read_computed_question

    assert read_computed_question("望津街道和县市场监管局谁建的制度多?") is not None
    assert read_computed_question("哪个单位的领导小组组长是谁?") is None


def test_a_question_asking_two_computations_gets_both(catalogue):
    answer = _ask(catalogue, "石桥区和枫林镇谁被查出的问题多?整改完成率谁高?", [SHIQIAO, FENGLIN])
    lines = answer.text.splitlines()
    assert lines[0] == "青禾市石桥区反馈问题20个,比青禾市枫林镇(12个)多8个。"  # both notices count 问题 in 个
    assert "青禾市枫林镇整改完成比例为100%,比青禾市石桥区(90%)高10个百分点。" in lines


def test_rules_made_or_revised_add_up_when_a_notice_states_them_apart(stored):
    apart = ("青禾市柳岸镇党委关于巡察整改情况的通报\n\n镇党委坚持建章立制,新制定制度9项,修订完善制度6项。\n")
    together = ("青禾市槐荫镇党委关于巡察整改情况的通报\n\n"
                "镇党委修订完善和新出台了《槐荫镇财务管理办法》等14项制度办法。\n")
    catalogue = stored({"liuan.txt": apart, "huaiyin.txt": together})
    answer = _ask(catalogue, "柳岸镇和槐荫镇哪个出台或修订的制度多?多几项?", ["青禾市柳岸镇", "青禾市槐荫镇"])
    assert answer.text.splitlines()[0].startswith("青禾市柳岸镇")
    assert "比青禾市槐荫镇(14项)多1项" in answer.text.splitlines()[0]
    assert "9+6=15项" in _row(answer, "青禾市柳岸镇")


def test_a_news_report_without_years_is_counted_in_its_publication_year_and_says_so(stored):
    text = (Path(__file__).resolve().parents[1] / "fixtures" / "metadata" / "street_news_report.txt").read_text(encoding="utf-8")
    catalogue = stored({"street_news_report.txt": text})
    unit = catalogue[0][0].metadata.unit
    answer = _ask(catalogue, f"{unit}巡察了多少天?从巡察结束到反馈隔了多久?", [unit])
    assert f"{unit}巡察历时54天(首尾都算;相隔53天)。" in answer.text.splitlines()  # 2023年3月6日至4月28日
    assert "按发布日期计为2023年" in answer.text
    assert "2023年4月28日巡察结束→2023年6月9日反馈:42天" in answer.text


def test_people_handled_are_compared_in_people_of_the_kind_asked(stored):
    catalogue = stored({
        "liuan.txt": "青禾市柳岸镇党委关于巡察整改情况的通报\n\n对相关责任人给予党纪处分3人,诫勉谈话2人。\n",
        "huaiyin.txt": "青禾市槐荫镇党委关于巡察整改情况的通报\n\n对负有责任的干部给予党纪处分5人。\n",
    })
    answer = _ask(catalogue, "柳岸镇和槐荫镇谁处分的人多?", ["青禾市柳岸镇", "青禾市槐荫镇"])
    assert answer.text.splitlines()[0] == "青禾市槐荫镇党纪政务处分5人,比青禾市柳岸镇(3人)多2人。"


def test_everyday_wordings_of_a_computed_comparison_are_read():
    assert read_computed_question("东临和盘龙城谁被巡察得久?").metric.key == "inspection_days"
    assert read_computed_question("两家哪个巡察时间长一些?").metric.key == "inspection_days"
    shorter = read_computed_question("谁从反馈到公开用的时间短?")
    assert shorter.metric.key == "feedback_to_publish" and shorter.ascending
    assert read_computed_question("东临和惠济谁的整改完成得更好?").metric.key == "rectified_share"
    assert read_computed_question("谁挽回的损失大?").metric.key == "money"
    assert read_computed_question("两个局哪个整改完成率高点?").metric.key == "rectified_share"
    lower = read_computed_question("两家谁的整改完成率低点儿?")
    assert lower.metric.key == "rectified_share" and lower.ascending


def test_plain_words_are_computed_as_notices_write_them():
    plan = read_computed_question("浙南和东临谁立的规矩多?多几项?")
    assert plan is None  # the notices' word for 规矩 is 制度: read with plain words, not alone
    from assistant.computed_answer import read_computed_questions

    assert [p.metric.key for p in read_computed_questions("浙南和东临谁立的规矩多?多几项?")] == ["rules"]


def test_colloquial_inspection_end_to_feedback_is_computed(catalogue):
    for question in ("石桥区和桃源县,巡完以后各隔了多久才反馈?谁拖得久?", "石桥区和桃源县巡察完到反馈各拖了多久?",
                     "石桥区和桃源县,谁从巡完到反馈隔得久?差几天?"):
        assert read_computed_question(question).metric.key == "inspection_to_feedback", question
        answer = _ask(catalogue, question, [SHIQIAO, TAOYUAN])
        assert "巡察结束→" in _row(answer, SHIQIAO) and "巡察结束→" in _row(answer, TAOYUAN), answer.text
    assert read_computed_question("做好巡视后半篇文章,反馈的问题谁改得多?").metric.key != "inspection_to_feedback"


def test_who_is_higher_ends_a_clause_before_added_words_in_brackets():
    from assistant.computed_answer import read_computed_questions

    # "整改完成率" brings plain-word terms in brackets after the question: the clause still ends at 高一点.
    assert [p.metric.key for p in read_computed_questions("石桥区跟桃源县,哪家整改完成率高一点")] == ["rectified_share"]


def test_counts_stated_in_different_measure_words_are_compared_in_项(stored):
    catalogue = stored({
        "liuan.txt": "青禾市柳岸镇党委关于巡察整改情况的通报\n\n县委巡察组向镇党委反馈了巡察意见,指出问题15个。\n",
        "huaiyin.txt": "青禾市槐荫镇党委关于巡察整改情况的通报\n\n县委巡察组向镇党委反馈了巡察意见,指出问题9项。\n",
    })
    answer = _ask(catalogue, "柳岸镇和槐荫镇谁的问题多?多几个?", ["青禾市柳岸镇", "青禾市槐荫镇"])
    assert answer.text.splitlines()[0] == "青禾市柳岸镇反馈问题15项,比青禾市槐荫镇(9项)多6项。"


def test_days_from_the_feedback_to_the_meeting_asked_are_computed_with_both_dates_cited(stored):
    catalogue = stored({
        "liuan.txt": "青禾市柳岸镇党委关于巡察整改情况的通报\n\n2023年3月6日,县委第二巡察组向镇党委反馈了巡察意见。"
                     "3月10日上午,镇党委召开巡察整改动员部署会,明确整改任务。\n",
        "huaiyin.txt": "青禾市槐荫镇党委关于巡察整改情况的通报\n\n2022年12月20日,县委第二巡察组向镇党委反馈了巡察意见。"
                       "1月9日,镇党委专题召开巡察整改工作动员会。\n",
    })
    question = "收到反馈到开整改动员会,柳岸镇和槐荫镇各用了几天?"
    assert read_computed_question(question).metric.key == "feedback_to_event"
    answer = _ask(catalogue, question, ["青禾市柳岸镇", "青禾市槐荫镇"])
    assert answer.text.splitlines()[0] == "青禾市槐荫镇从反馈意见到召开动员会隔了20天,比青禾市柳岸镇(4天)多16天。"
    assert "2022年12月20日反馈→2023年1月9日召开动员会:20天" in _row(answer, "青禾市槐荫镇")  # the year runs on
    assert any(c.quote == "1月9日,镇党委专题召开巡察整改工作动员会" for c in answer.citations)


def test_from_the_inspection_entering_to_the_feedback_counts_from_its_first_day(catalogue):
    question = "石桥区和桃源县,从巡察进驻到反馈各用了多久?"
    assert read_computed_question(question).metric.key == "start_to_feedback"
    answer = _ask(catalogue, question, [SHIQIAO, TAOYUAN])
    assert "2023年3月6日巡察进驻→2023年6月20日反馈:106天" in _row(answer, SHIQIAO), answer.text


def test_rectified_more_thoroughly_asks_for_the_rectified_share():
    assert read_computed_question("石桥区和枫林镇,谁的问题整改得更彻底?").metric.key == "rectified_share"


def test_which_unit_got_its_feedback_first_is_said_with_both_dates_and_the_days_between(catalogue):
    question = "石桥区和枫林镇谁先收到反馈?早几天?"
    assert read_computed_question(question).metric.key == "feedback_day"
    answer = _ask(catalogue, question, [SHIQIAO, FENGLIN])
    assert answer.text.splitlines()[0] == "青禾市枫林镇收到反馈意见的日期为2023年3月2日,比青禾市石桥区(2023年6月20日)早110天。"
    latest = read_computed_question("哪家的通报发布得最晚?")
    assert latest.metric.key == "publish_day" and not latest.ascending
    assert read_computed_question("哪个单位最早被巡察?").metric.key == "start_day"


def test_which_units_state_a_rectified_share_is_a_selection_of_the_units_stating_it(catalogue):
    from assistant.computed_answer import read_computed_questions
    from assistant.plain_words import official_terms

    assert official_terms("哪些单位的通报里写了整改完成率?") == []  # 整改完成 is the notices' word, not 改完
    [plan] = read_computed_questions("哪些单位的通报里写了整改完成率?")
    assert plan.metric.key == "rectified_share" and plan.select == "stated"
    answer = _ask(catalogue, "哪些单位的通报里写了整改完成率?", ALL)
    assert answer.text.splitlines()[0].startswith("通报写明了整改完成比例的单位有")


def test_the_first_superlative_says_the_order_asked():
    plan = read_computed_question("哪个单位追回的钱最多?比最少的多多少?")
    assert plan.metric.key == "money" and not plan.ascending  # 最多 first: the most first
    assert read_computed_question("哪个单位巡察时间最短?").ascending
    assert read_computed_question("柳岸镇和槐荫镇,谁先发的通报?").metric.key == "publish_day"


def test_money_given_back_asked_with_a_bare_退_before_its_kind_is_compared_as_money():
    plan = read_computed_question("石桥区跟桃源县退的津补贴差多少钱")
    assert (plan.metric.key, plan.kind) == ("money", "津补贴|津贴|补贴|补助")
    assert read_computed_question("石桥区跟桃源县退休干部谁多") is None


def test_a_stated_completion_rate_decides_over_a_share_of_measures(stored):
    # One notice states its problems' rate (87.5%) beside a measures sentence with its own in-progress count; the
    # other states 92.3%. The comparison is 92.3% vs 87.5%, never the measures' 43÷47 nor 14÷(14+4).
    college = ("中共青禾学院委员会关于巡察整改进展情况的通报\n\n"
               "截至2024年10月31日，16个问题已完成整改14个，整改完成率87.5%；47项整改措施已完成43项，其余4项正在推进。\n")
    bureau = ("青禾县水利局关于巡察整改情况的通报\n\n巡察组共指出问题13个。截至2024年7月31日，13个问题已整改完成12个，"
              "整改完成率92.3%；38项整改措施已完成35项。\n")
    catalogue = stored({"college.txt": college, "bureau.txt": bureau})
    answer = _ask(catalogue, "整改完成率 学院和水利局谁高 差几个点", ["青禾学院", "青禾县水利局"])
    first = answer.text.splitlines()[0]
    assert "87.5%" in first and "92.3%" in first and "4.8个百分点" in first
    assert "91.5%" not in answer.text and "77.8%" not in answer.text


def test_money_since_the_inspection_is_compared_as_money_not_as_days():
    # "巡察以来" dates the money; only a word of length (几天, 多久, 更长) makes it a question about the inspection's days.
    assert read_computed_question("石桥区退了多少 比枫林镇巡察以来挽回的多多少").metric.key == "money"
    assert read_computed_question("石桥区和枫林镇巡察时间谁长 差多少").metric.key == "inspection_days"


def test_each_units_completion_rate_asked_is_computed_from_the_counts(catalogue):
    answer = _ask(catalogue, "石桥区和桃源县完成率各多少", [SHIQIAO, TAOYUAN])
    assert "18÷20=90%" in _row(answer, SHIQIAO) and "42÷48=87.5%" in _row(answer, TAOYUAN)
    assert read_computed_question("石桥区的整改率分别是多少").metric.key == "rectified_share"
    assert read_computed_question("石桥区反馈的问题各多少") is None  # counts asked, not a share

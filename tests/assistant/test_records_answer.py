"""Figure questions across units answered from notice records: one cited row per unit, silent units named,
rankings within one 口径, sums computed with every part cited, everything else left to the passage answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.records_answer import answer_from_records, scope_for_records
from assistant.records_question import read_figure_question
from assistant.verify import marker_numbers, verify_answer
from index.records import extract_notice_record

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "records"
GOLDEN = Path(__file__).resolve().parent / "golden"
UNITS = ["青禾市云岭区", "东湖高新产业园", "柳林街道", "白沙镇"]


@pytest.fixture(scope="module")
def catalogue(stored):
    """The fixture notices as ingest would store them: rows, records by id, texts by id."""
    return stored({str(path): path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.txt"))})


def _ask(catalogue, question: str, units: list[str] = UNITS):
    notices, records, texts = catalogue
    return answer_from_records(question, question, units, notices, records, texts.get)


def _line_of(answer, unit: str) -> str:
    return next(line for line in answer.text.splitlines() if line.startswith(f"{unit}:"))


def _quote_of(answer, marker: str) -> str:
    number = int(marker.strip("[]"))
    return next(c.quote for c in answer.citations if c.n == number)


def _assert_every_citation_verifies(answer, texts: dict[str, str]) -> None:
    verified = verify_answer(answer, texts.get)
    assert verified.text == answer.text
    assert len(verified.citations) == len(answer.citations)
    assert all(citation.verified for citation in verified.citations)
    assert sorted(marker_numbers(answer.text)) == [c.n for c in answer.citations]


def test_each_unit_gets_one_cited_row_and_units_without_the_figure_are_named(catalogue):
    answer = _ask(catalogue, "各单位分别挽回了多少经济损失?")
    assert _line_of(answer, "青禾市云岭区") == "青禾市云岭区:累计挽回经济损失46.8万元[1]"
    assert _line_of(answer, "东湖高新产业园") == "东湖高新产业园:挽回经济损失125000元[2]"
    assert "未给出该数字的单位:柳林街道、白沙镇。" in answer.text.splitlines()
    assert "46.8万元" in _quote_of(answer, "[1]") and "125000元" in _quote_of(answer, "[2]")
    assert answer.units == ["青禾市云岭区", "东湖高新产业园"]
    _assert_every_citation_verifies(answer, catalogue[2])


def test_a_sum_adds_万元_元_and_chinese_numerals_in_yuan_with_every_part_cited(catalogue):
    answer = _ask(catalogue, "四个单位一共清退或追缴了多少钱?")
    headline = answer.text.splitlines()[0]
    assert headline == "合计(按各单位通报数字计算):51.5万元(515000元)=12.6万元[1]+89000元[2]+三十万元[3]。"
    for marker, part in (("[1]", "12.6万元"), ("[2]", "89000元"), ("[3]", "三十万元")):
        assert part in _quote_of(answer, marker)
    _assert_every_citation_verifies(answer, catalogue[2])


def test_sub_unit_figures_are_listed_under_their_unit_but_never_added(catalogue):
    answer = _ask(catalogue, "四个单位一共清退或追缴了多少钱?")
    assert _line_of(answer, "白沙镇") == "白沙镇:追缴违规资金三十万元[3];其中石桥村:清退2.5万元[4]"
    assert "2.5万元[4]" not in answer.text.splitlines()[0]
    assert "注:下属单位的数字只作列示,未参与比较或合计。" in answer.text


def test_amounts_that_are_not_recovered_money_stay_out_of_the_answer(catalogue):
    # 白沙镇 also writes 涉及违规资金40万元 (involved), 计划…追回剩余10万元 (a plan) and 每人清退500元 (a rate).
    answer = _ask(catalogue, "四个单位一共清退或追缴了多少钱?")
    for wrong in ("40万元", "10万元", "500元"):
        assert wrong not in answer.text


def test_most_compares_only_figures_of_one_family_and_says_which(catalogue):
    answer = _ask(catalogue, "哪个单位新制定的制度最多?")
    headline = answer.text.splitlines()[0]
    assert headline.startswith("按“新制定(新出台、建立)制度”口径比较")
    assert "东湖高新产业园最多:新制定制度十二项[" in headline  # 十二 (12) beats 11
    assert "修订完善制度8项" not in answer.text  # another 口径 is not listed for a question about new rules
    note = next(line for line in answer.text.splitlines() if line.startswith("注:柳林街道"))
    assert "建立健全制度5项" in note and "未参与比较" in note
    assert "未给出该数字的单位:白沙镇。" in answer.text
    _assert_every_citation_verifies(answer, catalogue[2])


def test_least_picks_the_smallest_figure(catalogue):
    answer = _ask(catalogue, "哪个单位挽回的经济损失最少?")
    assert "东湖高新产业园最少:挽回经济损失125000元[" in answer.text.splitlines()[0]


def test_a_unit_with_several_figures_of_one_family_gets_both_readings_of_the_sum(catalogue):
    notices, records, texts = catalogue
    yunling = next(n for n in notices if n.unit == "青禾市云岭区")
    extra = "另清退违规发放的值班费3万元。"
    text = texts[yunling.notice_id] + extra
    record = extract_notice_record(yunling.notice_id, text, yunling.unit).to_dict()
    answer = answer_from_records(
        "各单位一共清退或追缴了多少钱?", "各单位一共清退或追缴了多少钱?", UNITS, notices,
        records | {yunling.notice_id: record}, (texts | {yunling.notice_id: text}).get,
    )
    lines = answer.text.splitlines()
    assert lines[0].startswith("合计(按各单位通报数字计算):各项相加为54.5万元(545000元)=")
    assert lines[1].startswith("其中青禾市云岭区通报了多项此类数字,可能互有包含")
    assert "各取最大一项,则合计为51.5万元(515000元)" in lines[1]


def test_a_unit_stating_its_total_is_summed_by_that_total_not_with_its_parts_again(catalogue):
    notices, records, texts = catalogue
    yunling = next(n for n in notices if n.unit == "青禾市云岭区")
    text = texts[yunling.notice_id] + "巡察以来，共追回、清退各类资金99万元。"
    record = extract_notice_record(yunling.notice_id, text, yunling.unit).to_dict()
    answer = answer_from_records(
        "各单位一共清退或追缴了多少钱?", "各单位一共清退或追缴了多少钱?", UNITS, notices,
        records | {yunling.notice_id: record}, (texts | {yunling.notice_id: text}).get,
    )
    lines = answer.text.splitlines()
    assert lines[0].startswith("合计(按各单位通报数字计算,通报了总数的单位取其总数):")
    assert "99万元[" in lines[0]
    assert "(会重复计算)" in lines[1]


def test_a_unit_stating_no_total_adds_its_items_beside_another_units_total(catalogue):
    notices, records, texts = catalogue
    changed = {"青禾市云岭区": "巡察以来，共追回、清退各类资金99万元。", "东湖高新产业园": "另追回违规报销的差旅费2万元。"}
    records, texts = dict(records), dict(texts)
    for notice in notices:
        if notice.unit in changed:
            texts[notice.notice_id] += changed[notice.unit]
            records[notice.notice_id] = extract_notice_record(notice.notice_id, texts[notice.notice_id],
                                                              notice.unit).to_dict()
    question = "各单位一共清退或追缴了多少钱?"
    answer = answer_from_records(question, question, UNITS, notices, records, texts.get)
    lines = answer.text.splitlines()
    # 99万 (云岭's total, its 12.6万 part not again) + 89000元 + 2万元 (东湖 states no total) + 三十万元
    assert lines[0].startswith("合计(按各单位通报数字计算,通报了总数的单位取其总数,东湖高新产业园没有通报总数,"
                               "把所列各项相加):139.9万元(1399000元)=")
    assert "12.6万元" not in lines[0]
    assert "青禾市云岭区在总数之外另列的分项未重复计入" in lines[1]
    _assert_every_citation_verifies(answer, texts)


def test_a_figure_whose_quote_is_not_in_its_notice_is_never_shown(catalogue):
    notices, records, texts = catalogue
    donghu = next(n for n in notices if n.unit == "东湖高新产业园")
    tampered = dict(records[donghu.notice_id])
    tampered["figures"] = [
        figure | {"quote": figure["quote"].replace("125000", "135000")} for figure in tampered["figures"]
    ]
    answer = answer_from_records(
        "各单位分别挽回了多少经济损失?", "", UNITS, notices, records | {donghu.notice_id: tampered}, texts.get
    )
    assert "东湖高新产业园" in answer.text.splitlines()[-1]  # now among the units not giving it
    assert "135000" not in answer.text and "125000" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "哪些单位清退了违规发放的津补贴?",  # which units, not how much
        "各单位分别是什么时候接受巡察的?",  # no record figure
        "2023年各单位挽回了多少经济损失?",  # records hold no year per figure
        "各单位分别清退了多少津补贴?",  # one kind of money the figures do not break down
        "各单位分别修订了多少项公务用车制度?",  # one kind of rule
        "各单位挽回了多少经济损失,新制定了多少制度?",  # two fields at once
        "哪几个单位挽回了经济损失?",  # counts units
    ],
)
def test_questions_the_records_cannot_answer_safely_return_none(catalogue, question):
    assert _ask(catalogue, question) is None


def test_a_question_about_one_unit_is_left_to_the_passage_answer(catalogue):
    assert _ask(catalogue, "云岭区挽回了多少经济损失?", ["青禾市云岭区"]) is None


def test_two_named_units_are_answered_side_by_side(catalogue):
    answer = _ask(catalogue, "云岭区和白沙镇的经济损失挽回了多少?", ["青禾市云岭区", "白沙镇"])
    assert _line_of(answer, "青禾市云岭区").endswith("累计挽回经济损失46.8万元[1]")
    assert answer.text.splitlines()[-1] == "未给出该数字的单位:白沙镇。"


def test_when_no_unit_states_the_figure_the_passages_answer_instead(catalogue):
    assert _ask(catalogue, "各单位分别立案了多少件?") is None


def test_reading_a_figure_question():
    plan = read_figure_question("哪个单位新制定的制度最多?")
    assert (plan.field, [f.key for f in plan.compared], plan.rank, plan.wants_sum) == ("rules", ["new"], "most", False)
    assert [f.key for f in plan.listed] == ["new_and_revised", "new"]
    plan = read_figure_question("五个单位一共清退或追缴了多少钱?")
    assert (plan.field, [f.key for f in plan.compared], plan.wants_sum) == ("money", ["clawback"], True)
    plan = read_figure_question("哪些单位公布了整改任务的完成数量?分别完成了多少?")
    assert plan.field == "problems_rectified"
    assert plan.fields == ("problems_rectified", "problems_in_progress", "completion_rate")
    assert read_figure_question("哪个单位整改完成率最高?").field == "completion_rate"  # not "完成" (rectified)
    assert read_figure_question("各单位分别还有多少问题未完成整改?").field == "problems_in_progress"
    assert read_figure_question("各单位整改率一共是多少?") is None  # rates are never added


def test_scope_is_the_named_units_or_every_unit_for_questions_across_units():
    assert scope_for_records(["甲", "乙"], False, ["甲", "乙", "丙"]) == ["甲", "乙"]
    assert scope_for_records([], True, ["甲", "乙", "丙"]) == ["甲", "乙", "丙"]
    assert scope_for_records(["甲"], False, ["甲", "乙"]) == []


def test_rendered_sum_answer_matches_the_golden_file(catalogue):
    answer = verify_answer(_ask(catalogue, "四个单位一共清退或追缴了多少钱?"), catalogue[2].get)
    rendered = answer.render_markdown()
    assert rendered == (GOLDEN / "records_answer_sum.md").read_text(encoding="utf-8")
    assert all(re.search(r"「.+」", line) for line in rendered.splitlines() if line.startswith("- ["))


def test_a_question_about_measures_is_never_answered_with_problem_counts():
    assert read_figure_question("各单位分别制定了多少条整改措施?").field == "measures"
    assert read_figure_question("各单位反馈的问题细化为多少项整改任务?").field == "measures"
    assert read_figure_question("各单位巡察反馈了多少个问题?").field == "problems_found"


def test_whose_problems_are_most_is_a_ranking_of_problems_found():
    from assistant.records_question import read_figure_question

    plan = read_figure_question("五个单位里谁的问题最多?")
    assert plan.field == "problems_found" and plan.rank == "most"

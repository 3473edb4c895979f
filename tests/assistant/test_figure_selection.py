"""Which units a figure selects, over the fictional gold notices: a condition on a figure ("追回的钱超过100万"),
a figure stated at all ("谁处分了人?"), or not stated ("哪几个单位没写整改率?"), with each value cited."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.computed_answer import answer_computed, read_computed_question, scope_for_computation
from assistant.figure_selection import read_condition
from assistant.records_answer import answer_from_records
from assistant.verify import marker_numbers, verify_answer
from index.catalog import NoticeRow

NOTICES = Path(__file__).resolve().parents[2] / "bench" / "gold" / "notices"


@pytest.fixture(scope="module")
def catalogue(stored):
    """The fictional gold notices as ingest stores them: rows, records by id, texts by id."""
    return stored({str(path): path.read_text(encoding="utf-8") for path in sorted(NOTICES.glob("*.txt"))})


def _units(catalogue) -> list[str]:
    notices: list[NoticeRow] = catalogue[0]
    return sorted({n.unit for n in notices})


def _ask(catalogue, question: str):
    """The answer a question gets from the computed answerer, else the records one, citations checked."""
    notices, records, texts = catalogue
    units = scope_for_computation(question, [], _units(catalogue))
    answer = answer_computed(question, question, units, notices, records, texts.get) if units else None
    if answer is None:
        answer = answer_from_records(question, question, _units(catalogue), notices, records, texts.get)
    assert answer is not None, question
    verified = verify_answer(answer, texts.get)
    assert all(c.verified for c in verified.citations)
    assert sorted(set(marker_numbers(answer.text))) == [c.n for c in answer.citations]
    return answer


def _listed(line: str) -> list[str]:
    """The units a conclusion line lists ("…的单位有2个:甲412.6万元、乙286.4万元。")."""
    listing = line.split(":", 1)[1].rstrip("。")
    return [re.sub(r"[\d.]+(?:万元|项|个|人|%|天)$", "", item) for item in listing.split("、")]


def _row_quotes(answer, unit: str) -> list[str]:
    row = next(line for line in answer.text.splitlines() if line.startswith(f"| {unit} |"))
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", row)}
    return [c.quote for c in answer.citations if c.n in numbers]


@pytest.mark.parametrize(("question", "op", "number", "unit"), [
    ("哪些单位追回的钱超过100万?", ">", Decimal(1_000_000), "元"),
    ("发现问题超过30个的有哪几家?", ">", Decimal(30), ""),
    ("整改完成率没到100%的是谁?", "<", Decimal(100), "%"),
    ("新建制度10项以上的单位", ">=", Decimal(10), ""),
    ("整改率不低于百分之九十的单位", ">=", Decimal(90), "%"),
    ("有没有单位两个月内就发了通报", "<=", Decimal(60), "天"),
    ("处分不超过两人的有哪些", "<=", Decimal(2), ""),
    ("追回资金过百万的单位有哪些?", ">", Decimal(1_000_000), "元"),
    ("追回超过1.5亿的", ">", Decimal(150_000_000), "元"),
])
def test_conditions_are_read_with_their_number_in_one_unit(question, op, number, unit):
    condition = read_condition(question)
    assert (condition.op, condition.number, condition.unit) == (op, number, unit)


@pytest.mark.parametrize("question", ["2023年以来哪些单位追回了违规资金?", "哪些单位清退了违规发放的津补贴?",
                                      "哪些单位开展过3次以上督查?"])
def test_years_and_plain_which_units_questions_are_no_condition(question):
    assert read_condition(question) is None


def test_money_over_a_threshold_lists_the_units_above_it_and_the_rest_with_their_cited_figures(catalogue):
    answer = _ask(catalogue, "哪些单位追回的钱超过100万?")
    first, second = answer.text.splitlines()[:2]
    assert first.startswith("金额超过100万元的单位有2个")
    assert _listed(first) == ["柘江经济开发区", "鹤州市城市建设投资集团有限公司"]
    assert "青岚县交通运输局12.6万元" in second  # below it, still shown with its figure
    assert any("412.6万元" in quote for quote in _row_quotes(answer, "柘江经济开发区"))


def test_problems_over_a_count_compare_the_stated_problem_totals(catalogue):
    answer = _ask(catalogue, "发现问题超过30个的有哪几家?")
    first = answer.text.splitlines()[0]
    assert _listed(first) == ["鹤州市城市建设投资集团有限公司"]  # 32; 鹤州市卫健委's 30 is not over 30
    assert "鹤州市卫健委30个" in answer.text.splitlines()[1]


def test_a_rate_below_a_bar_is_computed_for_units_that_state_only_counts(catalogue):
    answer = _ask(catalogue, "整改完成率不到90%的单位有哪些?")
    first = answer.text.splitlines()[0]
    assert set(_listed(first)) == {"丹枫乡", "鹤州市临溪区望津街道", "云岫县白鹭湾镇"}
    assert "15÷17=88.2%" in answer.text  # 白鹭湾镇 states no rate: computed from its counts


def test_who_sanctioned_anyone_lists_the_units_stating_it_and_names_the_silent_ones(catalogue):
    answer = _ask(catalogue, "谁处分了人?")
    lines = answer.text.splitlines()
    assert "党纪政务处分" in lines[0] and "柘江经济开发区5人" in lines[0]
    assert "丹枫乡的通报未写明党纪政务处分的数字,无法计算。" in lines
    assert "丹枫乡" not in _listed(lines[0])


def test_which_units_did_not_state_a_rate(catalogue):
    answer = _ask(catalogue, "哪些单位没有公布整改完成率?")
    first = answer.text.splitlines()[0]
    assert first.startswith("通报没有写明“整改率”数字的单位有")
    assert "丹枫乡" not in first and "青岚县交通运输局" not in first  # both state one
    assert "云岫县白鹭湾镇" in first


def test_an_order_in_plain_words_ranks_every_unit(catalogue):
    answer = _ask(catalogue, "各单位追回的钱排个名")
    assert answer.text.startswith("按金额从多到少:柘江经济开发区412.6万元、鹤州市城市建设投资集团有限公司286.4万元")


@pytest.mark.parametrize("question", [
    "哪些单位对违规吃喝的人给予了处分?",  # a kind of case the figures do not break down
    "哪些单位清退了违规发放的津补贴?",
    "处分了谁?",  # a person, not a unit
])
def test_questions_about_more_than_the_figure_are_not_selections(question):
    plan = read_computed_question(question)
    assert plan is None or not plan.select


def test_a_rectified_count_is_divided_only_by_the_total_its_own_clause_names(stored):
    """"22个问题已完成整改20个" beside "制定整改措施64条": 20÷22, never 20÷64."""
    fresh2 = NOTICES.parent / "fresh2" / "notices"
    catalogue = stored({str(path): path.read_text(encoding="utf-8") for path in sorted(fresh2.glob("*.txt"))})
    answer = _ask(catalogue, "整改完成率不到91%的单位有哪些?")
    assert "岑州市市场监督管理局90.9%" in answer.text.splitlines()[0]
    assert "20÷64" not in answer.text


def test_done_within_a_time_needs_the_days_and_every_problem_rectified(stored):
    """"六个月内就整改完了": 枫林镇 (12 of 12 rectified, 172 days feedback→notice) qualifies; 石桥区 (111 days, 18 of 20) does not."""
    computed = Path(__file__).resolve().parents[1] / "fixtures" / "computed"
    catalogue = stored({str(path): path.read_text(encoding="utf-8") for path in sorted(computed.glob("*.txt"))})
    answer = _ask(catalogue, "有没有单位六个月内就整改完了?")
    lines = answer.text.splitlines()
    assert lines[0] == "青禾市枫林镇在六个月内写明问题全部整改完成(见下)。"
    assert any(line.startswith("整改完成比例达到100%的单位有1个:青禾市枫林镇100%") for line in lines)
    assert any(line.startswith("反馈到发布的天数不超过180天的单位有2个") for line in lines)


def test_one_way_of_handling_people_lists_only_figures_labelled_with_it(catalogue):
    answer = _ask(catalogue, "哪些单位写了诫勉了几个人?")
    unit_lines = [line for line in answer.text.splitlines()[1:] if ":" in line and not line.startswith("未给出")]
    assert unit_lines and all("诫勉" in line and "组织处理" not in line for line in unit_lines)
    silent = next(line for line in answer.text.splitlines() if line.startswith("未给出该数字的单位"))
    assert "鹤州市临溪区望津街道" in silent  # it states 组织处理3人, never 诫勉


def test_a_count_of_cases_compares_cases_not_people(catalogue):
    answer = _ask(catalogue, "立案超过3件的单位")
    assert answer.text.splitlines()[0] == "“立案”超过3件的单位有1个:柘江经济开发区5件。"

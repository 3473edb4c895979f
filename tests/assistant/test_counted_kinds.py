"""A count of a kind of unit ("两个局") stands for the held units of that kind when exactly that many are held."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.counted_kinds import name_counted_kinds

TAX, CULTURE, SCHOOL = "青禾区税务局", "青禾区文化广电和旅游局", "青禾区柳林中心小学"
DIRECTORY = SimpleNamespace(units=[TAX, CULTURE, SCHOOL], mentions=lambda text: [])


@pytest.mark.parametrize("question", ["意识形态那块两个局咋改的", "这俩局谁追回的钱多", "那两个局的问题有哪些"])
def test_two_bureaus_asked_with_two_held_are_both_asked_of(question):
    asked, note = name_counted_kinds(question, DIRECTORY)
    assert f"{TAX}和{CULTURE}" in asked
    assert note.endswith(f"按{TAX}、{CULTURE}理解。")  # in the library's order of units


@pytest.mark.parametrize("question", ["三个局咋改的", "两家医院呢", "两个方面的问题", "两所小学的食堂"])
def test_a_count_that_is_no_kind_or_not_the_number_held_names_no_unit(question):
    assert name_counted_kinds(question, DIRECTORY) == (question, "")


def test_a_chain_answers_both_counted_units_and_says_how_it_read_them(chain_over):
    notice = (
        "中共{unit}党组关于巡察整改情况的通报\n"
        "根据区委统一部署，区委第二巡察组对{unit}进行了巡察。\n"
        "一、意识形态工作\n巡察指出，{unit}意识形态工作责任制落实不到位。整改中，{unit}{measure}。\n"
    )
    chain_over("tax.txt", notice.format(unit=TAX, measure="修订意识形态工作责任清单，每季度专题研究1次"))
    chain = chain_over("culture.txt", notice.format(unit=CULTURE, measure="建立阵地管理台账，开展专项检查2次"))
    answer = chain.ask("意识形态那块两个局咋改的?")
    assert answer.notice.startswith("“两个局”按") and TAX in answer.notice and CULTURE in answer.notice
    assert not answer.not_found and set(answer.units) == {TAX, CULTURE}, answer.text
    assert "每季度专题研究1次" in answer.text and "意识形态工作责任制落实不到位" in answer.text


def test_a_count_summing_up_units_already_named_is_left_as_it_is():
    named = SimpleNamespace(units=[TAX, CULTURE], mentions=lambda text: [(0, 3, TAX)] if "税务局" in text else [])
    question = "税务局和文旅局这两个局谁追回的多"
    assert name_counted_kinds(question, named) == (question, "")


SASAC_A, SASAC_B = "蘅川市国资委", "棠溪市国资委"
ORGANS = SimpleNamespace(units=[SASAC_A, "蘅川市教育局", SASAC_B], mentions=lambda text: [])


@pytest.mark.parametrize("question", ["两个国资委从巡察结束到反馈 哪个拖得久", "这俩国资委谁措施多", "两家国资委 咋改的"])
def test_a_count_of_an_organs_short_name_stands_for_the_held_organs_of_that_name(question):
    asked, note = name_counted_kinds(question, ORGANS)
    assert f"{SASAC_A}和{SASAC_B}" in asked and "教育局" not in asked
    assert note.endswith(f"按{SASAC_A}、{SASAC_B}理解。")


@pytest.mark.parametrize("question", ["三个国资委咋改的", "两个卫健委呢", "两个小区的物业"])
def test_a_count_of_an_organ_name_not_held_that_many_times_names_no_unit(question):
    assert name_counted_kinds(question, ORGANS) == (question, "")

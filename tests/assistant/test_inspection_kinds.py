"""Which-units questions about how units were inspected, on fictional notices: "接受的是巡视,不是巡察" lists the
units whose notices call their inspection 巡视, each cited by the sentence saying it was inspected; an inspection
reaching the villages asked in plain words; who left a phone number (only a number answers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chain import AnswerChain
from assistant.unit_kinds import about_the_kind_only, asked_inspection_kind
from tests.conftest import unit_line_of as line_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "inspection_kinds"
HEXI, SHUIWU, BAITA, KANGNING = "澄水市河西区", "澄水市水务局", "澄水市白塔镇", "澄水市康宁医院"


@pytest.fixture
def chain(chain_over_folder) -> AnswerChain:
    return chain_over_folder(FIXTURES)


def test_units_inspected_by_a_巡视组_are_listed_with_the_sentence_saying_so(chain):
    answer = chain.ask("有哪些单位被巡视而不是被巡察?")

    assert answer.text.splitlines()[0] == "通报写明接受巡视的单位有2个："
    assert line_of(answer.text, HEXI) and line_of(answer.text, SHUIWU)
    assert not line_of(answer.text, BAITA) and not line_of(answer.text, KANGNING)
    quotes = {c.unit: c.quote for c in answer.citations}
    assert "对河西区开展了常规巡视" in quotes[HEXI]
    # The first 巡视组 of the notice is a bare one; the sentence saying when it inspected the unit is cited.
    assert "对市水务局党组开展了巡视" in quotes[SHUIWU]


def test_a_kind_of_unit_asked_with_资料里_lists_the_held_units_of_that_kind(chain):
    answer = chain.ask("资料里有哪几家医院被巡察过?")

    assert answer.text.splitlines()[0] == "资料库中有1个医院的通报："
    assert "区委第四巡察组" in line_of(answer.text, KANGNING)


@pytest.mark.parametrize(("question", "kind"), [
    ("有哪些单位被巡视而不是被巡察?", "巡视"),
    ("哪几家是被省委巡视的?", "巡视"),
    ("哪些单位是巡察而不是巡视?", "巡察"),
    ("哪些单位在巡视整改中追回了钱?", ""),  # 巡视 names the work, not a kind asked for
    ("有哪些单位被巡察了?", ""),
    ("巡视组对哪些问题不是很满意?", ""),
])
def test_a_kind_of_inspection_is_read_only_when_asked_for(question, kind):
    assert asked_inspection_kind(question) == kind


def test_where_the_user_says_the_notices_are_is_no_topic():
    assert about_the_kind_only("资料里有哪几家医院被巡察过?")
    assert not about_the_kind_only("资料里有哪些医院清退了补贴?")


def test_an_inspection_reaching_the_villages_asked_in_plain_words_finds_the_unit_saying_so(chain):
    answer = chain.ask("此次巡察顺带把下面的村也巡了的是哪几家?")

    assert "巡乡带村" in line_of(answer.text, BAITA)
    assert not any(line_of(answer.text, unit) for unit in (HEXI, SHUIWU, KANGNING))


def test_asked_who_left_a_phone_number_only_a_number_or_address_answers(chain):
    answer = chain.ask("哪几家单位在通报里公布了电话?")

    assert "0000-6612345" in line_of(answer.text, KANGNING)
    assert not line_of(answer.text, HEXI)  # 值班电话无人接听: a phone, but no number to call


def test_the_organ_asked_narrows_the_kind_of_inspection(chain):
    answer = chain.ask("哪些单位是省委巡视的?")

    assert answer.text.splitlines()[0] == "通报写明接受省委巡视的单位有1个："
    assert line_of(answer.text, HEXI) and not line_of(answer.text, SHUIWU)  # 水务局's team came from the 市委

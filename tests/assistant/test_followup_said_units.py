"""Follow-ups that switch to a unit told apart by how the user sees it: its level alone ("乡里那个呢") or words
in front of a pointer ("繁体字那个医保局呢"); the last question's topic carries over (FICTIONAL units)."""

from __future__ import annotations

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.followup import condense_with_rules
from assistant.units import UnitDirectory

TOWNSHIP = "白沙县苇塘乡"
SCHOOL = "白沙县芦湾镇中心小学"  # sits in a 镇, is no 镇
BUS = "漱州市公共交通集团有限公司"
INSURANCE = "芷水縣醫療保障局"
COLLEGE = "漱州职业技术学院"


def directory(*units: str) -> UnitDirectory:
    units = units or (TOWNSHIP, SCHOOL, BUS, INSURANCE, COLLEGE)
    return UnitDirectory([NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
                          for i, unit in enumerate(units)])


def _exchange(*turns: str) -> list[dict]:
    return [{"role": ("user", "assistant")[i % 2], "content": text} for i, text in enumerate(turns)]


def test_a_unit_told_by_its_own_level_alone_is_asked_the_last_question():
    history = _exchange("漱州公交还有几个问题没整改完", "还有3个问题正在推进。")
    assert condense_with_rules(history, "乡里那个呢", directory()) == f"{TOWNSHIP}还有几个问题没整改完"


def test_a_level_alone_names_no_unit_merely_sitting_in_one_nor_one_of_several():
    history = _exchange("漱州公交还有几个问题没整改完", "还有3个问题正在推进。")
    assert SCHOOL not in condense_with_rules(history, "镇上那个呢", directory())
    two_townships = directory(TOWNSHIP, "白沙县荻港乡", BUS)
    asked = condense_with_rules(history, "乡里那个呢", two_townships)
    assert TOWNSHIP not in asked and "荻港" not in asked


def test_words_before_a_pointer_tell_the_unit_apart_and_the_topic_carries():
    history = _exchange("漱州职院巡察反馈是啥时候", "2024年6月14日反馈。")
    asked = condense_with_rules(history, "繁体字那个医保局呢", directory())
    assert asked.startswith(INSURANCE) and "反馈" in asked and "繁体字" not in asked


def test_which_townships_of_a_figure_the_last_answer_gave_stays_with_its_unit():
    district = "漱州市荻原新区"
    history = _exchange("荻原新区还有多少户危房没改造", "共摸排危房310户,未改造的96户;今年计划改造45户。")
    asked = condense_with_rules(history, "今年那45户分在哪些乡镇", directory(district, TOWNSHIP, BUS))
    assert asked.startswith(district) and "45户" in asked
    # no figure the last answer gave: which townships of the library
    assert not condense_with_rules(history, "那12户分在哪些乡镇", directory(district, TOWNSHIP, BUS)).startswith(district)


def test_a_channel_named_after_the_unit_is_where_it_said_it_and_the_topic_carries():
    history = _exchange("漱州公交追回多少钱", "追回违规发放补贴3.2万元。")
    for asked_as in ("医保局那个公众号呢", "医保局的网站呢", "那医保局的讲话呢"):
        asked = condense_with_rules(history, asked_as, directory())
        assert asked.startswith(INSURANCE) and "追回" in asked, asked
        assert not any(word in asked for word in ("公众号", "网站", "讲话")), asked


def test_a_channel_with_a_question_of_its_own_stays_the_topic():
    history = _exchange("漱州公交追回多少钱", "追回违规发放补贴3.2万元。")
    asked = condense_with_rules(history, "医保局公众号有啥问题", directory())
    assert "公众号" in asked

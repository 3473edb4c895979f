"""A kind word beside another unit ("学院和教育局") names the one unit of that kind the library holds; with two of
the kind, or asked on its own as a kind ("哪些学院"), it names none."""

from __future__ import annotations

from assistant.units import UnitDirectory
from index.catalog import NoticeRow
from index.metadata import NoticeMetadata


def _directory(*units: str) -> UnitDirectory:
    return UnitDirectory(
        NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
        for i, unit in enumerate(units)
    )


def test_the_only_college_is_named_by_its_kind_beside_another_unit():
    directory = _directory("檀州学院", "青麓县教育局", "青麓县林业局")
    assert set(directory.find_units("采购这块 学院和教育局都被说了啥")) == {"檀州学院", "青麓县教育局"}
    assert set(directory.find_units("食堂 学院和林业局各啥问题")) == {"檀州学院", "青麓县林业局"}


def test_a_kind_word_names_nothing_when_two_units_are_of_the_kind():
    directory = _directory("檀州学院", "柘江职业技术学院", "青麓县教育局")
    assert directory.find_units("学院和教育局都被说了啥") == ["青麓县教育局"]


def test_the_only_college_named_second_is_found_before_how_it_is_asked():
    directory = _directory("檀州学院", "青麓县农村信用合作联社", "青麓县林业局")
    for question in ("岗位交流 信用社和学院咋改的", "林业局和学院各怎么整改的", "林业局和学院都被批评了啥"):
        assert set(directory.find_units(question)) >= {"檀州学院"}, question
    assert set(directory.find_units("林业局和学院怎么整改的")) == {"檀州学院", "青麓县林业局"}

"""People's organisations (群团组织: 红十字会, 总工会) are units a question names, by full kind or the short
form people use ("红会"), also before the inspection group sent to them ("红会巡察组")."""

from __future__ import annotations

from assistant.units import UnitDirectory
from index.catalog import NoticeRow
from index.metadata import NoticeMetadata


def _directory(*units: str) -> UnitDirectory:
    return UnitDirectory(
        NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
        for i, unit in enumerate(units)
    )


def test_a_red_cross_society_is_named_by_its_kind_or_short_form_beside_another_unit():
    directory = _directory("蘅川市红十字会", "蘅川市消防救援支队", "棠溪县林业局")
    for question in ("林业局和红十字会完成率谁高", "反馈到发通报 林业局和红会哪家快 差几天"):
        assert set(directory.find_units(question)) == {"蘅川市红十字会", "棠溪县林业局"}, question


def test_a_red_cross_society_before_the_group_inspecting_it_is_the_unit_asked_about():
    directory = _directory("蘅川市红十字会", "棠溪县林业局")
    assert set(directory.find_units("林业局和红会巡察组各待了几天 谁长")) == {"蘅川市红十字会", "棠溪县林业局"}


def test_the_committee_sending_the_group_is_still_not_a_unit_asked_about():
    directory = _directory("蘅川市委员会", "棠溪县林业局")
    assert directory.find_units("林业局被市委第二巡察组巡察了几天") == ["棠溪县林业局"]


def test_a_federation_of_trade_unions_is_named_by_its_kind():
    directory = _directory("蘅川市总工会", "棠溪县林业局")
    assert set(directory.find_units("林业局和总工会各退了多少钱")) == {"蘅川市总工会", "棠溪县林业局"}

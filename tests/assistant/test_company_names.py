"""A company asked by its trade name alone ("云帆置业…"), on fictional units."""

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.company_names import company_trade_name
from assistant.units import UnitDirectory


def _directory(*units: str) -> UnitDirectory:
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
            for i, unit in enumerate(units)]
    return UnitDirectory(rows)


def test_a_company_asked_by_its_trade_name_is_that_company_and_the_reading_is_said():
    held = _directory("棠州云帆置业有限公司", "蘅川县棠溪镇")

    assert held.find_units("云帆置业清收了多少购房款") == ["棠州云帆置业有限公司"]
    assert "“云帆置业”按棠州云帆置业有限公司理解" in held.short_forms_read("云帆置业清收了多少购房款")


def test_a_trade_name_too_short_or_ending_in_a_kind_is_not_taken_apart():
    assert company_trade_name("棠州云帆置业有限公司") == "云帆置业"
    assert company_trade_name("棠州云帆有限公司") == ""
    assert company_trade_name("棠州市城市建设投资集团有限公司") == ""
    assert company_trade_name("蘅川县棠溪镇") == ""

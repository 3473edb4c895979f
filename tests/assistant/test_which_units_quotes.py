"""A which-units line quotes the asked figures whole: a breakdown between two quotes, and the other bodies'
amounts of the asked act in the quote's paragraph (FICTIONAL text)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.evidence import Evidence
from assistant.which_units_quotes import completed_line

TEXT = (
    "四、关于经费管理的问题\n"
    "整改情况:经核查,未登记入账的设备共计41260元。其中电脑5台,18300元;车辆1台,22960元。现已全部补记台账。\n"
    "青苇社区现已退回误餐补助6200元、交通补助1850元。责令青苇社区作出检查。芦荻派出所已全部退回24000元,"
    "蒲口派出所已全部退回31500元。对会计人员予以提醒谈话。\n"
)
DOCUMENT = Document(page_content=TEXT, metadata={"notice_id": "n1", "unit": "白洲县芦荻镇"})


def _quote(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(DOCUMENT, start, start + len(sentence), sentence, 1.0, True)


def _line(quotes: list[Evidence], question: str) -> list[str]:
    return [e.text for e in completed_line(quotes, question, lambda _: TEXT, join_gap_chars=30, more_figures=2)]


def test_two_quotes_a_short_breakdown_apart_are_quoted_as_one_with_it():
    quotes = [_quote("未登记入账的设备共计41260元。"), _quote("现已全部补记台账。")]

    assert _line(quotes, "哪些单位设备没入账?各补记了多少?") == ["未登记入账的设备共计41260元。其中电脑5台,18300元;车辆1台,22960元。现已全部补记台账。"]


def test_other_bodies_amounts_of_the_asked_act_in_the_paragraph_are_quoted_too():
    line = _line([_quote("青苇社区现已退回误餐补助6200元、交通补助1850元。")], "哪些单位退回了违规发放的补助?")

    assert any("芦荻派出所已全部退回24000元" in quote and "蒲口派出所已全部退回31500元" in quote for quote in line)
    assert not any("提醒谈话" in quote or "作出检查" in quote for quote in line)


def test_an_amount_of_an_act_not_asked_brings_nothing():
    line = _line([_quote("青苇社区现已退回误餐补助6200元、交通补助1850元。")], "哪些单位发放了补助?")

    assert line == ["青苇社区现已退回误餐补助6200元、交通补助1850元。"]

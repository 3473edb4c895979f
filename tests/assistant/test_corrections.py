"""A fictional notice's 补充说明 correcting figures it stated: an answer quoting a corrected phrase says what it
should read, cited to the correction; answers quoting nothing corrected are unchanged."""

from __future__ import annotations

from assistant.answer import Answer, Citation
from assistant.corrections import corrections_in, with_corrections

NOTICE = (
    "中共蘅川县自然资源局党组关于巡察整改情况的通报\n\n"
    "二、整改情况\n\n"
    "整改中，已追回违规发放的值班补助7.3万元；对相关责任人进行诫勉谈话。\n\n"
    "三、整改成效\n\n"
    "通过整改，共挽回经济损失20万元；建立制度5项。\n\n"
    "补充说明：经核实，第二部分中“已追回违规发放的值班补助7.3万元”有误，应为3.7万元；"
    "相应地，第三部分“共挽回经济损失20万元”应为16.4万元。特此说明。\n"
)
PLAIN = "中共蘅川县棠溪镇委员会关于巡察整改情况的通报\n\n整改中，清退违规补贴2.1万元。文件中“棠溪”应为镇名简称。\n"
TEXTS = {"n1": NOTICE, "n2": PLAIN}


def _answer(notice_id: str, quote: str) -> Answer:
    text = TEXTS[notice_id]
    start = text.index(quote)
    citation = Citation(1, notice_id, "通报", "蘅川县自然资源局", "", quote, start, start + len(quote), True)
    return Answer("问", "问", f"- {quote}[1]", [citation], "extractive")


def test_a_quote_of_a_corrected_figure_is_followed_by_every_correction_of_that_sentence_cited():
    answer = with_corrections(_answer("n1", "整改中，已追回违规发放的值班补助7.3万元；"), TEXTS.get)
    assert "应为3.7万元" in answer.text and "应为16.4万元" in answer.text  # the total corrected with it
    correction = answer.citations[1]
    assert NOTICE[correction.start : correction.end] == correction.quote and "有误，应为3.7万元" in correction.quote
    assert "[2]" in answer.text


def test_a_quote_the_correction_does_not_touch_or_a_quote_that_is_no_figure_is_unchanged():
    untouched = _answer("n1", "建立制度5项。")
    assert with_corrections(untouched, TEXTS.get).text == untouched.text
    assert corrections_in(PLAIN) == []  # “棠溪”应为… names no figure and is no erratum

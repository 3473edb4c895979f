"""A unit reported in a section of another unit's notice answers for itself (fictional notices)."""

from langchain_core.documents import Document

from assistant.records_table import Stated, UnitFigures
from assistant.retriever import UnitEvidence
from assistant.section_evidence import as_asked, of_asked_section, sections_named, with_section_units
from index.catalog import NoticeRow
from index.documents import NoticeMetadata
from index.records import Figure

CENTRE = "青禾市文物保护中心"
METADATA = NoticeMetadata(unit="青禾市文化和旅游局", aliases=[], sub_units=[CENTRE, "市文物保护中心", "文物保护中心"])


def passage(text: str, unit: str) -> Document:
    return Document(page_content=text, metadata={"notice_id": "n1", "unit": unit, "similarity": 0.8, "coverage": 0.5})


def test_a_which_units_answer_lists_the_centre_on_its_own_line_and_the_bureau_keeps_its_own():
    bureau = passage("局机关化解信访积案2件。", "青禾市文化和旅游局")
    centre = passage("中心化解信访积案3件。", CENTRE)
    rows = with_section_units([UnitEvidence("青禾市文化和旅游局", [bureau, centre], 0.8, 0.5, True)])
    assert [(r.unit, [d.page_content for d in r.documents]) for r in rows] == [
        ("青禾市文化和旅游局", ["局机关化解信访积案2件。"]), (CENTRE, ["中心化解信访积案3件。"])]
    assert all(r.qualifies for r in rows)


def test_a_rounds_publisher_whose_found_passages_are_all_its_units_is_no_row():
    town = passage("柳岸镇化解信访积案4件。", "柳岸镇")
    rows = with_section_units([UnitEvidence("白石县", [town], 0.8, 0.5, True)])
    assert [r.unit for r in rows] == ["柳岸镇"]


def test_a_question_naming_the_centre_is_answered_from_its_section_only():
    bureau = passage("整改完成率91.7%。", "青禾市文化和旅游局")
    centre = passage("整改完成率66.7%。", CENTRE)
    kept = of_asked_section("那文物保护中心完成率多少", [bureau, centre], {"n1": METADATA})
    assert [d.page_content for d in kept] == ["整改完成率66.7%。"]
    whole = of_asked_section("青禾市文化和旅游局完成率多少", [bureau, centre], {"n1": METADATA})
    assert len(whole) == 2


def test_the_centres_figures_answer_for_the_centre_and_the_bureaus_question_keeps_both_labelled():
    row = NoticeRow("n1", "/x/n1.txt", "n1.txt", "", "青禾市文化和旅游局", METADATA, 3, "ready", 0.0)
    own = Stated(Figure(field="completion_rate", label="整改完成率", value=91.7, unit="%", text="91.7%", start=0, end=5, quote="91.7%"), row, "rate")
    sub = Stated(Figure(field="completion_rate", label="整改完成率", value=66.7, unit="%", text="66.7%", start=9, end=14, quote="66.7%",
                        scope=CENTRE), row, "rate")
    found = UnitFigures("青禾市文化和旅游局", True, [own], [sub])
    asked = as_asked(found, "文物保护中心完成率多少")
    assert asked.unit == CENTRE and [s.figure.value for s in asked.own] == [66.7] and asked.sub_unit == []
    assert as_asked(found, "青禾市文化和旅游局完成率多少") is found


ROUND = NoticeMetadata(unit="白石县", aliases=[], sub_units=["白石县文化馆", "县文化馆", "文化馆", "柳岸镇", "白石县水务局"])


def test_two_units_of_one_round_notice_are_compared_each_from_its_own_section():
    from assistant.retriever import RetrievalResult
    from assistant.section_evidence import compare_sections, sections_named

    question = "柳岸镇和县文化馆谁的整改完成率高"
    names = sections_named(question, {"n1": ROUND}, ["n1"])
    assert names == ["柳岸镇", "县文化馆"]
    museum = passage("整改完成率80%。", "白石县文化馆")
    town = passage("整改完成率95%。", "柳岸镇")
    water = passage("整改完成率70%。", "白石县水务局")
    result = RetrievalResult(question=question, documents=[])
    compare_sections(result, UnitEvidence("白石县", [museum, water, town], 0.8, 0.5, True), names)
    assert [(r.unit, [d.page_content for d in r.documents]) for r in result.per_unit] == [
        ("柳岸镇", ["整改完成率95%。"]), ("白石县文化馆", ["整改完成率80%。"])]
    assert result.units_named == ["柳岸镇", "白石县文化馆"] and result.comparison


def test_a_question_naming_one_unit_of_a_round_is_no_comparison():
    assert sections_named("县文化馆整改完成率多少", {"n1": ROUND}, ["n1"]) == []


def test_a_round_unit_shortened_as_people_say_it_is_said():
    from assistant.section_evidence import sections_said

    pairs = [("白石县水利局", "白石县水利局"), ("白石县水利局", "白石县退役军人事务局"), ("白石县水利局", "白石县机关事务服务中心")]
    said = sections_said("退役军人局和机关事务中心完成率谁高", pairs)
    assert [section for _, section in said] == ["白石县退役军人事务局", "白石县机关事务服务中心"]
    assert sections_said("档案馆完成率多少", pairs) == []


def test_a_towns_own_passage_is_not_the_section_of_a_village_asked_for():
    from assistant.section_evidence import of_section

    assert not of_section("蘅川县棠溪镇", "蘅川县棠溪镇石桥村")
    assert of_section("蘅川县棠溪镇石桥村", "石桥村")

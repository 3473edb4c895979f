"""A round office's notice reporting several units: each unit's figures are its own section's (fictional notice)."""

from dataclasses import replace

from assistant.records_answer import answer_from_records

ROUND = (
    "关于县委第七轮巡察三个被巡察单位整改情况的通报\n\n"
    "县委第七轮巡察对县水利局、县机关事务服务中心、县档案馆3个单位党组织开展了常规巡察。现将整改情况通报如下。\n\n"
    "一、白石县水利局\n\n县委第一巡察组向县水利局党组反馈巡察意见，指出10个问题。已完成整改9个，整改完成率90%。\n\n"
    "二、白石县机关事务服务中心\n\n县委第二巡察组向中心党支部反馈巡察意见，指出8个问题。已完成整改6个，整改完成率75%。\n\n"
    "三、白石县档案馆\n\n县委第三巡察组向县档案馆党支部反馈巡察意见，指出5个问题。已完成整改5个，整改完成率100%。\n\n"
    "四、总体情况\n\n3个单位共反馈问题23个，已完成整改20个，整体完成率87%。\n\n"
    "中共白石县委巡察工作领导小组办公室\n2025年2月10日\n"
)


def test_the_first_unit_of_a_round_gets_its_own_sections_rate_not_the_rounds_or_its_peers(stored):
    notices, records, texts = stored({"/round/n1.txt": ROUND})
    unit = "白石县水利局"  # the notice read as its first unit's, as a title naming no unit may be
    notices = [replace(row, unit=unit, metadata=replace(row.metadata, unit=unit)) for row in notices]
    answer = answer_from_records("完成率多少", "完成率多少", [unit], notices, records, texts.get)
    assert answer is not None
    assert "90%" in answer.text
    assert not any(rate in answer.text for rate in ("87%", "75%", "100%"))

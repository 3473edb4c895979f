"""Problems found and done added over the parts of one unit's fictional notices (a bureau's own offices and its
subordinate centre; a town's first round and its 回头看): the combined counts and rate, every part cited."""

from __future__ import annotations

import pytest

from assistant.combined_progress import answer_combined_progress, asks_combined_progress
from assistant.verify import verify_answer

BUREAU = "青禾市文化和旅游局"
JOINT = (
    "中共青禾市文化和旅游局党组关于局机关及下属市文物保护中心巡察整改情况的通报\n\n"
    "2024年4月1日至5月30日，市委第三巡察组对青禾市文化和旅游局党组开展了常规巡察，"
    "并对局属事业单位青禾市文物保护中心开展了延伸巡察，分别向局党组和市文物保护中心反馈了巡察意见。\n\n"
    "一、局机关整改情况\n\n"
    "截至2024年10月31日，局机关12个问题已完成整改11个，整改完成率91.7%。清退违规发放的节日补贴3.5万元。\n\n"
    "二、市文物保护中心整改情况\n\n"
    "巡察组向中心反馈6个问题，已完成整改3个，整改完成率50%。中心退还多收门票费用2.4万元。\n\n"
    "中共青禾市文化和旅游局党组\n2024年11月20日\n"
)
TOWN = "白石县柳岸镇"
ROUNDS = (
    "中共白石县柳岸镇委员会关于巡察整改和“回头看”整改情况的通报\n\n"
    "县委第二巡察组于2023年5月对柳岸镇开展巡察，共指出问题10个。截至2023年12月31日，10个问题已整改完成9个，完成率90%。\n\n"
    "2024年6月，县委巡察组对柳岸镇开展“回头看”，指出问题6个。截至2024年11月30日，6个问题已整改完成5个。\n\n"
    "中共白石县柳岸镇委员会\n2024年12月10日\n"
)


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"joint.txt": JOINT, "rounds.txt": ROUNDS})


def _ask(catalogue, unit: str, question: str):
    notices, records, texts = catalogue
    answer = answer_combined_progress(question, question, unit, notices, records, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_a_bureau_and_its_centre_are_added_with_the_combined_rate_and_each_part_cited(catalogue):
    answer = _ask(catalogue, BUREAU, "文旅局机关加中心合起来多少问题 完成几个 合计完成率多少")
    assert "12+6=18个问题" in answer.text and "11+3=14个" in answer.text and "14÷18=77.8%" in answer.text
    assert "局机关12个问题已完成整改11个[1]" in answer.text
    assert "青禾市文物保护中心:" in answer.text and len(answer.citations) == 3  # the centre's two figures cited


def test_two_rounds_of_one_town_are_added(catalogue):
    answer = _ask(catalogue, TOWN, "柳岸镇两轮问题加起来多少个 改完几个")
    assert "10+6=16个问题" in answer.text and "9+5=14个" in answer.text
    assert "10个问题已整改完成9个[1]" in answer.text and "6个问题已整改完成5个[2]" in answer.text


def test_one_part_or_a_question_not_asking_them_together_is_left_to_other_answers(catalogue):
    assert _ask(catalogue, TOWN, "柳岸镇两轮问题改完几个") is None  # not asked together
    assert _ask(catalogue, TOWN, "柳岸镇两轮一共追回多少钱") is None
    assert not asks_combined_progress("合起来多少问题")  # nothing asked about done
    assert asks_combined_progress("两轮问题加起来多少个 改完几个")

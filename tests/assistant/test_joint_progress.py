"""The joint completion rate of a fictional zone and the two companies reported in its notice, from the joint
counts the notice states; a notice of one unit alone has no joint rate."""

from __future__ import annotations

import pytest

from assistant.joint_progress import answer_joint_progress
from assistant.verify import verify_answer

ZONE = (
    "中共蘅川高新技术产业开发区工作委员会关于巡察整改情况的通报\n\n"
    "县委第一巡察组对蘅川高新区管委会进行了巡察，并延伸巡察了蘅川城建投资有限公司（以下简称“城建公司”）"
    "和蘅川科创服务有限公司（以下简称“科创公司”）。截至2024年8月31日，三家单位共反馈问题25个，已完成整改20个。\n\n"
    "一、管委会机关整改情况\n\n巡察反馈管委会机关问题10个，已完成整改9个，整改完成率90%。\n\n"
    "二、城建公司整改情况\n\n巡察反馈城建公司问题8个，已完成整改6个，整改完成率75%。\n\n"
    "三、科创公司整改情况\n\n巡察反馈科创公司问题7个，已完成整改5个，整改完成率71.4%。\n\n"
    "中共蘅川高新技术产业开发区工作委员会\n2024年9月10日\n"
)
TOWN = (
    "中共蘅川县棠溪镇委员会关于巡察整改情况的通报\n\n"
    "县委第二巡察组对棠溪镇开展巡察，共指出问题12个，已完成整改9个，整改完成率75%。\n\n"
    "中共蘅川县棠溪镇委员会\n2024年10月8日\n"
)


@pytest.fixture(scope="module")
def catalogue(stored):
    return stored({"zone.txt": ZONE, "town.txt": TOWN})


def _ask(catalogue, file_name: str, question: str):
    notices, records, texts = catalogue
    notice = next(n for n in notices if n.file_name == file_name)
    answer = answer_joint_progress(question, question, [notice.unit], [notice.notice_id], notices, records, texts.get)
    if answer is not None:
        assert all(c.verified for c in verify_answer(answer, texts.get).citations)
    return answer


def test_the_joint_rate_is_the_stated_joint_done_over_found_with_each_units_rate(catalogue):
    answer = _ask(catalogue, "zone.txt", "高新区那三家合起来完成率多少")
    assert "20÷25=80%" in answer.text and "三家单位共反馈问题25个，已完成整改20个" in answer.citations[0].quote
    assert "75%" in answer.text and "71.4%" in answer.text  # each unit's own rate beside it


def test_one_unit_alone_or_a_question_not_asking_a_joint_rate_is_left_to_other_answers(catalogue):
    assert _ask(catalogue, "town.txt", "棠溪镇合起来完成率多少") is None
    assert _ask(catalogue, "zone.txt", "高新区三家合起来追回多少钱") is None

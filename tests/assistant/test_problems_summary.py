"""A feedback report without problem headings is answered with its sentence summing up the problems
(FICTIONAL text)."""

from __future__ import annotations

from assistant.problems_list import problems_summaries

REPORT = (
    "巡察组指出,近年来,学院党委在学科建设等方面取得较好成绩。"
    "巡察中,发现了一些问题,主要是:一是党委把方向作用发挥不够;二是“三重一大”决策执行不严。"
    "学院党委书记作表态发言。"
)


def test_the_sentence_listing_the_problems_found_is_the_summary_not_the_praise():
    spans = problems_summaries(REPORT)
    assert [REPORT[start:end] for start, end in spans] == [
        "巡察中,发现了一些问题,主要是:一是党委把方向作用发挥不够;二是“三重一大”决策执行不严。"
    ]

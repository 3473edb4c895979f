"""Notices written as an interview (记者问：…？ 答：…): the question line is never quoted alone; it is quoted with the
answer after it, which states the facts (FICTIONAL notices)."""

from __future__ import annotations

TRANSCRIPT = """赭岭能源集团召开巡视整改进展情况新闻发布会
12月3日上午，赭岭省能源投资集团有限公司召开省委巡视整改进展情况新闻发布会，集团负责同志回答记者提问。
记者（赭岭日报）问：整改进度怎么样？
答：截至2024年11月20日，16个问题已完成整改14个，整改完成率87.5%。
记者（赭岭电视台）问：选人用人方面巡视指出了什么？
答：巡视指出，个别三级企业违规提拔干部，部分中层干部超龄任职。目前已调整超龄任职的中层干部6名；对3名违规提拔的干部予以纠正。
记者（赭岭晚报）问：群众比较关心公车、招待这些问题，巡视指出了什么？
答：巡视指出，部分下属企业领导人员超标准配备使用公务车辆，2家子公司违规配备车辆4辆。整改中，4辆车已全部收回，相关人员退缴费用5.6万元。
记者（能源周刊）问：安全生产方面有哪些问题？
答：巡视指出，部分矿区安全巡检流于形式。整改中，集团排查整改隐患215处。
"""

PLAIN = """中共柘川县统计局党组关于巡察整改情况的通报
根据县委统一部署，县委第一巡察组对县统计局党组开展了常规巡察。
一、关于选人用人不规范的问题
巡察指出，3名干部试用期满后未按期考核。整改中，已完成考核并办理任职手续。
二、关于公务用车管理不严的问题
巡察指出，局机关公务用车节假日未按规定封存。整改中，建立公车封存登记制度。
中共柘川县统计局党组
2024年10月9日
"""


def test_a_topic_asked_of_a_transcript_quotes_the_answer_not_the_question(chain_over):
    answer = chain_over("zheling.txt", TRANSCRIPT).ask("赭岭能源集团选人用人方面有啥问题")

    assert not answer.not_found
    assert "6名" in answer.text or "违规提拔" in answer.text
    assert all(not citation.quote.rstrip().endswith("？") for citation in answer.citations)


def test_a_comparison_column_of_a_transcript_quotes_the_answer(chain_over):
    chain_over("tongji.txt", PLAIN)
    answer = chain_over("zheling.txt", TRANSCRIPT).ask("选人用人方面 赭岭能源集团和柘川县统计局都有啥问题")

    assert "试用期" in answer.text
    assert "违规提拔" in answer.text or "6名" in answer.text
    assert all(not citation.quote.rstrip().endswith("？") for citation in answer.citations)


def test_a_which_units_line_of_a_transcript_quotes_no_question_line_alone(chain_over):
    chain_over("tongji.txt", PLAIN)
    answer = chain_over("zheling.txt", TRANSCRIPT).ask("哪几家公车出过问题")

    assert "赭岭能源集团" in answer.text and "柘川县统计局" in answer.text
    assert all(not citation.quote.rstrip().endswith("？") for citation in answer.citations)

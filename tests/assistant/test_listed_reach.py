"""Asked which items ("哪几笔", "哪些"), a long sentence listing them with their amounts is quoted whole, so no
amount is cut off; asked otherwise, or a long sentence listing no amounts, keeps its clause."""

from __future__ import annotations

import pytest
from langchain_core.documents import Document

from assistant.evidence import Evidence, Question
from assistant.evidence_reach import reach
from assistant.question import profile_question
from assistant.settings import AnsweringSettings

LISTED = ("(六)原始凭证不规范。柳岸镇机关2023年3月至6月共有涉及金额9410元的原始凭证不合规,其中2023年4月报销防汛值班"
          "用餐开支3120元(9餐只写人数,未写人名)、2023年5月报销秸秆禁烧值守开支1460元(3餐未写人数、未写人名)、"
          "2023年6月报销人口普查加班用餐870元(2餐未写人数、也未写人名)、2023年6月报销防汛加班用餐开支3960元(11餐只写人数未写人名)。")
PLAIN = ("(七)学习教育。柳岸镇党委坚持把理论学习摆在首位,通过党委会第一议题、理论学习中心组、支部三会一课、主题党日、"
         "专题读书班、青年干部夜校等多种形式,推动党的创新理论入脑入心,持续深化学习成果转化运用,以学促干推动各项工作落地见效,"
         "切实把学习成效转化为推动高质量发展的强大动力和实际行动。")


def _clause(text: str, first: str) -> Evidence:
    start = text.index(first)
    end = text.index(",", start) + 1
    return Evidence(Document(page_content=text[start:end], metadata={"notice_id": "n1"}), start, end, text[start:end], 1.0, True)


def _ask(text: str) -> Question:
    return Question(profile_question(text), (("凭证",),), {"凭证": 1.0}, (profile_question(text),), {}, text)


@pytest.mark.parametrize("question", ["柳岸镇哪几笔加班饭的凭证不合规", "柳岸镇哪些用餐开支没写人名", "柳岸镇不合规的凭证分别是哪几笔"])
def test_asked_which_items_the_sentence_listing_their_amounts_is_quoted_whole(question):
    quoted = reach(_clause(LISTED, "其中2023年4月"), _ask(question), LISTED, list, AnsweringSettings())
    assert quoted.text.endswith("3960元(11餐只写人数未写人名)。") and "1460元" in quoted.text


SUMMARY = ("截至2024年6月28日,柳岸镇主要整改成效如下:反馈的12个问题已整改完成11个;退还违规收取的费用1.26万元;"
           "追回违规结算的资金8.95万元,已退回专户;清退违规发放的津补贴3.48万元,涉及14人;对职工食堂进行整改,食堂账目实行"
           "月结公示;对辖区9个村开展账目核查;对1名副镇长进行诫勉谈话,对3名站所负责人进行批评教育;制定完善制度6项。")


def test_a_summary_of_measures_in_semicolon_clauses_is_no_list_of_items():
    clause = SUMMARY.index("清退违规发放")
    item = Evidence(Document(page_content="", metadata={"notice_id": "n1"}), clause, SUMMARY.index("人;", clause) + 2,
                    SUMMARY[clause : SUMMARY.index("人;", clause) + 2], 1.0, True)
    kept = reach(item, _ask("哪几家把乱发的津补贴退回来了"), SUMMARY, list, AnsweringSettings())
    assert kept.text == "清退违规发放的津补贴3.48万元,涉及14人;"


def test_asked_no_items_or_a_sentence_listing_no_amounts_keeps_the_clause():
    kept = reach(_clause(LISTED, "其中2023年4月"), _ask("柳岸镇凭证不合规涉及多少钱"), LISTED, list, AnsweringSettings())
    assert kept.text == "其中2023年4月报销防汛值班用餐开支3120元(9餐只写人数,"
    plain = reach(_clause(PLAIN, "通过党委会"), _ask("柳岸镇有哪些学习形式"), PLAIN, list, AnsweringSettings())
    assert plain.text == "通过党委会第一议题、理论学习中心组、支部三会一课、主题党日、专题读书班、青年干部夜校等多种形式,"

"""A ledger appendix row naming only a problem and its owner/status is quoted, if at all, after the body
passages saying what was found and what was done (FICTIONAL notice)."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.evidence import Evidence
from assistant.ledger_rows import behind_body_passages, is_weak_ledger_row

NOTICE = """桦溪乡人民政府公告

关于县委巡察反馈问题整改情况的公告

县委第二巡察组于2023年4月3日至5月12日对我乡开展了巡察，指出问题9个。现将有关情况公告如下：

一、反馈问题及整改情况

1.村级财务管理松散，部分村存在大额现金支付现象。
（1）委托审计机构对全乡8个村近三年账目开展专项审计；
（2）推行村级财务“双签制”，大额支出一律对公转账。

2.乡政府公务车辆被用于私人探亲。
（1）对涉事的1名干部进行提醒谈话；
（2）公务车辆统一加装行车记录仪，节假日集中停放。

3.集镇垃圾清运不及时，群众反映强烈。
（1）新增垃圾清运车2辆，实行日产日清；
（2）聘用保洁员14名，分片包干。

特此公告。

附件

整改台账

1.村级财务松散——责任人：乡党委副书记——整改状态：已完成
2.公务车辆私用——责任人：乡党政办主任——整改状态：已完成
3｜集镇垃圾清运｜乡城建办｜已完成
"""


def test_rows_naming_only_a_title_and_its_owner_or_status_are_told_from_rows_stating_measures():
    assert is_weak_ledger_row("2.公务车辆私用——责任人：乡党政办主任——整改状态：已完成", 20)
    assert is_weak_ledger_row("3｜集镇垃圾清运｜乡城建办｜已完成", 20)
    assert is_weak_ledger_row("食堂账目不清\t后勤科\t2023年12月底前", 20)
    # a table row that states what was done, with figures, is an answer
    assert not is_weak_ledger_row("4｜食堂账目不清，接待费混入伙食费｜清退接待费0.6万元，涉及8人｜已完成", 20)
    assert not is_weak_ledger_row("（2）公务车辆统一加装行车记录仪，节假日集中停放。", 20)
    assert not is_weak_ledger_row("一是建立台账——二是加强督办", 20)  # dashes, but no owner/status field


def test_a_row_ranks_behind_the_body_passages_on_its_topic_and_keeps_the_answer_bar():
    document = Document(page_content=NOTICE, metadata={"notice_id": "n1", "start": 0})

    def candidate(text: str, score: float) -> Evidence:
        start = NOTICE.index(text)
        return Evidence(document, start, start + len(text), text, score, True)

    row = candidate("2.公务车辆私用——责任人：乡党政办主任——整改状态：已完成", 1.1)
    found = candidate("2.乡政府公务车辆被用于私人探亲。", 0.6)
    other = candidate("（1）新增垃圾清运车2辆，实行日产日清；", 0.3)
    ranked = behind_body_passages([row, found, other], [frozenset({"公务用车"}), frozenset({"公务用车"}), frozenset()],
                                  [True, False, False], 0.9)
    assert ranked[1].score == 1.1  # the body passage takes the row's place: the question stays answered
    assert ranked[0].score < ranked[1].score
    assert ranked[2].score == 0.3  # a passage on another topic is left alone
    lone = behind_body_passages([row, other], [frozenset({"公务用车"}), frozenset()], [True, False], 0.9)
    assert lone[0].score == 1.1  # no body passage on its topic: the row is all the notice says


def _quoted_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def test_asking_how_a_problem_was_fixed_quotes_the_body_finding_and_measures_before_any_ledger_row(chain_over):
    chain = chain_over("huaxi_xiang.txt", NOTICE)
    answer = chain.ask("桦溪乡公车私用咋整改的")
    lines = _quoted_lines(answer.text)
    assert lines and "行车记录仪" in answer.text and "提醒谈话" in answer.text
    assert "责任人" not in lines[0]
    row_at = next((i for i, line in enumerate(lines) if "责任人" in line), len(lines))
    assert all("责任人" not in line for line in lines[:row_at]) and row_at >= 2


def test_a_township_name_before_village_finance_is_the_township_and_the_measures_are_quoted(chain_over):
    chain = chain_over("huaxi_xiang.txt", NOTICE)
    answer = chain.ask("桦溪乡村级财务咋整改的")  # 桦溪乡 + 村级财务, not a unit "桦溪乡村"
    assert "8个村" in answer.text and "双签制" in answer.text
    assert "未找到" not in answer.text
    assert "桦溪乡村" not in answer.text.replace("桦溪乡村级", "")


def test_a_follow_up_asking_how_they_fixed_it_later_keeps_the_last_topic_and_quotes_its_measures(chain_over):
    from tests.conftest import history_of

    chain = chain_over("huaxi_xiang.txt", NOTICE)
    first = chain.ask("桦溪乡垃圾清运被说了啥")
    answer = chain.ask("他们后来咋改的", history=history_of(first))  # 他们: the township; 后来: no new topic
    assert "清运车" in answer.text and "保洁员" in answer.text
    assert "行车记录仪" not in answer.text and "双签制" not in answer.text


def test_a_township_before_village_words_is_read_as_the_township_not_a_village():
    from assistant.unit_names import unit_like_names

    assert [name for _, _, name, _ in unit_like_names("柘岭乡村级财务咋整改的")] == ["柘岭乡"]
    assert [name for _, _, name, _ in unit_like_names("柘岭镇村集体资金被吃喝了吗")] == ["柘岭镇"]
    assert [name for _, _, name, _ in unit_like_names("柘岭村村级财务咋整改的")] == ["柘岭村"]  # a village itself


def test_a_township_the_library_lacks_is_named_as_asked_before_village_finance(chain_over):
    chain = chain_over("huaxi_xiang.txt", NOTICE)
    answer = chain.ask("柘岭乡村级财务咋整改的")
    assert "柘岭乡" in answer.text and "柘岭乡村" not in answer.text
    assert "双签制" not in answer.text  # never another township's measures


def test_asking_whether_an_item_is_done_still_quotes_the_ledger_row_stating_its_status(chain_over):
    chain = chain_over("huaxi_xiang.txt", NOTICE)
    answer = chain.ask("桦溪乡公车私用整改完成了吗")
    assert "整改状态：已完成" in answer.text

"""What the item left is, asked after an answer that counted it ("剩下那件是啥事"), over a FICTIONAL notice."""

from __future__ import annotations

NOTICE = """中共青禾县白沙镇委员会关于巡察整改情况的通报

2024年3月4日至4月26日,县委第二巡察组对白沙镇开展了常规巡察,反馈问题10个。

巡察指出,信访积案化解不力,4件信访积案超期未办结;网格员队伍管理松散,考勤流于形式。

第一,化解信访积案。班子成员包案化解信访积案,4件积案已化解3件,剩余1件涉及历史遗留的宅基地确权问题,正在依法推进。

第二,清退违规补贴。清退违规发放的加班补贴2.4万元。

中共青禾县白沙镇委员会
2024年10月8日
"""


def _history(answer: str) -> list[dict]:
    return [{"role": "user", "content": "白沙镇信访积案咋样了"}, {"role": "assistant", "content": answer}]


def test_the_item_left_is_named_from_the_notice(chain_over):
    chain = chain_over("baisha.txt", NOTICE)
    answer = chain.ask("剩下那件是啥事", history=_history("4件积案已化解3件,还剩1件。"))
    assert "宅基地确权" in answer.text and not answer.not_found


def test_a_unit_the_library_lacks_asked_after_a_sum_is_a_new_question(chain_over):
    chain = chain_over("baisha2.txt", NOTICE)
    answer = chain.ask("苇塘镇一共清退多少钱", history=_history("清退违规发放的加班补贴2.4万元。"))
    assert "2.4万元" not in answer.text

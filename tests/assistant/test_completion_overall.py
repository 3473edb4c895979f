"""Asked how much of the rectification is done, the whole unit's figure leads and measures done come with it."""

from __future__ import annotations

from assistant.measures_done import measures_done

BATCH_NOTICE = """中共梧溪县审计局党组关于巡察整改情况的通报

2024年2月26日至4月12日,县委第二巡察组对县审计局党组开展了常规巡察,5月8日反馈了巡察意见,共指出3个方面10个问题。党组制定整改措施30项,分两批推进。

一、第一批整改情况

第一批共6个问题、整改措施16项,截至2024年7月31日,6个问题全部整改完成,16项措施全部落实。

二、第二批整改情况

第二批共4个问题、整改措施14项,截至2024年10月31日,已完成3个问题,其余1个问题正在推进;14项措施已落实11项。

三、总体情况

经过两批整改,10个问题已完成9个,30项整改措施已落实27项。

中共梧溪县审计局党组
2024年11月20日
"""


def test_the_whole_units_count_of_problems_and_measures_done_leads(chain_over):
    chain = chain_over("wuxi_shenji.txt", BATCH_NOTICE)
    answer = chain.ask("梧溪县审计局整改完成了多少")
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert lines and "10个问题已完成9个" in lines[0]
    assert "30项整改措施已落实27项" in lines[1]


def test_measures_done_are_read_with_their_counts_and_made_counts_alone_are_not():
    done = measures_done("6个问题全部整改完成,16项措施全部落实。14项措施已落实11项。制定整改措施30项。")
    assert [figure.text for figure in done] == ["16项", "11项"]

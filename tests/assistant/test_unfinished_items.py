"""What a unit has not finished yet, asked colloquially, over a FICTIONAL notice."""

from __future__ import annotations

import pytest

from assistant.chain import AnswerChain

NOTICE = """中共青禾县白桦林场支部委员会关于巡察整改进展情况的通报

2023年9月4日至10月20日,县委第一巡察组对白桦林场进行了巡察。截至2024年3月10日,12个问题中已整改完成10个,正在整改2个。

一、林地管理问题

巡察指出,部分林地被违规占用。整改中,我场对林地进行勘界确权,收回被占林地900亩。尚有约120亩被占林地涉及历史遗留问题,正与属地乡镇协调处置,计划2024年底前完成。

二、公务用车问题

巡察指出,巡护车辆存在公车私用现象。整改中,对公车私用的1名副场长给予党内警告处分,修订公务用车管理办法。

三、防火通道问题

防火通道建设是尚未完成的另一个问题,已建成防火通道12公里,剩余路段建设需长期坚持。

中共青禾县白桦林场支部委员会
2024年3月20日
"""


@pytest.fixture
def chain(chain_over) -> AnswerChain:
    return chain_over("baihua.txt", NOTICE)


def test_what_is_left_asked_colloquially_lists_the_items_being_worked_out(chain):
    answer = chain.ask("白桦林场还有啥没弄完?")
    assert "120亩" in answer.text and "防火通道" in answer.text


def test_a_deed_done_in_the_course_of_rectification_is_not_an_item_left(chain):
    answer = chain.ask("白桦林场还有哪些没改完?")
    assert "120亩" in answer.text and "公车私用" not in answer.text



def test_how_many_are_left_also_names_the_items_left(chain):
    # A count asked ("还有几个没整改完") is answered with the notice's count and the items still being worked out,
    # not with the count alone.
    answer = chain.ask("白桦林场还有几个问题没整改完")
    assert "正在整改2个" in answer.text and "120亩" in answer.text and "防火通道" in answer.text


SECTION_NOTICE = """中共青禾县卫生监督所支部委员会关于巡察整改进展情况的通报

2023年5月8日至6月30日,县委第二巡察组对县卫生监督所进行了巡察。

一、整改落实情况

针对执法记录不全问题,补齐执法文书46份。

二、尚未完成的问题
    一是快检实验室改造问题，需县财政安排资金，
预计2024年底前完成；二是执法人员编制不足问题，已申报
2025年招录计划。
    下一步，所支部将持续巩固整改成果。

中共青禾县卫生监督所支部委员会
2024年3月20日
"""


def test_items_listed_under_a_heading_naming_them_unfinished_are_the_answer(chain_over):
    answer = chain_over("jiandu.txt", SECTION_NOTICE).ask("卫生监督所没完成的是哪两件事?")
    assert "快检实验室改造" in answer.text and "执法人员编制不足" in answer.text
    assert "持续巩固" not in answer.text  # the plan after the items is no item


DONE_NOTICE = """中共青禾县粮油购销公司支部委员会关于巡察整改情况的通报

2023年6月5日至7月28日,县委第三巡察组对县粮油购销公司进行了巡察,反馈问题9个。

一、整改落实情况

针对仓储管理不规范问题,修订出入库管理制度,更换老化测温设备14套。

针对往来款清理不及时问题,清收历年往来款68万元。

截至2024年2月底,反馈的9个问题已全部整改完成。

中共青禾县粮油购销公司支部委员会
2024年3月5日
"""


@pytest.mark.parametrize("question", ["粮油购销公司还有什么没整改完?", "粮油购销公司还剩哪些没改"])
def test_nothing_left_is_said_from_the_sentence_saying_all_is_done(chain_over, question):
    answer = chain_over("liangyou.txt", DONE_NOTICE).ask(question)
    assert not answer.not_found and "已全部整改完成" in answer.text
    assert "测温设备" not in answer.text  # a measure is no item left


SPEECH_NOTICE = """在青禾县水利局巡察整改推进会上的讲话

同志们:

今年4月8日到5月30日,县委第二巡察组对我们局进行了常规巡察,反馈了16个问题。截至11月30日,完成14个。

同志们,还有2个问题没有完成,主要是小型水库除险加固、河道采砂监管,这两件事要拿出时间表。

青禾县水利局党组书记、局长　某某
2024年12月5日
"""

COUNTED_ONLY_NOTICE = """中共白沙县粮油购销公司支部委员会关于巡察整改情况的通报

2024年3月4日至4月26日,县委第三巡察组对白沙县粮油购销公司开展了常规巡察。截至2024年10月31日,18个问题已完成整改16个,完成率88.9%。剩余2个问题属历史遗留,已制定分步方案,持续推进。

中共白沙县粮油购销公司支部委员会
2024年11月8日
"""


def test_the_items_a_speech_says_are_left_are_named(chain_over):
    answer = chain_over("shuili.txt", SPEECH_NOTICE).ask("水利局剩下那俩没完成的是啥")
    assert "小型水库除险加固" in answer.text and "河道采砂监管" in answer.text and not answer.not_found


def test_open_items_a_notice_only_counts_are_said_to_be_unnamed(chain_over):
    answer = chain_over("liangyou2.txt", COUNTED_ONLY_NOTICE).ask("粮油购销公司没改完那2个问题具体是啥")
    assert answer.not_found and "剩余2个问题属历史遗留" in answer.text

"""Which-what questions about one unit answered from news items and round reports (FICTIONAL notices in
house styles seen on real pages): the round's inspected units, the problems a news item sums up, the points
a sentence announces, the ways a check was done, and a hospital of the same place that is not held."""

from __future__ import annotations

from assistant.quote_extension import extend_quote  # noqa: F401 (the module under test for announced points)
from assistant.round_targets import asks_round_targets, target_sentences

ROUND_REPORT = (
    "“各乡镇党委要承担巡察整改主体责任……”,这是在云岭县委书记办公会上的一幕。\n"
    "根据县委统一部署,2022年5月7日至7月8日,县委第九轮巡察三个巡察组对石门镇、县财政局、县医疗保障局、"
    "县工业园区管委会开展了常规巡察,巡乡带村对石门镇东坪村、西坪村开展对村巡察。\n"
    "巡察过程中共开展个别谈话60人次,共发现问题150个,其中移交立行立改问题30个。\n"
)
TOWN_NEWS = (
    "县委巡察组向白沙镇所辖村(社区)党组织集中反馈巡察情况\n"
    "根据市委统一部署,2022年9月1日至11月30日,县委巡察组对白沙镇所辖村(社区)党组织开展了巡察。"
    "巡察组反馈指出,白沙镇所辖村(社区)党组织认真贯彻落实上级决策部署。但巡察也发现了一些问题,有的村(社区)党组织存在"
    "理论学习不到位、人居环境整治不彻底、财务制度管理不严等问题。\n"
    "会议要求各被巡察党组织强化政治担当。\n"
)
HOSPITAL_NEWS = (
    "近日,市委第三巡察组巡察瑞和县人民医院党委情况反馈会召开。\n"
    "王某代表市委第三巡察组通报巡察发现5方面15项问题,并就巡察整改提出意见建议。一是加强党的领导,发挥领导核心作用;"
    "二是严守党的纪律;三是切实落实医疗卫生“九不准”,认真整改存在问题。\n"
    "李某代表瑞和县人民医院党委就做好巡察整改作表态发言。\n"
)
CHECK_NEWS = (
    "近日,芦溪县委巡察工作领导小组派出3个督查组,对前4轮巡察的12个党组织的巡察整改工作开展督促检查。"
    "采取“听、看、查、访”等方式实地评估验收,逐项督查整改情况,确保问题“真改”。\n"
    "“听”,督查组听取被巡察单位主要领导的汇报,共同分析整改的薄弱环节。\n"
    "“访”,督查组通过走访群众代表,组织满意度测评。期间共走访150余人次。\n"
)


def test_which_units_a_round_inspected_is_asked_in_several_wordings():
    for question in ("云岭县那轮巡了哪些单位", "这轮都巡察了哪些部门?", "第九轮对哪些单位开展了巡察", "巡察对象有哪些"):
        assert asks_round_targets(question, [(0, 3)] if question.startswith("云岭县") else []), question
    assert not asks_round_targets("那轮巡察发现了哪些食堂问题", [])


def test_the_sentence_listing_a_rounds_units_is_found_whole():
    (start, end), = target_sentences(ROUND_REPORT)
    assert ROUND_REPORT[start:end].startswith("根据县委统一部署") and ROUND_REPORT[start:end].endswith("开展对村巡察。")


def test_a_rounds_inspected_units_are_answered_with_the_listing_sentence(chain_over):
    answer = chain_over("yunling.txt", ROUND_REPORT).ask("云岭县那轮巡了哪些单位")
    assert not answer.not_found
    assert "县医疗保障局" in answer.text and "县工业园区管委会" in answer.text


def test_the_problems_a_news_item_sums_up_answer_what_the_villages_were_found(chain_over):
    answer = chain_over("baisha.txt", TOWN_NEWS).ask("白沙镇的村里都查出些啥问题")
    assert not answer.not_found
    assert "人居环境整治不彻底" in answer.text and "财务制度管理不严" in answer.text


def test_the_points_a_sentence_announces_are_quoted_with_it(chain_over):
    answer = chain_over("ruihe.txt", HOSPITAL_NEWS).ask("瑞和县人民医院 巡察组提了哪些整改建议")
    assert "加强党的领导" in answer.text and "九不准" in answer.text


def test_the_ways_of_a_check_asked_as_methods_find_the_sentence_naming_them(chain_over):
    answer = chain_over("luxi.txt", CHECK_NEWS).ask("芦溪督查整改用了哪几种办法")
    assert not answer.not_found
    assert "听、看、查、访" in answer.text


def test_another_hospital_of_a_held_hospitals_place_is_not_held(chain_over):
    answer = chain_over("ruihe.txt", HOSPITAL_NEWS).ask("瑞和县中医院巡察整改咋样了")
    assert answer.not_found and "瑞和县中医院" in answer.text


def test_who_a_handed_over_lead_concerns_is_not_answered_by_its_count(chain_over):
    answer = chain_over("yunling.txt", ROUND_REPORT + "向县纪委监委移交问题线索2件3人,向县委组织部提出建议1条。\n").ask(
        "云岭县移交纪委的那2件问题线索涉及谁"
    )
    assert answer.not_found


TOWN_WATER = (
    "本报青禾讯 此前,青禾县委巡察组对柳林镇党委进行巡察。在北坡村开展巡察时,收到群众反映,因水源地的一场火灾,"
    "导致村里1500余米长的供水管道被烧毁,群众饮水问题迟迟得不到解决。\n"
    "巡察组随即督促柳林镇党委对北坡村的饮水工程进行维修。\n"
)
VILLAGE_PIPES = (
    "近日,区委第二巡察组在石桥乡东山村走访了解到,东山村3组存在用水难的问题,原有自来水管道年久失修。"
    "石桥乡党委立即研究整改,完成了3组共40户村民的自来水管修复。\n"
)


def test_a_follow_up_pointing_at_a_town_by_its_county_asks_that_town_in_plain_words(chain_over):
    chain_over("dongshan.txt", VILLAGE_PIPES)
    answer = chain_over("liulin.txt", TOWN_WATER).ask(
        "青禾那个镇呢 喝水是出了啥问题",
        history=[{"role": "user", "content": "东山村修了多少户的水管"},
                 {"role": "assistant", "content": "完成了3组共40户村民的自来水管修复。"}],
    )
    assert not answer.not_found
    assert "供水管道被烧毁" in answer.text and "东山村" not in answer.text

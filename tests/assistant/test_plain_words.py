"""Plain words of a question also search as notices write them."""

from __future__ import annotations

from assistant.plain_words import held_terms, official_terms, searched_terms, with_official_terms


def test_plain_phrases_bring_the_words_notices_use():
    assert "公务用车" in official_terms("城投和卫健委在管好公家的车上各做了啥?")
    assert "主要负责人" in official_terms("两个单位在盯住一把手这块是怎么整改的?")
    assert "财务管理" in official_terms("谁在花钱的规矩上下了功夫?")
    assert "营商环境" in official_terms("帮企业解决难题方面做了什么?")
    assert "屡查屡犯" in official_terms("有没有单位老毛病反复犯?")
    assert "婚丧喜庆" in official_terms("谁查了干部办酒席的事?")
    assert "闲置" in official_terms("买来放着不用的设备怎么处理的?")
    assert "制度" in official_terms("水务公司出了哪些新规矩?")  # 出台 new rules
    assert "民主集中制" in official_terms("开会就一两个人说话 云岭跟东湖各被说了啥")  # few speak: how it decides
    assert "发表意见" in official_terms("班子会上其他人都不吭声是哪家")
    # the villages or communities a town or subdistrict holds, inspected with it ("连带查了下面村")
    assert {"村级党组织", "所辖", "延伸巡察"} <= set(official_terms("巡察连带查了下面村或社区的有哪些"))
    assert "村级党组织" in official_terms("苇塘镇底下的村查出多少问题")
    assert official_terms("村里的路修好了吗") == []


def test_everyday_topics_bring_the_notices_words_for_them():
    assert {"网络", "网站"} <= set(official_terms("网上这块，蘅川和棠溪各干了啥"))
    assert "教师" in official_terms("老师这块，两家各咋说的")
    collective = official_terms("村里集体那点家底，蘅川和棠溪各管成啥样")
    assert "集体资产" in collective and "国有资产" not in collective  # a village's, not the state's
    assert "国有资产" in official_terms("公司的家底清了没有")
    assert "调度" in official_terms("两家盯整改进度都用了啥办法")
    assert "例会" in official_terms("芦湾乡跟棠溪镇整改多久碰一次头")
    assert "方案" in official_terms("两个乡整改各发了啥文件")


def test_a_question_already_in_the_notices_words_is_left_as_it_is():
    question = "哪些单位清退了违规发放的津补贴?"
    assert with_official_terms(question) == question
    assert with_official_terms("公车私用怎么整改的?").startswith("公车私用怎么整改的?(")


def test_a_plain_phrase_no_passage_holds_searches_only_as_notices_write_it():
    held = {"招标": 3, "采购": 2, "单位": 9}
    terms = searched_terms("哪些单位在招投标上出了问题?", lambda text: [w for w in ("招投标", "投标", "招标", "采购")
                                                                     if w in text], lambda t: held.get(t, 0))
    assert terms == ["招标", "采购"]  # 招投标/投标: in no passage, they would only weigh against every unit


def test_words_no_passage_holds_are_dropped_only_for_plain_phrases():
    tokenize = lambda text: [w for w in ("吃喝", "接待", "宴请", "量子") if w in text]
    held = {"接待"}.__contains__
    assert held_terms("谁吃喝了?", tokenize("谁吃喝了?(接待 宴请)"), tokenize, held) == ["接待"]
    assert held_terms("量子怎么整改?", ["量子"], tokenize, held) == ["量子"]  # the user's own topic stays


def test_a_kind_of_money_is_stated_only_by_its_own_qualifier():
    from assistant.asked_thing import names_unstated_money

    said = ["追回违规发放的农机购置补贴12万元", "对超标准、超范围发放津补贴的单位进行清退",
            "镇工会开展拔河比赛活动中超标准发放奖金1800元"]
    nothing_known = lambda names: set()  # noqa: E731
    assert names_unstated_money("清退了多少下乡补助?", said, nothing_known, 8)
    assert names_unstated_money("追回了多少医保基金?", said, nothing_known, 8)
    for asked in ("追回了多少农机补贴?", "超标补贴清退了多少?", "乱发的补贴退了吗?", "清退了多少违规补贴?",
                  "清退的拔河比赛奖金涉及几个人?"):
        assert not names_unstated_money(asked, said, nothing_known, 8), asked


def test_which_units_mention_a_fee_reads_the_fee_not_the_asking_word_before_it_as_its_kind():
    from assistant.asked_thing import names_unstated_money

    said = ["做好教师党员发展扫尾工作、党费收缴工作。"]
    nothing_known = lambda names: set()  # noqa: E731
    assert not names_unstated_money("谁家说到党费", said, nothing_known, 8)  # 到党费 is no fee of its own
    assert not names_unstated_money("哪几家提到了党费", said, nothing_known, 8)
    assert names_unstated_money("哪些单位提及下乡补助", ["追回违规发放的农机购置补贴12万元"], nothing_known, 8)
    # the units asked about are no qualifier of the fee either (单位党费 is not a fee named 位党费)
    assert not names_unstated_money("哪些单位党费有问题", said, nothing_known, 8)
    assert not names_unstated_money("谁家党费没交齐", said, nothing_known, 8)


def test_how_much_was_fixed_in_plain_words_searches_the_notices_words_for_it():
    assert "已完成整改" in official_terms("反馈了多少问题?改了多少?")
    assert "成效" in official_terms("第一个问题改出啥效果了?")


def test_asked_招标_also_meets_the_notices_contraction_招投标():
    assert "招投标" in official_terms("两家在招标乱这块各咋整改的?")
    assert official_terms("招投标监管有漏洞的是谁家?") == ["招标", "采购"]  # the reverse stays as it was


def test_shorthand_for_pollution_stability_and_getting_tough_searches_the_notices_words():
    assert "污染防治" in official_terms("两个区治污各拿出啥成绩?")
    assert "信访稳定" in official_terms("两家维稳这块各咋弄的?")
    assert "严肃处理" in official_terms("对村干部动真格了没?")


def test_asking_phrasing_is_no_part_of_a_comparisons_topic():
    from assistant.semantic import question_topic

    assert question_topic("两家维稳这块各咋弄的", []) == "两家维稳"
    assert question_topic("两家对村干部动真格了没", []) == "两家对村干部动真格"
    assert question_topic("两个区治污各拿出啥成绩", []) == "两个区治污 成绩"


def test_choosing_cadres_in_the_questions_words_also_searches_as_notices_write_it():
    assert "干部选拔任用" in official_terms("选人用人出毛病的有哪些")  # a notice may write only 干部选拔任用


def test_asking_where_to_write_searches_the_contact_lines_notices_end_with():
    assert "电子邮箱" in official_terms("想写信提意见 青禾镇和柳岸街道各发哪个邮箱")
    assert "电子邮箱" in official_terms("哪几家留了举报邮箱")
    assert official_terms("邮政所的整改有哪些") == []


def test_eating_and_drinking_is_also_written_as_meal_costs():
    assert "餐费" in official_terms("吃吃喝喝这块 青禾镇跟柳岸街道")


def test_a_backlog_of_cases_is_searched_as_notices_write_it_piled_up():
    assert "积压" in official_terms("哪几家有信访积案")
    assert "积压" not in official_terms("哪几家信访件办结了")


def test_people_moved_in_asked_loosely_searches_the_notices_word_for_it():
    assert "调入" in official_terms("苇塘乡那边调人有啥问题")
    assert "调入" not in official_terms("苇塘乡引进人才有啥问题")


def test_everyday_wording_of_common_findings_searches_as_notices_write_them():
    assert "购买服装" in official_terms("乱买衣服搞活动 青梧镇和白鹭街道谁有")
    assert "均同意" in official_terms("开会记录只写大家都同意 哪家有")
    assert "中心组学习" in official_terms("领导班子一起学习那块 青梧镇和白鹭街道比比")
    assert "后备干部" in official_terms("培养接班人 两个镇各咋弄的")
    assert "民主生活会" in official_terms("班子开会自我批评那个会啥时候开的")
    assert "新媒体" in official_terms("网上乱发东西管得咋样")
    assert "结算" in official_terms("工程款没算清就付 谁有")
    assert "管理混乱" in official_terms("哪几家档案管得乱")
    assert official_terms("档案管得咋样") == []  # asking how it is kept names no disorder

"""Follow-ups worded as people talk: unit names written longer or shorter than the library's, pointers naming
nothing, a thing of another unit (FICTIONAL units)."""

from __future__ import annotations

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.followup import condense_with_rules
from assistant.followup_reference import referenced_item, without_pointer
from assistant.plain_words import official_terms
from assistant.units import UnitDirectory

SCHOOL = "青禾大学附属中学"
PORT = "漱玉港务物流有限公司"
TOWN = "青禾市云岭区"


def directory() -> UnitDirectory:
    rows = [
        NoticeRow("n1", "/a.txt", "a.txt", "", SCHOOL, NoticeMetadata(unit=SCHOOL, aliases=["青大"]), 1, "ready", 0),
        NoticeRow("n2", "/b.txt", "b.txt", "", PORT, NoticeMetadata(unit=PORT), 1, "ready", 0),
        NoticeRow("n3", "/c.txt", "c.txt", "", TOWN, NoticeMetadata(unit=TOWN, aliases=["云岭区", "云岭"]), 1, "ready", 0),
    ]
    return UnitDirectory(rows)


def _exchange(*turns: str) -> list[dict]:
    return [{"role": ("user", "assistant")[i % 2], "content": text} for i, text in enumerate(turns)]


def test_a_unit_written_longer_than_its_known_short_name_still_switches_the_unit():
    history = _exchange("云岭区被反馈了多少问题?", "6个方面36个问题。")
    assert condense_with_rules(history, "青大附中那边呢?", directory()) == f"{SCHOOL}被反馈了多少问题?"


def test_a_name_shortened_inside_is_read_as_its_unit_at_the_head_of_a_question():
    assert directory().find_units("漱玉物流处理了多少人?") == [PORT]
    assert directory().find_units("云岭区和漱玉物流在乱报销上各追回了多少钱?") == [TOWN, PORT]
    assert directory().find_units("整改措施落实得怎么样?") == []


def test_a_shortened_name_never_ends_inside_another_place_name():
    rows = [NoticeRow("n1", "/a.txt", "a.txt", "", "青禾市东岭新区", NoticeMetadata(unit="青禾市东岭新区"), 1, "ready", 0)]
    assert UnitDirectory(rows).find_units("青禾市岭川区处分了几个人?") == []  # another district of the city
    assert UnitDirectory(rows).find_units("青禾市东岭处分了几个人?") == ["青禾市东岭新区"]


def test_a_subdistricts_place_or_its_name_with_another_kind_is_another_unit():
    unit = "青禾市云岭区柳林街道"
    rows = [NoticeRow("n1", "/a.txt", "a.txt", "", unit, NoticeMetadata(unit=unit, aliases=["柳林街道", "柳林"]), 1, "ready", 0)]
    assert UnitDirectory(rows).find_units("青禾市云岭区追回了多少钱?") == []  # the district, not its subdistrict
    assert UnitDirectory(rows).find_units("柳林社区追回了多少钱?") == []  # a community, not the subdistrict
    assert UnitDirectory(rows).find_units("柳林追回了多少钱?") == [unit]


def test_a_pointer_naming_nothing_points_at_the_clause_that_answered():
    answer = "对12个项目结算复核,发现3个项目多计工程量,追回多付工程款40万元。"
    assert referenced_item("为这事处理了谁?", answer, "云岭区追回了多少工程款?") == "追回多付工程款40万元"
    assert without_pointer("为这事处理了谁?") == "为处理了谁?"
    assert referenced_item("那个啥时候能弄好", "鱼塘承包合同重签工作,正在依法协商。") == "鱼塘承包合同重签工作"


def test_a_pointer_after_a_noun_points_at_the_clause_holding_the_noun():
    answer = "累计挽回损失1.5亿元;清收应收账款1.2亿元;追回多结算工程款865万元。"
    assert referenced_item("工程款那块是怎么查出来的?", answer) == "追回多结算工程款865万元"


def test_a_bare_that_opening_a_question_points_at_nothing():
    assert referenced_item("那还有几个问题?", "对12个项目结算复核,追回多付工程款40万元。") == ""


def test_a_thing_of_another_unit_asks_the_last_question_of_that_thing():
    history = _exchange("云岭区村社区两委换届弄得怎么样?", "32个村已完成换届。")
    condensed = condense_with_rules(history, "青大那边的村社区班子呢?", directory())
    assert condensed.startswith(f"{SCHOOL}:") and "两委换届" in condensed
    # A thing unlike the last question's carries nothing of it.
    assert "两委" not in condense_with_rules(history, "青大的食堂呢?", directory())


def test_a_thing_of_another_unit_carries_the_topic_but_not_how_it_was_counted():
    history = _exchange("云岭区领导干部谈心谈话开展了多少次?", "领导干部累计谈心谈话80余次。")
    condensed = condense_with_rules(history, "青大的谈话记录呢?", directory())
    # The record is asked of 青大, on talks: not a count, and not the last unit's 领导干部.
    assert condensed.startswith(f"{SCHOOL}:") and "谈话" in condensed
    assert "多少" not in condensed and "开展" not in condensed and "领导干部" not in condensed


def test_plain_words_for_rules_investment_and_the_inspection_leader():
    assert "制度" in official_terms("两家这回各立了几项规矩?")
    assert "招商引资" in official_terms("两家拉项目、引企业这块差别大吗?")
    assert "巡察组组长" in official_terms("被巡的时候,带队的组长分别是谁?")


def test_an_answer_names_the_unit_as_the_user_wrote_it_in_full():
    from assistant.unit_display import name_units_as_asked

    text = name_units_as_asked(f"根据{SCHOOL}的通报:\n- 反馈问题47个。[1]", "青大附中被反馈了多少问题?", directory())
    assert f"青大附中({SCHOOL})" in text


def test_by_how_much_more_than_another_unit_compares_the_two_on_the_last_question():
    history = _exchange("云岭区制定了多少项制度?", "制定修订制度23项。")
    condensed = condense_with_rules(history, "比青大多几项?", directory())
    assert condensed.startswith(f"{TOWN}和{SCHOOL}制定了多少项制度?")


def test_a_pointer_into_a_table_row_carries_the_row_without_its_rules():
    answer = "| 追回超付工程款 | 186.2万元 | 涉及项目6个 |[1]\n| 收回拖欠租金 | 43.5万元 | 涉及承租户12户 |[2]"
    assert referenced_item("工程款那块是怎么发现的?", answer) == "追回超付工程款 186.2万元 涉及项目6个"


def test_a_thing_in_place_of_the_one_asked_keeps_the_rest_of_the_question():
    history = _exchange("云岭区整改领导小组组长是谁?", "区委书记任组长。")
    assert condense_with_rules(history, "副组长呢?", directory()) == "云岭区整改领导小组副组长是谁?"
    # and switching the unit then asks the swapped question of it
    history += _exchange("副组长呢?", "区长任副组长。")
    assert condense_with_rules(history, "换成青大呢?", directory()) == f"{SCHOOL}整改领导小组副组长是谁?"
    punished = _exchange("云岭区处分了多少人?", "给予党纪处分5人,组织处理3人。")
    assert condense_with_rules(punished, "其中党纪处分呢?", directory()) == "云岭区党纪处分了多少人?"


def test_a_sibling_term_replaces_the_term_asked_instead_of_being_added_to_it():
    sanctioned = _exchange("云岭区政务处分几人?", "政务处分2人。")
    assert condense_with_rules(sanctioned, "党纪处分呢?", directory()) == "云岭区党纪处分几人?"
    talked = _exchange("青大提醒谈话了多少人?", "提醒谈话12人。")
    assert condense_with_rules(talked, "诫勉谈话呢?", directory()) == "青大诫勉谈话了多少人?"


def test_another_aspect_for_another_unit_asks_the_last_question_on_that_aspect():
    history = _exchange("云岭区在公车上有什么问题?", "公车私用。")
    assert condense_with_rules(history, "那青大在吃喝上呢?", directory()) == f"{SCHOOL}在吃喝上有什么问题?"


def test_on_this_point_for_another_unit_is_the_same_question_of_it():
    history = _exchange("云岭区清退了多少钱?", "清退12.6万元。")
    assert condense_with_rules(history, "青大在这方面呢?", directory()) == f"{SCHOOL}清退了多少钱?"


def test_the_latter_and_the_former_of_two_units_asked_with_a_question_of_their_own():
    history = _exchange("云岭区和青大在村干部补贴上各有什么问题?", "对比如下")
    latter = condense_with_rules(history, "后者具体怎么整改的?", directory())
    assert latter.startswith(f"{SCHOOL}:具体怎么整改的?") and "村干部补贴" in latter
    assert condense_with_rules(history, "前者呢?", directory()).startswith(TOWN)


def test_how_it_was_done_with_a_pronoun_carries_the_last_topic():
    history = _exchange("云岭区公务用车问题是怎么整改的?", "安装定位设备。")
    condensed = condense_with_rules(history, "那它具体是怎么改的?", directory())
    assert condensed.startswith(f"{TOWN}:") and "公务用车" in condensed


def test_two_units_added_up_is_not_a_sum_of_the_last_answers_figures():
    from assistant.followup_sum import asks_sum_of_previous

    assert not asks_sum_of_previous("两家加起来多少人?", names_unit=False)
    assert asks_sum_of_previous("应收应付合起来是多少?", names_unit=False)


def test_two_units_named_short_before_a_word_counting_them():
    assert directory().find_units("云岭和港务这俩单位的书记叫啥?") == [TOWN, PORT]


def test_the_units_own_committees_study_group_is_no_other_unit():
    unit = "青禾经济开发区"
    rows = [NoticeRow("n1", "/a.txt", "a.txt", "", unit, NoticeMetadata(unit=unit, aliases=["青禾"]), 1, "ready", 0)]
    assert UnitDirectory(rows).find_units("青禾党委中心组一年学了几次?") == [unit]
    assert UnitDirectory(rows).find_units("青禾政务服务中心整改了什么?") == []  # an institution under it


def test_a_unit_described_by_place_and_kind_with_a_pointer_between_switches_the_unit():
    clinic, bank = "白沙县苇塘镇卫生院", "白沙县农村商业银行股份有限公司"
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
            for i, unit in enumerate((clinic, bank, TOWN))]
    units = UnitDirectory(rows)
    history = _exchange("白沙农商行处分了几个人?", "给予党纪处分2人。")
    assert condense_with_rules(history, "那苇塘那个卫生院呢", units).startswith(clinic)
    assert condense_with_rules(history, "换成苇塘那家卫生院呢?", units).startswith(clinic)
    # a pointer between a unit and a thing of it is no part of a name: the thing stays asked
    assert "便民服务厅" in condense_with_rules(history, "云岭区那个便民服务厅呢,办了多少件?", units)


def test_a_kind_only_one_held_unit_is_of_names_that_unit():
    clinic, bank = "白沙县苇塘镇卫生院", "白沙县农村商业银行股份有限公司"
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
            for i, unit in enumerate((clinic, bank, TOWN, "青禾市中心卫生院"))]
    history = _exchange("白沙农商行处分了几个人?", "给予党纪处分2人。")
    assert condense_with_rules(history, "那个苇塘镇卫生院呢", UnitDirectory(rows)).startswith(clinic)
    assert condense_with_rules(history, "那个卫生院呢", UnitDirectory(rows[:3])) == f"{clinic}处分了几个人?"
    # two held units of the kind: which one is not guessed
    assert not condense_with_rules(history, "那个卫生院呢", UnitDirectory(rows)).startswith(clinic)


def test_a_unit_described_by_a_pointer_or_by_what_it_does_switches_the_unit():
    village, clinic = "白沙县苇塘镇芦花村", "白沙县疾病预防控制中心"
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
            for i, unit in enumerate((village, clinic, PORT, TOWN))]
    units = UnitDirectory(rows)
    history = _exchange("云岭区新定了几项制度?", "制度12项。")
    # the unit named by its kind, then a question of its own asked of it
    assert condense_with_rules(history, "那个村呢，改完几个了", units) == f"{village}改完几个了"
    # a word of its name and a pointer
    assert condense_with_rules(history, "换成港务那家看看", units) == f"{PORT}新定了几项制度?"
    # what it does in front of its name describes it and asks nothing
    assert condense_with_rules(history, "那个管防疫的疾控中心呢", units) == f"{clinic}新定了几项制度?"
    # a word no held unit's name holds names nothing
    assert not condense_with_rules(history, "换成水务那家看看", units).startswith(PORT)


def test_a_place_and_kind_with_a_pointer_then_a_question_asks_it_of_that_unit():
    street = "青禾市云岭区柳林街道"
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
            for i, unit in enumerate((street, PORT))]
    history = _exchange("漱玉物流发展了多少党员?", "发展党员5人。")
    assert condense_with_rules(history, "那青禾那个街道呢，发展党员有啥问题", UnitDirectory(rows)) == f"{street}发展党员有啥问题"


def test_a_unit_its_notice_names_without_a_place_is_named_with_the_place_in_front():
    group, roads = "市交通集团", "青禾市交通运输局"
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
            for i, unit in enumerate((group, roads, TOWN, "市第三中学"))]
    units = UnitDirectory(rows)
    assert units.find_units("漱州交通集团定了几条措施?") == [group]
    assert units.find_units("库里有哪几所中学被巡察了?") == []  # a question word and a kind: no place, no unit
    assert units.find_units("青禾交通集团定了几条措施?") == []  # 青禾 is a held unit's place: another city's group
    history = _exchange("云岭区整改措施有多少项?", "细化整改措施63项。")
    # a new unit and a short ask of its own: the figure the last question counted
    assert condense_with_rules(history, "那漱州交通集团定了几条", units).endswith("(整改措施有多少项)")


def test_plain_words_for_buying_things_are_the_notices_purchase_words():
    assert "购置" in official_terms("那现在买东西是咋规定的?")


def test_asking_among_the_items_just_told_points_at_them():
    answer = "2021年以来有13名干部违规兼职取酬。[1]"
    for question in ("这里头有处级干部吗?", "其中几个退了钱?", "这些人里有没有党员?"):
        assert referenced_item(question, answer) == "2021年以来有13名干部违规兼职取酬"

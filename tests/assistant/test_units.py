from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.units import UnitDirectory, asks_across_units, asks_comparison, unit_label


def row(notice_id: str, unit: str, aliases: list[str]) -> NoticeRow:
    return NoticeRow(notice_id, f"/x/{notice_id}.txt", f"{notice_id}.txt", "", unit,
                     NoticeMetadata(unit=unit, aliases=aliases), 3, "ready", 0.0)


DIRECTORY = UnitDirectory([
    row("n1", "青禾市云岭区", ["云岭区", "云岭", "区"]),
    row("n2", "东湖高新产业园", ["东湖产业园", "东湖", "园区"]),
    row("n3", "青禾市云岭区柳林街道", ["柳林街道", "柳林", "街道"]),
    row("n4", "西山新区", ["西山", "新区", "园区"]),
])


def test_units_are_found_by_full_name_and_short_names_in_order_of_mention():
    assert DIRECTORY.find_units("东湖和云岭区在清退津补贴上有何不同?") == ["东湖高新产业园", "青禾市云岭区"]
    assert DIRECTORY.find_units("青禾市云岭区柳林街道的信访件办结了几件?") == ["青禾市云岭区柳林街道"]


def test_generic_and_shared_aliases_name_no_unit():
    assert DIRECTORY.find_units("哪些街道和园区清退了津补贴?") == []
    assert DIRECTORY.find_units("新区的整改") == []


def test_notice_ids_of_units():
    assert DIRECTORY.notice_ids_of(["西山新区", "东湖高新产业园"]) == ["n2", "n4"]


def test_question_intent():
    assert asks_across_units("哪些单位清退了违规发放的津补贴?")
    assert asks_across_units("各单位在整改中分别新建了多少项制度?")
    assert not asks_across_units("云岭区挽回了多少经济损失?")
    assert asks_comparison("云岭区和东湖在挽回经济损失上有何不同?")
    assert not asks_comparison("云岭区挽回了多少经济损失?")


def test_which_inside_a_question_about_one_unit_is_not_a_question_across_units():
    assert not asks_across_units("长岭镇在整改中采取了哪些措施?")
    assert not asks_across_units("巡察指出了哪几个方面的问题?")
    assert not asks_across_units("制定了什么制度,分别是哪些?")


def test_questions_whose_question_word_asks_about_units_are_across_units():
    for question in ("哪几个区清退了津补贴?", "有哪些街道提到了公务用车?", "哪家追回的钱最多?", "有没有单位提到小金库?", "三个单位分别建了多少制度?"):
        assert asks_across_units(question), question


def test_a_short_form_of_one_units_name_names_that_unit():
    rows = [
        NoticeRow("t1", "/t.txt", "t.txt", "", "青岚县交通运输局", NoticeMetadata(unit="青岚县交通运输局"), 1, "ready", 0),
        NoticeRow("t2", "/c.txt", "c.txt", "", "鹤州市城市建设投资集团有限公司", NoticeMetadata(unit="鹤州市城市建设投资集团有限公司"), 1, "ready", 0),
        NoticeRow("t3", "/w.txt", "w.txt", "", "鹤州市临溪区望津街道", NoticeMetadata(unit="鹤州市临溪区望津街道"), 1, "ready", 0),
    ]
    units = UnitDirectory(rows)
    assert units.find_units("交通局和城投在公务用车上各做了什么?") == ["青岚县交通运输局", "鹤州市城市建设投资集团有限公司"]
    assert units.find_units("城投集团追回了多少钱?") == ["鹤州市城市建设投资集团有限公司"]
    # A district is not the subdistrict inside it, though its name is part of the subdistrict's.
    assert units.find_units("临溪区清退了多少钱?") == []


def test_short_forms_the_word_cutter_splits_and_nicknames_asked_on_their_own_name_their_unit():
    names = ["滨河市住房和城乡建设局", "滨河市文化旅游发展集团有限公司", "滨河市第二人民医院", "青岚县第一中学", "滨河市卫健委"]
    rows = [NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", name, NoticeMetadata(unit=name, aliases=[name]), 1, "ready", 0)
            for i, name in enumerate(names)]
    units = UnitDirectory(rows)
    assert units.find_units("那住建局呢?") == ["滨河市住房和城乡建设局"]
    assert units.find_units("二院和文旅集团谁更快?") == ["滨河市第二人民医院", "滨河市文化旅游发展集团有限公司"]
    assert units.find_units("交通局和一中") == ["青岚县第一中学"]
    assert units.find_units("滨河文旅那边呢?") == ["滨河市文化旅游发展集团有限公司"]
    assert units.find_units("那文旅呢?") == ["滨河市文化旅游发展集团有限公司"]  # 那 is no part of the name
    # The inspector and level words are no short forms: 市委 is not 滨河市卫健委.
    assert units.find_units("市委第二巡察组对哪些单位进行了巡察?") == []
    assert units.find_units("哪些单位搞了文旅项目?") == []
    assert units.find_units("滨河市第一人民医院的整改情况怎么样?") == []  # another hospital, not 第二人民医院


def titled_row(notice_id: str, unit: str, title: str) -> NoticeRow:
    return NoticeRow(notice_id, f"/x/{notice_id}.txt", f"{notice_id}.txt", title, unit,
                     NoticeMetadata(title=title, unit=unit), 3, "ready", 0.0)


def test_notice_without_a_recognised_unit_is_never_listed_under_its_file_name():
    directory = UnitDirectory([
        titled_row("n5", "", ""),
        titled_row("n6", "", "关于巡察整改进展情况的通报"),
        titled_row("n7", "青禾市云岭区", "中共青禾市云岭区委关于巡察整改情况的通报"),
    ])
    assert "n5.txt" not in directory.units
    assert set(directory.units) == {
        "未识别单位(n5.txt)", "未识别单位(关于巡察整改进展情况的通报)", "青禾市云岭区",
    }
    # each unrecognised notice stays its own entry, so per-unit search still keeps them apart
    assert directory.notice_ids_of(["未识别单位(n5.txt)"]) == ["n5"]


def test_unit_label_is_the_unit_when_recognised():
    assert unit_label(titled_row("n8", "柳林街道", "")) == "柳林街道"
    assert unit_label(titled_row("n9", "", "")) == "未识别单位(n9.txt)"


def test_a_short_form_read_as_a_unit_is_said_so_the_user_can_check_it():
    name = "滨河市第二人民医院"
    units = UnitDirectory([NoticeRow("n", "/n.txt", "n.txt", "", name, NoticeMetadata(unit=name, aliases=[name]), 1, "ready", 0)])
    assert units.short_forms_read("二院的食堂怎么整改的?") == "“二院”按滨河市第二人民医院理解。"
    assert units.short_forms_read("滨河市第二人民医院的食堂怎么整改的?") == ""  # its own name needs no note


def test_a_short_form_heading_the_question_or_beside_another_unit_names_its_unit():
    directory = UnitDirectory([row("n1", "青禾市云岭区", ["云岭区", "云岭"]), row("n5", "市第二实验中学", ["第二实验中学"])])
    assert directory.find_units("二实验的巡察反馈会是谁主持的?") == ["市第二实验中学"]
    assert directory.find_units("云岭区和二实验,各被指出了哪些问题?") == ["青禾市云岭区", "市第二实验中学"]


def test_short_forms_set_apart_by_spaces_after_a_topic_or_compared_by_比_name_their_units():
    directory = UnitDirectory([row("n1", "青禾市云岭区", ["云岭区", "云岭"]), row("n5", "市第二实验中学", ["第二实验中学"]),
                               row("n6", "青禾市公共交通集团有限公司", ["青禾公交集团"])])
    assert directory.find_units("新定的制度 公交 云岭区 二实验谁最多") == [
        "青禾市公共交通集团有限公司", "青禾市云岭区", "市第二实验中学"]
    assert directory.find_units("问题数 公交比二实验多几个") == ["青禾市公共交通集团有限公司", "市第二实验中学"]
    assert directory.find_units("追回的钱 公交和云岭区谁多") == ["青禾市公共交通集团有限公司", "青禾市云岭区"]


def test_a_university_goes_by_its_first_character_and_大():
    universities = UnitDirectory([row("u1", "青禾大学", ["青禾大学"]), row("n1", "青禾市云岭区", ["云岭区", "云岭"])])
    assert universities.find_units("食堂这块禾大跟云岭区都有问题吗") == ["青禾大学", "青禾市云岭区"]
    assert universities.find_units("这个问题有多大") == []


def test_a_short_name_before_a_village_word_names_its_unit_not_a_village():
    # 西山村集体经济 is 西山(新区)'s 村集体经济, 西山村干部 its 村干部
    assert DIRECTORY.find_units("西山村集体经济扶持资金有多少没花出去?") == ["西山新区"]
    assert DIRECTORY.find_units("西山村干部处分了几个?") == ["西山新区"]


def test_two_places_before_a_count_of_their_shared_kind_name_both_units():
    # "苇塘和青禾两个卫健委": the count sums up the two places' commissions, it is no organ under 青禾
    directory = UnitDirectory([row("n1", "苇塘市卫健委", []), row("n2", "青禾市卫生健康委员会", [])])
    assert directory.find_units("苇塘和青禾两个卫健委 整改领导小组咋搭的") == ["苇塘市卫健委", "青禾市卫生健康委员会"]
    assert directory.find_units("苇塘跟青禾这两家卫健委谁问题多") == ["苇塘市卫健委", "青禾市卫生健康委员会"]


def test_a_unit_reported_in_a_section_of_anothers_notice_is_found_in_that_notice():
    bureau = NoticeRow("n9", "/x/n9.txt", "n9.txt", "", "青禾市文化和旅游局", NoticeMetadata(
        unit="青禾市文化和旅游局", aliases=[], sub_units=["青禾市文物保护中心", "市文物保护中心", "文物保护中心"]),
        3, "ready", 0.0)
    directory = UnitDirectory([bureau, row("n1", "青禾市云岭区", ["云岭区"])])
    assert directory.find_units("下面那个文物保护中心呢") == ["青禾市文化和旅游局"]
    assert directory.find_units("青禾市文物保护中心完成率多少") == ["青禾市文化和旅游局"]
    assert directory.notice_ids_of(directory.find_units("文物保护中心退了多少钱")) == ["n9"]


def test_a_bare_kind_names_the_one_held_unit_written_as_only_a_level_and_that_kind():
    directory = UnitDirectory([row("n1", "市卫生健康委", []), row("n2", "蘅川县棠溪镇", [])])
    assert directory.find_units("卫健委是哪个巡视组巡的") == ["市卫生健康委"]
    # With another held unit of the kind, the bare kind word names neither of them.
    shared = UnitDirectory([row("n1", "市卫生健康委", []), row("n2", "蘅川县卫生健康委员会", [])])
    assert shared.find_units("卫健委是哪个巡视组巡的") == []


def test_a_city_written_before_a_held_bare_district_name_asks_another_citys_district():
    directory = UnitDirectory([row("n1", "河西区", []), row("n2", "蘅川县棠溪镇", [])])
    assert directory.find_units("河西区整改咋样") == ["河西区"]
    assert directory.find_units("芜州河西区整改咋样") == []
    assert directory.find_units("芜州市河西区整改咋样") == []

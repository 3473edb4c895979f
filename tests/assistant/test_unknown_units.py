from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.unit_places import inside_another_place
from assistant.units import UnitDirectory
from assistant.unknown_units import closest_units, not_held_text, units_named_apart, unknown_unit_names


def directory() -> UnitDirectory:
    rows = [
        NoticeRow("n1", "/a.txt", "a.txt", "", "青禾市云岭区", NoticeMetadata(unit="青禾市云岭区", aliases=["云岭区"]), 1, "ready", 0),
        NoticeRow("n2", "/b.txt", "b.txt", "", "云岭区柳林街道", NoticeMetadata(unit="云岭区柳林街道", aliases=["柳林街道"]), 1, "ready", 0),
        NoticeRow("n3", "/c.txt", "c.txt", "", "东湖高新产业园", NoticeMetadata(unit="东湖高新产业园", aliases=["东湖"]), 1, "ready", 0),
    ]
    return UnitDirectory(rows)


def test_a_place_the_library_lacks_is_named_as_unknown():
    assert unknown_unit_names("长岭镇在整改中采取了哪些措施?", directory()) == ["长岭镇"]
    assert unknown_unit_names("请问青山县教育局追回了多少钱?", directory()) == ["青山县教育局"]
    assert unknown_unit_names("那白沙街道呢?", directory()) == ["白沙街道"]


def test_ingested_units_generic_words_and_inspecting_bodies_are_not_unknown():
    assert unknown_unit_names("柳林街道清退了多少钱?", directory()) == []
    assert unknown_unit_names("全区共发现多少问题?", directory()) == []
    assert unknown_unit_names("市委第二巡察组反馈了什么?", directory()) == []
    assert unknown_unit_names("我街道的整改措施有哪些?", directory()) == []


def test_an_unknown_name_beside_a_known_one_is_still_found():
    assert unknown_unit_names("东湖和长岭镇的公务用车整改有何不同?", directory()) == ["长岭镇"]


def test_closest_units_share_characters_and_kind():
    assert closest_units("柳树街道", directory().units)[0] == "云岭区柳林街道"


def test_the_not_held_answer_names_what_was_asked_and_where_it_looked():
    text = not_held_text(["长岭镇"], ["云岭区柳林街道"])
    assert "长岭镇" in text and "没有" in text and "云岭区柳林街道" in text


def test_a_count_or_pointer_before_an_organ_word_is_no_unit_name():
    for question in ("那两个派出所呢,各退了多少?", "其中有多少个村回迁了?", "这些街道呢?", "其他街道办怎么样?"):
        assert unknown_unit_names(question, directory()) == [], question
    assert unknown_unit_names("长岭镇呢?", directory()) == ["长岭镇"]


def test_sub_units_named_before_their_count_are_no_unit_name_but_a_place_before_a_count_is():
    assert unknown_unit_names("白沙和青石两个派出所清退的钱哪个多?", directory()) == []
    assert unknown_unit_names("长岭镇两个村清退了多少钱?", directory()) == ["长岭镇"]


def test_a_known_place_with_an_organ_short_form_no_unit_holds_is_unknown():
    rows = [NoticeRow("n4", "/d.txt", "d.txt", "", "青禾市文化旅游发展集团有限公司",
                      NoticeMetadata(unit="青禾市文化旅游发展集团有限公司"), 1, "ready", 0)]
    held = UnitDirectory(rows)
    assert unknown_unit_names("青禾城投有几个人被诫勉谈话?", held) == ["青禾城投"]
    assert unknown_unit_names("那青禾交投集团呢?", held) == ["青禾交投集团"]
    assert unknown_unit_names("青禾城投和文旅集团比,谁追回的钱多?", held) == ["青禾城投"]
    assert unknown_unit_names("青禾文旅的巡察整改怎么样?", held) == []  # a short form of the held unit
    assert unknown_unit_names("文旅集团清退了多少钱?", held) == []


def test_a_department_under_a_held_district_is_another_unit():
    assert directory().find_units("云岭区教育局整改了多少问题?") == []
    assert unknown_unit_names("云岭区教育局整改了多少问题?", directory()) == ["云岭区教育局"]
    assert unknown_unit_names("云岭区第一中学有几个问题?", directory()) == ["云岭区第一中学"]
    assert unknown_unit_names("云岭区桃溪路街道整改得怎么样?", directory()) == ["云岭区桃溪路街道"]
    assert unknown_unit_names("东湖街道发现了几个问题?", directory()) == ["东湖街道"]  # not the 产业园
    assert directory().find_units("云岭区柳林街道整改得怎么样?") == ["云岭区柳林街道"]  # a held one stays
    assert directory().find_units("柳林街道社区服务经费审计了吗?") == ["云岭区柳林街道"]  # 社区服务 is no 社区
    # The district's own organs and what belongs to it are the district.
    for question in ("云岭区委是哪天召开动员会的?", "云岭区所属公司有哪些问题?", "云岭区的公司清退了多少钱?",
                     "云岭区各街道整改得怎么样?", "云岭区八个镇的问题整改了吗?"):
        assert directory().find_units(question) == ["青禾市云岭区"], question


def test_a_citys_bureau_is_not_the_same_bureau_of_a_district_in_that_city():
    rows = [NoticeRow("n9", "/j.txt", "j.txt", "", "青禾市白溪区教育局",
                      NoticeMetadata(unit="青禾市白溪区教育局", aliases=["白溪区教育局"]), 1, "ready", 0)]
    held = UnitDirectory(rows)
    assert held.find_units("青禾市教育局整改了多少问题?") == []
    assert unknown_unit_names("青禾市教育局整改了多少问题?", held) == ["青禾市教育局"]
    assert held.find_units("白溪区教育局整改了多少问题?") == ["青禾市白溪区教育局"]


def test_a_unit_named_before_another_units_name_is_still_that_unit():
    for question in ("云岭区跟东湖在工程款上各追回多少?", "云岭区跟城投公司谁追回的多?", "云岭区比东湖多吗?"):
        assert directory().find_units(question)[0] == "青禾市云岭区", question


def test_a_units_bare_organ_name_inside_another_places_name_is_not_that_unit():
    rows = [NoticeRow("n8", "/k.txt", "k.txt", "", "青禾市白溪区教育局",
                      NoticeMetadata(unit="青禾市白溪区教育局", aliases=["白溪区教育局", "区教育局"]), 1, "ready", 0)]
    held = UnitDirectory(rows)
    assert held.find_units("柳河区教育局处分了几个人?") == []
    assert unknown_unit_names("柳河区教育局处分了几个人?", held) == ["柳河区教育局"]
    assert held.find_units("白溪区教育局处分了几个人?") == ["青禾市白溪区教育局"]
    assert held.find_units("区教育局处分了几个人?") == ["青禾市白溪区教育局"]


def test_a_bare_organ_alias_with_its_own_place_before_it_is_named_whole():
    rows = [NoticeRow("n8", "/k.txt", "k.txt", "", "青禾市白溪区教育局",
                      NoticeMetadata(unit="青禾市白溪区教育局", aliases=["区教育局"]), 1, "ready", 0)]
    assert UnitDirectory(rows).mentions("白溪区教育局和柳林街道呢?")[0] == (0, 6, "青禾市白溪区教育局")


def test_a_bare_organ_alias_after_a_function_word_is_its_unit():
    rows = [NoticeRow("n8", "/k.txt", "k.txt", "", "青禾市市场监督管理局",
                      NoticeMetadata(unit="青禾市市场监督管理局", aliases=["市监局"]), 1, "ready", 0)]
    for question in ("那市监局呢?", "这市监局追回了多少?", "和市监局比呢?"):
        assert UnitDirectory(rows).find_units(question) == ["青禾市市场监督管理局"], question


def test_a_place_before_a_unit_whose_own_place_is_unknown_may_be_its_place():
    rows = [NoticeRow("n7", "/m.txt", "m.txt", "", "市卫生健康委",
                      NoticeMetadata(unit="市卫生健康委", aliases=["市卫健委"]), 1, "ready", 0)]
    assert UnitDirectory(rows).find_units("台州市卫生健康委制定了多少项整改措施?") == ["市卫生健康委"]


def test_a_place_with_a_kind_of_area_but_not_the_areas_name_is_another_area():
    rows = [NoticeRow("n7", "/z.txt", "z.txt", "", "武陵桃源经济开发区",
                      NoticeMetadata(unit="武陵桃源经济开发区", aliases=["桃源经济开发区", "桃源"]), 1, "ready", 0)]
    held = UnitDirectory(rows)
    assert held.find_units("武陵经开区清退了多少钱?") == []  # the place's other 经开区
    assert unknown_unit_names("武陵经开区清退了多少钱?", held) == ["武陵经开区"]
    assert held.find_units("桃源经开区清退了多少钱?") == ["武陵桃源经济开发区"]


def test_a_known_place_before_another_units_bare_organ_name_is_that_places_organ():
    rows = [
        NoticeRow("n1", "/a.txt", "a.txt", "", "青禾市白溪区教育局", NoticeMetadata(unit="青禾市白溪区教育局", aliases=["教育局"]), 1, "ready", 0),
        NoticeRow("n2", "/b.txt", "b.txt", "", "云岭区柳林街道", NoticeMetadata(unit="云岭区柳林街道", aliases=["柳林街道"]), 1, "ready", 0),
    ]
    held = UnitDirectory(rows)
    assert held.find_units("那云岭区教育局呢?") == []
    assert unknown_unit_names("那云岭区教育局呢?", held) == ["云岭区教育局"]
    assert held.find_units("白溪区教育局呢?") == ["青禾市白溪区教育局"]
    assert held.find_units("那教育局呢?") == ["青禾市白溪区教育局"]


def held(*units: str) -> UnitDirectory:
    return UnitDirectory(
        NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
        for i, unit in enumerate(units)
    )


def test_a_held_units_place_and_kind_around_another_own_name_is_another_unit():
    directory = held("青禾蓼北产业集聚区", "芷溪区园林绿化局")
    question = "青禾芦汀口产业集聚区的巡视整改收回了多少钱?"
    assert directory.find_units(question) == []
    assert unknown_unit_names(question, directory) == ["青禾芦汀口产业集聚区"]
    assert unknown_unit_names("青禾蓼南产业集聚区处分了几人?", directory) == ["青禾蓼南产业集聚区"]
    assert directory.find_units("蓼北集聚区修订了几项制度") == ["青禾蓼北产业集聚区"]
    assert unknown_unit_names("青禾蓼北集聚区修订了几项制度", directory) == []


def test_a_place_and_organ_the_word_cutter_cannot_read_is_an_unknown_unit():
    directory = held("青禾蓼北产业集聚区", "芷溪区园林绿化局")
    assert unknown_unit_names("苕汀区住建局那轮巡察改完几个问题了", directory) == ["苕汀区住建局"]
    assert unknown_unit_names("去年市住建局改完几个问题了", directory) == []
    assert unknown_unit_names("芷溪区园林局那轮巡察改完几个问题了", directory) == []


def test_another_company_named_after_a_held_companys_group_is_unknown():
    rows = [NoticeRow("n5", "/e.txt", "e.txt", "", "青禾水务集团供水有限公司",
                      NoticeMetadata(unit="青禾水务集团供水有限公司"), 1, "ready", 0)]
    held = UnitDirectory(rows)
    question = "青禾水务的排水公司整改完成率多少"
    assert unknown_unit_names(question, held) == ["排水公司"]
    assert units_named_apart(question, ["排水公司"], held) == []  # the group is only its qualifier
    assert unknown_unit_names("青禾水务的供水公司整改完成率多少", held) == []  # the held company itself
    assert unknown_unit_names("青禾水务的子公司有问题吗", held) == []


def test_an_organ_before_an_inspection_group_is_the_unit_inspected():
    rows = [NoticeRow("n6", "/f.txt", "f.txt", "", "青禾县医疗保障局", NoticeMetadata(unit="青禾县医疗保障局"), 1, "ready", 0)]
    held = UnitDirectory(rows)
    assert unknown_unit_names("青禾县检察院巡察组组长是谁", held) == ["青禾县检察院"]
    assert unknown_unit_names("青禾县医保局巡察组组长是谁", held) == []
    assert unknown_unit_names("青禾县委巡察组组长是谁", held) == []


def test_a_territory_named_without_its_level_is_the_unit_of_its_party_committee():
    rows = [NoticeRow("n7", "/g.txt", "g.txt", "", "青禾市桐城区工委", NoticeMetadata(unit="青禾市桐城区工委"), 1, "ready", 0)]
    held = UnitDirectory(rows)
    assert held.find_units("青禾桐城区集中整改从哪天搞到哪天?") == ["青禾市桐城区工委"]
    assert unknown_unit_names("青禾桐城区集中整改从哪天搞到哪天?", held) == []
    assert unknown_unit_names("青禾柳城区集中整改从哪天搞到哪天?", held) == ["青禾柳城区"]


def test_another_institution_at_a_place_whose_name_holds_a_function_character_is_unknown():
    # 和 inside a place the word cutter reads whole (永和县) is no conjunction: the hospital asked about is
    # another one than the held 人民医院, so it is not answered from that hospital's notice.
    rows = [NoticeRow("n1", "/h.txt", "h.txt", "", "永和县人民医院", NoticeMetadata(unit="永和县人民医院"), 1, "ready", 0)]
    held = UnitDirectory(rows)

    assert unknown_unit_names("永和县中医院巡察整改咋样了", held) == ["永和县中医院"]
    assert unknown_unit_names("新和县中医院整改了吗", held) == ["新和县中医院"]
    assert unknown_unit_names("永和县人民医院巡察整改咋样了", held) == []
    assert unknown_unit_names("永和县医院反馈了几个问题", held) == []  # the held hospital, written shorter



def test_a_name_cut_from_inside_another_county_is_not_the_held_bureau():
    # the word cutter may leave the first character of a rare place apart: "蓊" + "溪县农业农村局"
    assert inside_another_place("蓊溪县农业农村局", 1, "溪县农业农村局", "葭溪县农业农村局")
    assert not inside_another_place("那溪县农业农村局呢", 1, "溪县农业农村局", "葭溪县农业农村局")
    assert not inside_another_place("葭溪县农业农村局", 1, "溪县农业农村局", "葭溪县农业农村局")


def test_a_held_unit_joined_to_a_count_of_its_companies_is_no_unknown_unit():
    rows = [NoticeRow("n9", "/z.txt", "z.txt", "", "蘅川经济开发区",
                      NoticeMetadata(unit="蘅川经济开发区", aliases=["开发区管委会"]), 1, "ready", 0)]
    held = UnitDirectory(rows)
    for question in ("开发区管委会加上两家公司一共挽回多少钱", "开发区管委会连同三家公司处分了几人"):
        assert unknown_unit_names(question, held) == [], question
        assert held.find_units(question) == ["蘅川经济开发区"], question
    assert unknown_unit_names("开发区管委会加上棠溪镇一共挽回多少钱", held) == ["棠溪镇"]

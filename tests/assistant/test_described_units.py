"""Units described instead of named: by what they do, their level and kind, a word of their place, or what people
call their kind (FICTIONAL units)."""

from __future__ import annotations

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.described_units import asked_back, description_read
from assistant.followup import condense_with_rules
from assistant.units import UnitDirectory

GRAIN = "白沙县粮食储备有限公司"
TAX = "国家税务总局青禾市云岭区税务局"
SCHOOL = "白沙县苇塘镇中心小学"
CULTURE = "县文化和旅游局"  # its notice names it without its place
CLINIC = "云岭区柳林街道社区卫生服务中心"
ZONE = "漱州青禾经济开发区"


def directory(*units: str) -> UnitDirectory:
    units = units or (GRAIN, TAX, SCHOOL, CULTURE, CLINIC, ZONE)
    return UnitDirectory([NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
                          for i, unit in enumerate(units)])


def _exchange(*turns: str) -> list[dict]:
    return [{"role": ("user", "assistant")[i % 2], "content": text} for i, text in enumerate(turns)]


def test_a_unit_described_by_what_it_does_is_asked_the_last_question():
    history = _exchange("苇塘镇中心小学处理了多少人?", "党纪处分2人。")
    assert condense_with_rules(history, "那个收粮的呢", directory()) == f"{GRAIN}处理了多少人?"
    assert condense_with_rules(history, "管税务的那家呢?", directory()) == f"{TAX}处理了多少人?"
    assert condense_with_rules(history, "换成区里那家看病的", directory()) == f"{CLINIC}处理了多少人?"


def test_a_unit_described_by_what_it_does_then_a_question_of_its_own():
    history = _exchange("白沙粮食储备公司巡察意见哪天反馈的?", "2024年6月20日。")
    asked = condense_with_rules(history, "那征税的那个呢,啥时候反馈的", directory())
    assert asked.startswith(TAX) and "反馈" in asked and GRAIN not in asked


def test_a_unit_described_by_its_level_and_kind_or_level_and_work():
    history = _exchange("柳林社区卫生服务中心改完了多少?", "17个问题已完成整改15个。")
    assert condense_with_rules(history, "换到镇上那所小学", directory()) == f"{SCHOOL}改完了多少?"
    assert condense_with_rules(history, "县里那个旅游的呢", directory()) == f"{CULTURE}改完了多少?"


def test_a_unit_described_by_a_word_of_its_place_and_its_kind_then_a_question():
    history = _exchange("柳林社区卫生服务中心纪律作风专题会哪天开的?", "4月11日。")
    assert condense_with_rules(history, "那个漱州的开发区纪律作风这块咋改的", directory()) == f"{ZONE}纪律作风这块咋改的"


def test_what_a_unit_does_asked_as_an_aspect_is_no_description():
    history = _exchange("苇塘镇中心小学处理了多少人?", "党纪处分2人。")
    for question in ("那文化方面呢", "那税收这块呢"):
        assert condense_with_rules(history, question, directory()).startswith(SCHOOL)


def test_a_description_no_held_unit_fits_switches_to_none_and_what_it_does_is_said_not_held():
    history = _exchange("苇塘镇中心小学处理了多少人?", "党纪处分2人。")
    units = directory(GRAIN, TAX, SCHOOL)
    for question in ("那家管医保的呢", "市里那个小学呢", "那个看病的呢"):
        assert all(unit not in condense_with_rules(history, question, units) for unit in (GRAIN, TAX))
    assert asked_back("那家管医保的呢", units, [SCHOOL])[1] and asked_back("那个看病的呢", units, [SCHOOL])[1]
    assert asked_back("市里那个小学呢", units, [SCHOOL]) == ("", False)  # a kind only: the unit just discussed may be meant


def test_a_unit_described_by_a_kind_people_name_units_by():
    history = _exchange("白沙粮食储备公司处理了多少人?", "党纪处分2人。")
    assert condense_with_rules(history, "那家学校呢", directory()) == f"{SCHOOL}处理了多少人?"
    asked = condense_with_rules(history, "区里那个医院怎么整改的", directory())
    assert asked.startswith(CLINIC) and GRAIN not in asked


def test_a_description_several_held_units_fit_asks_which_one_is_meant():
    other = "白沙县荷塘镇第二小学"
    units = directory(GRAIN, SCHOOL, other)
    history = _exchange("白沙粮食储备公司处理了多少人?", "党纪处分2人。")
    said, none_fits = asked_back("那镇里的小学呢", units, [GRAIN])
    assert SCHOOL in said and other in said and GRAIN not in said and not none_fits
    # neither is guessed
    assert SCHOOL not in condense_with_rules(history, "那镇里的小学呢", units)
    # one fitting unit is read as it, and the user is told so
    asked = condense_with_rules(history, "那镇里的小学呢", directory(GRAIN, SCHOOL))
    assert asked_back("那镇里的小学呢", directory(GRAIN, SCHOOL), [GRAIN]) == ("", False)
    assert description_read("那镇里的小学呢", asked, directory(GRAIN, SCHOOL)) == f"“那镇里的小学”按{SCHOOL}理解。"


def test_a_description_the_unit_just_discussed_fits_points_back_at_it():
    other = "白沙县荷塘镇第二小学"
    units = directory(GRAIN, SCHOOL, other)
    history = _exchange("苇塘镇中心小学处理了多少人?", "党纪处分2人。")
    assert asked_back("那个小学后来怎么改的", units, [SCHOOL]) == ("", False)
    asked = condense_with_rules(history, "那个小学后来怎么改的", units)
    assert SCHOOL in asked and other not in asked


def test_a_unit_named_by_its_place_and_what_people_call_its_kind():
    assert condense_with_rules([], "柳林社区医院医保上查出了哪些问题", directory()) == f"{CLINIC}医保上查出了哪些问题"
    assert condense_with_rules([], "云岭税务是谁去巡的", directory()) == f"{TAX}是谁去巡的"
    # a unit its notice names without a place, with a place no held name holds in front (cut "荇/水文/旅局")
    assert condense_with_rules([], "荇水文旅局处理了多少人", directory()) == f"{CULTURE}处理了多少人"


def test_a_place_and_a_kind_no_held_unit_there_is_of_stays_unknown():
    for question in ("柳林卫生院处分了几个人", "云岭税务所处分了几个人", "苇塘镇卫生院处分了几个人", "云岭区市场监管局追回多少钱"):
        assert condense_with_rules([], question, directory()) == question


def test_a_county_hospital_of_another_county_is_not_read_as_the_held_one():
    # "县人民医院" is a kind every county has: 紫溪县's hospital is not 白沙县's, even though both say 县人民医院
    held = directory(GRAIN, "白沙县人民医院", "紫溪县苇塘中学")
    for question in ("紫溪县人民医院整改得咋样了", "紫溪县中医院处分了几个人"):
        assert condense_with_rules([], question, held) == question
    assert held.find_units("白沙县人民医院处分了几个人") == ["白沙县人民医院"]


def test_a_hospital_of_another_kind_at_the_held_hospitals_place_is_not_read_as_it():
    # 中医院, 口腔医院, 第一人民医院 are hospitals apart from the held 人民医院 of the same county
    held = directory(GRAIN, "白沙县人民医院", "紫溪县苇塘中学")
    for question in ("白沙县中医院整改得咋样", "白沙中医医院处分了几个人", "白沙县口腔医院咋样", "白沙县第一人民医院咋样"):
        assert condense_with_rules([], question, held) == question
        assert held.find_units(question) == []
    # without a kind of its own, or with the held one's, the place's hospital is the held one
    for question in ("白沙医院处分了几个人", "白沙县医院整改得咋样", "县人民医院整改得咋样", "白沙人民医院整改得咋样"):
        assert held.find_units(condense_with_rules([], question, held)) == ["白沙县人民医院"], question


def test_the_chain_says_a_hospital_of_another_kind_is_not_held(chain_over):
    chain = chain_over("hospital.txt", _notice("白沙县人民医院", "整改期间,医院给予党纪处分3人。"))
    answer = chain.ask("白沙县中医院整改得咋样")
    assert answer.not_found and "党纪处分3人" not in answer.text and "白沙县中医院" in answer.text
    assert "党纪处分3人" in chain.ask("白沙县医院处分了几个人").text


def _notice(unit: str, body: str) -> str:
    return f"中共{unit}委员会关于巡察整改情况的通报\n\n根据县委统一部署,县委第三巡察组对{unit}进行了巡察。\n\n{body}\n"


def test_the_chain_answers_of_the_one_unit_described_and_asks_back_when_several_fit(chain_over):
    chain_over("grain.txt", _notice(GRAIN, "整改期间,公司给予党纪处分2人、诫勉谈话1人。"))
    chain = chain_over("school.txt", _notice(SCHOOL, "整改期间,学校给予党纪处分1人。"))
    history = _exchange(f"{SCHOOL}处理了多少人?", "党纪处分1人。")
    answer = chain.ask("那个储粮的呢", history=history)
    assert "党纪处分2人" in answer.text and GRAIN in answer.notice
    other = "白沙县荷塘镇第二小学"
    chain = chain_over("other.txt", _notice(other, "整改期间,学校给予诫勉谈话3人。"))
    answer = chain.ask("那镇里的小学呢", history=_exchange(f"{GRAIN}处理了多少人?", "党纪处分2人。"))
    assert SCHOOL in answer.text and other in answer.text and "诫勉谈话3人" not in answer.text


def test_the_chain_says_no_held_unit_does_what_a_follow_up_describes(chain_over):
    chain = chain_over("grain.txt", _notice(GRAIN, "整改期间,公司给予党纪处分2人、诫勉谈话1人。"))
    answer = chain.ask("那个管医保的呢", history=_exchange(f"{GRAIN}处理了多少人?", "党纪处分2人。"))
    assert answer.not_found and "党纪处分2人" not in answer.text


def test_the_land_bureau_is_found_by_what_it_manages():
    held = directory("蒹州市自然资源和规划局", "漱山县人民检察院", "苇塘县供销合作社联合社")
    history = _exchange("检察院一共多少问题", "3个方面12个问题。")
    assert "蒹州市自然资源和规划局" in condense_with_rules(history, "管国土那家呢", held)


def test_a_bureau_of_another_county_with_the_same_tail_is_not_the_held_one():
    held = directory("葭溪县农业农村局", "蓊溪县供销合作社联合社")
    asked = condense_with_rules([], "蓊溪县农业农村局追回多少钱", held)
    assert "葭溪县" not in asked
    assert held.find_units("蓊溪县农业农村局追回多少钱") == []
    assert held.find_units("葭溪县农业农村局追回多少钱") == ["葭溪县农业农村局"]


def test_a_co_op_is_found_by_its_common_short_name_and_by_what_it_runs():
    held = directory("蓊溪县供销合作社联合社", "漱山县人民检察院")
    assert held.find_units("供销社追回多少钱") == ["蓊溪县供销合作社联合社"]
    history = _exchange("检察院定了几项制度", "新建制度8项。")
    assert "蓊溪县供销合作社联合社" in condense_with_rules(history, "开供销社那家呢", held)
    assert held.find_units("社会上反映的问题") == []

"""Follow-ups describing a unit by what its notice says or how it looks ("融媒体发的那个镇呢"), and follow-ups
pointing inside the previous answer's item ("这里头…", "那俩…人") (FICTIONAL units and notices)."""

from __future__ import annotations

from index.catalog import NoticeRow
from index.documents import NoticeMetadata

from assistant.followup import condense_with_rules
from assistant.notice_described_units import described_by_notice, history_with_units_named
from assistant.units import UnitDirectory

ENERGY = "漱州热力有限公司"
JUSTICE = "云岭区司法局"
REEDS = "白沙县苇塘镇"
LOTUS = "白沙县荷塘镇"
WILLOW = "青禾市柳林街道"
PINE = "青禾市松岗街道"
NOTICES = {
    ENERGY: "漱州能源服务有限公司党委关于巡察整改情况的通报\n巡察指出，冬季锅炉检修不及时，供热管网老化，部分小区室温不达标。\n",
    JUSTICE: "中共云岭区司法局党组关于巡察整改情况的通报\n普法宣传阵地管理不规范，法律援助案件归档滞后，医保报销材料审核不严。\n",
    REEDS: "苇塘镇：巡察整改见实效\n2024年10月9日 来源：白沙县融媒体中心\n该镇清退低保对象12户。\n责任编辑：林青\n",
    LOTUS: "中共白沙县荷塘镇委员会关于巡察整改情况的通报\n镇党委清退低保对象9户。\n",
    WILLOW: "长图｜巡察整改成绩单\n【整改概况】\n完成整改：14个\n出品：中共青禾市柳林街道工作委员会\n",
    PINE: "中共青禾市松岗街道工作委员会关于巡察整改进展情况的通报\n街道党工委完成整改11个问题。\n",
}
MARGIN, MEANING_MARGIN = 0.5, 0.05


def _directory(*units: str) -> UnitDirectory:
    return UnitDirectory([NoticeRow(f"n{i}", f"/{i}.txt", f"{i}.txt", "", unit, NoticeMetadata(unit=unit), 1, "ready", 0)
                          for i, unit in enumerate(units)])


def _text_of(directory: UnitDirectory):
    return lambda notice_id: NOTICES[next(e.unit for e in directory.entries if notice_id in e.notice_ids)]


def _described(question: str, *units: str, similarity=None) -> tuple[str, str]:
    directory = _directory(*(units or tuple(NOTICES)))
    return described_by_notice(question, directory, _text_of(directory), similarity, MARGIN, MEANING_MARGIN)


def _exchange(*turns: str) -> list[dict]:
    return [{"role": ("user", "assistant")[i % 2], "content": text} for i, text in enumerate(turns)]


def test_a_unit_described_by_what_its_notice_says_it_does_is_named_and_the_reading_said():
    named, read = _described("那个管锅炉的那家呢")
    assert named == f"那{ENERGY}呢" and ENERGY in read and "锅炉" in read


def test_a_unit_described_by_its_work_in_everyday_words_is_named():
    assert _described("换成管暖气的那家")[0] == f"那{ENERGY}呢"  # its name says 热力
    assert _described("换到做法律援助的那个局看看")[0] == f"那{JUSTICE}呢"


def test_a_unit_described_by_where_its_notice_was_published_is_named_with_the_question_asked_of_it():
    named, _ = _described("融媒体中心发的那个镇呢,清了几户")
    assert named == f"那{REEDS}呢,清了几户"


def test_a_unit_described_by_how_its_notice_looks_is_named():
    assert _described("那个长图的街道呢")[0] == f"那{WILLOW}呢"


def test_a_description_no_notice_or_several_alike_fit_names_no_unit():
    assert _described("那个搞养老的那家呢") == ("", "")  # no notice speaks of it
    assert _described("管普法宣传的那个镇呢") == ("", "")  # no 镇's notice speaks of it
    assert _described("管医保的那个局呢") == ("", "")  # no held unit's name does it: said so elsewhere (asked_back)
    assert _described("清退低保的那个镇呢") == ("", "")  # both towns' notices say it
    assert _described("那个融媒体的街道呢") == ("", "")  # the town's notice says it, but it is no 街道


def test_a_question_naming_a_held_unit_or_asking_a_topic_is_no_description():
    assert _described(f"那{LOTUS}的低保呢") == ("", "")
    assert _described("低保这块呢") == ("", "")


def test_failing_shared_words_only_a_unit_clearly_closer_in_meaning_is_named():
    def close_to_energy(words, names):
        return [0.9 if name == ENERGY else 0.8 for name in names]

    def alike(words, names):
        return [0.85 for _ in names]

    assert _described("那个烧煤取热的那家呢", ENERGY, JUSTICE, similarity=close_to_energy)[0] == f"那{ENERGY}呢"
    assert _described("那个烧煤取热的那家呢", ENERGY, JUSTICE, similarity=alike) == ("", "")


def test_a_follow_up_inside_the_item_just_told_searches_that_item_of_that_unit():
    history = _exchange(f"{LOTUS}有多少违纪党员没处理", "2019年以来有11名违纪党员未受处理。")
    asked = condense_with_rules(history, "这里头有判刑的吗", _directory(*NOTICES))
    assert asked.startswith(LOTUS) and "11名违纪党员" in asked


def test_two_people_pointed_at_are_people_of_the_item_told_not_two_units():
    history = _exchange(f"{JUSTICE}经费上查出啥", "2名科室负责人虚报加班费;清退3.2万元。")
    asked = condense_with_rules(history, "那俩负责人咋处理的", _directory(*NOTICES))
    assert asked.startswith(JUSTICE) and "虚报加班费" in asked


def test_a_later_follow_up_after_a_described_unit_keeps_the_topic_asked_before_it():
    directory = _directory(*NOTICES)
    history = _exchange(f"{LOTUS}公车有啥问题", "节假日公车私用。", "那个管锅炉的那家呢", "抢修车辆停放在个人住所。")
    named = history_with_units_named(history, lambda asked: described_by_notice(
        asked, directory, _text_of(directory), None, MARGIN, MEANING_MARGIN)[0])
    assert condense_with_rules(named, "那司法局呢", directory) == f"{JUSTICE}公车有啥问题"
    assert history[2]["content"] == "那个管锅炉的那家呢"  # the conversation as said is left as it was

"""How colloquial wording is read: who/when questions, names next to posts, filler words, shortened names."""

from __future__ import annotations

from assistant.deadline_answer import asks_for_deadline
from assistant.evidence import contracted
from assistant.plain_words import in_official_words
from assistant.question import has_person_name, names_holder_of, profile_question, record_fields
from assistant.topic_words import topic_tokens
from assistant.unit_names import name_tail_end


def test_叫啥_asks_for_a_persons_name():
    profile = profile_question("白沙镇镇长叫啥?")
    assert profile.wants_person and profile.name_asked


def test_谁家_asks_for_units_not_a_person():
    assert not profile_question("谁家追回了违规报销的钱?").wants_person


def test_啥时候能弄好_asks_for_a_deadline():
    assert profile_question("雨棚改造啥时候能弄好?").wants_date
    assert asks_for_deadline("雨棚改造啥时候能弄好?")


def test_a_post_taking_a_role_is_no_name():
    assert not names_holder_of("书记", "成立领导小组,由镇党委书记任组长,统筹推进整改。")
    assert names_holder_of("书记", "镇党委书记王立强主持会议。")


def test_a_name_between_a_post_and_a_deed_is_a_person():
    assert has_person_name("领导小组下设办公室,由二级主任科员邵启明负责日常协调。")
    assert not has_person_name("领导小组下设办公室,由办公室主任负责日常协调。")


def test_who_spoke_for_the_team_asks_for_the_one_delivering_the_feedback():
    assert "反馈" in profile_question("反馈会上是谁代表巡察组讲的?").act.split("|")


def test_pointing_filler_and_modal_words_are_no_topic():
    assert topic_tokens(["那块", "现在", "能", "还有", "工程款", "回事"]) == ["工程款"]


def test_an_abbreviated_tail_after_a_units_short_form_is_part_of_its_name():
    assert name_tail_end("澄大附中被巡察组指出了几个问题", 2, ["澄溪大学附属中学"]) == 4
    assert name_tail_end("澄大被巡察组指出了几个问题", 2, ["澄溪大学附属中学"]) == 2


def test_a_two_character_word_meets_the_word_it_shortens():
    assert contracted("公厕", "新建改建公共厕所12座")
    assert not contracted("公厕", "完善公共服务设施")


def test_a_question_in_plain_words_reads_in_the_notices_words():
    assert in_official_words("被巡察组挑出了多少个问题?") == "被巡察组指出了多少个问题?"


def test_how_many_are_left_asks_for_the_in_progress_count():
    assert "problems_in_progress" in record_fields("还有几个问题没改完?")

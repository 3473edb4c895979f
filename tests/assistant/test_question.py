import pytest

from assistant.question import profile_question, satisfies


def test_a_count_must_be_stated_in_the_measure_asked_for():
    profile = profile_question("石桥区整改完成了多少项任务?")
    assert satisfies(profile, "已完成整改任务35项。")
    assert not satisfies(profile, "以“四个意识”为政治标杆,推动整改。")  # counts something else


def test_a_count_of_people_may_be_stated_in_any_word_for_people():
    assert satisfies(profile_question("几个人被处分?"), "给予党纪处分6名干部。")


def test_an_approximate_count_is_a_count():
    profile = profile_question("共有多少人参加会议?")
    assert satisfies(profile, "公司中层干部等共计90余人参加了会议。")
    assert satisfies(profile_question("有多少名干部参会?"), "100多名干部参加会议。")


def test_who_did_an_act_needs_a_name_with_that_act():
    profile = profile_question("反馈意见是谁念的?")
    assert satisfies(profile, "会上,市委第五巡察组组长方立新宣读了反馈意见。")
    assert not satisfies(profile, "新闻网讯(记者 李明)4月17日上午,巡察情况反馈会议召开。")  # a name, another deed


def test_who_holds_a_post_needs_the_holder_of_that_post():
    profile = profile_question("石桥镇党委书记是谁?")
    assert satisfies(profile, "该镇党委书记周明远表示,将持续抓好整改。")
    assert not satisfies(profile, "巡察组组长方立新主持召开反馈会议。")  # a name, but another post
    assert satisfies(profile_question("领导小组组长是谁?"), "成立了以区委书记马卫东为组长的领导小组。")


def test_a_team_leader_named_in_brackets_after_the_team_is_the_holder():
    profile = profile_question("带队的组长是谁?")
    assert satisfies(profile, "区委第三巡察组（组长方立新）对区林业局党组进行了常规巡察。")
    assert satisfies(profile, "县委第一巡察组(组长吴海平)进驻白沙镇开展巡察。")


def test_how_many_people_at_the_end_of_a_question_is_a_count():
    profile = profile_question("清退的比赛奖金涉及几个人?")
    assert profile.wants_number and satisfies(profile, "已全部清退6人超标准发放奖金3200元。")
    assert not satisfies(profile, "超标准发放的比赛奖金已全部清退。")


def test_which_team_came_asks_for_the_inspecting_team():
    assert profile_question("那次巡视是哪个组来的?").metadata_fields == ("inspecting_body",)


def test_days_asked_as_ji_hao_are_the_notices_own_dates():
    # colloquial "几号" for the feedback meeting and the inspection's dates (real pages' readers ask so)
    assert profile_question("石桥镇的巡察反馈会是几号开的?").metadata_fields == ("feedback_date",)
    assert profile_question("城投集团被巡察是从几号到几号?").metadata_fields == ("inspection_period",)


def test_when_a_follow_up_inspection_took_place_asks_the_inspection_dates():
    # "巡察回头看是啥时候搞的": the kind of inspection between 巡察 and the date word still asks its period
    assert profile_question("苇塘开发区巡察回头看是啥时候搞的").metadata_fields == ("inspection_period",)
    assert profile_question("苇塘开发区“回头看”什么时候开展的").metadata_fields == ("inspection_period",)


def test_which_post_holder_asks_for_a_person():
    profile = profile_question("石桥镇的巡察反馈是哪个组长来讲的?")
    assert profile.wants_person and profile.role == "组长"


def test_during_the_inspection_beside_a_figure_word_asks_a_figure_not_a_date():
    profile = profile_question("巡察期间挽回的经济损失是多少?")
    assert profile.wants_number and not profile.wants_date
    assert profile_question("巡察期间是什么时候?").wants_date


def test_who_after_asking_about_units_asks_which_units_not_a_person():
    assert not profile_question("有没有单位在公车上被点名?都有谁?").wants_person
    assert profile_question("哪家单位的组长是谁?").wants_person


def test_the_leader_of_the_inspection_is_not_the_leader_of_the_units_own_group():
    profile = profile_question("去石桥镇巡察的组长叫啥?")
    assert not satisfies(profile, "镇党委高度重视,成立以党委书记马卫东为组长的整改工作领导小组。")
    assert satisfies(profile, "县委第一巡察组(组长郦文海)进驻石桥镇开展巡察。")  # a rarer surname
    assert satisfies(profile_question("领导小组组长是谁?"), "成立以党委书记马卫东为组长的整改工作领导小组。")


def test_which_team_and_its_leader_asks_for_the_inspection_teams_head():
    profile = profile_question("石桥镇是哪个巡察组去的,组长谁?")
    assert profile.wants_person
    assert not satisfies(profile, "成立以党委书记马卫东为组长的整改工作领导小组。")
    assert satisfies(profile, "区委第三巡察组（组长方立新）对石桥镇党委进行了常规巡察。")


def test_how_many_dismissed_counts_people():
    profile = profile_question("护林员辞了几个?")
    assert satisfies(profile, "对护林员重新审核,解聘不符合条件人员3名。")


def test_whose_unit_and_who_mentioned_ask_which_units_not_for_a_person():
    assert not profile_question("公务接待超标的是谁家?").wants_person
    assert not profile_question("谁提到了食堂的毛病").wants_person
    assert profile_question("谁主持的反馈会?").wants_person


def test_how_many_units_is_answered_by_the_units_but_how_many_firms_is_a_figure():
    assert not profile_question("巡察整改这块有几家出问题?").wants_number
    assert profile_question("对几家企业下达了停工通知?").wants_number


def test_a_group_set_up_with_a_post_as_its_leader_answers_who_leads_it():
    asked = profile_question("整改领导小组的组长是谁?")
    assert satisfies(asked, "成立县委书记任组长的整改工作领导小组,对整改负总责。")
    assert not satisfies(asked, "成立整改工作领导小组,对整改负总责。")


def test_a_count_of_points_made_answers_how_many_points_and_a_clock_time_does_not():
    profile = profile_question("两家反馈会上巡察组各提了几点建议")
    assert satisfies(profile, "巡察组提出四点意见建议:一是提高政治站位")
    assert not satisfies(profile, "上午9点召开反馈会议")


@pytest.mark.parametrize(
    "sentence",
    ["统筹巡察反馈问题、深入贯彻中央八项规定精神学习教育查摆问题,一体推进问题整改。", "对照《三年行动方案》逐项整改问题。"],
)
def test_a_numeral_that_names_a_rule_or_a_title_does_not_answer_how_many(sentence):
    asked = profile_question("柳林街道一共被反馈了多少个问题?")
    assert not satisfies(asked, sentence)
    assert satisfies(asked, "巡察组共反馈问题23个。")


def test_a_district_secretary_asked_by_name_is_not_met_by_the_city_secretary_named():
    asked = profile_question("蘅川区委书记叫啥")
    assert not satisfies(asked, "对照市委书记周明远同志提出的要求,深化认识。")
    assert satisfies(asked, "区委书记吴晓峰主持召开专题会议。")

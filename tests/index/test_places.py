"""Place names found at word boundaries (fictional places)."""

from index.places import named_places, unique_place


def test_place_is_cut_at_the_word_before_it():
    assert named_places("省卫生健康委支持青禾市卫生健康领域改革。", "市") == ["青禾市"]


def test_self_references_and_committees_are_not_places():
    assert named_places("全市各单位在市委领导下,根据市委部署,服务市民。", "市") == []


def test_one_place_named_twice_is_unique_two_places_are_not():
    assert unique_place("推动石桥镇发展。石桥镇党委召开会议。", "镇") == "石桥镇"
    assert unique_place("推动石桥镇发展,学习白沙镇经验。", "镇") == ""


def test_common_words_ending_in_a_type_word_are_not_places():
    assert named_places("老旧小区改造,毗邻地区合作。", "区") == []

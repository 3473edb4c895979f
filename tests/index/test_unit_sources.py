"""Where a notice names its own unit: the unit chosen from its lines."""

from index.unit_sources import choose_unit, find_unit_candidates


def test_a_speech_is_of_the_unit_whose_secretary_signs_its_byline_not_of_我们局():
    speech = (
        "在全局巡察整改工作总结会上的讲话\n\n"
        "榕岭县水利局党组书记、局长　林某某\n（2024年12月6日）\n\n同志们：\n\n"
        "今年5月13日到7月5日，县委第二巡察组对我们局党组进行了常规巡察，8月9日反馈了巡察意见。\n"
    )
    assert choose_unit(speech) == "榕岭县水利局"
    assert all(not c.name.startswith("我们") for c in find_unit_candidates(speech))

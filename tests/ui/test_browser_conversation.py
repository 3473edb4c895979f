"""In headless Chromium: a follow-up that switches unit is answered on the same topic for the new unit."""

from __future__ import annotations

import pytest

from tests.ui.test_browser import ask, browser, page, panel_units, shot, ui  # noqa: F401 (fixtures)

pytestmark = pytest.mark.integration


def test_a_follow_up_naming_another_unit_keeps_the_topic(page):
    first = ask(page, "东湖高新产业园清退了哪些违规发放的补助?")
    assert "3.2万元" in first

    reply = ask(page, "那云岭区呢?")

    assert "12.6万元" in reply  # 云岭区's 津补贴 clawed back: the topic carried over
    assert "3.2万元" not in reply
    assert "按“青禾市云岭区清退了哪些违规发放的补助?”理解" in reply  # the reading of the follow-up is shown
    assert panel_units(page) == {"青禾市云岭区"}
    shot(page, "10-follow-up-switches-unit")

"""Which units qualify for a "which units…" question, relative to how the question scores across units."""

from __future__ import annotations

import numpy as np

from assistant.qualify import UnitScores, asks_which_units, best_per_unit, qualifying
from assistant.settings import RetrievalSettings

SETTINGS = RetrievalSettings(relative_coverage=0.7, min_coverage=0.4, min_similarity=0.86, similarity_spread=3.0)


def scores(coverage, similarity=None, fact=None) -> UnitScores:
    n = len(coverage)
    return UnitScores(
        coverage=np.array(coverage, dtype=np.float32),
        similarity=np.array(similarity if similarity is not None else [0.5] * n, dtype=np.float32),
        fact_coverage=np.array(fact if fact is not None else [0.0] * n, dtype=np.float32),
    )


def everyone(n: int) -> np.ndarray:
    return np.ones(n, dtype=bool)


def test_units_covering_nearly_as_much_as_the_best_unit_qualify():
    chosen = qualifying(scores([1.0, 0.75, 0.5, 0.2]), everyone(4), SETTINGS)
    assert chosen.tolist() == [True, True, False, False]


def test_the_bar_follows_the_question_when_no_unit_covers_every_term():
    # The same spread one level lower: the best covers 0.6, so 0.45 is close enough, 0.3 is not.
    chosen = qualifying(scores([0.6, 0.45, 0.3]), everyone(3), SETTINGS)
    assert chosen.tolist() == [True, True, False]


def test_a_question_nothing_answers_qualifies_no_unit():
    assert not qualifying(scores([0.3, 0.25, 0.1]), everyone(3), SETTINGS).any()


def test_a_unit_stating_the_asked_for_figure_qualifies_at_a_lower_coverage():
    chosen = qualifying(scores([1.0, 0.45, 0.45], fact=[0.0, 0.45, 0.0]), everyone(3), SETTINGS)
    assert chosen.tolist() == [True, True, False]


def test_only_a_unit_far_above_the_typical_similarity_qualifies_on_meaning_alone():
    similarity = [0.87, 0.87, 0.86, 0.95, 0.865]
    chosen = qualifying(scores([0.0] * 5, similarity), everyone(5), SETTINGS)
    assert chosen.tolist() == [False, False, False, True, False]


def test_units_out_of_scope_never_qualify_and_do_not_set_the_bar():
    in_scope = np.array([False, True, True])
    chosen = qualifying(scores([1.0, 0.6, 0.5]), in_scope, SETTINGS)
    assert chosen.tolist() == [False, True, True]


def test_best_per_unit_takes_the_best_row_of_each_unit():
    best = best_per_unit(3, np.array([0, 1, 0, 2, -1]), np.array([0.2, 0.5, 0.7, 0.1, 0.9]))
    assert np.allclose(best, [0.7, 0.5, 0.1])


def test_a_figure_nearly_every_unit_states_does_not_make_a_unit_qualify():
    # Every unit states some amount of money: that alone tells no unit apart.
    chosen = qualifying(scores([1.0, 0.45, 0.45], fact=[1.0, 0.45, 0.45]), everyone(3), SETTINGS)
    assert chosen.tolist() == [True, False, False]


def test_which_units_wording_filters_but_each_unit_wording_asks_for_every_unit():
    assert asks_which_units("哪些单位清退了违规发放的津补贴?")
    assert asks_which_units("有没有单位提到末位表态制度?")
    assert asks_which_units("谁提到了公车管理的毛病")  # a notice mentions it, not a person
    assert asks_which_units("食堂这块有几家出问题?")
    assert asks_which_units("谁那儿查出大吃大喝了")  # at whose place: a unit, not a person
    assert asks_which_units("公车出问题的单位有谁")
    assert asks_which_units("哪儿查出公车私用了")
    assert not asks_which_units("这笔钱是从哪儿追回来的?")
    assert not asks_which_units("谁负责食堂整改?")
    assert not asks_which_units("各单位分别新制定了多少项制度?")
    assert not asks_which_units("五个单位分别是由哪个巡察组巡察的?")  # which team, for each unit


def test_a_unit_joins_on_meaning_only_as_close_as_the_found_units_and_far_above_the_typical_sentence():
    from assistant.which_units import meaning_bar

    settings = RetrievalSettings(meaning_unit_share=0.5, meaning_min_spreads=4.0)
    pooled = np.array([0.85, 0.855, 0.86, 0.85, 0.845, 0.86, 0.855, 0.92, 0.915], dtype=np.float32)
    bar = meaning_bar(found=[0.92, 0.90], candidates=[0.915, 0.87, 0.865], pooled=pooled, settings=settings)
    assert 0.87 < bar <= 0.915  # the unit stating it in other words joins, the others do not
    # Nothing stands out (a question no notice answers): no candidate clears the spread above the median.
    flat = np.array([0.85, 0.86, 0.855, 0.87, 0.865, 0.86], dtype=np.float32)
    assert meaning_bar(found=[0.87], candidates=[0.868, 0.86], pooled=flat, settings=settings) > 0.87

from assistant.fusion import collapse_near_duplicates, reciprocal_rank_fusion, term_coverage


def test_rrf_rewards_items_both_rankings_agree_on():
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "a", "d"]], k=60)
    order = [item for item, _ in fused]
    assert order[0] == "a"  # ranks 1 and 2
    assert order[1] == "c"  # ranks 3 and 1
    assert set(order) == {"a", "b", "c", "d"}
    assert fused[0][1] == 1 / 61 + 1 / 62


def test_rrf_of_a_single_list_keeps_its_order():
    assert [i for i, _ in reciprocal_rank_fusion([["x", "y", "z"]])] == ["x", "y", "z"]


def test_near_duplicates_collapse_to_the_better_ranked():
    texts = {
        "a": "对区城管局超标准发放的津补贴进行清退,共清退12.6万元。",
        "b": "对区城管局超标准发放的津补贴进行清退,共清退12.6万元。已缴入财政。",
        "c": "修订公务用车管理办法,建立车辆使用登记台账。",
    }
    kept = collapse_near_duplicates([("a", 0.9), ("b", 0.8), ("c", 0.7)], texts.get, 0.8)
    assert [item for item, _ in kept] == ["a", "c"]


def test_term_coverage_weights_longer_terms():
    assert term_coverage(["津补贴", "清退"], ["清退", "津补贴", "财政"]) == 1.0
    assert term_coverage(["津补贴", "清退"], ["清退"]) == 2 / 5
    assert term_coverage([], ["清退"]) == 0.0

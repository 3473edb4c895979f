"""Notice records: headline figures with verbatim quotes, from fixture notices worded in different ways."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.documents import NoticeMetadata, SourcedValue
from index.records import (
    MAX_QUOTE,
    MIN_QUOTE,
    Figure,
    NoticeRecord,
    extract_notice_record,
    verify_record,
)

# Chinese numerals, 万元/亿元, 共计/累计, a clue chain.
YUNLING = (
    "根据市委统一部署,2023年4月6日至5月30日,市委第二巡察组对青禾市云岭区委进行了巡察,共反馈问题二十三个。"
    "截至2023年12月31日,已整改到位二十个,正在整改三个,整改完成率为86.9%。"
    "巡察期间共计挽回经济损失12.5万元,清退违规发放津补贴36800元,追缴违规资金1.2亿元。"
    "累计立案五件,给予党纪政务处分三人,诫勉谈话两人,组织处理1人。"
    "新制定制度九项,修订完善制度十四项。巡察组移交问题线索四件,已办结三件,在办一件。"
)

# Other word orders: count before the verb, 约/余, a sub-unit, person words between label and count.
DONGHU = (
    "东湖高新产业园党工委对照巡视反馈的4个方面15项问题,逐项制定整改措施。"
    "目前,15项问题中已完成整改13项,其余2项正在按计划推进。"
    "巡视以来,园区共收回违规资金约86万元,督促相关企业补缴税款2300余万元;其中柳林街道已退还多发补贴4.6万元。"
    "全园累计问责干部6人,其中给予党内警告处分2人、政务记过1人,对9名干部进行了提醒谈话。"
    "建立健全工作机制11项,废止不适用文件3件。"
)

# Wording the rules have never seen, or that is not a stated figure: everything must be absent.
UNSEEN = (
    "巡察反馈的问题大部分已经整改。已整改问题数占比达九成。涉及资金约300万元,目前正在核实。"
    "全区投入资金41.25亿元,2万元专项经费已列入预算。计划年底前完成整改5项。"
    "应退还资金5万元,尚有15万元未退缴。每人退还300元。挽回经济损失10万至15万元。"
    "处分决定书3份。为3名同志澄清正名。接待群众来访12人次,培训干部300人。有关责任人停职3个月。"
    "严格落实中央八项规定精神。印发《关于修订完善制度12项的通知》。尚未追回资金5万元。整改资金50万元已拨付。"
)

# The same figure stated twice with different values, and a list with its total.
CONFLICTING = (
    "截至6月底,巡察反馈的18项整改任务已完成整改16项,正在整改2项。"
    "截至目前,巡察反馈的18项整改任务已完成整改17项,正在整改1项。"
    "柳林街道现已清退通讯补助8200元、交通补贴3100元,共计金额11300元。"
    "当事人已主动退还违规所得1,250,000元。"
)

ALL_FIXTURES = [YUNLING, DONGHU, UNSEEN, CONFLICTING]


def _values(record: NoticeRecord, field: str) -> list[tuple[str, float]]:
    return [(figure.label, figure.value) for figure in record.by_field(field)]


def test_headline_counts_written_in_chinese_numerals_are_read():
    record = extract_notice_record("yunling", YUNLING, unit="青禾市云岭区")
    assert _values(record, "problems_found") == [("问题", 23)]
    assert _values(record, "problems_rectified") == [("整改到位", 20)]
    assert _values(record, "problems_in_progress") == [("正在整改", 3)]
    assert _values(record, "completion_rate") == [("整改完成率", 86.9)]
    assert [figure.text for figure in record.by_field("problems_found")] == ["二十三个"]


def test_money_is_normalised_to_yuan_and_keeps_its_wording():
    record = extract_notice_record("yunling", YUNLING)
    money = {figure.text: figure for figure in record.by_field("money")}
    assert set(money) == {"12.5万元", "36800元", "1.2亿元"}
    assert money["12.5万元"].value == 125_000
    assert money["12.5万元"].label == "挽回经济损失"
    assert money["1.2亿元"].value == 120_000_000
    assert money["36800元"].label == "清退违规发放津补贴"
    assert all(figure.unit == "元" for figure in money.values())


def test_people_rules_and_clues_carry_their_labels():
    record = extract_notice_record("yunling", YUNLING)
    assert _values(record, "people") == [("立案", 5), ("党纪政务处分", 3), ("诫勉谈话", 2), ("组织处理", 1)]
    assert _values(record, "rules") == [("新制定制度", 9), ("修订完善制度", 14)]
    assert _values(record, "clues") == [("移交问题线索", 4), ("办结", 3), ("在办", 1)]


def test_a_count_of_petitions_worded_without_a_measure_noun_is_a_clue_figure():
    text = "近两年来,2022年17件信访中9件涉及征地。街道共受理信访案件6件。新建3件信访工作台账。"
    record = extract_notice_record("qingpu", text)
    assert _values(record, "clues") == [("信访", 17), ("受理信访案件", 6)]


def test_differently_ordered_wording_is_read():
    record = extract_notice_record("donghu", DONGHU, unit="东湖高新产业园")
    assert _values(record, "problems_found") == [("方面", 4), ("问题", 15)]
    assert _values(record, "problems_rectified") == [("完成整改", 13)]
    assert _values(record, "people") == [("问责", 6), ("党内警告", 2), ("政务记过", 1), ("提醒谈话", 9)]
    assert _values(record, "rules") == [("建立健全工作机制", 11)]
    money = {figure.text: figure.value for figure in record.by_field("money")}
    assert money == {"86万元": 860_000, "2300余万元": 23_000_000, "4.6万元": 46_000}


def test_a_progress_phrase_the_rules_do_not_know_is_absent_not_misread():
    record = extract_notice_record("donghu", DONGHU)
    assert record.by_field("problems_in_progress") == []
    assert all(figure.text != "2项" for figure in record.figures)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("巡察整改方面,已整改完成21个问题。", [("problems_rectified", 21)]),
        ("巡察反馈问题整改中,其余3个问题正在持续推进。", [("problems_in_progress", 3)]),
        ("巡察反馈的整改任务中,5项均已整改到位。", [("problems_rectified", 5)]),
        # the count after the verb is the one done, in Chinese numerals as in digits
        ("巡察整改方面,十二个问题已完成整改十个。", [("problems_rectified", 10)]),
        ("整改工作方面,计划年底前完成整改5项。", []),
        ("项目建设方面,已完成12个项目建设,15个项目正在推进。", []),
    ],
)
def test_rectification_phrasings(sentence, expected):
    record = extract_notice_record("phrasing", sentence)
    assert [(figure.field, figure.value) for figure in record.figures] == expected


def test_sub_unit_amounts_are_kept_and_scoped():
    record = extract_notice_record("donghu", DONGHU, unit="东湖高新产业园")
    scopes = {figure.text: figure.scope for figure in record.by_field("money")}
    assert scopes == {"86万元": "", "2300余万元": "", "4.6万元": "柳林街道"}


def test_unseen_or_unstated_wording_yields_no_figures():
    record = extract_notice_record("unseen", UNSEEN)
    assert record.figures == []


def test_conflicting_statements_are_all_kept_each_with_its_quote():
    record = extract_notice_record("conflicting", CONFLICTING)
    rectified = record.by_field("problems_rectified")
    assert [figure.value for figure in rectified] == [16, 17]
    assert [figure.quote for figure in rectified] == [
        "巡察反馈的18项整改任务已完成整改16项",
        "巡察反馈的18项整改任务已完成整改17项",
    ]
    assert [figure.value for figure in record.by_field("problems_in_progress")] == [2, 1]
    assert record.by_field("problems_found") == []  # tasks are measures, not problems found
    assert _values(record, "measures") == [("反馈的整改任务", 18)]  # stated twice alike: kept once


def test_a_total_after_a_list_of_amounts_is_kept_with_the_list():
    record = extract_notice_record("conflicting", CONFLICTING)
    money = [(figure.label, figure.value, figure.scope) for figure in record.by_field("money")]
    assert money == [
        ("清退通讯补助", 8200, "柳林街道"),
        ("清退交通补贴", 3100, "柳林街道"),
        ("清退共计", 11300, "柳林街道"),
        ("退还违规所得", 1_250_000, ""),
    ]


def test_full_width_punctuation_reads_the_same():
    ascii_record = extract_notice_record("yunling", YUNLING)
    full_width = YUNLING.replace(",", "，").replace(";", "；")
    full_record = extract_notice_record("yunling", full_width)
    assert [(f.field, f.label, f.value) for f in full_record.figures] == [
        (f.field, f.label, f.value) for f in ascii_record.figures
    ]
    assert verify_record(full_record, full_width) == []


def test_money_labels_keep_when_and_how_long():
    text = "巡察中挽回经济损失1.8万元,巡察以来累计挽回经济损失9.6万元。"
    record = extract_notice_record("qualifiers", text)
    assert _values(record, "money") == [("巡察中挽回经济损失", 18_000), ("巡察以来累计挽回经济损失", 96_000)]


@pytest.mark.parametrize("text", ALL_FIXTURES)
def test_every_quote_is_verbatim_clause_bounded_and_sentence_sized(text):
    record = extract_notice_record("fixture", text)
    assert verify_record(record, text) == []
    for figure in record.figures:
        assert text[figure.start : figure.end] == figure.quote
        assert MIN_QUOTE <= len(figure.quote) <= MAX_QUOTE
        assert figure.start == 0 or text[figure.start - 1] in "，,。；;：:(（)）\n"
        assert figure.end == len(text) or text[figure.end] in "，,。；;：:(（)）\n"


def test_verify_record_reports_quotes_that_do_not_match_the_notice():
    record = extract_notice_record("yunling", YUNLING)
    figure = record.figures[0]
    moved = Figure(**{**figure.__dict__, "start": figure.start + 1})
    foreign = Figure(**{**figure.__dict__, "text": "99个"})
    problems = verify_record(NoticeRecord("yunling", figures=[moved, foreign]), YUNLING)
    assert len(problems) == 2
    assert "not the notice text" in problems[0]
    assert "not inside its quote" in problems[1]


def test_record_round_trips_through_a_dict_with_its_metadata():
    metadata = NoticeMetadata(
        title="关于巡察整改情况的通报", unit="青禾市云岭区", inspection_kind="巡察",
        inspecting_body=SourcedValue("市委第二巡察组", YUNLING.index("市委第二巡察组"), YUNLING.index("对青禾市")),
    )
    record = extract_notice_record("yunling", YUNLING, metadata=metadata)
    assert record.unit == "青禾市云岭区"  # taken from metadata when no unit is passed
    restored = NoticeRecord.from_dict(record.to_dict())
    assert restored == record
    assert restored.metadata.inspecting_body.quote(YUNLING) == "市委第二巡察组"


def test_numbers_in_titles_fixed_terms_and_plans_are_not_figures():
    text = "印发《关于新制定制度12项的通知》,严格落实中央八项规定精神,计划年底前完成整改5项,应追缴资金5万元。"
    assert extract_notice_record("plans", text).figures == []


_FRAGMENTS = [
    "巡察反馈的", "3个方面", "二十三个问题", "已整改到位", "20个", "正在整改", "两项", "整改率", "86.9%",
    "挽回经济损失", "27.493万元", "清退", "3200元", "共计", "立案", "7人", "对4人开展了谈话提醒",
    "新制定制度", "九项", "问题线索移交", "6件", "办结", "《关于3项制度的通知》", "柳林街道现已", "投入资金41亿元",
    "，", ",", "。", "；", "、", "(", ")", "\n", " ", "\t", "约", "余", "至",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
def test_any_text_yields_only_verifiable_figures(parts):
    text = "".join(parts)
    record = extract_notice_record("random", text)
    assert verify_record(record, text) == []
    for figure in record.figures:
        assert len(figure.quote) <= MAX_QUOTE
        assert re.search(r"\d|[一二两三四五六七八九十百千万亿]", figure.text)


def test_measures_and_tasks_are_counted_apart_from_the_problems_found():
    text = (
        "县委将巡察反馈的两大方面9个问题,细化为27项具体整改任务。"
        "对照问题清单制定整改措施31条。形成整改任务清单40项。已完成整改25项。"
    )
    record = extract_notice_record("measures", text)
    assert _values(record, "problems_found") == [("大方面", 2), ("问题", 9)]
    assert _values(record, "measures") == [("细化为具体整改任务", 27), ("制定整改措施", 31), ("形成整改任务清单", 40)]
    assert _values(record, "problems_rectified") == [("完成整改", 25)]
    assert verify_record(record, text) == []



def test_problems_counted_by_their_groups_are_the_findings_without_a_verb_saying_so():
    record = extract_notice_record("groups", "院党委将四个方面23个问题全部认领,建立整改台账。")
    assert _values(record, "problems_found") == [("方面", 4), ("问题", 23)]
    done = extract_notice_record("done", "截至目前,4个方面23个问题均已完成整改。")
    assert _values(done, "problems_found") == [] and _values(done, "problems_rectified") == [("完成整改", 23)]
    assert _values(extract_notice_record("checked", "全镇在6个方面开展了12个问题的排查。"), "problems_found") == []


def test_measures_qualified_as_detailed_are_measures():
    text = "局党组对照巡察意见,细分为17个具体问题,形成52项细化整改措施。"
    record = extract_notice_record("detailed", text)
    assert _values(record, "measures") == [("形成细化整改措施", 52)]
    assert verify_record(record, text) == []
    each = extract_notice_record("each", "每一项整改措施都由分管领导督办到底。")
    assert _values(each, "measures") == []  # 每一项: each of them, not one measure

TABLES = Path(__file__).parent.parent / "fixtures" / "tables"


def _shown(record: NoticeRecord) -> list[tuple[str, str, str]]:
    """(field, label, figure as written), as the records tab lists them."""
    return [(figure.field, figure.label, figure.text) for figure in record.figures]


def test_a_tab_separated_table_gives_its_figures_quoted_by_their_rows():
    text = (TABLES / "chengtou_table.txt").read_text(encoding="utf-8")
    record = extract_notice_record("chengtou", text)
    shown = _shown(record)
    for figure in [
        ("problems_rectified", "完成整改", "23个"), ("problems_in_progress", "正在整改", "3个"),
        ("completion_rate", "整改完成率", "88.5%"), ("clues", "移交问题线索", "4件"), ("clues", "办结", "3件"),
        ("money", "追回资金", "64.3万元"), ("rules", "新建制度", "9项"),
    ]:
        assert figure in shown
    rectified = record.by_field("problems_rectified")[0]
    assert rectified.quote == "已完成整改\t23个"
    assert verify_record(record, text) == []


def test_a_table_row_repeating_a_figure_of_the_text_is_counted_once():
    text = (TABLES / "chengtou_table.txt").read_text(encoding="utf-8")
    record = extract_notice_record("chengtou", text)
    assert [f.text for f in record.by_field("measures")] == ["72条"]  # table row and 制定整改措施72条
    assert [f.text for f in record.by_field("people") if "党纪处分" in f.label] == ["2人"]
    money = [f.text for f in record.by_field("money")]
    assert money == ["64.3万元", "41.7万元"]  # the table's total and a differing figure of the text: both


def test_a_header_row_over_a_value_row_pairs_each_column():
    text = "市委巡察组反馈问题整改情况如下。\n反馈问题    已整改    整改完成率\n26个    23个    88.5%\n"
    record = extract_notice_record("header", text)
    assert _shown(record) == [
        ("problems_found", "问题", "26个"), ("problems_rectified", "整改", "23个"),
        ("completion_rate", "整改完成率", "88.5%"),
    ]
    assert all(figure.quote == "反馈问题    已整改    整改完成率\n26个    23个    88.5%" for figure in record.figures)


def test_a_row_of_several_numbers_without_headers_is_left_out():
    text = "巡察整改情况\n追回资金\t12万元\t8万元\n"
    assert extract_notice_record("ambiguous", text).by_field("money") == []


def test_money_from_a_supplier_is_recovered_money_but_money_owed_is_not():
    text = "追回医用耗材供应商多收款项53.2万元，对相应科室负责人诫勉谈话。应追回资金5万元。"
    record = extract_notice_record("supplier", text)
    assert [(f.label, f.text) for f in record.by_field("money")] == [("追回医用耗材供应商多收款项", "53.2万元")]


def test_a_total_of_listed_sums_recovered_as_stated_after_it_is_money_recovered():
    text = "清退多发补贴126,480元。以上三项资金合计188,040元,均已追缴到位。以上两项合计3万元,计划年底前追缴到位。"
    record = extract_notice_record("total", text)
    assert ("追缴合计", "188,040元") in [(f.label, f.text) for f in record.by_field("money")]
    assert "3万元" not in [f.text for f in record.by_field("money")]  # a plan is not money recovered


# A mirror page in traditional characters: the same rules read it, and quotes stay as the page writes them.
TRADITIONAL = (
    "縣委第一巡察組反饋問題45項，截至2024年6月底已完成整改42項，正在整改3項。"
    "共追回違規資金12.3萬元，新建制度8項，給予黨紀處分2人。"
)


def test_a_notice_in_traditional_characters_gets_its_figures_quoted_as_written():
    record = extract_notice_record("fanti", TRADITIONAL, unit="蘭溪縣醫保局")
    assert [figure.value for figure in record.by_field("problems_found")] == [45]
    assert [figure.value for figure in record.by_field("problems_rectified")] == [42]
    assert [(figure.text, figure.value) for figure in record.by_field("money")] == [("12.3萬元", 123_000)]
    assert [figure.value for figure in record.by_field("rules")] == [8]
    for figure in record.figures:
        assert TRADITIONAL[figure.start : figure.end] == figure.quote
        assert figure.text in figure.quote
    assert verify_record(record, TRADITIONAL) == []


# A "成绩单" notice: one short "label：value" line per figure.
SCORECARD = (
    "柳塘街道巡察整改成绩单\n\n【巡察概况】\n反馈问题：3个方面21个\n制定整改举措：47条\n\n【整改进度】\n"
    "已完成整改问题：19个\n问题整改完成率：90.5%\n退还误餐补助：6.3万元\n\n【问题一】食堂管理\n"
    "整改情况：食堂承包合同已重新招标，价格公示每周更新，共5处\n"
)


def test_short_label_lines_state_their_figures_with_the_label():
    figures = {(f.field, f.text): f for f in extract_notice_record("sc", SCORECARD, "柳塘街道").figures}
    assert figures[("problems_found", "21个")].quote == "反馈问题：3个方面21个"
    assert figures[("measures", "47条")].quote == "制定整改举措：47条"
    assert figures[("problems_rectified", "19个")].quote == "已完成整改问题：19个"
    assert figures[("completion_rate", "90.5%")].label == "整改完成率"
    assert figures[("money", "6.3万元")].label == "退还误餐补助"

"""Heading detection: the numbering styles of notices, 问题/整改 labels, and what is not a heading."""

from __future__ import annotations

import pytest

from index.headings import MAX_LABEL_CHARS, parse_heading, split_into_blocks


@pytest.mark.parametrize(
    ("line", "style", "label"),
    [
        ("一、加强组织领导，扛牢整改责任", "cn-numeral", "一、加强组织领导，扛牢整改责任"),
        ("十一、其他事项", "cn-numeral", "十一、其他事项"),
        ("(一)提高政治站位。区委高度重视巡察整改工作。", "cn-paren", "(一)提高政治站位"),
        ("（二）完善工作机制", "cn-paren", "（二）完善工作机制"),
        ("(三）强化监督检查。", "cn-paren", "(三）强化监督检查"),
        ("1.理论学习不够深入。", "arabic-dot", "1.理论学习不够深入"),
        ("2、聚焦群众身边问题：", "arabic-dot", "2、聚焦群众身边问题"),
        ("3．基层治理存在薄弱环节", "arabic-dot", "3．基层治理存在薄弱环节"),
        ("(1)网格化管理责任落实不到位。部分网格员不熟悉情况。", "arabic-paren", "(1)网格化管理责任落实不到位"),
        ("（12）信访积案化解进度缓慢", "arabic-paren", "（12）信访积案化解进度缓慢"),
        ("4)融资渠道单一。", "arabic-half-paren", "4)融资渠道单一"),
        ("①建立学习台账", "circled", "①建立学习台账"),
        ("问题一：理论学习中心组学习计划执行不严格。", "problem-number", "问题一：理论学习中心组学习计划执行不严格"),
        ("问题2. 生态环境保护存在短板", "problem-number", "问题2. 生态环境保护存在短板"),
        ("存在问题：台账资料不完整。", "problem-label", "存在问题：台账资料不完整"),
        ("整改措施及成效：一是修订学习计划。", "measure-label", "整改措施及成效"),
        ("整改情况:已完成整改。", "measure-label", "整改情况"),
        ("【整改措施】", "measure-label", "整改措施"),
    ],
)
def test_numbered_headings_and_labels_are_recognised(line: str, style: str, label: str) -> None:
    heading = parse_heading(line)
    assert heading is not None
    assert (heading.style, heading.label) == (style, label)


@pytest.mark.parametrize(
    "line",
    [
        "一是修订中心组学习计划。二是建立学习台账。",
        "1.5亿元专项资金已全部拨付。",
        "2023年9月15日",
        "整改措施落实到位，成效明显。",
        "问题整改全部完成。",
        "区委高度重视巡察整改工作。",
    ],
)
def test_inline_enumerations_numbers_and_sentences_are_not_headings(line: str) -> None:
    assert parse_heading(line) is None


def test_numbered_styles_rank_from_chapter_down_to_item() -> None:
    ranks = [parse_heading(line).rank for line in ("一、总体", "(一)方面", "1.问题", "(1)具体", "①细项")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 5


def test_long_labels_are_cut_to_the_limit() -> None:
    heading = parse_heading("(一)" + "贯彻落实党中央决策部署和省委工作要求" * 4 + "。正文。")
    assert heading is not None
    assert len(heading.label) == MAX_LABEL_CHARS and heading.label.endswith("…")


def _block_texts(text: str) -> list[tuple[str, str | None]]:
    return [(text[b.start : b.end], b.heading.style if b.heading else None) for b in split_into_blocks(text)]


def test_heading_after_a_wide_gap_or_a_sentence_end_starts_a_new_block() -> None:
    text = "(1)农业规划尚未制定。   整改措施及成效：已对接农科院。\n(2)信访积案多。整改情况：包案化解。"
    assert _block_texts(text) == [
        ("(1)农业规划尚未制定。", "arabic-paren"),
        ("整改措施及成效：已对接农科院。", "measure-label"),
        ("(2)信访积案多。", "arabic-paren"),
        ("整改情况：包案化解。", "measure-label"),
    ]


def test_numbers_after_a_sentence_end_inside_a_line_do_not_split_it() -> None:
    text = "整改情况：完成三项任务。1.建立台账；2.开展培训。"
    assert _block_texts(text) == [(text, "measure-label")]


def test_short_unpunctuated_line_between_paragraphs_is_a_heading_but_title_and_date_are_not() -> None:
    text = (
        "中共青禾市云岭区委员会关于巡察整改情况的通报\n"
        "根据市委统一部署，市委第二巡察组对云岭区委进行了巡察。\n"
        "主要做法\n"
        "区委第一时间召开常委会议专题研究部署整改工作。\n"
        "中共青禾市云岭区委员会\n"
        "2023年9月15日"
    )
    styles = dict(_block_texts(text))
    assert styles["主要做法"] == "plain"
    assert styles["中共青禾市云岭区委员会关于巡察整改情况的通报"] is None
    assert styles["中共青禾市云岭区委员会"] is None
    assert styles["2023年9月15日"] is None


def test_hard_wrapped_line_is_not_taken_for_a_heading() -> None:
    text = "区委高度重视巡察整改工作，将其作为\n当前重要的政治任务\n狠抓落实，确保整改工作取得实效并长期坚持下去。"
    assert all(style is None for _, style in _block_texts(text))


def test_closing_formula_is_marked_so_it_leaves_every_section() -> None:
    text = "（三）强化监督检查。\n欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0000-1234567。"
    assert [style for _, style in _block_texts(text)] == ["cn-paren", "closing"]

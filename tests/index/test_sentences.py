"""Sentence spans: where a sentence ends, what is left out, and that nothing is ever cut mid-sentence."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from index.sentences import split_clauses, split_sentences


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_sentences_end_after_chinese_and_ascii_terminators() -> None:
    text = "完成整改。长期坚持；是否到位？已到位！Done? Yes; ok!"
    assert _texts(text, split_sentences(text)) == ["完成整改。", "长期坚持；", "是否到位？", "已到位！", "Done?", "Yes;", "ok!"]


def test_closing_quote_or_bracket_stays_with_its_sentence() -> None:
    text = "会议强调：“整改要到位。”随后部署工作（已完成。）下一步继续。"
    assert _texts(text, split_sentences(text)) == ["会议强调：“整改要到位。”", "随后部署工作（已完成。）", "下一步继续。"]


def test_line_breaks_end_a_sentence_and_blank_text_is_skipped() -> None:
    text = "  一、加强组织领导\n\n\u3000\u3000区委高度重视。 \n   \n整改措施："
    assert _texts(text, split_sentences(text)) == ["一、加强组织领导", "区委高度重视。", "整改措施："]


def test_decimal_points_and_commas_do_not_end_sentences() -> None:
    text = "拨付资金1.5亿元，覆盖3个街道，完成率98.5%。"
    assert _texts(text, split_sentences(text)) == [text]


def test_spans_are_offsets_into_the_whole_text_when_a_window_is_given() -> None:
    text = "前文不算。窗口第一句。窗口第二句。后文不算。"
    start = text.index("窗口")
    end = text.index("后文")
    spans = split_sentences(text, start, end)
    assert _texts(text, spans) == ["窗口第一句。", "窗口第二句。"]
    assert spans[0][0] == start


def test_clauses_split_a_long_sentence_after_commas() -> None:
    text = "重新划分网格，配齐专职网格员,开展业务培训。"
    assert _texts(text, split_clauses(text)) == ["重新划分网格，", "配齐专职网格员,", "开展业务培训。"]


_PIECES = st.lists(
    st.sampled_from(["整改", "落实", "1.5", "情况", "。", "；", "！", "？", "，", "”", "）", " ", "\n", "\n\n", "\u3000", "a"]),
    max_size=60,
)


@given(_PIECES)
def test_sentences_cover_all_text_in_order_and_never_cut_inside_a_sentence(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans = split_sentences(text)
    covered = set()
    previous_end = 0
    for start, end in spans:
        sentence = text[start:end]
        assert start >= previous_end and sentence == sentence.strip() and sentence
        assert "\n" not in sentence
        # A terminator inside a sentence may only be followed by more terminators or closers.
        assert not re.search(r"[。！？；!?;][”’」』）)\]】》〕]*[^。！？；!?;”’」』）)\]】》〕]", sentence)
        covered.update(range(start, end))
        previous_end = end
    assert all(index in covered for index, char in enumerate(text) if not char.isspace())

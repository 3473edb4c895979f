"""Chunking a notice along its own outline: verbatim spans, section paths, budget and overlap."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.chunker import split_notice_into_chunks
from index.documents import Chunk
from index.sentences import split_sentences
from index.tokens import count_tokens

NOTICE = (Path(__file__).parents[1] / "fixtures" / "chunker_notice_yunling.txt").read_text(encoding="utf-8")
UNIT = "青禾市云岭区"
SECTION_TWO = "二、聚焦反馈问题，逐项整改落实 > （一）贯彻落实党中央决策部署方面"
GRID_MEASURES_PATH = f"{SECTION_TWO} > 2.基层治理存在薄弱环节 > (1)网格化管理责任落实不到位 > 整改情况"


def _chunks(max_tokens: int = 350, overlap_sentences: int = 1) -> list[Chunk]:
    return split_notice_into_chunks("yunling", NOTICE, UNIT, max_tokens, overlap_sentences)


def _only_chunk_with(chunks: list[Chunk], phrase: str) -> Chunk:
    matching = [chunk for chunk in chunks if phrase in chunk.text]
    assert len(matching) == 1, [chunk.text for chunk in matching]
    return matching[0]


def test_chunks_are_verbatim_numbered_and_carry_the_notice_and_unit() -> None:
    chunks = _chunks()
    assert [chunk.ordinal for chunk in chunks] == list(range(len(chunks)))
    for chunk in chunks:
        assert NOTICE[chunk.start : chunk.end] == chunk.text
        assert (chunk.notice_id, chunk.unit) == ("yunling", UNIT)
        assert count_tokens(chunk.text) <= 350


def test_a_problem_stays_with_its_measures_when_they_fit() -> None:
    chunk = _only_chunk_with(_chunks(), "问题一：理论学习中心组学习计划执行不严格。")
    assert "整改措施及成效：一是修订中心组学习计划" in chunk.text
    assert "2023年已组织集中学习8次。" in chunk.text  # the last measure of 问题一


def test_small_problem_sections_are_whole_chunks_under_a_tight_budget() -> None:
    chunks = _chunks(max_tokens=120)
    chunk = _only_chunk_with(chunks, "问题二：")
    assert chunk.text.startswith("问题二：生态环境保护工作存在短板。")
    assert chunk.text.endswith("巡河记录全部上墙公开。")
    assert chunk.section_path == f"{SECTION_TWO} > 1.理论学习不够深入 > 问题二：生态环境保护工作存在短板"


def test_section_paths_name_the_enclosing_headings() -> None:
    chunks = _chunks()
    assert chunks[0].section_path == ""  # the preamble comes before any heading
    backlog = _only_chunk_with(chunks, "建立领导包案制度")
    assert backlog.section_path == f"{SECTION_TWO} > 2.基层治理存在薄弱环节 > （2）信访积案化解进度缓慢"
    assert backlog.text.startswith("（2）信访积案化解进度缓慢。")
    closing = _only_chunk_with(chunks, "欢迎广大干部群众")
    assert closing.section_path == ""  # the closing formula and contact details belong to no section


def test_heading_that_starts_a_paragraph_is_labelled_up_to_its_first_full_stop() -> None:
    chunk = _only_chunk_with(_chunks(max_tokens=60), "区委书记带头认领问题")
    assert chunk.section_path == "一、加强组织领导，扛牢整改责任 > (一)提高政治站位"


def test_small_sibling_sections_share_a_chunk_named_after_their_parent() -> None:
    chunk = _only_chunk_with(_chunks(), "(一)持续巩固整改成果")
    assert "(二)健全长效机制" in chunk.text and "(三)强化监督检查" in chunk.text
    assert chunk.section_path == "三、下一步打算"


def test_top_level_sections_never_share_a_chunk() -> None:
    tops = ("一、加强组织领导", "二、聚焦反馈问题", "三、下一步打算")
    for chunk in _chunks():
        assert sum(top in chunk.text for top in tops) <= 1


def test_long_section_splits_at_sentence_ends_with_one_sentence_of_overlap() -> None:
    measures = [chunk for chunk in _chunks(max_tokens=120) if chunk.section_path == GRID_MEASURES_PATH]
    assert len(measures) >= 3
    for previous, following in zip(measures, measures[1:]):
        assert following.start < previous.end
        overlap = NOTICE[following.start : previous.end]
        assert len(split_sentences(overlap)) == 1 and overlap.endswith("。")
    assert all(chunk.text.endswith("。") for chunk in measures)


def test_no_overlap_when_overlap_is_turned_off() -> None:
    chunks = _chunks(max_tokens=120, overlap_sentences=0)
    assert all(following.start >= previous.end for previous, following in zip(chunks, chunks[1:]))


def test_inline_enumerations_are_not_headings() -> None:
    for chunk in _chunks(max_tokens=40):
        assert "一是" not in chunk.section_path and "二是" not in chunk.section_path


def test_chunks_are_not_tiny_when_a_merge_within_the_section_is_possible() -> None:
    chunks = _chunks()
    assert sum(count_tokens(chunk.text) < 40 for chunk in chunks) == 0


def test_numbered_list_under_measures_stays_inside_its_problem() -> None:
    text = (
        "（一）落实全面从严治党方面\n"
        "问题一：台账资料不完整。\n"
        "整改措施：\n"
        "1.建立学习台账，逐月归档。\n"
        "2.开展专项培训，覆盖全体干部。\n"
        "问题二：会议记录不规范。\n"
        "整改措施：\n"
        "1.统一会议记录格式。\n"
    )
    whole = split_notice_into_chunks("list", text, max_tokens=60)
    first_problem = _only_chunk_with(whole, "问题一")
    assert "2.开展专项培训" in first_problem.text and "问题二" not in first_problem.text
    assert first_problem.section_path == "（一）落实全面从严治党方面 > 问题一：台账资料不完整"
    pieces = split_notice_into_chunks("list", text, max_tokens=20, overlap_sentences=0)
    training = _only_chunk_with(pieces, "2.开展专项培训")
    assert training.section_path == "（一）落实全面从严治党方面 > 问题一：台账资料不完整 > 整改措施 > 2.开展专项培训，覆盖全体干部"


def test_short_title_line_between_paragraphs_names_its_section() -> None:
    text = (
        "青禾市云岭区委关于巡察整改情况的通报\n"
        "现将整改情况予以公布。\n"
        "主要做法\n"
        "区委第一时间召开常委会议专题研究部署整改工作，逐项明确责任领导。\n"
    )
    chunk = _only_chunk_with(split_notice_into_chunks("plain", text, max_tokens=30), "第一时间")
    assert chunk.section_path == "主要做法"


def test_over_long_sentence_is_split_at_commas_before_anything_else() -> None:
    clauses = [f"第{index}项整改任务由区委办公室牵头负责并按期完成销号管理" for index in range(40)]
    text = "一、整改落实情况\n" + "，".join(clauses) + "。"
    chunks = split_notice_into_chunks("long", text, max_tokens=80)
    body = [chunk for chunk in chunks if "一、整改落实情况" not in chunk.text]
    assert len(chunks) > 3
    assert all(chunk.text.endswith(("，", "。")) for chunk in body)
    assert all(count_tokens(chunk.text) <= 80 for chunk in chunks)


def test_sentence_without_any_punctuation_is_cut_by_tokens_within_budget() -> None:
    text = "整改" * 900
    chunks = split_notice_into_chunks("runon", text, max_tokens=50)
    assert "".join(chunk.text for chunk in chunks) == text
    assert all(count_tokens(chunk.text) <= 50 for chunk in chunks)


def test_blank_text_has_no_chunks() -> None:
    assert split_notice_into_chunks("empty", " \n\u3000\n") == []


def test_bad_budget_is_refused_with_the_argument_named() -> None:
    with pytest.raises(ValueError, match="max_tokens"):
        split_notice_into_chunks("x", "正文。", max_tokens=0)


def test_a_notice_the_size_of_all_seeds_together_is_chunked() -> None:
    # How fast is for bench/ingest_bench.py; here only that a large notice is chunked whole.
    large = "\n".join([NOTICE] * 150)
    assert len(large) > 150_000
    chunks = split_notice_into_chunks("large", large)
    assert len(chunks) > 150


# ---- property test over generated notice-like text -------------------------------------------

_CJK = "整改落实情况区委巡察问题措施成效加强组织领导责任制度建设工作推进台账"
_HEADING_MARKERS = [
    "一、", "二、", "十一、", "(一)", "（二）", "(三）", "1.", "2、", "3．", "(1)", "（2）", "4)", "①",
    "问题一：", "问题2:", "整改措施及成效：", "整改情况:", "存在问题：", "第一部分", "一是", "",
]
_words = st.text(alphabet=_CJK + "0123456789", min_size=1, max_size=12)
_sentence = st.builds(
    lambda words, stop: "，".join(words) + stop,
    st.lists(_words, min_size=1, max_size=6),
    st.sampled_from(["。", "；", "！", "？", "”。", "）。", "", ".", "!"]),
)
_heading_line = st.builds(
    lambda marker, title, rest: marker + title + rest,
    st.sampled_from(_HEADING_MARKERS),
    _words,
    st.sampled_from(["", "。", "：", "。区委高度重视。"]),
)
_run_on = st.text(alphabet=_CJK + "12", min_size=150, max_size=700)
_whitespace = st.sampled_from(["", " ", "  ", "\u3000\u3000", "\t", "\xa0\xa0", "\r"])
_line = st.one_of(
    _heading_line,
    st.lists(_sentence, min_size=1, max_size=8).map("".join),
    _run_on,
    _whitespace,
)
_notice = st.builds(
    lambda lines, pads: "\n".join(pad + line for line, pad in zip(lines, pads)),
    st.lists(_line, min_size=1, max_size=25),
    st.lists(_whitespace, min_size=25, max_size=25),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_notice, max_tokens=st.integers(min_value=12, max_value=220), overlap=st.integers(0, 2))
def test_chunks_are_verbatim_cover_the_text_and_respect_the_budget(text: str, max_tokens: int, overlap: int) -> None:
    chunks = split_notice_into_chunks("generated", text, "单位", max_tokens, overlap)
    assert [chunk.ordinal for chunk in chunks] == list(range(len(chunks)))
    covered = bytearray(len(text) + 1)
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text and chunk.text == chunk.text.strip()
        assert count_tokens(chunk.text) <= max_tokens
        covered[chunk.start : chunk.end] = b"\x01" * (chunk.end - chunk.start)
    assert all(covered[index] for index, char in enumerate(text) if not char.isspace())
    for previous, following in zip(chunks, chunks[1:]):
        assert previous.start < following.start and previous.end < following.end

"""The citation verifier: only quotes that are verbatim in their own notice survive."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.answer import Answer, Citation
from assistant.verify import locate_quote, marker_numbers, verify_answer

NOTICE_A = (
    "中共青禾市云岭区委员会关于巡察整改情况的通报\n"
    "一、整改工作总体情况\n"
    "区委高度重视巡察反馈意见，成立整改工作领导小组。\n"
    "二、整改落实情况\n"
    "（一）关于基层党组织建设薄弱的问题\n"
    "整改措施：开展软弱涣散党组织集中整顿，已完成整顿12个。\n"
    "（二）关于资金管理不规范的问题\n"
    "整改措施：清理专项资金账户，收回违规资金86.5万元。\n"
)
NOTICE_B = (
    "东湖高新产业园党工委关于巡察整改进展情况的通报\n"
    "针对园区招商引资中的问题，修订招商引资管理办法3项。\n"
    "整改措施：清理专项资金账户，收回违规资金12万元。\n"
)
NOTICES = {"notice-a": NOTICE_A, "notice-b": NOTICE_B}

# Small alphabet so repeats are frequent; the replacement characters never occur in it.
NOTICE_ALPHABET = "整改巡察问题落实通报党委，。；、 \n\u3000"
FOREIGN_CHARACTERS = "甲乙丙丁戊"


def citation(n: int, quote: str, notice_id: str = "notice-a", start: int = 0) -> Citation:
    return Citation(
        n=n,
        notice_id=notice_id,
        title="关于巡察整改情况的通报",
        unit="青禾市云岭区" if notice_id == "notice-a" else "东湖高新产业园",
        section_path="二、整改落实情况",
        quote=quote,
        start=start,
        end=start + len(quote),
    )


def answer_with(text: str, citations: list[Citation]) -> Answer:
    return Answer(
        question="整改措施有哪些？",
        standalone_question="青禾市云岭区的整改措施有哪些？",
        text=text,
        citations=citations,
        answerer="llm:stub",
    )


@st.composite
def notice_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    """A notice text and a span of it that holds at least one non-whitespace character."""
    text = draw(st.text(alphabet=NOTICE_ALPHABET, min_size=1, max_size=120))
    start = draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = draw(st.integers(min_value=start + 1, max_value=len(text)))
    if not text[start:end].strip():
        text = text[:start] + "整" + text[start + 1 :]
    return text, start, end


@settings(max_examples=300, deadline=None)
@given(notice_and_span())
def test_every_substring_of_a_notice_verifies_with_its_own_span(case: tuple[str, int, int]) -> None:
    text, start, end = case
    quote = text[start:end]

    assert locate_quote(quote, text, hint_start=start) == (start, end)
    found = locate_quote(quote, text)
    assert found is not None and text[found[0] : found[1]] == quote

    checked = verify_answer(answer_with("整改已完成[1]。", [citation(1, quote, start=start)]), {"notice-a": text}.get)
    assert [c.verified for c in checked.citations] == [True]
    verified = checked.citations[0]
    assert text[verified.start : verified.end] == verified.quote
    assert verified.quote.strip() == quote.strip()


@settings(max_examples=300, deadline=None)
@given(notice_and_span(), st.data())
def test_a_substring_with_one_character_changed_does_not_verify(case: tuple[str, int, int], data: st.DataObject) -> None:
    text, start, end = case
    quote = text[start:end]
    position = data.draw(st.integers(min_value=0, max_value=len(quote) - 1))
    altered = quote[:position] + data.draw(st.sampled_from(FOREIGN_CHARACTERS)) + quote[position + 1 :]

    assert locate_quote(altered, text, hint_start=start) is None
    checked = verify_answer(answer_with("整改已完成[1]。", [citation(1, altered, start=start)]), {"notice-a": text}.get)
    assert checked.citations == []
    assert checked.text == "整改已完成。"


@settings(max_examples=300, deadline=None)
@given(notice_and_span(), st.data())
def test_whitespace_differences_verify_and_return_the_notice_text(case: tuple[str, int, int], data: st.DataObject) -> None:
    text, start, end = case
    # Trim the span to non-whitespace ends: the notice's exact text is what must come back.
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    characters = [character for character in text[start:end] if not character.isspace()]
    gaps = data.draw(st.lists(st.sampled_from(["", "", " ", "\n", "\u3000", "  "]), min_size=len(characters), max_size=len(characters)))
    respaced = "".join(character + gap for character, gap in zip(characters, gaps, strict=True)).strip()

    located = locate_quote(respaced, text, hint_start=start)
    # The span asked for, unless the quote as written also stands verbatim elsewhere (then that is preferred).
    expected = (start, end) if located == (start, end) or text[located[0] : located[1]] != respaced else located
    assert located == expected
    checked = verify_answer(answer_with("整改已完成[1]。", [citation(1, respaced, start=start)]), {"notice-a": text}.get)
    assert checked.citations[0].quote == text[expected[0] : expected[1]]
    assert (checked.citations[0].start, checked.citations[0].end) == expected


def test_quote_split_across_a_line_break_in_the_notice_returns_the_notice_text() -> None:
    text = "整改措施：清理专项资金\n账户，收回违规资金。"
    span = locate_quote("清理专项资金账户", text)
    assert span is not None
    assert text[span[0] : span[1]] == "清理专项资金\n账户"


def test_repeated_quote_resolves_to_the_occurrence_nearest_the_hint() -> None:
    text = "整改措施：立行立改。其他。整改措施：立行立改。"
    second = text.rindex("整改措施")
    assert locate_quote("整改措施", text, hint_start=second - 2) == (second, second + 4)
    assert locate_quote("整改措施", text) == (0, 4)


def test_blank_quote_never_verifies() -> None:
    assert locate_quote("  \n", NOTICE_A) is None
    assert locate_quote("", NOTICE_A) is None


def test_hallucinated_quote_is_dropped_and_its_marker_removed() -> None:
    answer = answer_with(
        "已完成软弱涣散党组织整顿[1]。收回违规资金100万元[2]。",
        [citation(1, "已完成整顿12个"), citation(2, "收回违规资金100万元")],
    )
    checked = verify_answer(answer, NOTICES.get)

    assert checked.text == "已完成软弱涣散党组织整顿[1]。收回违规资金100万元。"
    assert [c.quote for c in checked.citations] == ["已完成整顿12个"]
    assert "100万元」" not in checked.render_markdown()


def test_quote_from_another_notice_does_not_verify_against_the_cited_one() -> None:
    answer = answer_with("修订了招商引资管理办法[1]。", [citation(1, "修订招商引资管理办法3项", notice_id="notice-a")])
    assert verify_answer(answer, NOTICES.get).citations == []


def test_citation_of_an_unknown_notice_is_dropped() -> None:
    answer = answer_with("已完成整顿[1]。", [citation(1, "已完成整顿12个", notice_id="missing")])
    checked = verify_answer(answer, NOTICES.get)
    assert checked.citations == []
    assert checked.text == "已完成整顿。"


def test_marker_without_any_citation_is_removed() -> None:
    answer = answer_with("已完成整顿12个[1]。另有结论 [9]。", [citation(1, "已完成整顿12个")])
    assert verify_answer(answer, NOTICES.get).text == "已完成整顿12个[1]。另有结论。"


def test_citations_are_renumbered_in_order_of_first_appearance() -> None:
    answer = answer_with(
        "收回违规资金86.5万元[3]。完成整顿12个[1]。再次提到资金[3]。",
        [citation(1, "已完成整顿12个"), citation(2, "成立整改工作领导小组"), citation(3, "收回违规资金86.5万元")],
    )
    checked = verify_answer(answer, NOTICES.get)

    assert checked.text == "收回违规资金86.5万元[1]。完成整顿12个[2]。再次提到资金[1]。"
    assert [(c.n, c.quote) for c in checked.citations] == [(1, "收回违规资金86.5万元"), (2, "已完成整顿12个")]


def test_grouped_and_full_width_markers_are_understood_and_normalised() -> None:
    answer = answer_with(
        "两项整改均已完成[1,2]。整顿完成[2、1]。资金已收回【2】。"
        "领导小组已成立[1\uff0c7]。整改到位\uff3b2\uff3d。",
        [citation(1, "已完成整顿12个"), citation(2, "收回违规资金86.5万元")],
    )
    checked = verify_answer(answer, NOTICES.get)

    assert checked.text == "两项整改均已完成[1][2]。整顿完成[2][1]。资金已收回[2]。领导小组已成立[1]。整改到位[2]。"
    assert len(checked.citations) == 2


def test_four_digit_bracketed_numbers_are_not_taken_for_markers() -> None:
    answer = answer_with("依据[2023]5号文件整改[1]。", [citation(1, "已完成整顿12个")])
    assert verify_answer(answer, NOTICES.get).text == "依据[2023]5号文件整改[1]。"


def test_verified_citation_carries_the_notice_span_and_exact_text() -> None:
    quote = "清理专项资金账户，收回违规资金86.5万元。"
    answer = answer_with("资金已清理[1]。", [citation(1, quote, start=0)])
    verified = verify_answer(answer, NOTICES.get).citations[0]

    assert verified.verified
    assert NOTICE_A[verified.start : verified.end] == quote
    assert verified.start == NOTICE_A.index(quote)


def test_marker_numbers_lists_each_number_once_in_order() -> None:
    assert marker_numbers("甲[2]乙[1、3]丙[2-4]丁【5】") == [2, 1, 3, 4, 5]


def test_render_markdown_shows_verified_quotes_and_never_unverified_ones() -> None:
    verified = verify_answer(answer_with("已完成整顿[1]。", [citation(1, "已完成整顿12个")]), NOTICES.get)
    unverified_answer = answer_with("资金已收回[1]。", [citation(1, "收回违规资金100万元")])

    assert "[1] 青禾市云岭区《关于巡察整改情况的通报》 二、整改落实情况\uff1a「已完成整顿12个」" in verified.render_markdown()
    assert "「" not in unverified_answer.render_markdown()


def test_answer_round_trips_through_a_dict() -> None:
    checked = verify_answer(answer_with("已完成整顿[1]。", [citation(1, "已完成整顿12个")]), NOTICES.get)
    checked.units = ["青禾市云岭区"]
    checked.notice = "大模型接口不可用（请求超时）,已改用抽取式回答。"
    assert Answer.from_dict(checked.to_dict()) == checked


def test_render_markdown_keeps_one_line_per_unit_and_shows_the_notice_first() -> None:
    answer = answer_with("青禾市云岭区:已完成整顿12个[1]。\n东湖高新产业园:收回违规资金12万元[2]。", [])
    answer.notice = "大模型接口不可用(请求超时),已改用抽取式回答。"
    rendered = answer.render_markdown()

    assert rendered.startswith("> 大模型接口不可用(请求超时),已改用抽取式回答。\n\n")
    assert "已完成整顿12个[1]。  \n东湖高新产业园" in rendered

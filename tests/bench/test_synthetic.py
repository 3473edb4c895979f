"""The synthetic corpus: deterministic, notice-like enough for the real loader, chunker and metadata rules."""

from __future__ import annotations

import random
import re

import pytest

from bench.synthetic import chinese_numeral, generate_corpus, make_unit_names, write_corpus
from bench.synthetic_questions import ACROSS_UNIT_QUESTIONS, answering_units, sample_questions
from index.chunker import split_notice_into_chunks
from index.documents import notice_id_for
from index.headings import parse_heading
from index.loaders import load_document
from index.metadata import extract_notice_metadata
from index.records import extract_notice_record


@pytest.fixture(scope="module")
def corpus():
    return generate_corpus(12, seed=3)


def test_same_seed_same_corpus_other_seed_other_corpus(corpus):
    assert generate_corpus(12, seed=3) == corpus
    assert [n.text for n in generate_corpus(12, seed=4)] != [n.text for n in corpus]


def test_every_notice_text_is_distinct_and_units_are_shared_by_a_few_notices(corpus):
    assert len({notice_id_for(n.text) for n in corpus}) == len(corpus)
    assert len({n.unit for n in corpus}) == 4  # 12 notices, 3 per unit by default


def test_generated_unit_names_differ():
    units = make_unit_names(1000, random.Random(1))
    assert len({u.name for u in units}) == 1000
    assert len({u.issuer for u in units}) == 1000


def test_more_units_than_two_character_names_allow_still_differ():
    units = make_unit_names(3000, random.Random(2))
    assert len({u.name for u in units}) == 3000


def test_metadata_rules_read_the_generated_unit_and_inspection(corpus):
    for notice in corpus:
        metadata = extract_notice_metadata(notice.text, notice.file_name)
        assert metadata.unit == notice.unit
        assert metadata.title.endswith("通报")
        assert metadata.inspecting_body is not None
        assert metadata.inspecting_body.value.endswith("巡察组")
        assert metadata.inspection_period is not None
        assert metadata.feedback_date is not None


def test_loader_accepts_the_written_files_and_chunks_are_verbatim(corpus, tmp_path):
    paths = write_corpus(corpus[:3], tmp_path / "corpus")
    for notice, path in zip(corpus[:3], paths):
        document = load_document(path)
        assert document.text == notice.text
        chunks = split_notice_into_chunks(notice_id_for(document.text), document.text, unit=notice.unit)
        assert len(chunks) >= 5
        for chunk in chunks:
            assert document.text[chunk.start : chunk.end] == chunk.text
        assert any(chunk.section_path for chunk in chunks)


def test_notices_use_several_heading_styles(corpus):
    styles = set()
    for notice in corpus:
        for line in notice.text.splitlines():
            heading = parse_heading(line)
            if heading is not None:
                styles.add(heading.style)
    assert {"cn-numeral", "cn-paren"} <= styles
    assert styles & {"arabic-dot", "arabic-paren", "problem-number", "problem-label", "measure-label"}


def test_records_find_figures_and_figures_vary_between_notices(corpus):
    money_by_notice = []
    for notice in corpus:
        record = extract_notice_record(notice_id_for(notice.text), notice.text, notice.unit)
        assert record.by_field("money"), notice.file_name
        assert record.by_field("rules")
        money_by_notice.append(tuple(f.text for f in record.by_field("money")))
    assert len(set(money_by_notice)) == len(corpus)
    amounts = {a for n in corpus for a in re.findall(r"\d+(?:\.\d+)?万元", n.text)}
    assert len(amounts) > 5 * len(corpus)


def test_questions_name_corpus_units_or_ask_across_them(corpus):
    units = sorted({n.unit for n in corpus})
    questions = sample_questions(units, 6, seed=1)
    assert all(any(u in q for u in units) for q in questions["single-unit"])
    assert not any(u in q for q in questions["unscoped"] + questions["across-units"] for u in units)
    assert all(len(texts) == 6 for texts in questions.values())


def test_chinese_numerals_as_headings_write_them():
    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 23)] == ["一", "十", "十一", "二十", "二十三"]
    with pytest.raises(ValueError):
        chinese_numeral(0)


def test_each_kind_of_question_takes_the_retrieval_path_it_is_meant_to_time(corpus):
    from assistant.units import asks_across_units

    questions = sample_questions(sorted({n.unit for n in corpus}), 10, seed=2)
    assert not any(asks_across_units(q) for q in questions["unscoped"])
    assert all(asks_across_units(q) for q in questions["across-units"])


def test_which_units_questions_have_a_known_answer_that_is_some_units_not_all():
    notices = generate_corpus(90, seed=5)
    units = {n.unit for n in notices}
    for question, phrase in ACROSS_UNIT_QUESTIONS:
        answer = answering_units(question, [(n.unit, n.text) for n in notices])
        assert 0 < len(answer) < len(units), question
        assert all(any(phrase in n.text for n in notices if n.unit == unit) for unit in answer)

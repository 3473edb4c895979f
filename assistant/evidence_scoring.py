"""How well each sentence of the retrieved passages answers a question: the extractive answer's candidates."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from langchain_core.documents import Document

from assistant.evidence import (
    Evidence, Question, distinct, follows_said, is_asked_line, is_label_heading, last_heading, looks_like_heading, mostly_said, windows,
)
from assistant.fusion import term_coverage
from assistant.ledger_rows import ASKS_LEDGER_FIELD, behind_body_passages, is_weak_ledger_row, line_at
from assistant.settings import AnsweringSettings
from index.attribution_lines import is_attribution_line
from index.sentences import split_sentences


def score_evidence(
    documents: Sequence[Document], question: Question, tokenize: Callable[[str], list[str]], knobs: AnsweringSettings,
    notice_text_of: Callable[[str], str | None],
) -> list[Evidence]:
    """Candidate quotes of the documents, best first, non-overlapping within a notice."""
    found: list[Evidence] = []
    said: list[Evidence] = []  # quoted by the previous answer already
    terms_said: list[frozenset[str]] = []  # per candidate: the asked terms it says
    asked = frozenset(term for part in question.parts for term in part) | frozenset(question.terms)
    ledger_row: list[bool] = []  # per candidate: a ledger row naming only a problem and its owner/status
    terms = question.terms
    for rank, document in enumerate(documents):
        meta = document.metadata
        content = document.page_content
        prior = knobs.rank_prior / (1 + rank) + knobs.similarity_prior * max(
            0.0, meta.get("similarity", 0.0) - knobs.similarity_floor
        )
        heading_tokens = question.said_as(tokenize(last_heading(meta.get("section_path", ""))))
        for start, end in split_sentences(content):
            sentence = content[start:end]
            is_heading = looks_like_heading(sentence) or is_asked_line(line_at(content, start, end))
            if is_heading:  # a label heading ("整改成效:") keeps the topic heading above it
                heading_tokens = question.said_as(tokenize(sentence)) | (
                    heading_tokens if is_label_heading(sentence) else set()
                )
            for w_start, w_end in windows(content, start, end):
                text = content[w_start:w_end]
                if len(text) < 6 or is_attribution_line(text):  # "（责任编辑：X办公室）" says who posted, not what
                    continue
                tokens = question.said_as(tokenize(text)) | question.contracted_in(text)
                coverages = tuple(term_coverage(p, tokens, question.weights) for p in question.parts)
                coverage = term_coverage(terms, tokens, question.weights)
                in_context = term_coverage(terms, tokens | heading_tokens, question.weights)
                score = (1 - knobs.heading_context_weight) * coverage + knobs.heading_context_weight * in_context + prior
                absolute = (meta["start"] + w_start, meta["start"] + w_end)
                if any(f_start < absolute[1] and absolute[0] < f_end for f_start, f_end in meta.get("fact_spans", [])):
                    score += knobs.stated_fact_bonus
                fits = question.fits(text, coverages)
                if fits and question.profile.wants_person and question.profile.act:
                    score += knobs.stated_fact_bonus  # a person and the act asked about: the fact itself
                if not fits:
                    score *= knobs.unmet_shape_penalty
                if is_heading:
                    score *= knobs.heading_penalty
                repeated = bool(question.already_said) and mostly_said(text, question.already_said)
                if repeated:
                    score *= knobs.already_said_penalty
                found.append(Evidence(document, *absolute, text, score, fits, coverages, is_heading))
                terms_said.append(frozenset(tokens) & asked)
                ledger_row.append(is_weak_ledger_row(line_at(content, w_start, w_end), knobs.ledger_title_chars))
                said.extend(found[-1:] if repeated else [])
    if not ASKS_LEDGER_FIELD.search(question.text):  # "谁负责", "完成了吗": what the row itself states
        found = behind_body_passages(found, terms_said, ledger_row, knobs.ledger_row_share)
    found = follows_said(found, said, knobs.follows_said_bonus, notice_text_of) if said else found
    found.sort(key=lambda e: -e.score)
    return distinct(found)

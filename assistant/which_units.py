"""Scores deciding which units answer a "which units…" question: keywords over every passage, then meaning.

Keywords first (assistant.qualify): every passage scored once, each unit by its best passage. Then
meaning, for units whose notice states the asked thing in other words than the question (院长…末位
表态 asked as "一把手最后表态"): the sentences of each candidate unit's best passages are compared
with the question's topic by the embedder, and a unit joins when its closest sentence is as close
as those of the units the keywords found, relative to how this question's sentences score.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.concepts import alternative_clauses, question_concepts, topic_coverage
from assistant.plain_words import official_terms
from assistant.qualify import UnitScores, best_per_unit
from assistant.semantic import SentenceSimilarity, question_topic
from assistant.retrieval_settings import RetrievalSettings
from assistant.stated_facts import stated_facts
from assistant.topic_words import said_once, without_asking_words
from assistant.views import QuestionScores, RetrieverViews
from index.sentences import split_sentences

MIN_SENTENCE_CHARS = 6


@dataclass
class WhichUnitsScores:
    """Each unit's scores, which units are in scope, the passages stating the asked-for facts, and
    each passage's keyword coverage (to find a unit's best passages)."""

    scores: UnitScores
    in_scope: np.ndarray
    facts: dict[str, list[tuple[int, int]]]
    row_coverage: np.ndarray


def score_units(
    asked: QuestionScores, scope: Sequence[str], settings: RetrievalSettings, tokenize: Callable[[str], list[str]]
) -> WhichUnitsScores:
    """Score every passage once and each unit by its best passage (coverage, cosine, stated facts)."""
    views = asked.views
    entries = views.directory.entries
    in_scope = np.zeros(len(entries), dtype=bool)
    wanted = set(scope)
    in_scope[[i for i, e in enumerate(entries) if e.unit in wanted]] = True
    similarity = np.zeros(len(entries), dtype=np.float32)
    if asked.vector is not None and views.vectors is not None:
        asked.similarity = views.vectors.similarities(asked.vector)
        similarity = best_per_unit(len(entries), views.vector_units, asked.similarity)
    facts = stated_facts(views, asked.text, views.directory.notice_ids_of(scope))
    row_of_chunk = views.lexical.row_of_chunk
    fact_rows = np.array([row_of_chunk[c] for c in facts if c in row_of_chunk], dtype=np.int64)
    coverage = asked.coverage
    if settings.coverage_by_rarity:
        coverage = views.lexical.coverage(asked.terms, by_rarity=True)
    by_concept = None
    if settings.coverage_by_concept:
        saying = rows_saying(views)
        clauses = alternative_clauses(asked.text, tokenize, settings.min_clause_words, settings.clause_word_chars)
        concept_rows = np.max([topic_coverage(views.lexical, question_concepts(clause, tokenize), saying)
                               for clause in clauses], axis=0)
        by_concept = best_per_unit(len(entries), views.lexical_units, concept_rows)
    scores = UnitScores(
        coverage=best_per_unit(len(entries), views.lexical_units, coverage),
        similarity=similarity,
        fact_coverage=best_per_unit(len(entries), views.lexical_units, coverage, fact_rows),
        concept_coverage=by_concept,
    )
    return WhichUnitsScores(scores, in_scope, facts, coverage)


def rows_saying(views: RetrieverViews) -> Callable[[str], np.ndarray]:
    """For a phrase, whether each keyword row's passage text holds it (read only when asked)."""
    def saying(phrase: str) -> np.ndarray:
        chunks = (views.chunks.get(chunk_id) for chunk_id in views.lexical.chunk_ids)
        return np.fromiter((chunk is not None and phrase in chunk.text for chunk in chunks), dtype=bool,
                           count=len(views.lexical.chunk_ids))
    return saying


def meaning_topic(question: str) -> str:
    """What a "which units" question asks about, with the notices' words for its plain phrases."""
    topic = question_topic(said_once(without_asking_words(question)), [])
    return " ".join([topic, *official_terms(question)]).strip()


def worded_unlike_notices(asked: QuestionScores) -> bool:
    """Whether the question says its topic in plain words (translated to the notices' words) or in a
    word no passage holds: only then can a unit state it in words the keywords miss."""
    frequency_of = asked.views.lexical.frequency_of
    return bool(official_terms(asked.text)) or any(not frequency_of(term) for term in asked.terms)


def close_in_meaning(
    asked: QuestionScores,
    scored: WhichUnitsScores,
    chosen: np.ndarray,
    similarity: SentenceSimilarity,
    settings: RetrievalSettings,
) -> np.ndarray:
    """Units not chosen by keywords whose closest sentence to the topic is as close as those of the
    chosen units: at least the lowest chosen unit's, above the typical candidate's by
    settings.meaning_unit_share of the way to the closest unit's, and settings.meaning_min_spreads
    spreads above the median sentence read. Nothing when no unit was chosen (a question nothing
    answers stays unanswered)."""
    joined = np.zeros_like(chosen)
    coverage = scored.scores.coverage
    if settings.meaning_units <= 0 or not chosen.any() or not worded_unlike_notices(asked):
        return joined
    by_coverage = np.argsort(-coverage, kind="stable")
    references = [i for i in by_coverage if chosen[i]][: settings.meaning_units]
    candidates = [i for i in by_coverage if scored.in_scope[i] and not chosen[i] and coverage[i] > 0]
    candidates = candidates[: settings.meaning_units]
    if not candidates:
        return joined
    best, pooled = closest_sentences(asked, scored.row_coverage, [*references, *candidates], similarity, settings)
    bar = meaning_bar([best[i] for i in references], [best[i] for i in candidates], pooled, settings)
    for index in candidates:
        joined[index] = best[index] >= bar
    return joined


def meaning_bar(found: Sequence[float], candidates: Sequence[float], pooled: np.ndarray,
                settings: RetrievalSettings) -> float:
    """The cosine a candidate unit's closest sentence needs: the lowest found unit's, meaning_unit_share
    of the way from the typical candidate's to the closest unit's, and meaning_min_spreads spreads above
    the median of every sentence read (infinite when too few sentences were read to tell)."""
    if pooled.size < 2 or not found or not candidates:
        return float("inf")
    typical = float(np.median(candidates))
    bar = max(min(found), typical + settings.meaning_unit_share * (max(*found, *candidates) - typical))
    median = float(np.median(pooled))
    spread = float(np.median(np.abs(pooled - median))) or 1e-6
    return max(bar, median + settings.meaning_min_spreads * spread)  # stands out among all sentences read


def closest_sentences(
    asked: QuestionScores,
    row_coverage: np.ndarray,
    units: Sequence[int],
    similarity: SentenceSimilarity,
    settings: RetrievalSettings,
) -> tuple[dict[int, float], np.ndarray]:
    """Each unit's highest cosine between the topic and a sentence of its best passages by keywords,
    and the cosines of every sentence read."""
    views = asked.views
    sentences_of: dict[int, list[str]] = {}
    for unit in units:
        rows = np.flatnonzero(views.lexical_units == unit)
        rows = rows[np.argsort(-row_coverage[rows], kind="stable")][: settings.meaning_passages_per_unit]
        texts = [views.chunks[views.lexical.chunk_ids[row]].text for row in rows]
        sentences_of[unit] = [
            text[start:end] for text in texts for start, end in split_sentences(text)
            if end - start >= MIN_SENTENCE_CHARS
        ]
    every = [s for unit in units for s in sentences_of[unit]]
    pooled = np.asarray(similarity.similarities(meaning_topic(asked.text), every), dtype=np.float32)
    best, begin = {}, 0
    for unit in units:
        count = len(sentences_of[unit])
        best[unit] = float(pooled[begin : begin + count].max()) if count else 0.0
        begin += count
    return best, pooled

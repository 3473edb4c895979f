"""Hybrid, unit-aware retrieval: dense (vector matrix or Chroma) + lexical (BM25), fused by reciprocal rank fusion.

"Which units…" questions score every passage in one pass (one matrix product, one BM25 call), decide
which units qualify from their best passages relative to the question's spread of scores across units
(assistant.qualify), and pick passages only for those units: recall does not hang on a global top-k.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field


from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.fusion import (
    collapse_near_duplicates,
    reciprocal_rank_fusion,
    term_coverage,
)
from assistant.plain_words import searched_terms, with_official_terms
from assistant.exclusions import inside_left_out
from assistant.qualify import asks_which_units, qualifying
from assistant.section_evidence import compare_sections, of_asked_section, section_k, sections_named, with_section_units
from assistant.semantic import SentenceSimilarity
from assistant.retrieval_settings import RetrievalSettings
from assistant.stated_facts import stated_facts
from assistant.which_units import close_in_meaning, score_units
from assistant.topic_words import topic_tokens, without_asking_words
from assistant.units import UnitDirectory, asks_across_units, asks_comparison
from assistant.views import QuestionScores, RetrieverViews, chunk_document, next_views
from index.catalog import Catalog
from index.lexical import LexicalIndex, top_hits
from index.store import ChunkStore, StoreUnavailable, VectorHit
from index.vector_cache import VectorCache

__all__ = ["HybridRetriever", "NoticeRetriever", "RetrievalResult", "RetrievalSettings", "UnitEvidence"]

logger = logging.getLogger(__name__)


@dataclass
class UnitEvidence:
    """One unit's retrieved chunks and how strongly they answer the question."""

    unit: str
    documents: list[Document]
    best_similarity: float
    best_coverage: float
    qualifies: bool


@dataclass
class RetrievalResult:
    """Ranked documents plus how the question was read."""

    question: str
    documents: list[Document]
    units_named: list[str] = field(default_factory=list)
    across_units: bool = False
    comparison: bool = False
    per_unit: list[UnitEvidence] = field(default_factory=list)
    query_terms: list[str] = field(default_factory=list)
    notice: str = ""  # set when a part failed and retrieval fell back (shown to the user)

    @property
    def qualifying_units(self) -> list[str]:
        return [e.unit for e in self.per_unit if e.qualifies]


class HybridRetriever:
    """Dense + lexical retrieval over the ingested notices, unit-aware."""

    def __init__(
        self,
        catalog: Catalog,
        store: ChunkStore,
        lexical: LexicalIndex,
        embeddings: Embeddings,
        settings: RetrievalSettings | None = None,
        vector_cache: VectorCache | None = None,
    ) -> None:
        self.catalog = catalog
        self.store = store
        self.lexical = lexical
        self.embeddings = embeddings
        self.settings = settings or RetrievalSettings()
        self.vector_cache = vector_cache if self.settings.vector_cache else None
        self.sentences = SentenceSimilarity(embeddings)  # sentence vectors, cached across questions
        self._views = RetrieverViews()
        self._refresh_lock = threading.Lock()

    # --- snapshot of the catalogue, swapped whole when the catalogue changes --------------

    def refresh(self) -> RetrieverViews:
        """The current snapshot, first brought up to date with the catalogue (by notice)."""
        views = self._views
        if self.catalog.generation() == views.generation:
            return views
        with self._refresh_lock:
            views = self._views
            generation = self.catalog.generation()
            if generation == views.generation:
                return views
            lexical = self.lexical.snapshot()
            vectors = None
            if self.vector_cache is not None:
                try:
                    vectors = self.vector_cache.matrix_for(lexical.rows_of_notice)
                except StoreUnavailable as error:  # dense search then goes to the store (and says so)
                    logger.warning("vector cache not refreshed: %s", error)
            self._views = next_views(views, self.catalog, generation, lexical, vectors)
            return self._views

    @property
    def directory(self) -> UnitDirectory:
        return self.refresh().directory

    # --- retrieval -----------------------------------------------------------------------

    def retrieve(
        self, question: str, units: Sequence[str] | None = None, k: int | None = None
    ) -> RetrievalResult:
        """Retrieve evidence for a question, optionally only from the given units."""
        views = self.refresh()  # one snapshot for the whole question
        k = k or self.settings.k
        allowed = list(units) if units else views.directory.units
        left_out = {u for b, e, u in views.directory.mentions(question) if inside_left_out(question, b, e)}
        allowed = [u for u in allowed if u not in left_out]  # "除了三院以外,哪些单位…": 三院 is not in scope
        named = [u for u in views.directory.find_units(question) if u in allowed]
        searched = with_official_terms(question)  # plain words ("公家的车") also search as notices write them
        topic_of = lambda text: topic_tokens(self.lexical.query_tokens(text))  # noqa: E731
        terms = searched_terms(without_asking_words(question), topic_of, views.lexical.frequency_of)
        # A single character no passage holds is a scrap of the word cutter ("出了问题": 出), not a term.
        terms = [t for t in terms if len(t) > 1 or views.lexical.frequency_of(t)]
        result = RetrievalResult(
            question=question,
            documents=[],
            units_named=named,
            # Asked across units, or narrowed by the user to several units: answer unit by unit.
            across_units=(asks_across_units(question) or asks_which_units(question) or len(units or []) >= 2) and len(named) != 1,
            comparison=asks_comparison(question) or len(named) >= 2,
            query_terms=terms,
        )
        if not views.chunks:
            return result
        try:
            query_vector = self.embeddings.embed_query(searched)
        except Exception as error:  # an embeddings endpoint can fail; keyword search still works
            logger.warning("query embedding failed (%s); keyword search only", error)
            query_vector = None
            result.notice = f"向量检索不可用({error.__class__.__name__}),本次仅用关键词检索。"
        asked = QuestionScores(
            views, question, query_vector, terms, views.lexical.scores(terms), views.lexical.coverage(terms)
        )
        if len(named) == 1 and (sections := sections_named(question, views.metadata, views.notice_ids_of_unit(named[0]))):
            compare_sections(result, self._unit_evidence(asked, named[0], k, result, None), sections)  # two of a round
        elif len(named) == 1:
            found = self._search(asked, views.notice_ids_of_unit(named[0]), section_k(question, views.metadata, k), result)
            result.documents = of_asked_section(question, found, views.metadata)[:k]  # "X中心呢": its section's
        elif len(named) >= 2 or result.across_units:
            scope = named or allowed
            if named or not asks_which_units(question):
                # Units the user named or picked, or every unit when each unit's answer is asked
                # for (各单位…分别), are all shown, each with its own passages.
                result.per_unit = [self._unit_evidence(asked, unit, k, result, None) for unit in scope]
                for evidence in result.per_unit:
                    evidence.qualifies = bool(evidence.documents)
            else:
                result.per_unit = self._which_units(asked, scope, k, result)
            if not named:  # across all units a centre's section answers for the centre; a named bureau keeps it
                result.per_unit = with_section_units(result.per_unit, views.metadata)
            result.per_unit.sort(key=lambda e: (not e.qualifies, -e.best_coverage, -e.best_similarity))
            result.documents = [d for e in result.per_unit if e.qualifies for d in e.documents]
        else:
            notice_ids = views.directory.notice_ids_of(allowed) if units else None
            result.documents = self._search(asked, notice_ids, k, result)
        return result

    def _which_units(
        self, asked: QuestionScores, scope: Sequence[str], k: int, result: RetrievalResult
    ) -> list[UnitEvidence]:
        """Score every passage once, decide which units qualify, pick passages only for those."""
        views = asked.views
        entries = views.directory.entries
        scored = score_units(asked, scope, self.settings, self.lexical.query_tokens)
        scores, in_scope, facts = scored.scores, scored.in_scope, scored.facts
        chosen = qualifying(scores, in_scope, self.settings)
        chosen |= close_in_meaning(asked, scored, chosen, self.sentences, self.settings)
        facts_of_unit: dict[int, dict[str, list[tuple[int, int]]]] = {}
        for chunk_id, spans in facts.items():
            unit_index = views.unit_of_notice.get(views.chunks[chunk_id].notice_id, -1)
            facts_of_unit.setdefault(unit_index, {})[chunk_id] = spans
        evidence = []
        for index, entry in enumerate(entries):
            if not in_scope[index]:
                continue
            if chosen[index]:
                found = self._unit_evidence(asked, entry.unit, k, result, facts_of_unit.get(index, {}))
                found.qualifies = bool(found.documents)
                found.best_coverage = float(scores.coverage[index])
                found.best_similarity = max(found.best_similarity, float(scores.similarity[index]))
            else:
                similarity_of, coverage_of = float(scores.similarity[index]), float(scores.coverage[index])
                found = UnitEvidence(entry.unit, [], similarity_of, coverage_of, False)
            evidence.append(found)
        return evidence

    def _unit_evidence(
        self,
        asked: QuestionScores,
        unit: str,
        k: int,
        result: RetrievalResult,
        facts: dict[str, list[tuple[int, int]]] | None,
    ) -> UnitEvidence:
        documents = self._search(asked, asked.views.notice_ids_of_unit(unit), k, result, facts)
        best_similarity = max((d.metadata["similarity"] for d in documents), default=0.0)
        best_coverage = max((d.metadata["coverage"] for d in documents), default=0.0)
        return UnitEvidence(unit, documents, best_similarity, best_coverage, bool(documents))

    def _search(
        self,
        asked: QuestionScores,
        notice_ids: Sequence[str] | None,
        k: int,
        result: RetrievalResult,
        facts: dict[str, list[tuple[int, int]]] | None = None,
    ) -> list[Document]:
        views = asked.views
        candidates = self.settings.candidates
        dense = self._dense(asked, candidates, notice_ids, result)
        lexical = top_hits(views.lexical, asked.bm25, candidates, notice_ids)
        similarity = {hit.chunk_id: hit.similarity for hit in dense}
        rankings = [[h.chunk_id for h in dense], [h.chunk_id for h in lexical]]
        if facts is None:
            facts = stated_facts(asked.views, asked.text, notice_ids)
        rankings.append(list(facts))
        fused = reciprocal_rank_fusion(
            rankings, k=self.settings.rrf_k, weights=(1.0, 1.0, self.settings.fact_weight)
        )
        ranked = [(cid, score) for cid, score in fused if cid in views.chunks]
        kept = collapse_near_duplicates(
            ranked, lambda cid: views.chunks[cid].text, self.settings.duplicate_overlap, limit=k
        )
        documents = []
        for chunk_id, score in kept[:k]:
            chunk = views.chunks[chunk_id]
            row = views.lexical.row_of_chunk.get(chunk_id)
            coverage = (
                float(asked.coverage[row])
                if row is not None
                else term_coverage(asked.terms, self.lexical.tokenizer.tokenize(chunk.embedding_text()))
            )
            document = chunk_document(views, chunk, score, similarity.get(chunk_id, 0.0), coverage)
            document.metadata["states_fact"] = chunk_id in facts
            document.metadata["fact_spans"] = facts.get(chunk_id, [])
            documents.append(document)
        return documents

    def _dense(
        self,
        asked: QuestionScores,
        k: int,
        notice_ids: Sequence[str] | None,
        result: RetrievalResult,
    ) -> list[VectorHit]:
        """Vector search (in the matrix, else in the store), or nothing when neither can answer."""
        if asked.vector is None:
            return []
        matrix = asked.views.vectors
        if matrix is not None:
            return matrix.search(asked.vector, k, notice_ids, asked.similarity)
        try:
            return self.store.search(asked.vector, k, notice_ids)
        except StoreUnavailable as error:
            logger.warning("%s", error)
            result.notice = "向量库暂时无法连接,本次仅用关键词检索(请检查 Chroma 服务)。"
            return []


class NoticeRetriever(BaseRetriever):
    """LangChain face of the hybrid retriever: documents for a question, optionally per unit."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    hybrid: HybridRetriever
    units: list[str] | None = None
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return self.hybrid.retrieve(query, units=self.units, k=self.k).documents

"""Hybrid, unit-aware retrieval: dense (Chroma) + lexical (BM25), fused by reciprocal rank fusion.

Questions about every unit are answered unit by unit: each unit's notices are searched on
their own and a unit is kept when its best evidence clears a relevance threshold, so recall
does not hang on a global top-k.
"""

from __future__ import annotations

import logging
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
from assistant.question import profile_question, record_fields
from assistant.units import UnitDirectory, asks_across_units, asks_comparison
from index.catalog import Catalog
from index.documents import Chunk, NoticeMetadata
from index.lexical import LexicalIndex
from index.store import ChunkStore, StoreUnavailable, VectorHit

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


@dataclass(frozen=True)
class RetrievalSettings:
    k: int = 5
    candidates: int = 30  # per signal, before fusion
    rrf_k: int = 60
    # A unit qualifies for a question across units when its best chunk covers this share of
    # the question's terms, or is this similar to it.
    min_coverage: float = 0.5
    min_similarity: float = 0.86
    duplicate_overlap: float = 0.8
    # Weight in the fusion of passages stating the asked-for figure or date (records, metadata).
    fact_weight: float = 1.5
    # Questions across units search each unit on its own up to this many units; beyond it only
    # the units with a passage among the wide_candidates best of a global search.
    search_every_unit_up_to: int = 12
    wide_candidates: int = 300
    # A unit whose notice states the asked-for figure qualifies at this lower coverage.
    min_coverage_with_fact: float = 0.3


class HybridRetriever:
    """Dense + lexical retrieval over the ingested notices, unit-aware."""

    def __init__(
        self,
        catalog: Catalog,
        store: ChunkStore,
        lexical: LexicalIndex,
        embeddings: Embeddings,
        settings: RetrievalSettings | None = None,
    ) -> None:
        self.catalog = catalog
        self.store = store
        self.lexical = lexical
        self.embeddings = embeddings
        self.settings = settings or RetrievalSettings()
        self._generation = -1
        self._directory = UnitDirectory([])
        self._chunks: dict[str, Chunk] = {}
        self._chunks_by_notice: dict[str, list[Chunk]] = {}
        self._titles: dict[str, str] = {}
        self._metadata: dict[str, NoticeMetadata] = {}
        self._figure_spans: dict[str, list[tuple[str, int, int]]] = {}

    # --- catalogue views, refreshed when the catalogue changes -----------------------------

    def _refresh(self) -> None:
        generation = self.catalog.generation()
        if generation == self._generation:
            return
        notices = self.catalog.notices()
        self._directory = UnitDirectory(notices)
        self._titles = {row.notice_id: row.title or row.file_name for row in notices}
        self._metadata = {row.notice_id: row.metadata for row in notices}
        self._chunks = {c.chunk_id: c for c in self.catalog.chunks()}
        self._chunks_by_notice = {}
        for chunk in self._chunks.values():
            self._chunks_by_notice.setdefault(chunk.notice_id, []).append(chunk)
        self._figure_spans = {
            notice_id: [(f["field"], f["start"], f["end"]) for f in record.get("figures", [])]
            for notice_id, record in self.catalog.records().items()
        }
        self.lexical.refresh()
        self._generation = generation

    @property
    def directory(self) -> UnitDirectory:
        self._refresh()
        return self._directory

    # --- retrieval -----------------------------------------------------------------------

    def retrieve(
        self, question: str, units: Sequence[str] | None = None, k: int | None = None
    ) -> RetrievalResult:
        """Retrieve evidence for a question, optionally only from the given units."""
        self._refresh()
        k = k or self.settings.k
        allowed = list(units) if units else self._directory.units
        named = [u for u in self._directory.find_units(question) if u in allowed]
        result = RetrievalResult(
            question=question,
            documents=[],
            units_named=named,
            # Asked across units, or narrowed by the user to several units: answer unit by unit.
            across_units=(asks_across_units(question) or len(units or []) >= 2) and len(named) != 1,
            comparison=asks_comparison(question) or len(named) >= 2,
            query_terms=self.lexical.query_tokens(question),
        )
        if not self._chunks:
            return result
        try:
            query_vector = self.embeddings.embed_query(question)
        except Exception as error:  # an embeddings endpoint can fail; keyword search still works
            logger.warning("query embedding failed (%s); keyword search only", error)
            query_vector = None
            result.notice = f"向量检索不可用({error.__class__.__name__}),本次仅用关键词检索。"
        if len(named) == 1:
            result.documents = self._search(question, query_vector, named, k, result)
        elif len(named) >= 2 or result.across_units:
            scope = named or allowed
            searched = scope if named else self._units_with_candidates(question, query_vector, scope, result)
            result.per_unit = [
                self._unit_evidence(question, query_vector, unit, k, result)
                if unit in searched
                else UnitEvidence(unit, [], 0.0, 0.0, False)
                for unit in scope
            ]
            # Units the user named or picked are all shown; only "which units…" questions filter.
            if named or not asks_across_units(question):
                for evidence in result.per_unit:
                    evidence.qualifies = bool(evidence.documents)
            result.per_unit.sort(key=lambda e: (not e.qualifies, -e.best_coverage, -e.best_similarity))
            result.documents = [d for e in result.per_unit if e.qualifies for d in e.documents]
        else:
            result.documents = self._search(question, query_vector, allowed if units else None, k, result)
        return result

    def _units_with_candidates(
        self, question: str, query_vector: list[float] | None, scope: Sequence[str], result: RetrievalResult
    ) -> set[str]:
        """With many units, only those with a passage in a wide global search are searched one by one.

        A unit none of whose passages is among the top lexical or dense candidates cannot clear
        the qualifying bar, and searching hundreds of units one by one takes seconds.
        """
        if len(scope) <= self.settings.search_every_unit_up_to:
            return set(scope)
        allowed = self._directory.notice_ids_of(scope)
        notices = {h.notice_id for h in self.lexical.search(question, self.settings.wide_candidates, allowed)}
        notices |= {h.notice_id for h in self._dense(query_vector, self.settings.wide_candidates, allowed, result)}
        return {e.unit for e in self._directory.entries if set(e.notice_ids) & notices}

    def _unit_evidence(
        self, question: str, query_vector: list[float], unit: str, k: int, result: RetrievalResult
    ) -> UnitEvidence:
        documents = self._search(question, query_vector, [unit], k, result)
        best_similarity = max((d.metadata["similarity"] for d in documents), default=0.0)
        best_coverage = max((d.metadata["coverage"] for d in documents), default=0.0)
        fact_coverage = max((d.metadata["coverage"] for d in documents if d.metadata["states_fact"]), default=0.0)
        qualifies = bool(documents) and (
            best_coverage >= self.settings.min_coverage
            or best_similarity >= self.settings.min_similarity
            or fact_coverage >= self.settings.min_coverage_with_fact
        )
        return UnitEvidence(unit, documents, best_similarity, best_coverage, qualifies)

    def _search(
        self,
        question: str,
        query_vector: list[float] | None,
        units: Sequence[str] | None,
        k: int,
        result: RetrievalResult,
    ) -> list[Document]:
        notice_ids = self._directory.notice_ids_of(units) if units is not None else None
        candidates = self.settings.candidates
        dense = self._dense(query_vector, candidates, notice_ids, result)
        lexical = self.lexical.search(question, candidates, notice_ids)
        similarity = {hit.chunk_id: hit.similarity for hit in dense}
        rankings = [[h.chunk_id for h in dense], [h.chunk_id for h in lexical]]
        facts = self._stated_facts(question, notice_ids)
        rankings.append(list(facts))
        fused = reciprocal_rank_fusion(
            rankings, k=self.settings.rrf_k, weights=(1.0, 1.0, self.settings.fact_weight)
        )
        ranked = [(cid, score) for cid, score in fused if cid in self._chunks]
        kept = collapse_near_duplicates(
            ranked, lambda cid: self._chunks[cid].text, self.settings.duplicate_overlap, limit=k
        )
        terms = self.lexical.query_tokens(question)
        documents = []
        for chunk_id, score in kept[:k]:
            chunk = self._chunks[chunk_id]
            document = self._document(
                chunk,
                score,
                similarity.get(chunk_id, 0.0),
                term_coverage(terms, self.lexical.tokenizer.tokenize(chunk.embedding_text())),
            )
            document.metadata["states_fact"] = chunk_id in facts
            document.metadata["fact_spans"] = facts.get(chunk_id, [])
            documents.append(document)
        return documents

    def _dense(
        self,
        query_vector: list[float] | None,
        k: int,
        notice_ids: Sequence[str] | None,
        result: RetrievalResult,
    ) -> list[VectorHit]:
        """Vector search, or nothing (with a notice for the user) when the store is unreachable."""
        if query_vector is None:
            return []
        try:
            return self.store.search(query_vector, k, notice_ids)
        except StoreUnavailable as error:
            logger.warning("%s", error)
            result.notice = "向量库暂时无法连接,本次仅用关键词检索(请检查 Chroma 服务)。"
            return []

    def _stated_facts(
        self, question: str, notice_ids: Sequence[str] | None
    ) -> dict[str, list[tuple[int, int]]]:
        """Chunks holding the notice metadata or record figures the question asks about, best first,
        each with the spans (in the notice) of those facts.

        A third ranking for the fusion: where a notice states the figure or date asked for
        (per its record and metadata, extracted at ingest), that passage is evidence even
        when its wording is far from the question's.
        """
        profile = profile_question(question)
        about_figures = profile.wants_number or asks_across_units(question) or asks_comparison(question)
        fields = record_fields(question) if about_figures else ()
        if not fields and not profile.metadata_fields:
            return {}
        spans: list[tuple[int, str, int, int]] = []  # (priority, notice, start, end)
        for notice_id in notice_ids if notice_ids is not None else list(self._chunks_by_notice):
            metadata = self._metadata.get(notice_id)
            for field_name in profile.metadata_fields:
                value = getattr(metadata, field_name, None) if metadata else None
                if value is not None:
                    spans.append((-1, notice_id, value.start, value.end))
            spans.extend(
                (fields.index(field_name), notice_id, start, end)
                for field_name, start, end in self._figure_spans.get(notice_id, [])
                if field_name in fields
            )
        spans.sort(key=lambda span: span[0])  # fields the question names first, reading order within
        ranked: dict[str, list[tuple[int, int]]] = {}
        for _, notice_id, start, end in spans:
            chunk = next(
                (c for c in self._chunks_by_notice.get(notice_id, []) if c.start <= start and end <= c.end),
                None,
            )
            if chunk is not None and (start, end) not in ranked.get(chunk.chunk_id, []):
                ranked.setdefault(chunk.chunk_id, []).append((start, end))
        return ranked

    def _document(self, chunk: Chunk, score: float, similarity: float, coverage: float) -> Document:
        return Document(
            id=chunk.chunk_id,
            page_content=chunk.text,
            metadata={
                "chunk_id": chunk.chunk_id,
                "notice_id": chunk.notice_id,
                "ordinal": chunk.ordinal,
                "unit": chunk.unit,
                "title": self._titles.get(chunk.notice_id, ""),
                "section_path": chunk.section_path,
                "start": chunk.start,
                "end": chunk.end,
                "score": score,
                "similarity": similarity,
                "coverage": coverage,
            },
        )


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

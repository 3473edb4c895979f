"""The answer without an LLM: evidence sentences picked from the retrieved passages, grouped by unit, cited.

Sentences are scored by how much of the question's terms they hold (lexical), how well their
passage matched (the retriever's dense and fused scores), and whether they have the kind of
content the question asks for (a figure, a date, a name). A question across units gets one line
per qualifying unit; a comparison gets a table; a question nothing answers gets
"通报中未找到相关内容" with the nearest passages shown as related.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from langchain_core.documents import Document

from assistant.answer import Answer, Citation
from assistant.fusion import term_coverage
from assistant.question import QuestionProfile, profile_question, satisfies
from assistant.retriever import RetrievalResult
from index.documents import NoticeMetadata
from index.sentences import split_clauses, split_sentences

NOT_FOUND = "通报中未找到相关内容"
RELATED = "相关但未直接回答"
MAX_QUOTE_CHARS = 160
MIN_ANSWER_SCORE = 0.42
UNMET_PROFILE_PENALTY = 0.35
# A sentence holding a figure or date the notice states for the asked field (records, metadata).
STATED_FACT_BONUS = 0.3


@dataclass(frozen=True)
class Evidence:
    """A candidate quote: a sentence (or clause window) of a retrieved passage, with its score."""

    document: Document
    start: int  # in the notice
    end: int
    text: str
    score: float
    fits_profile: bool

    @property
    def unit(self) -> str:
        return self.document.metadata.get("unit", "")

    @property
    def notice_id(self) -> str:
        return self.document.metadata["notice_id"]


class ExtractiveAnswerer:
    """Builds a cited answer from retrieved passages, with no language model."""

    def __init__(
        self,
        tokenize: Callable[[str], list[str]],
        metadata_of: Callable[[str], NoticeMetadata | None],
        notice_text_of: Callable[[str], str | None],
    ) -> None:
        self.tokenize = tokenize
        self.metadata_of = metadata_of
        self.notice_text_of = notice_text_of

    def answer(self, question: str, standalone_question: str, retrieval: RetrievalResult) -> Answer:
        profile = profile_question(standalone_question)
        terms = self._question_terms(standalone_question, retrieval)
        builder = _AnswerBuilder(question, standalone_question)
        if retrieval.per_unit:
            units = [e.unit for e in retrieval.per_unit if e.qualifies]
            self._answer_per_unit(builder, retrieval, profile, terms, units)
        else:
            self._answer_single_scope(builder, retrieval.documents, profile, terms)
        return builder.finish()

    # --- scoring -------------------------------------------------------------------------

    def _question_terms(self, question: str, retrieval: RetrievalResult) -> list[str]:
        """Query terms without the unit names (every sentence of a unit's notice is about it)."""
        terms = self.tokenize(question)
        unit_words = set()
        for unit in retrieval.units_named:
            unit_words.update(self.tokenize(unit))
        return [t for t in terms if t not in unit_words] or terms

    def evidence(
        self, documents: Sequence[Document], profile: QuestionProfile, terms: list[str]
    ) -> list[Evidence]:
        """Candidate quotes of the documents, best first."""
        found: list[Evidence] = []
        for rank, document in enumerate(documents):
            meta = document.metadata
            passage_terms = self.tokenize(f"{meta.get('section_path', '')} {document.page_content}")
            passage_score = term_coverage(terms, passage_terms)
            prior = 0.1 / (1 + rank) + 0.5 * max(0.0, meta.get("similarity", 0.0) - 0.8)
            for start, end in split_sentences(document.page_content):
                for w_start, w_end in _windows(document.page_content, start, end, terms, self.tokenize):
                    text = document.page_content[w_start:w_end]
                    if len(text) < 6:
                        continue
                    coverage = term_coverage(terms, self.tokenize(text))
                    fits = satisfies(profile, text)
                    score = coverage + 0.25 * passage_score + prior
                    absolute = (meta["start"] + w_start, meta["start"] + w_end)
                    if any(f_start < absolute[1] and absolute[0] < f_end for f_start, f_end in meta.get("fact_spans", [])):
                        score += STATED_FACT_BONUS
                    if not fits:
                        score *= UNMET_PROFILE_PENALTY
                    found.append(
                        Evidence(document, meta["start"] + w_start, meta["start"] + w_end, text, score, fits)
                    )
        found.sort(key=lambda e: -e.score)
        return _distinct(found)

    # --- answer shapes -------------------------------------------------------------------

    def _answer_single_scope(
        self,
        builder: _AnswerBuilder,
        documents: Sequence[Document],
        profile: QuestionProfile,
        terms: list[str],
    ) -> None:
        units = _units_in_order(documents)
        metadata_lines = self._metadata_lines(builder, units[:1], profile) if units else []
        evidence = self.evidence(documents, profile, terms)
        best = evidence[0].score if evidence else 0.0
        if metadata_lines:
            builder.lines.extend(metadata_lines)
            return
        if best < MIN_ANSWER_SCORE or not evidence[0].fits_profile:
            builder.not_found(evidence[:2])
            return
        chosen = [e for e in evidence if e.score >= 0.7 * best and e.fits_profile][:3]
        chosen.sort(key=lambda e: (e.notice_id, e.start))
        unit = chosen[0].unit
        builder.lines.append(f"根据{unit}的通报:" if unit else "根据通报:")
        for item in chosen:
            builder.lines.append(f"- {_one_line(item.text)}{builder.cite(item)}")

    def _answer_per_unit(
        self,
        builder: _AnswerBuilder,
        retrieval: RetrievalResult,
        profile: QuestionProfile,
        terms: list[str],
        qualifying: list[str],
    ) -> None:
        rows: list[tuple[str, list[Evidence]]] = []
        missing: list[str] = []
        for unit_evidence in retrieval.per_unit:
            unit = unit_evidence.unit
            metadata_lines = self._metadata_lines(builder, [unit], profile, dry_run=True)
            if metadata_lines:
                rows.append((unit, []))
                continue
            if unit not in qualifying:
                missing.append(unit)
                continue
            evidence = self.evidence(unit_evidence.documents, profile, terms)
            best = evidence[0].score if evidence else 0.0
            # A unit the user named gets its best evidence; others must clear the bar.
            bar = MIN_ANSWER_SCORE / 2 if unit in retrieval.units_named else MIN_ANSWER_SCORE
            if best < bar or not evidence[0].fits_profile:
                missing.append(unit)
                continue
            chosen = [e for e in evidence if e.score >= 0.8 * best and e.fits_profile][:2]
            rows.append((unit, sorted(chosen, key=lambda e: e.start)))
        if not rows:
            nearest = [e for u in retrieval.per_unit for e in self.evidence(u.documents, profile, terms)[:1]]
            builder.not_found(sorted(nearest, key=lambda e: -e.score)[:2])
            return
        if retrieval.comparison and len(retrieval.units_named) >= 2:
            self._comparison_table(builder, rows, profile)
        else:
            builder.lines.append(f"共有{len(rows)}个单位的通报涉及此问题:")
            for index, (unit, chosen) in enumerate(rows, start=1):
                if not chosen:
                    meta_lines = self._metadata_lines(builder, [unit], profile)
                    builder.lines.append(f"{index}. {unit}:" + ";".join(line.split(":", 1)[-1] for line in meta_lines))
                    continue
                quotes = "".join(f"{_one_line(e.text)}{builder.cite(e)}" for e in chosen)
                builder.lines.append(f"{index}. {unit}:{quotes}")
        if missing:
            builder.lines.append(f"未找到相关内容的单位:{'、'.join(missing)}。")

    def _comparison_table(
        self, builder: _AnswerBuilder, rows: list[tuple[str, list[Evidence]]], profile: QuestionProfile
    ) -> None:
        builder.lines.append("对比如下(每格均引自通报原文):")
        builder.lines.append("")
        builder.lines.append("| 要点 | " + " | ".join(unit for unit, _ in rows) + " |")
        builder.lines.append("|---" * (len(rows) + 1) + "|")
        cells: list[list[str]] = []
        for unit, chosen in rows:
            if chosen:
                cells.append([f"{_cell(e.text)}{builder.cite(e)}" for e in chosen])
            else:
                cells.append([_cell(line.split(":", 1)[-1]) for line in self._metadata_lines(builder, [unit], profile)])
        for row_index in range(max(len(c) for c in cells)):
            row = [c[row_index] if row_index < len(c) else "通报未提及" for c in cells]
            builder.lines.append(f"| {row_index + 1} | " + " | ".join(row) + " |")

    def _metadata_lines(
        self, builder: _AnswerBuilder, units: Sequence[str], profile: QuestionProfile, dry_run: bool = False
    ) -> list[str]:
        """Lines answering from the notices' own metadata (inspection team, dates), cited."""
        if not profile.metadata_fields:
            return []
        lines: list[str] = []
        for notice_id, unit, metadata in self._notices_of(units):
            parts = []
            for field_name in profile.metadata_fields:
                value = getattr(metadata, field_name)
                if value is None:
                    continue
                label = METADATA_LABELS[field_name]
                if dry_run:
                    parts.append(label)
                    continue
                evidence = self._sentence_around(notice_id, unit, value.start, value.end)
                parts.append(f"{label}{value.value}{builder.cite(evidence)}")
            if parts:
                lines.append(f"{unit}:" + ",".join(parts))
        return lines

    def _notices_of(self, units: Sequence[str]):
        for unit in units:
            for notice_id in self._notice_ids_by_unit.get(unit, []):
                metadata = self.metadata_of(notice_id)
                if metadata is not None:
                    yield notice_id, unit, metadata

    _notice_ids_by_unit: dict[str, list[str]] = {}

    def set_unit_notices(self, notice_ids_by_unit: dict[str, list[str]]) -> None:
        self._notice_ids_by_unit = notice_ids_by_unit

    def _sentence_around(self, notice_id: str, unit: str, start: int, end: int) -> Evidence:
        text = self.notice_text_of(notice_id) or ""
        sentence_start, sentence_end = start, end
        for s_start, s_end in split_sentences(text, max(0, start - 400), min(len(text), end + 400)):
            if s_start <= start < s_end:
                sentence_start, sentence_end = s_start, max(s_end, end)
                break
        if sentence_end - sentence_start > MAX_QUOTE_CHARS:
            sentence_start, sentence_end = start, end
        document = Document(
            page_content=text[sentence_start:sentence_end],
            metadata={"notice_id": notice_id, "unit": unit, "start": sentence_start, "end": sentence_end,
                      "title": (self.metadata_of(notice_id) or NoticeMetadata()).title, "section_path": ""},
        )
        return Evidence(document, sentence_start, sentence_end, text[sentence_start:sentence_end], 1.0, True)


METADATA_LABELS = {
    "inspecting_body": "巡察(巡视)组:",
    "inspection_period": "巡察(巡视)时间:",
    "feedback_date": "反馈时间:",
    "publish_date": "发布时间:",
}


class _AnswerBuilder:
    """Collects answer lines and numbers citations in order of first use."""

    def __init__(self, question: str, standalone_question: str) -> None:
        self.question = question
        self.standalone_question = standalone_question
        self.lines: list[str] = []
        self.citations: list[Citation] = []
        self._is_not_found = False

    def cite(self, evidence: Evidence) -> str:
        for citation in self.citations:
            if citation.notice_id == evidence.notice_id and citation.start == evidence.start:
                return f"[{citation.n}]"
        meta = evidence.document.metadata
        n = len(self.citations) + 1
        self.citations.append(
            Citation(
                n=n,
                notice_id=evidence.notice_id,
                title=meta.get("title", ""),
                unit=evidence.unit,
                section_path=meta.get("section_path", ""),
                quote=evidence.text,
                start=evidence.start,
                end=evidence.end,
            )
        )
        return f"[{n}]"

    def not_found(self, nearest: Sequence[Evidence]) -> None:
        self._is_not_found = True
        self.lines = [f"{NOT_FOUND}。"]
        if nearest:
            self.lines.append(f"{RELATED}:")
            for item in nearest:
                self.lines.append(f"- {item.unit}:{_one_line(item.text)}{self.cite(item)}")

    def finish(self) -> Answer:
        units = list(dict.fromkeys(c.unit for c in self.citations if c.unit))
        return Answer(
            question=self.question,
            standalone_question=self.standalone_question,
            text="\n".join(self.lines),
            citations=self.citations,
            answerer="extractive",
            not_found=self._is_not_found,
            units=units,
        )


def _windows(
    text: str, start: int, end: int, terms: list[str], tokenize: Callable[[str], list[str]]
) -> list[tuple[int, int]]:
    """The sentence itself, or for a long sentence the best-covering run of its clauses."""
    if end - start <= MAX_QUOTE_CHARS:
        return [(start, end)]
    clauses = split_clauses(text, start, end)
    windows = []
    for first in range(len(clauses)):
        last = first
        while last + 1 < len(clauses) and clauses[last + 1][1] - clauses[first][0] <= MAX_QUOTE_CHARS:
            last += 1
        windows.append((clauses[first][0], clauses[last][1]))
    return windows or [(start, end)]


def _distinct(evidence: list[Evidence]) -> list[Evidence]:
    """Drop candidates overlapping a better one in the same notice."""
    kept: list[Evidence] = []
    for item in evidence:
        if any(k.notice_id == item.notice_id and k.start < item.end and item.start < k.end for k in kept):
            continue
        kept.append(item)
    return kept


def _units_in_order(documents: Sequence[Document]) -> list[str]:
    return list(dict.fromkeys(d.metadata.get("unit", "") for d in documents if d.metadata.get("unit")))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")

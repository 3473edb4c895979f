"""The answer without an LLM: evidence sentences picked from the retrieved passages, grouped by unit, cited.

A sentence is scored by the question terms it holds (weighted by rarity), the same counted with
the heading it sits under, the retriever's view of its passage, and whether it has the kind of
content the question asks for (a figure, a date, a name) or states the figure the notice's
record holds for the asked field. A question across units gets one line per qualifying unit; a
comparison gets a table; a question nothing answers gets "通报中未找到相关内容" with the nearest
passages shown as related.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from langchain_core.documents import Document

from assistant.answer import Answer
from assistant.answer_bar import asks_a_shape, single_scope_bar
from assistant.concepts import alternative_clauses
from assistant.answer_builder import COLON, NO_CONTENT_UNITS, AnswerBuilder, comparison_table, shown
from assistant.asked_kind import lacks_asked_kind
from assistant.asked_thing import parts_left_open, states_the_asked_thing
from assistant.carried_clause import CARRIED, narrowed_weights, own_ask
from assistant.comparison_cells import close_in_meaning, column_sentences, overlaps
from assistant.comparison_meaning import rerank_by_meaning
from assistant.comparison_pairs import column_candidates, with_asked_half
from assistant.evidence import Evidence, Question, distinct, squeezed, topic_over_stray_figure, units_in_order
from assistant.evidence_reach import reach, with_asked_counts, with_point_doers
from assistant.evidence_scoring import score_evidence
from assistant.quote_extension import extend_quote
from assistant.recut_terms import recut_unheld, verb_words
from assistant.retrieval_settings import RetrievalSettings
from assistant.deadline_answer import asks_for_deadline, with_deadline_after
from assistant.measures_answer import asks_for_measures, with_measures_after
from assistant.metadata_answer import metadata_lines, of_body_kind
from assistant.question import QuestionProfile, profile_question
from assistant.retriever import RetrievalResult
from assistant.part_answers import with_part_answers
from assistant.problem_statement import asks_what_went_wrong, with_section_problem
from assistant.plain_words import canonical_tokens, held_terms, official_groups, official_terms, with_official_terms
from assistant.semantic import SentenceSimilarity, question_topic
from assistant.settings import AnsweringSettings
from assistant.topic_words import framed_topic, topic_tokens, without_asking_words
from assistant.unit_names import name_tail_end, without_spans
from assistant.which_units_quotes import which_units_line
from index.documents import NoticeMetadata

# Sub-questions: split at ?/; and connectives, before a second ask in a list ("几个牵头单位、几项工作机制"),
# and before a short part asking when ("多少钱,钱哪天付的").
SUB_QUESTION_SPLIT = re.compile(
    r"[?？;；]|以及|另外|同时|[、,，](?=(?:又|还|再|各|共)?(?:几|多少|哪些|什么|谁)"
    r"|[^,，?？]{1,3}?(?:哪一?天|什么时候|啥时候|何时|几时))"
)


class ExtractiveAnswerer:
    """Builds a cited answer from retrieved passages, with no language model."""

    def __init__(
        self,
        tokenize: Callable[[str], list[str]],
        term_weights: Callable[[Iterable[str]], dict[str, float]],
        notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
        notice_text_of: Callable[[str], str | None],
        similarity: SentenceSimilarity | None = None,
        known_terms: Callable[[Iterable[str]], set[str]] = set,
        is_unit_word: Callable[[str], bool] = lambda term: False,
        unit_spans: Callable[[str], list[tuple[int, int]]] = lambda text: [],
        settings: AnsweringSettings | None = None, retrieval: RetrievalSettings | None = None,
    ) -> None:
        self.tokenize = canonical_tokens(tokenize)  # 收回 asked meets 清退 written
        self.term_weights = term_weights
        self.notices_of_unit = notices_of_unit
        self.notice_text_of = notice_text_of
        self.similarity = similarity
        self.known_terms = known_terms
        self.is_unit_word = is_unit_word
        self.unit_spans = unit_spans
        self.settings = settings or AnsweringSettings()
        self.retrieval = retrieval or RetrievalSettings()  # how a topic splits into alternative clauses

    def answer(self, question: str, standalone_question: str, retrieval: RetrievalResult, said: str = "") -> Answer:
        """The cited answer; `said` is the previous answer when the question points back at it."""
        parsed = replace(self.read_question(standalone_question, retrieval.units_named), already_said=squeezed(said))
        builder = AnswerBuilder(question, standalone_question)
        if retrieval.per_unit:
            self._answer_per_unit(builder, retrieval, parsed)
        else:
            self._answer_single_scope(builder, retrieval.documents, parsed)
        return builder.finish()

    def read_question(self, question: str, units_named: Sequence[str] = ()) -> Question:
        """Terms of each sub-question, without the unit names (every sentence of a notice is about its unit);
        a plain phrase's official words ("公家的车": 公务用车, 车辆) count as one term, met by any of them."""
        parts, profiles, alternatives = [], [], {}
        for piece in SUB_QUESTION_SPLIT.split(without_asking_words(question)):
            for begin, end in sorted(self.unit_spans(piece), reverse=True):  # "北杨集镇党委书记": 党委书记
                piece = piece[:begin] + " " + piece[name_tail_end(piece, end, units_named):]
            tokens = topic_tokens(self.tokenize(with_official_terms(piece)))
            for group in (*official_groups(piece), *verb_words(piece, tokens, self.known_terms, self.settings.verb_words_most)):
                alternatives.update({word: group[0] for word in group})
            held = self.known_terms(tokens)
            # A single character no passage holds is a scrap of the word cutter ("评查查出": 评, 出), not a term.
            tokens = held_terms(piece, [t for t in tokens if len(t) > 1 or t in held or t in alternatives], self.tokenize, held.__contains__)
            tokens = recut_unheld(piece, tokens, self.known_terms)  # "湘服通分厅" asked: 服通, 分厅 as notices read it
            # A piece of a notice word standing for a plain phrase ("门面" of 门面房) is that word, not a term of its own.
            # (only when the cutter also reads the whole word, so a passage's 门面房 still meets it)
            pieces = {t for word in alternatives if word in (cut := self.tokenize(word))
                      for t in cut if t != word and t not in alternatives} - set(self.tokenize(piece))
            terms = [alternatives.get(t, t) for t in tokens if not any(t in unit for unit in units_named) and t not in pieces]
            if terms:
                parts.append(tuple(dict.fromkeys(terms)))
                # A follow-up's carried clause ("…是谁?(其中党内严重警告1人…)") asks nothing: it wants what the question wants.
                profiles.append(profile_question(own_ask(question)) if CARRIED.match(piece) else profile_question(own_ask(piece)))
        if not parts:
            parts, profiles = [tuple(self.tokenize(question))], [profile_question(question)]
        all_terms = {t for part in parts for t in part}
        held = self.known_terms(all_terms)
        unheld = frozenset(t for t in all_terms - held if len(t) == 2 and t not in alternatives)
        return Question(
            profile_question(own_ask(question)), tuple(parts),
            narrowed_weights(question, self._weights(all_terms, held), self.tokenize, self.settings.carried_term_share),
            tuple(profiles), alternatives, question,
            contractions=unheld,
        )

    def _weights(self, terms: set[str], held: set[str]) -> dict[str, float]:
        """Rarity weights; a word no passage holds ("来讲", "念") weighs no more than the question's rarest held word."""
        weights = self.term_weights(terms)
        if held:
            cap = self.settings.unheld_term_weight_share * max(weights[t] for t in held)
            weights = {t: w if t in held else min(w, cap) for t, w in weights.items()}
        return weights

    # --- scoring -------------------------------------------------------------------------

    def evidence(self, documents: Sequence[Document], question: Question) -> list[Evidence]:
        """Candidate quotes of the documents, best first, non-overlapping within a notice."""
        return score_evidence(documents, question, self.tokenize, self.settings, self.notice_text_of)

    def choose(self, evidence: list[Evidence], question: Question, limit: int, share: float) -> list[Evidence]:
        """The best evidence, the best for each sub-question, and close runners-up; extended where cut short."""
        if not evidence:
            return []
        best = evidence[0].score
        chosen: list[Evidence] = [evidence[0]]
        for part_index in range(len(question.parts)):
            part_best = max(
                (e for e in evidence if e.fits_profile and e.coverages and e.coverages[part_index] > 0),
                key=lambda e: (e.coverages[part_index], e.score),
                default=None,
            )
            if part_best is not None and part_best.score >= self.settings.sub_question_share * best and part_best not in chosen:
                chosen.append(part_best)
        chosen = with_asked_counts(chosen, evidence, question, self.notice_text_of)
        for item in evidence[1:]:
            if len(chosen) >= limit:
                break
            if item not in chosen and item.fits_profile and item.score >= share * best:
                chosen.append(item)
        chosen = [
            reach(extend_quote(item, question, self.notice_text_of(item.notice_id)), question, self.notice_text_of(item.notice_id), self.tokenize, self.settings)
            for item in chosen[:limit]
        ]
        chosen = with_point_doers(with_part_answers(chosen, SUB_QUESTION_SPLIT.split(question.text), self.notice_text_of), question, self.notice_text_of)
        # In reading order, the longer of two quotes starting together first: a quote widened to its
        # sentence is kept over a clause of it.
        return distinct(sorted(chosen, key=lambda e: (e.notice_id, e.start, -e.end)))

    # --- answer shapes -------------------------------------------------------------------

    def _answer_single_scope(self, builder: AnswerBuilder, documents: Sequence[Document], question: Question) -> None:
        units = units_in_order(documents)
        if units and question.profile.metadata_fields:
            lines = self._metadata_lines(builder, units[0], question.profile, companions=True)
            if lines:
                builder.lines.extend(lines)
                return
        evidence = self.evidence(documents, question)
        if not evidence or evidence[0].score < single_scope_bar(evidence, question, self.settings) or not evidence[0].fits_profile:
            builder.not_found(evidence[:2])
            return
        chosen = topic_over_stray_figure(self.choose(evidence, question, limit=3, share=self.settings.runner_up_share),
                                         evidence, self.settings.stray_figure_topic_coverage)
        if asks_for_deadline(builder.standalone_question):
            best = evidence[0]
            chosen = with_deadline_after(self.notice_text_of(best.notice_id), chosen, best, self.settings.deadline_span_chars)
        # A question asking no figure, date or name ("那笔款追回来了吗?") has no shape to check a sentence by:
        # the sentences must state every asked thing the passages hold.
        shapeless = not any(asks_a_shape(p) for p in (question.profile, *question.part_profiles))
        passages = "".join(d.page_content for d in documents) if shapeless else ""
        # Asked two things, one of them stated answers, and the answer says which part it leaves open.
        left_open = parts_left_open(chosen, question, SUB_QUESTION_SPLIT.split(question.text),
                                    lambda asked: self._states_the_asked_thing(chosen, asked, passages=passages))
        if left_open is None or lacks_asked_kind(builder.standalone_question, chosen, evidence[0], self.notice_text_of):
            builder.not_found(chosen[:2])
            return
        if asks_for_measures(builder.standalone_question):
            best = evidence[0]
            knobs = self.settings
            chosen = with_measures_after(
                self.notice_text_of(best.notice_id), chosen, best, knobs.measures_listed, knobs.measures_span_chars,
                knobs.matched_measure_share)
        if asks_what_went_wrong(builder.standalone_question):  # "…有啥问题": the sentence stating it, not only a measure
            chosen = with_section_problem(chosen, evidence, self.notice_text_of)
        unit_order = list(dict.fromkeys(e.unit for e in evidence))  # the best-scoring unit first
        for unit in sorted({e.unit for e in chosen}, key=unit_order.index):
            builder.lines.append(f"根据{unit}的通报{COLON}" if unit else f"根据通报{COLON}")
            for item in (e for e in chosen if e.unit == unit):
                builder.lines.append(f"- {shown(item, self.notice_text_of)}{builder.cite(item)}")
        builder.lines.extend(f"注:“{part}”在通报中未找到直接对应的内容。" for part in left_open)

    def _answer_per_unit(self, builder: AnswerBuilder, retrieval: RetrievalResult, question: Question) -> None:
        rows: list[tuple[str, list[str]]] = []  # (unit, cited pieces)
        missing: list[str] = []
        comparing = retrieval.comparison and len(retrieval.units_named) >= 2
        per_unit = of_body_kind(retrieval.per_unit, builder.standalone_question, self.notices_of_unit)
        if comparing:  # columns in the order the question names the units
            per_unit = sorted(per_unit, key=lambda e: retrieval.units_named.index(e.unit) if e.unit in retrieval.units_named else 99)
        # Each unit's sentences ranked by closeness in meaning to the topic too: a comparison's columns
        # and a which-units answer's lines quote the sentence on the topic, not one sharing frequent words.
        meaning = self._comparison_meaning(retrieval, question) if comparing or retrieval.across_units else {}
        for unit_evidence in per_unit:
            unit = unit_evidence.unit
            if question.profile.metadata_fields:
                lines = self._metadata_lines(builder, unit, question.profile, with_unit=False)
                if lines:
                    rows.append((unit, lines))
                    continue
            if not unit_evidence.qualifies:
                missing.append(unit)
                continue
            evidence = meaning.get(unit) or self.evidence(unit_evidence.documents, question)
            # A unit the user named gets its best evidence; others must clear the bar.
            bar = self.settings.min_answer_score * (self.settings.named_unit_bar if unit in retrieval.units_named else 1.0)
            if not evidence or evidence[0].score < bar or not evidence[0].fits_profile:
                if comparing and unit in retrieval.units_named:
                    rows.append((unit, []))  # a named unit keeps its column, saying it has nothing
                else:
                    missing.append(unit)
                continue
            limit = 3
            if comparing:  # a column: the best one's problem and measures, figures first, a sentence more
                evidence, limit = column_candidates(evidence, builder.standalone_question, self.settings, self.notice_text_of)
            chosen = self.choose(evidence, question, limit=limit, share=self.settings.runner_up_share_per_unit)
            if comparing:  # a column holds sentences on the topic, never the title or a frequent word's
                extra = [extend_quote(e, question, self.notice_text_of(e.notice_id)) for e in close_in_meaning(evidence, chosen, limit, self.settings.column_meaning_share)]
                chosen = sorted([*chosen, *(e for e in extra if not any(overlaps(e, c) for c in chosen))], key=lambda e: e.start)
                # ...or names who did the act asked about ("反馈会谁主持的": 主持会议, not the 反馈会议 topic word).
                chosen = column_sentences(chosen, [e for items in meaning.values() for e in items], question.text,
                                          self.settings.column_meaning_share, self.settings.column_off_problem_meaning, retrieval.units_named) or [
                    e for e in chosen if question.profile.act and e.fits_profile]
                chosen = with_asked_half(chosen, evidence, builder.standalone_question, self.notice_text_of, self.settings)
            if unit not in retrieval.units_named and not self._states_the_asked_thing(chosen, question, lenient=True):
                missing.append(unit)  # shares words with the question, but not what it asks about
                continue
            if not comparing:  # a which-units line also quotes where the notice states the problem itself
                chosen = which_units_line(chosen, evidence, builder.standalone_question, self.notice_text_of, self.settings)
            rows.append((unit, [f"{shown(e, self.notice_text_of)}{builder.cite(e)}" for e in chosen]))
        if not any(pieces for _, pieces in rows):
            nearest = [e for u in retrieval.per_unit for e in self.evidence(u.documents, question)[:1]]
            builder.not_found(sorted(nearest, key=lambda e: -e.score)[:2])
            return
        if comparing:
            comparison_table(builder, rows)
        else:
            builder.lines.append(f"共有{len(rows)}个单位的通报涉及此问题{COLON}")
            for index, (unit, pieces) in enumerate(rows, start=1):
                builder.lines.append(f"{index}. {unit}{COLON}{''.join(pieces)}")
        if missing:
            builder.lines.append(f"{NO_CONTENT_UNITS}{COLON}{'、'.join(missing)}。")

    def _comparison_meaning(self, retrieval: RetrievalResult, question: Question) -> dict[str, list[Evidence]]:
        """Each compared unit's evidence, re-ranked by closeness in meaning to the question's topic."""
        by_unit = {e.unit: self.evidence(e.documents, question) for e in retrieval.per_unit if e.qualifies}
        asked = without_asking_words(retrieval.question)
        topic = framed_topic(retrieval.question) or question_topic(asked, self.unit_spans(asked))  # "合同这块,…": 合同
        topic = " ".join([topic, *official_terms(topic)]).strip()
        return rerank_by_meaning(by_unit, topic, self.similarity, self.settings)

    def _states_the_asked_thing(
        self, chosen: Sequence[Evidence], question: Question, lenient: bool = False, passages: str = ""
    ) -> bool:
        """Whether the chosen sentences hold what the question asks about (every asked thing the passages
        hold, when given), not a neighbouring fact: the whole question's, or any one clause's of alternative clauses."""
        text = without_spans(question.text, self.unit_spans(question.text), " ")  # "榴溪镇工程款": only 工程款 asked
        clauses = alternative_clauses(text, self.tokenize, self.retrieval.min_clause_words, self.retrieval.clause_word_chars)
        return any(states_the_asked_thing(
            chosen, replace(question, text=clause), self.known_terms, self.is_unit_word, self.settings.focus_term_share,
            lenient, self.settings.named_money_window, passages) for clause in dict.fromkeys([text, *clauses]))

    def _metadata_lines(
        self, builder: AnswerBuilder, unit: str, profile: QuestionProfile, with_unit: bool = True,
        companions: bool = False,
    ) -> list[str]:
        """Lines answering from a unit's notices' own metadata (inspection team, dates), cited; with
        `companions`, the other facts of the inspection follow the one asked (who inspected, when, feedback)."""
        return metadata_lines(builder, unit, profile, self.notices_of_unit, self.notice_text_of, with_unit, companions)

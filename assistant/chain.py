"""The answer chain: condense the follow-up -> retrieve -> answer (LLM or extractive) -> verify.

Built from LangChain runnables. With no LLM configured the extractive answerer answers; with
one, the LLM answers and any endpoint failure falls back to the extractive answer with a
visible one-line notice. Every answer's citations are verified against the stored notices.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable, RunnableLambda

from assistant.answer import Answer
from assistant.asked_thing import NOT_THE_ASKED_THING
from assistant.kind_word_units import name_kinds
from assistant.counted_members import AskedCount, answer_members_not_stated, asks_members_of_count
from assistant.numbered_items import answer_item_not_stated, asks_numbered_item
from assistant.unit_lists import answer_unit_list
from assistant.extractive import ExtractiveAnswerer
from assistant.described_units import asked_back, description_read
from assistant.notice_described_units import described_by_notice, history_with_units_named, name_similarity_of
from assistant.followup import condense_with_rules, units_in_history
from assistant.followup_answers import answer_from_previous, with_section_paths
from assistant.figure_answers import answer_from_figures
from assistant.kind_answer import narrowed_to_kinds
from assistant.followup_reference import said_before, without_carried_clause
from assistant.near_names import correct_misspelt_names, read_shared_names
from assistant.llm_answerer import LLMAnswerer, LLMUnavailable, condense_question
from assistant.records_answer import figures_of_unit, widen_to_sentences
from assistant.retriever import RetrievalResult
from assistant.turn import QuestionRejected, Turn, check_question  # noqa: F401 (QuestionRejected, check_question: public here)
from assistant.semantic import SentenceSimilarity
from assistant.answering_settings import AnsweringSettings
from assistant.unit_display import name_units_as_asked
from assistant.units import asks_across_units, unit_label
from assistant.unknown_units import (
    closest_units, not_held_text, only_named, passages_naming, read_bare_organs, units_mentioning, unknown_unit_names, units_named_apart,
)
from assistant.verify import verify_answer
from assistant.corrections import with_corrections
from assistant.workspace import Workspace

logger = logging.getLogger(__name__)


class AnswerChain:
    """Answers questions over the workspace's notices, with verified citations."""

    def __init__(self, workspace: Workspace, chat_model: BaseChatModel | None = None, model_name: str = "") -> None:
        self.workspace = workspace
        self.chat_model = chat_model
        self.llm = LLMAnswerer(chat_model, model_name or "llm") if chat_model is not None else None
        self.extractive = ExtractiveAnswerer(
            tokenize=lambda text: workspace.lexical.tokenizer.tokenize(text),
            term_weights=workspace.lexical.term_weights,
            notices_of_unit=self._notices_of_unit,
            notice_text_of=workspace.catalog.notice_text,
            similarity=SentenceSimilarity(workspace.embeddings),
            known_terms=workspace.lexical.known_terms,
            is_unit_word=lambda term: workspace.retriever.directory.is_part_of_a_name(term),
            unit_spans=lambda text: [(b, e) for b, e, _ in workspace.retriever.directory.mentions(text)],
            settings=workspace.settings.answering, retrieval=workspace.settings.retrieval,
        )
        self._name_similarity = name_similarity_of(lambda: workspace.embeddings)  # loaded when first asked
        self.prepare: Runnable[Turn, Turn] = (
            RunnableLambda(self._condense) | RunnableLambda(self._look_up_unknown_units) | RunnableLambda(self._retrieve)
        )

    @property
    def settings(self) -> AnsweringSettings:
        return self.workspace.settings.answering

    @property
    def answerer_name(self) -> str:
        return self.llm.answerer_name if self.llm else "extractive"

    def _notices_of_unit(self, unit: str):
        entry = self.workspace.retriever.directory.entry(unit)
        if entry is None:
            return []
        rows = {row.notice_id: row for row in self.workspace.catalog.notices()}
        return [(nid, rows[nid].metadata) for nid in entry.notice_ids if nid in rows]

    # --- steps ---------------------------------------------------------------------------

    def _condense(self, turn: Turn) -> Turn:
        directory = self.workspace.retriever.directory
        turn.question, turn.notice = correct_misspelt_names(turn.question, directory, self.settings.misspelt_name_min_chars)
        turn.question, counted = name_kinds(turn.question, directory, self.settings.shared_name_max_units)  # "两个局", "街道和X"
        turn.notice = " ".join(filter(None, [turn.notice, counted]))
        if turn.history:  # "纪委网站报道的那个镇呢": the one unit whose notices fit the description, named (and so earlier)
            named, read = self._described_unit(turn.question)
            turn.question, turn.notice = named or turn.question, " ".join(filter(None, [turn.notice, read]))
            turn.history = history_with_units_named(turn.history, lambda asked: self._described_unit(asked)[0])
        turn.standalone_question = condense_with_rules(turn.history, turn.question, directory)
        if turn.history:  # "那个收粮的呢": which unit the description was read as, or which units it may mean
            turn.notice = " ".join(filter(None, [turn.notice, description_read(turn.question, turn.standalone_question, directory)]))
            turn.asked_back = asked_back(turn.question, directory, units_in_history(turn.history, directory))
        if self.chat_model is not None and turn.history and not directory.find_units(turn.question):
            try:
                turn.standalone_question = condense_question(self.chat_model, turn.history, turn.question)
            except LLMUnavailable as error:
                turn.notice = _fallback_notice(error)
                turn.llm_failed = True
        return turn

    def _described_unit(self, question: str) -> tuple[str, str]:
        return described_by_notice(question, self.workspace.retriever.directory, self.workspace.catalog.notice_text,
                                   self._name_similarity, self.settings.described_unit_margin,
                                   self.settings.described_unit_meaning_margin)

    def _look_up_unknown_units(self, turn: Turn) -> Turn:
        """Names of units no notice is about: found in other notices' text, or said to be missing."""
        question, directory = turn.standalone_question, self.workspace.retriever.directory
        if turn.units or asks_across_units(question):
            return turn
        catalog = self.workspace.catalog
        unknown = unknown_unit_names(without_carried_clause(question, turn.question), directory)
        question, unknown, bare = read_bare_organs(question, unknown, directory, catalog.notice_text)
        question, turn.unknown_units, shared = read_shared_names(question, unknown, directory, self.settings.shared_name_max_units)
        turn.standalone_question, turn.notice = question, " ".join(filter(None, [turn.notice, bare, shared]))
        if not turn.unknown_units:
            return turn
        turn.mentioning_units = units_mentioning(turn.unknown_units, directory, self.workspace.lexical, catalog.notices(),
                                                 catalog.notice_text, self.settings.mention_search_hits)
        named = units_named_apart(question, turn.unknown_units, directory)
        missing = "、".join(f"“{n}”" for n in turn.unknown_units)
        if named:
            turn.standalone_question, said = only_named(question, turn.unknown_units, named)
            turn.notice, turn.unknown_units = " ".join(filter(None, [turn.notice, said])), []
        elif turn.mentioning_units:
            turn.notice = " ".join(filter(None, [turn.notice, f"资料库中没有{missing}自己的通报,"
                                                 f"以下引自提到它的{'、'.join(turn.mentioning_units)}的通报。"]))
        return turn

    def _retrieve(self, turn: Turn) -> Turn:
        if turn.unknown_units:
            turn.retrieval = self._retrieve_mentions(turn)
            return turn
        turn.units, said = narrowed_to_kinds(turn.standalone_question, self.workspace.retriever.directory, turn.units)
        turn.retrieval = self.workspace.retriever.retrieve(turn.standalone_question, units=turn.units, k=turn.k)
        read_as = self.workspace.retriever.directory.short_forms_read(turn.question)  # "二院" → its unit, said
        turn.notice = " ".join(filter(None, [turn.notice, said, turn.retrieval.notice, read_as]))
        return turn

    def _retrieve_mentions(self, turn: Turn) -> RetrievalResult:
        """Only passages that name the unit asked about, from the notices that mention it."""
        documents = []
        for unit in turn.mentioning_units:
            found = self.workspace.retriever.retrieve(
                turn.standalone_question, units=[unit], k=self.settings.mention_search_hits
            )
            documents.extend(passages_naming(found.documents, turn.unknown_units))
        documents.sort(key=lambda d: -d.metadata.get("score", 0.0))
        return RetrievalResult(question=turn.standalone_question, documents=documents[: turn.k])

    def _not_held(self, turn: Turn) -> Answer:
        """The library holds nothing about the unit asked about: say so, and name the closest units."""
        units = self.workspace.retriever.directory.units
        closest = list(dict.fromkeys(u for n in turn.unknown_units for u in closest_units(n, units)))[:3]
        return Answer(
            question=turn.question,
            standalone_question=turn.standalone_question,
            text=not_held_text(turn.unknown_units, closest),
            citations=[],
            answerer="extractive",
            notice=turn.notice,
            not_found=True,
        )

    def _from_records(self, turn: Turn) -> Answer | None:
        """The units of a kind, a computed comparison, or a figure question across units, from the notices' records (or None)."""
        answer = answer_from_figures(turn.question, turn.standalone_question, turn.units, turn.retrieval, self.workspace,
                                     self._notices_of_unit)
        return self._verified(answer, turn) if answer is not None else None

    def _from_previous(self, turn: Turn) -> Answer | None:
        """"这几笔加起来一共多少?", "没退的那部分后来退了吗?": answered over the previous answer (or None)."""
        answer = answer_from_previous(turn.question, turn.standalone_question, turn.history,
                                      self.workspace.retriever.directory, self.workspace.catalog, self.settings)
        return self._verified(with_section_paths(answer, self.workspace.catalog), turn) if answer is not None else None

    def _members_not_stated(self, turn: Turn) -> Answer | None:
        """"那18个问题具体是哪些?", "第13个问题是啥?" when the notices give the count or number alone: said so (or None)."""
        if (asked := asks_members_of_count(turn.question) or asks_numbered_item(turn.question)) is None:
            return None
        catalog, directory = self.workspace.catalog, self.workspace.retriever.directory
        named = turn.retrieval.units_named or turn.units or []
        notice_ids = directory.notice_ids_of(named) if named else [row.notice_id for row in catalog.notices()]
        rows = {row.notice_id: row for row in catalog.notices()}

        def describe(notice_id: str) -> tuple[str, str]:
            row = rows[notice_id]
            return row.title or row.file_name, unit_label(row)

        answer = (answer_members_not_stated if isinstance(asked, AskedCount) else answer_item_not_stated)(
            turn.question, turn.standalone_question, asked, notice_ids, catalog.notice_text, describe, self.settings.counted_noun_chars)
        return self._verified(with_section_paths(answer, catalog), turn) if answer is not None else None

    def _unit_list(self, turn: Turn, unfinished: bool) -> Answer | None:
        """One unit's items still under way (if unfinished), or its problem headings and other lists, when asked for (else None)."""
        if not turn.retrieval.units_named or (len(turn.retrieval.units_named) > 1 and not unfinished):
            return None
        catalog, directory = self.workspace.catalog, self.workspace.retriever.directory
        answer = answer_unit_list(turn.question, turn.standalone_question, list(turn.retrieval.units_named),
                                  catalog, directory, unfinished)
        return self._verified(with_section_paths(answer, catalog), turn) if answer is not None else None

    def _extractive(self, turn: Turn) -> Answer:
        already_said = said_before(turn.question, turn.history, self.workspace.retriever.directory.find_units)
        answer = self.extractive.answer(turn.question, turn.standalone_question, turn.retrieval, already_said)
        if answer.not_found and len(turn.retrieval.units_named) == 1 and self._asks_only_a_count(turn):
            # A count the notice words unlike the question ("发现了几个问题": 指出了20个具体问题) is in its records.
            catalog = self.workspace.catalog
            figures = figures_of_unit(turn.question, turn.standalone_question, turn.retrieval.units_named[0],
                                      catalog.notices(), catalog.records(), catalog.notice_text)
            answer = with_section_paths(widen_to_sentences(figures, catalog.notice_text), catalog) if figures else answer
        return self._verified(answer, turn)

    def _asks_only_a_count(self, turn: Turn) -> bool:
        """Whether the question has no topic besides the count it asks ("发现了几个问题", not "几个食堂问题")."""
        parts = self.extractive.read_question(turn.standalone_question, turn.retrieval.units_named).parts
        return all(NOT_THE_ASKED_THING.fullmatch(term) for part in parts for term in part)

    def _verified(self, answer: Answer, turn: Turn) -> Answer:
        verified = with_corrections(verify_answer(answer, self.workspace.catalog.notice_text), self.workspace.catalog.notice_text)
        verified.text = name_units_as_asked(verified.text, turn.question, self.workspace.retriever.directory)
        verified.not_found = answer.not_found
        verified.notice = turn.notice
        return verified

    # --- public --------------------------------------------------------------------------

    def stream(self, question: str, history: Sequence[dict] = (), units: Sequence[str] | None = None,
               k: int = 5) -> Iterator[str | Answer]:
        """Yield answer text deltas (LLM only) and finally the verified Answer."""
        self.workspace.refresh_if_changed()  # another process may have ingested or removed notices
        turn = Turn(check_question(question), list(history), list(units) if units else None, k)
        turn = self.prepare.invoke(turn)
        if turn.asked_back[0]:  # a description several held units fit, or none
            yield Answer(question=turn.question, standalone_question=turn.standalone_question, text=turn.asked_back[0],
                         citations=[], answerer="extractive", notice=turn.notice, not_found=turn.asked_back[1])
            return
        if turn.unknown_units and not turn.retrieval.documents:
            yield self._not_held(turn)
            return
        from_records = (self._from_previous(turn) or self._members_not_stated(turn) or self._unit_list(turn, True)
                        or self._from_records(turn) or self._unit_list(turn, False))  # "还有几个没改完": the count and the items
        if from_records is not None:
            yield from_records
            return
        if self.llm is None or turn.llm_failed:
            yield self._extractive(turn)
            return
        streamed_any = False
        try:
            for item in self.llm.stream(
                turn.question, turn.standalone_question, turn.retrieval.documents, self.workspace.catalog.notice_text
            ):
                if isinstance(item, Answer):
                    if not item.not_found and not item.citations:
                        turn.notice = " ".join(filter(None, [turn.notice, "大模型的回答没有可核实的引用,已改用抽取式回答。"]))
                        yield self._extractive(turn)
                        return
                    item.notice = " ".join(filter(None, [turn.notice, item.notice]))
                    yield item
                    return
                streamed_any = True
                yield item
        except LLMUnavailable as error:
            logger.warning("LLM unavailable (%s); answering extractively", error.reason)
            turn.notice = " ".join(filter(None, [turn.notice, _fallback_notice(error)]))
            if streamed_any:
                turn.notice += "(已显示的部分回答作废)"
            yield self._extractive(turn)

    def ask(self, question: str, history: Sequence[dict] = (), units: Sequence[str] | None = None, k: int = 5) -> Answer:
        """The verified Answer to a question."""
        final = None
        for item in self.stream(question, history, units, k):
            if isinstance(item, Answer):
                final = item
        return final


def _fallback_notice(error: LLMUnavailable) -> str:
    return f"大模型接口不可用({error.reason}),已改用抽取式回答。"


def make_chain(workspace: Workspace) -> AnswerChain:
    """The chain for the workspace's settings: with the configured LLM, or extractive only."""
    settings = workspace.settings
    if not settings.llm_enabled:
        return AnswerChain(workspace)
    from assistant.llm import make_chat_model

    return AnswerChain(workspace, make_chat_model(settings), settings.llm_model)

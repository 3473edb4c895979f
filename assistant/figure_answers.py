"""Answers computed from what notices state as data rather than passages: the units of a kind asked about,
computed comparisons and selections (assistant.computed_answer), figure questions across units
(assistant.records_answer). Each returns None when it does not read the question; the first that
answers is used, and the passage answer otherwise."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from assistant.answer import Answer
from assistant.combined_progress import answer_combined_progress
from assistant.companion_facts import with_asked_facts
from assistant.counted_units import count_differs_note
from assistant.computed_answer import answer_computed, scope_for_computation
from assistant.computed_question import read_one_share_question
from assistant.done_from_rate import answer_done_from_rate
from assistant.event_days import answer_event_days
from assistant.joined_kinds import answer_each_kind
from assistant.joint_progress import answer_joint_progress
from assistant.followup_answers import with_section_paths
from assistant.kind_answer import answer_inspection_kind, answer_kind_list
from assistant.records_answer import answer_from_records, scope_for_records, widen_to_sentences
from assistant.retriever import RetrievalResult
from assistant.unit_items import items_by_unit, narrowings
from assistant.stated_arithmetic import answer_stated_arithmetic
from assistant.stated_days import answer_stated_days
from assistant.stated_period import answer_stated_period
from assistant.stated_sum import answer_stated_sum
from assistant.topic_amounts import answer_topic_amounts
from assistant.unit_sum import answer_unit_sum
from assistant.workspace import Workspace
from index.catalog import Catalog
from index.documents import NoticeMetadata


def answer_from_figures(
    question: str,
    standalone_question: str,
    units: Sequence[str] | None,
    retrieval: RetrievalResult,
    workspace: Workspace,
    notices_of_unit: Callable[[str], list[tuple[str, NoticeMetadata]]],
) -> Answer | None:
    """A kind's units, a computed comparison or selection, or a figure question across units (or None)."""
    catalog, directory = workspace.catalog, workspace.retriever.directory
    kinds = answer_kind_list(question, standalone_question, units, notices_of_unit, catalog.notice_text)
    if kinds is not None:
        return kinds
    allowed = [u for u in directory.units if not units or u in units]
    inspected = answer_inspection_kind(question, standalone_question, allowed, notices_of_unit, catalog.notice_text)
    if inspected is not None:
        return inspected
    mentions = directory.mentions(standalone_question)
    spans = [(begin, end) for begin, end, _ in mentions]
    # "X那三家合起来完成率多少": the joint counts one round notice states for them all
    joint = answer_joint_progress(question, standalone_question, retrieval.units_named,
                                  directory.notice_ids_of(retrieval.units_named), catalog.notices(), catalog.records(),
                                  catalog.notice_text)
    if joint is not None:
        return with_section_paths(widen_to_sentences(joint, catalog.notice_text), catalog)
    if len(retrieval.units_named) == 1:
        summed = _one_unit_arithmetic(question, standalone_question, retrieval.units_named[0], spans, workspace)
        if summed is not None:
            return with_section_paths(widen_to_sentences(summed, catalog.notice_text), catalog)
    computed_scope = scope_for_computation(standalone_question, retrieval.units_named, allowed)
    scope = scope_for_records(retrieval.units_named, retrieval.across_units, allowed, standalone_question)
    narrowed = narrowings(standalone_question, mentions, workspace.lexical.tokenizer.tokenize)
    answer = answer_computed(question, standalone_question, computed_scope, catalog.notices(), catalog.records(),
                             catalog.notice_text, narrowed) if computed_scope else None
    if answer is not None and len(retrieval.units_named) == 1:  # "哪个巡察组巡的?巡了多少天?": the team too
        answer = with_asked_facts(answer, retrieval.units_named[0], notices_of_unit, catalog.notice_text)
    if answer is None and len(retrieval.units_named) == 1:
        # "点出来以后隔了多久还是没学": one sentence's dates; "合同签完多久就验收了": two events' dates;
        # "回头看一共搞了多少天": the period one sentence states
        dated = (question, standalone_question, retrieval.units_named[0], spans, catalog.notices(), catalog.notice_text)
        answer = answer_stated_days(*dated) or answer_event_days(*dated) or answer_stated_period(*dated)
    named = retrieval.units_named
    if len(named) >= 2 and (answer is None or len(answer.units) < len(named)):
        # "重点项目投资,A和B谁多,差多少亿": sentences' amounts, or each unit's own ("A发的贷款比B安排的资金多多少"),
        # taken when they cover more of the units named than the records' figures do.
        amounts = answer_topic_amounts(question, standalone_question, named, spans,
                                       catalog.notices(), catalog.notice_text, items_by_unit(standalone_question, mentions))
        if amounts is not None and (answer is None or len(amounts.units) > len(answer.units)):
            answer = amounts
    if answer is None:
        answer = _from_records_or_counts(question, standalone_question, scope, named, catalog)
    if answer is None:
        return None
    if not named and (note := count_differs_note(standalone_question, max(len(allowed), len(answer.units)))):
        answer = replace(answer, text=f"{note}\n{answer.text}")  # "五家加起来" over a library of four
    return with_section_paths(widen_to_sentences(answer, catalog.notice_text), catalog)


def _from_records_or_counts(
    question: str, standalone_question: str, scope: Sequence[str], named: Sequence[str], catalog: Catalog
) -> Answer | None:
    """The figure asked from the records of the units in scope, else one unit's share worked out from its counts."""
    if scope:
        def records_answer(asked: str) -> Answer | None:
            return answer_from_records(question, asked, scope, catalog.notices(), catalog.records(), catalog.notice_text)
        # "问题和措施…加一块多少": each kind with its own inputs, else the one figure asked
        answer = answer_each_kind(standalone_question, records_answer) or records_answer(standalone_question)
        if answer is not None:
            return answer
    if len(named) == 1 and (share := read_one_share_question(standalone_question)) is not None:
        # "整改完成率到多少了" of a notice stating only "12条…已完成整改11条": the share computed from its counts
        return answer_computed(question, standalone_question, [named[0]], catalog.notices(), catalog.records(),
                               catalog.notice_text, plans=[share])
    return None


def _one_unit_arithmetic(
    question: str, standalone_question: str, unit: str, spans: Sequence[tuple[int, int]], workspace: Workspace
) -> Answer | None:
    """Amounts or counts of the one unit named, added up or set against each other (or None)."""
    catalog = workspace.catalog
    # "机关加中心合起来多少问题 完成几个": each part's problems and done added, and the combined rate
    combined = answer_combined_progress(question, standalone_question, unit, catalog.notices(), catalog.records(),
                                        catalog.notice_text)
    if combined is not None:
        return combined
    # "20个问题完成95%,那改完了几个": the count done from the problems and the rate the notice states
    from_rate = answer_done_from_rate(question, standalone_question, unit, catalog.notices(), catalog.records(),
                                      catalog.notice_text)
    if from_rate is not None:
        return from_rate
    # "口腔医院退给病人的、追回报销的,两笔加起来多少?"
    summed = answer_unit_sum(question, standalone_question, unit, spans, catalog.notices(), catalog.records(),
                             catalog.notice_text, workspace.lexical.tokenizer.tokenize)
    if summed is None:  # "网格长 包村的 包组的 一共多少人": one sentence's counts
        summed = answer_stated_sum(question, standalone_question, unit, spans, catalog.notices(), catalog.notice_text)
    if summed is None:  # "应收比应付多多少", "买的固定资产里,没入账的占几成": two amounts it states
        summed = answer_stated_arithmetic(question, standalone_question, unit, spans, catalog.notices(),
                                          catalog.notice_text)
    return summed

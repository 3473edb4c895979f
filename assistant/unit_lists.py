"""Answers that list one unit's items from its notice: problems still under way, a figure stated differently, the
rules it names, the units its round inspected, the problems found."""

from __future__ import annotations

from assistant.answer import Answer, shifted_citations
from assistant.differing_figures import answer_differing
from assistant.problems_list import answer_problems, asks_for_problems
from assistant.round_targets import answer_round_targets, asks_round_targets
from assistant.rules_named import answer_rule_names, asks_rule_names
from assistant.unfinished import ASKS_WHICH_OPEN, answer_unfinished
from assistant.units import UnitDirectory
from index.catalog import Catalog

ANSWERER_OF_UNITS = "extractive:unfinished-units"


def answer_unit_list(
    question: str, standalone_question: str, units: list[str], catalog: Catalog, directory: UnitDirectory,
    unfinished: bool,
) -> Answer | None:
    """With unfinished, "没完成的是哪些?" → the items under way (asked first: "还有几个没改完" gets them with the
    notice's count, before the count alone is taken from the records); else "有哪些问题?" → the problem headings,
    and the other lists of one unit; None when not asked."""
    notices = catalog.notices()
    if unfinished and len(units) > 1:
        return _unfinished_of_units(question, standalone_question, units, catalog)
    if len(units) != 1:
        return None
    unit = units[0]
    if unfinished:
        return answer_unfinished(question, standalone_question, unit, notices, catalog.notice_text, catalog.chunks)
    differing = answer_differing(question, standalone_question, unit, notices, catalog.records(), catalog.notice_text)
    if differing is not None:
        return differing
    spans = [(begin, end) for begin, end, _ in directory.mentions(standalone_question)]
    if asks_rule_names(standalone_question, spans):
        return answer_rule_names(question, standalone_question, unit, notices, catalog.notice_text)
    if asks_round_targets(standalone_question, spans):
        return answer_round_targets(question, standalone_question, unit, notices, catalog.notice_text)
    if asks_for_problems(standalone_question, spans):
        return answer_problems(question, standalone_question, unit, notices, catalog.notice_text)
    return None


def _unfinished_of_units(question: str, standalone_question: str, units: list[str], catalog: Catalog) -> Answer | None:
    """"A和B没改完的那条分别是啥": each unit's items under way in turn, their citations numbered on; None unless the
    question asks which items (a count of them is compared from the records) or when no unit states any."""
    if not ASKS_WHICH_OPEN.search(question):
        return None
    notices, lines, citations = catalog.notices(), [], []
    for unit in units:
        own = answer_unfinished(question, standalone_question, unit, notices, catalog.notice_text, catalog.chunks)
        if own is None or own.not_found:
            lines.append(f"{unit}:通报中未找到写明仍在推进的事项。")
            continue
        text, moved = shifted_citations(own, len(citations))
        lines.append(text)
        citations += moved
    if not citations:
        return None
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=ANSWERER_OF_UNITS, units=list(units))

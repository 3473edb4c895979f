"""How far a chosen quote reaches: its table rows or whole sentence, or a sentence found for an asked count."""

from __future__ import annotations

import re
from collections.abc import Callable

from langchain_core.documents import Document

from assistant.asked_parts import unstated_counts
from assistant.evidence import Evidence, Question
from assistant.question import ROLE, has_person_name, names_holder_of
from assistant.quote_spans import table_rows, whole_sentence
from assistant.settings import AnsweringSettings
from assistant.stated_amounts import AMOUNT
from index.sentences import split_sentences


# Asked which items ("哪几笔", "哪几项", "哪些"): the one sentence listing them (items and amounts, no ；-clauses)
# is quoted whole, each amount with its item.
ASKS_LISTED = re.compile(r"哪几|哪些|哪一些|分别是")


def reach(
    item: Evidence, question: Question, text: str | None, tokenize: Callable[[str], list[str]],
    settings: AnsweringSettings,
) -> Evidence:
    """A table row with the rows beside it that the question asks about, else the whole sentence when short."""
    if text is None or item.is_heading:
        return item
    terms = set(question.terms)
    start, end = table_rows(
        text, item.start, item.end, lambda row: bool(question.said_as(tokenize(row)) & terms), settings.table_rows_quoted
    )
    if (start, end) == (item.start, item.end):
        start, end = whole_sentence(text, item.start, item.end, settings.whole_sentence_chars)
    if (start, end) == (item.start, item.end) and ASKS_LISTED.search(question.text):
        start, end = whole_sentence(text, item.start, item.end, settings.listed_sentence_chars)
        listed = text[start:end]
        # One list of items with their amounts (no ；-clauses of other measures): a long sentence else keeps its clause.
        if len(AMOUNT.findall(listed)) < 2 or re.search(r"[;；]", listed):
            start, end = item.start, item.end
    if (start, end) == (item.start, item.end):
        return item
    return Evidence(item.document, start, end, text[start:end], item.score, item.fits_profile, item.coverages, False)


def with_asked_counts(
    chosen: list[Evidence], evidence: list[Evidence], question: Question, notice_text_of: Callable[[str], str | None],
) -> list[Evidence]:
    """"几个牵头单位、几项工作机制": each count asked by name is quoted where the notice states it, from the
    candidates, else (for a question of several parts) from the notice's other sentences."""
    chosen = list(chosen)
    for wanted in unstated_counts(question.text, [e.text for e in chosen]):
        stating = next((e for e in evidence if wanted.search(e.text)), None)
        if stating is None and len(question.parts) >= 2:
            stating = stated_in_notice(wanted, chosen[0], notice_text_of(chosen[0].notice_id))
        if stating is not None and stating not in chosen:
            chosen.append(stating)
    return chosen


def stated_in_notice(wanted: re.Pattern[str], best: Evidence, text: str | None) -> Evidence | None:
    """The sentence of the best passage's notice (its `text`) that states an asked count no retrieved passage holds."""
    found = wanted.search(text) if text else None
    if found is None:
        return None
    start, end = next(((s, e) for s, e in split_sentences(text) if s <= found.start() < e), found.span())
    # The sentence lies outside the retrieved passage: its section is not known, so none is claimed.
    document = Document(page_content=text[start:end], metadata={**best.document.metadata, "section_path": ""})
    return Evidence(document, start, end, text[start:end], best.score, True)


# A point of a list that opens without its doer ("二是统筹谋划并担任整改领导小组组长"): the doer is in the sentence
# just before the list's first point ("医院党委书记从讲政治高度把握整改内涵与实质。一是…").
_POINT_OPENING = re.compile(r"\s*[一二三四五六七八九十]+是")
_FIRST_POINT = re.compile(r"一是")
# Asked who holds a post or did a thing ("谁当组长", "谁牵头"); a bare 谁 may ask which unit ("谁隔得久").
_ASKS_WHO = re.compile(r"谁(?:来)?(?:当|任|担任|兼任|牵头|挂帅|负责|主持|是)")


def with_point_doers(
    chosen: list[Evidence], question: Question, notice_text_of: Callable[[str], str | None],
) -> list[Evidence]:
    """Asked who: each quoted point of a list that names no one also quotes the sentence opening its list,
    when that sentence names a post (the doer of every point)."""
    if not (question.profile.wants_person or _ASKS_WHO.search(question.text)):
        return chosen
    added = []
    for item in chosen:
        text = notice_text_of(item.notice_id)
        if text is None or not _POINT_OPENING.match(item.text) or _names_someone(item.text):
            continue
        paragraph = text.rfind("\n", 0, item.start) + 1
        first = _FIRST_POINT.search(text, paragraph, item.start + 2)
        before = split_sentences(text, paragraph, first.start()) if first else []
        if before and ROLE.search(lead := text[before[-1][0]:before[-1][1]]):
            start, end = before[-1]
            document = Document(page_content=lead, metadata=item.document.metadata)
            added.append(Evidence(document, start, end, lead, item.score, True, item.coverages))
    return [*chosen, *(e for e in added if all(e.start != c.start for c in chosen))]


def _names_someone(text: str) -> bool:
    """Whether the text names a person or the holder of a post ("党委书记高光", "副主任柯文涛")."""
    return names_holder_of(ROLE.pattern, text) or has_person_name(text)

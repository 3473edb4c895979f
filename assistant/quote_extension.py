"""A quote grown over the sentences after it: a heading with its first point, a list split by ；, the points
a sentence announces ("提出意见建议。一是…")."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.evidence import SHORT_SENTENCE_CHARS, Evidence, Question, is_asked_line, looks_like_heading
from assistant.ledger_rows import line_at
from assistant.measures_answer import ENUMERATED
from assistant.question import satisfies
from index.sentences import split_sentences

MAX_EXTENDED_QUOTE_CHARS = 260
# How many following sentences one quote may take in (each within MAX_EXTENDED_QUOTE_CHARS): a list split by
# ；into several short items (政务处分0人；组织处理0人；诫勉0人；…) stays whole; 4 covers the lists seen.
MAX_LIST_EXTENSIONS = 4
# A sentence announcing the points that follow: "并就整改提出意见建议。", "提出三点要求:", "…如下:".
_ANNOUNCES_POINTS = re.compile(r"(?:提出|作出|给出)了?[^。;；]{0,8}(?:意见建议|建议|要求|意见|希望)[。:：]?\s*$|如下[。:：]?\s*$|[:：]\s*$")


def extend_quote(item: Evidence, question: Question, text: str | None) -> Evidence:
    """The quote extended until it stops growing: a list of counts split by ；(处分0人；诫勉0人；…) is read whole."""
    if text is None:
        return item
    if item.is_heading and is_asked_line(line_at(text, item.start, item.end)):
        item = _with_answer(item, question, text)
    for _ in range(MAX_LIST_EXTENSIONS):
        extended = _extend(item, question, text)
        if extended.end == item.end:
            break
        item = extended
    return item


def _with_answer(asked: Evidence, question: Question, text: str) -> Evidence:
    """An interviewer's question line with the answer paragraph after it, cut at a sentence end within
    MAX_EXTENDED_QUOTE_CHARS: the answer states the facts, the question names the topic they answer."""
    line_start = text.rfind("\n", 0, asked.start) + 1
    line_end = text.find("\n", asked.end)
    if line_end < 0:
        return asked
    start = line_end + len(text[line_end:]) - len(text[line_end:].lstrip())
    paragraph_end = text.find("\n", start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    ends = [end for _, end in split_sentences(text, start, paragraph_end) if end - line_start <= MAX_EXTENDED_QUOTE_CHARS]
    if start >= paragraph_end or not ends or is_asked_line(text[start:paragraph_end]):
        return asked
    quote = text[line_start : ends[-1]]
    return replace(asked, start=line_start, end=ends[-1], text=quote, fits_profile=satisfies(question.profile, quote),
                   is_heading=False)


def _extend(item: Evidence, question: Question, text: str) -> Evidence:
    """Join the next sentence when the quote is a heading or too short to stand alone,
    or when the next sentence goes on with the asked-for content (a list split by ；)."""
    following = split_sentences(text, item.end, min(len(text), item.end + MAX_EXTENDED_QUOTE_CHARS))
    if not following:
        return item
    next_start, next_end = following[0]
    if next_end - item.start > MAX_EXTENDED_QUOTE_CHARS or "\n\n" in text[item.end : next_start]:
        return item
    next_text = text[next_start:next_end]
    if "\n" in text[item.end : next_start] and not item.is_heading:
        return item  # a new paragraph is a new point
    # Points announced ("提出意见建议。一是…;二是…"): the points are what the sentence stands for.
    announced = ENUMERATED.match(next_text) is not None and _ANNOUNCES_POINTS.search(item.text) is not None
    if announced:  # the points run to the paragraph's end (一是…;…五是…。), taken whole when short enough
        paragraph_end = text.find("\n", next_start)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if paragraph_end - item.start <= MAX_EXTENDED_QUOTE_CHARS:
            next_end = len(text[:paragraph_end].rstrip())
    if looks_like_heading(next_text) and not announced:
        return item
    # A list item ending in ；, followed by another item with the asked-for content.
    continues_list = item.text.rstrip().endswith((";", "\uff1b")) and (
        question.profile.wants_number or question.profile.wants_person
    ) and satisfies(question.profile, next_text)
    if not (item.is_heading or len(item.text) < SHORT_SENTENCE_CHARS or continues_list or announced):
        return item
    return Evidence(
        item.document, item.start, next_end, text[item.start : next_end], item.score,
        item.fits_profile or satisfies(question.profile, next_text), item.coverages, False,
    )

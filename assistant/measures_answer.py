"""Answers to "what was done about it": the list of measures that follows the best-matching passage."""

from __future__ import annotations

import re

from assistant.evidence import Evidence, distinct
from assistant.matched_measure import measure_matching_problem
from index.headings import parse_heading
from index.sentences import split_sentences

# Questions asking what was done about something: answered by the list of measures under it.
# "用了哪些办法解决…", "想了什么法子": the ways it was dealt with are asked, not the problem; so are the spoken
# "咋改的", "怎么弄的", "上了啥招", "搞了啥" (what was done, with 咋/啥 for 怎么/什么).
ASKS_FOR_MEASURES = re.compile(
    r"(采取|做|搞|干)了?(哪些|什么|啥)|(哪些|什么|啥|哪几种|几种)(办法|法子|招|手段|做法|举措|措施)|"
    r"(怎么|如何|咋|怎样)(整改|做|改|弄|搞|办|整)|有(哪些|什么|啥)(措施|做法|举措)|措施(是什么|有哪些|是啥)"
)
# The opening of an enumerated point: 一是 / (一) / 1. / ①, after the measures label if any.
ENUMERATED = re.compile(r"\s*(?:(?:整改措施及成效|整改措施|整改情况|整改成效|整改)[:：])?\s*(?:[一二三四五六七八九十]+是|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[①-⑩])")
MEASURES_LABEL = re.compile(r"(整改措施及成效|整改措施|整改情况|整改成效|整改)[:：]")


def asks_for_measures(question: str) -> bool:
    """Whether the question asks what was done (采取了哪些措施, 如何整改), not a fact."""
    return ASKS_FOR_MEASURES.search(question) is not None


def with_measures_after(
    text: str | None, chosen: list[Evidence], best: Evidence, limit: int, span_chars: int, matched_share: float
) -> list[Evidence]:
    """For "采取了哪些措施": the measures that follow the best passage, up to the next problem heading.

    Notices state a problem, then list what was done ("整改措施:一是…二是…"); the question is
    answered by that list, not by the problem statement the question's words match best.
    `text` is the best passage's notice text; `limit` the most measures listed; `span_chars`
    how far after the passage they are looked for. A problem listed among others in one paragraph is answered by
    the numbered measure paragraph sharing `matched_share` of its words instead (matched_measure.py).
    """
    if text is None:
        return chosen
    matched = measure_matching_problem(text, best, matched_share)
    if matched is not None:
        problem = [c for c in chosen if c.notice_id == best.notice_id and c.start <= best.start < c.end] or [best]
        return [problem[0], matched]
    # The best passage as quoted: chosen quotes may have been extended or widened beyond it.
    best = next((c for c in chosen if c.notice_id == best.notice_id and c.start <= best.start and best.end <= c.end), best)
    # The list starts at the measures label of the best passage's paragraph when it has one
    # ("…问题。整改:A;B;C。" with B best): A is as much an answer as B.
    paragraph_start = text.rfind("\n", 0, best.start) + 1
    labels = list(MEASURES_LABEL.finditer(text, paragraph_start, best.start))
    begin = labels[-1].end() if labels else best.end
    following: list[Evidence] = []
    points = 0
    own_rank = _list_rank(text, best)
    for start, end in split_sentences(text, begin, min(len(text), begin + span_chars)):
        sentence = text[start:end]
        heading = parse_heading(sentence.strip())
        if heading is not None and heading.style not in ("measure-label",) and (own_rank is None or heading.rank <= own_rank):
            break
        # A sentence that does not open a point ("一是…。2020年研究出台…。二是…") goes on with the one before.
        opens_point = not following or not ENUMERATED.match(following[0].text) or ENUMERATED.match(sentence) is not None
        if opens_point and points >= limit:
            break
        if len(sentence.strip()) < 6 or start < best.end and best.start <= start:
            continue
        # A sentence already chosen keeps its place in the list (the list is shown whole and in order).
        already = next((c for c in chosen if c.start <= start < c.end), None)
        if already is not None and already in following:
            continue
        following.append(already or Evidence(best.document, start, end, sentence, best.score, True))
        points += opens_point
    if not following:
        return chosen
    others = [c for c in chosen if c is not best and c not in following]
    kept = [best] + following + others[: max(0, limit - len(following))]
    return distinct(sorted(kept, key=lambda e: (e.notice_id, e.start, -e.end)))


def _list_rank(text: str, best: Evidence) -> int | None:
    """The rank of heading that ends the measures after the best passage (None: any heading does).

    A numbered problem ("1.食堂账目不清。") has its measures as deeper points under it ("（1）…（2）…"): a heading
    of its own rank ends them. A point in a run of lines right under such a problem ("（1）…" best) is one of
    those measures: only a heading of the problem's rank ends them."""
    own = parse_heading(best.text.strip())
    if own is None or own.style == "measure-label":
        return None
    line_start = text.rfind("\n", 0, best.start)
    while line_start > 0:  # up the lines of the same block (no blank line between)
        above_start = text.rfind("\n", 0, line_start) + 1
        above = text[above_start:line_start].strip()
        heading = parse_heading(above) if above else None
        if heading is None or heading.style == "measure-label":
            break
        if heading.rank < own.rank:
            return heading.rank
        line_start = above_start - 1
    return own.rank

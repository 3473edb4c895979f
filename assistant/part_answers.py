"""A question asking two things ("多少钱?钱哪天付的?"): a short part asking when, how many or how much of an
act (付, 退) gets its own sentence, one whose clause states that act with the date or figure asked.

Such a part names no topic of its own ("钱哪天付的" is about the money of the part before), so its
terms alone find nothing; the sentence answering it is told in the same point of the notice as the
sentence answering the first part ("…合同价款共计20万元…。4月20日验收合格,街道于5月27日一次性付给…").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from langchain_core.documents import Document

from assistant.evidence import NEXT_POINT, Evidence
from assistant.question import QuestionProfile, profile_question, satisfies
from index.sentences import split_sentences

# The asking words of a part (when, how many, who, what) and its carried words (the money, a pointing word,
# particles): what is left is the act asked about ("钱哪天付的" -> 付, "钱哪天退的" -> 退).
_ASKING = re.compile(
    r"什么时候|啥时候|啥时|几时|何时|哪一?天|哪日|哪一?年|几月|几号|日期|时间|多久|多长时间|多少钱?|几[个名位人项条次笔]?"
    r"|是谁|谁|什么|哪些|哪个|怎么|如何|一共|总共|共计|合计"
)
_CARRIED = re.compile(r"[这那][笔个些项件]|后来|之后|现在|钱|款|[的了吗呢啊呀是都又还就已共]")
_CLAUSE = re.compile(r"[^,，;；。:：]+")
# An act of one or two characters ("付", "退回"): longer leftovers name a topic the part's terms already find.
_MAX_ACT_CHARS = 2


def asked_act(part: str) -> str:
    """The act a short part asks the date or figure of ("钱哪天付的" -> 付), or "" when it names more."""
    left = _CARRIED.sub("", _ASKING.sub("", part))
    left = "".join(re.findall(r"[\u4e00-\u9fff]", left))
    return left if 0 < len(left) <= _MAX_ACT_CHARS else ""


def answers_part(text: str, act: str, profile: QuestionProfile) -> bool:
    """Whether one clause of the text states the act with the asked date or figure ("于5月27日一次性付给")."""
    return any(act in clause and satisfies(profile, clause) for clause in _CLAUSE.findall(text))


def shaped_parts(pieces: Sequence[str]) -> list[tuple[str, QuestionProfile]]:
    """The parts after the first that ask a date or figure of an act only: (act, what the part asks)."""
    parts = []
    for piece in pieces[1:]:
        profile = profile_question(piece)
        act = asked_act(piece)
        if act and (profile.wants_date or profile.wants_number) and not profile.wants_person:
            parts.append((act, profile))
    return parts


def with_part_answers(
    chosen: list[Evidence], pieces: Sequence[str], notice_text_of: Callable[[str], str | None],
) -> list[Evidence]:
    """The chosen sentences, with a sentence for each short asked part none of them answers, taken from the
    point of the notice the best sentence sits in."""
    if not chosen:
        return chosen
    chosen = list(chosen)
    best = chosen[0]
    text = notice_text_of(best.notice_id)
    for act, profile in shaped_parts(pieces):
        if text is None or any(answers_part(e.text, act, profile) for e in chosen):
            continue
        found = _in_same_point(text, best, act, profile)
        if found is not None and not any(e.start < found.end and found.start < e.end for e in chosen):
            chosen.append(found)
    return chosen


def _in_same_point(text: str, best: Evidence, act: str, profile: QuestionProfile) -> Evidence | None:
    """The first sentence from the best one to the next point of the notice that answers the part."""
    next_point = NEXT_POINT.search(text, best.start)
    for start, end in split_sentences(text, best.start, next_point.start() if next_point else len(text)):
        if answers_part(text[start:end], act, profile):
            # The sentence may lie outside the retrieved passage: its section is not known, so none is claimed.
            document = Document(page_content=text[start:end], metadata={**best.document.metadata, "section_path": ""})
            return Evidence(document, start, end, text[start:end], best.score, True)
    return None

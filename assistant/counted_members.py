"""Questions asking which things a stated count is made of: "那18个问题具体是哪些", "那17份交办函是发给哪些单位的".

News items and 公示 often give a count without its members ("反馈的18个问题,已基本完成整改"). When every
sentence of the notices that holds that count leaves its members out, and the notice has no list at all,
the honest answer is that the notice does not say: the count is cited and the members are said not to be
stated, instead of quoting the count as if it answered "which".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.answer import Answer, Citation
from index.sentences import split_sentences

ANSWERER = "extractive:counted-members"
# "那18个问题具体是哪些", "这17份交办函是发给哪些单位的", "3名干部分别是谁", "那3场讲座是讲啥的", "那4处具体在哪":
# a count, its noun (or none: "4处"), and a which-word asking who, which, what about or where its members are.
_ASKS_MEMBERS = re.compile(
    r"(?<![第\d.])(\d+)\s*([个份项件条名人家笔起处场所户村次批类位座])"
    r"((?:(?!具体|分别|都|究竟|到底|是|在|有)[^\W\d_了的]){0,6}?)\s*"
    r"(?:具体|分别|都|究竟|到底)?(?:是|有|包括|涉及|指)?(?:(?:发给|交给|交办给|移交给|落到)了?)?(?:讲|叫|关于|在)?(?:的)?(?:是)?"
    r"(?:哪些|哪几|哪个|哪里|哪儿|哪|谁|什么|啥)"
)
# The words before a count asked without its noun ("公墓初选的那4处"): what the count is of.
_BEFORE_COUNT = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:的)?(?:那|这)?$")
# Nouns whose members a notice sets out as its own items (headings, numbered lines) apart from the count.
_ITEM_NOUN = re.compile(r"问题|意见|方面|任务|事项|措施|制度|建议|清单")
# Words after the count that open its members: "18个问题:…", "分别是…", "具体如下".
_OPENS_MEMBERS = re.compile(r"^[^,，。;；]{0,6}?(?:[:：]|分别|包括|即|具体(?:为|是|如下)|如下|主要(?:是|有|为)|涉及)")
# A sentence right after the count's that sets its members out ("…3名干部。分别是…").
_NEXT_OPENS = re.compile(r"(?:分别|包括|即|具体(?:为|是|如下)|一是|主要(?:是|有|为))")
# Names before the count: "县财政局、县医保局等3个部门", "罗马村和高泉村2个村", "县自然资源局等3个部门".
_MEMBERS_BEFORE = re.compile(r"(?:(?:、|和|及|与)[^,，。;；]{1,20}?|等)$")
# A list anywhere in the notice (numbered items, headings, 一是…): members may be set out apart from the count.
_LIST_MARK = re.compile(r"(?m)^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、．])|一是|其一|第一[,，、]")

# "5件积案里没化解的", "3名干部中": the count's noun ends where the question picks some of its members.
_WITHIN = re.compile(r"(?:里|中|当中|之中)")


@dataclass(frozen=True)
class AskedCount:
    """The count a question asks the members of: its figure with measure word ("18个"), noun ("问题"), and when
    it has none the words before it ("公墓初选")."""

    figure: str
    noun: str
    before: str = ""

    def of_items(self) -> bool:
        """Whether the members would be a notice's own items (problems, measures), set out anywhere in it."""
        return bool(_ITEM_NOUN.search(self.noun or self.before)) or (not self.noun and self.figure[-1] in "项条")


def asks_members_of_count(question: str) -> AskedCount | None:
    """The count whose members the question asks for, or None."""
    question = question.replace(" ", "")
    match = _ASKS_MEMBERS.search(question)
    if not match:
        return None
    before = _BEFORE_COUNT.search(question[: match.start()])
    if not match.group(3) and before is None:
        return None
    return AskedCount(match.group(1) + match.group(2), match.group(3), "" if match.group(3) else before.group(1))


def answer_members_not_stated(
    question: str, standalone_question: str, asked: AskedCount, notice_ids: Sequence[str],
    notice_text_of: Callable[[str], str | None], describe: Callable[[str], tuple[str, str]], noun_chars: int,
) -> Answer | None:
    """The count cited and its members said not to be stated; None when no notice holds the count, or one
    that holds it may list its members (then the question is answered from the notices as usual)."""
    held: list[tuple[str, int, int]] = []
    for notice_id in notice_ids:
        text = notice_text_of(notice_id) or ""
        for start, end in split_sentences(text):
            sentence = text[start:end]
            for position in _count_positions(sentence, asked, noun_chars):
                if _lists_members(sentence, position, asked.figure) or (asked.of_items() and _LIST_MARK.search(text)):
                    return None
                if _NEXT_OPENS.match(text[end : end + 8].lstrip()):
                    return None  # "…3名干部。分别是…": the next sentence sets them out
                held.append((notice_id, start, end))
                break
    if not held:
        return None
    noun = _WITHIN.split(asked.noun)[0]  # "积案里没化解的": the count is of 积案, the question asks some of them
    return stated_only_answer(question, standalone_question, f"通报只写了{asked.figure}{noun}的数目,没有列出具体是哪些:",
                              held, describe, notice_text_of, ANSWERER)


def stated_only_answer(
    question: str, standalone_question: str, lead: str, held: Sequence[tuple[str, int, int]],
    describe: Callable[[str], tuple[str, str]], notice_text_of: Callable[[str], str | None], answerer: str,
) -> Answer:
    """A not-found answer saying what the notice does state (`lead`), citing each held (notice, start, end) sentence."""
    citations = []
    for notice_id, start, end in held:
        title, unit = describe(notice_id)
        text = notice_text_of(notice_id) or ""
        citations.append(Citation(len(citations) + 1, notice_id, title, unit, "", text[start:end], start, end))
    lines = [lead] + [f"- {c.quote}[{c.n}]" for c in citations]
    return Answer(question=question, standalone_question=standalone_question, text="\n".join(lines),
                  citations=citations, answerer=answerer, not_found=True,
                  units=list(dict.fromkeys(c.unit for c in citations)))


def _count_positions(sentence: str, asked: AskedCount, noun_chars: int) -> list[int]:
    """Where the count stands in the sentence as a whole number, with its noun within `noun_chars` either side
    ("交办函17份", "17份交办函")."""
    noun_head = asked.noun[:2]
    positions = []
    for match in re.finditer(re.escape(asked.figure), sentence):
        if match.start() and (sentence[match.start() - 1].isdigit() or sentence[match.start() - 1] == "."):
            continue
        near = sentence[max(0, match.start() - noun_chars) : match.end() + noun_chars]
        if noun_head in near if noun_head else _shares_words(asked.before, sentence):
            positions.append(match.start())
    return positions


def _lists_members(sentence: str, position: int, figure: str) -> bool:
    """Whether the sentence sets out the count's members, after it or joined before it."""
    after = sentence[position + len(figure) :]
    clause_before = re.split(r"[,，。;；]", sentence[:position])[-1]
    before = _MEMBERS_BEFORE.search(clause_before)
    if before and not before.group(0).endswith("等") and _names_joined(clause_before) != int(figure[:-1]):
        before = None  # "乡党委书记、乡长包案化解积案5件": two names joined before five is no list of the five
    return bool(_OPENS_MEMBERS.search(after) or before)


def _names_joined(clause: str) -> int:
    """How many names a clause joins with 、 and a last 和/及/与 ("罗马村和高泉村": 2, "甲村、乙村和丙村": 3)."""
    return clause.count("、") + 1 + bool(re.search(r"[和及与]", clause.rsplit("、", 1)[-1]))


def _shares_words(words: str, sentence: str) -> bool:
    """Whether the sentence holds two characters running in `words` ("公墓" of "公墓初选")."""
    return any(words[i : i + 2] in sentence for i in range(len(words) - 1))

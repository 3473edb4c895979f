"""Candidate quotes and the question as the extractive answerer scores them, with the text helpers they need."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from langchain_core.documents import Document

from assistant.question import QuestionProfile, satisfies
from index.headings import parse_heading
from index.sentences import split_clauses

MAX_QUOTE_CHARS = 160
SHORT_SENTENCE_CHARS = 25


@dataclass(frozen=True)
class Evidence:
    """A candidate quote: a sentence (or clause window) of a notice, with its score."""

    document: Document
    start: int  # in the notice
    end: int
    text: str
    score: float
    fits_profile: bool
    coverages: tuple[float, ...] = ()  # per sub-question
    is_heading: bool = False
    meaning: float = 0.0  # closeness in meaning to the question's topic, 0..1 among the candidates (when ranked by it)

    @property
    def unit(self) -> str:
        return self.document.metadata.get("unit", "")

    @property
    def notice_id(self) -> str:
        return self.document.metadata["notice_id"]


@dataclass(frozen=True)
class Question:
    """A question as the scorer sees it: its parts' terms, their weights, the answer shape."""

    profile: QuestionProfile
    parts: tuple[tuple[str, ...], ...]  # terms of each sub-question
    weights: dict[str, float]
    part_profiles: tuple[QuestionProfile, ...] = ()
    # Notices' words for a plain phrase, each mapped to the one that stands for them all (公务用车/车辆 → 公务用车).
    alternatives: dict[str, str] = field(default_factory=dict)
    text: str = ""  # the question as asked (its units included)
    # A follow-up pointing back at the previous answer asks what it did not say: that answer's text,
    # whose sentences rank below unseen ones (see AnsweringSettings.already_said_penalty).
    already_said: str = ""
    # Two-character words of the question no passage holds, which may contract a notice's word (种牙: 种植牙).
    contractions: frozenset[str] = frozenset()

    def said_as(self, tokens: Iterable[str]) -> set[str]:
        """Tokens of a passage with the alternatives of a plain phrase read as the one that stands for them."""
        return {self.alternatives.get(t, t) for t in tokens}

    def contracted_in(self, text: str) -> set[str]:
        """The question's contractions whose long form the text writes (种牙 in "单颗种植牙")."""
        return {c for c in self.contractions if contracted(c, text)}

    def ways_of_saying(self, term: str) -> tuple[str, ...]:
        """The term and the words that say the same in notices."""
        return (term, *(word for word, stands_for in self.alternatives.items() if stands_for == term and word != term))

    def fits(self, text: str, coverages: Sequence[float]) -> bool:
        """Whether the text has the content some sub-question it speaks to asks for."""
        if len(self.part_profiles) <= 1:
            return satisfies(self.profile, text)
        return any(
            coverage > 0 and satisfies(profile, text) for profile, coverage in zip(self.part_profiles, coverages)
        )

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for part in self.parts for t in part))


def contracted(short: str, text: str) -> bool:
    """Whether the text writes a word a two-character word shortens the way people do: its first character,
    then its second one or two characters on ("种牙" in 种植牙, "职专" in 职业中专)."""
    return re.search(f"{re.escape(short[0])}[\u4e00-\u9fff]{{1,2}}{re.escape(short[1])}", text) is not None


def windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence itself, or for a long sentence each run of its clauses up to the quote length."""
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


def term_stated(term: str, text: str, lenient: bool) -> bool:
    """Whether text states a term: whole, or half of its characters for a two-character term (for any
    term when `lenient`, as for units kept across units), since notices vary their words (补助 / 津补贴)."""
    if term in text:
        return True
    if len(term) > 2 and not lenient:
        return False
    return sum(char in text for char in term) * 2 >= len(term)


def looks_like_heading(sentence: str) -> bool:
    """A numbered or labelled heading line, or an enumerated lead-in ("二是引进优质教育资源。")."""
    if len(sentence) > 45:
        return False
    if re.match(r"[一二三四五六七八九十]是", sentence) and len(sentence) < SHORT_SENTENCE_CHARS:
        return True
    heading = parse_heading(sentence)
    return heading is not None and len(sentence) - len(heading.label) < 8


# A question line of an interview transcript ("记者（某报）问：…？", "问：…？"): it asks, the answer after it states.
_ASKED_LINE = re.compile(r"[^\n。：:]{0,24}?问[：:][^\n]*[？?][”’」）)]?\s*")


def is_asked_line(line: str) -> bool:
    """Whether a line is an interviewer's question in a Q&A transcript; it heads the answer that follows it."""
    return _ASKED_LINE.fullmatch(line.strip()) is not None


# Label headings every problem repeats ("整改情况", "整改成效:"): they say nothing of the topic.
_LABEL_HEADING = re.compile(r"(?:整改|落实|工作)?(?:情况|措施|结果|成效|进展|举措)|存在问题|问题|答|问")


def is_label_heading(sentence: str) -> bool:
    """"整改情况:…", "整改成效:(1)…": a label every problem repeats, under the topic heading before it."""
    return bool(_LABEL_HEADING.fullmatch(re.split(r"[:：]", sentence.strip(), maxsplit=1)[0].strip(" 。")))


def last_heading(section_path: str) -> str:
    """The heading a passage sits under; under a label heading ("整改情况"), the topic heading above it too."""
    parts = section_path.split(" > ") if section_path else [""]
    if len(parts) > 1 and _LABEL_HEADING.fullmatch(parts[-1].strip(" :：。")):
        return f"{parts[-2]} {parts[-1]}"
    return parts[-1]


def distinct(evidence: list[Evidence]) -> list[Evidence]:
    """Drop candidates overlapping a better one in the same notice."""
    kept: list[Evidence] = []
    for item in evidence:
        if any(k.notice_id == item.notice_id and k.start < item.end and item.start < k.end for k in kept):
            continue
        kept.append(item)
    return kept


def units_in_order(documents: Sequence[Document]) -> list[str]:
    return list(dict.fromkeys(d.metadata.get("unit", "") for d in documents if d.metadata.get("unit")))


def topic_path(section_path: str) -> str:
    """The section path without the label headings at its end ("… > (一)违规发放奖金问题 > 整改情况")."""
    parts = section_path.split(" > ") if section_path else []
    while parts and _LABEL_HEADING.fullmatch(parts[-1].strip(" :：。")):
        parts.pop()
    return " > ".join(parts)


def squeezed(text: str) -> str:
    """Text without spaces and citation marks, to tell a sentence already quoted."""
    return re.sub(r"\s+|\[\d+\]", "", text)


# Words saying a thing was not done or is not so: a clause without them retells no clause with them.
_NEGATION = re.compile(r"未|没有|没|不(?!断|仅)|无(?!偿)")
SAID_PAIR_SHARE = 0.6  # a clause with this share of its character pairs in the answer was retold (拆分为/拆成)
_QUOTE_MARKS = re.compile(r"[“”\"'‘’《》「」]")


def mostly_said(text: str, said: str) -> bool:
    """Whether most of the text's clauses (by length) stand in the (squeezed) answer already given, word for
    word or retold with most of their character pairs ("被拆分为3个标段" told as "被拆成3个标段")."""
    said = _QUOTE_MARKS.sub("", said)
    clauses = [c for c in re.split(r"[,，;；。:：()（）]", _QUOTE_MARKS.sub("", squeezed(text))) if c]
    pairs = {said[i : i + 2] for i in range(len(said) - 1)}

    said_clauses = [c for c in re.split(r"[,，;；。:：()（）\n]", said) if c]

    def retold(clause: str) -> bool:
        own = [clause[i : i + 2] for i in range(len(clause) - 1)]
        if len(own) < 3 or sum(p in pairs for p in own) < SAID_PAIR_SHARE * len(own):
            return False
        # "必须经…审批、备案" after "未经…审批、备案" was said: the same words, the opposite fact (what was fixed).
        nearest = max(said_clauses, key=lambda c: sum(p in c for p in own), default="")
        return bool(_NEGATION.search(clause)) == bool(_NEGATION.search(nearest))

    return sum(len(c) for c in clauses if c in said or retold(c)) * 2 >= sum(len(c) for c in clauses)


# A line opening another point: "(二)", "二、", "2.", "问题二:".
_NEXT_POINT = re.compile(r"\n\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、．]|问题[一二三四五六七八九十\d]+)")
NEXT_POINT = _NEXT_POINT


def follows_said(
    evidence: list[Evidence], said: Sequence[Evidence], bonus: float, text_of: Callable[[str], str | None]
) -> list[Evidence]:
    """Candidates told after a sentence the previous answer quoted, before the next point opens and under the
    same topic heading, with the bonus added: what became of an item ("后来退回去了吗?") is told after it."""
    def heading(item: Evidence) -> str:
        return topic_path(item.document.metadata.get("section_path", ""))

    def follows(item: Evidence) -> bool:
        return any(
            item.notice_id == s.notice_id and item.start >= s.end and heading(item) == heading(s)
            and not _NEXT_POINT.search((text_of(item.notice_id) or "")[s.end : item.start])
            for s in said
        )
    return [replace(e, score=e.score + bonus) if e not in said and follows(e) else e for e in evidence]


def topic_over_stray_figure(chosen: Sequence[Evidence], evidence: Sequence[Evidence], least: float) -> list[Evidence]:
    """For "X意识形态专题研究了几次" when X's notice states no such count: the sentence stating the topic (coverage
    at least `least`) instead of chosen ones holding none of the question's words (a count of something else
    under the same heading, "每月组织一次青年理论学习"); else the chosen unchanged."""
    if not chosen or any(not e.coverages or max(e.coverages) > 0 for e in chosen):
        return list(chosen)
    topical = max((e for e in evidence if e.coverages and not e.is_heading), key=lambda e: (max(e.coverages), e.score),
                  default=None)
    return [topical] if topical is not None and max(topical.coverages) >= least else list(chosen)

"""Which sentences may fill a comparison's column: those on the topic the user named, never the title.

When the user names the topic in plain words ("给基层减负") and the notices write it in their own
(报表精简, 精文减会), a column's sentence must hold one of those words or the user's phrase: a sentence
sharing only a frequent word of the question (基层 in a closing "推动基层治理提质增效") says nothing on
the topic, and the column then says 通报未提及. A notice's title names the notice, not a measure.
A column holds the problem and its measures: sentences under the best one's problem rank higher, and so do
sentences stating a figure, which the other columns can be held against.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.evidence import Evidence, topic_path
from assistant.plain_words import PLAIN_WORDS, same_thing
from assistant.topic_words import framed_topic, said_once
from index.metadata import BYLINE
from index.script_forms import simplified_characters
from index.vocabulary import NUMBER_PATTERN


def topic_words(question: str, units: Sequence[str] = ()) -> list[str]:
    """The notices' words for the question's plain phrases, and the phrases themselves (`units`: the units
    compared, whose short names are no topic)."""
    # Asked only what went wrong ("食堂分别啥毛病"), the question names its topic in its own words: 问题 is no topic.
    words = _plain_words(question) if _plain_words(_ASKED_FAULT.sub(" ", question)) else []
    # The thing counted is the topic ("会上各提了几点建议": 建议), whatever occasion the question sets it in.
    words.extend(m.group(1) for m in _COUNTED_NOUN.finditer(question))
    # A topic framed in the question's own words ("食堂这块A跟B都有事吗": 食堂), when no plain phrase names one.
    framed = framed_topic(question)
    if framed and not words and len(framed) <= MAX_FRAMED_TOPIC_CHARS:
        words.append(said_once(framed))
    # A topic set apart before the units compared ("疫情防控 榆川和柘岭各咋说"): named bare, as notices write it,
    # or by either word of a four-character compound ("站长轮岗": a column on 轮岗交流 is on it).
    opening = _OPENING_TOPIC.match(question.strip())
    if opening and not words and not any(opening.group(1) in unit for unit in units):
        topic = said_once(opening.group(1))
        words.extend([topic, topic[:2], topic[2:]] if len(topic) == 4 else [topic])
    return list(dict.fromkeys(words))


# A framed topic this short is a noun notices write as asked ("食堂", "合同"); a longer one is a phrase they word
# their own way ("在挽回经济损失上": 追回损失), which would empty a column that speaks of it (dev-021).
MAX_FRAMED_TOPIC_CHARS = 3


# A bare phrase opening the question ("公墓的事,": 公墓), set apart by a space or comma from the units compared after it;
# four characters at most, a noun notices write as asked (疫情防控), not a phrase they word their own way.
_OPENING_TOPIC = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:的事儿?|这事儿?)?(?:\s+|[,，])(?=[^,，\s]*[和跟与同])")


def _plain_words(question: str) -> list[str]:
    """The official words of the question's plain phrases, and the phrases themselves."""
    words = []
    for pattern, official in PLAIN_WORDS:
        match = pattern.search(question)
        if match:
            # Each official word as notices vary it too (津补贴: 补贴, 补助).
            # The phrase too, said once as notices write it ("吃吃喝喝": 吃喝).
            words.extend([alike for word in official.split() for alike in (*same_thing(word), *_WRITTEN_ALSO.get(word, ()))]
                         + [match.group(0), said_once(match.group(0))])
    return words


# Other ways notices write an official word in a sentence on its topic: pay out of rule is pay over the approved
# rate or to more people than allowed ("超标准发放绩效工资").
_WRITTEN_ALSO = {"违规发放": ("超标准发放", "超范围发放")}
# Asking what went wrong ("食堂分别啥毛病"): the kind of answer, not its topic (食堂), unless the topic is in a plain phrase too.
_ASKED_FAULT = re.compile(r"(?:啥|什么|哪些|些)(?:问题|毛病)|(?:问题|毛病)(?:是(?:啥|什么)|在哪)")
# A count asked with its measure word, then the noun counted ("几点建议", "多少条整改措施").
_COUNTED_NOUN = re.compile(r"(?:几|多少)[点条项个件](?:[\u4e00-\u9fff]{0,2}?)([\u4e00-\u9fff]{2})(?=$|[,，。?？、和与跟及]|呢|吗|啊)")


# The page around a notice, not its content: a byline, contact lines, a breadcrumb ("> 要闻动态 > 通知公告").
PAGE_FURNITURE = re.compile(rf"{BYLINE.pattern}|^\s*>|(?:电子邮箱|邮箱|联系电话|通讯地址|邮政编码|传真)\s*[:：]")


def on_topic(item: Evidence, words: Sequence[str]) -> bool:
    """Whether a sentence may stand in a column: not the notice's title nor the page around it (unless it
    holds a topic word: "留了啥电话"), and holding a topic word when the question has any."""
    if item.text.strip() == item.document.metadata.get("title", "").strip():
        return False
    if PAGE_FURNITURE.search(item.text) and not any(_holds(item.text, word) for word in words):
        return False
    return not words or any(_holds(item.text, word) for word in words)


def _holds(text: str, word: str) -> bool:
    """Whether the text holds the word, or both halves of a four-character word apart ("反馈巡察意见…主持会议"
    for 反馈会议: notices split such compounds)."""
    text = simplified_characters(text)  # 投訴 holds 投诉: topic words are simplified, some notices are not
    return word in text or (len(word) == 4 and word[:2] in text and word[2:] in text)


def column_sentences(
    chosen: Sequence[Evidence], candidates: Sequence[Evidence], question: str, meaning_share: float = 1.0,
    off_problem_share: float = 0.0, units: Sequence[str] = (),
) -> list[Evidence]:
    """The chosen sentences on the topic: holding a topic word, or as close in meaning to the topic as
    `meaning_share` of the closest candidate ("成立逾期还建处置工作专班" on 征地拆迁); when none of any
    candidate of every column holds a topic word, the words are only a guess and the chosen stand (titles
    still dropped). A sentence under another problem than the column's lead needs `off_problem_share`."""
    words = topic_words(question, units)
    if words and not any(on_topic(item, words) for item in candidates):
        words = []
    # A measure under the same problem as a sentence holding a topic word is on that topic in the notice's own
    # structure ("三是全年新签约落地企业7家" under the problem on 招商), whatever its words.
    sections = {place for e in chosen if on_topic(e, words) and (place := _problem_of(e))[1]}
    kept = [item for item in chosen if on_topic(item, words) or (words and on_topic(item, []) and (
        item.meaning >= meaning_share or _problem_of(item) in sections))]
    kept = [item for item in kept if not _shares_only_a_word(item, kept, meaning_share, off_problem_share)]
    return with_paired_fixes(kept, chosen)


# A finding and its fix labelled as a pair, as WeChat-style notices write them ("▶ 巡察发现：…" then "▶ 怎么改：…"):
# the fix answers the finding whatever its words.
_FINDING_LABEL = re.compile(r"^\W{0,3}(?:巡[察视]发现|发现问题|存在问题|问题)\s*[:：]")
_FIX_LABEL = re.compile(r"^\W{0,3}(?:怎么改|如何改|怎样改|整改措施|整改举措|整改情况|整改成效|整改落实)\s*[:：]")
# The most characters between a finding and its fix's label: line breaks and a marker ("\n\n▶ ").
MAX_PAIR_GAP_CHARS = 6


def with_paired_fixes(kept: Sequence[Evidence], chosen: Sequence[Evidence]) -> list[Evidence]:
    """The kept sentences with each kept finding's fix: a chosen sentence opening with a fix label right after
    a kept sentence opening with a finding label, in notice order."""
    findings = [e for e in kept if _FINDING_LABEL.match(e.text)]
    fixes = [e for e in chosen if e not in kept and _FIX_LABEL.match(e.text) and any(
        f.notice_id == e.notice_id and 0 <= e.start - f.end <= MAX_PAIR_GAP_CHARS for f in findings)]
    return sorted([*kept, *fixes], key=lambda e: (e.notice_id, e.start)) if fixes else list(kept)


def _shares_only_a_word(item: Evidence, column: Sequence[Evidence], lead_share: float, off_share: float) -> bool:
    """Whether a sentence stands under another problem than the column's leads (its best-scoring sentence, its
    closest in meaning and those `lead_share` as close) and is below `off_share` in meaning ("已完成招标" under
    资金存放 when 招标 is asked): it shares a word, not the topic. Undecided (False) when closeness in meaning
    was not read, the notice has no headings, or no sentence of the column is `lead_share` close (the column
    holds no sentence plainly on the topic to tell the others by)."""
    closest = max(column, key=lambda e: e.meaning)
    if closest.meaning < lead_share:
        return False
    leads = {_problem_of(e) for e in column if e is closest or e.meaning >= lead_share}
    leads.add(_problem_of(max(column, key=lambda e: e.score)))
    # A heading opens the problems under it (its quote reaches into them), it is not a sentence sharing a word.
    own_heading = item.document.metadata.get("section_path", "").split(" > ")[-1].strip()
    heading = item.is_heading or bool(own_heading) and item.text.strip().startswith(own_heading)
    return all(lead[1] for lead in leads) and not heading and _problem_of(item) not in leads and item.meaning < off_share


def _problem_of(item: Evidence) -> tuple[str, str]:
    """The notice and the heading path (the problem) a sentence stands under."""
    metadata = item.document.metadata
    return metadata.get("notice_id", ""), topic_path(metadata.get("section_path", ""))


def close_in_meaning(evidence: Sequence[Evidence], chosen: Sequence[Evidence], limit: int, share: float) -> list[Evidence]:
    """Candidates not chosen whose closeness in meaning to the topic is at least `share` of the closest's
    (the problem and measures sentences of a column, worded unlike the question), best first, up to
    `limit` with the chosen."""
    room = limit - len(chosen)
    return [
        e for e in evidence
        if e.meaning >= share and e.fits_profile and not e.is_heading and not any(overlaps(e, c) for c in chosen)
    ][: max(0, room)]


def overlaps(one: Evidence, other: Evidence) -> bool:
    """Whether two quotes share characters of the same notice."""
    return one.notice_id == other.notice_id and one.start < other.end and other.start < one.end


def with_figures_first(evidence: Sequence[Evidence], bonus: float) -> list[Evidence]:
    """The candidates with `bonus` added to those stating a figure (a count, an amount), best first: columns
    are read against each other, and a figure says what a unit did in terms the other column can be held to."""
    if bonus <= 0:
        return list(evidence)
    raised = [replace(e, score=e.score + bonus) if NUMBER_PATTERN.search(e.text) else e for e in evidence]
    return sorted(raised, key=lambda e: -e.score)


def with_best_ones_section(evidence: Sequence[Evidence], bonus: float) -> list[Evidence]:
    """The candidates with `bonus` added to those under the same problem as the best one (its problem
    statement and measures), best first."""
    if bonus <= 0 or not evidence:
        return list(evidence)
    best = evidence[0]
    problem = _problem_of(best)
    if not problem[1]:
        return list(evidence)
    raised = [replace(e, score=e.score + bonus) if e is not best and _problem_of(e) == problem else e for e in evidence]
    return sorted(raised, key=lambda e: -e.score)

"""Whether chosen sentences state what the question asks about, not a neighbouring fact."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from assistant.counted_cost import lacks_counted_thing
from assistant.evidence import Evidence, Question, last_heading, term_stated
from assistant.money_back import lacks_money_back
from assistant.plain_words import official_terms, same_thing
from assistant.question import satisfies
from index.script_forms import simplified_reading
from index.vocabulary import CLAWBACK_ACTIONS, MONEY_KINDS

# Never the asked thing itself: the steps every notice reports in varying words (发现/指出/查出 问题),
# and words of the answer's shape ("几个人" yields 个人, "多少金额").
NOT_THE_ASKED_THING = re.compile(
    r"(?:发现|指出|查出|查找|反馈|意见|采取|开展|进行|落实|建立|完成|整改|巡察|巡视|处理|解决|推进|持续|做了|工作|情况|问题|方面|"
    r"个人|人数|人次|数量|金额|时间|日期|多少|几个|哪些|什么|是否|一共|共计|合计|分别|专门|还是|或者|或是)+"  # also their compounds: 意见反馈, 发现问题
)

_MEETING = re.compile(r"会上|会议|会中|会")
# Asked a count of people ("纪检力量配了多少人"), the word for staff is the answer's shape: notices state the
# people counted (监察员15名), seldom the staff word; the asked thing is what the staff is of (纪检).
_STAFF = re.compile(r"力量|队伍|人手|人员")
_PEOPLE_COUNTED = "人|名|位"
# "…跟村民起冲突那回，有干部挨处分吗": a clause naming the occasion (那回/那次/的时候) sets the scene; the
# asked thing is in the clause after it.
_OCCASION = re.compile(r"^(.+?)(?:那回|那次|那一次|那一回|那件事|那事|的时候|那会儿?)[，,、\s]")

# A fund, fee or payment named by what it is for ("医保基金", "培训费", "下乡补助"): a specific sum of money.
_MONEY_NOUNS = sorted({*"基金|资金|经费|费用|费|款".split("|"), *"|".join(MONEY_KINDS).split("|")}, key=len, reverse=True)
_NAMED_MONEY = re.compile(rf"([\u4e00-\u9fff]{{2}})({'|'.join(_MONEY_NOUNS)})")
_NOT_A_QUALIFIER = {"多少", "哪些", "什么", "这些", "那些", "这笔", "那笔", "违规", "相关", "有关", "各项"}
# What is done with money ("清退补贴", "乱发补贴", "超发奖金"), not what kind of money it is.
_MONEY_DEED = re.compile(rf"^(?:{CLAWBACK_ACTIONS}|发放|违规|超标|超发|多发|乱发|滥发|私发|虚报|套取|冒领|骗取|截留|挪用|侵占|领取|"
                         rf"收取|乱收|多收|收受|支付|多付|欠缴|拖欠|使用)$")
# That a notice mentions it ("谁家说到党费", "哪些提及下乡补助"): asking words, never part of the money's name (到党).
_SAYING = re.compile(r"[说提讲谈写聊涉][到及]")
# The units asked about ("哪些单位党费有问题", "谁家伙食费"): never part of the money's name (位党费).
_ASKED_UNITS = re.compile(r"单位|[哪几谁每各]家")
_NOT_IN_A_QUALIFIER = re.compile(r"[的了在和与对把被是有为从向于及或并各每全本我该其此这那哪些谁多少几个共]")


def states_the_asked_thing(
    chosen: Sequence[Evidence],
    question: Question,
    known_terms: Callable[[Iterable[str]], set[str]],
    is_unit_word: Callable[[str], bool],
    focus_share: float,
    lenient: bool = False,
    money_window: int = 0,
    passages: str = "",
) -> bool:
    """Whether the chosen sentences hold what the question asks about, not a neighbouring fact.

    The asked thing is the question's most specific terms that the library knows (asked who was
    诫勉谈话, a sentence on 提醒谈话 shares the frequent 谈话 but not the rare 诫勉). Terms no
    notice holds are the user's own words and decide nothing here, except a named fund or fee
    ("医保基金", "下乡补助"): see names_unstated_money. `focus_share` is the share of the top term
    weight a term needs to count as asked. With the `passages` the sentences were chosen from, every
    asked thing those passages hold must be stated: asked whether the 苗木款 was recovered, a sentence
    on recovering a bonus (追回, not 苗木) is a neighbouring fact when the passages do name 苗木.
    """
    # A term is the library's when a passage holds it or a word for the same thing (追回 asked, 清退 written).
    in_library = {t for t in question.weights if known_terms(_words_for(question, t))}
    if names_unstated_money(question.text, [item.text for item in chosen], known_terms, money_window, in_library):
        return False
    # "收回车辆" when money taken back is asked; a bonus recovered when "那19部电梯花了多少钱" is
    if lacks_money_back(question.text, texts := [item.text for item in chosen]) or lacks_counted_thing(question.text, texts):
        return False
    focus = focus_terms(question, in_library, is_unit_word, focus_share)
    if not focus:
        return True
    # Read as the tokenizer reads it: a notice in traditional script states 宣读 as 宣讀.
    said = simplified_reading("".join(item.text + last_heading(item.document.metadata.get("section_path", "")) for item in chosen))

    either = either_terms(question.text, question.terms)

    def stated(term: str) -> bool:
        # Half of a two-character word stands for it (补助 / 津补贴), unless the word has listed variants
        # (处分: 警告, 记过…): then one of them is written whole, never any 分 of 部分.
        return any(
            word in said if len(variants) > 1 else term_stated(word, said, lenient)
            for other in either.get(term, (term,)) for alike in question.ways_of_saying(other)
            for variants in (same_thing(alike),) for word in variants
        )

    if lenient:
        return any(stated(term) for term in focus)
    # The asked thing is the longest compound: 谈话 inside 诫勉谈话 does not stand for it, but a compound
    # whose every part is stated is (往来账款 by "往来款项…应收款", each of 往来 and 账款 said).
    compounds = {t for t in focus if not any(t != other and t in other for other in focus)}
    smallest = {t for t in focus if not any(t != other and other in t for other in focus)}

    def said_in_parts(term: str) -> bool:
        parts = [p for p in smallest if p != term and p in term]
        return bool(parts) and len("".join(parts)) >= len(term) and all(stated(p) for p in parts)

    answered = [term for term in compounds if stated(term) or said_in_parts(term)]
    if not answered or not passages:
        return bool(answered)
    held = simplified_reading(passages)
    return all(term in answered for term in compounds if any(word in held for word in _words_for(question, term)))


def spoken_parts(chosen: Sequence[Evidence], question: Question) -> list[Question]:
    """Each part of a question asking several things ("反馈了几个问题?定了多少条措施?") that a chosen sentence
    speaks to with the content it asks for, as a question of its own: one of them stated answers the question."""
    if len(question.parts) < 2 or len(question.part_profiles) != len(question.parts):
        return []
    return [
        replace(question, parts=(part,), weights={t: question.weights[t] for t in part if t in question.weights},
                part_profiles=(profile,), profile=profile)
        for index, (part, profile) in enumerate(zip(question.parts, question.part_profiles))
        if any(len(e.coverages) > index and e.coverages[index] > 0 and satisfies(profile, e.text) for e in chosen)
    ]


def parts_left_open(
    chosen: Sequence[Evidence], question: Question, pieces: Sequence[str], states: Callable[[Question], bool]
) -> list[str] | None:
    """None when the chosen sentences state nothing the question asks; else the wording of each asked part
    (of the question's `pieces`) they leave unstated, to be said so (empty when they state the whole)."""
    if states(question):
        return []
    answered = {t for part in spoken_parts(chosen, question) if states(part) for t in part.parts[0]}
    if not answered:
        return None
    asked = {t for part in question.parts for t in part}
    return [p.strip() for p in pieces if any(t in p for t in asked) and not any(t in p for t in answered)]


def focus_terms(
    question: Question, in_library: set[str], is_unit_word: Callable[[str], bool], focus_share: float
) -> set[str]:
    """The asked thing's terms: those the library knows, not generic steps nor unit names, weighing at least
    `focus_share` of the heaviest such term (empty when there is none)."""
    # Asked who did an act at a meeting (谁主持, 谁代表巡察组讲的), the meeting (会上) is where: the act,
    # which the sentence must name someone doing, is the asked thing.
    setting = _MEETING if question.profile.act else None
    known = {
        t: w
        for t, w in question.weights.items()
        if len(t) >= 2 and not NOT_THE_ASKED_THING.fullmatch(t) and t in in_library and not is_unit_word(t)
        and not (setting and setting.fullmatch(t))
        and not (question.profile.counted_in == _PEOPLE_COUNTED and _STAFF.fullmatch(t))
    }
    occasion = _OCCASION.match(question.text)
    asked = {t: w for t, w in known.items() if not occasion or t in question.text[occasion.end():]}
    asked = asked or known  # the clause after the occasion asks with no term of its own ("那次呢?")
    top = max(asked.values(), default=0.0)
    return {t for t, w in asked.items() if w >= focus_share * top}


def _words_for(question: Question, term: str) -> list[str]:
    """The term and every word notices say it with (its plain phrase's words, its group's: 清退 for 追回)."""
    return [word for alike in question.ways_of_saying(term) for word in same_thing(alike)]


# "追回或者核减了钱": the terms on either side of 或者/或/还是 are alternatives; either one states the asked thing.
_EITHER = re.compile(r"或者|或是|或|还是")
# "是常规检查还是回头看": an alternative question; every term of one alternative pairs with every term of the other.
_ALTERNATIVES = re.compile(r"是([^，,。？?！!\s]{1,12}?)还是([^，,。？?！!\s呢吗啊呀]{1,12})")


def either_terms(question: str, terms: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Each term written right before or after 或者/或/还是 in the question (in any word of its group: 追回
    for 清退), with the term on its other side."""
    written = sorted(((word, t) for t in set(terms) for word in same_thing(t)), key=lambda pair: -len(pair[0]))
    pairs: dict[str, tuple[str, ...]] = {}
    for match in _EITHER.finditer(question):
        before = next((t for word, t in written if question[: match.start()].endswith(word)), None)
        after = next((t for word, t in written if question[match.end() :].startswith(word)), None)
        if before and after:
            pairs[before] = pairs.get(before, (before,)) + (after,)
            pairs[after] = pairs.get(after, (after,)) + (before,)
    for match in _ALTERNATIVES.finditer(question):
        one, other = ({t for word, t in written if word in side} for side in match.groups())
        for term in one | other:
            pairs[term] = tuple(dict.fromkeys((*pairs.get(term, (term,)), *(other if term in one else one))))
    return pairs



def names_unstated_money(
    question: str, texts: Sequence[str], known_terms: Callable[[Iterable[str]], set[str]], window: int,
    held_words: Iterable[str] = (),
) -> bool:
    """Whether the question names a kind of money by what it is for ("下乡补助", "医保基金") that the
    sentences never state: no notice word for it, and no sentence names that money with its qualifier
    (农机补贴 is stated by 农机购置补贴, 超标补贴 by 超标准发放津补贴, 登山比赛奖金 by 登山比赛活动中
    超标准发放奖金; 下乡补助 is not stated by 农机购置补贴)."""
    named = [
        (match.group(0), match.group(1), match.group(2))
        for match in _NAMED_MONEY.finditer(_ASKED_UNITS.sub(" ", _SAYING.sub(" ", question)))
        if match.group(1) not in _NOT_A_QUALIFIER and not _MONEY_DEED.match(match.group(1))
        and not _NOT_IN_A_QUALIFIER.search(match.group(1))
    ]
    # Inside a held word of the question it is that word's tail, no fund of its own ("往来账款": 来账款).
    held = known_terms([name for name, _, _ in named]) | {
        name for name, _, _ in named if any(name in word and name != word for word in held_words)
    }
    unheld = [(name, qualifier, noun) for name, qualifier, noun in named if name not in held]
    return bool(unheld) and not any(
        _qualifies(text, said, noun, window)
        for _, qualifier, noun in unheld for said in (qualifier, *official_terms(qualifier)) for text in texts
    )


def _qualifies(text: str, qualifier: str, noun: str, window: int) -> bool:
    """Whether the sentence names the money with the qualifier: the qualifier anywhere in it ("登山比赛活动中
    超标准发放奖金"), or its characters in order within `window` characters before a word for the noun."""
    words = same_thing(noun)
    if qualifier in text and any(word in text for word in words):
        return True
    for word in words:
        for match in re.finditer(re.escape(word), text):
            before = text[max(0, match.start() - window) : match.start()]
            if re.search(".*?".join(map(re.escape, qualifier)), before):
                return True
    return False

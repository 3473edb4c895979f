"""Follow-ups pointing back at an item or figure of the previous answer: the clause they point at.

- a demonstrative and a noun: "那笔钱后来退回去了吗?", "这几项制度是什么?", "刚才说的那个处分是谁?"
  (the clause of the answer holding the noun; money and figure words mean the clause with such a figure);
- an ordinal: "第二条具体怎么改的?", "第一个问题改出啥效果了?" (the answer's own "第一个是…", else
  its Nth "N是…" point, list line or clause);
- the part left: "剩下那几项打算什么时候弄完?" (the clause stating what is left).

The clause is added to the follow-up so that it searches with that item, in the unit of the previous turn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.figures import parse_chinese_number

_CITATION_MARK = re.compile(r"\[\d+(?:[,，、\-–]\d+)*\]|[|*#>`_]{2,}")
_LEAD_LINE = re.compile(r"^(?:根据|按照)?[^\n]{0,40}?(?:的通报|通报的)[^\n]{0,30}[:：]\s*$")
_LIST_MARK = re.compile(r"^\s*(?:[-*•]\s*|\d+[.、．]\s*|[(（][一二三四五六七八九十\d]+[)）]\s*)")
_CLAUSE_END = re.compile(r"[,，。;；\n]")
_SENTENCE_END = re.compile(r"[。;；\n]")
# "这笔", "那两个", "刚才说的那个", "上述": what points back, then the noun it points at.
_DEMONSTRATIVE = re.compile(
    r"(?:刚才|前面|上面|上述|前述|以上|这|那)(?:说的|提到的|讲的)?(?:这|那)?(?![样么边里儿时种般些年天])"
    r"(?:[一两二三四五六七八九十几]|\d+)?(?:笔|些|批|项|个|件|条|名|位|次|类|份|处|点|宗|起|块)?"
)
_NOUN_CHARS = re.compile(r"[\u4e00-\u9fff]{1,4}")
# What follows a pointer that names nothing: a question word ("那个啥时候能弄好"), or "事" ("为这事处理了谁?").
_NO_NOUN = re.compile(r"(?:啥|什么|怎么|咋|如何|何时|多少|几|是|有|能|会|还|后来|现在|到底|为什么|为啥|事|件事|事情)")
# The noun a pointer follows ("工程款那块", "挂号那个"): up to four characters right before it.
_NOUN_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,4})$")
# Words for a figure: the clause that states one, money for money words.
_MONEY_WORDS = re.compile(r"^(?:钱|款|资金|金额|费用|费|补贴|补助|津补贴|奖金|损失)")
_FIGURE_WORDS = re.compile(r"^(?:数字|数据|数|比例|比率|百分比|完成率|整改率)")
# A sum said roughly ("18万多", "30万余"): its whole part and its unit.
_ROUNDED = re.compile(r"(?<![\d.])(\d+)(万|亿)(?:多|余)")
_MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff])")
_TOTAL = re.compile(r"共计|合计|总计|累计|共")
_ORDINAL = re.compile(r"第([一二三四五六七八九十]+|\d+)(个单位|家单位|家|个|条|项|点|笔|件|类|方面)")
# A numbered line of a which-units answer: "2. 岑州师范学院：…".
_NUMBERED_LINE = re.compile(r"^\s*\d+[.、．]\s*")
_POINT = re.compile(r"(?=[一二三四五六七八九十]是)")
# The part left undone: "剩下那几项", "其余的", "没改完的那两个".
_REMAINING = re.compile(r"剩下|剩余|其余|其他几|还没[\u4e00-\u9fff]{0,3}的|未完成的|没完成的|尚未[\u4e00-\u9fff]{0,3}的")
_LEFT_SAID = re.compile(r"尚有|尚未|还有|剩余|剩下|其余|仍有|正在整改|持续推进|正在推进")
_DONE_PART = re.compile(r"\d+[\u4e00-\u9fff]?已[\u4e00-\u9fff]{0,2}(?:完成|完工|整改|办结|化解|到位|落实|退)|已[\u4e00-\u9fff]{0,2}(?:完成|完工|化解|办结)\d+")
# "亏钱的那些", "被处分的那几个人", "没退的那笔": a description, then a pointer at the items it describes.
_DESCRIBED = re.compile(r"([\u4e00-\u9fff]{2,6}?)的(?:那|这)(?:些|几|[一两二三四五六七八九十\d]+)?[个项笔件条名位家批类块]?")
_DESCRIPTION_LEAD = re.compile(r"^(?:刚才|前面|上面|其中|里面|那|这)+")
_FUNCTION_CHARS = set("的了是有在和与及被把对给")
# "那几个人", "这些干部": people, so the clause counting people ("3人", "2名干部").
_PERSON_WORDS = re.compile(r"^(?:人|干部|同志|责任人|党员|职工)")
_PERSONS = re.compile(r"\d+\s*(?:人|名)")
# "后来咋处理的", "怎么解决的": how an item (not a person) was dealt with, which a notice states as its rectification.
_HOW_HANDLED = re.compile(r"(?:后来)?(?:是)?(?:怎么|咋|如何|怎样)(?:处理|解决|弄|办|搞)(?:的|了)?")
# "这里头有坐牢的吗", "那里面几个是村干部": a question inside what the last answer told ("其中X呢" swaps a part).
_INSIDE_ITEM = re.compile(r"^(?:那|这)(?:里头|里面|里边|当中)")
# "那俩负责人", "这几个干部": a counted pointer at people.
_PEOPLE_POINTED = re.compile(r"(?:这|那)(?:些|几|俩|仨|[一两二三四五六七八九十\d]+)[个名位]?([\u4e00-\u9fff]{0,6}?)的?(?:人|干部|责任人)")
# "对人咋处理的", "对相关人员怎么追责": the people of the item the last answer told, named by no pointer.
_PEOPLE_OF_ITEM = re.compile(r"^对(?:人|相关人员|有关人员|责任人|涉事人员|当事人)(?:是)?(?:怎么|咋|如何|怎样)")
# Going on with the story just told: "那…" opening the question, "他们…", "后来", "现在", "收到以后", "这里头".
_CONTINUES = re.compile(r"^(?:那么?|他们|它们|它|该)|后来|现在|目前|如今|以后|之后|随后|" + _INSIDE_ITEM.pattern[1:])
# "这里头有坐牢的吗", "其中有几个是村干部", "这些人里…": asking among the items the answer just told.
_AMONG = re.compile(r"^(?:那|这)?(?:里头|里面|其中|当中|之中)|^(?:这|那)(?:些|几)[\u4e00-\u9fff]{0,4}?(?:里头|里面|里|中|当中)")
MAX_REFERENCE_CHARS = 80  # a clause longer than this is cut: it only steers the search


def referenced_item(question: str, previous_answer: str, asked_before: str = "") -> str:
    """The clause of the previous answer the question points back at, or ""; `asked_before` (the question that
    answer answered) tells which of several figures "这个数" means."""
    text = _plain(previous_answer)
    if not text:
        return ""
    found = (_by_ordinal(question, text) or _by_noun(question, text, asked_before) or _left_part(question, text)
             or _by_description(question, text) or (_first_sentence(text) if _asks_among(question) else ""))
    return found[:MAX_REFERENCE_CHARS]


def item_of_people_pointed(question: str, previous_answer: str) -> str:
    """"那几个负责的人怎么处理的", "那俩负责人": a counted pointer at people the answer does not name, or "这里头有…"
    pointing inside what it told, points at the item it told (its first sentence), where the notice says more of it."""
    pointer = _PEOPLE_POINTED.search(question) or _INSIDE_ITEM.match(question)
    if not (pointer or _PEOPLE_OF_ITEM.match(question)) or referenced_item(question, previous_answer):
        return ""
    if _PEOPLE_OF_ITEM.match(question):  # "对人咋处理的": the people of the item just told
        return _first_sentence(_plain(previous_answer))[:MAX_REFERENCE_CHARS]
    return continued_item(question, previous_answer)


def continued_item(question: str, previous_answer: str) -> str:
    """"那司机后来咋处理的", "他们后来开了几回会": a follow-up going on with the story the previous answer
    told points at its first sentence (the item that answer was about)."""
    if not _CONTINUES.search(question):
        return ""
    return _first_sentence(_plain(previous_answer))[:MAX_REFERENCE_CHARS]


def _asks_among(question: str) -> bool:
    """"这里头有坐牢的吗": asking something of the items told; "其中党纪处分呢" swaps the thing asked instead."""
    return bool(_AMONG.search(question)) and re.search(r"有|是|几|多少|哪|谁|吗|没", question) is not None


def _first_sentence(text: str) -> str:
    """The answer's first sentence: the item it told."""
    return next((s.strip(" -") for s in _SENTENCE_END.split(text) if len(s.strip(" -")) >= 4), "")


def points_at_a_unit(question: str) -> bool:
    """"第二家是怎么做的?": the ordinal counts the units of the last answer's list."""
    match = _ORDINAL.search(question)
    return bool(match and match.group(2) and match.group(2).endswith(("家", "单位")))


def without_pointer(question: str) -> str:
    """The question without the words pointing back ("第一个问题…" -> "问题…", "刚才说的那个处分" -> "处分"):
    they point at the item, they are not what to search for; "剩下那几项" says what is left, and stays."""
    if _REMAINING.search(question):
        return question
    for pattern in (_ORDINAL, _DEMONSTRATIVE):
        match = next((m for m in pattern.finditer(question) if m.end() > m.start()), None)
        if match:
            thing = re.match(r"件?事情?", question[match.end() :]) if pattern is _DEMONSTRATIVE else None
            return question[: match.start()] + question[match.end() + (thing.end() if thing else 0) :]
    return question


def asked_of_item(question: str, item: str) -> str:
    """The follow-up as asked of the item (a clause of the last answer) it points at: without the pointer words,
    and "后来咋处理的" of a thing (not of people) asked as how it was rectified, the way notices state it."""
    question = without_pointer(question)
    if _PERSONS.search(item) or re.search(r"[人者员]|干部|司机", question):
        return question
    return _HOW_HANDLED.sub("怎么整改的", question, count=1)


def without_carried_clause(standalone_question: str, question: str) -> str:
    """The standalone question without the previous answer's clause it carries ("…(对镇村建设服务中心1名…)"),
    which names no unit asked about."""
    carried = re.search(r"\([^()]*\)$", standalone_question)
    if carried and carried.group(0) not in question:
        return standalone_question[: carried.start()]
    return standalone_question


def said_before(question: str, history: Sequence[dict], find_units: Callable[[str], list[str]]) -> str:
    """The previous answer's text when the question points back at an item of it (naming no new unit), else ""."""
    if find_units(question):
        return ""
    previous = next((str(t.get("content", "")) for t in reversed(list(history)) if t.get("role") == "assistant"), "")
    return previous if referenced_item(question, previous) or continued_item(question, previous) else ""


def _plain(answer: str) -> str:
    """The answer without citation marks, table rules and its "根据X的通报:" lead lines."""
    lines = [re.sub(r"\s*\|\s*", " ", _CITATION_MARK.sub("", line)).strip() for line in answer.splitlines()]  # table cells
    return "\n".join(line for line in lines if line and not _LEAD_LINE.match(line))


def _by_noun(question: str, text: str, asked_before: str) -> str:
    """"那笔钱", "这几项制度", "那个处分": the clause holding the noun (a figure for figure words)."""
    clauses = [c.strip(" -") for c in _CLAUSE_END.split(text) if len(c.strip(" -")) >= 4]
    if rounded := _ROUNDED.search(question):  # "那18万多": the clause of the figure it rounds (18.42万元)
        whole, unit = rounded.groups()
        stated = re.compile(rf"(?<![\d.]){whole}(?:\.\d+)?\s*{unit}元")
        if held := [p for c in clauses for p in c.split("、") if stated.search(p)]:  # one item of a list
            return held[0]
    for match in _DEMONSTRATIVE.finditer(question):
        following = _NOUN_CHARS.match(question, match.end())
        if match.end() == match.start() or not following:
            continue
        words = following.group(0)
        if _NO_NOUN.match(words) and (match.end() - match.start() >= 2 or words.startswith("事")):
            return _pointed_without_noun(question[: match.start()], clauses, asked_before)
        if _MONEY_WORDS.match(words):
            return _figure_clause([c for c in clauses if _MONEY.search(c)], asked_before)
        if _PERSON_WORDS.match(words) and (counted := [c for c in clauses if _PERSONS.search(c)]):
            return _figure_clause(counted, asked_before)  # "那几个人后来怎么处理的"
        for size in range(len(words), 1, -1):  # the longest start of what follows that the answer holds
            holding = [c for c in clauses if words[:size] in c]
            if holding:
                return holding[0]
        if _FIGURE_WORDS.match(words):
            return _figure_clause([c for c in clauses if _NUMBER.search(c)], asked_before)
    return ""


def _pointed_without_noun(before: str, clauses: list[str], asked_before: str) -> str:
    """"工程款那块…": the clause holding the noun before the pointer; "那个啥时候…", "这事": the clause of
    the answer that answered the question asked before, else its first."""
    noun = _NOUN_BEFORE.search(before)
    if noun:
        words = noun.group(1)
        for size in range(len(words), 1, -1):  # the longest end of the noun the answer holds ("工程款")
            holding = [c for c in clauses if words[-size:] in c]
            if holding:  # "适老化那个" after "问题13(…)和问题14(…适老化…)": the joined item holding it
                return next((item for item in _joined(holding[0]) if words[-size:] in item), holding[0])
    return _figure_clause(clauses, asked_before)


def _figure_clause(clauses: list[str], asked_before: str) -> str:
    """The clause the figure is in: the one sharing most words with the question asked before ("处分" for
    "给了几个人处分?"), else a stated total, else the first."""
    if not clauses:
        return ""
    pairs = {asked_before[i : i + 2] for i in range(len(asked_before) - 1)}
    shared = [sum(pair in c for pair in pairs) for c in clauses]
    if max(shared) > 0:
        return clauses[shared.index(max(shared))]
    return next((c for c in clauses if _TOTAL.search(c)), clauses[0])


def _by_ordinal(question: str, text: str) -> str:
    """"第二条": the answer's own "第二条…" when it says one, else its second point, list line or clause."""
    match = _ORDINAL.search(question)
    if not match:
        return ""
    number = int(parse_chinese_number(match.group(1)) or 0) if not match.group(1).isdigit() else int(match.group(1))
    if number < 1:
        return ""
    if match.group(2) and match.group(2).endswith(("家", "单位")):  # "第二家": the unit on the Nth numbered line
        numbered = [line for line in text.splitlines() if _NUMBERED_LINE.match(line)]
        return _NUMBERED_LINE.sub("", numbered[number - 1]) if len(numbered) >= number else ""
    own = re.search(rf"第{match.group(1)}(?:{match.group(2) or '个'}|[个条项点])?(?:是|为|:|：)?([^。;；\n]+)", text)
    if own:  # "第3项(…)和第14项(…)": up to the next ordinal joined to it
        return re.split(r"(?:和|、|及)(?=第)", own.group(1))[0].strip()
    for items in (_points(text), _list_lines(text), [c for c in _SENTENCE_END.split(text) if c.strip()], _joined(text)):
        if len(items) >= number >= 1 and len(items) > 1:
            return items[number - 1].strip(" -")
    return ""


def _points(text: str) -> list[str]:
    """The "一是…二是…" points of the answer, in order."""
    pieces = [p for p in _POINT.split(text.replace("\n", "")) if re.match(r"[一二三四五六七八九十]是", p)]
    return [_SENTENCE_END.split(p)[0] for p in pieces]


def _joined(text: str) -> list[str]:
    """"反馈问题7(…、…)和反馈问题8(…),这2个还在推进": the items joined in the answer's first clause,
    split at 和/、 outside brackets."""
    items, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += 1 if char in "(（" else -1 if char in ")）" else 0
        if depth == 0 and (char in ",，。;；\n" or index == len(text) - 1):
            end = index + (char not in ",，。;；\n")
            items.append(text[start:end])
            break
        if depth == 0 and char in "和、":
            items.append(text[start:index])
            start = index + 1
    return [item.strip() for item in items if len(item.strip()) >= 2]


def _list_lines(text: str) -> list[str]:
    """The answer's list lines ("- …", "1. …"), without their marks."""
    return [_LIST_MARK.sub("", line) for line in text.splitlines() if _LIST_MARK.match(line)]


def _by_description(question: str, text: str) -> str:
    """"亏钱的那些": the clause of the answer sharing most of the description's characters ("5个项目亏损")."""
    described = _DESCRIBED.search(question)
    if not described:
        return ""
    chars = set(_DESCRIPTION_LEAD.sub("", described.group(1))) - _FUNCTION_CHARS
    clauses = [c.strip(" -") for c in re.split(r"[,，。;；、\n]", text) if len(c.strip(" -")) >= 4]  # each item listed
    shared = [len(chars & set(c)) for c in clauses]
    return clauses[shared.index(max(shared))] if shared and max(shared) > 0 else ""


def _left_part(question: str, text: str) -> str:
    """"剩下那几项…": the clause of the answer stating what is left, one with a figure first."""
    if not _REMAINING.search(question):
        return ""
    clauses = [c.strip(" -") for c in _CLAUSE_END.split(text) if _LEFT_SAID.search(c)]
    if not clauses or re.fullmatch(r"[还尚仍]?剩(?:下|余)?\d+[\u4e00-\u9fff]?", clauses[0]):
        # "共11条，2条已完工" says the rest only by its total, "还剩1件" by a bare count: the whole sentence
        # with the total and the part done is what finds the notice's sentence on the rest.
        clauses = [s.strip(" -") for s in _SENTENCE_END.split(text) if _DONE_PART.search(s)]
    return next((c for c in clauses if re.search(r"\d", c)), clauses[0] if clauses else "")

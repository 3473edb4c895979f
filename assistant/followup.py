"""Follow-up questions without an LLM: a standalone question from the conversation so far.

These shapes of follow-up are read from their wording:
- elliptical, switching unit ("那东临新区呢?", "浙南怎么样?", "另一个呢?"): the previous question
  (itself condensed) asked again with its units replaced;
- referring to a figure or item of the previous answer ("那笔钱后来退回去了吗?", "第二条具体怎么改的?"):
  the question with its unit, plus the clause of the previous answer that holds the figure or item
  (see followup_reference.py);
- swapping one part of the previous question ("副组长呢?", "那榴溪镇在吃喝上呢?"; see followup_swaps.py);
- anything else naming no unit: the previous turns' units put in front.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer_builder import NO_CONTENT_UNITS
from assistant.bare_figure import asks_bare_figure, asks_unnamed_figure, asks_what_was_counted
from assistant.described_units import named_by_common_kind
from assistant.followup_breakdown import points_at_a_figure_said
from assistant.followup_reference import asked_of_item, item_of_people_pointed, points_at_a_unit, referenced_item
from assistant.followup_swaps import same_thing_of, swapped_thing, switched_aspect, topic_of_thing, with_done_asked
from assistant.followup_switch import (named_by_description, switch_then_ask, units_as_written, without_description,
                                       without_restated_kind)
from assistant.followup_topic import goes_on_with_topic, rule_for_the_matter
from assistant.unit_names import unit_like_names
from assistant.units import COMPARISON, UnitDirectory, asks_across_units
from assistant.unknown_units import unknown_unit_names
from assistant.written_names import without_pointers_in_names, written_mentions
from index.figures import parse_chinese_number

# What is left of an elliptical follow-up once its unit names are taken out: only these words.
_FILLER_WORDS = (
    "那么 那 呢 吗 吧 啊 呀 又 还 也 再 请问 的话 的 怎么样 怎样 咋样 如何 情况 方面 这边 那边 "
    "看看 说说 讲讲 一下 同样 一样 是否 也是 这个 那个 单位 它们 它 他们 该单位 对方 "
    "另一个 另外一个 另一家 另外一家 另一 另外 其他 剩下的 后者 前者 和 与 跟 及 、 "
    "换成 换 改成 要是 如果 假如 再看看 再看 再说说 这块 那块 那儿 这儿 那里 这里 是不是 这样 有没有 "
    "有吗 也有 问问 查查 那家 这家 在这方面 这方面 在这块 这一块 在这上面 这上面 在这个问题上 这个问题上 "
    # "换个单位,X呢?", "X有没有类似的?", "X也是这种情况吗?": the same question of another unit.
    "换个单位 换一个单位 换一家 换个 类似的问题 类似问题 类似的情况 类似情况 类似的做法 类似做法 类似的 类似 "
    "相似的 相同的 同样的 差不多的 这种情况 这种 这么做 这样做 一样的"
).split()
# Longest first, so that "那边" is taken as one word and not as "那" + "边".
_ELLIPSIS_WORDS = re.compile("|".join(sorted(_FILLER_WORDS, key=len, reverse=True)))
_OTHER_UNIT = re.compile(r"另一个|另外一个|另一家|另外一家|另一|剩下的|后者|对方")
_FORMER_UNIT = re.compile(r"前者")
_LATTER_UNIT = re.compile(r"后者")
# "广元那次巡视…": a pointer with its measure word goes whole, so no stray "次" is left of the topic.
_POINTER_WORD = r"那(?:[一两几]?[个次回家件项笔条位名份批些]|边|里)?|这(?:[一两几]?[个次回家件项笔条位名份批些]|边|里)"
_UNIT_POINTER = re.compile(r"前者|后者|另一家|另外一家|另一个单位|另外一个单位")  # pointing at a unit, not an item
# "另一个没弄完的村呢": another one than the unit just discussed, so never that unit's section alone.
_ANOTHER = re.compile(r"另(?:一|外)")
_PUNCTUATION = re.compile(r"[\s,，。.?？!！:：;；…~]+")
# Connectors left hanging when a unit name is taken out of a question ("A和B在…上有何不同").
_CONNECTOR = r"[和与跟同及、]|以及"
# What is left of "跟X比呢?" / "X多还是Y多?" once units and filler words are out: a comparison with the last question.
_COMPARED_WITH = re.compile(
    r"(?:(?:跟|和|与|同)?(?:比|相比|比较|对比|比一比|比比))?"
    r"(?:([多少高低长短])还?是\1|[多高长快早]还?是[少低短慢晚]|[少低短慢晚]还?是[多高长快早]|(?:谁|哪个|哪家)更?[多少高低长短]|更?[多少高低长短](?:吗|么|不|没有)?|"
    # "比市监局多几项?", "跟东湖差多少?": by how much
    r"[多少差](?:了|出)?(?:几|多少)[个项条件人笔天元万]*)?"
)
# A comparison that names nothing to compare: "哪个多?", "那两家谁高?", "谁更少一些?".
_BARE_WHICH = re.compile(
    r"(?:那|那么)?(?:两家|两个单位|两个|俩|两边|它们俩|它们|这两家|这两个|这几家|这些单位)?(?:里|中|当中|之中)?"
    r"(?:谁|哪个|哪家|哪一个|哪一家|哪边)[更最]?[多少高低长短快慢早晚]?(?:一些|一点|些)?(?:呢|啊|呀)?"
)
# A sum that names nothing to add: "两家加起来多少?", "一共多少?", "它们合计呢?".
_BARE_SUM = re.compile(
    r"(?:那|那么)?(?:两家|两个单位|两个|俩|它们俩|它们|这两家|这几家|这些单位)?(?:一共|加起来|合计|总共|总计|共)+"
    r"(?:一共|是|有)?(?:多少|几)?[个项人笔万元钱天]*(?:呢|啊|呀)?"
)
# What is left of "X具体怎么做的?" once the unit is out: asking how, with no topic of its own ("他们后来咋改的").
_ONLY_HOW = re.compile(
    r"(?:他们|她们|它们|人家|后来|之后|随后|接着|具体|都|又|是|怎么|如何|咋|采取了?|做了?|干了?|搞了?|整改|改|处理|落实|解决|哪些|什么|啥|措施|办法|举措|"
    r"做法|情况|详细|说说|讲讲|介绍)+"
)
_ACROSS_WORDS = re.compile(r"有没有单位|有哪些单位|哪些单位|哪几家单位|哪几个单位|哪几家|哪些|哪家|[?？]")
_ASKS_WHICH = re.compile(r"(?:哪个|哪家|谁)更?[多少高低长短]")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,}|[a-zA-Z0-9]+")
# Answer-shape words a re-asked question may add ("也清退了吗", "清退了多少"): no new topic.
_QUESTION_TAIL = {"多少", "几个", "哪些", "什么", "了吗", "没有", "是否"}
# "哪家更多?", "谁的时间长?", "两家比呢?": a comparison among the units just talked about, not every unit.
_AMONG_THOSE = re.compile(
    r"(?:哪家|哪个|哪一个|哪一家|谁|哪边)[^,，。?？]{0,12}?(?:更|多|少|长|短|快|慢|高|低|早|晚)|"
    r"谁更|哪个更|两家|两个单位|(?:两个|它们|他们)(?=[^,，。?？]{0,3}(?:加起来|一共|合计|谁|哪))|俩(?![\u4e00-\u9fff]{0,3}(?:人|干部))|它们俩|相比|比较|对比|差多少|相差"
)
# Wording that asks about every unit in the library, whatever was discussed.
_EVERY_UNIT = re.compile(r"哪些|各单位|各个单位|所有|全部|每个|每家|[几两三四五六七八九十\d]+个单位|[几两三四五六七八九十\d]+家|资料库|库里")
_UNIT_COUNT = re.compile(r"(\d+|[两三四五六七八九十])(?:个单位|家)")
_DISCUSSED_TURNS = 3  # user questions looked back on for the units being compared
# Turns of the conversation read for a follow-up: a chain of six exchanges, plenty for "那X呢" chains.
MAX_HISTORY_TURNS = 12


def units_in_history(history: Sequence[dict], directory: UnitDirectory, as_written: bool = False) -> list[str]:
    """Units named in the most recent turn pair that names any, user turn first (as_written: a section unit of a
    notice on several units by its own name, not the unit its notice is filed under)."""
    for turn_index in range(len(history) - 1, -1, -1):
        turn = history[turn_index]
        content = str(turn.get("content", ""))
        if turn.get("role") == "assistant":  # a which-units answer's units that do not qualify are not discussed
            content = "\n".join(line for line in content.splitlines() if not line.startswith(NO_CONTENT_UNITS))
        find = (lambda text: units_as_written(text, directory)) if as_written else directory.find_units
        units = find(content)
        if turn.get("role") == "assistant" and turn_index > 0:
            # The user's question of that exchange defines its scope better than the reply.
            asked = find(str(history[turn_index - 1].get("content", "")))
            units = asked or units
        if units:
            return units
    return []


def condense_with_rules(history: Sequence[dict], question: str, directory: UnitDirectory) -> str:
    """The question as it would be asked on its own, given the conversation before it."""
    question = without_pointers_in_names(question.strip(), directory)  # "雩山那个机电学院": the unit's name
    question = without_description(question, directory)  # "那个管疫苗的疾控中心呢"
    question = named_by_common_kind(question, directory)  # "柳林社区医院": its 社区卫生服务中心
    question = without_restated_kind(question, directory) if history else question  # "那个开发区呢 盘龙城"
    history = list(history)[-MAX_HISTORY_TURNS:]
    # Units asked about: those the library holds, and names of units it lacks ("那长岭镇呢?" is about 长岭镇).
    named = units_as_written(question, directory) + unknown_unit_names(question, directory)
    if history and not named and (described := named_by_description(question, directory, lambda t: _residue(t, directory))):
        question, named = described, units_as_written(described, directory)  # "那个卫生院呢": the one 卫生院 held
    question = switch_then_ask(question, directory)
    if history and not named and _AMONG_THOSE.search(question):
        discussed = _units_discussed(history, directory)
        if len(discussed) < 2:  # "哪个多?" after a which-units answer: the units it listed
            discussed = units_in_history(history, directory)
        # "哪家追回的钱更多?" / "两家谁整改得好?" after talking of two units compares those two;
        # "五个单位里谁…" in a library of five means every unit.
        every = _EVERY_UNIT.search(question) and _units_counted(question) != len(discussed)
        if len(discussed) >= 2 and not every:
            if _BARE_WHICH.fullmatch(bare := _PUNCTUATION.sub("", question)) or _BARE_SUM.fullmatch(bare):
                # "哪个多?", "两家加起来多少?" name no figure: the one the previous question asked about.
                previous_question = _previous_exchange(history, directory)[0]
                topic = _topic_of(previous_question, directory, len(discussed)).rstrip("?？")
                return f"{'和'.join(discussed)}{topic}?{question}"
            return f"{'和'.join(discussed)}:{question}"
    if not history or (asks_across_units(question) and not points_at_a_figure_said(question, history)):
        return question  # "今年那120个分在哪些乡镇": a figure the last answer gave, split within its unit
    previous_question, previous_answer = _previous_exchange(history, directory)
    residue = _residue(question, directory)
    if previous_question and named and residue and (compared := _COMPARED_WITH.fullmatch(residue)):
        # "跟东湖比呢?", "那东湖多还是云岭多?": the previous question for these units side by side.
        units = list(dict.fromkeys([*directory.find_units(previous_question), *named])) if len(named) == 1 else named
        topic = _topic_of(previous_question, directory, len(units))
        more = next((f"哪个更{w}?" for w in "多少高低长短" if w in compared.group(0)), "哪个更多?" if "多少" in topic else "")
        return f"{'和'.join(units)}{topic}{'' if _ASKS_WHICH.search(topic) else more}"
    if previous_question and (is_elliptical(question, directory) or (named and _asked_again(question, previous_question, directory))):
        units = named or _other_units(question, history, directory)
        if units:
            elliptical = is_elliptical(question, directory)
            topic_question = _topic_question(history, directory) if elliptical else previous_question
            return f"{'、'.join(units)}{with_done_asked(_topic_of(topic_question, directory, len(units)), previous_answer)}"
    if named and previous_question and (aspect := switched_aspect(residue, _topic_of(previous_question, directory, len(named)))):
        return f"{'、'.join(named)}{aspect}"  # "那榴溪镇在吃喝上呢?" after "菱渡街道在公车上有什么问题?"
    if not named and previous_question and _UNIT_POINTER.search(question) and (pointed := _other_units(question, history, directory)):
        # "后者具体怎么整改的?": the unit pointed at, on the topic of the last question.
        topic = _bare_topic(previous_question, directory, len(pointed))
        return f"{'、'.join(pointed)}:{_UNIT_POINTER.sub('', question)}" + (f"({topic})" if topic else "")
    if named and previous_question and (_ONLY_HOW.fullmatch(residue) or same_thing_of(question, previous_question)
                                        or asks_what_was_counted(residue)):  # "那X定了几条": what the last question counted
        # "松杨湖那边的村社区班子呢?" after "…两委换届弄得怎么样?": the last question asked of that thing of the unit.
        # "东临具体怎么做的?" after "哪几个单位提到了整治形式主义?": how the unit did the thing just asked about.
        topic = _bare_topic(previous_question, directory, len(named))
        topic = (not _ONLY_HOW.fullmatch(residue) and topic_of_thing(question, topic)) or topic  # "X的谈话记录呢"
        return f"{'、'.join(named)}:{question}({topic})" if topic else question
    return question if named else _of_units_before(question, residue, history, previous_question, previous_answer, directory)


def _of_units_before(question: str, residue: str, history: Sequence[dict], previous_question: str, previous_answer: str,
                     directory: UnitDirectory) -> str:
    """A follow-up naming no unit: asked of the units of the turns before, with what it points back at."""
    # "挨处分那个是干啥的" after a village of a town's notice: that village
    units = units_in_history(history, directory, as_written=not _ANOTHER.search(question))
    reference = "" if rule_for_the_matter(question) else (
        referenced_item(question, previous_answer, previous_question) or item_of_people_pointed(question, previous_answer))
    if not units:  # no unit to ask of, but "那钱" still points at the clause holding it
        return f"{asked_of_item(question, reference)}({reference})" if reference else question
    if reference:
        units = directory.find_units(reference)[:1] if points_at_a_unit(question) else units  # "第二家": that unit
        return f"{'、'.join(units)}:{asked_of_item(question, reference)}({reference})"
    if swapped := swapped_thing(question, previous_question):
        return swapped  # "副组长呢?" after "…领导小组组长是谁?"
    if _ONLY_HOW.fullmatch(residue) and previous_question:  # "那它是怎么改的?": how, on the last question's topic
        reference = _bare_topic(previous_question, directory, len(units))
    else:
        # "后来查实是多少?差的那部分为啥没入账": the first ask, too short to name what it counts, decides.
        first_ask = _residue(re.split(r"[?？,，;；]", question.strip())[0], directory)
        reference = _figure_topic(residue, previous_question, directory) or (
            _figure_topic(first_ask, previous_question, directory) if asks_bare_figure(first_ask) else "") or (
            _bare_topic(previous_question, directory, len(units)) if goes_on_with_topic(question) else "")
    return f"{'、'.join(units)}:{question}" + (f"({reference})" if reference else "")


def _bare_topic(previous_question: str, directory: UnitDirectory, new_unit_count: int) -> str:
    """The last question's topic without its across-units words and end punctuation."""
    return _ACROSS_WORDS.sub("", _topic_of(previous_question, directory, new_unit_count)).strip("?？:： ")


def _figure_topic(residue: str, previous_question: str, directory: UnitDirectory) -> str:
    """For "清了多少?" / "各建了多少项?": too short to say what is counted, so the previous question's topic."""
    if not previous_question or not asks_unnamed_figure(residue):
        return ""
    return _ACROSS_WORDS.sub("", _topic_of(previous_question, directory, 1)).strip("?？:： ").removeprefix("的")


def _units_counted(question: str) -> int:
    """How many units the question counts ("两家" 2, "三个单位" 3), or 0."""
    match = _UNIT_COUNT.search(question)
    return int(parse_chinese_number(match.group(1)) or 0) if match else 0


def _units_discussed(history: Sequence[dict], directory: UnitDirectory) -> list[str]:
    """The units the user's recent questions named, in the order first named."""
    asked = [str(t.get("content", "")) for t in history if t.get("role") == "user"][-_DISCUSSED_TURNS:]
    return list(dict.fromkeys(u for question in asked for u in directory.find_units(question)))


def is_elliptical(question: str, directory: UnitDirectory) -> bool:
    """True when nothing but unit names, pronouns and filler words is asked ("那东临呢?")."""
    return _residue(question, directory) == ""


def _residue(question: str, directory: UnitDirectory) -> str:
    """What a question asks once its unit names (held or not), pronouns, filler words and punctuation are out."""
    spans = [(b, e) for b, e, _ in written_mentions(question, directory)]
    spans += [(b, e) for b, e, name, _ in unit_like_names(question) if name in unknown_unit_names(question, directory)]
    residue = question
    for begin, end in sorted(set(spans), reverse=True):
        residue = residue[:begin] + residue[end:]
    return _PUNCTUATION.sub("", _ELLIPSIS_WORDS.sub("", residue))


def _asked_again(question: str, previous_question: str, directory: UnitDirectory) -> bool:
    """"东湖也清退了吗?" after "云岭区清退了多少…津补贴?": every word left is a word of the previous question."""
    # "那东临多少?": only a question word is left, so the previous question is asked again.
    words = _WORD.findall(_residue(question, directory))
    return bool(words) and all(w in previous_question or w in _QUESTION_TAIL for w in words)


def _previous_exchange(history: Sequence[dict], directory: UnitDirectory) -> tuple[str, str]:
    """The last user question, condensed against the turns before it, and the answer that followed."""
    for index in range(len(history) - 1, -1, -1):
        if history[index].get("role") == "user":
            asked = str(history[index].get("content", ""))
            answer = " ".join(str(t.get("content", "")) for t in history[index + 1 :] if t.get("role") == "assistant")
            return condense_with_rules(history[:index], asked, directory), answer
    return "", ""


def _topic_question(history: Sequence[dict], directory: UnitDirectory) -> str:
    """The last question that set a topic, condensed: "白鹭湾镇有没有类似的?" after "那笔油费是谁退的?" asks
    the question that answer's item came from, since 那笔/第二条 point into the last unit's answer only."""
    users = [i for i, t in enumerate(history) if t.get("role") == "user"]
    for index in reversed(users):
        asked = str(history[index].get("content", ""))
        before = next((str(t.get("content", "")) for t in reversed(history[:index]) if t.get("role") == "assistant"),
                      "")
        if index == users[0] or directory.find_units(asked) or not referenced_item(asked, before):
            return condense_with_rules(history[:index], asked, directory)
    return ""


def _other_units(question: str, history: Sequence[dict], directory: UnitDirectory) -> list[str]:
    """For "另一个呢?" / "前者呢?": the unit of the earlier turns not asked about last."""
    if not (_OTHER_UNIT.search(question) or _FORMER_UNIT.search(question)):
        return []
    asked = [directory.find_units(str(t.get("content", ""))) for t in history if t.get("role") == "user"]
    seen = list(dict.fromkeys(u for units in asked for u in units))
    if _FORMER_UNIT.search(question):
        return asked[-1][:1] if asked and len(asked[-1]) >= 2 else seen[:1]
    if _LATTER_UNIT.search(question) and asked and len(asked[-1]) >= 2:
        return asked[-1][-1:]  # "后者" of "A和B…": B
    # The unit the last answer did not cover ("分别…?先说A。" -> B), else the one not asked about last.
    answered = directory.find_units(str(history[-1].get("content", ""))) if history[-1].get("role") == "assistant" else []
    for covered in (answered, asked[-1] if asked else []):
        others = [u for u in seen if u not in covered]
        if covered and others:
            return others[-1:]
    return []


def _topic_of(question: str, directory: UnitDirectory, new_unit_count: int) -> str:
    """A question with its unit names (and the connectors between them) taken out."""
    mentions = sorted(written_mentions(question, directory), reverse=True)
    topic = question
    for begin, end, _ in mentions:
        topic = topic[:begin] + "\x00" + topic[end:]
    topic = re.sub(rf"\x00(?:(?:{_CONNECTOR})\x00)*", "", topic)
    topic = re.sub(rf"^(那么|{_POINTER_WORD}|请问)?(它们|它|前者|后者)?", "", topic.lstrip(":\uff1a ,\uff0c"))
    if new_unit_count == 1 and len(mentions) >= 2:
        # A comparison asked again for one unit is a question about that unit.
        topic = COMPARISON.sub("", _ASKS_WHICH.sub("", topic))
        topic = re.sub(r"(分别|各自|都)", "", topic)
        topic = re.sub(r"(上|方面)\s*[?？]?$", "方面做了哪些工作?", topic, count=1)
    return re.sub(r"[?？][?？\s]+", "?", topic)

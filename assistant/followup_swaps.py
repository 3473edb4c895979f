"""Follow-ups that keep the last question and swap one part of it for what they name.

- a thing in place of the one asked ("副组长呢?" after "…整改领导小组组长是谁?": 组长 -> 副组长);
- a thing of another unit sharing words with the one asked ("松杨湖那边的村社区班子呢?" after "…村社区两委换届…?");
- an aspect in place of the one asked ("那榴溪镇在吃喝上呢?" after "菱渡街道在公车上有什么问题?").
"""

from __future__ import annotations

import re

import jieba.posseg

# "副组长呢?", "那党纪处分呢?": a thing and nothing else asked.
_ONLY_A_THING = re.compile(r"(?:那|那么)?(?:其中|里面|当中)?的?([\u4e00-\u9fff]{2,8})呢[?？!！。\s]*")
# "在吃喝上", "在公车方面", "在用人这块": the aspect a question is asked on.
_ASPECT = re.compile(r"在([\u4e00-\u9fff]{1,10}?)(上|方面|这块|那块)")
# The aspect as left once filler words are out ("在公车方面呢" leaves "在公车").
_ASKED_ASPECT = re.compile(r"在([\u4e00-\u9fff]{1,10}?)(上|方面|这块|那块)?")
# "X(那边)的<thing>呢?": a unit and a thing of it, asking nothing of its own (no question word).
_A_THING_OF_A_UNIT = re.compile(r"(?:那|那么)?[^,，?？]{2,24}?(?:那边|这边)?的(?!.*(?:什么|啥|哪|多少|几|怎么|咋|如何|谁|吗|是否|有没有))"
                           r"([\u4e00-\u9fff]{2,8})呢")
_PUNCTUATION = re.compile(r"[\s,，。.?？!！:：;；…~]+")
MIN_SHARED_CHARS = 2  # a swapped thing ends with at least this many characters of a word of the last question
# How the last question asked, with the light verb before it ("搞了多少次", "弄得怎么样"): no part of its topic.
_ASKING_TAIL = re.compile(r"(?:开展|进行|组织|召开|出现|存在|搞|弄|做|办|干|整|抓|出|有|是)?[了得]?(?:多少|几|怎么|怎样|咋|如何|什么|啥|哪|吗|是否|有没有|了没).*$")


def topic_of_thing(question: str, previous_topic: str) -> str:
    """For "X的谈话记录呢?" after "…班子成员谈心谈话搞了多少次?": the last topic from the word the thing shares on,
    without how it was asked ("谈话"), so neither the last unit's own words nor its count are asked of X; or ""."""
    thing = _A_THING_OF_A_UNIT.fullmatch(_PUNCTUATION.sub("", question))
    if not thing:
        return ""
    name = thing.group(1)
    at = next((found for i in range(len(name) - 1) if (found := previous_topic.find(name[i : i + 2])) != -1), -1)
    if at == -1:
        return ""
    begin = 0
    for word in jieba.lcut(previous_topic):  # from the start of the word holding the shared characters
        if begin + len(word) > at:
            break
        begin += len(word)
    return _ASKING_TAIL.sub("", previous_topic[begin:]).strip()


def swapped_thing(question: str, previous_question: str) -> str:
    """The last question with its word swapped for the thing asked ("组长" -> "副组长"), or ""."""
    match = _ONLY_A_THING.fullmatch(question.strip())
    if not match or not previous_question:
        return ""
    thing = match.group(1)
    if thing in previous_question:
        return ""
    for size in range(len(thing) - 1, MIN_SHARED_CHARS - 1, -1):
        tail = thing[-size:]
        at = previous_question.rfind(tail)
        if at != -1:
            begin = at - _sibling_length(previous_question[:at], thing[:-size])
            return previous_question[:begin] + thing + previous_question[at + size :]
    return ""


def _sibling_length(before: str, modifier: str) -> int:
    """Length of the word right before the shared part when it is a sibling of the follow-up's modifier (政务 of
    "政务处分" for 党纪 of "党纪处分": same length, same part of speech), which the modifier replaces; else 0 ("领导小组组长"
    for "副组长": 副 is added)."""
    words = [(pair.word, pair.flag) for pair in jieba.posseg.cut(before)] if before and modifier else []
    mine = [pair.flag for pair in jieba.posseg.cut(modifier)] if words else []
    if not words or len(mine) != 1:
        return 0
    word, flag = words[-1]
    return len(word) if len(word) == len(modifier) and flag == mine[0] and word != modifier else 0


def switched_aspect(residue: str, previous_topic: str) -> str:
    """The last question's topic on the aspect the follow-up names ("在吃喝上" for "在公车上"), or ""."""
    asked = _ASKED_ASPECT.fullmatch(residue)
    if not asked or not _ASPECT.search(previous_topic):
        return ""
    return _ASPECT.sub(lambda old: f"在{asked.group(1)}{old.group(2)}", previous_topic, count=1)


def same_thing_of(question: str, previous_question: str) -> bool:
    """"松杨湖那边的村社区班子呢?" after "盘龙城村社区两委换届…?": a thing of the unit, sharing words with the last question."""
    thing = _A_THING_OF_A_UNIT.fullmatch(_PUNCTUATION.sub("", question))
    return bool(thing) and any(thing.group(1)[i : i + 2] in previous_question for i in range(len(thing.group(1)) - 1))


# "查出多少问题", "指出了几个问题": the last question asked how many problems were found.
_ASKS_FOUND = re.compile(r"(?:查出|查找出|发现|指出|反馈|找出|巡出|查到)[^,，。?？]{0,4}?(?:多少|几)个?(?:问题|方面)")
# "已完成整改16个", "整改完成16个", "已整改16个": the last answer gave the done count beside it.
_DONE_SAID = re.compile(r"(?:已?完成整改|整改完成|已整改|已完成|已经?改完)了?[\d一二两三四五六七八九十]+[个项条]")
_ASKS_DONE = re.compile(r"整改|完成|改完|改了")


def with_done_asked(topic: str, previous_answer: str) -> str:
    """"那水务局呢" after "查出多少问题" answered with found and done: the done count is asked of the new unit too."""
    if _ASKS_FOUND.search(topic) and _DONE_SAID.search(previous_answer) and not _ASKS_DONE.search(topic):
        return f"{topic.rstrip('?？')},已完成整改多少个?"
    return topic

"""The words of a question that say what it is about, without the wording that asks across units.

"哪几家单位要求一把手最后表态?" is about 一把手 and 最后表态: "哪几家单位" only says the answer is a list
of units. Left among the search terms, such wording (几家, a rare token) outweighs the topic, so a
unit's line would quote whatever passage happens to say 几家. Single-character function words a
question is phrased with ("给基层减负": 给) are not the topic either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.qualify import WHO_AS_UNITS
from assistant.unit_kinds import asked_kinds
from assistant.units import ACROSS_UNITS

# That the inspection raised it ("被巡察点了名", "被巡察指出了问题"): true of every problem in every
# notice, so it tells no unit apart; and a unit class word left after the asking words ("哪几家单位").
_RAISED_BY_INSPECTION = re.compile(
    r"被?(?:巡[察视](?:组)?)?(?:点了?名|指出了?|发现了?|查出了?)(?:的)?(?:问题)?(?=\W|$)|被巡[察视](?:组)?"
)
_LEFT_CLASS_WORD = re.compile(r"(?<=\s)(?:单位|家)")
# How a question says something went wrong ("三会一课不规范", "食堂出了问题"): notices say it in their own words
# (记录不全, 管理混乱), so it tells no unit apart; the thing that went wrong is the topic.
_WENT_WRONG = re.compile(r"(?<=[\u4e00-\u9fff”\"])(?:不规范|不到位|不严格?|不力|不够|不全|有问题|出[了过]?问题|(?:有|的)毛病"
                         r"|(?:有|的|藏着?|搞)(?:猫儿?腻|名堂|鬼)|出[了过]?(?:岔子|乱子|娄子|纰漏|差错)"
                         r"|没(?:有)?(?:搞|做|弄|抓|管|落实)好)(?=\W|的|了|$)")
# A hazard or loophole in something ("安全隐患", "安全上有漏洞"): notices state it as that thing's fault
# (消防安全措施不到位), so the thing is the topic; a bare "有隐患"/"排查隐患" keeps the word.
_FAULT_NOUN = re.compile(r"(?<=[\u4e00-\u9fff”\"])(?<!有)(?<!存在)(?<!排查)(?<!消除)(?<!整改)(?<!发现)(?<!查出)"
                         r"(?:上|方面)?(?:存在|有)?(?:隐患|漏洞)|(?<![\u4e00-\u9fff])(?:存在|有)(?=[\u4e00-\u9fff]{2,8}?(?:隐患|漏洞))")
# Who it happened to, said vaguely ("有人挨了诫勉", "给自己人乱发补贴"): a notice names the sanction or the money,
# never "有人" or "自己人", so these tell no unit apart.
# That it was caused ("闹出过网上负面舆情"): what was caused is the topic.
_SOMEONE = re.compile(r"(?:有没有|有)(?:人|干部)(?=被|挨|受|遭|因|吃)|吃了?(?=处分|警告|记过|批评|通报)|(?<=谁)存在"
                      r"|给?自[己家]人|(?:闹|捅|惹)出[了过来]*"
                      r"|给(?:干部职工|职工|员工|干部|内部人员?|个人)(?=[乱滥瞎多违私]?发|补|报)")
# Emphasis that says how hard a unit acted, not on what ("在工程款上动了真格"): no topic of its own.
_EMPHASIS = re.compile(r"(?:上)?(?:动了?真格的?|来真的|较了?真|下了?(?:狠|大)?(?:功夫|力气)|真刀真枪|实打实)")
# How far apart units are ("差别大吗", "区别在哪", "差距"): what a comparison asks, never its topic.
_HOW_APART = re.compile(r"(?:有)?(?:什么|啥)?(?:差别|区别|差距|差异(?!化))(?:大|多|在哪儿?)?")
# Where and that something was done, said vaguely ("公车这块有整改动作"): the thing (公车) is the topic.
# That the notice says it ("材料写出了", "通报里提到", "的姓名"): where and how the answer is said, never its topic.
_SAID_IN_NOTICE = re.compile(
    r"(?:的)?(?:材料|通报|文件|原文)(?:里面?|中|上)?(?=写|提|说|讲|列|载)|(?:里|中)?(?:写出|写明|写到|写了|提到|提及|说到|列出|载明)了?"
    r"|(?:的)?(?:姓名|名字|全名)|(?:有|还有)(?:什么|啥|些)?(?:说法|提法|表述|讲法)"  # "这块谁有说法": which notice says it
)
# How it was mended ("放管服咋改的", "改了啥"): asks for the measures, never a topic (改 would meet 退改, 改革 anywhere).
_HOW_MENDED = re.compile(r"(?:咋|怎么|怎样|如何)(?:样)?(?:整)?改(?:的|了|呢|进)?|(?:整)?改了(?:啥|什么|哪些)")
# "哪几家动了公车的问题": 动了 right after the asking words says a unit dealt with the thing, not what.
_VAGUE = re.compile(r"(?:这|那)一?(?:块儿?|方面)|(?<=整改)动作|(?:有|做了|采取了?)(?:什么|啥|些|哪些)?动作|(?:(?<=\s)|^)动了")

# The topic a question sets itself in ("合同这块", "在党建方面", "家底不清这事儿", "环保上东临和…"): X of "X这块/X方面/
# 在X上", or "X上" opening the question; 上 of 上半年/上级/上次 is no frame.
TOPIC_FRAME = re.compile(r"(?:(?:^|[,，])在?|在)((?:(?!在)[\u4e00-\u9fff]){2,8}?)(?:这块|那块|这一块|那一块|方面|领域|这事儿?|这件事儿?|那事儿?)"
                         r"|在([\u4e00-\u9fff]{2,8}?)上(?![半级年月次])|^([\u4e00-\u9fff]{2,6}?)上(?![半级年月次])")


def framed_topic(question: str) -> str:
    """The topic the question frames itself in ("合同这块,…谁的问题大点": 合同), or ""."""
    match = TOPIC_FRAME.search(question)
    return next((group for group in match.groups() if group), "") if match else ""


# Asking at which units something happened in words ACROSS_UNITS does not hold ("谁那儿…", "…的单位有谁", "…的有哪些", "…的都谁").
_WHICH_PLACE = re.compile(
    r"^(?:在)?哪(?:儿|里)(?!个)|谁(?:的)?那(?:儿|里|边)|(?:的)?单位(?:有|是)谁|(?:的)?(?:有|是)哪些(?=\W|$)|(?:的)?都(?:有|是)?谁(?=\W|$)"
)
# Asking for units, that the inspection found it ("谁那儿查出…", "被点名…", "被点出来", "营商环境挨批的") is true of
# every unit's problems; a person criticised ("有干部挨批") is a sanction, not the finding.
_FOUND_ANYWHERE = re.compile(r"被?(?:巡[察视](?:组)?)?(?:查出|查到|点了?名|指出|点出来?)了?|(?<![人谁员部长])(?:挨|被)批(?:评)?了?")
# A reduplicated word says the word once ("吃吃喝喝" is 吃喝, "研究研究" is 研究): notices write the plain word.
_AABB = re.compile(r"([\u4e00-\u9fff])\1([\u4e00-\u9fff])\2")
_ABAB = re.compile(r"([\u4e00-\u9fff]{2})\1")


def said_once(text: str) -> str:
    """The text with its reduplicated words said once ("吃吃喝喝" → 吃喝, "研究研究" → 研究)."""
    return _ABAB.sub(r"\1", _AABB.sub(r"\1\2", text))


# Prepositions, particles, modal verbs, passive markers ("挨了诫勉": 挨) and light verbs ("搞工程": 搞) jieba
# leaves as tokens of their own ("啥时候能弄好": 能): phrasing, never a topic.
_FUNCTION_CHARACTERS = frozenset("给在对把被让向从为将与和及或跟同帮能可想该得挨遭搞弄")


def _asks_for_units(question: str) -> bool:
    """Whether the question asks which units (哪几家, 谁那儿, 都有谁), not which things ("X有哪些隐患")."""
    return bool(ACROSS_UNITS.search(question) or _WHICH_PLACE.search(question) or re.search(WHO_AS_UNITS, question))


def without_asking_words(question: str) -> str:
    """The question with its "which units / each unit" wording, that the inspection raised the thing, and
    emphasis ("动了真格"), how far apart units are ("差别大吗"), vague wording ("这块", "有动作"), that the notice says it ("材料写出了"), the kind of
    unit asked about ("哪些镇": 镇) and generic wording of a fault ("不规范", "出了问题"; "隐患" when units are asked for)
    blanked out (the rest unchanged)."""
    blanked = _WHICH_PLACE.sub(" ", ACROSS_UNITS.sub(" ", question))
    if _asks_for_units(question):  # units asked for ("谁查出…"), not "指出了哪些问题"
        blanked = _FOUND_ANYWHERE.sub(" ", blanked)
    blanked = _RAISED_BY_INSPECTION.sub(" ", _LEFT_CLASS_WORD.sub(" ", blanked))
    blanked = _SAID_IN_NOTICE.sub(" ", _VAGUE.sub(" ", _EMPHASIS.sub(" ", _HOW_APART.sub(" ", blanked))))
    for kind in asked_kinds(question):  # "哪些镇…镇党委书记": every unit asked about is a 镇, so 镇 is no topic
        blanked = blanked.replace(kind, " ")
    if _asks_for_units(question):  # which units have 安全隐患: those stating a fault of 安全; one unit's 隐患 stays a word
        blanked = _FAULT_NOUN.sub(" ", blanked)
    return _HOW_MENDED.sub(" ", _WENT_WRONG.sub(" ", _SOMEONE.sub(" ", blanked)))


# Words a question tells time with ("那笔钱后来退回去了吗?", "现在还剩多少", "还有几个", "这次巡察…"), and the asker's
# ways of saying "what happened" ("那事是咋回事", "弄得咋样"): the asker's narrative, never a topic.
_NARRATIVE_WORDS = frozenset({"后来", "之后", "现在", "如今", "还有", "回事", "咋样", "怎么样", "这次", "此次", "本次", "这回"})
# A word pointing at something said before ("那块", "这笔", "那事"): it stands for the topic, it is not one.
_POINTING = re.compile(r"[这那][个块事笔些边次回件项种样儿里头位轮批趟]")  # also "那轮巡察": that round


def topic_tokens(tokens: Iterable[str]) -> list[str]:
    """Tokens without the single-character function words, narrative and pointing words a question is phrased with."""
    return [token for token in tokens
            if not (len(token) == 1 and token in _FUNCTION_CHARACTERS) and token not in _NARRATIVE_WORDS
            and not _POINTING.fullmatch(token)]

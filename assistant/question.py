"""What kind of answer a question wants (a number, a date, a person, a notice's own metadata)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.asked_names import asked_name, names_asked
from assistant.qualify import WHO_AS_UNITS
from index.figures import mask_non_figures
from index.script_forms import simplified_reading
from index.vocabulary import (
    CLUE_QUESTION_WORDS, DATE_PATTERN, MEASURE_QUESTION_WORDS, MEASURE_WORDS, MONEY_PATTERN, MONEY_QUESTION_WORDS,
    APPROXIMATE, MONTHLESS_DATE, NUMBER_PATTERN, PEOPLE_QUESTION_WORDS, RULE_QUESTION_WORDS,
)

__all__ = [
    "DATE_PATTERN", "MEASURE", "MONEY_PATTERN", "NUMBER_PATTERN", "QuestionProfile", "RECORD_FIELD_WORDS",
    "has_person_name", "profile_question", "record_fields", "satisfies",
]

MEASURE = f"(?:{MEASURE_WORDS})"

# "那几个社区", "这几项": 那/这 before 几 points back at things named, it does not ask a count.
# "有几家出问题" counts units (answered by the list of units), "几家企业" a figure a sentence states.
NUMBER_WORDS = re.compile(r"多少|(?<![哪那这])几(?![位名个]?单位|家(?![^,，。?？]{0,3}?(?:企业|公司|机构|商户|供应商|门店)))|数量|金额|比例|比率|整改率|完成率|百分之|总数|合计|共计|一共")
MONEY_WORDS = re.compile(r"金额|多少钱|资金|经济损失|损失|款|元|费|津补贴|补助|奖金|礼金")
DATE_WORDS = re.compile(r"什么时候|啥时候|啥时|几时|何时|哪天|哪一天|哪日|日期|时间|哪年|哪一年|几月|几号|期间")
PERSON_WORDS = re.compile(
    r"(?<!单位)是谁(?!家)|(?<!单位)有谁(?!家)|由谁|谁[任兼担]|名字|姓名|叫什么|叫啥|哪位|哪几位|是何人|^谁(?!家|提到|提及|说到|写到|讲到|的?那[儿里边])"
    r"|谁[来去]?(?:出席|主持|讲话|参加|带队|负责|牵头|挂帅|代表|作了?|宣读|通报)|涉及到?(?:谁|哪些人|哪几个人|什么人)"
    r"|哪个(?=副?(?:书记|组长|主任|局长|校长|院长|领导))|(?:书记|组长|主任|局长|校长|院长)(?:是)?谁(?!家)"
)
# Questions about the notice's own dates: the event (巡察 or its 回头看, 反馈, 发布) right next to the date word.
_WHEN = r"(什么时候|啥时候|啥时|几时|何时|哪天|哪一天|哪日|时间|日期|期间|哪年|几月|几号)"
INSPECTION_DATE = re.compile(
    rf"(接受|进行|开展|开始)[^,。?]{{0,6}}巡[察视][^,。?反]{{0,4}}{_WHEN}|{_WHEN}[^,。?反]{{0,3}}(接受|进行|开展)?[^,。?反]{{0,3}}巡[察视](?!整改|反馈|意见)|{_WHEN}被?(?:查|巡)(?:了|过)?的(?=$|[?？呢啊吗。,，])"
    rf"|巡[察视](组)?(的)?[\s,，、]{{0,2}}{_WHEN}|巡[察视](?:是|在|从|于){{1,2}}{_WHEN}|巡[察视]时间|回头看[”\"]?(?:是|在|从|于|的)?{_WHEN}"
)
FEEDBACK_DATE = re.compile(rf"反馈[^,。?]{{0,6}}{_WHEN}|{_WHEN}[^,。?]{{0,6}}(?:反馈|收到[^,。?]{{0,2}}巡[察视]意见)")
PUBLISH_DATE = re.compile(rf"(发布|公布|印发|发出|落款|公开)[^,。?]{{0,6}}{_WHEN}|{_WHEN}[^,。?]{{0,6}}(发布|公布|印发|发出)")
WHICH_TEAM = re.compile(r"(哪个|哪一个|哪些|什么|哪)[^。?时]{0,6}?(巡察组|巡视组)|(?:哪个|哪一个|什么|啥)组(?:来|去|巡)|[被由](谁|哪)[^。?]{0,6}巡[察视]"
                        r"|谁(?:去|来)?巡[察视]?的|(巡察组|巡视组)[^。?]{0,4}(是|为)(哪|谁|什么)")  # also "是哪个组巡的", "是谁巡视的"

NOT_A_NAME = re.compile(r"[区县市省镇乡村部局委办厅处科组队所站院校会]$")
PLACE_AFTER = re.compile(r"[区县市省镇乡村湾街路山湖河江桥港岛州委局厅办]|公司|集团|中学|小学|社区")
# Common Chinese surnames: a tagged "name" must start with one (the tagger alone over-fires).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦"
    "戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻"
    "苑迟邝郦蔺鄢郜郗"
)


@dataclass(frozen=True)
class QuestionProfile:
    """The shape of answer a question asks for."""

    wants_number: bool = False
    wants_money: bool = False
    wants_date: bool = False
    wants_person: bool = False
    metadata_fields: tuple[str, ...] = ()  # notice metadata that answers it directly
    counted_in: str = ""  # pattern of the measure words the asked count may be stated in ("多少项" -> 项|个|条)
    role: str = ""  # the post whose holder is asked for ("党委书记是谁" -> 书记)
    name_asked: bool = False  # "叫什么/姓名": only a person's name answers, not the post that holds the role
    act: str = ""  # what the person asked for did at the meeting ("谁念的" -> 宣读): a name without it answers nothing
    wants_contact: bool = False  # "留了电话", "联系方式": only a phone number or an e-mail address answers
    asked_name: str = ""  # "firm" ("哪家施工单位干的"), "rule" ("出了啥规定"): only a sentence naming one answers


# "多少项/几个/多少人": the measure word of the asked count, and the ones a notice may state it in.
# "哪几家" asks which units, not how many: no count.
ASKED_COUNT = re.compile(r"(?<![哪那这])(?:多少|几)\s*(个人|万元|亿元|元|项|个?方面|个|件|人|名|条|起|次|家|所|笔|户|批|份|场|天|位)")
COUNTED_IN = {
    "个人": "人|名|位", "人": "人|名|位", "名": "人|名|位", "位": "人|名|位",
    "项": "项|条", "个": "个|项|件|条|类|方面", "方面": "个?方面", "个方面": "个?方面", "条": "条|项", "件": "件|起|个", "起": "起|件",
    "万元": "万元|亿元|元", "亿元": "万元|亿元|元", "元": "万元|亿元|元",
}
# Posts whose holder a question may ask for ("党工委书记是谁", "组长是谁").
# An organ before the post makes it another post (管委会主任 is not 办公室主任, 区委书记 not 市委书记; 巡察组组长 leads the inspection,
# not the unit's rectification group), so it is kept with it.
ROLE = re.compile(r"(?:管委会|办公室|纪委|纪工委|工会|人大|政协|巡察组|巡视组|[省市州县区镇乡]委)?副?(?:书记|组长|主任|局长|校长|院长|部长|县长|区长|镇长|乡长|主席|董事长|总经理)")
NAME_AFTER_ROLE = (
    r"{role}(?:同志)?(?:由|是|为)?\s*([{surnames}][\u4e00-\u9fff]{{1,2}})"
    r"(?=同志|表示|出席|主持|讲话|宣读|传达|反馈|通报|作|代表|指出|强调|要求|带领|任|兼|向|为|在|对|[,，、。;；:：\s(（)）])"
)
# "以区委书记马军为组长", "由何云峰同志兼任办公室主任": the name before the post it takes.
NAME_BEFORE_ROLE = r"([{surnames}][\u4e00-\u9fff]{{1,2}})(?:同志)?(?:为|任|担任|兼任|出任)[^,，。;；]{{0,8}}?{role}"
# "成立以党工委主要负责同志为组长的领导小组", "成立区委书记任组长的领导小组": the post that holds the role,
# when the notice names no one; or a clause opening with the post ("成立…领导小组,集团党委书记任组长").
POST_BEFORE_ROLE = r"(?:(?:以|由|成立)[^,，。;；]{{2,24}}?|(?:^|[,，、;；:：])[^,，。;；]{{0,12}}?(?:书记|主任|局长|院长|校长|董事长|总经理|负责人|负责同志|主要领导))(?:同志)?(?:为|任|担任|兼任)双?{role}"
# "巡察的组长", "巡视时的组长", "巡察组组长": the inspection team's head, not the unit's rectification group's.
_INSPECTION_LEADER = re.compile(r"巡[察视](?:组|工作)?(?:时|期间)?的?(?:那个|这个)?(?:副)?组长")
# How notices name that head: "巡察组组长张三", "市委第二巡察组(组长张三)".
_OWN_GROUP = re.compile(r"(?:小组|整改)[^,，。?？]{0,4}组长")  # "整改领导小组组长": the unit's own group
INSPECTION_LEADER_ROLE = r"巡[察视]组\s*[（(]?\s*组长"
_LEADS = re.compile(r"谁(?:牵头|挂帅)|牵头人")  # who leads the rectification: its group's 组长
NAME_ASKED = re.compile(r"名字|姓名|叫什么|叫啥")
# "…被点名?都有谁?", "…舆情的有谁", "…没搞好的都(是)谁", "谁在X上…": units, unless a role comes first ("副组长都有谁").
_UNITS_AS_WHO = re.compile(r"(?:单位|哪几家|哪家|有几家)[^?？]*[?？,，]?\s*(?:都|还)?(?:有|是)谁(?![任兼担])"
                           rf"|(?:{WHO_AS_UNITS})(?![任兼担])")


def profile_question(question: str) -> QuestionProfile:
    """Read what a question asks for from its wording."""
    # "巡察期间挽回了多少", "整改期间处分了人": 期间 beside a figure word or before an act places it in time, asks no date.
    dates = [m.group(0) for m in DATE_WORDS.finditer(question)]
    wants_date = bool(dates) and not (set(dates) == {"期间"} and (NUMBER_WORDS.search(question) or re.search(r"期间(?![是为]?(?:[哪什几多啥]|$|[，,。?？]))", question)))
    wants_number = bool(NUMBER_WORDS.search(question)) and not wants_date
    fields: list[str] = []
    role = ROLE.search(question) if PERSON_WORDS.search(question) else None
    role_name = role.group(0).lstrip("副") if role else "组长" if _LEADS.search(question) else ""
    if role_name.endswith("组长") and (_INSPECTION_LEADER.search(question) or WHICH_TEAM.search(question)) \
            and not _OWN_GROUP.search(question):
        role_name = INSPECTION_LEADER_ROLE  # "去X巡察的组长", "哪个巡察组去的,组长谁": the team's head
    if WHICH_TEAM.search(question) and role is None:  # "巡察组组长是谁" asks for a person, not the team
        fields.append("inspecting_body")
    if wants_date and INSPECTION_DATE.search(question):
        fields.append("inspection_period")
    if wants_date and FEEDBACK_DATE.search(question):
        fields.append("feedback_date")
    if wants_date and PUBLISH_DATE.search(question):
        fields.append("publish_date")
    count = ASKED_COUNT.search(question) if wants_number else None
    named = asked_name(question)  # a document asked by its name ("方案叫啥名") asks for no person's
    return QuestionProfile(
        counted_in=_counted_in(question, count) if count else "",
        role=role_name,
        wants_number=wants_number,
        wants_money=wants_number and bool(MONEY_WORDS.search(question)),
        wants_date=wants_date,
        wants_person=bool(PERSON_WORDS.search(question)) and not named.startswith("document:")
        and not (_UNITS_AS_WHO.search(question) and not ROLE.search(question)),
        name_asked=bool(NAME_ASKED.search(question)), metadata_fields=tuple(fields),
        act=_asked_act(question),
        wants_contact=bool(CONTACT_ASKED.search(question)), asked_name=named,
    )


# What a person did that a who-question asks about ("谁主持的", "是谁念的反馈意见"), as notices write it.
# Who spoke at the meeting ("谁代表巡察组讲的"): a speech, or the feedback the team's head delivered;
# who led the inspection (谁带队): a sentence saying so, or naming the inspection team's 组长.
_SPOKE = "讲话|講話|反馈|反饋|宣读|宣讀|通报|通報"
# Who delivered the feedback ("谁去反馈的"): a name beside 反馈, or the team head who read it out.
_ACTS = {"主持": "主持", "宣读": "宣读|宣讀", "念": "宣读|宣讀", "读": "宣读|宣讀", "讲话": "讲话|講話", "带队": "带队|帶隊|巡[察视]组组长|巡[察視]組組長",
         "讲": _SPOKE, "说": _SPOKE, "反馈": "反馈|反饋|宣读|宣讀"}
_ASKED_ACT = re.compile(r"谁(?:来|去)?(?:代表[^,，。?？]{1,6}?)?(主持|宣读|念|读|讲话|带队|讲|说|反馈)")


def _asked_act(question: str) -> str:
    """The act a who-question asks the doer of, as a pattern over notice words, or ""."""
    match = _ASKED_ACT.search(question)
    return _ACTS[match.group(1)] if match else ""


def _counted_in(question: str, count: re.Match[str]) -> str:
    """The measure words a count may be stated in; "几个干部" counts people (名, 人), not 个; "多少项目" names
    no measure word (项 begins the noun 项目), so a count in any measure answers it ("12个项目")."""
    if _NOUN_FROM_MEASURE.match(question, count.end()):
        return ""
    if count.group(1) == "个" and _PEOPLE_NOUN.match(question, count.end()):
        return COUNTED_IN["人"]
    if count.group(1) == "个" and (_PEOPLE_HANDLED.search(question) or _PEOPLE_NOUN.search(question, 0, count.start())):
        # "开除党籍的各几个", "联系不上的党员找回来几个": people
        return f"{COUNTED_IN['个']}|{COUNTED_IN['人']}"
    return COUNTED_IN.get(count.group(1), count.group(1))


# Asked for how to reach the unit ("在通报里留了电话", "联系方式是什么"), and what a sentence answering it holds.
CONTACT_ASKED = re.compile(r"(?:留|公布|公开|写)[了有下]?[^,，。?？]{0,4}(?:电话|邮箱)|电话(?:号码)?(?:是)?多少|联系方式|联系电话")
CONTACT_PATTERN = re.compile(r"\d[\d\-—()（）]{3,}\d|[\w.]+@[\w.]+")
# The character after a measure word that makes it the start of a noun: 项目, 条款, 条例, 名单, 名额, 份额, 次数.
_NOUN_FROM_MEASURE = re.compile(r"[目款例单额数]")
_PEOPLE_NOUN = re.compile(r"(?:干部|党员|人员|责任人|同志|领导|教师|老师|职工|员工)")
_PEOPLE_HANDLED = re.compile(rf"{PEOPLE_QUESTION_WORDS}|开除|撤职|撤销.{{0,2}}职务|免职|辞[了掉退]|解聘|解雇")


def satisfies(profile: QuestionProfile, sentence: str) -> bool:
    """Whether a sentence has the kind of content the question asks for (a page in traditional script read
    in simplified form: 張慶忠 is a name like 张庆忠)."""
    sentence = simplified_reading(sentence)
    if profile.wants_date and not (DATE_PATTERN.search(sentence) or MONTHLESS_DATE.search(sentence)) or profile.metadata_fields == ("feedback_date",) \
            and not re.search(r"反馈|巡[察视]意见", sentence):
        return False  # asked when the feedback came, a date of the inspection itself does not answer
    if profile.wants_money and not MONEY_PATTERN.search(sentence):
        return False
    counts = mask_non_figures(sentence)  # "中央八项规定", "《三年行动方案》": numerals naming, not counting
    if profile.wants_number and not NUMBER_PATTERN.search(counts):
        return False
    if profile.counted_in and not re.search(
        rf"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*{APPROXIMATE}(?:{profile.counted_in})", counts
    ):
        return False  # asked how many 项, the sentence counts something else (个意识, 元)
    if profile.wants_contact and not CONTACT_PATTERN.search(sentence) or not names_asked(profile.asked_name, sentence):
        return False  # asked for a phone number (a firm), a sentence about a phone nobody answered (the works)
    if profile.wants_person and profile.act and not re.search(profile.act, sentence):
        return False  # asked who read the feedback, a sentence naming someone who did something else
    if profile.wants_person and not (
        names_holder_of(profile.role, sentence) if profile.role
        else names_holder_of(ROLE.pattern, sentence) or has_person_name(sentence)  # "副主任柯文涛出席"
    ) and not (profile.role and not profile.name_asked and re.search(POST_BEFORE_ROLE.format(role=profile.role), sentence)):
        return False
    return True


def names_holder_of(role: str, sentence: str) -> bool:
    """Whether the sentence names the person holding the post ("党委书记高光表示", "组长吴云向…")."""
    surnames = "".join(SURNAMES)
    for template in (NAME_AFTER_ROLE, NAME_BEFORE_ROLE):
        pattern = template.format(role=role, surnames=surnames)
        # "书记任组长": 任 is a surname, but a "name" holding a post (组长) is the post taken, not a person.
        if any(not PLACE_AFTER.match(m.group(1)[-1:]) and not ROLE.search(m.group(1)) for m in re.finditer(pattern, sentence)):
            return True
    return False


# jieba tags some common words beginning with a surname as names (杜绝 593, 毛病 807 in its dictionary); a
# person's name is rare there (马军 0, 李强 159; most absent). 200 keeps every name seen in the notices.
COMMON_WORD_FREQ = 200


# "周朝飞主持反馈会议": a name the tagger misses, read by what follows it at the head of a clause.
_NAME_BEFORE_DEED = re.compile(
    rf"(?:^|[,，。;；:：])[{''.join(SURNAMES)}][\u4e00-\u9fff]{{1,2}}(?=主持|出席|宣读|传达|代表|强调|指出|表示|讲话|作表态)"
)


# "由一级主任科员柯明远负责日常协调": a name the tagger misses, between a post and what the person does.
_NAME_AFTER_POST = re.compile(
    rf"(?:{ROLE.pattern}|科员|科长|干事|专员|委员)([{''.join(SURNAMES)}][\u4e00-\u9fff]{{1,2}}?)"
    r"(?=负责|主持|出席|宣读|传达|代表|强调|指出|表示|讲话|作表态|牵头|分管)"
)


def has_person_name(sentence: str) -> bool:
    """Whether the sentence names a person (jieba's part-of-speech tagger; organ and place names excluded)."""
    import jieba
    import jieba.posseg

    if any(not NOT_A_NAME.search(m.group(0)) for m in _NAME_BEFORE_DEED.finditer(sentence)):
        return True
    if any(not ROLE.search(m.group(1)) for m in _NAME_AFTER_POST.finditer(sentence)):
        return True

    position = 0
    for word, flag in jieba.posseg.cut(sentence):
        position += len(word)
        if (
            flag == "nr"
            and 2 <= len(word) <= 3
            # a rarer surname (竺秀兰) counts when the person does something right after (竺秀兰主持会议)
            and (word[0] in SURNAMES or _PERSON_DEED.match(sentence, position) is not None)
            and not NOT_A_NAME.search(word)
            and (jieba.dt.FREQ.get(word) or 0) < COMMON_WORD_FREQ  # 杜绝, 毛病: words, not people
            and not PLACE_AFTER.match(sentence, position)  # "白鹭湾镇", "云岫县": a place, not a person
        ):
            return True
    return any(
        (jieba.dt.FREQ.get(match.group(1)) or 0) < COMMON_WORD_FREQ and not _POST_WORD.search(match.group(1))
        for match in _NAME_BEFORE_AN_ACT.finditer(sentence)
    )


# A name the tagger cuts apart ("周朝/飞主持反馈会议"): a surname and one or two characters starting a
# clause, right before what a person does at a meeting (主持, 宣读, 讲话, 表态); not a common word
# ("安全强调") nor a post ("王书记主持").
_NAME_BEFORE_AN_ACT = re.compile(
    "(?:^|(?<=[,，;；:：、。\\s]))([" + "".join(sorted(c for c in SURNAMES if len(c) == 1))
    + "][\\u4e00-\\u9fff]{1,2}?)(?=主持|宣读|讲话|作讲话|作表态|表态|代表|出席|强调|指出|通报了)"
)
_PERSON_DEED = re.compile(r"主持|宣读|讲话|作讲话|作表态|表态|出席|强调|指出|通报了|同志")
_POST_WORD = re.compile(r"[区县市省镇乡村部局委办厅处科组队所站院校会书记长主任总]")


# Which notice-record fields (see index/records.py) a question is about, by its wording.
RECORD_FIELD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rules", re.compile(RULE_QUESTION_WORDS)),
    ("money", re.compile(rf"^(?!.*(?:投资|投入|投了|投进))(?s:.*?)(?:{MONEY_QUESTION_WORDS})")),  # money invested: no clawback
    ("people", re.compile(PEOPLE_QUESTION_WORDS)),
    ("clues", re.compile(CLUE_QUESTION_WORDS)),
    ("problems_found", re.compile(r"(反馈|指出|发现|查找|梳理|查出)[^,。?]{0,8}问题|问题[^,。?]{0,4}(多少|几|最多|最少|多|少)|(一共|总共|合计|共计|总计)多少个?问题")),
    # 整改措施 / 整改任务 (measures) are what a unit set itself to do: never answered with problem counts.
    ("measures", re.compile(MEASURE_QUESTION_WORDS)),
    ("problems_rectified", re.compile(r"完成|整改到位|(?<!修)(?:整?改了?多少|改[完好]?了?(?:多少|几))(?![稿次遍版回轮])|整改进度|进展")),
    ("problems_in_progress", re.compile(r"正在整改|未完成|尚未|在改|推进中|没(?:有)?(?:改|整改|完成|做)完|还剩")),
    ("completion_rate", re.compile(r"整改率|完成率|比例|百分")),
)


def record_fields(question: str) -> tuple[str, ...]:
    """Record fields whose figures answer the question (empty when it is not about such figures)."""
    fields = [name for name, pattern in RECORD_FIELD_WORDS if pattern.search(question)]
    if "problems_rectified" in fields or "problems_found" in fields:
        # Completion questions are answered by the found/rectified/in-progress figures together.
        fields.extend(f for f in ("problems_found", "problems_rectified", "problems_in_progress", "completion_rate") if f not in fields)
    return tuple(fields)

"""The domain's words (词表): how notices and questions word money, people handled, rules, clues, measures, dates, numbers.

One place for the word lists that figure extraction (index/records), question reading
(assistant/question.py, records_question.py, computed_answer.py), metadata and date arithmetic
share, so they cannot drift apart. Each constant is a regex alternation (a string) unless its name
says PATTERN. Lists meant for notices (what a notice writes) and for questions (how a user asks)
are kept apart where they differ on purpose; the comment says why.
"""

from __future__ import annotations

import re


def either(*alternations: str) -> str:
    """One regex alternation of several ("a|b", "c") -> "a|b|c"."""
    return "|".join(alternation for alternation in alternations if alternation)


# --- money (金额) ---------------------------------------------------------------------------------

# Money taken back from whoever got it (清退、追缴 ...): one 口径 that may be ranked and added.
CLAWBACK_ACTIONS = "清退|追缴|退缴|追回|收回|退还|退赔|退回|返还|补缴|缴回|上缴|上交|收缴|追偿|罚没|没收"
# What a user asking how much was recovered accepts: also arrears collected back (清收拖欠的租金). Not in the records'
# clawback totals, where a bank's 清收不良贷款 is loans collected, not money recovered.
TAKEN_BACK_WORDS = f"{CLAWBACK_ACTIONS}|清收"
# Every action a notice writes before a recovered amount: losses retrieved (挽回), clawbacks, savings;
# "避免/减少" count only with 损失 and "整改" only with 金额 (checked where the figure is read).
MONEY_ACTIONS = either("挽回", CLAWBACK_ACTIONS, "节约|节省|避免|减少|整改")
LOSS_WORDS = "挽回|损失"
SAVING_ACTIONS = "节约|节省"
# Money got back, asked in plain words ("收回的钱", "追回来多少钱"): the user does not tell losses retrieved
# (挽回经济损失) from clawbacks (追回违规资金), so both count.
RECOVERED_MONEY_QUESTION = r"(?:追|收|挽|要|拿)回来?了?[^,，。;；?？]{0,4}?钱"
# How a question asks about recovered money: the actions plus what users call it.
MONEY_QUESTION_WORDS = either(LOSS_WORDS, CLAWBACK_ACTIONS, "违规资金|金额|钱")
# A money question about one kind of money ("清退了多少津补贴") cannot be answered by every clawback figure.
# Kinds of money a question may narrow to, each with the words notices use for it ("津补贴" ~ 补助).
MONEY_KINDS = (
    "津补贴|津贴|补贴|补助", "奖金|奖励", "工程款|工程价款|计价款", "礼金|礼品|红包|购物卡",
    "差旅费|差旅", "油费|加油费|燃油费", "租金|房租", "薪酬|工资", "资料费|教辅费|补课费",
)
SPECIFIC_MONEY_WORDS = "津补贴|津贴|补贴|补助|奖金|礼金|费|工程款|公款|薪酬|工资|福利|租金|兼职|红包|购物卡|宴"

# --- people handled (处理人数) ---------------------------------------------------------------------

# Sanctions and treatments as notices word them, longest first so "党纪政务处分" wins over "处分".
PEOPLE_ACTIONS = (
    r"党纪政务处分|党纪政纪处分|党政纪处分|党纪处分|政务处分|政纪处分|纪律处分|党内严重警告|党内警告|严重警告|"
    r"撤销党内职务|留党察看|开除党籍|开除公职|政务警告|政务记过|政务记大过|政务降级|政务撤职|记大过|记过|"
    r"降级|撤职|免职|降职|调离岗位|调整岗位|岗位调整|组织调整|组织处理|诫勉谈话|诫勉|谈话提醒|提醒谈话|"
    r"教育提醒|批评教育|警示谈话|约谈|函询|通报批评|问责|立案审查调查|立案审查|审查调查|立案|留置|"
    r"移送司法机关|移送司法|移送检察机关|结案|了结|其他方式处理|处理处分|第.种形态|处分|处理"
)
# Words allowed between a people label and its count: "问责干部6人", "党内警告处分2人".
PERSON_WORDS = (
    r"了|共|共计|累计|处分|处理|谈话|相关责任人|责任人|领导干部|党员干部|公职人员|村干部|干部|党员|人员|同志|对象"
)
# Party and government sanctions: any one of them is a 处分.
SANCTION_WORDS = r"处分|警告|严重警告|记过|记大过|降级|撤职|开除|留党察看|撤销党内职务"
# How a question asks about people handled; "处理" alone is too common, so only with a head count.
PEOPLE_QUESTION_WORDS = r"处分|立案|诫勉|问责|谈话提醒|组织处理|党纪|处理了?多少人|处理.{0,4}人"

# --- rules (制度) ----------------------------------------------------------------------------------

NEW_RULE_VERBS = r"新制定|制定|新出台|出台|新建|新增|建立|建章立制"
REVISED_RULE_VERBS = r"修订|修改|完善|健全"
# Verbs a notice writes before rules made or revised, longest first ("新建立" before "新建").
RULE_VERBS = (
    r"新制定|制定|新出台|出台|新建|新增|新建立|建立健全|建立完善|建立|健全完善|健全|修订完善|修改完善|修订|修改|完善|废止|清理"
)
# Nouns a notice counts rules by, longest first.
RULE_NOUNS = r"规章制度|管理制度|制度性文件|制度办法|制度机制|制度文件|工作机制|长效机制|制度|机制|办法|规定|细则"
# The short nouns a question names rules by; "规定精神" (the spirit of a rule) is not a count of rules.
RULE_QUESTION_WORDS = r"制度|办法|机制|规定(?!精神)"

# --- clues (线索、信访) ----------------------------------------------------------------------------

CLUE_NOUNS = r"问题线索|信访举报件|信访举报|信访件|信访案件|信访问题|线索"
CLUE_ACTIONS = (
    r"移交|移送|转交|交办|转办|受理|收到|接收|已办结|办结|查结|化解|核查|初核|查实|处置|"
    r"正在办理|正在核查|尚在办理|在办|未办结"
)
CLUE_QUESTION_WORDS = r"线索|信访"

# --- measures (整改措施、整改任务) -----------------------------------------------------------------

# 整改措施 / 整改任务: what the unit set itself to do, counted apart from the problems found.
# "86项细化整改措施": a measure noun may be qualified as detailed (具体, 细化).
MEASURE_NOUNS = r"(?:具体|细化|细化的|具体的)?(?:整改措施|整改任务清单|整改任务|任务清单|整改举措)"
MEASURE_VERBS = r"制定了?|细化为|细化成|分解为|分解成|形成|列出|明确|梳理出|提出|反馈的"
MEASURE_QUESTION_WORDS = r"措施|举措|整改任务|任务清单|具体任务"

# --- problems and rectification (问题、整改) -------------------------------------------------------

RECTIFIED_WORDS = r"已整改到位|整改到位|已完成整改|完成整改|已整改完成|整改完成|已按期完成|按期完成|已全部完成|已完成|已整改|已销号"
IN_PROGRESS_WORDS = (
    r"正在整改|正在推进整改|整改中|尚未完成整改|尚未完成|未完成整改|未完成|未整改到位|持续整改|"
    r"正在持续推进|正在推进|持续推进中"
)
RATE_WORDS = r"整改完成率|整改到位率|整改率|完成率|销号率|办结率"

# --- totals, plans, negation ----------------------------------------------------------------------

TOTAL_WORDS = r"共计|合计|总计|累计|共|计"
# Plans, not facts: "需完成整改1项", "计划年底前完成整改5项", "应退还5万元" ("目前" is not a plan).
MODAL_WORDS = ("需", "将", "拟", "要", "应", "计划", "预计", "力争", "争取", "确保", "底前", "月前", "日前", "年前")
NEGATION_WORDS = ("未", "无", "不", "没")

# --- dates (日期) ----------------------------------------------------------------------------------

# A year in digits or Chinese numerals ("2023", "二〇二三", "二○二三": notices use both 〇 and ○).
YEAR_NUMERAL = r"\d{4}|[〇○零一二三四五六七八九]{4}"
YEAR = rf"(?:{YEAR_NUMERAL})\s*年"
MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
# A month or day number as date arithmetic reads it (loosely: parse_date checks the calendar).
DATE_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
ISO_DATE = r"(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})"
# "2023.6.28", "2024/3/18": house styles for dates (a four-digit year first, so that 12.35万元 is no date).
DOTTED_DATE = r"\d{4}(?:\.(?:1[0-2]|0?[1-9])\.|/(?:1[0-2]|0?[1-9])/)(?:3[01]|[12]\d|0?[1-9])(?![\d./])"
# Between the two ends of a period: "4月6日至5月30日", "2023年4月—5月".
PERIOD_SEPARATOR = r"起?\s*(?:至|到|——|—|–|－|-|~|～)"
# Anything that looks like a date in a sentence: a year, a month-day, an ISO date.
DATE_PATTERN = re.compile(rf"{DOTTED_DATE}|\d{{4}}\s*年|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{4}}\s*-\s*\d{{1,2}}\s*-\s*\d{{1,2}}|{YEAR}")
# A month-day whose 月 a web page lost ("914日" for 9月14日), only where one split alone is a date: 114日 may be
# 1月14日 or 11月4日 and is not read; after 第/共/用/历时 it counts days.
MONTHLESS_DATE = re.compile(r"(?<![\d.年月第共用时])(?:[2-9](?:[12]\d|3[01])|1(?:[123]0|31)|1[0-2](?:[12]\d|3[01]))日")
# A question limited in time ("2023年", "上半年"): records carry no date per figure.
TIME_LIMITED_PATTERN = re.compile(rf"\d{{4}}\s*年|{YEAR}|今年|去年|上半年|下半年|季度|\d{{1,2}}\s*月")

# --- numbers and measure words (量词) --------------------------------------------------------------

# Measure words a counted figure ends with in a sentence (question side: "does it state a number").
MEASURE_WORDS = (
    r"万元|亿元|元|个|项|件|人|名|条|所|次|户|起|家|批|份|场|篇|套|笔|万人|亩|平方米|%|％|个百分点|座|辆|村|栋|间|期|类|方面|处|本|台"
    # "提出四点意见": 点 counts points made, not a time of day ("8点召开") nor a spot.
    r"|点(?=[^,，。;；]{0,3}(?:意见|建议|要求|希望))"
)
# A count may be approximate: "90余人", "100多名".
APPROXIMATE = r"(?:余|多)?"
NUMBER_PATTERN = re.compile(rf"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)\s*{APPROXIMATE}(?:{MEASURE_WORDS})")
MONEY_PATTERN = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元)")
# Counters a figure in a notice is counted in; "个月" is a duration, not a count.
COUNT_UNITS = r"人次|人|名|件|起|大类|大方面|大项|方面|项|个(?!月)|条|类|套"

# --- unit names (单位简称) ------------------------------------------------------------------------

# How Chinese organ names are commonly shortened: (the formal wording as a pattern, its short form).
# One list for both directions: answers add the short form readers know to a formal name
# (住房和城乡建设局 → 住建局, 第二人民医院 → 二院), and a question naming a place with a state-owned
# company's short form ("雁汀城投") is read as naming a unit. Longest wording first. Territories'
# shorter types (经济开发区 → 开发区) are index/units.py's TYPE_ABBREVIATIONS.
COMPANY_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    (r"文化广电(?:和|体育)?旅游(?:体育)?|文化和旅游|文化旅游(?:发展|投资)?", "文旅"),
    (r"城市建设投资(?:发展)?|城市投资", "城投"),
    (r"交通(?:建设)?投资", "交投"),
    (r"城市发展(?:投资)?", "城发"),
    (r"(?<!城市)建设投资", "建投"),
)
# Kinds of unit people name by a shorter kind word, as a name of their own ("荻港中心校" for 荻港镇中心小学,
# "粮库公司" for 粮食收储有限公司): (the formal wording as a pattern, its short wording).
KIND_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    (r"中心(?:小学|学校)$", "中心校"),
    (r"粮食(?:收储|储备)", "粮库"),
    (r"红十字会$", "红会"),  # "红会": how people call the Red Cross
    (r"(?<=[\u4e00-\u9fff]{2})事务局$", "局"),  # "退役军人局" for 退役军人事务局
    (r"(?<=[\u4e00-\u9fff]{2})事务服务中心$", "事务中心"),  # "机关事务中心" for 机关事务服务中心
)
# Offices' short forms stay unit names only with their organ word (住建局, 医保局): "住建", "医保" alone
# also name a field or a fund, so a place before them is not read as a unit.
ORGAN_SHORT_FORMS: tuple[tuple[str, str], ...] = (
    (r"住房和城乡建设", "住建"),
    (r"人力资源和社会保障", "人社"),
    (r"卫生健康委员会|卫生健康委", "卫健委"),
    (r"卫生和计划生育委员会", "卫计委"),
    (r"市场监督管理", "市场监管"),
    (r"发展和改革委员会|发展改革委员会|发展和改革委|发展改革委", "发改委"),
    (r"国有资产监督管理委员会", "国资委"),
    (r"教育和体育|教育体育", "教体"),
    *COMPANY_SHORT_FORMS,
    (r"医疗保障", "医保"),
    (r"^最高人民检察院$", "最高检"),
    (r"^最高人民法院$", "最高法"),
    (r"中级人民法院$", "中院"),
    (r"交通运输局$", "交通局"),
    (r"纪律检查委员会", "纪委"),
    (r"红十字会$", "红会"),
    (r"第([一二三四五六七八九十]+)人民医院", r"\1院"),
    (r"第([一二三四五六七八九十]+)实验(?:中学|小学|学校)", r"\1实验"),
    (r"第([一二三四五六七八九十]+)高级中学", r"\1高"),
    (r"第([一二三四五六七八九十]+)中学", r"\1中"),
    (r"第([一二三四五六七八九十]+)小学", r"\1小"),
)


# --- short "label：value" lines (a "成绩单" notice: "反馈问题：4个方面18个", "已完成整改问题：16个") ---------------
# At most this many characters of label and of value; one-line figures of such notices are under 20, longer lines
# are sentences after a heading, whose colon still ends a clause.
LABEL_LINE_LABEL_CHARS, LABEL_LINE_VALUE_CHARS = 14, 30
LABEL_LINE = (
    rf"^[ \t\u3000]*[^\s，,。；;！？!?：:()（）]{{1,{LABEL_LINE_LABEL_CHARS}}}(?P<colon>[：:])[ \t\u3000]*"
    rf"(?=[^\n]{{0,{LABEL_LINE_VALUE_CHARS}}}$)(?=[^\n]*\d)[^\n]*$"
)

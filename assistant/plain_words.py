"""Plain words people ask in, and the official words notices write for the same thing.

Users say "管好公家的车" for 公务用车, "盯住一把手" for 对主要负责人的监督, "花钱的规矩" for 财务制度.
Neither keywords nor the small embedding model bridge such wording reliably, so a question's
plain phrases add the terms notices use; the search and the answer then look for both. Each
entry is a pattern over how questions are worded, never over a particular notice.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.vocabulary import MONEY_KINDS, SANCTION_WORDS, TAKEN_BACK_WORDS

# (how people put it, the words notices use for it)
PLAIN_WORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(plain), official)
    for plain, official in (
        (r"(?:一把手|主官|一号人物|头头)(?=[^,，。?？]{0,4}(?:是谁|叫什么|姓名|名字))", "主要负责人 党委书记 党组书记"),
        (r"一把手|主官|一号人物|头头|领导个人", "主要负责人"),
        (r"一个人说了算|一人说了算|一言堂|个人说了算|拍脑袋|个人拍板", "集体决策 议事决策规则 三重一大 民主集中制"),
        # "开会就一两个人说话", "别人都不吭声": a meeting where few speak, which notices write as how it decides.
        (r"(?:就|只有?)(?:一两|一|两|几)个人(?:在)?(?:说话|发言|讲话|表态)|(?:别人|其他人|大家|其他班子成员)(?:都)?(?:不|没)"
         r"(?:说话|发言|吭声|表态)|没人(?:说话|发言|吭声)",
         "民主集中制 议事 表态 发表意见 民主氛围"),
        (r"盯住|管住|看住|监督好", "监督"),
        # "调人有啥问题", "乱进人": people moved in, which notices write as 调入 (人 typed for 入) or 选调/借调.
        (r"调人|调进(?:来)?(?:的)?人|乱进人", "调入 选调 借调 人员调动"),
        (r"公家的车|公车|单位的车|公家车|用车|管车", "公务用车 车辆"),
        (r"花钱的规矩|花钱|乱花钱|管钱|钱怎么花|账目|管账|钱袋子", "财务管理 财务制度 经费 资金管理 账务"),
        (r"吃吃喝喝|大吃大喝|吃喝|请客|饭局|餐费|饭钱|伙食费", "接待 公务接待 超标准接待 宴请 餐费 招待费"),
        # "换个名目报销": spending booked under another heading, which notices write as 以…名义 列支/变相.
        (r"[换变改]个?(?:了|一)?个?(?:名目|名头|说法|名义)|巧立名目", "名义 变相 列支"),
        # "乱发补贴": 乱发 is the notices' 违规发放, and the money named (补贴) stays the user's word (补助 written meets it).
        (r"(?:乱|滥|瞎)发(?!文|通知)(?:钱|福利)?|多发钱|发钱|发福利|发补贴", "违规发放 津补贴"),
        (r"帮企业|企业难题|为企业|服务企业|企业办事|企业的事|企业解决", "营商环境 惠企 企业诉求 涉企 企业"),
        (r"老百姓|群众身边|家门口|百姓|民生的事", "群众 民生"),
        (r"走过场|做样子|搞形式|花架子", "形式主义 官僚主义 基层减负"),
        (r"文山会海|开会多|会多|发文多|文件多", "精文减会 发文 会议数量 形式主义"),
        (r"减负|减轻(?:\w{0,3})负担|负担重|填表多|报表多", "基层减负 精文减会 督查检查 报表 填表 留痕 形式主义"),
        (r"最后(?:一个)?(?:表态|发言|拍板)", "末位表态"),
        (r"[立定建出](?:了|的|下|台)?(?:几|多少|啥|什么|哪些|些)?[项条个套]?(?:新)?规矩|建章立制|堵漏洞|补漏洞|扎紧篱笆", "制度"),
        (r"拉项目|引项目|抓项目|引企业|招企业|拉企业|拉投资|引投资|引资|招商", "招商引资 招商 引进 签约 项目 产业"),
        (r"带队的?组长|带队的|领队|谁带队|带的队", "巡察组组长 巡视组组长 巡察组 巡视组 组长"),
        (r"收礼|送礼|红包", "礼品礼金"),
        # "项目投了多少钱", "投进去几个亿": money put into projects, which notices write as 完成投资 / 投入.
        (r"投(?:进去|下去|入)?了?(?:多少|几)(?:个亿|亿|万|钱)|投了多少|投(?:进去|下去)", "投资 完成投资 投入"),
        (r"买东西|买的东西|买设备|买家具|采买|买了?(?:啥|什么|哪些)", "购置 采购 配置"),
        (r"谁念的?|谁读的?|念的反馈|读的反馈", "宣读"),
        (r"开了(?:个|一个|次)?(?:哪些|什么|啥|几次|几个)(?:样的)?会", "召开 会议"),  # "开了个啥会": which meeting
        (r"开会(?:都|主要)?(?:干|做|研究|讲)了?(?:啥|什么|哪些)", "会议 听取 审议 研究 部署"),  # what a meeting did
        # "动作多快", "多久就改了": how soon it was acted on, which notices write as a time after the finding.
        (r"动作多快|多快|多久就|多长时间就|速度(?:怎么样|如何|咋样)", "当天 天后 立即 随即 第一时间 迅速"),
        (r"小金库|账外", "小金库 账外资金"),
        # Unlawful building in plain words; notices write the work against it (控建拆违, 拆除违建).
        (r"违建|违章建筑|乱搭乱建|私搭乱建", "违法建设 违法建筑 违建 拆违 控违"),
        # "下面的村", "连带查了社区": the villages or communities under a town or subdistrict, inspected with it.
        (r"(?:下面|底下|下边|下属|连带|顺带|捎带)[^,，。?？]{0,4}(?:村|社区)", "村级党组织 所辖 延伸巡察 社区党委 村(社区)"),
        (r"喝水|吃水|喝上水|吃上水|用上水|水喝|喝的水|吃的水", "饮水 供水 用水 水源 自来水"),  # drinking water, in plain words
        (r"工程的事|项目发包|发包|包工程", "招投标 工程项目"),
        (r"招投标|招标投标", "招标 投标 采购"),
        # Notices contract 招标投标 to 招投标, which holds no 招标: asked 招标, the contraction says it too.
        (r"(?<!投)招标(?!投标)", "招投标 招标投标"),
        (r"提拔干部|选干部|用干部|用人上|选人用人", "选人用人 干部选拔任用"),
        # "负责的人怎么处理的", "司机后来咋处理的": how people were dealt with is their sanction.
        # "处理了人没有", "处理人了吗": whether anyone was dealt with at all.
        (r"查处|处理了?(?:哪些|几|多少)个?人|处理了?(?:干部|人员|党员|责任人)|处理了?人(?=[了没吗么]|$)|挨处分|受处分|被处理|处理了谁|"
         r"(?:人|者|员|干部|司机)[^,，。?？]{0,4}(?:怎么|咋|如何|怎样)处理",
         "处分 问责 诫勉谈话 立案 组织处理 批评教育 谈话提醒"),
        # "干部不够", "缺人手": short of staff, which notices write as posts (编制) and cadres chosen and placed.
        (r"(?:干部|人手|人员|人)(?:不够|不足|紧缺|短缺|太少)|缺(?:干部|人手|人)", "编制 配备 选拔任用 干部队伍 人员不足"),
        # "以案促改": reform drawn from cases, which notices write as the warning and discipline work it is.
        (r"以案促改|以案为鉴|以案示警", "以案促改 警示教育 监督执纪 查处 第一种形态"),
        (r"追回来|拿回来|退回来|要回来|挽回来|退回去|退了回去|还回去|退给", "追回 挽回 清退 退缴 退还"),
        (r"交回去|缴回去|退还了|退没退|退了吗|还了吗", "退回 退还 清退 退缴 收缴"),
        (r"拨下去|拨下来|拨出去|发下去|拨了没|拨没拨|给到位", "下拨 拨付 拨付到位"),
        (r"辞[了掉退]|开掉|清退了?(?:几|多少)个?人", "解聘 辞退 清退"),
        (r"环保", "生态环境 污染防治"),
        # "改完" asks when it is done; "整改完成(率)" is the notices' own word, no plain phrase.
        (r"[清弄搞改做干办整]完(?!成)|收尾|打算什么时候|计划什么时候|啥时候", "完成 确保 力求 时限"),
        (r"(?<=谁)牵头|牵头人|挂帅", "组长 领导小组"),
        (r"找企业麻烦|找麻烦|刁难|折腾企业|为难企业", "涉企检查 重复检查 违规收费 营商环境"),
        (r"吃拿卡要|收好处|拿好处|收钱办事", "吃拿卡要 违规收受"),
        (r"乱收费|多收钱|乱收钱|收取费用|(?:违规|乱|多)收的?(?:费|钱)", "违规收费 乱收费 违规收取"),
        (r"上班摸鱼|溜号|不在岗|上班时间干私活", "脱岗 工作纪律"),
        (r"办事难|跑腿|跑多次|来回跑", "营商环境 一网通办 最多跑一次"),
        # "乱买衣服": clothes bought on the unit's money, which notices write as 购置/购买服装.
        (r"(?:乱|瞎|多|统一)?(?:买|做|订|发)(?:了)?(?:些)?(?:衣服|服装|队服|工作服)", "购置服装 购买服装 服装"),
        # "只写大家都同意": minutes recording assent without debate, which notices write as 均同意/未充分讨论.
        (r"(?:大家|全体|全都|都)(?:都)?同意|一致同意|没(?:有)?(?:人)?讨论|不讨论", "均同意 充分讨论 会议记录 议事"),
        # "班子一起学习": the leaders' study sessions, which notices write as 中心组学习.
        (r"(?:班子|领导)[^,，。?？]{0,4}(?:一起|集体|共同)学习|一起学习|集体学习", "中心组学习 理论学习中心组 集体学习"),
        # "培养接班人": growing the next generation, which notices write as 后备干部/后备人才.
        (r"接班人|后备力量|后继(?:无|有)人|培养年轻人", "后备干部 后备人才 年轻干部 储备"),
        # "自我批评那个会": the meeting named by its act, which notices write as 民主生活会/组织生活会.
        (r"自我批评(?:的|那个|那种)?会|批评(?:与|和)自我批评", "民主生活会 组织生活会 批评和自我批评"),
        # "网上乱发东西": what a unit posts online, which notices write as 网络/新媒体 and its 审核/备案.
        (r"网上(?:乱|瞎)?(?:发|贴|说)|网上的东西|网络上(?:乱)?发", "网络意识形态 新媒体 信息发布 审核 备案管理 网站"),
        # "网上这块": what a unit does online, which notices write as 网络/网站/线上 (网络问政, 网站排查, 网上办理).
        (r"网上(?!(?:乱|瞎)?(?:发|贴|说)|的东西)|线上|网络上(?!(?:乱)?发)", "网络 网站 网上 线上 互联网"),
        # "老师这块": teachers, which notices write as 教师/师资 (师生比 1:19 staffing, 最美教师).
        (r"老师|教书的", "教师 师资 教职工"),
        # "盯整改进度用了啥办法": keeping rectification on schedule, which notices write as 调度/督办/通报 of progress.
        (r"(?:盯|跟|督|催|抓)(?:着|住|紧)?(?:整改)?进度|进度[^,，。?？]{0,4}(?:咋|怎么)?(?:盯|管|催|督)", "调度 督办 通报 推进"),
        # "多久碰一次头": how often they meet on it, which notices write as a rhythm (每月/两周一调度, 例会, 定期).
        (r"碰(?:一次|一回|个)?头|多久[^,，。?？]{0,6}一(?:次|回)|多长时间[^,，。?？]{0,6}一(?:次|回)|几天一(?:次|回)",
         "调度 例会 会商 定期 每月 每周"),
        # "各发了啥文件": documents issued, which notices name as a 方案/通知 in 《》 with its number.
        (r"(?:发|出|印发|下发|出台)了?(?:啥|什么|哪些|几个|些)?文件", "方案 印发 通知 实施方案"),
        # "档案管得乱": a thing kept in disorder, which notices write as 管理不规范/混乱.
        (r"管得(?:很|太|有点|比较)?(?:乱|差|松|不好|不行)|乱糟糟|一团糟|乱七八糟", "管理不规范 管理混乱"),
        # "没算清就付": paying before the account is settled, which notices write as 结算/审核.
        (r"(?:没|未|还没)(?:算清|算完|结算|结清|核清)", "结算 审核 工程款 先支付"),
        (r"欠钱|欠款|欠账", "拖欠 清欠 欠缴"),
        (r"起诉|告上法庭|告到法院|打官司", "诉讼 提起诉讼"),  # "起诉了几户": notices write 依法提起诉讼
        # "后来出了啥规定管这事": a rule issued, which notices name as the 制度/办法 they issued.
        (r"(?:出|定|立|发|订|下)(?:了|过)?(?:个|些|哪些|啥|什么|几项|几条|几个|新的?)*(?:规定|文件|章程)", "制度 办法"),
        (r"没收上来|没收回来?|收不上来|收不回来?", "清收 欠缴"),
        (r"村里的钱|集体的钱|村集体的|村账", "村集体资金 集体资产 三资"),
        (r"惠民的钱|老百姓的钱|补贴发放|惠农的钱", "惠民惠农资金 民生资金"),
        (r"公家的钱|公款吃|公款玩", "公款"),
        (r"打招呼|说情|插手", "插手干预 打招呼"),
        (r"挂名|兼职拿钱|兼职", "违规兼职 兼职取酬"),
        (r"改得(?:怎么样|咋样|如何)|改好了?没|改完了?没|改到什么程度|整改情况(?:怎么样|如何|咋样)|整改进展(?:怎么样|如何)",
         "整改完成 整改到位 完成率"),
        (r"没完成|未完成|没整改完|还没(?:有)?(?:整改|完成|改)|尚未完成|没改完|没做完|剩下的?(?:那)?(?:几|两|个)",
         "正在推进 正在整改 持续推进 尚未完成"),
        # "村里集体那点家底": the village's collective assets, which notices write as 集体资产/三资/集体经济.
        (r"(?:村|集体)[^,，。?？\s]{0,5}家底|村里的?(?:资产|财产)", "集体资产 三资 集体经济 村集体"),
        (r"(?<!集体)(?<!那点)(?<!村里)(?<!村的)家底|公家的东西|公家财产", "国有资产 固定资产"),
        (r"老毛病|老问题|反复犯|一犯再犯|屡教不改|边改边犯", "屡查屡犯 边改边犯 反复出现"),
        (r"吃空饷|只拿钱不干活|挂名拿工资", "吃空饷 在编不在岗"),
        (r"扶贫的钱|扶贫款|脱贫的钱|衔接的钱", "扶贫资金 衔接资金 乡村振兴"),
        (r"吃低保|低保的事|关系保|人情保", "低保 最低生活保障 优亲厚友"),
        (r"养老钱|养老的钱|退休金", "养老金 养老保险"),
        (r"被约谈|找去谈话|挨批评|挨批|被批评", "约谈 通报批评 批评教育 谈话提醒"),
        (r"懒政|不干事|不作为|庸政|躺平", "不作为 慢作为 庸懒散 担当作为"),
        (r"办公室超标|办公室太大|办公面积", "办公用房"),
        (r"红白喜事|办酒席|办宴席|大办酒席", "婚丧喜庆 大操大办"),
        (r"面子工程|形象工程|政绩工程", "形象工程 政绩工程"),
        (r"亲属经商|家属做生意|亲戚做生意", "经商办企业 亲属"),
        (r"拆迁|征地", "征收 拆迁 征地"),
        (r"空置|没用上|放着不用|烂尾", "闲置 停工 烂尾"),
        (r"乱报销|多报销|报销的问题", "违规报销 报销"),
        (r"作风(?:问题|怎么样|建设)?|干部作风", "作风建设 工作作风"),
        (r"房子|铺面|店面|门脸", "房产 门面房 房屋"),
        (r"租出去|租给别人|出租出去|往外租", "出租 发包 租赁"),
        (r"(?:租|卖|包)得?(?:太)?便宜|便宜(?:租|卖|包)|贱卖|价格太低|价太低", "低价 偏低"),
        (r"收不上来|收不回来|收不回|要不回来|收不上", "拖欠 清欠 追缴"),
        (r"效果|改出(?:了)?(?:啥|什么)|改得怎样", "成效 整改成效"),
        # 改 of a text revised ("改了几稿", "改了几次", "修改了几遍") is no rectification done.
        (r"(?:修改|改)了?(?:多少|几)[稿次遍版回轮]|几易其稿|改了几稿", "修改 易稿"),
        (r"(?<!修)改了(?:多少|几)(?![稿次遍版回轮])|改[完好]了?(?:多少|几)(?![稿次遍版回轮])",
         "已完成整改 完成整改 整改完成 整改率"),
        (r"难啃的?(?:硬)?骨头|硬骨头|难啃|老大难|棘手", "重难点 难点 硬骨头 攻坚"),
        (r"毛病", "问题"),
        (r"治污|治理污染|管污染", "污染防治 生态环境"),
        (r"维稳|保稳定|稳住", "信访稳定 维护稳定 稳控"),
        # A backlog of cases (积案, 老案子): notices write the cases as piled up, "信访件积压12件".
        (r"积案|老案子|陈案|压着的?案子", "积压 积案"),
        (r"动真格|较真|来真的|下狠手", "严肃处理 问责 处分"),
        (r"反馈会(?!议)", "反馈会议"),
        (r"挑出|挑了|点出|查摆", "指出 反馈"),
        # "领导小组下面设了啥", "底下分了几个组": the offices under a group, which notices write as 下设.
        (r"(?:下面|底下|下头)(?:还)?(?:设|分|建|搞)", "下设"),
        (r"病人|病患|看病的人", "患者"),
        (r"喝水|吃水|没水喝", "饮水 供水 用水"),
        (r"司机|开车的", "驾驶员"),
        (r"联系不上|找不到|找不着|联系不到", "无法联系 失联"),
        (r"查出来|查出了(?:多少|几)", "排查 检查 发现"),
        # "用了哪几种办法": notices write the ways as 方式/方法 ("采取“听、看、查、访”等方式").
        (r"(?:(?<=几种)|(?<=哪些)|(?<=什么)|(?<=啥))(?:办法|法子|招)", "方式 方法"),
        # A way to reach the unit: a telephone, or a mailbox to write to ("发哪个邮箱", "留了举报邮箱").
        (r"(?:留|公布|公开|写)[了有下]?[^,，。?？]{0,4}(?:电话|邮箱|信箱)|(?:电话|邮箱|信箱)(?:号码)?(?:是)?(?:多少|哪个|啥|什么)"
         r"|哪个(?:邮箱|信箱)|发邮件|写邮件|怎么联系|联系方式|举报方式",
         "联系方式 联系电话 举报电话 电子邮箱"),
        # An inspection reaching the villages or communities under the unit: 延伸巡察, 巡乡带村.
        (r"连带|顺带|捎带|顺便|一并|下面的?(?:村|社区)|下属的?(?:村|社区)|到村里", "延伸 巡乡 带村 社区党组织 村党组织"),
    )
)


def official_terms(question: str) -> list[str]:
    """The notices' words for the plain phrases of a question, in order, each once."""
    found: list[str] = []
    for pattern, official in PLAIN_WORDS:
        if pattern.search(question):
            found.extend(official.split())
    return [term for term in dict.fromkeys(found) if term not in question]


# A year said by its last two digits ("24年被巡的"), not a length of time (24年来, 24年多, 24年以上).
_SHORT_YEAR = re.compile(r"(?<![\d〇零一二三四五六七八九十])([12]\d)年(?![来多间内以前后])")


def official_groups(question: str) -> list[tuple[str, ...]]:
    """For each plain phrase of the question, the notices' words for it and the phrase itself: alternatives,
    any one of which says it (the first stands for them all)."""
    groups = []
    for pattern, official in PLAIN_WORDS:
        match = pattern.search(question)
        if match:
            words = tuple(w for w in official.split() if w not in question)
            if words:
                groups.append((*words, match.group(0)))  # the user's own phrase says it too
    return groups


def with_official_terms(question: str) -> str:
    """The question followed by the notices' words for its plain phrases (unchanged when it has none)."""
    question = _SHORT_YEAR.sub(r"20\1年", question)  # "24年被巡的": notices write 2024年
    terms = official_terms(question)
    return f"{question}({' '.join(terms)})" if terms else question


def in_official_words(question: str) -> str:
    """The question with each plain phrase replaced by the notices' first word for it ("挑出了多少个问题" →
    指出了多少个问题), for readers that match notices' own wording (the records' figure questions)."""
    for pattern, official in PLAIN_WORDS:
        question = pattern.sub(official.split()[0], question)
    return question


def searched_terms(question: str, tokenize: Callable[[str], list[str]], frequency_of: Callable[[str], int]) -> list[str]:
    """Search terms of a question with the notices' words for its plain phrases; a plain phrase's own
    tokens that no passage holds ("招投标" where notices write 招标) are left out, as they would only
    weigh against every unit."""
    return held_terms(question, tokenize(with_official_terms(question)), tokenize, lambda t: frequency_of(t) > 0)


def held_terms(question: str, terms: list[str], tokenize: Callable[[str], list[str]],
               is_held: Callable[[str], bool]) -> list[str]:
    """The terms without a plain phrase's own tokens and official words that no passage holds: they can
    only weigh against every passage."""
    plain = [match.group(0) for pattern, _ in PLAIN_WORDS for match in pattern.finditer(question)]
    if not plain:
        return terms
    asked = set(tokenize(question))
    return [t for t in terms if is_held(t) or (t in asked and not any(t in p or p in t for p in plain))]


# What the public brings to an organ: a petition (信访), a letter or visit (来信/来访), a complaint (投诉).
COMPLAINT_WORDS = "信访|投诉|来信|来访"
# Problems an inspection raised: "巡察反馈的18个问题" and "巡察指出的18个问题" are the same problems.
RAISED_WORDS = "反馈|指出|点出"
# Words notices use interchangeably for one thing: a kind of money (津补贴/补助), a way of getting it back
# (追回/清退/退缴…), a sanction (处分/警告/撤职…), a complaint, problems raised. A question's word is met by any word of its group.
SAME_THING: tuple[tuple[str, ...], ...] = tuple(
    tuple(group.split("|")) for group in (*MONEY_KINDS, TAKEN_BACK_WORDS, SANCTION_WORDS, COMPLAINT_WORDS, RAISED_WORDS)
)
_CANONICAL = {word: group[0] for group in SAME_THING for word in group}


def same_thing(word: str) -> tuple[str, ...]:
    """The words of the word's group ("收回" → 清退, 追缴, 追回…), or the word alone."""
    return next((group for group in SAME_THING if word in group), (word,))


def canonical_tokens(tokenize: Callable[[str], list[str]]) -> Callable[[str], list[str]]:
    """A tokenizer whose words of one group come out as the group's first word, so 收回 asked meets 清退 written."""
    return lambda text: [_CANONICAL.get(token, token) for token in tokenize(text)]

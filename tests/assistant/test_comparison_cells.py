"""Which sentences stand in a comparison's column (FICTIONAL sentences)."""

from __future__ import annotations

from dataclasses import replace

from langchain_core.documents import Document

from assistant.comparison_cells import column_sentences, topic_words, with_best_ones_section, with_figures_first
from assistant.evidence import Evidence

QUESTION = "云岭区和东湖在征地拆迁这摊事上各有啥问题、怎么弄的?"
DOCUMENT = Document(page_content="", metadata={"title": "关于巡察整改情况的通报"})


def sentence(text: str, meaning: float, start: int) -> Evidence:
    return Evidence(DOCUMENT, start, start + len(text), text, 1.0, True, meaning=meaning)


ON_TOPIC_BY_WORD = sentence("征地项目推进不平衡,拆迁补偿标准不一。", 0.5, 0)
ON_TOPIC_BY_MEANING = sentence("成立逾期还建处置工作专班,落实还建房项目责任人。", 0.8, 100)
OFF_TOPIC = sentence("推动基层治理提质增效,巩固整改成果。", 0.1, 200)


def test_a_sentence_close_in_meaning_stands_though_it_holds_no_topic_word():
    chosen = column_sentences([ON_TOPIC_BY_WORD, ON_TOPIC_BY_MEANING, OFF_TOPIC], [ON_TOPIC_BY_WORD], QUESTION, 0.6)
    assert chosen == [ON_TOPIC_BY_WORD, ON_TOPIC_BY_MEANING]


def test_a_sentence_neither_holding_a_topic_word_nor_close_in_meaning_never_fills_a_column():
    assert column_sentences([OFF_TOPIC], [ON_TOPIC_BY_WORD], QUESTION, 0.6) == []


def test_a_compound_topic_word_split_in_two_by_the_notice_still_counts():
    question = "两家的反馈会,分别是谁主持的?"  # 反馈会 -> 反馈会议
    split = sentence("组长李明反馈巡察意见,党委书记王芳主持会议并作表态发言。", 0.2, 300)
    apart = sentence("召开党委会议研究部署整改。", 0.2, 400)  # 会议 alone is a frequent word
    assert column_sentences([split, apart], [split], question, 0.6) == [split]


def under(section: str, text: str, score: float, start: int) -> Evidence:
    document = Document(page_content="", metadata={"title": "", "notice_id": "n1", "section_path": section})
    return Evidence(document, start, start + len(text), text, score, True)


LAND = "一、党的路线方针政策落实方面 > (五)征地拆迁矛盾化解不力"
MEASURES = LAND + " > 整改情况"
OTHER = "二、群众身边腐败方面 > (九)信访工作不扎实"


def test_a_column_ranks_the_best_sentences_problem_and_measures_above_other_problems_sentences():
    best = under(MEASURES, "成立征地拆迁矛盾化解专班,逐户上门释法说理。", 0.9, 300)
    statement = under(LAND, "近三年共征收土地4200亩,拆迁房屋560栋,遗留问题较多。", 0.40, 100)
    elsewhere = under(OTHER, "信访件中多件涉及拆迁补偿。", 0.45, 900)

    ranked = with_best_ones_section([best, elsewhere, statement], 0.1)

    assert ranked[:2] == [best, replace(statement, score=statement.score + 0.1)]  # the label 整改情况 aside


def test_a_column_ranks_a_sentence_stating_a_figure_above_an_equally_scored_one_without():
    vague = under(OTHER, "持续加强招商引资工作,优化营商服务。", 0.6, 100)
    figures = under(OTHER, "全年签约招商项目12个,总投资38亿元。", 0.55, 200)

    assert [e.text for e in with_figures_first([vague, figures], 0.15)] == [figures.text, vague.text]
    assert with_figures_first([vague, figures], 0.0) == [vague, figures]  # no bonus: ranking unchanged


def test_a_measure_under_the_same_problem_as_an_on_topic_sentence_stands_in_its_column():
    def under(problem: str, text: str, start: int) -> Evidence:
        document = Document(page_content="", metadata={"notice_id": "n1", "section_path": problem})
        return Evidence(document, start, start + len(text), text, 1.0, True, meaning=0.1)

    problem = under("一、征地拆迁方面", "征地项目推进不平衡,拆迁补偿标准不一。", 0)
    result = under("一、征地拆迁方面", "三是全年完成还建安置312户。", 50)  # none of the topic's words
    elsewhere = under("二、党建方面", "三是全年发展党员12名。", 100)
    assert column_sentences([problem, result, elsewhere], [problem], QUESTION, 0.6) == [problem, result]


def test_a_sentence_under_another_problem_sharing_only_a_frequent_word_never_fills_a_column():
    def under(problem: str, text: str, score: float, meaning: float, start: int) -> Evidence:
        document = Document(page_content="", metadata={"notice_id": "n1", "section_path": problem})
        return Evidence(document, start, start + len(text), text, score, True, meaning=meaning)

    bidding = "三、监督责任方面 > (二)强化工程项目监督"
    question = "两家在招标乱这块各咋整改的?"
    problem = under(bidding, "坚决整改招投标不规范问题,开展责任追究调查。", 1.2, 1.0, 0)
    measure = under(bidding, "对近三年的工程建设项目招投标情况进行全面自查。", 1.1, 0.5, 60)
    deposits = under("三、监督责任方面 > (三)强化资金存放监督", "梳理出8000万元资金进行竞存,已完成招标。", 1.15, 0.1, 200)
    close = under("四、其他方面 > (一)建章立制", "制定工程招投标监督管理办法,明确招投标流程。", 0.9, 0.7, 300)

    kept = column_sentences([problem, measure, deposits, close], [problem], question, 0.6, 0.3)

    assert kept == [problem, measure, close]
    assert column_sentences([problem, deposits], [problem], question, 0.6, 0.0) == [problem, deposits]  # rule off
    # No sentence of the column plainly on the topic: nothing to tell the others by, all stand.
    faint = [replace(problem, meaning=0.4), replace(measure, meaning=0.3), deposits]
    assert column_sentences(faint, [problem], question, 0.6, 0.3) == faint
    # A heading opening another problem reaches into it: it is no sentence sharing a word.
    opening = under("二、整改进展情况", "二、整改进展情况\n(一)招标采购不规范", 0.8, 0.0, 400)
    assert column_sentences([problem, opening], [problem], question, 0.6, 0.3) == [problem, opening]


def test_the_page_around_a_notice_never_fills_a_column_unless_asked_for():
    byline = sentence("发布日期: 2023-05-06 10:20 浏览次数:", 0.9, 500)
    contact = sentence("电子邮箱:qinghe@example.com", 0.9, 600)
    road = sentence("新建乡村道路12条,硬化路面36公里。", 0.5, 700)
    assert column_sentences([byline, contact, road], [road], "两家修路各是怎么说的", 0.6) == [road]
    phone = sentence("联系电话:0571-12345678", 0.5, 800)
    assert column_sentences([phone], [phone], "两家各留了啥电话", 0.6) == [phone]  # contact asked: it stands


def test_the_counted_thing_is_a_columns_topic_whatever_occasion_the_question_sets_it_in():
    question = "两家反馈会上,巡察组各提了几点建议"
    points = sentence("组长提出了四点意见建议。", 0.0, 0)
    assert column_sentences([points], [points], question, 0.6) == [points]


def test_asking_only_what_went_wrong_names_no_topic_word():
    assert topic_words("两家的食堂分别啥毛病") == []
    assert "问题" in topic_words("两家的食堂毛病改了没")
    assert "问题" in topic_words("两家在提拔干部上被挑出啥毛病")  # the topic's own words come with it


def test_a_topic_the_question_frames_in_its_own_words_keeps_other_topics_out_of_a_column():
    assert topic_words("食堂这块柳塘和云岭都有事吗") == ["食堂"]
    canteen = sentence("职工食堂饭菜价格上涨过快。", 0.5, 0)
    pipes = sentence("老旧管网改造推进迟缓。", 0.5, 100)
    assert column_sentences([pipes], [canteen, pipes], "食堂这块柳塘和云岭都有事吗", 0.6) == []


def test_a_bare_topic_opening_the_question_before_the_units_keeps_other_topics_out_of_a_column():
    question = "防汛备汛 柳塘和云岭各咋说"
    units = ["青川县柳塘镇", "青川县云岭乡"]
    assert topic_words(question, units) == ["防汛备汛", "防汛", "备汛"]
    flood = sentence("汛前排查防汛备汛隐患点12处。", 0.5, 0)
    sanction = sentence("已给予党内警告1人,诫勉谈话2人。", 0.5, 100)
    assert column_sentences([sanction], [flood, sanction], question, 0.6, units=units) == []


def test_a_unit_named_first_before_the_others_is_no_topic():
    assert topic_words("柳塘 云岭和石门谁的问题多", ["青川县柳塘镇", "青川县云岭乡", "青川县石门镇"]) == []
    assert topic_words("柳塘和云岭 防汛备汛咋说", ["青川县柳塘镇", "青川县云岭乡"]) == []
    assert topic_words("渡口的事,柳塘跟云岭谁提了", ["青川县柳塘镇", "青川县云岭乡"]) == ["渡口"]


LABELLED_NOTICE = (
    "一、整改工作开展情况\n区委召开专题会议部署整改。\n"
    "(1)信访积案化解不力。2022年新增重复信访15件,化解率偏低。\n"
    "整改情况:建立领导包案制度,已化解积案12件。\n"
    "(2)食堂管理不规范。\n整改情况:修订食堂管理办法。\n"
)


def in_notice(text: str) -> Evidence:
    start = LABELLED_NOTICE.index(text)
    document = Document(page_content="", metadata={"title": "", "notice_id": "n9"})
    return Evidence(document, start, start + len(text), text, 1.0, True)


def test_asked_what_was_done_a_column_holds_the_measures_not_the_problem_before_them():
    from assistant.comparison_pairs import with_measures_first

    title = in_notice("(1)信访积案化解不力。")
    problem = in_notice("2022年新增重复信访15件,化解率偏低。")
    measure = in_notice("整改情况:建立领导包案制度,已化解积案12件。")
    found = [problem, title, measure]
    # the best problem sentence says what was fixed; the rest of the problem gives way to the measures
    assert with_measures_first(found, "两家信访这块各咋弄的?", lambda _: LABELLED_NOTICE) == [problem, measure]
    # asked what went wrong, or with no measure to quote, the column keeps what it has
    assert with_measures_first(found, "两家信访这块各有啥问题?", lambda _: LABELLED_NOTICE) == found
    assert with_measures_first([problem], "两家信访这块各咋弄的?", lambda _: LABELLED_NOTICE) == [problem]


def test_a_sentence_in_traditional_characters_holding_a_topic_word_fills_its_column():
    question = "老百姓投诉 云岭区跟东湖比比"  # 老百姓: 群众
    written = sentence("巡察指出，對群眾的投訴回應慢，部分來信答復不規範。", 0.1, 500)
    simplified = sentence("对群众来信转办后跟踪督办不够。", 0.1, 600)
    assert column_sentences([written, simplified], [simplified], question, 0.6) == [written, simplified]


def test_a_labelled_finding_on_the_topic_brings_its_labelled_fix_into_the_column():
    question = "吃喝这块 青禾镇跟柳岸街道"
    document = Document(page_content="", metadata={"title": "", "notice_id": "n7"})
    finding_text, fix_text = "▶ 巡察发现：重阳节慰问活动列支餐费超出标准。", "▶ 怎么改：超标部分0.6万元已全额退回。"
    finding = Evidence(document, 100, 100 + len(finding_text), finding_text, 1.0, True)
    fix = Evidence(document, finding.end + 2, finding.end + 2 + len(fix_text), fix_text, 0.8, True)
    far_fix = Evidence(document, 900, 900 + len(fix_text), fix_text, 0.8, True)  # another finding's fix

    assert column_sentences([finding, fix, far_fix], [finding], question) == [finding, fix]

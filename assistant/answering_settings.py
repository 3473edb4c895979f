"""Knobs of the extractive answerer: what an answer quotes and when it abstains (ASSISTANT_ANSWERING__<NAME>)."""

from __future__ import annotations

from pydantic import BaseModel


class AnsweringSettings(BaseModel):
    """Thresholds and weights that decide what an answer quotes and when it abstains.

    Each line says what the value does and how it was chosen (own gold sets' dev parts, never the
    held-back parts; see bench/gold/README.md).
    """

    # Convention, not a knob: a period's days ("3月4日至4月19日") count both ends (47), as the earlier gold sets
    # and most notices do; the end minus the start (46, fresh9's reading) is shown beside it, "47天(首尾都算;
    # 相隔46天)", so either reading is answered (computed_answer.py, computed_inputs.py).
    # A sentence's score: keyword coverage (rarity-weighted), half on its own and half counted with
    # the heading it sits under, plus a prior from its passage; tuned on dev.jsonl in the first
    # session, kept since (the own dev sets moved no figure when varied by +-0.1).
    heading_context_weight: float = 0.5
    rank_prior: float = 0.1  # prior of the passage ranked r: rank_prior / (1 + r)
    similarity_prior: float = 0.5  # plus this much per unit of passage cosine above similarity_floor
    similarity_floor: float = 0.8  # e5 cosines of unrelated passages sit below about 0.8
    stated_fact_bonus: float = 0.3  # it holds the figure/date the record states, or who did the act asked (谁念的)
    unmet_shape_penalty: float = 0.35  # factor when it lacks the asked shape (a figure, date, name)
    heading_penalty: float = 0.5  # factor for a heading line: a heading names a topic, not a fact
    # A ledger row naming only a problem title and its owner/status (assistant/ledger_rows.py) hands its score to its
    # notice's best body passages on the same asked terms and keeps this share of it: below runner_up_share_per_unit,
    # so a body passage's runners-up are body passages (fresh9: at 0.9 the row was quoted third in every answer).
    # Titles longer than ledger_title_chars are not such a row's title (fresh9 rows: 4-12 chars).
    ledger_row_share: float = 0.6
    ledger_title_chars: int = 20
    # The best sentence must score this much to be an answer, else "未找到" (a unit the user named in a comparison or filter: named_unit_bar times as much, so its column shows its best evidence).
    min_answer_score: float = 0.45
    named_unit_bar: float = 0.5
    # ...times this when the question asks a figure/date/name and the best sentence states one (all tuning sets: such
    # answerable best sentences 0.30-0.41, unanswerable at most 0.22: 0.57 puts the bar midway, at 0.26).
    shaped_answer_bar: float = 0.57
    runner_up_share: float = 0.75  # runners-up quoted within this share of the best (one unit)
    runner_up_share_per_unit: float = 0.7  # the same in a row or column per unit
    sub_question_share: float = 0.5  # the best sentence for each sub-question, if this close
    mention_search_hits: int = 200  # keyword hits read to find notices mentioning a unit the library lacks
    misspelt_name_min_chars: int = 3  # held names this long are read through one homophone slip (2: one char left)
    shared_name_max_units: int = 3  # a short name 2..this many held units share is answered for all (else unknown)
    counted_noun_chars: int = 12  # "那17份交办函是哪些": its noun within this many chars of the count (news: 0-6 apart)
    meaning_weight: float = 0.5  # closeness in meaning (0..1) added to a compared sentence's score (compare_words)
    meaning_sentences_per_unit: int = 60  # unit's sentences embedded (24 left out fresh7 seeds 环保's 生态环境保护…, ranked 40th by keywords)
    column_meaning_share: float = 0.6  # column keeps sentences this close in meaning (share of the closest; 0.6-0.7 vs <0.4)
    column_off_problem_meaning: float = 0.3  # ...and off its lead's problem, needs this (seeds4 招标: topic 0.58, 招标 shared 0.13)
    # A column's sentences at most (compare_words of the tuning sets: 4 over 3 with the two bonuses below).
    column_sentences: int = 4
    # Added to a column's sentences under the best one's problem (compare_words: 0.1 = 0.2; 0.3 drew off-topic ones in).
    column_section_bonus: float = 0.1
    # Added to a column's sentences stating a figure, units compare in figures (compare_words: 0.15 best, 0.3 worse).
    column_figure_bonus: float = 0.15
    # Added to a column's sentences of the shape asked (documents in 《》, a rhythm 每月/两周一调度; r16/r18t: 0.3 lifts them over a topic-word sentence).
    column_shape_bonus: float = 0.3
    # A sentence this share of the question's words stands in for chosen ones holding none (fresh8 seeds 意识形态: 0.82 vs 0).
    stray_figure_topic_coverage: float = 0.5
    # Comparisons whose every unit has a sentence covering this share of the question's terms are ranked by
    # keywords alone (embedding costs ~10 ms a sentence; worded like the notices, keywords already suffice).
    meaning_skip_coverage: float = 0.75
    # An answer holds a focus term: a held term weighing this share of the rarest one's; 0.8 keeps the most specific
    # (诫勉 in "诫勉谈话", 书记 in "党委书记叫什么"), none of the generic ones (abstain_pair items of the dev gold sets).
    focus_term_share: float = 0.8
    # A word no passage holds ("来讲") weighs at most this share of the rarest held word's (1.0 kept abstention 1.0).
    unheld_term_weight_share: float = 1.0
    # A one-character verb asked ("啥时候撤") meets notice words beginning with it (撤离) when at most this many
    # held words do; a character beginning more says too many things (8: set by hand so 撤离/撤回/撤销-like sets fit; not swept).
    verb_words_most: int = 8
    # A follow-up's carried clause ("起诉了几户(清收了多少欠费)"): when the ask names something new, the clause's own
    # words together weigh at most this share of the ask's, so the ask decides the sentence and the clause narrows to
    # the item (0.5: fresh8 "起诉了几户" answered; 0.35 let a short ask lose its item, 0.7 kept the old sentence).
    carried_term_share: float = 0.5
    already_said_penalty: float = 0.5  # follow-up pointing back: a sentence the last answer quoted scores this factor
    # ...and its best sentence needs this share of min_answer_score: the last turn set the topic, its own words are talk
    # ("他们后来开了几回…"); fresh6/real5 followup_reference: right sentences at 0.32-0.37, 0.75 keeps abstention.
    continued_bar: float = 0.75
    follows_said_bonus: float = 0.2  # one told after it under the same heading gains this (tests' fictional notices)
    # A kind of money asked by what it is for ("下乡补助") is stated when a sentence holds the qualifier
    # and a word for that money, or the qualifier's characters come in order within this many characters
    # before such a word (农机补贴 ~ 农机购置补贴). 8 spans the words notices insert (购置, 违规发放的)
    # without reaching into the clause before (chosen by hand on the abstain_pair items of the dev sets).
    named_money_window: int = 8
    # "采取了哪些措施": sentences listed after the best passage and how far to read (seed/fiction: 2-5, 150-500 chars).
    measures_listed: int = 4
    measures_span_chars: int = 600
    # A problem listed with others (…；…；) answered by the numbered measure paragraph (第七，…) sharing this share of
    # its character pairs, more than any other measure: 0.25 takes a measure restating the problem's objects
    # (0.4-0.5 on fresh11's and the fiction's) and leaves one sharing only the unit's name (under 0.1).
    matched_measure_share: float = 0.25
    deadline_span_chars: int = 1000  # how far after the best passage its item's deadline is looked for (items: 300-900)
    # A clause cut at ；/; is quoted as its whole sentence (to 。 or line end) when at most this long: the figure beside it
    # ("…清单32项;落实…") stays; 120 holds the 2-3 ；-clauses of one point in seed/fiction notices, longer keep clauses.
    whole_sentence_chars: int = 120
    listed_sentence_chars: int = 300  # ...this long when "哪几笔/哪些" asks the amounts it lists (seeds' lists: 190-260)
    # "这126万是哪几笔": a notice's amounts searched for the one set adding up to the total (fresh notices state
    # 5-15 amounts besides it and 2-4 parts); more candidates or larger sets make chance sums likelier.
    parts_candidates: int = 24
    parts_max: int = 6
    # A quoted tab-separated table row brings at most this many adjacent rows the question asks about
    # (a headline table's 反馈问题/已完成整改/正在整改/整改完成率 rows, fresh fiction notice style).
    table_rows_quoted: int = 4
    # Clauses naming rules quoted for "这几项都是啥?" after a count of rules (fresh9's notices name 2-4 where they
    # count 8-15; 5 shows them all without turning the answer into the notice).
    named_rules_quoted: int = 5
    # A which-units line quotes the numbered title running into its chosen sentence ("5.食堂管理混乱。巡察指出:…")
    # when the title covers this share of the sentence's question terms: a problem title names the topic
    # (share 1 on the own which-units sets), a generic one ("强化组织领导", dev-019) shares a word or two.
    title_cover_share: float = 0.5
    # ...and a measure quoted without its section's finding brings the 巡察指出 sentence or numbered title met
    # first going up at most this many lines (fresh9 notices: the finding is on the measure's line or 1-2 above).
    finding_lines_back: int = 3
    # ...and two of its quotes at most this many characters apart on one line are quoted as one passage, the stretch
    # between them included (dev-017: a breakdown of 27 characters between an amount and 补登; at 50 dev-012 joined
    # an unasked 责令…检查 sentence, so 30: one short sentence).
    which_units_join_gap_chars: int = 30
    # ...and at most this many more sentences of a quote's paragraph stating the asked act with an amount
    # ("X派出所已全部清退…元" beside the 街道's 清退 sentence, as a seed notice writes); 2 covers a paragraph's
    # bodies without quoting a whole paragraph.
    which_units_more_figures: int = 2
    # "纪委网站报道的那个镇呢" (notice_described_units.py): the unit whose notices hold the description's rarer words
    # is taken when the next unit's score is at most this share of its own (fresh8: the right unit alone scored, 0).
    described_unit_margin: float = 0.5
    # ...failing shared words, the unit whose name is this much closer in meaning (e5 cosine) than the next one's
    # (fresh8 names: 烧暖气 0.06 apart; 搞普法 0.01 and 收电费 0.03 of a library without one: not apart).
    described_unit_meaning_margin: float = 0.05

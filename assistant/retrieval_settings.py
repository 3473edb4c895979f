"""Knobs of the hybrid retriever: ranking and which units qualify (ASSISTANT_RETRIEVAL__<NAME>)."""

from __future__ import annotations

from pydantic import BaseModel


class RetrievalSettings(BaseModel):
    """Ranking and unit-qualification knobs of the hybrid retriever (ASSISTANT_RETRIEVAL__<NAME>)."""

    # Passages returned per question (or per unit); the answerer quotes from these.
    k: int = 5
    # Candidates taken from each signal (dense, BM25) before fusion; 30 keeps recall@5 on the dev set.
    candidates: int = 30
    # Reciprocal rank fusion constant; 60 is the value from the RRF paper, unchanged on the dev set.
    rrf_k: int = 60
    # A passage sharing this share of character bigrams with a better one is dropped (dev set: 0.8).
    duplicate_overlap: float = 0.8
    # Weight in the fusion of passages stating the asked-for figure or date (records, metadata);
    # 1.5 lifted the dev set's figure questions without moving the others.
    fact_weight: float = 1.5
    # "Which units..." questions: a unit qualifies when its best passage covers at least
    # relative_coverage times the best unit's coverage of the question's terms (the bar follows this
    # question's scores across units)... 0.6 keeps unit recall 1.0 on the dev set's 9 across-unit
    # questions and on synthetic gold (bench query), where units lacking the asked-about theme
    # reach at most 0.53 of the best (IDF-weighted).
    relative_coverage: float = 0.6
    # Coverage for qualifying weighs each term by its rarity across passages (IDF), so a unit lacking
    # the one distinctive term falls short; off = by term length, as passages' coverage is shown.
    coverage_by_rarity: bool = True
    # A unit also qualifies when its best passage clears the same coverage bars counting each concept
    # of the question once, met by any of its words (一把手 or 主要负责人, not also the pieces 一把,
    # 把手), and holding the topic the user named in plain words when any passage does
    # (assistant.concepts). On: a unit writing 主要负责人…末位表态 for "一把手最后表态" fell just
    # below the token bar (own fresh which_units items); off = tokens only.
    coverage_by_concept: bool = True
    # A topic of two whole clauses joined by 或者/或/还是 ("吃喝超标或者换个名目报餐费") is scored per clause
    # and a unit takes its better clause (either is enough); a side counts as a clause when it has at
    # least this many topic words (2: "拆了或者退出了养殖" stays one topic with 拆 or 退出, f12 which_units).
    min_clause_words: int = 2
    # ...or when one of its words is this long: a four-character word names a whole act ("公车私用或者换个
    # 名目发购物卡", fictional test), where "拆了或者退出了养殖" keeps a bare verb as one topic's alternative.
    clause_word_chars: int = 4
    # A unit the keywords miss also qualifies when a sentence of its best passages is as close in
    # meaning to the question's topic as the units they found (assistant.which_units): at least the
    # lowest found unit's closest sentence and meaning_unit_share of the way from the typical
    # candidate's to the closest. Up to meaning_units found units and as many candidates (by keyword
    # coverage), meaning_passages_per_unit passages each, are embedded by sentence (~1 ms a sentence
    # with the bundled int8 model). 0.5 = halfway; own fresh which_units items: units writing
    # 院长…末位表态 for "一把手最后表态" sit at the found units' level, units without it well below.
    meaning_units: int = 8
    meaning_passages_per_unit: int = 2
    meaning_unit_share: float = 0.5
    # ...and that sentence must stand this many spreads (median absolute deviation) above the median
    # of all sentences read: on the own fresh and seed which_units items the sentences stating the
    # asked thing stand 6-7 spreads out, the closest unrelated ones 2-3.5 (an unanswerable question's too).
    meaning_min_spreads: float = 4.0
    # ...and never below this share of the terms, so a question nothing answers qualifies no unit
    # (the former absolute bar, kept as a floor; below it a passage misses most of the question).
    min_coverage: float = 0.4
    # A unit also qualifies when its best passage is this similar to the question (cosine) and
    # stands similarity_spread spreads (median absolute deviation) above the median unit: the dense
    # signal alone, for answers worded unlike the question. 0.86 was the former absolute bar (dev set,
    # real model); the spread keeps it from admitting every unit when e5 scores all units alike.
    min_similarity: float = 0.86
    similarity_spread: float = 3.0
    # A unit whose notice states the asked-for figure (per its record) qualifies at this share of
    # the coverage bar (dev set: 0.5 admits the units stating 信访件 counts at 0.39 coverage)...
    relative_coverage_with_fact: float = 0.5
    # ...unless more than this share of the units in scope state such a figure: then stating it tells
    # no unit apart (synthetic gold: every unit states money figures; dev set: at most 0.8 state one).
    max_share_stating_fact: float = 0.8
    # Keep every passage vector in one in-memory matrix (from HOME/vectors, rebuilt from Chroma
    # when stale) and search it exactly; off = ask Chroma for every dense search.
    vector_cache: bool = True
    # A section unit a question shortens (退役军人局 for 某县退役军人事务局) is said when its name's stem
    # before the kind word is, cut to this many characters: the words people keep (4: 机关事务 of
    # 机关事务服务中心, fresh13 compare_computed; 2-3 character stems are kept whole).
    section_stem_chars: int = 4
    # A question naming a unit reported in a section of a notice searches that notice for this many times k
    # passages before keeping the section's (4: a four-village notice's opening totals outranked the
    # village's own paragraph at k; fresh14 followup_switch).
    section_search_widening: int = 4

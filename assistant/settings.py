"""Effective settings: ASSISTANT_* environment variables over an optional TOML file over defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

BUNDLED_EMBED_MODEL = "bundled:multilingual-e5-small"


def default_home() -> Path:
    """Where all data lives unless ASSISTANT_HOME says otherwise."""
    data_root = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_root) / "inspection-assistant"


def config_file_path() -> Path:
    """The TOML file read for settings: ASSISTANT_CONFIG, else ./assistant.toml."""
    return Path(os.environ.get("ASSISTANT_CONFIG", "assistant.toml"))


class AnsweringSettings(BaseModel):
    """Thresholds and weights that decide what an answer quotes and when it abstains.

    Each line says what the value does and how it was chosen (own gold sets' dev parts, never the
    held-back parts; see bench/gold/README.md).
    """

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
    # Comparisons whose every unit has a sentence covering this share of the question's terms are ranked by
    # keywords alone (embedding costs ~10 ms a sentence; worded like the notices, keywords already suffice).
    meaning_skip_coverage: float = 0.75
    # An answer holds a focus term: a held term weighing this share of the rarest one's; 0.8 keeps the most specific
    # (诫勉 in "诫勉谈话", 书记 in "党委书记叫什么"), none of the generic ones (abstain_pair items of the dev gold sets).
    focus_term_share: float = 0.8
    # A word no passage holds ("来讲") weighs at most this share of the rarest held word's (1.0 kept abstention 1.0).
    unheld_term_weight_share: float = 1.0
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
    deadline_span_chars: int = 1000  # how far after the best passage its item's deadline is looked for (items: 300-900)
    # A clause cut at ；/; is quoted as its whole sentence (to 。 or line end) when at most this long: the figure beside it
    # ("…清单32项;落实…") stays; 120 holds the 2-3 ；-clauses of one point in seed/fiction notices, longer keep clauses.
    whole_sentence_chars: int = 120
    listed_sentence_chars: int = 300  # ...this long when "哪几笔/哪些" asks the amounts it lists (seeds' lists: 190-260)
    # A quoted tab-separated table row brings at most this many adjacent rows the question asks about
    # (a headline table's 反馈问题/已完成整改/正在整改/整改完成率 rows, fresh fiction notice style).
    table_rows_quoted: int = 4
    # A which-units line quotes the numbered title running into its chosen sentence ("5.食堂管理混乱。巡察指出:…")
    # when the title covers this share of the sentence's question terms: a problem title names the topic
    # (share 1 on the own which-units sets), a generic one ("强化组织领导", dev-019) shares a word or two.
    title_cover_share: float = 0.5


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


class Settings(BaseSettings):
    """All knobs of the assistant; one ASSISTANT_HOME moves every piece of data."""

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    home: Path = Field(default_factory=default_home)
    model_dir: Path | None = None  # where prepared embedding models live; default HOME/models
    embed_model: str = BUNDLED_EMBED_MODEL
    embed_base_url: str = ""
    embed_api_key: SecretStr = SecretStr("")
    embed_batch_size: int = 32
    # The bundled model runs as an int8 ONNX encoder when its prepare-time check against fp32 passes.
    embed_int8: bool = True
    # The int8 check: every sample text's cosine to its fp32 vector must reach the minimum, and their
    # average the mean (the bars issue 12 set for the same retrieval; the bundled model measures 0.999).
    embed_int8_min_cosine: float = 0.98
    embed_int8_mean_cosine: float = 0.99
    embed_threads: int = 0  # int8 encoder batches run at once, one thread each; 0 = one per CPU core
    # Texts per int8 encoder call. With recipe 3 (fused, one thread per batch, batches in parallel) 1 costs
    # ~10% less CPU per chunk than 4 and ~20% less than 8 over the seed chunks: no padding, and a small
    # attention-score block stays in cache. It also makes a text's int8 vector independent of the texts
    # batched with it (activations share one scale per call), as a query's always is. Measured at 1 with
    # recipe 3: dev recall@5 0.971 (fp32 0.971), MRR 0.870 (fp32 0.907; 4: 0.864); fiction_dev 0.94 (= fp32);
    # seeds_dev 0.909 (= fp32). With recipe 4 (feed-forward output kept fp32): dev recall@5 0.971, MRR 0.889,
    # dev answers equal to fp32 (must_mention 0.962, source_hit 0.868). Recipe 5 (all products int8, inputs smoothed;
    # ~30% less CPU per chunk than 4): dev recall@5 0.971, MRR 0.907 on its branch and 0.889 on main, answers as 4.
    # Recipe 6 has no padding mask: a call takes texts of one token length only (up to this many).
    embed_int8_batch_size: int = 1
    # Chunks per embedding pass and Chroma upsert, gathered while the embedder is busy (idle: at once); a few MB.
    ingest_batch_chunks: int = 256
    chroma_url: str = ""
    collection: str = "notices"
    llm_base_url: str = ""
    llm_api_key: SecretStr = SecretStr("")
    llm_model: str = ""
    llm_timeout_s: float = 60.0
    llm_max_retries: int = 2
    llm_temperature: float = 0.1
    chunk_tokens: int = 350
    chunk_overlap_sentences: int = 1
    max_file_mb: float = 20.0
    # Unpacked size a .docx may declare, all parts: photos stay about their packed size, so a
    # 20 MB .docx unpacks to about 20 MB; a 0.9 MB zip bomb declaring 300 MB is refused at once.
    max_expanded_mb: float = 100.0
    # Unpacked XML of a .docx, which is parsed: a notice's document.xml plus Word's styles is 1-2 MB;
    # 8 MB of the worst (one-character paragraphs) still reads in about 40 s and 200 MB (4.9 MB: 23 s).
    max_docx_xml_mb: float = 8.0
    # Longest extracted text of one file: the longest seed notice is ~16,000 characters, so 2,000,000
    # leaves room for any real notice while a text bomb stops before chunking and embedding.
    max_text_chars: int = 2_000_000
    # Most pages of one PDF: notices run to tens of pages; a 1000-page file is not a notice.
    max_pdf_pages: int = 1000
    # How long ingest/remove waits for another process writing to the same library (negative: no limit).
    writer_wait_s: float = 600.0
    auth: str = ""
    ui_concurrency: int = 4
    ui_max_upload_mb: float = 20.0
    # Login throttling per client address: this many wrong passwords in a row are free (typos), then
    # each further attempt waits base * 2**(extra failures - 1) seconds, capped; a quiet spell forgets.
    # Chosen so a person who mistypes a few times never waits, while guessing costs hours per thousand tries.
    login_free_failures: int = 5
    login_base_delay_s: float = 2.0
    login_max_delay_s: float = 300.0
    login_forget_after_s: float = 900.0
    answering: AnsweringSettings = Field(default_factory=AnsweringSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_source = TomlConfigSettingsSource(settings_cls, toml_file=config_file_path())
        return (init_settings, env_settings, toml_source)

    @property
    def llm_enabled(self) -> bool:
        """True when an OpenAI-compatible chat endpoint is configured."""
        return bool(self.llm_base_url and self.llm_model)

    @property
    def models_dir(self) -> Path:
        return self.model_dir or self.home / "models"

    @property
    def chroma_dir(self) -> Path:
        return self.home / "chroma"

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite3"

    @property
    def vectors_dir(self) -> Path:
        return self.home / "vectors"

    @property
    def lexical_dir(self) -> Path:
        return self.home / "lexical"

    @property
    def feedback_path(self) -> Path:
        return self.home / "feedback.jsonl"

    def describe(self) -> dict[str, Any]:
        """Effective settings as plain values, secrets masked."""
        shown: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, BaseModel):  # a nested section: one line per knob
                for knob, knob_value in value.model_dump().items():
                    shown[f"ASSISTANT_{name.upper()}__{knob.upper()}"] = knob_value
                continue
            if isinstance(value, SecretStr):
                value = "****" if value.get_secret_value() else ""
            elif name == "auth" and value:
                value = "****"
            elif isinstance(value, Path):
                value = str(value)
            elif value is None:
                value = ""
            elif isinstance(value, BaseModel):
                for key, nested in value.model_dump().items():
                    shown[f"ASSISTANT_{name.upper()}__{key.upper()}"] = nested
                continue
            shown[f"ASSISTANT_{name.upper()}"] = value
        shown["config_file"] = str(config_file_path()) if config_file_path().exists() else ""
        return shown


def load_settings(**overrides: Any) -> Settings:
    """Read the settings afresh (environment and TOML file), with explicit overrides on top."""
    return Settings(**overrides)

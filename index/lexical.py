"""Lexical search: BM25 over jieba-segmented chunks, persisted beside the Chroma data.

The index is derived from the catalogue: it records the catalogue generation it was built
from and, when ingest or remove moves that generation, tokenises only the notices added and
drops only the rows of the notices removed.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jieba
import numpy as np

from index.bm25 import Bm25Snapshot, empty_snapshot, load_snapshot, save_snapshot
from index.catalog import Catalog
from index.documents import Chunk
from index.script_forms import simplified_reading

logger = logging.getLogger(__name__)
jieba.setLogLevel(logging.WARNING)

# A token is kept when it has a CJK character, a letter or a digit; punctuation and spaces go.
_MEANINGFUL = re.compile(r"[\u4e00-\u9fff\w]")


@dataclass(frozen=True)
class LexicalHit:
    chunk_id: str
    notice_id: str
    score: float


@lru_cache(maxsize=1)
def _word_list(name: str) -> tuple[str, ...]:
    text = resources.files("index").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def stop_words() -> frozenset[str]:
    return frozenset(_word_list("stopwords.txt"))


@lru_cache(maxsize=1)
def _main_dictionary() -> tuple[dict[str, int], int]:
    """jieba's main dictionary (word -> frequency) and its total, read once per process (about 0.7 s)."""
    reader = jieba.Tokenizer()
    reader.initialize()
    return reader.FREQ, reader.total


def warm_up_word_cutter() -> None:
    """Read jieba's main dictionary now rather than in the first ingest or search that needs it."""
    _main_dictionary()


class ChineseTokenizer:
    """jieba (search mode) with a domain user dictionary; normalises width and case for search only."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._jieba = jieba.Tokenizer()
        # A copy of the dictionary read once per process (each tokenizer adds its own words to it).
        frequencies, total = _main_dictionary()
        self._jieba.FREQ, self._jieba.total, self._jieba.initialized = dict(frequencies), total, True
        self._lock = threading.Lock()
        self._stop = stop_words()
        self.add_words(_word_list("domain_words.txt"))
        self.add_words(extra_words)

    def add_words(self, words: Iterable[str]) -> None:
        with self._lock:
            for word in words:
                word = normalize_for_search(word).strip()
                if len(word) >= 2:
                    self._jieba.add_word(word, freq=50000)

    def tokenize(self, text: str) -> list[str]:
        """Search tokens of text: stop words, punctuation and spaces dropped; traditional script read as simplified."""
        with self._lock:
            pieces = self._jieba.lcut_for_search(normalize_for_search(simplified_reading(text)))
        return [p for p in pieces if p.strip() and p not in self._stop and _MEANINGFUL.search(p)]


def normalize_for_search(text: str) -> str:
    """Full/half width and case folded; used for matching only, never for what is shown."""
    return unicodedata.normalize("NFKC", text).lower()


class LexicalIndex:
    """BM25 over the catalogue's chunks, brought up to date notice by notice when the catalogue moves."""

    def __init__(self, catalog: Catalog, directory: Path, extra_words: Iterable[str] = ()) -> None:
        self.catalog = catalog
        self.directory = Path(directory)
        self._extra_words = list(extra_words)
        self._lock = threading.RLock()
        self._generation = -1
        self._epoch = 0  # the catalogue's refresh epoch the snapshot reflects
        self._snapshot: Bm25Snapshot = empty_snapshot()
        self._words: list[str] = []
        self._tokenizer: ChineseTokenizer | None = None
        # Tokens read ahead by chunk id: (tokenizer state, text, tokens), used by the next update if still valid.
        self._ahead: dict[str, tuple[tuple[int, int], str, list[str]]] = {}

    @property
    def tokenizer(self) -> ChineseTokenizer:
        with self._lock:
            if self._tokenizer is None:
                self._words = self._unit_words()
                self._tokenizer = ChineseTokenizer(self._words + self._extra_words)
            return self._tokenizer

    def _unit_words(self, rows=None) -> list[str]:
        words: list[str] = []
        for row in rows if rows is not None else self.catalog.notices():
            words.extend([row.unit, *row.metadata.aliases])
        return [w for w in dict.fromkeys(words) if w]

    def snapshot(self) -> Bm25Snapshot:
        """The current index, up to date with the catalogue; immutable, safe to keep for one question."""
        self.refresh()
        return self._snapshot

    def refresh(self) -> None:
        """Bring the index up to date with the catalogue (load from disk, then update by notice)."""
        with self._lock:
            generation = self.catalog.generation()
            if generation == self._generation:
                return
            if self._generation < 0:
                self._load()
            rows = self.catalog.notices()
            wanted = {row.notice_id for row in rows}
            present = set(self._snapshot.notice_ids)
            self._epoch, revised = self.catalog.revised_since(self._epoch, present)  # refreshed in place
            added, removed = sorted((wanted - present) | (revised & wanted)), (present - wanted) | revised
            if added or removed:
                self._update(rows, added, removed)
            self._generation = generation
            if added or removed:
                self._save(generation)

    def read_ahead(self, notices: Sequence[tuple[Sequence[str], Sequence[Chunk]]]) -> None:
        """Tokenise the chunks of notices about to be added (unit words, chunks), ready for the next update.

        An ingest calls this while the notices are being embedded, so the update after their commit
        finds their tokens done. Their unit words are added first, as the update would; tokens read
        before another notice's words were added are not used (the update tokenises those again).
        """
        with self._lock:
            tokenizer = self.tokenizer
            self._add_words(tokenizer, [word for words, _ in notices for word in words])
            state = self._tokenizer_state()
            for _, chunks in notices:
                for chunk in chunks:
                    text = chunk.embedding_text()
                    self._ahead[chunk.chunk_id] = (state, text, tokenizer.tokenize(text) or ["\u0000"])

    def _update(self, rows, added: Sequence[str], removed: set[str]) -> None:
        tokenizer = self.tokenizer
        added_set = set(added)
        self._add_words(tokenizer, self._unit_words([r for r in rows if r.notice_id in added_set]))
        state, ahead = self._tokenizer_state(), self._ahead
        self._ahead = {}
        rows_added = []
        for notice_id in added:
            for chunk in self.catalog.chunks(notice_id):
                text = chunk.embedding_text()
                ready = ahead.get(chunk.chunk_id)
                tokens = ready[2] if ready is not None and ready[:2] == (state, text) else None
                rows_added.append((chunk.chunk_id, notice_id, tokens or tokenizer.tokenize(text) or ["\u0000"]))
        self._snapshot = self._snapshot.without_notices(removed).with_notices(rows_added)
        logger.debug("lexical index: %d notice(s) added, %d removed", len(added), len(removed))

    def _add_words(self, tokenizer: ChineseTokenizer, words: Iterable[str]) -> None:
        """A new unit's name becomes one token in the chunks tokenised from now on."""
        known = set(self._words)
        new_words = [word for word in dict.fromkeys(words) if word and word not in known]
        if new_words:
            tokenizer.add_words(new_words)
            self._words = self._words + new_words

    def _tokenizer_state(self) -> tuple[int, int]:
        """Changes when the tokenizer is replaced or learns words: tokens made in another state may differ."""
        return id(self._tokenizer), len(self._words)

    def _load(self) -> None:
        meta_path = self.directory / "chunks.json"
        if not meta_path.exists():
            return
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            snapshot = load_snapshot(self.directory, meta["vocabulary"], meta["chunk_ids"], meta["notice_ids"])
        except (OSError, ValueError, KeyError):
            logger.warning("lexical index at %s is unreadable; rebuilding it", self.directory)
            return
        self._words = list(meta.get("words", []))
        self._epoch = int(meta.get("refresh_epoch", 0))
        self._tokenizer = ChineseTokenizer(self._words + self._extra_words)
        self._snapshot = snapshot

    def _save(self, generation: int) -> None:
        # Write to a fresh folder, then swap it in, so a crash never leaves a mixed index; the folder
        # is this process's own, as another process sharing the library may be saving too.
        snapshot = self._snapshot
        staging = self.directory.with_name(f"{self.directory.name}.new-{os.getpid()}-{threading.get_ident()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        save_snapshot(snapshot, staging)
        vocabulary = sorted(snapshot.vocabulary, key=snapshot.vocabulary.__getitem__)
        (staging / "chunks.json").write_text(
            json.dumps(
                {
                    "generation": generation,
                    "refresh_epoch": self._epoch,
                    "chunk_ids": list(snapshot.chunk_ids),
                    "notice_ids": list(snapshot.notice_ids),
                    "vocabulary": vocabulary,
                    "words": self._words,
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        shutil.rmtree(self.directory, ignore_errors=True)
        try:
            staging.rename(self.directory)
        except OSError:  # another process swapped its copy in first; this one is only kept in memory
            shutil.rmtree(staging, ignore_errors=True)

    def term_weights(self, terms: Iterable[str]) -> dict[str, float]:
        """Inverse document frequency of each term over the chunks; rare terms weigh more.

        A term no chunk has gets the highest weight: a question about something absent from
        every notice should look weakly covered everywhere.
        """
        snapshot = self.snapshot()
        total = max(1, snapshot.size)
        weights = {}
        for term in terms:
            frequency = snapshot.frequency_of(term)
            weights[term] = math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
        return weights

    def known_terms(self, terms: Iterable[str]) -> set[str]:
        """The terms at least one passage of the library holds."""
        snapshot = self.snapshot()
        return {term for term in terms if snapshot.frequency_of(term) > 0}

    def query_tokens(self, query: str) -> list[str]:
        """The meaningful terms of a query (empty when it has none)."""
        return self.tokenizer.tokenize(query)

    def search(
        self, query: str, k: int, notice_ids: Sequence[str] | None = None
    ) -> list[LexicalHit]:
        """Top-k chunks by BM25; a query with no meaningful terms gets no hits rather than noise."""
        snapshot = self.snapshot()
        return top_hits(snapshot, snapshot.scores(self.query_tokens(query)), k, notice_ids)


def top_hits(
    snapshot: Bm25Snapshot, scores: np.ndarray, k: int, notice_ids: Sequence[str] | None = None
) -> list[LexicalHit]:
    """The k best-scoring rows (score above 0), optionally only rows of the given notices."""
    if k <= 0 or not snapshot.size:
        return []
    if notice_ids is not None:
        rows = snapshot.rows_of(notice_ids)
        candidates = rows[scores[rows] > 0] if rows.size else rows
    else:
        candidates = np.flatnonzero(scores > 0)
    if candidates.size == 0:
        return []
    top = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
    return [LexicalHit(snapshot.chunk_ids[i], snapshot.notice_ids[i], float(scores[i])) for i in top]

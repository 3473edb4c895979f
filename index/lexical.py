"""Lexical search: BM25 (bm25s) over jieba-segmented chunks, persisted beside the Chroma data.

The index is derived from the catalogue: it records the catalogue generation it was built
from and is rebuilt whenever ingest or remove changes the set of chunks.
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
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import bm25s
import jieba
import numpy as np

from index.catalog import Catalog

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


class ChineseTokenizer:
    """jieba (search mode) with a domain user dictionary; normalises width and case for search only."""

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self._jieba = jieba.Tokenizer()
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
        """Search tokens of text: stop words, punctuation and spaces dropped."""
        with self._lock:
            pieces = self._jieba.lcut_for_search(normalize_for_search(text))
        return [p for p in pieces if p.strip() and p not in self._stop and _MEANINGFUL.search(p)]


def normalize_for_search(text: str) -> str:
    """Full/half width and case folded; used for matching only, never for what is shown."""
    return unicodedata.normalize("NFKC", text).lower()


class LexicalIndex:
    """BM25 over the catalogue's chunks, rebuilt when the catalogue generation moves."""

    def __init__(self, catalog: Catalog, directory: Path, extra_words: Iterable[str] = ()) -> None:
        self.catalog = catalog
        self.directory = Path(directory)
        self._extra_words = list(extra_words)
        self._lock = threading.RLock()
        self._generation = -1
        self._bm25: bm25s.BM25 | None = None
        self._chunk_ids: list[str] = []
        self._notice_ids: list[str] = []
        self._notice_codes: np.ndarray = np.array([], dtype=np.int32)
        self._tokenizer: ChineseTokenizer | None = None
        self._code_of_notice: dict[str, int] = {}
        self._document_frequency: dict[str, int] = {}

    @property
    def tokenizer(self) -> ChineseTokenizer:
        with self._lock:
            if self._tokenizer is None:
                self._tokenizer = ChineseTokenizer(self._unit_words() + self._extra_words)
            return self._tokenizer

    def _unit_words(self) -> list[str]:
        words: list[str] = []
        for row in self.catalog.notices():
            words.extend([row.unit, *row.metadata.aliases])
        return [w for w in words if w]

    def refresh(self) -> None:
        """Bring the index up to date with the catalogue (load from disk or rebuild)."""
        with self._lock:
            generation = self.catalog.generation()
            if generation == self._generation:
                return
            if not self._load(generation):
                self._rebuild(generation)

    def _load(self, generation: int) -> bool:
        meta_path = self.directory / "chunks.json"
        if not meta_path.exists():
            return False
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if meta.get("generation") != generation:
                return False
            self._tokenizer = ChineseTokenizer(meta.get("words", []) + self._extra_words)
            self._set(
                bm25s.BM25.load(self.directory / "bm25", show_progress=False) if meta["chunk_ids"] else None,
                meta["chunk_ids"],
                meta["notice_ids"],
                generation,
                meta.get("document_frequency", {}),
            )
            return True
        except (OSError, ValueError, KeyError):
            logger.warning("lexical index at %s is unreadable; rebuilding it", self.directory)
            return False

    def _rebuild(self, generation: int) -> None:
        words = self._unit_words()
        self._tokenizer = ChineseTokenizer(words + self._extra_words)
        chunks = self.catalog.chunks()
        tokenized = [self._tokenizer.tokenize(c.embedding_text()) or ["\u0000"] for c in chunks]
        bm25 = None
        if chunks:
            bm25 = bm25s.BM25()
            bm25.index(tokenized, show_progress=False)
        # Write to a fresh folder, then swap it in, so a crash never leaves a mixed index; the folder
        # is this process's own, as another process sharing the library may be rebuilding too.
        staging = self.directory.with_name(f"{self.directory.name}.new-{os.getpid()}-{threading.get_ident()}")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        if bm25 is not None:
            bm25.save(staging / "bm25", show_progress=False)
        chunk_ids = [c.chunk_id for c in chunks]
        notice_ids = [c.notice_id for c in chunks]
        document_frequency = Counter(term for tokens in tokenized for term in set(tokens))
        (staging / "chunks.json").write_text(
            json.dumps(
                {
                    "generation": generation,
                    "chunk_ids": chunk_ids,
                    "notice_ids": notice_ids,
                    "words": words,
                    "document_frequency": document_frequency,
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
        self._set(bm25, chunk_ids, notice_ids, generation, document_frequency)

    def term_weights(self, terms: Iterable[str]) -> dict[str, float]:
        """Inverse document frequency of each term over the chunks; rare terms weigh more.

        A term no chunk has gets the highest weight: a question about something absent from
        every notice should look weakly covered everywhere.
        """
        self.refresh()
        with self._lock:
            total = max(1, len(self._chunk_ids))
            frequency = self._document_frequency
        return {
            term: math.log(1 + (total - frequency.get(term, 0) + 0.5) / (frequency.get(term, 0) + 0.5))
            for term in terms
        }

    def known_terms(self, terms: Iterable[str]) -> set[str]:
        """The terms at least one passage of the library holds."""
        self.refresh()
        with self._lock:
            frequency = self._document_frequency
        return {term for term in terms if frequency.get(term, 0) > 0}

    def _set(
        self,
        bm25,
        chunk_ids: list[str],
        notice_ids: list[str],
        generation: int,
        document_frequency: dict[str, int] | None = None,
    ) -> None:
        self._document_frequency = dict(document_frequency or {})
        self._bm25 = bm25
        self._chunk_ids = list(chunk_ids)
        self._notice_ids = list(notice_ids)
        # Notice ids as small integers, so filtering by notice is a fast vector operation.
        codes = {notice_id: code for code, notice_id in enumerate(dict.fromkeys(notice_ids))}
        self._notice_codes = np.array([codes[n] for n in notice_ids], dtype=np.int32)
        self._code_of_notice = codes
        self._generation = generation

    def query_tokens(self, query: str) -> list[str]:
        """The meaningful terms of a query (empty when it has none)."""
        return self.tokenizer.tokenize(query)

    def search(
        self, query: str, k: int, notice_ids: Sequence[str] | None = None
    ) -> list[LexicalHit]:
        """Top-k chunks by BM25; a query with no meaningful terms gets no hits rather than noise."""
        self.refresh()
        with self._lock:
            bm25, chunk_ids, all_notice_ids = self._bm25, self._chunk_ids, self._notice_ids
            notice_codes, code_of_notice = self._notice_codes, self._code_of_notice
        if bm25 is None or k <= 0:
            return []
        token_ids = [bm25.vocab_dict[t] for t in set(self.query_tokens(query)) if t in bm25.vocab_dict]
        if not token_ids:
            return []
        scores = bm25.get_scores_from_ids(token_ids)
        if notice_ids is not None:
            wanted = [code_of_notice[n] for n in notice_ids if n in code_of_notice]
            scores = np.where(np.isin(notice_codes, wanted), scores, 0.0)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size == 0:
            return []
        top = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
        return [LexicalHit(chunk_ids[i], all_notice_ids[i], float(scores[i])) for i in top]

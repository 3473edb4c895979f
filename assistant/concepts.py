"""A question's concepts, each met by any of its ways of saying it, and how much of them each passage holds.

Counting tokens splits one thing the user asks about into several: jieba's search mode yields 一把手,
一把 and 把手 for one word, and a plain phrase adds the notices' words for it (一把手: 主要负责人). A
notice writing 主要负责人 and 末位表态 for "一把手最后表态" then misses the weight of every token of the
words it does not use, and a unit stating the asked thing in its own words falls below units stating
it in the question's. Here each concept counts once: met by any of its words, weighted by its rarest
held word; a word jieba splits (主要负责人: 主要, 负责人) is met only where all its pieces are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from assistant.plain_words import PLAIN_WORDS, same_thing
from assistant.topic_words import said_once, topic_tokens, without_asking_words
from index.bm25 import Bm25Snapshot

Word = tuple[str, ...]  # the tokens of one word, all needed


class Concept(NamedTuple):
    """One thing the question asks about: the words any of which states it."""

    words: tuple[Word, ...]
    from_plain_phrase: bool = False  # the notices' words for a plain phrase, not the user's own
    in_order: tuple[Word, ...] = ()  # words met only where their tokens stand together in this order (党员发展)


def whole_words(tokens: Sequence[str]) -> list[str]:
    """Tokens not inside another token of the same text (一把手, not its pieces 一把 and 把手)."""
    distinct = list(dict.fromkeys(tokens))
    return [t for t in distinct if not any(t != other and t in other for other in distinct)]


def question_concepts(question: str, tokenize: Callable[[str], list[str]]) -> list[Concept]:
    """The concepts of a question: each plain phrase with the notices' words for it, then its other words."""
    question = said_once(without_asking_words(question))  # "吃吃喝喝": the notices' 吃喝
    concepts: list[Concept] = []
    said = question
    for pattern, official in PLAIN_WORDS:
        match = pattern.search(question)
        if not match:
            continue
        words = [tuple(whole_words(tokenize(word))) for word in official.split()]
        phrase = tuple(whole_words(tokenize(match.group(0))))
        if len(phrase) == 1:  # the phrase is one word itself (公车): notices may write it too
            words.append(phrase)
        words = [w for w in dict.fromkeys(words) if w]
        if words:
            concepts.append(Concept(tuple(words), True))
        said = said.replace(match.group(0), " ")
    grouped = {token for concept in concepts for word in concept.words for token in word}
    written = [whole_words(topic_tokens(tokenize(piece))) for piece in _OR.split(said)]
    pieces = [[t for t in piece if t not in grouped] for piece in written]
    rest: list[tuple[list[Word], list[Word]]] = []
    for index, piece in enumerate(pieces):
        for position, token in enumerate(piece):
            alike = [(word,) for word in same_thing(token)]  # 补贴 asked is met by 补助 written
            turned = [turned] if (turned := turned_compound(token, tokenize)) else []
            if position == 0 and index > 0 and not pieces[index - 1] and written[index - 1] and concepts:
                # "乱发津补贴或者工资": 津补贴 went into the plain phrase's concept; 工资 is the other way of it.
                concepts[-1] = concepts[-1]._replace(words=tuple(dict.fromkeys([*concepts[-1].words, (token,), *alike])))
            elif position == 0 and index > 0 and rest and pieces[index - 1]:
                rest[-1][0].extend(alike)  # "拆了或者退出了养殖": 拆 or 退出 (then 养殖)
                rest[-1][1].extend(turned)
            else:
                rest.append(([(token,), *alike], turned))
    return concepts + [Concept(tuple(dict.fromkeys(words)), False, tuple(turned)) for words, turned in rest]


def turned_compound(word: str, tokenize: Callable[[str], list[str]]) -> Word | None:
    """A compound of two words with its halves turned round (发展党员: 党员, 发展), as notices also write it
    (党员发展工作); None for a word that is not two words."""
    parts = [t for t in tokenize(word) if t != word and len(t) >= 2]
    head = next((p for p in parts if word.startswith(p) and word[len(p):] in parts), None)
    return (word[len(head):], head) if head else None


# "A或者B", "A或B": either one says the topic (one concept, met by either).
_OR = re.compile(r"或者|或是|或")
# Two whole clauses joined this way are two topics, either enough ("超标或者换个名目报销").
_CLAUSE_OR = re.compile(r"或者|或是|还是|或")


def alternative_clauses(question: str, tokenize: Callable[[str], list[str]], min_words: int, word_chars: int) -> list[str]:
    """The clauses of a topic of whole clauses joined by 或者/或/还是, each of at least min_words topic words or
    one word of word_chars characters naming a whole act ("公车私用或者…"); the question alone when it is one
    topic (or an alternative of single words). The knobs are RetrievalSettings.min_clause_words, clause_word_chars."""
    clauses = _CLAUSE_OR.split(said_once(without_asking_words(question)))

    def is_clause(words: list[str]) -> bool:
        return len(words) >= min_words or any(len(w) >= word_chars for w in words)

    if len(clauses) < 2 or not all(is_clause(whole_words(topic_tokens(tokenize(c)))) for c in clauses):
        return [question]
    return clauses


def rows_holding(snapshot: Bm25Snapshot, word: Word) -> np.ndarray | None:
    """Rows holding every token of the word (None when some token is in no row)."""
    held = np.ones(snapshot.size, dtype=bool)
    for token in word:
        column = snapshot.vocabulary.get(token)
        if column is None or not snapshot.frequency_of(token):
            return None
        rows = np.zeros(snapshot.size, dtype=bool)
        rows[snapshot.counts.indices[snapshot.counts.indptr[column] : snapshot.counts.indptr[column + 1]]] = True
        held &= rows
    return held if held.any() else None


def fuller_words(snapshot: Bm25Snapshot, words: Sequence[Word]) -> list[tuple[Word, np.ndarray]]:
    """For a one-character word of the user's ("拆了", "退了"), the two-character notice words it begins
    (拆除, 拆迁) with their rows: notices write the full verb, jieba keeps the user's character alone."""
    singles = {word[0] for word in words if len(word) == 1 and len(word[0]) == 1}
    if not singles:
        return []
    fuller = [(token,) for token in snapshot.vocabulary if len(token) == 2 and token[0] in singles]
    return [(word, rows) for word in fuller if (rows := rows_holding(snapshot, word)) is not None]


def concept_coverage(
    snapshot: Bm25Snapshot, concepts: Sequence[Concept], rows_saying: Callable[[str], np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Share of the concepts each row holds, each weighted by the rarity of its rarest held word; and
    whether each row holds a plain phrase's concept (the topic the user named in their own words).

    A plain phrase's concept that no passage holds is left out (the notices' words were only a guess);
    a word of the user's own that no passage holds keeps the highest weight, so a question about
    something no notice states qualifies no unit. A word met only in order is read where rows_saying (the
    rows whose text holds a phrase) is given.
    """
    covered = np.zeros(snapshot.size, dtype=np.float32)
    plain = np.zeros(snapshot.size, dtype=bool)
    total = 0.0
    for concept in concepts:
        held = [(word, rows) for word in concept.words if (rows := rows_holding(snapshot, word)) is not None]
        if rows_saying is not None:
            together = [(word, rows & rows_saying("".join(word))) for word in concept.in_order
                        if (rows := rows_holding(snapshot, word)) is not None]
            held += [(word, rows) for word, rows in together if rows.any()]
        fuller = [] if concept.from_plain_phrase else fuller_words(snapshot, concept.words)
        if not held and fuller:  # weighed as the commonest notice word it stands for, not as a word no row holds
            held = [min(fuller, key=lambda found: snapshot.rarity(found[0][0]))]
        if not held:
            if not concept.from_plain_phrase:
                total += max(snapshot.rarity(token) for token in concept.words[0])
            continue
        weight = max(max(snapshot.rarity(token) for token in word) for word, _ in held)
        total += weight
        rows = np.logical_or.reduce([rows for _, rows in held + fuller])
        covered[rows] += weight
        if concept.from_plain_phrase:
            plain |= rows
    return (covered / total if total else covered), plain


def topic_coverage(
    snapshot: Bm25Snapshot, concepts: Sequence[Concept], rows_saying: Callable[[str], np.ndarray] | None = None
) -> np.ndarray:
    """Concept coverage of each row; when some row holds the topic the user named in plain words, rows
    without it count 0 (a unit sharing only the question's other words does not state its topic)."""
    covered, plain = concept_coverage(snapshot, concepts, rows_saying)
    return np.where(plain, covered, 0.0).astype(np.float32) if plain.any() else covered

"""Meaning, not shared words: how close each candidate sentence is to the topic of a question.

People ask in their own words ("管好公家的车" for 公务用车, "花钱的规矩" for 财务制度); keyword
overlap cannot bridge that, so the sentences of the retrieved passages are embedded (with the
model that indexed the passages) and compared with the question's topic. Sentence vectors are
cached, so a follow-up over the same passages costs only its question.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.unit_names import without_spans
from assistant.units import COMPARISON

# Words of the question that carry no topic: comparison and question phrasing, connectors.
_NOT_TOPIC = re.compile(
    r"有何不同|有什么不同|有何区别|有什么区别|有何异同|异同|差异|不同之处|一样吗|相同吗|"
    r"谁的?问题(?:更|最)?(?:大|多|严重|突出)(?:一些|一点|些|点儿?)?|是?(?:啥|什么)情况|比比|"
    r"各自|分别|都|各|请问|请|比较一下|对比一下|说说|讲讲|介绍一下|看看|"
    r"做了哪些工作|做了什么|采取了哪些措施|怎么做的|怎么样|是?(?:怎么|咋|如何)(?:说|讲|写|提)的?|"
    r"被?(?:说|讲|写|提)了?些?(?:啥|什么)|(?:咋|怎么|怎样)(?:弄|搞|办|整(?![合改顿治理编]))的?|(?:咋|怎么|怎样)(?=整[合改顿治理编])|拿出了?(?:啥|什么)|这块|这一块|了没有?|如何|情况|"
    r"那么|那|呢|吗|吧|的话|[和与跟、]|(?<![\u4e00-\u9fff])[同及]|以及|在|上|方面"  # 合同's 同, 及时's 及 stay
)
_PUNCTUATION = re.compile(r"[\s,，。.?？!！:：;；()（）“”\"']+")


def question_topic(question: str, unit_spans: Sequence[tuple[int, int]]) -> str:
    """The question without its unit names and comparison wording: what the user asks about."""
    topic = without_spans(question, unit_spans, " ")
    topic = COMPARISON.sub(" ", topic)
    topic = _NOT_TOPIC.sub(" ", topic)
    return _PUNCTUATION.sub(" ", topic).strip()


class SentenceSimilarity:
    """Cosine similarity of sentences to a topic, with an LRU cache of sentence vectors."""

    def __init__(self, embeddings: Embeddings, cache_size: int = 20_000) -> None:
        self.embeddings = embeddings
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def similarities(self, topic: str, sentences: Sequence[str]) -> list[float]:
        """One cosine per sentence (0.0 for all when the topic is empty or the model fails)."""
        if not topic or not sentences:
            return [0.0] * len(sentences)
        try:
            query = self._topic_vector(topic)
            vectors = self._vectors(sentences)
        except Exception:  # an embeddings endpoint can fail; keyword scoring still answers
            return [0.0] * len(sentences)
        return [float(v @ query) for v in vectors]

    def _topic_vector(self, topic: str) -> np.ndarray:
        """The topic's query vector, kept with the sentence vectors (a topic asked again costs nothing)."""
        key = "\0query:" + topic  # never a sentence of a notice
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        vector = _unit(np.asarray(self.embeddings.embed_query(topic), dtype=np.float32))
        with self._lock:
            self._cache[key] = vector
        return vector

    def _vectors(self, sentences: Sequence[str]) -> list[np.ndarray]:
        with self._lock:
            missing = list(dict.fromkeys(s for s in sentences if s not in self._cache))
        if missing:
            fresh = self.embeddings.embed_documents(missing)
            with self._lock:
                for sentence, vector in zip(missing, fresh):
                    self._cache[sentence] = _unit(np.asarray(vector, dtype=np.float32))
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        with self._lock:
            for sentence in sentences:
                self._cache.move_to_end(sentence)
            return [self._cache[s] for s in sentences]


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


def meaning_boosts(similarity: SentenceSimilarity, topic: str, texts: Sequence[str]) -> list[float]:
    """How much closer in meaning each text is to the topic than the typical candidate, from 0 to 1.

    Relative to the candidates themselves: the median candidate scores 0 and the closest 1, so the
    boost does not depend on where the model's cosines happen to sit.
    """
    sims = similarity.similarities(topic, texts)
    if len(sims) < 2:
        return [0.0] * len(sims)
    floor, top = float(np.median(sims)), max(sims)
    if top - floor <= 1e-6:
        return [0.0] * len(sims)
    return [max(0.0, (s - floor) / (top - floor)) for s in sims]

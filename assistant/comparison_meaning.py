"""A comparison's columns re-ranked by closeness in meaning to the question's topic."""

from __future__ import annotations

from dataclasses import replace

from assistant.evidence import Evidence
from assistant.semantic import SentenceSimilarity, meaning_boosts
from assistant.settings import AnsweringSettings


def rerank_by_meaning(
    by_unit: dict[str, list[Evidence]],
    topic: str,
    similarity: SentenceSimilarity | None,
    settings: AnsweringSettings,
) -> dict[str, list[Evidence]]:
    """Each compared unit's evidence, re-ranked by closeness in meaning to the question's topic.

    People compare in their own words ("管好公家的车" for 公务用车): every unit's candidate
    sentences are compared with the topic by the embedder, so a column holds the sentences on
    that topic, not those that merely share a frequent word.
    """
    if similarity is None or not topic or settings.meaning_weight <= 0:
        return by_unit
    worded_alike = all(
        items and max(items[0].coverages, default=0.0) >= settings.meaning_skip_coverage
        for items in by_unit.values()
    )
    # Every unit states the topic in the question's own words: keywords rank, and closeness in meaning is
    # read only for the leading sentences, so a column can tell the topic from a frequent word it shares.
    cap = settings.column_sentences * 2 if worded_alike else settings.meaning_sentences_per_unit
    weight = 0.0 if worded_alike else settings.meaning_weight
    candidates = [(unit, item) for unit, items in by_unit.items() for item in items[:cap]]
    boosts = meaning_boosts(similarity, topic, [item.text for _, item in candidates])
    rescored: dict[str, list[Evidence]] = {unit: [] for unit in by_unit}
    for (unit, item), boost in zip(candidates, boosts):
        rescored[unit].append(replace(item, score=item.score + weight * boost, meaning=boost))
    for unit, items in by_unit.items() if worded_alike else ():
        rescored[unit].extend(items[cap:])
    return {unit: sorted(items, key=lambda e: -e.score) for unit, items in rescored.items()}

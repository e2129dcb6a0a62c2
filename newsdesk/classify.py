"""Topics from the controlled vocabulary in data/topics.yaml, matched on lemmas (simplemma)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from .geo import _data
from .text import lemmas

TITLE_WEIGHT = 3  # a cue in the title says more about the article than one in passing


@dataclass(frozen=True)
class Topic:
    id: str
    en: str
    it: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    topics: dict[str, Topic]
    min_score: int
    max_topics: int

    def label(self, topic_id: str, lang: str) -> str:
        topic = self.topics[topic_id]
        return topic.it if lang == "it" else topic.en


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    data: dict[str, Any] = yaml.safe_load(_data("topics.yaml"))
    topics = {t["id"]: Topic(t["id"], t["en"], t["it"], tuple(str(c) for c in t["cues"])) for t in data["topics"]}
    return Taxonomy(topics, int(data["min_score"]), int(data["max_topics"]))


@lru_cache(maxsize=4)
def _cue_index(lang: str) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """first lemma -> [(cue lemmas, topic id)]: one pass over the text finds every cue."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for topic in taxonomy().topics.values():
        for cue in topic.cues:
            cue_lemmas = tuple(lemmas(cue, lang)) or (cue.lower(),)
            index.setdefault(cue_lemmas[0], []).append((cue_lemmas, topic.id))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
    return index


def _score(text: str, lang: str, weight: int, scores: Counter[str]) -> None:
    seq = lemmas(text, lang)
    index = _cue_index(lang)
    i = 0
    while i < len(seq):
        step = 1
        for cue, topic_id in index.get(seq[i], ()):
            if tuple(seq[i:i + len(cue)]) == cue:
                scores[topic_id] += weight
                step = len(cue)
                break
        i += step


WORDS_PER_CUE_POINT = 125  # a short news item has fewer cue words: the bar scales with its length


def threshold(tax: Taxonomy, body: str) -> int:
    """min_score for a full-length article, lower for a short one (never below 2)."""
    return max(2, min(tax.min_score, 1 + len(body.split()) // WORDS_PER_CUE_POINT))


def find_topics(title: str, body: str, lang: str) -> list[str]:
    """Topic ids, most relevant first (ties by id)."""
    tax = taxonomy()
    scores: Counter[str] = Counter()
    _score(title, lang, TITLE_WEIGHT, scores)
    _score(body, lang, 1, scores)
    ranked = sorted((t for t, s in scores.items() if s >= threshold(tax, body)), key=lambda t: (-scores[t], t))
    return ranked[: tax.max_topics]

"""Language-aware text helpers: sentences, language detection, lemmas.

Sentence splitting is pysbd's (rule-based, Italian rules included: it keeps "48,6",
"110.000" and abbreviations together); lemmas and language detection are simplemma's.
"""

from __future__ import annotations

import re
from functools import cache

import pysbd
import simplemma

# Languages the detector chooses between. The analysis (cue lemmas) covers it and en.
CANDIDATE_LANGUAGES = ("it", "en", "es", "fr", "de", "pt")
ANALYSED_LANGUAGES = ("it", "en")
# Below this share of recognised words the text is not confidently any language.
MIN_LANGUAGE_SCORE = 0.5


@cache
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language if language in ("it", "en", "es", "fr", "de") else "en", clean=False)


def split_sentences(paragraph: str, language: str) -> list[str]:
    """Sentences of one paragraph, stripped, in order."""
    return [s.strip() for s in _segmenter(language).segment(paragraph) if s.strip()]


def detect_language(text: str) -> tuple[str | None, float]:
    """The most likely language code and its score, or (None, score) when unsure."""
    results = simplemma.langdetect(text[:20000], lang=CANDIDATE_LANGUAGES)
    code, score = results[0]
    if code == "unk" or score < MIN_LANGUAGE_SCORE:
        return None, score
    return code, score


WORD_RE = re.compile(r"[\w’'-]+", re.UNICODE)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def lemmas(text: str, language: str) -> list[str]:
    """Lower-cased lemmas of every word; elided articles (l', dell') are split off."""
    out = []
    for token in simplemma.simple_tokenizer(text):
        token = token.lower()
        if not any(ch.isalnum() for ch in token):
            continue
        for part in re.split(r"[’']", token):
            if part:
                out.append(simplemma.lemmatize(part, lang=language))
    return out


def is_known_word(word: str, language: str) -> bool:
    """True when the lower-cased word is in the language's dictionary (an ordinary word)."""
    return bool(simplemma.is_known(word.lower(), lang=language))

"""Language-aware text helpers: sentences, language detection, lemmas.

Sentence splitting is sentencex's (Wikimedia's rule-based segmenter with per-language
abbreviation lists: it keeps "48,6", "110.000", "dott." together, and is ~300x faster than pysbd,
which measured 0.15 s per article); lemmas and language detection are simplemma's.
"""

from __future__ import annotations

import re

import sentencex
import simplemma

# Languages the detector chooses between. The analysis (cue lemmas) covers it and en.
CANDIDATE_LANGUAGES = ("it", "en", "es", "fr", "de", "pt")
ANALYSED_LANGUAGES = ("it", "en")
# Below this share of recognised words the text is not confidently any language.
MIN_LANGUAGE_SCORE = 0.5


# sentencex takes an upper-case word before a full stop for an abbreviation ("prodotti AI. Stando",
# "Volkswagen e BMW. Il governo"); abbreviations with dots ("S.p.A.") are not matched here.
ACRONYM_END_RE = re.compile(r"(\b[A-Z]{2,6}\.)\s+(?=[A-ZÀ-Ý“\"«])")


def split_sentences(paragraph: str, language: str) -> list[str]:
    """Sentences of one paragraph, stripped, in order. A "sentence" that starts in lower case
    continues the previous one: the split was at an abbreviation ("la S.p.A. di Milano")."""
    out: list[str] = []
    pieces = (part for piece in sentencex.segment(language, paragraph)
              for part in ACRONYM_END_RE.sub("\\1\n", piece).split("\n"))
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and piece[0].islower():
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def detect_language(text: str) -> tuple[str | None, float]:
    """The most likely language code and its score, or (None, score) when unsure."""
    sample = text[:20000]
    # Most seeds are Italian or English: check those first, and load the other dictionaries
    # (about 1 s each) only for the rest.
    for likely in ANALYSED_LANGUAGES:
        share = simplemma.in_target_language(sample, lang=likely)
        if share >= MIN_LANGUAGE_SCORE + 0.2:
            return likely, share
    results = simplemma.langdetect(sample, lang=CANDIDATE_LANGUAGES)
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

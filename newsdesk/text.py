"""Language-aware text helpers: sentences, language detection, lemmas.

Sentence splitting is sentencex's (Wikimedia's rule-based segmenter with per-language
abbreviation lists: it keeps "48,6", "110.000", "dott." together, and is ~300x faster than pysbd,
which measured 0.15 s per article); lemmas and language detection are simplemma's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


# Quoted passages: «...», “...”, „...“, "..."; and a paragraph that opens with a quote mark and is
# never closed (an Italian quote of several paragraphs closes only at its end). An Italian article
# quoting an American CEO in English is still Italian: a quotation is someone else's language.
QUOTE_RE = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"\n]*\"|(?m:^[«“\"][^\n]*$)")
# How much a quoted word counts against a word of the page's own text.
QUOTE_WEIGHT = 0.25
# Below this many words of its own, a page is judged on all its text, quotes included.
MIN_OWN_WORDS = 20
# A detected language this sure overrules what the page's metadata declares.
CONFIDENT_SCORE = MIN_LANGUAGE_SCORE + 0.2


def split_quotes(text: str, quoted: Iterable[str] = ()) -> tuple[str, str]:
    """(the page's own text, its quotations): quote marks, and `quoted` passages (a saved page's
    <blockquote> and <q> elements) taken out of the text."""
    own = text
    passages = []
    for passage in sorted((q for q in quoted if q.strip()), key=len, reverse=True):
        # As the text has it: extraction may have changed the passage's whitespace.
        own, found = re.subn(r"\s+".join(map(re.escape, passage.split())), " ", own)
        passages += [passage] * min(found, 1)
    passages += QUOTE_RE.findall(own)
    return QUOTE_RE.sub(" ", own), "\n".join(passages)


def _share(own: str, quotes: str, language: str) -> float:
    """The share of words simplemma knows in `language`, a quoted word counting QUOTE_WEIGHT."""
    n_own, n_quotes = len(words(own)), len(words(quotes))
    if n_own < MIN_OWN_WORDS or not n_quotes:
        return float(simplemma.in_target_language(f"{own}\n{quotes}", lang=language))
    weight = QUOTE_WEIGHT * n_quotes
    shares = simplemma.in_target_language(own, lang=language) * n_own
    shares += simplemma.in_target_language(quotes, lang=language) * weight
    return round(shares / (n_own + weight), 2)


def detect_language(text: str, quoted: Iterable[str] = ()) -> tuple[str | None, float]:
    """The most likely language code and its score, or (None, score) when unsure. The language of
    the text's own words: quotations (in quote marks, or the `quoted` passages) count less."""
    sample = text[:20000]
    own, quotes = split_quotes(sample, quoted)
    # Most seeds are Italian or English: check those first, and load the other dictionaries
    # (about 1 s each) only for the rest.
    shares = {likely: _share(own, quotes, likely) for likely in ANALYSED_LANGUAGES}
    likely = max(shares, key=lambda code: shares[code])
    if shares[likely] >= CONFIDENT_SCORE:
        return likely, shares[likely]
    results = simplemma.langdetect(own if len(words(own)) >= MIN_OWN_WORDS else sample,
                                   lang=CANDIDATE_LANGUAGES)
    code, score = results[0]
    if code == "unk" or score < MIN_LANGUAGE_SCORE:
        return None, score
    return code, score


# An interview's question: a short paragraph, or the start of one, ending with a question mark
# (maybe inside quotes), the answer after it (in the next paragraph, or on the next line).
QUESTION_RE = re.compile(r"^(?P<question>[^?\n]{3,300}\?[\"”»’']*)(?:\s+(?P<answer>\S.*))?$", re.DOTALL)
QUESTION_MAX_WORDS = 40
MIN_QUESTIONS = 2


def _question(paragraphs: list[str], n: int) -> str | None:
    """The question paragraph `n` asks, when an answer follows it (in it, or in the next paragraph)."""
    m = QUESTION_RE.match(paragraphs[n].strip())
    if m is None or len(words(m.group("question"))) > QUESTION_MAX_WORDS:
        return None
    answered = m.group("answer") is not None or (
        n + 1 < len(paragraphs) and QUESTION_RE.match(paragraphs[n + 1].strip()) is None)
    return m.group("question") if answered else None


def interview_language(title: str, paragraphs: list[str]) -> str | None:
    """The language of an interview's own frame (headline, introduction, questions) when the text is
    one: at least two short questions, each followed by an answer. An Italian interview with
    unquoted English answers is Italian: the answers are the guest's words, as a quotation is."""
    asked = [(n, q) for n in range(len(paragraphs)) if (q := _question(paragraphs, n)) is not None]
    if len(asked) < MIN_QUESTIONS:
        return None
    frame = "\n".join([title, *paragraphs[:asked[0][0]], *(q for _, q in asked)])
    if len(words(frame)) < MIN_OWN_WORDS:
        return None
    language, score = detect_language(frame)
    return language if language in ANALYSED_LANGUAGES and score >= CONFIDENT_SCORE else None


def page_language(text: str, declared: str | None, quoted: Iterable[str] = ()) -> str | None:
    """The language of a page whose metadata declares one (html lang, og:locale): the declared
    language, unless its own text is confidently in another one (a CMS template's lang="en-US" on
    an Italian site, an English wire story on an Italian one). Without metadata: the language of
    the text when a page marks quotations (`quoted`), else None (detect from the text)."""
    if declared is None:
        return detect_language(text, quoted)[0] if quoted else None
    detected, score = detect_language(text, quoted)
    if detected is not None and detected != declared and score >= CONFIDENT_SCORE:
        return detected
    # A page declaring a language newsdesk does not analyse (a bilingual site's lang="de") whose text
    # reads more Italian (or English) than anything else: the text is what the user wants read.
    if declared not in ANALYSED_LANGUAGES and detected in ANALYSED_LANGUAGES:
        return detected
    return declared


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

"""Extractive summary and key points: every sentence comes from the article, none is invented.

Sentences are scored on what makes a lead in news writing: position (the first sentence and
paragraph openers), figures, named entities, and overlap with the title's lemmas. The first
sentence is always kept: in news it states the lead fact. A sentence that does not end as
sentences do (a paywall cut "...dell", a caption, a label) is never used.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import entities, figures, geo
from .clean import is_chrome_sentence, is_terminated
from .text import lemmas, split_sentences

MIN_WORDS, MAX_WORDS = 6, 70  # shorter is a fragment, longer a run-on paste
# A news sentence is rarely over 400 characters; past 1,000 it is a paste without full stops
# (a table, a list, a whole page on one line). Never a summary sentence, and never sent to a
# translation engine, which would spend minutes on it.
MAX_SENTENCE_CHARS = 1_000
SHORT_LEAD_WORDS = 15  # a first sentence this short is a hook; the lead fact follows it


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int
    position: int  # index in the article


def article_sentences(paragraphs: list[str], lang: str) -> list[Sentence]:
    out: list[Sentence] = []
    for p_index, paragraph in enumerate(paragraphs):
        for text in split_sentences(paragraph, lang):
            out.append(Sentence(text, p_index, len(out)))
    return out


def _score(s: Sentence, title_lemmas: set[str], first_in_paragraph: bool, lang: str) -> float:
    n_words = len(s.text.split())
    if n_words < MIN_WORDS or n_words > MAX_WORDS or not is_terminated(s.text):
        return -1.0  # a fragment, a run-on paste, or a cut-off ending ("...dell")
    words = set(lemmas(s.text, lang))
    score = 2.0 * len(words & title_lemmas) / (len(title_lemmas) or 1)
    score += 0.8 * min(2, len(figures.find_figures(s.text, lang)))
    score += 0.4 * min(3, len(entities.find_mentions(s.text, lang)))
    score += 0.3 * min(5, len({p.code for p in geo.find_places(s.text, lang) if p.named}))
    if any(q in s.text for q in ("“", "«", '"')):
        score += 0.4  # a quoted statement is news in itself
    score += 0.6 if first_in_paragraph else 0.0
    score -= 0.02 * s.position  # earlier is more important in news
    return score


def summary_size(n_sentences: int) -> int:
    """3 sentences for a short article, 4 for a medium one, 5 for a long one."""
    return 3 if n_sentences <= 12 else 4 if n_sentences <= 30 else 5


def summarize(title: str, sentences: list[Sentence], lang: str) -> tuple[list[str], list[str]]:
    """(summary sentences, key points), each in article order."""
    # Never an unterminated sentence: a paywall cut, a label or a caption glued to the text; never
    # a sentence of page furniture inside a paragraph ("Condividi questo articolo su Facebook.").
    sentences = [s for s in sentences if is_terminated(s.text) and len(s.text) <= MAX_SENTENCE_CHARS
                 and not is_chrome_sentence(s.text)]
    if not sentences:
        return [], []
    stop = {"il", "lo", "la", "i", "gli", "le", "di", "a", "da", "in", "con", "su", "per", "e", "the", "of",
            "and", "to", "on", "for", "un", "uno", "una"}
    title_lemmas = set(lemmas(title, lang)) - stop
    first_of_paragraph: dict[int, int] = {}
    for s in sentences:
        first_of_paragraph.setdefault(s.paragraph, s.position)
    lead = [sentences[0]]
    if len(sentences[0].text.split()) < SHORT_LEAD_WORDS and len(sentences) > 1 \
            and sentences[1].paragraph == sentences[0].paragraph:
        lead.append(sentences[1])
    scores = {s.position: _score(s, title_lemmas, first_of_paragraph[s.paragraph] == s.position, lang)
              for s in sentences[len(lead):]}
    scored = sorted(sentences[len(lead):], key=lambda s: (-scores[s.position], s.position))
    usable = [s for s in scored if scores[s.position] >= 0]
    n = summary_size(len(sentences))
    summary = [*lead, *usable[: max(0, n - len(lead))]]
    rest = usable[max(0, n - len(lead)):]
    n_points = min(5, max(3, len(sentences) // 4))  # about one key point per four sentences
    points = rest[:n_points]
    by_position = sorted(summary, key=lambda s: s.position)
    return [s.text for s in by_position], [s.text for s in sorted(points, key=lambda s: s.position)]

"""Placeholder protection for the literal offline engine.

Apertium translates word by word: "Model Y" becomes "Model And", "USA" "Uses him", "1.800" stays
Italian. Before the text goes in, every span the engine would mangle (figures, names, places,
acronyms, URLs, glossary terms) is swapped for a token `ZZ<n>ZZ` that Apertium passes through
untouched; after, each token is replaced by the span's English form. A token the engine lost
is an error, never a silently dropped figure.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import datafiles, entities, figures, geo
from .errors import TranslationError

PLACEHOLDER_RE = re.compile(r"ZZ(\d+)ZZ")
URL_RE = re.compile(r"https?://\S+")


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """newsdesk/data/glossary.yaml, section it-en: Italian term -> English, checked at load."""
    return datafiles.glossary().it_en


@functools.lru_cache(maxsize=1)
def _glossary_re() -> re.Pattern[str]:
    terms = sorted(glossary(), key=len, reverse=True)
    # Acronyms match as written ("AI", not the Italian "ai"); other terms in any case.
    alternatives = [f"(?-i:{re.escape(t)})" if t.isupper() else re.escape(t) for t in terms]
    return re.compile(r"(?<![\w-])(" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _glossary_folded() -> dict[str, str]:
    return {k.casefold(): v for k, v in glossary().items()}


@functools.lru_cache(maxsize=1)
def _glossary_values() -> frozenset[str]:
    return frozenset(glossary().values())


@dataclass(frozen=True)
class Protected:
    text: str  # with placeholders
    values: tuple[str, ...]  # what each placeholder stands for in the target language

    def restore(self, translated: str) -> str:
        missing = [i for i in range(len(self.values)) if f"ZZ{i}ZZ" not in translated]
        if missing:
            raise TranslationError("apertium", f"lost placeholder(s) {missing} in {translated!r}")
        translated = _prepose(translated, self.values)
        # Apertium capitalises the word after an unknown token ("ZZ0ZZ Has announced"): names
        # are all placeholders, so a capital right after one is an artefact.
        translated = re.sub(r"(ZZ\d+ZZ) ([A-Z][a-z]+)\b", lambda m: m.group(0) if re.search(
            rf"(?<!\w){m.group(2)}(?!\w)", self.text) else f"{m.group(1)} {m.group(2).lower()}", translated)
        return PLACEHOLDER_RE.sub(lambda m: self.values[int(m.group(1))], translated)


# Adjectives that English puts before the noun and the pivot leaves after it when the noun is a
# placeholder or a word the engine does not know: "the ZZ3ZZ italian" (la filiera italiana) ->
# "the Italian supply chain". English word -> as written before the noun.
POSTPOSED = {w.casefold(): w for w in """
    Italian European Chinese Japanese American German French Spanish British Korean Indian Russian Brazilian
    Mexican Canadian Taiwanese Saudi Dutch Swiss Austrian Belgian Greek Turkish Israeli Emirati Malaysian
    Vietnamese Thai Indonesian Australian African Asian Arab Nordic Scandinavian Egyptian Nigerian Kenyan
    Argentine Chilean Colombian Peruvian Ukrainian Irish Portuguese Swedish Norwegian Finnish Danish Czech
    Hungarian Romanian Qatari Iranian Pakistani Singaporean Moroccan Algerian Tunisian Mediterranean Milanese
    Piedmontese Lombard Sicilian Tuscan Neapolitan Venetian Bavarian Turin Molise Slovak Slovenian Croatian
    Polish Serbian Bulgarian Estonian Latvian Lithuanian Luxembourgish Maltese Cypriot Icelandic Filipino Ethiopian
    current
""".split()} | {  # noqa: SIM905 (a word list reads better as text)
    "south african": "South African", "south korean": "South Korean", "latin american": "Latin American",
    "north american": "North American", "new zealand": "New Zealand",
    # the engine's plural noun for an adjective after a placeholder ("PMI italiane" -> "SMEs Italians")
    **{f"{w.casefold()}s": w for w in """Italian European American German Russian Brazilian Mexican Canadian Korean
        Indian Australian African Asian""".split()}}  # noqa: SIM905
# Adjectives of the glossary that follow their noun in Italian: moved only when they come from a
# placeholder (as plain English words they may be nouns: "data mining", "Monday evening").
POSTPOSED_TERMS = frozenset("""
    mining ruling evening parallel shipping port steel car manufacturing aerospace dairy mandatory reusable
    subsidised repetitive mid-range high-end low-end
""".split())  # noqa: SIM905 (a word list reads better as text)
# A token the adjective may follow: a placeholder or a lower-case word that is not a function word.
NOT_A_NOUN = frozenset("""
    the a an of to in on at by for from with and or nor but as than that which who whom whose is are was were be
    been being has have had will would should could can may might must not very more most less least all both
    each every some any no its their his her our your this these those there here also only so too it they we
    he she you one become becomes became remain remains remained seem seems seemed
""".split())  # noqa: SIM905 (a word list reads better as text)
POSTPOSED_WORDS = "|".join(re.escape(w).replace("\\ ", " ") for w in sorted(POSTPOSED, key=len, reverse=True))
ADJECTIVE_RE = r"(?:{adjectives}|(?i:" + POSTPOSED_WORDS + r"))(?![\w-])"
POSTPOSED_RE = r"(?<![\w-])(ZZ\d+ZZ|[a-z][\w-]*)((?: " + ADJECTIVE_RE + r")+)"


def _prepose(translated: str, values: tuple[str, ...]) -> str:
    """Put postposed adjectives before their noun, the last first, as English orders them:
    "ZZ0ZZ japanese" -> "Japanese ZZ0ZZ"; "group ZZ1ZZ german" (gruppo automobilistico tedesco)
    -> "German ZZ1ZZ group"."""
    def value(token: str) -> str:
        m = PLACEHOLDER_RE.fullmatch(token)
        return values[int(m.group(1))] if m else token

    def english(token: str) -> str:
        return POSTPOSED.get(value(token).casefold(), value(token))

    def swap(m: re.Match[str]) -> str:
        noun, noun_value = m.group(1), value(m.group(1))
        tokens = re.findall(adjective_re, m.group(2))
        # Not after a noun: the adjectives stay, with their capital ("are italian" -> "are Italian").
        kept = " ".join([noun, *(t if PLACEHOLDER_RE.fullmatch(t) or english(t).casefold() != t.casefold()
                                 else english(t) for t in tokens)])
        if noun_value.casefold() in NOT_A_NOUN or noun_value.casefold() in POSTPOSED.keys() | POSTPOSED_TERMS:
            return kept
        if any(ch.isdigit() for ch in noun_value):
            # "32 miliardi di dollari americani": the figure already says dollars
            if english(tokens[0]) == "American" and noun_value.startswith("$"):
                return " ".join([noun, *tokens[1:]])
            return kept
        if not PLACEHOLDER_RE.fullmatch(noun):
            # A capital after a known word is the engine's own order ("the first Italian sanction").
            if not (tokens[0].islower() or PLACEHOLDER_RE.fullmatch(tokens[0])):
                return m.group(0)
        else:
            lowered = noun_value[:1].lower() + noun_value[1:]
            if lowered != noun_value and lowered in _glossary_values():
                noun = lowered  # a term capitalised at a sentence start: "Chinese electric cars"
        return " ".join([*(english(t) for t in reversed(tokens)), noun])

    adjectives = [f"ZZ{i}ZZ" for i, v in enumerate(values) if v.casefold() in POSTPOSED or v in POSTPOSED_TERMS]
    adjective_re = ADJECTIVE_RE.format(adjectives="|".join(adjectives or ["(?!)"]))
    return re.sub(POSTPOSED_RE.format(adjectives="|".join(adjectives or ["(?!)"])), swap, translated)


# A name followed by a model or series code: "Model Y", "Serie C", "Galaxy S24", "Falcon 9".
# The engine reads the code as a word ("Model And", "Serious C"); the first word stays as written,
# except the Italian words for a series or class.
MODEL_RE = re.compile(r"\b([A-Z][a-z]+)\s+((?:[A-Z]|[A-Z]{0,3}\d{1,4}[A-Za-z]{0,3}|\d{1,3})"
                      r"(?:[+-][A-Za-z0-9]+)?)\b(?![.,]\d)")
MODEL_FIRST_WORD = {"Serie": "Series", "Classe": "Class", "Modello": "Model"}
# Capitalised Italian words that start a phrase before a number ("Nel 2025", "Entro 3 anni").
NOT_A_NAME = frozenset("""
    Il Lo La I Gli Le Un Uno Una Nel Nello Nella Nei Negli Nelle Dal Dallo Dalla Dai Dagli Dalle Al Allo Alla Ai
    Agli Alle Del Dello Della Dei Degli Delle Sul Sulla Sui Sugli Sulle Entro Per Con Tra Fra Su Da Di In A E
    Dopo Prima Oltre Circa Fino Quasi Solo Anche Ma Se Già Ora Oggi Ieri Nell Dall All Dell Sull Anno Anni
    Gennaio Febbraio Marzo Aprile Maggio Giugno Luglio Agosto Settembre Ottobre Novembre Dicembre Ore Alle
    Punto Articolo Capitolo Fase Lotto Livello Tabella Figura Pagina
""".split())  # noqa: SIM905 (a word list reads better as text)
# An acronym: two to six capitals, maybe with digits ("TSMC", "ESA", "5G" is a figure of its own).
ACRONYM_RE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,5}(?![\w-])")
# A number written the Italian way that no figure covered: "1.800", "2,5", "1.250,75".
NUMBER_IT_RE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)(?![\w]|[.,]\d)")

# A name run: two or more capitalised words ("Fabiana Greco", "Intesa Sanpaolo", "YOOX
# Net-a-Porter"), maybe joined by the particles of Italian names ("Cassa di Risparmio").
NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\wÀ-ÿ&]*(?:-[\wÀ-ÿ]+)*"
NAME_PARTICLES = r"(?:di|de|del|della|delle|dei|degli|da|dal|dalla|van|von|der)"
NAME_RUN_RE = re.compile(rf"(?<![\w'’-])(?:{NAME_WORD})(?:\s+(?:{NAME_PARTICLES}\s+|d['’])?(?:{NAME_WORD}))+(?![\w-])")
NAME_WORD_RE = re.compile(rf"(?<![\w'’-]){NAME_WORD}(?![\w-])")
# Where a sentence starts inside a text: its beginning, after a full stop, or after a quote.
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]\s+|[\"«“(]\s*)$")

# Italian phrases the glossary cannot list one by one: (pattern, English).
PHRASE_RULES: tuple[tuple[str, str], ...] = (
    (r"\b[Dd]al(?= (?:19|20)\d\d\b)", "since"),  # "quotata dal 2023" -> "listed since 2023", not "of 2023"
    (r"\b[Ss]ei(?= (?:nuov[ie] )?[a-zà-ù]+[ie]\b)", "six"),  # "sei satelliti" -> "six", not "you are"
)
# "a"/"ad" before a place is "in" ("prodotto a Breslavia", "salito ad Amsterdam"), except after
# a word of motion, link or comparison ("collegherà Milano a Torino", "vicino a Taranto") or in
# "da X a Y" (from X to Y).
LOCATIVE_RE = re.compile(r"(?<![\w'’])([Aa]d?) $")
NOT_LOCATIVE_BEFORE = frozenset("""
    va vanno andare andrà andranno andato andata andati andate torna tornare tornerà tornato tornata tornati
    trasferito trasferita trasferiti trasferite trasferire trasferirà trasferisce trasferimento sposta spostare
    spostato spostata spostati spedito spedita spediti spedire inviato inviata inviati inviare volo voli volare
    collega collegare collegherà collegato collegata collegati collegamento collegamenti diretto diretta diretti
    dirette destinato destinata destinati destinate porta portare porterà portato portata esporta esportare
    esportato vicino vicina vicini accanto intorno fino rispetto oltre davanti insieme grazie pari legato legata
    legati simile simili uguale venduto venduta venduti vendere ceduto ceduta cedere affidato affidata
    rotta rotte treno treni linea tratta viaggio viaggi viaggiare arrivo partenza
""".split())  # noqa: SIM905 (a word list reads better as text)
FROM_BEFORE_RE = re.compile(r"\b(?:[Dd]a|[Dd]al|[Dd]alla|[Dd]allo|[Dd]ai|[Dd]agli|[Dd]alle)\s+\S+(?:\s+\S+)?\s+$")

# Overlapping spans: the earliest wins, then the longest, then the lowest priority number.
GLOSSARY, FIGURE, MODEL, PLACE, NAME, ACRONYM, NUMBER, URL = range(8)


def _english_number(italian: str) -> str:
    return figures.format_number(figures.parse_number(italian, "it"), "en")


def _glossary_case_ok(text: str, m: re.Match[str]) -> bool:
    """A glossary term written in lower case is a common word: with a capital it is part of a name
    ("Rete Ferroviaria Italiana", "Fusione Holding") unless it starts a sentence ("Rete" first)."""
    term = next((t for t in glossary() if t.casefold() == m.group(0).casefold()), "")
    if term != term.lower() or m.group(0) == term:
        return True
    return bool(SENTENCE_START_RE.search(text[:m.start()]))


def _same_case(found: str, english: str) -> str:
    """A glossary term at the start of a sentence keeps its capital: "Fatturato" -> "Revenue"."""
    if found[:1].isupper() and english[:1].islower():
        return english[:1].upper() + english[1:]
    return english


def protect(text: str, source: str, target: str) -> Protected:
    """Swap the spans a literal engine would mangle for placeholders: glossary terms, figures,
    model names, names, places, acronyms, Italian-formatted numbers, URLs."""
    spans: list[tuple[int, int, int, str]] = []  # start, end, priority, value in the target language
    if source == "it" and target == "en":
        folded = _glossary_folded()
        for m in _glossary_re().finditer(text):
            if not _glossary_case_ok(text, m):
                continue
            spans.append((m.start(), m.end(), GLOSSARY, _same_case(m.group(0), folded[m.group(0).casefold()])))
        for pattern, english in PHRASE_RULES:
            for m in re.finditer(pattern, text):
                spans.append((m.start(), m.end(), GLOSSARY, _same_case(m.group(0), english)))
    for fig in figures.find_figures(text, source, understood=False):
        spans.append((fig.start, fig.end, FIGURE, fig.en if target == "en" else fig.it))
    if source == "it":
        for m in MODEL_RE.finditer(text):
            if m.group(1) not in NOT_A_NAME:
                first = MODEL_FIRST_WORD.get(m.group(1), m.group(1)) if target == "en" else m.group(1)
                spans.append((m.start(), m.end(), MODEL, f"{first} {m.group(2)}"))
    for mention in entities.find_mentions(text, source):
        if mention.descriptive:
            continue  # "Politecnico di Torino" -> "Polytechnic of Turin": left to the rules below
        # A name stays as written: the canonical form may be another language's ("ESA" is
        # filed as "Agenzia spaziale europea").
        written = text[mention.start:mention.end]
        first, _, rest = written.partition(" ")
        if first in NOT_A_NAME:
            # "Il Messico" at the start of a sentence is an article and a place, not a name.
            if rest:
                spans.append((mention.end - len(rest), mention.end, NAME, rest))
            continue
        spans.append((mention.start, mention.end, NAME, written))
    for place in geo.find_places(text, source):
        # Only a place written as its own name ("Germania", "Medio Oriente"): an alias such as
        # "UE" or "Bruxelles" for Europe is not the word "Europe" (the glossary has those).
        if place.named and text[place.start:place.end] == geo.label(place.code, source):
            spans.append((place.start, place.end, PLACE, geo.label(place.code, target)))
    if source == "it":
        for m in ACRONYM_RE.finditer(text):
            spans.append((m.start(), m.end(), ACRONYM, m.group(0)))
    if source == "it" and target == "en":
        for m in NUMBER_IT_RE.finditer(text):
            spans.append((m.start(), m.end(), NUMBER, _english_number(m.group(0))))
    for m in URL_RE.finditer(text):
        spans.append((m.start(), m.end(), URL, m.group(0)))
    if source == "it":
        spans.extend(_name_runs(text, spans))
    if source == "it" and target == "en":
        spans.extend(_locatives(text, spans))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[2]))
    out: list[str] = []
    values: list[str] = []
    pos = 0
    for start, end, _, value in spans:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(f"ZZ{len(values)}ZZ")
        values.append(value)
        pos = end
    out.append(text[pos:])
    return Protected("".join(out), tuple(values))


def rules() -> tuple[str, ...]:
    """The protection rules as text, part of the offline engine's cache key (postedit.rules_version):
    a translation cached before a rule changed is made again."""
    return (MODEL_RE.pattern, repr(sorted(MODEL_FIRST_WORD.items())), repr(sorted(NOT_A_NAME)), ACRONYM_RE.pattern,
            NUMBER_IT_RE.pattern, NAME_RUN_RE.pattern, SENTENCE_START_RE.pattern, repr(PHRASE_RULES),
            LOCATIVE_RE.pattern, repr(sorted(NOT_LOCATIVE_BEFORE)), FROM_BEFORE_RE.pattern, repr(POSTPOSED),
            POSTPOSED_RE, ADJECTIVE_RE, "glossary-case-1", "prepose-2", repr(sorted(POSTPOSED_TERMS)))


def _locatives(text: str, spans: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """"a Bruxelles" is "in Brussels": the preposition and the place become one span, so the
    engine cannot make it "to Brussels" (Spanish "a")."""
    out: list[tuple[int, int, int, str]] = []
    places = geo.find_places(text, "it")
    for place in places:
        if not place.named:
            continue
        m = LOCATIVE_RE.search(text, 0, place.start)
        if m is None:
            continue
        before = text[:m.start()].rstrip()
        previous = re.findall(r"[\wÀ-ÿ]+", before)[-3:]
        if any(w.casefold() in NOT_LOCATIVE_BEFORE for w in previous):
            continue
        origin = FROM_BEFORE_RE.search(text[:m.start()])
        if origin and any(origin.start() < p.start < m.start() for p in places):
            continue  # "da Milano a Roma": from Milan to Rome
        covering = [sp for sp in spans if sp[0] <= place.start < sp[1]]
        if any(sp[0] != place.start for sp in covering):
            continue  # inside a name or a glossary phrase
        end = max([place.end, *(sp[1] for sp in covering)])
        english = next((value for s, e, _, value in sorted(covering, key=lambda sp: sp[2]) if e == end),
                       text[place.start:end])
        out.append((m.start(), end, GLOSSARY, _same_case(m.group(1), "in " + english)))
    return out


def _name_runs(text: str, spans: list[tuple[int, int, int, str]]) -> list[tuple[int, int, int, str]]:
    """Runs of two or more capitalised words kept as written: a name the entity finder did not
    classify is still a name ("Banca Sella", not "Bank Seals"). A span that the other rules
    translate (a glossary term, a place with an English name, "Serie C") is cut out of the run;
    a run that starts a sentence starts with an ordinary word ("La", "Secondo") unless the
    entity finder or the gazetteer knows it, or its first word is not an Italian word."""
    translated = [(s, e) for s, e, kind, value in spans
                  if kind in (GLOSSARY, MODEL, PLACE) and value != text[s:e]]
    known = [(s, e) for s, e, kind, _ in spans if kind == NAME]
    out: list[tuple[int, int, int, str]] = []
    for m in NAME_RUN_RE.finditer(text):
        pieces = [(m.start(), m.end())]
        for ts, te in translated:
            pieces = [p for s, e in pieces for p in ((s, min(e, ts)), (max(s, te), e)) if p[0] < p[1]]
        for start, end in pieces:
            words = list(NAME_WORD_RE.finditer(text, start, end))
            if not words:
                continue
            start = words[0].start()
            if SENTENCE_START_RE.search(text[:start]) and not any(s <= start < e for s, e in known):
                first = words[0].group(0)
                if first in NOT_A_NAME or entities.sentence_start_known(first, "it"):
                    words = words[1:]  # "La Banca Sella ..." -> "Banca Sella"
            if len(words) < 2:
                continue
            out.append((words[0].start(), words[-1].end(), NAME, text[words[0].start():words[-1].end()]))
    return out

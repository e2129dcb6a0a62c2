"""Regions: ISO 3166 countries and macro-regions found in an article.

Country names in English and Italian come from Babel (CLDR); cities from the committed
gazetteer table; containment (country -> macro-region) from the committed countries table;
a few aliases and demonyms are hand-written in data/regions.yaml.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma
from babel import Locale

from . import datafiles

LANGUAGES = ("en", "it")
TOKEN_RE = re.compile(r"[^\W\d_][\w.-]*[\w]|[^\W\d_]", re.UNICODE)
MAX_NGRAM = 5


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, dict[str, tuple[str, ...]]]  # language -> casefolded name -> codes
    cities: dict[str, str]  # casefolded city name -> ISO2
    demonyms: dict[str, str]  # lemma -> code
    macro_of: dict[str, tuple[str, ...]]  # ISO2 -> macro-region ids
    labels: dict[str, dict[str, str]]  # code -> {"en": ..., "it": ...}


def is_country(code: str) -> bool:
    return len(code) == 2 and code.isupper()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    config = datafiles.regions()
    macro_of: dict[str, tuple[str, ...]] = {}
    for row in csv.DictReader(datafiles.read_text("countries.tsv").splitlines(), delimiter="\t"):
        macro_of[row["iso2"]] = tuple(row["macro_regions"].split())
    labels: dict[str, dict[str, str]] = {}
    names: dict[str, dict[str, tuple[str, ...]]] = {lang: {} for lang in LANGUAGES}
    for lang in LANGUAGES:
        territories = Locale(lang).territories
        for iso2 in macro_of:
            if iso2 in territories:
                labels.setdefault(iso2, {})[lang] = territories[iso2]
                names[lang][territories[iso2].casefold()] = (iso2,)
        for macro, spec in config.macro_regions.items():
            label = territories[spec.cldr] if spec.cldr else spec.written(lang)
            labels.setdefault(macro, {})[lang] = label
            names[lang][label.casefold()] = (macro,)
    for alias, code in config.aliases.items():
        for lang in LANGUAGES:
            names[lang].setdefault(alias.casefold(), (code,))
    cities = {}
    for row in csv.DictReader(datafiles.read_text("cities.tsv").splitlines(), delimiter="\t"):
        cities[row["name"].casefold()] = row["iso2"]
    return Gazetteer(names, cities, dict(config.demonyms), macro_of, labels)


def label(code: str, lang: str) -> str:
    """Localised name of a country or macro-region ("DE" -> "Germania" in Italian)."""
    return gazetteer().labels.get(code, {}).get(lang, code)


def macro_regions(code: str) -> tuple[str, ...]:
    return gazetteer().macro_of.get(code, ()) if is_country(code) else ()


def all_codes() -> list[str]:
    return sorted(gazetteer().labels)


@dataclass(frozen=True)
class PlaceMention:
    code: str
    start: int
    end: int
    named: bool  # False for a demonym ("statunitensi"): not a name to protect in translation


def find_places(text: str, lang: str) -> list[PlaceMention]:
    """Every place the text names (countries, macro-regions, cities, aliases, demonyms),
    with character spans, in order."""
    gz = gazetteer()
    table = gz.names.get(lang, gz.names["en"])
    # Apostrophes split elided articles ("dell'Europa") without moving any offset.
    flat = text.replace("’", " ").replace("'", " ")
    out: list[PlaceMention] = []
    for sentence in re.finditer(r"[^.!?\n]+[.!?]?", flat):
        tokens = list(TOKEN_RE.finditer(sentence.group(0)))
        base = sentence.start()
        i = 0
        while i < len(tokens):
            step = 1
            for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
                first, last = tokens[i], tokens[i + n - 1]
                phrase = sentence.group(0)[first.start():last.end()]
                if not phrase[0].isupper() or (n > 1 and "  " in phrase):
                    continue
                key = " ".join(t.group(0) for t in tokens[i:i + n]).casefold()
                code = table.get(key, (None,))[0]
                if code is None and key in gz.cities and not (
                        i == 0 and n == 1 and simplemma.is_known(key, lang=lang)):
                    code = gz.cities[key]
                if code is not None:
                    out.append(PlaceMention(code, base + first.start(), base + last.end(), True))
                    step = n
                    break
            else:
                token = tokens[i].group(0)
                lemma = simplemma.lemmatize(token.lower(), lang=lang) if lang == "it" else token.lower()
                if lemma in gz.demonyms:
                    out.append(PlaceMention(gz.demonyms[lemma], base + tokens[i].start(),
                                            base + tokens[i].end(), False))
                elif "-" in token:
                    # "extra-UE": look at the parts of a hyphenated word.
                    offset = 0
                    for part in token.split("-"):
                        if part and part[0].isupper() and part.casefold() in table:
                            at = base + tokens[i].start() + offset
                            out.append(PlaceMention(table[part.casefold()][0], at, at + len(part), True))
                        offset += len(part) + 1
            i += step
    return out


def find_regions(text: str, lang: str) -> list[str]:
    """Codes of every country and macro-region the text names, countries implying their
    macro-region. Sorted: countries (ISO alpha-2) first, then macro-regions."""
    found = {p.code for p in find_places(text, lang)}
    for code in list(found):
        found.update(macro_regions(code))
    return sorted(found, key=lambda c: (not is_country(c), c))


# Salience: what the story is about, not every place it names.
TITLE_WEIGHT = 3.0  # a place in the headline is what the story is about
LEAD_WEIGHT = 1.0  # extra for a place in the first paragraph (the lead and its dateline)
DEMONYM_WEIGHT = 0.5  # "produttori cinesi" weighs less than where the story happens
MIN_SHARE = 0.4  # a country scoring under 40% of the top one is named in passing
MIN_SCORE = 2.0  # ... and one named once in the body is in passing too
CONTINENT_COUNTRIES = 4  # this many countries of one macro-region: the story is about the region


def story_regions(title: str, paragraphs: list[str], lang: str) -> list[str]:
    """Countries and macro-regions the story is about, each country with its macro-regions
    (as the site files them). Tuned on tests/eval/tune; see README "Measuring"."""
    score: dict[str, float] = {}
    listed: dict[str, int] = {}  # macro-region -> most of its countries named in one paragraph
    parts = [(title, TITLE_WEIGHT), *((p, 1.0 + (LEAD_WEIGHT if n == 0 else 0.0)) for n, p in enumerate(paragraphs))]
    for text, weight in parts:
        here: dict[str, set[str]] = {}
        for place in find_places(text, lang):
            score[place.code] = score.get(place.code, 0.0) + weight * (1.0 if place.named else DEMONYM_WEIGHT)
            for macro in macro_regions(place.code):
                here.setdefault(macro, set()).add(place.code)
        for macro, members in here.items():
            listed[macro] = max(listed.get(macro, 0), len(members))
    if not score:
        return []
    countries = {c: s for c, s in score.items() if is_country(c)}
    top = max(countries.values(), default=0.0)
    kept = {c for c, s in countries.items() if s >= MIN_SCORE and s >= MIN_SHARE * top}
    if countries and not kept:
        kept = {max(countries, key=lambda c: (countries[c], c))}
    found = {c for c, s in score.items() if not is_country(c) and s >= MIN_SCORE}
    # A paragraph listing many countries of one continent: the story is about the macro-region,
    # plus the countries that stand out. Countries of one continent scattered over the text
    # ("fuori dalla Cina" here, "componenti da Corea del Sud, Giappone e Taiwan" there) make no list.
    for macro, count in listed.items():
        if count >= CONTINENT_COUNTRIES:
            found.add(macro)
            kept -= {c for c in countries if macro in macro_regions(c)
                     and (countries[c] < 0.8 * top or countries[c] < MIN_SCORE + 1)}
    found |= kept
    for code in list(found):
        found.update(macro_regions(code))
    return sorted(found, key=lambda c: (not is_country(c), c))

"""Rule-based entities: organisations, people and products.

No Italian NER model installs offline, so: a gazetteer (data/entities.yaml) for names that
recur, plus cues for new ones: a role before a name marks a person ("l'amministratore
delegato Eddie Wu"), a letter-digit mix a product ("H20", "Qwen3-Omni"), an organisation word
or suffix an organisation ("la divisione T-Head"). Places are left to geo.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from . import datafiles, geo

KINDS = ("organizations", "people", "products")
TOKEN_RE = re.compile(r"[\w][\w.&-]*[\w]|[\w]", re.UNICODE)
ELISION_RE = re.compile(r"\b(?:l|dell|all|dall|nell|sull|d|un|quest|quell)['’]", re.IGNORECASE)
MAX_NGRAM = 5
CUE_WINDOW = 6  # words before a name in which a role cue counts


@dataclass
class EntityConfig:
    known: dict[str, tuple[str, str]]  # casefolded alias -> (kind, canonical)
    stop: set[str]
    person_cues: list[tuple[str, ...]]
    person_verbs: list[tuple[str, ...]]
    org_cues: set[str]
    org_suffixes: set[str]
    product_cues: set[str]
    max_known_words: int = field(default=1)


@lru_cache(maxsize=1)
def config() -> EntityConfig:
    data = datafiles.entities()
    known: dict[str, tuple[str, str]] = {}
    for kind in KINDS:
        for canonical, aliases in data.of_kind(kind).items():
            for name in [canonical, *aliases]:
                known[name.casefold()] = (kind, canonical)
    return EntityConfig(
        known=known,
        stop={w.casefold() for w in data.not_entities},
        person_cues=[tuple(c.split()) for c in data.person_cues],
        person_verbs=[tuple(c.split()) for c in data.person_verbs],
        org_cues={c.casefold() for c in data.organization_cues},
        org_suffixes={c.casefold() for c in data.organization_suffixes},
        product_cues={c.casefold() for c in data.product_cues},
        max_known_words=max(len(k.split()) for k in known),
    )


def _is_cap(token: str) -> bool:
    return token[0].isupper() or (any(c.isupper() for c in token) and any(c.isdigit() for c in token))


def _has_letter_digit(token: str) -> bool:
    return any(c.isalpha() for c in token) and any(c.isdigit() for c in token)


def _ends_with(words: list[str], cue: tuple[str, ...]) -> bool:
    return len(words) >= len(cue) and tuple(words[len(words) - len(cue):]) == cue


@dataclass(frozen=True)
class Mention:
    kind: str
    name: str
    start: int  # character offsets in the sentence
    end: int


def find_mentions(sentence: str, lang: str) -> list[Mention]:
    """Entity mentions in one sentence, with spans (used to protect names in translation)."""
    cfg = config()
    gz = geo.gazetteer()
    places = gz.names.get(lang, gz.names["en"])
    text = ELISION_RE.sub(lambda m: " " * len(m.group(0)), sentence)
    tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
    lower = [t[0].casefold() for t in tokens]
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        word = tokens[i][0]
        if not _is_cap(word):
            i += 1
            continue
        # Longest known name first ("Alibaba Cloud" before "Alibaba").
        hit = None
        for n in range(min(cfg.max_known_words, len(tokens) - i), 0, -1):
            key = " ".join(lower[i:i + n])
            if key in cfg.known and _is_cap(tokens[i + n - 1][0]):
                hit = n, cfg.known[key]
                break
        if hit:
            n, (kind, canonical) = hit
            out.append(Mention(kind, canonical, tokens[i][1], tokens[i + n - 1][2]))
            i += n
            continue
        # An unknown run of capitalised words.
        j = i
        while j < len(tokens) and _is_cap(tokens[j][0]) and j - i < MAX_NGRAM and lower[j] not in cfg.known:
            j += 1
        run = [t[0] for t in tokens[i:j]]
        found_kind = _classify(run, lower[max(0, i - CUE_WINDOW):i], lower[j:j + 3], i == 0, lang, places, cfg,
                               _apposition(text, tokens[j - 1][2]))
        if found_kind:
            out.append(Mention(found_kind, " ".join(run), tokens[i][1], tokens[j - 1][2]))
        i = max(j, i + 1)
    return out


APPOSITION_RE = re.compile(r"\s*,\s*(?:il|lo|la|l['’]\s*|i|gli|le|un|una|uno)\s*([\w]+)", re.IGNORECASE)


def _apposition(text: str, end: int) -> str | None:
    """The noun of an apposition right after a name: "Fonterra, la cooperativa..." -> cooperativa."""
    m = APPOSITION_RE.match(text, end)
    return m.group(1).casefold() if m else None


def _classify(run: list[str], before: list[str], after: list[str], sentence_start: bool, lang: str,
              places: dict[str, tuple[str, ...]], cfg: EntityConfig, apposition: str | None = None) -> str | None:
    key = " ".join(run).casefold()
    if key in places or key in geo.gazetteer().cities:
        return None
    if all(w.casefold() in cfg.stop for w in run):
        return None
    if sentence_start and len(run) == 1 and simplemma.is_known(run[0].lower(), lang=lang):
        return None
    if len(run) == 1 and run[0].isupper() and len(run[0]) <= 2:
        return None
    titlecase = all(w[0].isupper() and w[1:].islower() and w.replace("-", "").isalpha() for w in run)
    if 2 <= len(run) <= 3 and titlecase:
        near = before[-CUE_WINDOW:]
        if any(_ends_with(near[: k + 1], cue) for cue in cfg.person_cues for k in range(len(near))) \
                or any(tuple(after[: len(v)]) == v for v in cfg.person_verbs):
            return "people"
    if any(_has_letter_digit(w) for w in run) or (before and before[-1] in cfg.product_cues):
        return "products"
    if run[-1].casefold() in cfg.org_suffixes or any(w in cfg.org_cues for w in before[-3:]):
        return "organizations"
    if apposition and apposition in cfg.org_cues:
        return "organizations"  # "Nubank, la banca digitale..."
    if len(run) == 1 and ACRONYM_RE.match(run[0]) and not sentence_start_known(run[0], lang):
        return "organizations"  # "EDF costruirà...": acronyms in news are mostly organisations
    return None


ACRONYM_RE = re.compile(r"^[A-Z]{3,6}$")


def sentence_start_known(word: str, lang: str) -> bool:
    return bool(simplemma.is_known(word.lower(), lang=lang))


def find_entities(sentences: list[str], lang: str) -> dict[str, list[str]]:
    """Entities of the whole article by kind, in order of first mention. An unknown name
    found only once without a cue is left out: precision over recall."""
    order: dict[tuple[str, str], int] = {}
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for mention in find_mentions(sentence, lang):
            order.setdefault((mention.kind, mention.name), len(order))
            counts[mention.name] += 1
    result: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, name in sorted(order, key=order.__getitem__):
        if name not in result[kind]:
            result[kind].append(name)
    return result

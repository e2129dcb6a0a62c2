"""Rule-based entities: organisations, people and products.

No Italian NER model installs offline, so: a gazetteer (data/entities.yaml) for names that
recur, plus rules for new ones.

- A name is a run of capitalised words that no punctuation interrupts: "il presidente della
  Regione, Antonio Carrera" holds two runs, never "Regione Antonio Carrera".
- A person is two to four capitalised words that start with a known first name
  (data/first_names.txt) or follow a role ("l'amministratore delegato Wen-Hao Lin") or a speech
  verb, or have a role in apposition ("Hannah Lindqvist, la manager svedese"), and hold no
  organisation word ("Gulf Research Center" is not a person).
- An organisation is a run ending in an organisation word ("Gesto Robotics", "Toyota Motor",
  "Hon Hai Precision Industry"), an institution ("Autorità di regolazione per energia reti e
  ambiente", "Polizia postale", "Comune di Bologna", in lower case "la procura di Napoli", "il
  ministero del Commercio cinese"), a run after an organisation noun ("la società britannica
  Nscale", "la torinese Argotec", even in lower case "la tedesca bayernets") or before one in
  apposition ("Humain, una società"), the agent of a passive ("gestito da Developers Italia"), an
  acronym that is not a technical or business term (HBM, PMI, Spa are not), a
  mixed-case word ("FiberCop"), or a name listed alongside an organisation ("BYD, Geely e Saic").
- A product is a letter-digit mix ("Qwen3-Omni") or a name after a product noun.

Article level (find_entities): a news outlet (news_outlets in entities.yaml), an organisation
only cited as a source ("secondo Reuters", "riporta Bloomberg", "(ANSA)", "ha detto a Reuters")
and one only given as an example ("da Nvidia ad Apple", ", come l'olandese ASML,") are not
participants and are left out ("accordi con operatori come Vodafone" is one); an
organisation goes by the acronym the article
keeps using ("l'Agenzia per la cybersicurezza nazionale (ACN) ... l'ACN") and by its fullest
company name ("Toyota Motor", not also "Toyota"; "Asstel-Assotelecomunicazioni", not also
"Asstel"); a short name made of the starts of a name the article gives ("PEJ", "Polskie
Elektrownie Jądrowe"; "Agcom", "Autorità per le garanzie nelle comunicazioni") or one right before
its expansion ("l'Enas, l'Ente acque della Sardegna") is
that organisation, named in full. Places are left to geo ("Unione europea", "Monaco di Baviera").
Picture credits ("Credit: Cyberdyne Inc.") and analysts cited ("per gli analisti di Fitch") are
sources, not participants. Nor is an organisation named only in a role that is no part in the
story (PASSING_RES): a comparison ("per competere con SpaceX"), the addressee of an appeal or a
request ("ricorso al tribunale di Roma", "chiedono all'Agcom di"), a former affiliation ("ex
ricercatori dell'Università Federico II"), a complement in the pluperfect ("aveva raccolto un round
guidato dal fondo P101"), an earlier event ("dopo lo scorporo da TIM"), the body of an official who
only attends ("alla presenza del presidente della Regione Piemonte"). Being named once is no such
sign: many organisations that act are. A ministry keeps all its portfolios ("il ministero della
Salute, del lavoro e del welfare"), the spelled-out form of an acronym just named is no other
organisation ("TEB Spa, la società delle Tramvie elettriche bergamasche"), a category union and its
confederation are one name ("la Filctem Cgil"), an organisation word alone is none ("Power"), nor is
an English name of a law, a plan or an event ("Critical Raw Materials Act", "Consumer Electronics
Show", NOT_ORG_HEADS), and a
headline's short form of a name the article gives ("Google" for "Google Cloud") is that name. An unknown acronym in
brackets right after lower-case words that name no organisation is their short name, a law or a
programme ("il meccanismo di adeguamento del carbonio alle frontiere (CBAM)"), never an organisation.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

import simplemma

from . import datafiles, geo

KINDS = ("organizations", "people", "products")
TOKEN_RE = re.compile(r"[\w][\w.&-]*[\w&]|[\w]", re.UNICODE)
ELISION_RE = re.compile(r"\b(?:l|dell|all|dall|nell|sull|coll|d|un|quest|quell|tutt)['’]", re.IGNORECASE)
MAX_RUN = 6
CUE_WINDOW = 12  # words before a name in which a role cue counts
ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]{1,5}$")
LOWER_CAMEL_RE = re.compile(r"^[a-z]{2,}[A-Z][a-z]{2,}$")
CAMEL_RE = re.compile(r"^[A-Z]?[a-z]+[A-Z][A-Za-z]*$|^[A-Z]{2,}[a-z]{2,}[A-Z]?[a-z]*$")
# What may stand between two words of one name: spaces (and blanked elisions), "&", a hyphen.
JOIN_RE = re.compile(r"^\s*(?:[&+]\s*)?$")
# Between a name and the next one of a list: "BYD, Geely e Saic", "Hino Motors e con Isuzu".
LIST_GAP_RE = re.compile(r"^\s*(?:,|\be\b|\bed\b|\bo\b|\band\b|&)\s*(?:(?:con|da|dal|dalla|dallo|di|del|della|"
                         r"la|il|lo|le|gli|i)\s+)?$", re.IGNORECASE)
# A source the article cites: "secondo Reuters", "lo riporta Bloomberg", "stime raccolte da".
CITED_RE = re.compile(r"\b(?:secondo|stando a|riporta|riportano|riferisce|riferiscono|scrive|scrivono|rivela|"
                      r"rivelano|citando|citat[aeio] da|raccolt[aeio] da|riportat[aeio] da|rivelat[aeio] da|"
                      r"anticipat[aeio] da|pubblicat[aeio] da|intervistat[aeio] da|"
                      r"(?:ha|hanno) (?:scritto|riferito|riportato|rivelato|anticipato)|in un'intervista (?:a|al|alla)|"
                      r"(?:ha|hanno) (?:detto|dichiarato|spiegato|confermato) (?:a|al|alla)|"
                      r"per gli (?:analisti|esperti|economisti)|"
                      r"according to|reported by|fonte|fonti)\b(?:(?!\bche\b)[^,;:.()])*$",
                      re.IGNORECASE)
# Roles in which an organisation is named without acting in the story, read in the clause before
# the name: a comparison ("nasce per competere con SpaceX", "a differenza di quanto accade con
# Arm"), the addressee of an appeal or a request ("annuncia ricorso al tribunale di Roma",
# "chiedono all'Agcom di verificare", "la richiesta di una licenza presso la Banca d'Italia"), a
# former affiliation ("tre ex ricercatori dell'Università Federico II"), a complement in the
# pluperfect, the story's background ("che aveva raccolto un round guidato dal fondo P101", "era
# stata costretta a rivolgersi a SpaceX"; the subject of a pluperfect, "la CMA aveva autorizzato",
# its party, "era stato firmato con Leonardo", and a new clause, "era previsto che Enel", still
# act), an earlier event after "dopo" ("nata dopo lo scorporo da TIM"), and the body of an official
# who only attends ("alla presenza del presidente della Regione Piemonte").
PASSING_RES = (
    re.compile(r"\b(?:competere|competerà|competeranno|in concorrenza con|a differenza d[ie]|rival[ei] d[ie])\b"
               r"[^,;:.()\"«»]{0,60}$", re.IGNORECASE),
    re.compile(r"\b(?:ricorso|ricorsi|appello|esposto|istanza|richiesta|chied\w*)\b[^,;:.()\"«»]{0,40}?"
               r"\b(?:al|alla|allo|ai|alle|all['’]|presso\s+(?:il|la|lo|l['’]))\s*$", re.IGNORECASE),
    re.compile(r"\bex\s+\w+(?:\s+\w+)?\s+(?:di|del|della|dello|dei|degli|delle|dell['’])\s*$", re.IGNORECASE),
    re.compile(r"\b(?:aveva|avevano|era|erano)\s+(?:(?:già|anche|poi|stat[oaie])\s+)*"
               r"(?!(?:sotto|tanto|molto|tutto|tutta|questo|questa|quello|quella|stesso|stessa|certo)\b)"
               r"\w{2,}[ts][oaie]\b(?:(?!\b(?:che|ma|mentre|quando|perché)\b)[^,;:.()\"«»])*(?<!\bcon )$",
               re.IGNORECASE),
    re.compile(r"\b(?:alla presenza|in presenza|durante la visita|in visita)\s+"
               r"(?:del|della|dello|dell['’]|dei|degli|di)\s*(?:\w+\s+){1,3}?(?:del|della|dello|dell['’]|di)\s*$",
               re.IGNORECASE),
    re.compile(r"\bdopo\s+(?:lo|il|la|l['’]|i|gli|le)\s*\w+\s+"
               r"(?:da|dal|dalla|di|del|della|dello|dell['’]|con|tra)\s*$", re.IGNORECASE),
)
# An example, not a participant: "i clienti, da Nvidia ad Apple", "..., come l'olandese ASML, ...".
ASIDE_EXAMPLE_RE = re.compile(r",\s*come\s+(?:(?:l['’]|la|il|lo|i|gli|le)\s*)?(?:(\w+)\s+)?$", re.IGNORECASE)
EXAMPLE_AFTER_RE = re.compile(r"^\s+ad?\s+[\w']", re.IGNORECASE)
VERB_LEMMA_RE = re.compile(r"(?:are|ere|ire|rre)$")
# The noun of an apposition right after a name: "Fonterra, la cooperativa", "ESMC, la joint venture".
APPOSITION_RE = re.compile(r"\s*,\s*(?:il|lo|la|l['’]\s*|i|gli|le|un|una|uno)\s*(\w+)(?:\s+(\w+))?", re.IGNORECASE)
PARTICLES = ("De", "Di", "Da", "Del", "Della", "Van", "Von")
# Last words of English names of laws, plans and events, which hold organisation words
# ("Net-Zero Industry Act", "Steel and Metals Action Plan", "Consumer Electronics Show").
NOT_ORG_HEADS = frozenset({"act", "directive", "regulation", "deal", "plan", "strategy", "agenda", "compass",
                           "package", "roadmap", "initiative", "programme", "program", "mechanism", "framework",
                           "bill", "treaty", "show", "summit", "week", "expo", "fair", "festival", "awards",
                           "conference"})
# Union confederations written after a category union's name: "Filctem Cgil", "Fim Cisl".
CONFEDERATIONS = frozenset({"cgil", "cisl", "uil", "ugl"})


@dataclass
class EntityConfig:
    known: dict[str, tuple[str, str, str]]  # token key of an alias -> (kind, canonical, spelling)
    stop: set[str]
    not_org_acronyms: set[str]
    person_cues: list[tuple[str, ...]]
    person_verbs: list[tuple[str, ...]]
    speech_verbs: set[str]
    org_cues: set[str]
    org_suffixes: set[str]
    company_forms: set[str]
    institutions: set[str]
    connectors: set[str]
    product_cues: set[str]
    function_words: set[str]
    first_names: set[str]
    demonyms: set[str]
    outlets: set[str]
    max_known_words: int = field(default=1)


def _key(name: str) -> str:
    """The token key a name is matched by: "Banca d'Italia" -> "banca italia"."""
    return " ".join(t.casefold() for t in TOKEN_RE.findall(ELISION_RE.sub(" ", name)))


@lru_cache(maxsize=1)
def config() -> EntityConfig:
    data = datafiles.entities()
    known: dict[str, tuple[str, str, str]] = {}
    for kind in KINDS:
        for canonical, aliases in data.of_kind(kind).items():
            for name in [canonical, *aliases]:
                # A spelling that differs only in case is the canonical one ("NVIDIA" -> "Nvidia").
                spelling = canonical if name.casefold() == canonical.casefold() else name
                known.setdefault(_key(name), (kind, canonical, spelling))
    first_names = {w.casefold() for line in datafiles.read_text("first_names.txt").splitlines()
                   if not line.startswith("#") for w in line.split()}
    return EntityConfig(
        known=known,
        stop={w.casefold() for w in data.not_entities},
        not_org_acronyms={w.casefold() for w in data.not_organization_acronyms},
        person_cues=[tuple(c.split()) for c in data.person_cues],
        person_verbs=[tuple(c.split()) for c in data.person_verbs],
        speech_verbs={c.casefold() for c in data.speech_verbs},
        org_cues={c.casefold() for c in data.organization_cues},
        org_suffixes={c.casefold() for c in data.organization_suffixes},
        company_forms={c.casefold() for c in data.company_forms},
        institutions={c.casefold() for c in data.institutions},
        connectors={c.casefold() for c in data.name_connectors},
        product_cues={c.casefold() for c in data.product_cues},
        function_words={c.casefold() for c in data.function_words},
        first_names=first_names,
        demonyms={d.casefold() for d in datafiles.regions().demonyms},
        outlets={_key(n) for n in data.news_outlets},
        max_known_words=max(len(k.split()) for k in known),
    )


def _is_cap(token: str) -> bool:
    """ "Stellantis", "H20", and a brand in lower camel case: "cyberGuardia"."""
    return token[0].isupper() or (any(c.isupper() for c in token) and any(c.isdigit() for c in token)) \
        or bool(LOWER_CAMEL_RE.match(token))


def _has_letter_digit(token: str) -> bool:
    return any(c.isalpha() for c in token) and any(c.isdigit() for c in token)


def _titlecase(token: str) -> bool:
    """ "Carrera", "Wen-Hao", "D'Amico": each part capitalised then lower case."""
    parts = [p for p in re.split(r"[-']", token) if p]
    return bool(parts) and parts[0][0].isupper() and all((p[1:].islower() or not p[1:]) and p.isalpha() for p in parts)


def _ends_with(words: list[str], cue: tuple[str, ...]) -> bool:
    return len(words) >= len(cue) and tuple(words[len(words) - len(cue):]) == cue


def _is_verb(word: str, lang: str) -> bool:
    lemma = simplemma.lemmatize(word.casefold(), lang=lang)
    return lemma != word.casefold() and bool(VERB_LEMMA_RE.search(lemma))


@dataclass(frozen=True)
class Mention:
    kind: str
    name: str
    start: int  # character offsets in the sentence
    end: int
    cited: bool = False  # named as a source the article cites ("secondo Reuters")
    example: bool = False  # named as an example ("da Nvidia ad Apple")
    passing: bool = False  # named in a role that is no part in the story ("per competere con SpaceX")
    term: bool = False  # an acronym a descriptive phrase just gave: "i contratti per differenza (CfD)"
    acronym: str | None = None  # the acronym given in brackets right after ("... nazionale (ACN)")
    key: str = ""  # what mentions of one entity share: the canonical name, casefolded
    written: str = ""  # the name as the sentence writes it

    @property
    def descriptive(self) -> bool:
        """A name made of ordinary words ("Politecnico di Torino", "Polizia postale"): translation
        renders it word by word instead of keeping it as written."""
        words = self.written.split()
        return len(words) > 1 and any(w[:1].islower() for w in words)


@dataclass
class _Run:
    start: int  # token indices
    end: int
    kind: str | None
    name: str
    key: str


class _Sentence:
    def __init__(self, sentence: str, lang: str) -> None:
        self.raw = sentence
        self.lang = lang
        self.text = ELISION_RE.sub(lambda m: " " * len(m.group(0)), sentence)
        self.tokens = [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(self.text)]
        self.lower = [t[0].casefold() for t in self.tokens]

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        return self.text[self.tokens[i - 1][2]:self.tokens[i][1]] if i > 0 else self.text[:self.tokens[0][1]]

    def joined(self, i: int) -> bool:
        return i > 0 and bool(JOIN_RE.match(self.gap(i)))

    def before(self, i: int) -> str:
        return self.raw[:self.tokens[i][1]]


def _known_at(s: _Sentence, i: int, cfg: EntityConfig) -> tuple[int, tuple[str, str, str]] | None:
    """The longest gazetteer name starting at token i: (words, (kind, canonical, spelling))."""
    for n in range(min(cfg.max_known_words, len(s.tokens) - i), 0, -1):
        key = " ".join(s.lower[i:i + n])
        entry = cfg.known.get(key)
        if not entry or not all(s.joined(k) for k in range(i + 1, i + n)):
            continue
        spelling = entry[2]
        if spelling[0].islower():
            if s.tokens[i][0] != TOKEN_RE.findall(spelling)[0]:
                continue  # "bayernets", "e&": only as written
        elif not _is_cap(s.tokens[i][0]) and not (n > 1 and s.lower[i] in LOWER_INSTITUTIONS):
            continue  # "il ministero dell'Economia e delle Finanze" is the Ministero, whatever its case
        return n, entry
    return None


# Heads of an institution named by its place: "Comune di Bergamo", "Regione Lombardia".
PLACE_HEADS = {"comune", "provincia", "regione", "città", "procura", "prefettura", "questura", "tribunale"}
# Prepositions inside an institution's name before a lower-case word: "per le garanzie nelle comunicazioni".
INNER_PREPOSITIONS = {"le", "i", "gli", "nelle", "nei", "negli", "nella", "nel", "sulla", "sulle", "sul", "sui",
                      "alla", "alle", "al", "ai", "agli", "in"}
# Institutions Italian newspapers write in lower case, named by the place or office after "di":
# "la procura di Napoli", "il ministero del Commercio cinese", "il tribunale di Milano".
LOWER_INSTITUTIONS = {"ministero", "procura", "tribunale", "prefettura", "questura", "comune"}


def _lower_institution(s: _Sentence, i: int, cfg: EntityConfig) -> int:
    """End of a lower-case institution's name starting at token i, or i."""
    if s.lower[i] not in LOWER_INSTITUTIONS or not s.tokens[i][0][0].islower() or i + 2 >= len(s.tokens) \
            or s.lower[i + 1] not in cfg.connectors or not s.joined(i + 1) or not s.joined(i + 2) \
            or not _titlecase(s.tokens[i + 2][0]):
        return i
    return _institution(s, i, cfg, lower=True)


def _verb_form(word: str) -> bool:
    """ "multa" (multare), "vende" (vendere): a third person the dictionary files as a noun."""
    return (word.endswith("a") and simplemma.is_known(word[:-1] + "are", lang="it")) \
        or (word.endswith("e") and any(simplemma.is_known(word[:-1] + end, lang="it") for end in ("ere", "ire")))


def _unknown_after_demonym(s: _Sentence, i: int, cfg: EntityConfig) -> bool:
    """A lower-case brand no dictionary knows, after "la tedesca", "l'olandese": "bayernets"."""
    word = s.lower[i]
    return s.tokens[i][0].isalpha() and len(word) > 3 and not simplemma.is_known(word, lang=s.lang) \
        and not _is_verb(word, s.lang) and _org_context(s, i, i + 1, cfg) \
        and simplemma.lemmatize(s.lower[i - 1], lang=s.lang) in cfg.demonyms


def _institution(s: _Sentence, i: int, cfg: EntityConfig, lower: bool = False) -> int:
    """End (exclusive) of an institution's name starting at token i ("Autorità di sistema
    portuale del Mar Ionio", "Polizia postale", "Comune di Bologna"), or i when there is none."""
    if s.lower[i] not in cfg.institutions and not lower:
        return i
    if not lower and not s.tokens[i][0][0].isupper():
        return i
    k = i + 1
    while k < len(s.tokens) and s.lower[k] in cfg.connectors:
        k += 1
    if s.lower[i] in PLACE_HEADS and k > i + 1 and k < len(s.tokens) and not s.tokens[k][0][0].isupper():
        return i  # "un Comune di duemila abitanti": a common noun, not the Comune of a place
    j = i + 1
    last_word = i
    portfolios = False  # a ministry's portfolios listed after a comma: "della Salute, del lavoro e del welfare"
    while j < len(s.tokens) and j - i < 14 and (s.joined(j) or _portfolio_comma(s, i, j)):
        portfolios = portfolios or not s.joined(j)
        word, low = s.tokens[j][0], s.lower[j]
        if low in ("il", "lo", "la", "i", "gli", "le") and s.lower[j - 1] not in cfg.connectors:
            break  # an article starts the next clause: "Unione nazionale consumatori il blocco ..."
        if low in cfg.connectors:
            k = j
            while k < len(s.tokens) and s.lower[k] in cfg.connectors and s.joined(k):
                k += 1
            if k < len(s.tokens) and s.joined(k) and j > i + 1 and s.tokens[k][0][0].isupper() \
                    and (s.lower[k] in cfg.institutions or s.lower[k] == "presidenza"):
                break  # its parent body: "Dipartimento per la trasformazione digitale | della Presidenza"
            j += 1
            continue
        if low in INNER_PREPOSITIONS and j + 1 < len(s.tokens) and s.joined(j + 1) \
                and s.tokens[j + 1][0][0].islower() and s.lower[j + 1] not in cfg.function_words \
                and not _is_verb(s.lower[j + 1], s.lang):
            j += 1  # "Autorità per le garanzie nelle comunicazioni"
            continue
        if low in ("e", "and") and j + 1 < len(s.tokens) and s.joined(j + 1) \
                and not s.tokens[j - 1][0][0].isupper() and s.tokens[j + 1][0][0].islower() \
                and s.lower[j + 1] not in cfg.function_words:
            j += 1  # "energia reti e ambiente"
            continue
        if low == "e" and j + 2 < len(s.tokens) and s.lower[j + 1] in cfg.connectors and s.joined(j + 1) \
                and s.joined(j + 2) and (s.tokens[j - 1][0][0].isupper() or portfolios) \
                and (_titlecase(s.tokens[j + 2][0]) or s.lower[i] in PORTFOLIO_HEADS) \
                and s.lower[j + 2] not in cfg.function_words:
            j += 2  # "delle Imprese e del Made in Italy", "delle Infrastrutture e dei trasporti"
            continue
        if low == "e" and j + 1 < len(s.tokens) and s.joined(j + 1) and s.tokens[j - 1][0][0].isupper() \
                and _titlecase(s.tokens[j + 1][0]) and s.lower[j + 1] not in cfg.institutions \
                and _known_at(s, j + 1, cfg) is None and s.lower[j + 1] not in cfg.first_names \
                and not (j + 2 < len(s.tokens) and s.joined(j + 2) and _is_cap(s.tokens[j + 2][0])):
            j += 1  # "Cassa Depositi e Prestiti"
            continue
        if low == "in" and j + 1 < len(s.tokens) and s.joined(j + 1) and s.tokens[j - 1][0][0].isupper() \
                and s.tokens[j + 1][0][0].isupper():
            j += 1  # "Made in Italy"
            continue
        if low in cfg.function_words or word.isdigit() or (word[0].islower() and _is_verb(word, s.lang)):
            break
        if word[0].islower() and j + 1 < len(s.tokens) and s.lower[j + 1] in ("il", "lo", "la", "i", "gli", "le",
                                                                              "un", "una", "uno") \
                and s.joined(j + 1) and _verb_form(low):
            break  # a verb the dictionary files as a noun: "Il Garante privacy multa la startup"
        if low in cfg.first_names and j + 1 < len(s.tokens) and s.joined(j + 1) and _titlecase(s.tokens[j + 1][0]):
            break  # "del Garante Livia Ceccarelli": a person's name follows
        last_word = j
        j += 1
    return last_word + 1 if last_word > i else i


# Bodies named by their portfolios: "Ministero dell'Istruzione, dell'Università e della Ricerca".
PORTFOLIO_HEADS = ("ministero", "dipartimento", "assessorato")
PORTFOLIO_COMMA_RE = re.compile(r"^\s*,\s*(?:del|della|dello|dei|degli|delle|dell['’])\s*\w+(?:\s+\w+)?\s+e\s+"
                                r"(?:del|della|dello|dei|degli|delle|dell['’])\s*\w", re.IGNORECASE)


def _portfolio_comma(s: _Sentence, i: int, j: int) -> bool:
    """A comma inside a ministry's name, before the rest of its portfolios: "il ministero della
    Salute, del lavoro e del welfare" (not "il ministero della Salute, che ...")."""
    return s.lower[i] in PORTFOLIO_HEADS and j > i + 1 \
        and bool(PORTFOLIO_COMMA_RE.match(s.raw[s.tokens[j - 1][2]:]))


@lru_cache(maxsize=1)
def _local_country_names() -> frozenset[str]:
    """Country names in the languages subsidiaries are named in ("Brasil", "España", "Deutschland")."""
    from babel import Locale

    names: set[str] = set()
    for lang in ("it", "en", "fr", "de", "es", "pt", "nl"):
        names.update(n.casefold() for code, n in Locale(lang).territories.items() if code.isalpha())
    return frozenset(names)


def _is_place_name(word: str, places: dict[str, tuple[str, ...]]) -> bool:
    return word in places or word in geo.gazetteer().cities or word in _local_country_names()


def _cited(s: _Sentence, i: int, key: str) -> bool:
    before = s.before(i)
    if CITED_RE.search(before[-120:]):
        return True
    if re.search(r"\b(?:credits?|foto|photo|courtesy)\s*:?\s*$", before, re.IGNORECASE):
        return True  # a picture credit: "Credit: Cyberdyne Inc."
    # A news agency in brackets is a credit: "(ANSA)", "(Foto Reuters)".
    return _key(key) in config().outlets and bool(re.search(r"\(\s*(?:foto\s+)?$", before, re.IGNORECASE))


def _passing(s: _Sentence, i: int) -> bool:
    before = s.before(i)[-160:]
    if any(rx.search(before) for rx in PASSING_RES):
        return True
    # An example in an aside: "le aziende che vendono macchinari, come l'olandese ASML, ..." (not
    # "accordi con operatori come Vodafone", nor "come spiega Enel").
    aside = ASIDE_EXAMPLE_RE.search(before)
    if aside is None:
        return False
    word = (aside.group(1) or "").casefold()
    return not (word and (_is_verb(word, s.lang) or word in config().speech_verbs))


def _example(s: _Sentence, i: int, j: int) -> bool:
    before = s.before(i)
    after = s.raw[s.tokens[j - 1][2]:]
    if re.search(r"(?:^|[,:(]\s*)da\s+$", before, re.IGNORECASE) and EXAMPLE_AFTER_RE.match(after):
        return True  # "da Nvidia ad Apple"
    # "..., da Nvidia ad Apple" (the second one)
    return bool(re.search(r"(?:^|[,:(]\s*)da\s+[^,;:.]*\bad?\s+(?:l['’]\s*)?$", before, re.IGNORECASE))


def find_mentions(sentence: str, lang: str) -> list[Mention]:
    """Entity mentions in one sentence, with spans (used to protect names in translation)."""
    cfg = config()
    s = _Sentence(sentence, lang)
    places = geo.gazetteer().names.get(lang, geo.gazetteer().names["en"])
    runs: list[_Run] = []
    i = 0
    n_tok = len(s.tokens)
    while i < n_tok:
        word = s.tokens[i][0]
        hit = _known_at(s, i, cfg)
        if hit and i > 0 and s.lower[i - 1] == "stati" and s.joined(i) and s.lower[i] == "generali":
            hit = None  # "gli Stati Generali dell'energia", an assembly, not the insurer
        if s.lower[i] in PORTFOLIO_HEADS:
            end = _lower_institution(s, i, cfg) if word[0].islower() else _institution(s, i, cfg)
            if end > i + 1 and not all(s.joined(k) for k in range(i + 1, end)):
                # More portfolios than the gazetteer's name: "ministero della Salute, del lavoro e ...".
                runs.append(_Run(i, end, "organizations", _written(s, i, end), _written(s, i, end).casefold()))
                i = end
                continue
        if hit:
            n, (kind, canonical, spelling) = hit
            j = i + n
            # Its fuller company name ("Toyota Motor", "Comau Spa") is the same organisation; a
            # subsidiary named after its country or region ("Enel Green Power Brasil") another.
            while kind == "organizations" and j < n_tok and s.joined(j) and s.lower[j] in cfg.company_forms:
                j += 1
            while kind == "organizations" and j < n_tok and s.joined(j) and s.lower[j] in CONFEDERATIONS \
                    and s.lower[j] not in canonical.casefold().split() and s.lower[i] not in CONFEDERATIONS:
                j += 1  # a category union and its confederation: "la Filctem Cgil", "la Fim Cisl"
            same = j
            # Another organisation named after this one: "CDP Venture Capital", "Bain Capital
            # Ventures", "Intel Capital".
            for extra in (2, 3):
                end = j + extra
                if kind == "organizations" and end <= n_tok and s.lower[end - 1] in cfg.org_suffixes \
                        and all(s.joined(k) and _titlecase(s.tokens[k][0]) and s.lower[k] not in cfg.function_words
                                and _known_at(s, k, cfg) is None for k in range(j, end - 1)):
                    j = end
                    break
            while kind == "organizations" and j < n_tok and s.joined(j) and s.lower[j] in cfg.org_suffixes \
                    and _is_cap(s.tokens[j][0]):
                j += 1
            while kind == "organizations" and j < n_tok and s.joined(j) and _is_cap(s.tokens[j][0]) \
                    and _is_place_name(s.lower[j], places) and not s.raw[s.tokens[j - 1][2]:s.tokens[j][1]].strip():
                j += 1  # (not "Microsoft nell'Europa")
            name = spelling if j == i + n else f"{spelling} {' '.join(t[0] for t in s.tokens[i + n:j])}"
            key = canonical.casefold() if j == same else name.casefold()
            runs.append(_Run(i, j, kind, name, key))
            i = j
            continue
        if not _is_cap(word):
            end = _lower_institution(s, i, cfg)
            if end > i:
                runs.append(_Run(i, end, "organizations", _written(s, i, end), _written(s, i, end).casefold()))
                i = end
                continue
            if i > 0 and _unknown_after_demonym(s, i, cfg):
                runs.append(_Run(i, i + 1, "organizations", word, word.casefold()))
            i += 1
            continue
        # A capitalised ordinary word opens no name ("Secondo Reuters", "Il Garante", "Sanità"),
        # unless an organisation word follows ("Gesto Robotics") or its context makes it one ("la
        # milanese Fatturo").
        if s.lower[i] in cfg.function_words or (
                simplemma.is_known(s.lower[i], lang=lang) and s.lower[i] not in cfg.first_names
                and s.lower[i] not in cfg.institutions and not _has_letter_digit(word) and not word.isupper()):
            followed = i + 1 < n_tok and s.joined(i + 1) and _is_cap(s.tokens[i + 1][0])
            if followed and s.lower[i] not in cfg.function_words and _is_org_word(s.lower[i + 1], cfg):
                pass
            elif not followed and s.lower[i] not in cfg.function_words and s.lower[i] not in cfg.stop \
                    and not _is_place_name(s.lower[i], places) and _org_context(s, i, i + 1, cfg):
                runs.append(_Run(i, i + 1, "organizations", word, word.casefold()))
                i += 1
                continue
            else:
                i += 1
                continue
        end = _institution(s, i, cfg)
        if end > i + 1 and " ".join(s.lower[i:end]) in places:
            i = end
            continue  # "Unione europea": a place, left to geo
        if end > i + 1:
            name = " ".join(t[0] for t in s.tokens[i:end])
            runs.append(_Run(i, end, "organizations", _written(s, i, end), name.casefold()))
            i = end
            continue
        j = i + 1
        while j < n_tok and j - i < MAX_RUN and s.joined(j):
            if s.lower[j] in cfg.first_names and s.lower[j - 1] not in cfg.first_names and j + 1 < n_tok \
                    and s.joined(j + 1) and _titlecase(s.tokens[j + 1][0]):
                break  # "il Collegio del Garante Livia Ceccarelli": a person's name starts here
            if s.lower[j] in CONFEDERATIONS:
                j += 1  # "Flaei Cisl": a category union and its confederation
                break
            if _is_cap(s.tokens[j][0]) and _known_at(s, j, cfg) is None:
                j += 1
            elif s.lower[j] in ("and", "of", "for", "&") and j + 1 < n_tok and s.joined(j + 1) \
                    and s.tokens[j + 1][0][0].isupper():
                j += 2  # "Bureau of Industry and Security"
            else:
                break
        run = [t[0] for t in s.tokens[i:j]]
        # A number that belongs to the name: "il fondo italiano 360 Capital".
        if i > 0 and s.tokens[i - 1][0].isdigit() and s.joined(i) and len(run) == 1 \
                and s.lower[i] in cfg.org_suffixes:
            i -= 1
            run = [s.tokens[i][0], *run]
        found = _classify(s, i, j, run, places, cfg)
        name = _written(s, i, j)
        runs.append(_Run(i, j, found, name, name.casefold()))
        i = j
    _propagate_lists(s, runs)
    runs = _join_plus_brands(s, runs)
    apposed: dict[int, str] = {}  # run index -> the short name given right before it
    for k, (a, b) in enumerate(itertools.pairwise(runs)):
        if a.kind == b.kind == "organizations" and a.end == a.start + 1 and b.end - b.start >= 2 \
                and len(s.tokens[a.start][0]) <= 6 and s.lower[a.start][0] == s.lower[b.start][0] \
                and APPOSED_RE.match(s.raw[s.tokens[a.end - 1][2]:s.tokens[b.start][1]]):
            apposed[k + 1] = s.tokens[a.start][0]  # "L'Enas, l'Ente acque della Sardegna, ..."
            a.kind = None
    _drop_spelled_out_acronyms(s, runs, cfg)
    out: list[Mention] = []
    for k, r in enumerate(runs):
        if r.kind is None:
            continue
        acronym = apposed.get(k)
        nxt = runs[k + 1] if k + 1 < len(runs) else None
        if r.kind == "organizations" and nxt and nxt.end == nxt.start + 1 and _bracketed(s, nxt.start) \
                and (ACRONYM_RE.match(s.tokens[nxt.start][0]) or CAMEL_RE.match(s.tokens[nxt.start][0])):
            acronym = s.tokens[nxt.start][0]
            nxt.kind = None  # "(ACN)" is the same organisation
        out.append(Mention(r.kind, r.name, s.tokens[r.start][1], s.tokens[r.end - 1][2],
                           cited=_cited(s, r.start, r.key), example=_example(s, r.start, r.end),
                           passing=_passing(s, r.start), acronym=acronym,
                           key=r.key, written=_written(s, r.start, r.end),
                           term=r.kind == "organizations" and _names_a_term(s, r, runs[k - 1] if k else None, cfg)))
    return out


def _names_a_term(s: _Sentence, run: _Run, prev: _Run | None, cfg: EntityConfig) -> bool:
    """An unknown acronym in brackets right after lower-case words that are no organisation's name
    is their short name, a law, a programme or a technique: "il meccanismo di adeguamento del
    carbonio alle frontiere (CBAM)" (not "l'associazione dei costruttori europei (ACEA)")."""
    i = run.start
    if run.end != i + 1 or i < 2 or not _bracketed(s, i) or _key(run.name) in cfg.known \
            or not (ACRONYM_RE.match(s.tokens[i][0]) or CAMEL_RE.match(s.tokens[i][0])):
        return False
    if not s.tokens[i - 1][0][0].islower() or s.lower[i - 1] in cfg.function_words \
            or (prev is not None and prev.end == i and prev.kind is not None):
        return False
    return not any(w in cfg.org_cues or w in cfg.institutions for w in s.lower[max(0, i - 8):i])


def _drop_spelled_out_acronyms(s: _Sentence, runs: list[_Run], cfg: EntityConfig) -> None:
    """A capitalised word that opens the spelled-out form of an acronym named before it is no other
    organisation: "TEB Spa, la società delle Tramvie elettriche bergamasche" names TEB only."""
    for k, run in enumerate(runs):
        if run.kind != "organizations" or run.end != run.start + 1:
            continue
        words = [s.tokens[run.start][0]]
        j = run.end
        while j < len(s.tokens) and len(words) < 5 and s.joined(j) and s.tokens[j][0][0].islower() \
                and s.lower[j] not in cfg.function_words:
            words.append(s.tokens[j][0])
            j += 1
        if len(words) < 2:
            continue
        expansion = " ".join(words)
        if any(a.kind == "organizations" and ACRONYM_RE.match(s.tokens[a.start][0])
               and _abbreviates(s.tokens[a.start][0], expansion, cfg) for a in runs[:k]):
            run.kind = None


APPOSED_RE = re.compile(r"^\s*,\s*(?:il|lo|la|l['’]|i|gli|le)\s*$")


def _join_plus_brands(s: _Sentence, runs: list[_Run]) -> list[_Run]:
    """ "Fastweb+Vodafone": two names joined by a "+" with no space are one brand."""
    out: list[_Run] = []
    for run in runs:
        prev = out[-1] if out else None
        if prev and prev.kind in ("organizations", None) and run.kind in ("organizations", None) \
                and (prev.kind or run.kind) and prev.end == run.start \
                and s.raw[s.tokens[prev.end - 1][2]:s.tokens[run.start][1]] == "+":
            name = _written(s, prev.start, run.end)
            out[-1] = _Run(prev.start, run.end, "organizations", name, name.casefold())
            continue
        out.append(run)
    return out


def _bracketed(s: _Sentence, i: int) -> bool:
    """Token i stands alone in brackets: "(ACN)"."""
    return bool(re.match(r"^\s*\($", s.gap(i))) and s.raw[s.tokens[i][2]:].lstrip().startswith(")")


def _written(s: _Sentence, i: int, j: int) -> str:
    """The name as the sentence writes it, elisions restored: "Banca d'Italia"."""
    return " ".join(s.raw[s.tokens[i][1]:s.tokens[j - 1][2]].split())


def _is_org_word(word: str, cfg: EntityConfig) -> bool:
    return word in cfg.org_suffixes or word in cfg.company_forms


def _propagate_lists(s: _Sentence, runs: list[_Run]) -> None:
    """A name listed with organisations is one: "accordi con Hino Motors e con Isuzu"."""
    changed = True
    while changed:
        changed = False
        for a, b in itertools.pairwise(runs):
            if {a.kind, b.kind} != {"organizations", None}:
                continue
            if not LIST_GAP_RE.match(s.raw[s.tokens[a.end - 1][2]:s.tokens[b.start][1]]):
                continue
            other = b if a.kind == "organizations" else a
            if other.end - other.start <= 3 and _listable(s, other):
                other.kind = "organizations"
                changed = True


def _listable(s: _Sentence, run: _Run) -> bool:
    cfg = config()
    places = geo.gazetteer().names.get(s.lang, geo.gazetteer().names["en"])
    words = [s.lower[k] for k in range(run.start, run.end)]
    if run.start == 0 or re.search(r"[.!?:;\"“«(]\s*$", s.gap(run.start)):
        return False  # "Parallelamente, Alibaba offre": a sentence opener, not a list
    key = " ".join(words)
    if key in places or key in geo.gazetteer().cities or all(w in cfg.stop for w in words):
        return False
    if len(words) == 1 and words[0] in cfg.not_org_acronyms:
        return False
    return not (words[0] in cfg.first_names and len(words) > 1)


def _classify(s: _Sentence, i: int, j: int, run: list[str], places: dict[str, tuple[str, ...]],
              cfg: EntityConfig) -> str | None:
    words = [w.casefold() for w in run]
    key = " ".join(words)
    if key in places or key in geo.gazetteer().cities:
        return None
    if all(w in cfg.stop for w in words) or (len(words) == 1 and words[0] in cfg.not_org_acronyms):
        return None
    before = s.lower[max(0, i - CUE_WINDOW):i]
    org_word = any(w in cfg.org_suffixes or w in cfg.company_forms or w in CONFEDERATIONS for w in words[1:]) \
        or (len(words) > 1 and words[0] in cfg.institutions)
    ampersand = "&" in s.raw[s.tokens[i][1]:s.tokens[j - 1][2]]  # "Cushman & Wakefield" is no person
    if 2 <= len(run) <= 4 and all(_titlecase(w) or w in PARTICLES for w in run) and not org_word and not ampersand \
            and (words[0] in cfg.first_names or (words[0] not in places and words[0] not in geo.gazetteer().cities
                                                 and _person_context(s, i, j, cfg))):
        return "people"
    if len(words) > 1 and words[-1] in NOT_ORG_HEADS:
        return None  # a law, a plan, an event: "Critical Raw Materials Act", "Consumer Electronics Show"
    if org_word or (len(words) > 1 and words[-1] in cfg.org_suffixes):
        return "organizations"  # (not "Power" alone: "«Power is the new real estate»")
    if _org_context(s, i, j, cfg):
        return "organizations"
    if any(_has_letter_digit(w) for w in run) or (before and before[-1] in cfg.product_cues):
        return "products"
    if len(run) == 1 and ACRONYM_RE.match(run[0]) and len(run[0]) >= 3:
        return "organizations" if _acronym_is_org(s, i, cfg) else None
    if len(run) <= 2 and CAMEL_RE.match(run[0]) and words[0] not in cfg.stop:
        return "organizations"  # "FiberCop", "VodafoneThree", "GlobalFoundries"
    return None


def _person_context(s: _Sentence, i: int, j: int, cfg: EntityConfig) -> bool:
    """A role or a speech verb governs the name: "l'amministratore delegato Wen-Hao Lin", "il
    presidente della Regione, Antonio Carrera", "ha detto X", "X ha spiegato", "X, ricercatore"."""
    lo = max(0, i - CUE_WINDOW)
    between: list[str] = []
    for k in range(i - 1, lo - 1, -1):
        if re.search(r"[.;:!?\"“”«»()]", s.gap(k + 1)):
            break
        between.insert(0, s.lower[k])
        if any(_ends_with(between[: m + 1], cue) for cue in cfg.person_cues for m in range(len(between))):
            # Nothing between the role and the name but its organisation: no verb, no clause.
            rest = between[next(m for m in range(len(between))
                                if any(_ends_with(between[: m + 1], c) for c in cfg.person_cues)) + 1:]
            if not any(_is_verb(w, s.lang) or w in ("durante", "mentre", "che", "dopo", "quando", "con")
                       for w in rest):
                return True
        if s.lower[k] in cfg.speech_verbs and k == i - 1:
            return True
    after = s.lower[j:j + 3]
    if any(tuple(after[: len(v)]) == v for v in cfg.person_verbs):
        return True
    if j < len(s.tokens) and s.gap(j).strip() == ",":
        k = j + 1 if s.lower[j] in ("il", "lo", "la", "un", "una", "uno") else j  # "Hannah Lindqvist, la manager"
        if any(tuple(s.lower[k:k + len(c)]) == c for c in cfg.person_cues):
            return True  # "Omar Farouk, ricercatore del centro studi"
    return i > 0 and s.lower[i - 1] in ("da",) and i > 1 and s.lower[i - 2] in ("fondata", "fondato", "guidata",
                                                                               "guidato", "creata", "creato")


def _places(s: _Sentence) -> dict[str, tuple[str, ...]]:
    return geo.gazetteer().names.get(s.lang, geo.gazetteer().names["en"])


def _org_context(s: _Sentence, i: int, j: int, cfg: EntityConfig) -> bool:
    before = s.lower[max(0, i - 3):i]
    if any(w in cfg.org_cues for w in before) \
            and not re.search(r"[,;:.()]", s.text[s.tokens[max(0, i - 3)][1]:s.tokens[i][1]]):
        return True
    # "la torinese Argotec", "l'olandese ASML": a demonym standing for "the company from".
    if i > 0 and s.joined(i) and simplemma.lemmatize(s.lower[i - 1], lang=s.lang) in cfg.demonyms \
            and s.lower[i - 1].endswith(("a", "ese")) \
            and re.search(r"\b(?:la|della|dalla|alla|sulla|nella|l['’]|dell['’]|dall['’]|all['’])\s*\w+\s*$",
                          s.before(i), re.IGNORECASE):
        return True
    # The employer after a person's role: "la direttrice di Asstel", "il presidente di Federacciai".
    head = s.lower[max(0, i - 4):i]
    if j == i + 1 and i > 0 and re.search(r"\b(?:di|del|della|dello|dell['’])\s*$", s.raw[:s.tokens[i][1]]) \
            and any(_ends_with(head[:m + 1], cue) for cue in cfg.person_cues for m in range(len(head))) \
            and s.lower[i] not in cfg.first_names and not simplemma.is_known(s.lower[i], lang=s.lang):
        return True  # (not "il ministro dell'Economia": a portfolio)
    # The agent of a passive only a company or a body does: "gestito da Developers Italia",
    # "sviluppato dall'Istituto Fermi" (not "annunciato da", "guidato da": people do those too).
    agent = re.search(r"\b(\w+)\s+(?:da|dal|dalla|dallo|dai|dagli|dalle|dall['’])\s*$", s.raw[:s.tokens[i][1]])
    if agent and re.search(r"(?:at|ut|it)[oaie]$", agent.group(1)) and not _is_place_name(s.lower[i], _places(s)) \
            and simplemma.lemmatize(agent.group(1).casefold(), lang=s.lang) in AGENT_VERBS:
        return True
    m = APPOSITION_RE.match(s.raw, s.tokens[j - 1][2])
    if m:
        noun = m.group(1).casefold()
        if noun in cfg.org_cues or (m.group(2) and f"{noun} {m.group(2).casefold()}" in cfg.org_cues):
            return True
    return False


# Passives whose agent is an organisation, not a person: "gestito da", "finanziato da".
AGENT_VERBS = {"gestire", "sviluppare", "costruire", "finanziare", "realizzare", "produrre", "fornire", "operare",
               "acquisire", "coordinare", "organizzare", "erogare", "emettere", "progettare", "assemblare",
               "distribuire", "commercializzare", "rilevare", "acquistare", "comprare", "controllare"}


def _acronym_is_org(s: _Sentence, i: int, cfg: EntityConfig) -> bool:
    """ "EDF costruirà", "costruiti da OHB": news acronyms are mostly organisations, but not a
    technical or business term (HBM, EUV, PMI, Spa), nor one after a plural article ("le ADR")
    or after a common noun it qualifies ("le memorie HBM", "litografia EUV")."""
    word = s.lower[i]
    if word in cfg.not_org_acronyms or word in cfg.stop:
        return False
    if re.search(r"\b\w+['’]\s*$", s.raw[:s.tokens[i][1]]):
        return True  # "dell'ESA", "all'ACN": the elided article belongs to the acronym
    if i > 0 and s.joined(i):
        prev = s.lower[i - 1]
        if prev in ("le", "i", "gli", "delle", "dei", "degli", "alle", "ai", "agli", "dalle", "dai", "dagli",
                    "nelle", "nei", "negli", "sulle", "sui", "sugli", "tante", "molte", "poche", "tutte"):
            return False
        if s.tokens[i - 1][0][0].islower() and prev not in cfg.function_words and prev not in cfg.org_cues \
                and not _is_verb(prev, s.lang) and simplemma.lemmatize(prev, lang=s.lang) not in cfg.demonyms:
            return False
    return True


def sentence_start_known(word: str, lang: str) -> bool:
    return bool(simplemma.is_known(word.lower(), lang=lang))


COMPANY_TAIL_MAX = 2


def find_entities(sentences: list[str], lang: str) -> dict[str, list[str]]:
    """Entities of the whole article by kind, in order of first mention (see the module doc for
    what is left out and under which name)."""
    cfg = config()
    groups: dict[tuple[str, str], list[tuple[int, Mention]]] = {}
    acronym_of: dict[str, str] = {}  # casefolded acronym -> key of the full name
    for n, sentence in enumerate(sentences):
        for mention in find_mentions(sentence, lang):
            groups.setdefault((mention.kind, mention.key), []).append((n, mention))
            if mention.acronym:
                acronym_of[mention.acronym.casefold()] = mention.key
    # An acronym given in brackets after a name is that name: merge their mentions.
    for acro, key in acronym_of.items():
        if acro == key:
            continue
        full = groups.get(("organizations", key))
        short = groups.pop(("organizations", acro), None)
        if full is not None and short is not None:
            full.extend(short)
            full.sort(key=lambda nm: nm[0])
    _merge_initials(groups, cfg)
    result: dict[str, list[str]] = {kind: [] for kind in KINDS}
    named: list[tuple[int, str, str]] = []
    title_only: set[str] = set()  # names only the headline gives
    terms = {m.key for ms in groups.values() for _, m in ms if m.term}
    for (kind, _), mentions in groups.items():
        if kind == "organizations" and all(m.cited or m.example or m.passing for _, m in mentions):
            continue  # a source the article cites, an example it gives, one it names in passing
        if kind == "organizations" and any(m.key in terms for _, m in mentions):
            continue  # the short name of a law, a programme, a technique
        if kind == "organizations" and any(_key(m.key) in cfg.outlets for _, m in mentions):
            continue  # a news outlet reports the story, however the article quotes it
        body = [m for n, m in mentions if n > 0] or [m for _, m in mentions]
        name = body[0].name
        fuller = [m.name for _, m in mentions if _extends(m.name, name, cfg)]
        if fuller:
            name = max(fuller, key=len)  # "Toyota Motor" before "Toyota"
        acronyms = [m.acronym for _, m in mentions if m.acronym]
        if acronyms and sum(1 for _, m in mentions if m.acronym or m.name == acronyms[0]) >= 2 \
                and any(m.name.casefold() == acronyms[0].casefold() for _, m in mentions):
            name = acronyms[0]  # the article goes by the acronym it introduced
        first = min(n * 1000 + m.start for n, m in mentions)
        named.append((first, kind, name))
        if all(n == 0 for n, _ in mentions):
            title_only.add(name)
    named.sort()
    orgs = [nm for _, k, nm in named if k == "organizations"]
    for _, kind, name in named:
        if kind == "organizations" and (_has_company_extension(name, orgs, cfg) or _short_form(name, orgs, cfg)
                                        or any(o.casefold().startswith(name.casefold() + "-") for o in orgs)):
            continue  # "Toyota" when the article says "Toyota Motor"
        if kind == "organizations" and name in title_only and any(
                o not in title_only and o.casefold().startswith(name.casefold() + " ") for o in orgs):
            continue  # a headline's short form of the name the article uses: "Google" for "Google Cloud"
        if name not in result[kind]:
            result[kind].append(name)
    # A name filed under two kinds is kept under the first only.
    seen: set[str] = set()
    for kind in KINDS:
        kept = [n for n in result[kind] if n.casefold() not in seen]
        seen.update(n.casefold() for n in kept)
        result[kind] = kept
    return result


def _shared_start(a: str, b: str) -> int:
    return next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _abbreviates(short: str, full: str, cfg: EntityConfig) -> bool:
    """ "PEJ", "Agcom", "Enas" abbreviate "Polskie Elektrownie Jądrowe", "Autorità per le garanzie
    nelle comunicazioni", "Ente acque della Sardegna": the short name is made of the starts of the
    full name's words, in order, the first word's included."""
    letters = short.casefold()
    words = [w for w in _key(full).split() if w not in cfg.connectors]
    if not letters.isalpha() or not 2 <= len(letters) <= 8 or len(words) < 2 \
            or _shared_start(letters, words[0]) >= len(letters) - 1:
        return False  # the first word is the short name: "Thales" is the parent of "Thales Alenia Space"

    def match(at: int, word: int, used: int) -> bool:
        if at == len(letters):
            return used >= 2  # "Airbus" is no abbreviation of "Airbus Defence and Space"
        for k in range(word, len(words) if at else 1):
            size = 1
            while size <= len(words[k]) and at + size <= len(letters) and words[k][:size] == letters[at:at + size]:
                if match(at + size, k + 1, used + 1):
                    return True
                size += 1
        return False

    return match(0, 0, 0)


def _merge_initials(groups: dict[tuple[str, str], list[tuple[int, Mention]]], cfg: EntityConfig) -> None:
    """A short name that abbreviates an organisation the article names in full is that
    organisation, named in full: "PEJ" and "Polskie Elektrownie Jądrowe", "Agcom" and "Autorità per
    le garanzie nelle comunicazioni"."""
    for key in [k for k in groups if k[0] == "organizations" and " " not in groups[k][0][1].name]:
        short = groups[key][0][1].name
        full = [k for k in groups if k[0] == "organizations" and k != key
                and _abbreviates(short, groups[k][0][1].name, cfg)]
        if len(full) == 1:
            name = groups[full[0]][0][1].name
            groups[full[0]].extend((n, replace(m, name=name)) for n, m in groups.pop(key))
            groups[full[0]].sort(key=lambda nm: nm[0])


def _extends(longer: str, name: str, cfg: EntityConfig) -> bool:
    """ "Toyota Motor" is "Toyota" with a company form after it."""
    words, o = name.casefold().split(), longer.casefold().split()
    return len(o) > len(words) and o[: len(words)] == words and len(o) - len(words) <= COMPANY_TAIL_MAX \
        and all(w in cfg.company_forms or w in CONFEDERATIONS for w in o[len(words):])


def _has_company_extension(name: str, orgs: list[str], cfg: EntityConfig) -> bool:
    return any(_extends(other, name, cfg) for other in orgs)


def _short_form(name: str, orgs: list[str], cfg: EntityConfig) -> bool:
    """ "Autorità portuale" when the article also says "Autorità di sistema portuale del Mar Ionio"."""
    words = name.casefold().split()
    if len(words) < 2 or words[0] not in cfg.institutions:
        return False
    content = set(words) - cfg.connectors
    for other in orgs:
        o = other.casefold().split()
        if o != words and o[0] == words[0] and content < set(o) - cfg.connectors:
            return True
    return False

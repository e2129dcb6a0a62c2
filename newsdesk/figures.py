"""Key figures: money, percentages and counted quantities, normalised to a value and a unit.

"48,6 miliardi di euro" -> 48600000000 EUR, shown as "€48.6 billion" / "48,6 miliardi di euro".
Only numbers with a unit, a currency or a scale word count: a bare "2025" or "Apache 2.0" is not
a key figure. Formatting of numbers per language is Babel's (CLDR).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_decimal

# scale word -> (multiplier, English word, Italian plural, Italian singular)
SCALES_IT = {
    "mila": 10**3, "mille": 10**3,
    "milione": 10**6, "milioni": 10**6, "mln": 10**6,
    "miliardo": 10**9, "miliardi": 10**9, "mld": 10**9, "mrd": 10**9,
    "bilione": 10**12, "bilioni": 10**12, "mila miliardi": 10**12,
}
SCALES_EN = {"thousand": 10**3, "million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9,
             "trillion": 10**12}
SCALE_WORDS = {10**3: ("thousand", "mila", "mila"), 10**6: ("million", "milioni", "milione"),
               10**9: ("billion", "miliardi", "miliardo"), 10**12: ("trillion", "bilioni", "bilione")}
# A quadrillion is beyond any amount a news article states; larger "numbers" are noise.
MAX_FIGURE = 10**15
# Currency words as Italian news write them -> ISO 4217. The bare word of a currency family
# ("dollari", "franchi", "sterline") means its best-known member; every other currency is
# read by its CLDR names (see _cldr_currency_words), so "6.000 miliardi di dong" is VND.
CURRENCIES = {
    "euro": "EUR", "€": "EUR", "euros": "EUR", "dollari": "USD", "dollaro": "USD", "$": "USD",
    "dollars": "USD", "dollar": "USD", "usd": "USD", "eur": "EUR", "sterline": "GBP", "sterlina": "GBP", "£": "GBP",
    "pounds": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "¥": "JPY",
    "franchi svizzeri": "CHF", "franchi": "CHF",
    "dollari canadesi": "CAD", "dollari australiani": "AUD", "dollari neozelandesi": "NZD",
    "won": "KRW", "₩": "KRW", "dollari taiwanesi": "TWD", "rupie": "INR", "rupie indiane": "INR", "₹": "INR",
    "zloty": "PLN", "reais": "BRL", "real brasiliani": "BRL", "pesos messicani": "MXN",
    "pesos argentini": "ARS", "rubli": "RUB", "lire turche": "TRY", "corone svedesi": "SEK",
    "dollari di hong kong": "HKD", "dollari di singapore": "SGD", "rand": "ZAR",
    # ISO codes that are no word of Italian or English ("ALL", "TOP", "CUP" are)
    **{code.lower(): code for code in ("GBP", "CHF", "JPY", "CNY", "SGD", "HKD", "NOK", "SEK", "DKK", "KRW", "AUD",
                                       "CAD", "BRL", "PLN", "CZK", "HUF", "AED", "SAR", "INR", "VND", "THB", "IDR")},
}
# Short CLDR names that are also common Italian words: never read as a currency on their own.
NOT_CURRENCY_WORDS = frozenset({"marco", "marchi", "leone", "leoni", "cedi", "sol", "som", "sum", "lek", "kina",
                                "tala", "pula", "lari", "dram", "lev", "leva", "loti", "kip", "escudo", "escudos",
                                "colón", "córdoba", "real", "dobra", "vatu", "xcg", "zwg"})


def _cldr_currency_words() -> dict[str, str]:
    """Italian CLDR names of the currencies in use ("dong vietnamiti", "corone norvegesi"), and
    their first word when only one such currency has it ("dong", "ringgit", "baht")."""
    from collections import defaultdict
    from datetime import date

    from babel import Locale
    from babel.numbers import get_currency_name, get_territory_currencies

    in_use: set[str] = set()
    for territory in Locale("en").territories:
        in_use.update(get_territory_currencies(str(territory), date(2026, 1, 1), tender=True))
    words: dict[str, str] = {}
    heads: dict[str, set[str]] = defaultdict(set)
    for code in sorted(in_use):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="it").lower()
            words.setdefault(name, code)
            heads[name.split()[0]].add(code)
    for head, codes in heads.items():
        if len(codes) == 1 and head not in NOT_CURRENCY_WORDS:
            words.setdefault(head, next(iter(codes)))
    return {word: code for word, code in words.items() if word != code.lower()}


CURRENCIES = {**_cldr_currency_words(), **CURRENCIES}
CURRENCY_IT = {"EUR": "euro", "USD": "dollari", "GBP": "sterline", "CNY": "yuan", "JPY": "yen",
               "CHF": "franchi svizzeri", "CAD": "dollari canadesi", "AUD": "dollari australiani",
               "NZD": "dollari neozelandesi", "KRW": "won", "TWD": "dollari taiwanesi", "INR": "rupie",
               "PLN": "zloty", "BRL": "reais", "MXN": "pesos messicani", "ARS": "pesos argentini", "RUB": "rubli",
               "TRY": "lire turche", "SEK": "corone svedesi", "HKD": "dollari di Hong Kong",
               "SGD": "dollari di Singapore", "ZAR": "rand"}


def currency_symbol(code: str) -> str:
    """How English writes an amount's currency: CLDR's symbol ("€", "CA$", "₫"), or the ISO code
    and a space where CLDR has no symbol ("CHF 3 million")."""
    from babel.numbers import get_currency_symbol

    symbol = get_currency_symbol(code, locale="en")
    return f"{symbol} " if symbol.isalpha() else symbol


def currency_it(code: str) -> str:
    """The Italian plural name of a currency for the Italian column: the news form for the
    common ones ("dollari"), CLDR's otherwise ("dong vietnamiti")."""
    from babel.numbers import get_currency_name

    return CURRENCY_IT.get(code) or get_currency_name(code, count=2, locale="it")


# counted things: Italian word(s) -> (unit id, English plural)
ADJECTIVES_EN = {"nuovi": "new", "nuove": "new", "ulteriori": "more"}


def _counted(table: str) -> dict[str, tuple[str, str]]:
    """'italian words=English' lines -> {italian: (unit id, English plural)}."""
    out: dict[str, tuple[str, str]] = {}
    for line in table.strip().splitlines():
        words, english = line.split("=")
        for word in words.split(","):
            out[word.strip()] = (english.strip(), english.strip())
    return out


# counted things and measures: Italian (or English) word(s) -> (unit id, English plural). Only
# nouns a key figure counts; no time units ("24 ore", "da 10 anni" are not key figures).
COUNT_UNITS = _counted("""
token, tokens=tokens
utenti, users=users
dipendenti, employees=employees
posti di lavoro, jobs, nuovi posti di lavoro=jobs
abbonati=subscribers
clienti, customers=customers
chip, chips=chips
gpu=GPUs
dispositivi=devices
veicoli=vehicles
auto, automobili, vetture=cars
satelliti=satellites
tonnellate=tonnes
megawatt, mw=MW
gigawatt, gw=GW
kilowatt, kw=kW
twh=TWh
gwh=GWh
mwh=MWh
kwh=kWh
kv=kV
km, chilometri=km
km/h, chilometri orari=km/h
metri=metres
metri cubi, mc=cubic metres
metri quadrati, mq=square metres
ettari=hectares
barili=barrels
litri=litres
pazienti=patients
container=containers
persone=people
abitazioni, alloggi=homes
famiglie, nuclei familiari=households
studenti=students
passeggeri=passengers
lavoratori, addetti, occupati=workers
aziende, imprese=companies
pmi=SMEs
startup=startups
abitanti=inhabitants
residenti=residents
ingegneri=engineers
ricercatori=researchers
medici=doctors
infermieri=nurses
vittime=victims
arresti=arrests
visitatori=visitors
turisti=tourists
iscritti=members
comuni=municipalities
enti pubblici, amministrazioni=public bodies
ospedali=hospitals
scuole=schools
stazioni=stations
treni=trains
tram=trams
fermate=stops
autobus=buses
navi=ships
aerei=aircraft
voli=flights
droni=drones
robot=robots
reattori=reactors
impianti, stabilimenti=plants
fabbriche=factories
turbine, pale eoliche=turbines
pannelli, pannelli solari=panels
batterie=batteries
colonnine, punti di ricarica=charging points
antenne=antennas
server=servers
data center=data centers
smartphone=smartphones
sim=SIM cards
chiamate=calls
sms=text messages
attacchi=attacks
lanci=launches
brevetti=patents
contratti=contracts
negozi, punti vendita=stores
filiali, sportelli=branches
programmi=programs
app, applicazioni=apps
posti letto=beds
posti a sedere=seats
appuntamenti=appointments
dosi=doses
ordini=orders
download=downloads
qubit=qubits
wafer=wafers
punti=points
punti base, punti base percentuali=basis points
punti percentuali=percentage points
""")

_cur_alt = "|".join(sorted((re.escape(c) for c in CURRENCIES), key=len, reverse=True))
_scale_alt = "|".join(sorted((re.escape(s) for s in {**SCALES_IT, **SCALES_EN}), key=len, reverse=True))
_count_alt = "|".join(sorted((re.escape(c) for c in COUNT_UNITS), key=len, reverse=True))
NUM_IT = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUM_EN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

FIGURE_RE = {
    lang: re.compile(
        rf"(?<![\w.,])(?:(?P<pre>[€$£¥])\s?)?(?P<num>{num})(?![\w])"
        rf"(?:\s*(?P<scale>{_scale_alt})\b\.?)?"
        rf"(?:\s*(?P<pct>%|per ?cento|percent)"
        rf"|\s*(?:di\s+|d['’]\s*)?(?P<cur>{_cur_alt})(?!\w)"
        rf"|\s*(?:di\s+)?(?:(?P<adj>nuov[ie]|ulteriori|new|more)\s+)?(?P<count>{_count_alt})\b)?",
        re.IGNORECASE,
    )
    for lang, num in (("it", NUM_IT), ("en", NUM_EN))
}


@dataclass(frozen=True)
class Figure:
    value: int | float
    unit: str  # ISO currency, "percent", or a counted unit
    en: str
    it: str
    start: int = 0
    end: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"value": self.value, "unit": self.unit, "en": self.en, "it": self.it}


def parse_number(text: str, lang: str) -> Decimal:
    if lang == "it":
        return Decimal(text.replace(".", "").replace(",", "."))
    return Decimal(text.replace(",", ""))


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def format_number(number: Decimal, locale: str) -> str:
    return format_decimal(number, locale=locale, decimal_quantization=False, group_separator=True)


# Between the two ends of a range: "tra 44 e 46", "da 480 a circa 700", "tra il 3 e il 5%", "40-50".
_RANGE = re.compile(r"\s*(?:e|a|and|to|(?P<sep>o|or|-|–))\s*(?:(?:il|i|gli|l['’]|the)\s*)?(?:circa\s+|about\s+)?",
                    re.IGNORECASE)
# "tra 44 e 46", "da 480 a 700", "between 3 and 5": a range joined by a word opens with one.
_RANGE_START = re.compile(r"\b(?:tra|fra|da|dai|dagli|dal|dalle|between|from)\s+(?:(?:il|i|gli|l['’]|the)\s*)?$",
                          re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# Between an amount and a bare "180 milioni": a sentence or clause ended, so no currency is understood.
_CLAUSE_END = re.compile(r"[.!?;:]\s|\n")
# "120 milioni di metri cubi": a count of something the tables do not name, not an amount.
_OF_NOUN = re.compile(r"\s*(?:di|d['’])\s*[^\W\d]", re.IGNORECASE)


def _as_written(word: str) -> str:
    """A currency word for the Italian column as the article wrote it ("dong", "SGD", "dollari di
    Singapore"), its first word in lower case unless it is an ISO code."""
    word = " ".join(word.split())
    if re.fullmatch(r"[A-Z]{3}", word):
        return word
    if word.isupper():
        return word.lower()
    first, _, rest = word.partition(" ")
    return f"{first.lower()} {rest}" if rest else first.lower()


def find_figures(text: str, lang: str = "it", *, understood: bool = True) -> list[Figure]:
    """Every key figure in the text, with its character span, in order of appearance.

    With `understood`, a number also takes what the text leaves understood: the currency of the
    amount before it in the same clause ("5 miliardi di euro, di cui 2 miliardi") and the scale
    and unit of the second end of a range ("tra 44 e 46 miliardi di dollari"). Translation
    protection asks for the figures as written (`understood=False`): its English replaces the
    span, and "between $44 billion and..." for "tra 44 e" would say the unit twice."""
    out = []
    money: tuple[str, int] | None = None  # the last amount's currency and where it ended
    pattern = FIGURE_RE["en" if lang == "en" else "it"]
    for m in pattern.finditer(text):
        pre, scale, pct, cur, count = (m.group(g) for g in ("pre", "scale", "pct", "cur", "count"))
        if (understood and not (pre or pct or cur or count or scale) and (gap := _RANGE.match(text, m.end()))
                and (gap.group("sep") or _RANGE_START.search(text, max(0, m.start() - 12), m.start()))
                and not _YEAR.fullmatch(m.group("num"))):
            # "tra 44 e 46 miliardi di dollari", "da 480 a 700 dipendenti": the first end of a
            # range is written without the scale and unit of the second.
            second = pattern.match(text, gap.end())
            if second is not None:
                pre, scale, pct, cur, count = (second.group(g) for g in ("pre", "scale", "pct", "cur", "count"))
        if not (pre or pct or cur or count or scale):
            continue
        if (understood and scale and not (pre or pct or cur or count) and money is not None
                and not _CLAUSE_END.search(text, money[1], m.start()) and not _OF_NOUN.match(text, m.end())):
            # "1,4 miliardi di euro, di cui 180 milioni per le banchine": the currency is understood.
            pre, cur, implied = None, money[0], True
        else:
            implied = False
        if scale and not (pre or cur or count) and scale.lower() in ("m",):
            continue
        if cur and lang == "en" and cur.lower() in ("won", "rand"):
            continue  # English verbs and names ("in 2024 won the"), not currencies
        number = parse_number(m.group("num"), "en" if lang == "en" else "it")
        multiplier = 1
        if scale:
            multiplier = {**SCALES_IT, **SCALES_EN}[scale.lower()]
        if number * multiplier >= MAX_FIGURE:
            continue  # "1 followed by 40 zeros": not a figure of a news article (and Babel cannot format it)
        value = _plain(number * multiplier)
        shown = number  # the number as written, before the scale word
        if not scale and number >= 10**6:
            # Shown as "1.2 million" even when written as "1.200.000".
            multiplier = 10**9 if number >= 10**9 else 10**6
            shown = number / multiplier
        scale_en, scale_it_pl, scale_it_sg = SCALE_WORDS.get(multiplier, ("", "", ""))
        if multiplier == 10**3:
            # "500 mila euro" reads best in English as "€500,000".
            shown, multiplier, scale_en = number * 1000, 1, ""
            scale_it_pl = scale_it_sg = ""
        scale_it = scale_it_sg if shown == 1 else scale_it_pl
        en_shown, en_multiplier = shown, multiplier
        if en_multiplier in (10**6, 10**9) and en_shown >= 1000:
            # "62.000 miliardi di won" reads in English as "₩62 trillion", not "₩62,000 billion".
            en_shown, en_multiplier = en_shown / 1000, en_multiplier * 1000
            scale_en = SCALE_WORDS[en_multiplier][0]
        en_num = format_number(en_shown, "en") + (f" {scale_en}" if scale_en and en_multiplier > 1 else "")
        as_written = scale and scale.lower() in ("mila", "mille", "mila miliardi")
        it_num = (f"{m.group('num')} {scale}" if as_written else
                  format_number(shown, "it") + (f" {scale_it}" if scale_it and multiplier > 1 else ""))
        di = " di" if multiplier >= 10**6 else ""
        if pct:
            unit, en, it = "percent", f"{format_number(number, 'en')}%", f"{format_number(number, 'it')}%"
            value = _plain(number)
        elif pre or cur:
            unit = CURRENCIES.get((pre or cur).lower(), cur)
            money = (unit, m.end())
            en = f"{currency_symbol(unit)}{en_num}"
            written = cur and lang != "en" and not implied
            it = f"{it_num}{di} {_as_written(cur) if written else currency_it(unit)}"
        elif count:
            unit, en_word = COUNT_UNITS[count.lower()]
            adj = m.group("adj") if m.group("count") else None  # of this figure, not of a range's second end
            if adj:  # "1.800 nuovi dipendenti": "1,800 new employees"
                en_word = f"{ADJECTIVES_EN.get(adj.lower(), adj.lower())} {en_word}"
                count = f"{adj} {count}"
            en, it = f"{en_num} {en_word}", f"{it_num}{di} {count}"
        else:
            unit, en, it = "count", en_num, it_num
        out.append(Figure(value, unit, en, it, m.start(), m.end()))
    return out


def key_figures(paragraphs: list[str], lang: str) -> list[Figure]:
    """Distinct figures of the article (by value and unit), in order of first appearance."""
    found = [fig for paragraph in paragraphs for fig in find_figures(paragraph, lang)]
    # "1,2 miliardi" in a headline is the "1,2 miliardi di euro" of the body: keep the one with a unit.
    with_unit = {fig.value for fig in found if fig.unit != "count"}
    seen: set[tuple[object, str]] = set()
    out = []
    for fig in found:
        if (fig.value, fig.unit) in seen or (fig.unit == "count" and fig.value in with_unit):
            continue
        seen.add((fig.value, fig.unit))
        out.append(fig)
    return out

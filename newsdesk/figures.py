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
# currency words/symbols -> ISO 4217
CURRENCIES = {
    "euro": "EUR", "€": "EUR", "euros": "EUR", "dollari": "USD", "dollaro": "USD", "$": "USD",
    "dollars": "USD", "dollar": "USD", "usd": "USD", "eur": "EUR", "sterline": "GBP", "£": "GBP",
    "pounds": "GBP", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "¥": "JPY",
    "franchi svizzeri": "CHF", "franchi": "CHF",
    "dollari canadesi": "CAD", "dollari australiani": "AUD", "dollari neozelandesi": "NZD",
    "won": "KRW", "₩": "KRW", "dollari taiwanesi": "TWD", "rupie": "INR", "rupie indiane": "INR", "₹": "INR",
    "zloty": "PLN", "reais": "BRL", "real brasiliani": "BRL", "pesos messicani": "MXN",
    "pesos argentini": "ARS", "rubli": "RUB", "lire turche": "TRY", "corone svedesi": "SEK",
    "dollari di hong kong": "HKD", "dollari di singapore": "SGD", "rand": "ZAR",
}
CURRENCY_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£", "CNY": "CN¥", "JPY": "¥", "CHF": "CHF ",
                   "CAD": "CA$", "AUD": "A$", "NZD": "NZ$", "KRW": "₩", "TWD": "NT$", "INR": "₹", "PLN": "PLN ",
                   "BRL": "R$", "MXN": "MX$", "ARS": "ARS ", "RUB": "RUB ", "TRY": "TRY ", "SEK": "SEK ",
                   "HKD": "HK$", "SGD": "S$", "ZAR": "ZAR "}
CURRENCY_IT = {"EUR": "euro", "USD": "dollari", "GBP": "sterline", "CNY": "yuan", "JPY": "yen",
               "CHF": "franchi svizzeri", "CAD": "dollari canadesi", "AUD": "dollari australiani",
               "NZD": "dollari neozelandesi", "KRW": "won", "TWD": "dollari taiwanesi", "INR": "rupie",
               "PLN": "zloty", "BRL": "reais", "MXN": "pesos messicani", "ARS": "pesos argentini", "RUB": "rubli",
               "TRY": "lire turche", "SEK": "corone svedesi", "HKD": "dollari di Hong Kong",
               "SGD": "dollari di Singapore", "ZAR": "rand"}
# counted things: Italian word(s) -> (unit id, English plural)
COUNT_UNITS = {
    "token": ("tokens", "tokens"), "utenti": ("users", "users"), "dipendenti": ("employees", "employees"),
    "posti di lavoro": ("jobs", "jobs"), "abbonati": ("subscribers", "subscribers"),
    "clienti": ("customers", "customers"), "chip": ("chips", "chips"), "gpu": ("GPUs", "GPUs"),
    "dispositivi": ("devices", "devices"), "veicoli": ("vehicles", "vehicles"), "auto": ("cars", "cars"),
    "satelliti": ("satellites", "satellites"), "tonnellate": ("tonnes", "tonnes"),
    "megawatt": ("MW", "MW"), "mw": ("MW", "MW"), "gigawatt": ("GW", "GW"), "gw": ("GW", "GW"),
    "twh": ("TWh", "TWh"), "gwh": ("GWh", "GWh"), "km": ("km", "km"), "chilometri": ("km", "km"),
    "users": ("users", "users"), "employees": ("employees", "employees"), "jobs": ("jobs", "jobs"),
    "tokens": ("tokens", "tokens"), "chips": ("chips", "chips"), "customers": ("customers", "customers"),
    "pazienti": ("patients", "patients"), "container": ("containers", "containers"),
    "persone": ("people", "people"), "abitazioni": ("homes", "homes"), "famiglie": ("households", "households"),
    "studenti": ("students", "students"), "passeggeri": ("passengers", "passengers"),
    "lavoratori": ("workers", "workers"), "aziende": ("companies", "companies"), "imprese": ("companies", "companies"),
}

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
        rf"|\s*(?:di\s+)?(?P<count>{_count_alt})\b)?",
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


def find_figures(text: str, lang: str = "it") -> list[Figure]:
    """Every key figure in the text, with its character span, in order of appearance."""
    out = []
    for m in FIGURE_RE["en" if lang == "en" else "it"].finditer(text):
        pre, scale, pct, cur, count = (m.group(g) for g in ("pre", "scale", "pct", "cur", "count"))
        if not (pre or pct or cur or count or scale):
            continue
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
            unit = CURRENCIES[(pre or cur).lower()]
            en = f"{CURRENCY_SYMBOL[unit]}{en_num}"
            it = f"{it_num}{di} {CURRENCY_IT[unit]}"
        elif count:
            unit, en_word = COUNT_UNITS[count.lower()]
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

"""Publication dates a page states: never a guess.

Plain text: dateparser reads the Italian and English date expressions of bylines and datelines
("Pubblicato il 3 mar 2026 alle 10:15", "12 Gennaio 2025", "Giovedì 2 ottobre 2026, ore 9:12",
"03/11/2026 - 11:20", "Sep 25, 2025"). Only an expression with a day, a month and a four-digit
year counts: "Roma, 3 marzo -" or "5 min" state no publication date, and dateparser would
otherwise fill the missing parts from today.

HTML: htmldate (by trafilatura's author) reads meta tags, JSON-LD and <time> elements; it is
called without the URL and without its extensive search, because both end in guesses: a date
in the URL path (/2025/09/29/) is a hint, never a stated fact. When no markup states the date,
the visible byline or date line is read as text.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime
from functools import lru_cache
from typing import Any

LANGUAGES = ["it", "en"]
# A stated date has a year: four digits, 1990-2099 (news pages, not history books).
YEAR_RE = re.compile(r"(?<!\d)(?:19[9]\d|20\d\d)(?!\d)")
DAY_RE = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
# Lines that state when the article was first published, last updated.
PUBLISHED_RE = re.compile(r"\b(?:pubblicat[oa]|published|posted)\b", re.IGNORECASE)
UPDATED_RE = re.compile(r"\b(?:aggiornat[oa]|ultimo aggiornamento|modificat[oa]|modifica|updated)\b",
                        re.IGNORECASE)
SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "DATE_ORDER": "DMY",
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
# "date 2025-11-19": a metadata line pasted from a CMS; dateparser skips ISO dates in running text.
ISO_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


@lru_cache(maxsize=4096)
def find_date(text: str) -> date | None:
    """The first full calendar date written in the text, or None. Never guesses: an expression
    without a day, a month and a year, or an impossible date (31 febbraio), gives None."""
    if not YEAR_RE.search(text) or len(text) > 400:
        return None
    iso = ISO_RE.search(text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            pass
    from dateparser.search import search_dates  # ~0.3 s import: only when a line has a year

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=LANGUAGES, settings=SETTINGS) or []
    for matched, when in found:
        if YEAR_RE.search(matched) and DAY_RE.search(YEAR_RE.sub(" ", matched)):
            return when.date() if isinstance(when, datetime) else None
    return None


def stated_date(lines: list[str]) -> date | None:
    """The publication date among header lines: a "Pubblicato" date wins over any other, an
    "Aggiornato" one counts only when nothing else is stated; otherwise the first date."""
    plain = updated = None
    for line in lines:
        found = find_date(line)
        if found is None:
            continue
        lead = line[: next((i for i, ch in enumerate(line) if ch.isdigit()), len(line))]
        if UPDATED_RE.search(lead):
            updated = updated or found
        elif PUBLISHED_RE.search(lead):
            return found
        else:
            plain = plain or found
    return plain or updated


DATELINE_RE = re.compile(r"^\W*(?:\(?[A-Z][A-Za-zÀ-ÿ' ]{1,30}\)?\s*[-–—,]\s*){0,2}"
                         r"(?P<date>\d{1,2}\s+[A-Za-zÀ-ÿ]{3,10}\.?\s+\d{4})\b")


def dateline_date(paragraph: str) -> date | None:
    """A dateline at the start of the body with a year: "ROMA, 12 gennaio 2026 -"."""
    m = DATELINE_RE.match(paragraph[:80])
    return find_date(m.group("date")) if m else None


DATE_CLASS_RE = re.compile(r"date|time|byline|meta|data|publish|pubblica", re.IGNORECASE)


def html_date(html: str) -> date | None:
    """The publication date a saved page states in its markup or its visible date line."""
    import htmldate
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = htmldate.find_date(tree, extensive_search=False, original_date=True, url="")
    if found:
        return date.fromisoformat(found)
    texts = []
    for element in tree.iter("time", "p", "span", "div", "small"):
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if element.tag == "time" or DATE_CLASS_RE.search(marker):
            text = " ".join(element.text_content().split())
            if text and len(text) < 200:
                texts.append(text)
    return stated_date(texts)

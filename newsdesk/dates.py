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
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import islice
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
# What dateparser misreads around a date, removed before it reads the line: a time of day ("ore 9.30"
# became "9 hours ago", "alle 10:15", "h. 18:02"), an abbreviation's full stop ("3 mar. 2026"),
# an ordinal indicator ("1º ottobre") and an abbreviated weekday ("Mar 03 mar 2026", "gio. 2 ott").
TIME_RE = re.compile(r"(?:\b(?:ore|alle|h)\.?\s*)?(?<![\d.:/-])\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?![\d.:/-])",
                     re.IGNORECASE)
ABBREVIATION_DOT_RE = re.compile(r"\b([A-Za-zÀ-ÿ]{3,4})\.(?=\s*\d)")
ORDINAL_RE = re.compile(r"(?<=\d)[º°ª]")
WEEKDAY_ABBR_RE = re.compile(r"\b(?:lun|mar|mer|gio|ven|sab|dom)\b\.?,?\s+(?=\d{1,2}\b\.?\s*[A-Za-z])",
                             re.IGNORECASE)


# A site's top bar shows the day's date ("Lunedì, 23 Novembre 2026 | Aggiornato alle 10:42", "Oggi è
# martedì 24 novembre 2026"): a weekday or "oggi" with a full date, and no publication statement.
WEEKDAY_RE = re.compile(r"\b(?:luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|sabato|domenica|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
TODAY_RE = re.compile(r"\b(?:oggi|today)\b", re.IGNORECASE)
# "Lunedì 19 novembre 2026 | di Mario Rossi": a byline's date, stated for the article.
BYLINE_PART_RE = re.compile(r"(?:^|[|·•,–—-]\s*)(?:di|by|a cura di)\s+[A-ZÀ-Ý]")
TODAY_STRIP_MAX_WORDS = 14


def is_today_strip(line: str) -> bool:
    """A top bar's date line: a weekday or "oggi" and a full date, with no "Pubblicato" and no byline.
    Above the headline it is the day the page was seen, never the article's publication date."""
    return (len(line.split()) <= TODAY_STRIP_MAX_WORDS and not PUBLISHED_RE.search(line)
            and not BYLINE_PART_RE.search(line)
            and (WEEKDAY_RE.search(line) is not None or TODAY_RE.search(line) is not None
                 or WEEKDAY_ABBR_RE.match(line.lstrip()) is not None)
            and find_date(line) is not None)


def _readable(text: str) -> str:
    """The line with the date kept and what dateparser misreads around it removed."""
    text = TIME_RE.sub(" ", text)
    text = ORDINAL_RE.sub("", text)
    text = ABBREVIATION_DOT_RE.sub(r"\1", text)
    return WEEKDAY_ABBR_RE.sub("", text)


def _stated_in(matched: str, when: date) -> bool:
    """The day and the year dateparser returns are both written in the matched text: a date it
    completed or computed ("2026 ore 9" as nine hours ago) is not a stated date."""
    years = {int(y) for y in YEAR_RE.findall(matched)}
    days = {int(d) for d in DAY_RE.findall(YEAR_RE.sub(" ", matched))}
    return when.year in years and when.day in days


# "03/11/26", "3.11.26": day, month and a two-digit year, as many Italian CMSs print a date. The
# year is 2000 + yy: written, not guessed (and only in a line that has no four-digit year).
SHORT_YEAR_RE = re.compile(r"(?<![\d/.,-])(?:(\d{1,2})(/)(\d{1,2})/|(\d{2})([.-])(\d{2})\5)(\d{2})(?![\d/.,-]|\.\d)")


def _short_year_date(text: str) -> date | None:
    m = SHORT_YEAR_RE.search(text)
    if m is None:
        return None
    day, month = (m.group(1), m.group(3)) if m.group(1) else (m.group(4), m.group(6))
    try:
        return date(2000 + int(m.group(7)), int(month), int(day))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def find_date(text: str) -> date | None:
    """The first full calendar date written in the text, or None. Never guesses: an expression
    without a day, a month and a year, or an impossible date (31 febbraio), gives None."""
    if len(text) > 400:
        return None
    if not YEAR_RE.search(text):
        return _short_year_date(text)
    iso = ISO_RE.search(text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            pass
    from dateparser.search import search_dates  # ~0.3 s import: only when a line has a year

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(_readable(text), languages=LANGUAGES, settings=SETTINGS) or []
    for matched, when in found:
        if isinstance(when, datetime) and _stated_in(matched, when.date()):
            return when.date()
    return None


def stated_date(lines: list[str], updates: bool = True) -> date | None:
    """The publication date among header lines: a "Pubblicato" date wins over any other, an
    "Aggiornato" one counts only when nothing else is stated (never with `updates=False`);
    otherwise the first date."""
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
    return plain or (updated if updates else None)


DATELINE_RE = re.compile(r"^\W*(?:\(?[A-Z][A-Za-zÀ-ÿ' ]{1,30}\)?\s*(?:\([A-Za-z]{2,12}\)\s*)?[-–—,]\s*){0,2}"
                         r"(?P<date>\d{1,2}\s+[A-Za-zÀ-ÿ]{3,10}\.?\s+\d{4})\b")


def dateline_date(paragraph: str) -> date | None:
    """A dateline at the start of the body with a year: "ROMA, 12 gennaio 2026 -"."""
    m = DATELINE_RE.match(paragraph[:80])
    return find_date(m.group("date")) if m else None


DATE_CLASS_RE = re.compile(r"date|time|byline|meta|data|publish|pubblica", re.IGNORECASE)
# Page parts that list other articles with their dates: never this article's date.
ELSEWHERE_TAGS = {"aside", "nav", "a", "figure", "figcaption", "script", "style", "noscript", "template", "form"}
ELSEWHERE_CLASS_RE = re.compile(r"related|correlat|leggi|sidebar|widget|recommend|popular|letti|teaser|ticker|"
                                r"carousel|slider|newsletter|comment", re.IGNORECASE)
ITEMPROP_DATES = {"datePublished": "Pubblicato", "dateCreated": "Pubblicato", "dateModified": "Aggiornato"}
DATE_LINE_MAX_WORDS = 8  # "Roma, martedì 3 marzo 2026, ore 10:15": a date line, not a sentence with a date


def is_date_line(text: str) -> bool:
    """A short line that states a full date ("3 marzo 2026 | 10:15"), not a sentence that has one."""
    return len(text.split()) <= DATE_LINE_MAX_WORDS and not text.rstrip().endswith((".", "!", "?")) \
        and find_date(text) is not None


# "di Sara Locri - 3 novembre 2026 ore 14:20" in an unmarked element: a byline with the date.
BYLINE_START_RE = re.compile(r"(?:di|by|a cura di)\s+[A-ZÀ-Ý]")
BYLINE_MAX_WORDS = 16


def _elsewhere(element: Any) -> bool:
    """Inside a related list, a sidebar, the navigation, a link or a caption."""
    for node in (element, *element.iterancestors()):
        if node.tag in ELSEWHERE_TAGS or ELSEWHERE_CLASS_RE.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def visible_date_lines(tree: Any) -> list[str]:
    """The date lines a page shows for its own article, in page order: <time> elements, elements
    marked as dates (class, id or itemprop), "Pubblicato il ..." / "Aggiornato il ..." lines and
    short lines that are only a date; never in a related list, a sidebar or a link."""
    texts = []
    for element in tree.iter("time", "p", "span", "div", "small", "li", "header", "footer", "meta"):
        if not isinstance(element.tag, str) or _elsewhere(element):
            continue
        prop = element.get("itemprop", "")
        if prop in ITEMPROP_DATES and (element.get("content") or element.get("datetime")):
            texts.append(f"{ITEMPROP_DATES[prop]} {element.get('content') or element.get('datetime')}")
            continue
        if element.tag == "meta":
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) >= 200:
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')} {prop}"
        if (element.tag == "time" or DATE_CLASS_RE.search(marker) or PUBLISHED_RE.search(text)
                or UPDATED_RE.search(text) or is_date_line(text)
                or (BYLINE_START_RE.match(text) and len(text.split()) <= BYLINE_MAX_WORDS)):
            texts.append(text)
    return texts


ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                 "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
                 "techarticle", "scholarlyarticle", "socialmediaposting"}


def _jsonld_nodes(data: Any) -> list[dict[str, Any]]:
    """Every object in a JSON-LD document (lists, @graph, nested values)."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(out) < 500:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            stack.extend(v for v in reversed(list(item.values())) if isinstance(v, (list, dict)))
    return out


def _is_article(node: dict[str, Any]) -> bool:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.casefold() in ARTICLE_TYPES for k in kinds)


def _jsonld_value_date(value: Any) -> date | None:
    """A datePublished as CMSs write it: ISO 8601, "2026-11-03 14:20", "03/11/2026",
    "Tue, 03 Nov 2026 14:20:00 +0100", "3 novembre 2026". Never one without a year."""
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        return None
    text = value.strip()
    iso = ISO_RE.match(text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return find_date(text)


def jsonld_date(tree: Any) -> date | None:
    """The datePublished of the article the page's JSON-LD describes (an Article or NewsArticle
    before any other object), in whatever format the CMS wrote it."""
    import json

    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            nodes.extend(_jsonld_nodes(json.loads(script.text, strict=False)))
        except (ValueError, RecursionError):
            continue
    for node in sorted(nodes, key=lambda n: not _is_article(n)):
        found = _jsonld_value_date(node.get("datePublished") or node.get("dateCreated"))
        if found is not None:
            return found
    return None


# A top bar's date marked as such: "current-date", "data-oggi", "today", "topbar".
TODAY_CLASS_RE = re.compile(r"today|oggi|odierna|current[-_ ]?date|top[-_ ]?bar", re.IGNORECASE)
STRIP_MAX_PIECES = 12  # an element of more text pieces than this is more than a top bar's date line


def _drop_today_strips(tree: Any) -> None:
    """Remove the top bar's date of the day (is_today_strip) from the page: an element above the
    headline (<h1>) that is only that line (on a page without an <h1>: in a <header> or <nav>). A
    date marked as the article's (itemprop, "Pubblicato", a byline) is kept."""
    headline = next(tree.iter("h1"), None)
    if headline is not None:
        above = set(headline.iterancestors())
        inside: set[Any] = set()
    else:
        above = set()
        inside = {node for top in tree.iter("header", "nav") for node in top.iter()}
    strips = []
    for element in tree.iter():
        if element is headline:
            break
        if (not isinstance(element.tag, str) or element in above or element.tag in {"head", "script", "style"}
                or element.get("itemprop") in ITEMPROP_DATES or (headline is None and element not in inside)):
            continue
        pieces = list(islice(element.itertext(), STRIP_MAX_PIECES + 1))
        if len(pieces) > STRIP_MAX_PIECES:
            continue
        text = " ".join(" ".join(pieces).split())
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if is_today_strip(text) or (TODAY_CLASS_RE.search(marker) and is_date_line(text)
                                    and not PUBLISHED_RE.search(text)):
            strips.append(element)
    for element in strips:
        if element.getparent() is not None:
            element.drop_tree()


def html_date(html: str) -> date | None:
    """The publication date a saved page states in its markup or its visible date line."""
    import htmldate
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    stated = jsonld_date(tree)
    if stated is not None:
        return stated
    _drop_today_strips(tree)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # A page saved today may carry tomorrow's date (time zones, scheduled posts): still stated.
        latest = datetime.now() + timedelta(days=366)
        found = htmldate.find_date(tree, extensive_search=False, original_date=True, url="", max_date=latest)
    if found:
        return date.fromisoformat(found)
    return stated_date(visible_date_lines(tree))

"""Stated publication dates (newsdesk.dates and the header reading in newsdesk.clean): each case
a shape seen on real Italian news pages, written for the purpose (tests/fixtures/dates/)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from newsdesk import clean, dates
from newsdesk.sources import read_source

from .conftest import FIXTURES

PAGES = FIXTURES / "dates"


@pytest.mark.parametrize(("text", "expected"), [
    ("Pubblicato il 3 mar. 2026 alle 10:15", date(2026, 3, 3)),  # an abbreviation's full stop
    ("Sabato 7 Marzo 2026 ore 9.30", date(2026, 3, 7)),  # "ore 9" was read as nine hours ago
    ("Sab 7 mar 2026, 18:02", date(2026, 3, 7)),  # an abbreviated weekday
    ("1º ottobre 2026", date(2026, 10, 1)),
    ("04.03.2026 - 18.02", date(2026, 3, 4)),
    ("4 marzo 2026 alle 10.15.30", date(2026, 3, 4)),
    ("2026-03-03T10:15:00+01:00", date(2026, 3, 3)),
    ("Aggiornato alle 10:15 del 4 marzo 2026", date(2026, 3, 4)),
    ("Pubblicato il 03/11/26 alle 14:20", date(2026, 11, 3)),  # a two-digit year is written, not guessed
    ("03.11.26", date(2026, 11, 3)),
    ("versione 2.1.26", None),  # a version number is not a date
    ("31/02/26", None),
    ("2026 ore 9", None),  # a year and an hour: no day, no month
    ("Roma, 3 marzo -", None),
])
def test_the_date_is_read_around_times_abbreviations_and_weekdays(text: str, expected: date | None) -> None:
    assert dates.find_date(text) == expected


@pytest.mark.parametrize(("name", "published", "author"), [
    # Corriere-style: headline, a long standfirst, then the byline and date on one line.
    ("standfirst_then_byline.txt", date(2026, 3, 3), "Sara Locri"),
    # The date stated only at the foot of the page, under a related-article list.
    ("date_at_foot.txt", date(2026, 1, 12), None),
    # A pasted navigation menu of 17 items above the headline.
    ("menu_then_title.txt", date(2026, 3, 7), None),
    # An unclassed <p> under the <h1>; the URL's 2025/12/30 is only a hint.
    ("unclassed_date_line.html", date(2026, 3, 4), None),
    # An agency dateline opening the paragraph after the standfirst.
    ("standfirst_then_agency_dateline.txt", date(2026, 10, 21), None),
    # Only a related article's date: the page states none of its own.
    ("related_list_dates_only.html", None, None),
    # JSON-LD's datePublished in Italian order with a time ("11/03/2026 09:40"), in an @graph; a
    # related article's JSON-LD with an RFC 2822 date after it; the URL's 2025/12/30 is only a hint.
    ("jsonld_date_not_iso.html", date(2026, 3, 11), "Giada Este"),
    # "Pubblicato il ..." between the second and the third paragraph.
    ("published_between_paragraphs.txt", date(2026, 9, 18), None),
    # An agency wire: the dateline has no year, the date line sits under the text above seven
    # lines of copyright, tags and share buttons.
    ("agency_date_above_long_footer.txt", date(2026, 9, 22), None),
    # An unmarked <div> with the byline and the date; the URL's 2025/01/07 is only a hint.
    ("byline_with_date_unmarked.html", date(2026, 10, 14), "Marta Tarcento"),
    # Pasted text: a date line without a weekday right over the headline (a section label above
    # it) is the article's date...
    ("date_line_above_title.txt", date(2026, 11, 12), "Federica Moncalvo"),
    # ...the same line above the login links and the menu is the top bar's date of the day...
    ("topbar_date_without_weekday.txt", None, "Federica Moncalvo"),
    # ...and a date in the byline under the headline wins over a date above it.
    ("topbar_date_then_byline_date.txt", date(2026, 11, 12), "Federica Moncalvo"),
])
def test_the_stated_date_is_found_wherever_the_page_states_it(name: str, published: date | None,
                                                              author: str | None) -> None:
    article = read_source(PAGES / name, FIXTURES)
    assert article.published == published
    assert article.author == author
    for paragraph in article.paragraphs:  # the byline and the date lines are not article text
        assert "Pubblicato" not in paragraph and "2026, 18:02" not in paragraph


def test_an_agency_dateline_after_the_standfirst_is_not_article_text() -> None:
    article = read_source(PAGES / "standfirst_then_agency_dateline.txt", FIXTURES)
    assert article.paragraphs[1].startswith("La cartiera di Castelfranco Veneto fermerà")


def test_the_menu_above_the_headline_is_not_the_title() -> None:
    article = read_source(PAGES / "menu_then_title.txt", FIXTURES)
    assert article.title == "Bari, il nuovo polo della logistica farmaceutica apre con 300 assunti"
    assert article.paragraphs[0].startswith("Il centro di distribuzione di Modugno")


@pytest.mark.parametrize(("paragraph", "published", "rest"), [
    ("Roma, 3 marzo 2026 – Il governo ha deciso.", date(2026, 3, 3), "Il governo ha deciso."),
    ("MILANO (Reuters), 3 marzo 2026 - Borsa in rialzo.", date(2026, 3, 3), "Borsa in rialzo."),
    ("Reggio Emilia, 12 gen - La fiera apre domani.", None, "La fiera apre domani."),
    ("Roma, 3 mar. (askanews) - Il decreto è legge.", None, "Il decreto è legge."),
    ("Milano, 3 marzo 2026 (LaPresse) - Borsa in rialzo.", date(2026, 3, 3), "Borsa in rialzo."),
    ("Intanto, il governo tace.", None, "Intanto, il governo tace."),
    ("Bari – La Regione ha approvato il piano.", None, "La Regione ha approvato il piano."),  # a known city
    ("Intesa - Unicredit, sfida in Borsa.", None, "Intesa - Unicredit, sfida in Borsa."),  # not a city
])
def test_a_dateline_states_its_date_and_is_cut_from_the_lead(paragraph: str, published: date | None,
                                                             rest: str) -> None:
    assert dates.dateline_date(paragraph) == published
    assert clean.strip_dateline(paragraph) == rest


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-11-03T14:20:00.000Z", date(2026, 11, 3)),
    ("2026-11-03 14:20:00", date(2026, 11, 3)),
    ("03/11/2026", date(2026, 11, 3)),
    ("Tue, 03 Nov 2026 14:20:00 +0100", date(2026, 11, 3)),
    ("3 novembre 2026", date(2026, 11, 3)),
    ("3 novembre", None),  # no year: never completed from today
    ("2026-02-30", None),
    (20261103, None),
])
def test_a_json_ld_date_published_is_read_in_any_format_a_cms_writes(value: object, expected: date | None) -> None:
    html = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "datePublished": %s}'
            '</script></head><body><h1>Un titolo abbastanza lungo per un pezzo</h1></body></html>')
    assert dates.html_date(html % json.dumps(value)) == expected


@pytest.mark.parametrize(("name", "published"), [
    # The top bar's "Lunedì, 23 Novembre 2026 | Aggiornato alle 10:42" above the menu and the
    # headline; the article states "Pubblicato il 19 novembre 2026" under its byline.
    ("topbar_date_then_published.txt", date(2026, 11, 19)),
    # The same top bar; the byline carries the date ("di Elena Bassani | 19 novembre 2026, 17:05").
    ("topbar_date_then_byline.txt", date(2026, 11, 19)),
    # "Oggi è martedì 24 novembre 2026" and no date of the article's own: none is guessed.
    ("topbar_date_only.txt", None),
    # The top bar, then a dateline right under the headline ("ROMA, 19 novembre 2026 - ..."): stated.
    ("topbar_date_then_dateline.txt", date(2026, 11, 19)),
    # A saved page: the day's date in the header's top bar, no date in the markup or the article.
    ("topbar_header_date_only.html", None),
    # "Oggi è lunedì 23 novembre 2026" inside the <article>, above the <h1>: the extracted text
    # keeps it over the headline; no date of the article's own.
    ("topbar_strip_above_headline_in_article.html", None),
    # The same page with article:published_time: the metadata wins over the top bar.
    ("topbar_header_date_meta_published.html", date(2026, 11, 19)),
])
def test_the_top_bar_date_of_the_day_is_never_the_publication_date(name: str, published: date | None) -> None:
    assert read_source(PAGES / name, FIXTURES).published == published


@pytest.mark.parametrize(("line", "strip"), [
    ("Lunedì, 23 Novembre 2026 | Aggiornato alle 10:42", True),
    ("Oggi è martedì 24 novembre 2026", True),
    ("Monday, November 23, 2026", True),
    ("Lun 23 nov 2026 - 10:42", True),  # an abbreviated weekday
    ("Marzo 2026: 3 nuovi treni", False),  # "mar" starts the month, no weekday
    ("Pubblicato lunedì 19 novembre 2026", False),  # a publication statement
    ("Lunedì 19 novembre 2026 | di Mario Rossi", False),  # a byline's date
    ("19 novembre 2026", False),  # a date line, no weekday: may be the article's
    ("Lunedì nero in Borsa", False),  # no date
])
def test_a_top_bar_date_line_is_a_weekday_or_oggi_with_a_full_date(line: str, strip: bool) -> None:
    assert dates.is_today_strip(line) is strip


@pytest.mark.parametrize(("strip", "expected"), [
    ('<div class="top-bar"><span class="data-oggi">23/11/2026</span></div>', None),  # marked as today's
    ('<div class="top-bar"><span>Oggi è lunedì 23 novembre 2026</span></div>', None),
    ('<div class="kicker"><span>19/11/2026</span></div>', date(2026, 11, 19)),  # a date over the headline
])
def test_a_top_bar_date_above_the_headline_of_a_saved_page_is_not_its_date(strip: str,
                                                                         expected: date | None) -> None:
    html = f"<html><body>{strip}<h1>Un titolo abbastanza lungo per un pezzo</h1><p>Il testo.</p></body></html>"
    assert dates.html_date(html) == expected


def test_a_weekday_date_inside_the_article_is_kept_on_a_page_without_a_headline() -> None:
    html = ('<html><body><header><span>Lunedì 23 novembre 2026</span></header><div>'
            '<p class="data">Giovedì 19 novembre 2026</p><p>Il testo.</p></div></body></html>')
    assert dates.html_date(html) == date(2026, 11, 19)

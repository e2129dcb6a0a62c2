"""Regions a story is about (newsdesk.geo.story_regions): each case a page shape written for the
purpose (tests/fixtures/geo/)."""

from __future__ import annotations

import pytest

from newsdesk import geo
from newsdesk.sources import read_source

from .conftest import FIXTURES


@pytest.mark.parametrize(("name", "regions"), [
    # Countries of one continent named one by one across the text make no continent story.
    ("scattered_asian_countries.txt", ["VN", "southeast-asia"]),
    # A paragraph listing six EU countries: a European story; each country is named in passing.
    ("european_list_paragraph.txt", ["europe"]),
    # "Piazza Affari" is the Milan stock exchange; the other exchanges are named in passing.
    ("borsa_milano_metonym.txt", ["IT", "europe"]),
])
def test_the_regions_are_where_the_story_is(name: str, regions: list[str]) -> None:
    article = read_source(FIXTURES / "geo" / name, FIXTURES)
    assert geo.story_regions(article.title, article.paragraphs, "it") == regions


def test_seats_of_government_and_markets_stand_for_their_country() -> None:
    assert [p.code for p in geo.find_places("Vertice a Palazzo Chigi, poi Wall Street e Downing Street.", "it")] \
        == ["IT", "US", "GB"]

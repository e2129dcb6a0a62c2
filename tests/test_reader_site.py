"""The built site as a reader of a news site uses it: stories, organisation and person pages, the
world map, undated briefings, feeds, and pages without documentation chrome."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsdesk import worldmap

from .test_site import article, page_of, read_page


def words(path: Path) -> str:
    """The article's visible text with runs of white space as one space."""
    return " ".join(article(path).split())

SEED_000 = "alibaba-accelera-espansione-ai-con-investimenti-massicci"
SEED_002 = "alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di"
UNDATED = "attacco-informatico-script-alert-1-script-a-una-banca"


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


def test_story_page_lists_every_source_and_the_facts_they_differ_on(site: Path) -> None:
    text = words(page_of(site, "en", f"stories/{SEED_000}"))
    assert "Story: 2 sources" in text
    assert "HDblog.it September 25, 2025" in text
    assert "outlet not stated date not stated" in text  # seed 000 names no publisher and no date
    # The lead (000, with three figures) gives the summary; 002 states none of its figures.
    assert "€48.6 billion Redazione" not in text
    assert "€48.6 billion outlet not stated HDblog.it" in text
    assert "publication date HDblog.it outlet not stated" in text
    italian = words(page_of(site, "it", f"stories/{SEED_000}"))
    assert "Dove le fonti differiscono" in italian and "48,6 miliardi di euro" in italian


def test_each_member_links_to_its_story_and_the_other_source(site: Path) -> None:
    for lang in ("en", "it"):
        hrefs = {h for _, h, _ in read_page(page_of(site, lang, f"briefings/{SEED_002}")).links}
        assert f"../../stories/{SEED_000}/" in hrefs
        assert f"../{SEED_000}/" in hrefs
    assert "Also reported by: outlet not stated, date not stated" in words(
        page_of(site, "en", f"briefings/{SEED_002}"))
    assert "Ne parlano anche: HDblog.it, 25 settembre 2025" in words(page_of(site, "it", f"briefings/{SEED_000}"))


def test_names_link_to_one_page_per_organisation_and_person(site: Path) -> None:
    page = read_page(page_of(site, "en", f"briefings/{SEED_002}"))
    hrefs = {h for _, h, _ in page.links}
    assert sorted(h for h in hrefs if h.startswith(("../../organizations/", "../../people/"))) == [
        "../../organizations/alibaba-cloud/", "../../organizations/alibaba/", "../../organizations/nvidia/",
        "../../people/eddie-wu/", "../../people/feifei-li/"]  # Reuters is only cited, no participant
    # Alibaba Cloud is a unit of Alibaba: its own page says so, and Alibaba's lists its briefing.
    assert "A unit of Alibaba." in words(page_of(site, "en", "organizations/alibaba-cloud"))
    alibaba = [h for _, h, _ in read_page(page_of(site, "en", "organizations/alibaba")).links
               if h.startswith("../../briefings/")]
    assert alibaba == [f"../../briefings/{SEED_002}/", f"../../briefings/{SEED_000}/"]  # dated first
    index = words(page_of(site, "it", "names"))
    assert "Organizzazioni" in index and "Eddie Wu (1 briefing)" in index


def test_map_shades_countries_and_links_them_to_their_pages(site: Path) -> None:
    html = page_of(site, "en", "regions").read_text(encoding="utf-8")
    start = html.index('<svg class="nd-map"')
    svg = html[start:html.index("</svg>", start)]
    assert 'aria-hidden="true"' in svg  # the table beside it carries the same links for everyone
    assert f'<a href="cn/" tabindex="-1"><path class="nd-map-{worldmap.shade(2)}"' in svg
    assert '<a href="de/"' in svg
    table = html[html.index('class="nd-map-table"'):html.index("</table>")]
    linked = set(re.findall(r'<a href="([a-z]{2})/"', svg))
    listed = set(re.findall(r'href="([a-z]{2})/"', table))
    drawn = {code.lower() for code in worldmap.shapes()[1]}
    assert linked == listed & drawn and len(linked) >= 11  # 1:110m has no Singapore-sized shapes
    assert all((site / "regions" / code / "index.html").exists() for code in linked)
    assert table.index('href="cn/"') < table.index('href="br/"')  # most briefings first


def test_archive_files_undated_briefings_under_date_not_stated(site: Path) -> None:
    index = read_page(page_of(site, "en", "archive"))
    hrefs = [h for _, h, _ in index.links if not h.startswith(("..", "http", "#"))]
    assert "date-not-stated/" in hrefs
    months = [h for h in hrefs if h[:4].isdigit()]
    assert months == ["2025-09/", "2024-01/"]  # no month of "added" for an undated briefing
    undated = {h for _, h, _ in read_page(page_of(site, "it", "archive/date-not-stated")).links}
    assert f"../../briefings/{UNDATED}/" in undated and f"../../briefings/{SEED_000}/" in undated
    assert "Data non indicata" in words(page_of(site, "it", "archive/date-not-stated"))


def test_feeds_are_dated_by_when_briefings_were_added_and_say_so(site: Path) -> None:
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    assert channel is not None
    assert "dated by when the briefing was added" in (channel.findtext("description") or "")
    feed = json.loads((site / "it" / "feed.json").read_text(encoding="utf-8"))
    assert "datate secondo quando il briefing è stato aggiunto" in feed["description"]
    dates = {item["url"].rstrip("/").rsplit("/", 1)[1]: item["date_published"] for item in feed["items"]}
    assert dates[SEED_002] == "2026-11-23T00:00:00+00:00"  # added, although published 2025-09-25
    assert dates["xss-vectors-in-body"] == "2024-01-16T00:00:00+00:00"


@pytest.mark.parametrize("path", ["", "archive", "regions", f"briefings/{SEED_000}", f"stories/{SEED_000}",
                                  "organizations/alibaba", "names"])
def test_generated_pages_have_no_documentation_chrome(site: Path, path: str) -> None:
    html = page_of(site, "en", path).read_text(encoding="utf-8")
    # Material keeps both sidebars in the markup, hidden: no navigation of one item, no table of
    # contents of card titles.
    assert 'md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation" hidden>' in html
    assert 'md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc" hidden>' in html
    # No "Next: Search": pages in the navigation keep the links in the markup, hidden.
    assert "md-footer__link" not in html or 'aria-label="Footer" hidden>' in html


def test_chips_show_a_macro_region_only_without_its_countries_and_say_how_many_are_cut(site: Path) -> None:
    from newsdesk.site import shown_regions

    assert shown_regions(["CN", "DE", "east-asia", "europe", "latin-america"]) == ["CN", "DE", "latin-america"]
    page = read_page(page_of(site, "en", f"briefings/{SEED_002}"))
    regions = [h for _, h, a in page.links if "nd-chip--region" in a.get("class", "")]
    assert "../../regions/east-asia/" not in regions and "../../regions/cn/" in regions
    # Seed 002 names ten countries: a card shows six and says "+4 more".
    card = page_of(site, "en", "regions/cn").read_text(encoding="utf-8")
    assert '<span class="nd-chip nd-chip--more">+4 more</span>' in card
    assert "+4 altri" in page_of(site, "it", "regions/cn").read_text(encoding="utf-8")
    undated = words(page_of(site, "en", "archive/date-not-stated"))
    assert "Date not stated (added November 23, 2026)" in undated

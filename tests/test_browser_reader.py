"""The reader's pages in real headless Chromium: the story page, organisation and person pages,
the world map and its links, each with a screenshot (test-artifacts/) and an axe check."""

from __future__ import annotations

import pytest

from .test_browser import ARTIFACTS, SLUG_000, SLUG_002, base_url, browser, page  # noqa: F401

pytestmark = pytest.mark.browser
STORY = f"stories/{SLUG_000}/"


def axe_serious(pg) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(pg)
    return [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def shoot(chromium, url: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """Screenshots of a page type at phone and desktop widths; nothing wider than the screen."""
    ARTIFACTS.mkdir(exist_ok=True)
    for label, width, height in (("phone", 390, 844), ("desktop", 1280, 900)):
        context = chromium.new_context(viewport={"width": width, "height": height})
        pg = context.new_page()
        pg.goto(url)
        pg.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)
        assert pg.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways at {width}px"
        context.close()


@pytest.mark.parametrize("lang", ["en", "it"])
def test_the_seed_story_is_one_card_on_the_home_page_and_opens_its_page(page, base_url: str,  # type: ignore[no-untyped-def]  # noqa: F811
                                                                        lang: str) -> None:
    root = base_url if lang == "en" else base_url + "it/"
    page.goto(root)
    story_cards = page.locator("article.nd-card--story")
    assert story_cards.count() == 1
    assert page.locator(f"article.nd-card a[href$='briefings/{SLUG_002}/']").count() == 0  # not twice
    assert "HDblog.it" in story_cards.first.inner_text()
    story_cards.first.locator("h2 a").click()
    page.wait_for_url(f"{root}{STORY}")
    sources = page.locator("article table").first.locator("tbody tr")
    assert sources.count() == 2
    differences = page.locator("article table").nth(1).inner_text()
    assert ("€48.6 billion" if lang == "en" else "48,6 miliardi di euro") in differences
    assert axe_serious(page) == []


def test_story_page_links_every_source_and_members_link_back(page, base_url: str, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(base_url + STORY)
    page.locator("article table a", has_text="Alibaba bets big on AI").click()
    page.wait_for_url(f"{base_url}briefings/{SLUG_002}/")
    also = page.locator(".nd-story")
    assert "Also reported by" in also.inner_text()
    also.locator(f"a[href$='stories/{SLUG_000}/']").click()
    page.wait_for_url(base_url + STORY)
    shoot(browser, base_url + STORY, "story")


def test_organisation_and_person_pages_from_names_in_a_briefing(page, base_url: str, browser) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(f"{base_url}briefings/{SLUG_002}/")
    page.locator("article a", has_text="Alibaba Cloud").click()
    page.wait_for_url(f"{base_url}organizations/alibaba-cloud/")
    assert page.locator("h1").inner_text() == "Alibaba Cloud"
    assert page.locator(f"article a[href$='briefings/{SLUG_002}/']").count() >= 1
    assert axe_serious(page) == []
    page.goto(f"{base_url}names/")
    page.locator("article a", has_text="Eddie Wu").click()
    page.wait_for_url(f"{base_url}people/eddie-wu/")
    assert axe_serious(page) == []
    shoot(browser, f"{base_url}organizations/alibaba/", "organization")
    shoot(browser, f"{base_url}people/eddie-wu/", "person")
    shoot(browser, f"{base_url}it/names/", "names-index")


@pytest.mark.parametrize("lang", ["en", "it"])
def test_map_countries_link_to_their_region_pages(page, base_url: str, browser, lang: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    root = base_url if lang == "en" else base_url + "it/"
    page.goto(root + "regions/")
    china = page.locator("svg.nd-map a[href='cn/'] path")
    assert china.is_visible()
    box = china.bounding_box()
    assert box and box["width"] > 20  # drawn at a size a reader can click
    shaded = page.evaluate("getComputedStyle(document.querySelector(\"svg.nd-map a[href='cn/'] path\")).fill")
    blank = page.evaluate("getComputedStyle(document.querySelector('svg.nd-map path.nd-map-0')).fill")
    assert shaded != blank
    china.click()
    page.wait_for_url(f"{root}regions/cn/")
    assert page.locator("h1").inner_text() == ("China" if lang == "en" else "Cina")
    page.go_back()
    # The same links in the table beside the map, for keyboards and screen readers.
    page.locator(".nd-map-table a", has_text="China" if lang == "en" else "Cina").click()
    page.wait_for_url(f"{root}regions/cn/")
    page.goto(root + "regions/")
    assert axe_serious(page) == []
    shoot(browser, root + "regions/", f"regions-map-{lang}")

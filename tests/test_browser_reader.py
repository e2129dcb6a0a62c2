"""The reader's pages in real headless Chromium: the story page, organisation and person pages,
the world map and its links, the 404 page under a sub-path, search in the header, each with a
screenshot (test-artifacts/) and an axe check."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_browser import ARTIFACTS, SLUG_000, SLUG_002, QuietHandler, base_url, browser, page, serve  # noqa: F401

expect = pytest.importorskip("playwright.sync_api").expect
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


class SubPathHandler(QuietHandler):
    """GitHub Pages for a project site: the site under /newsdesk/, 404.html (status 404) for any
    address that has no file."""

    prefix = "/newsdesk/"

    def send_head(self):  # type: ignore[no-untyped-def]
        if not self.path.startswith(self.prefix):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.prefix):]
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        if not local.exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@pytest.fixture(scope="module")
def sub_path_url(built_site: Path) -> Iterator[str]:
    with serve(built_site / "site", SubPathHandler, "/newsdesk/") as url:
        yield url


@pytest.mark.parametrize("missing", ["no-such-page/", "briefings/gone/", "it/briefings/sparito/"])
def test_404_page_under_a_sub_path_is_styled_and_leads_to_latest_and_search(  # type: ignore[no-untyped-def]
        page, sub_path_url: str, browser, missing: str) -> None:  # noqa: F811
    response = page.goto(sub_path_url + missing)
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert "Pagina non trovata" in page.locator("article").inner_text()
    # The theme's stylesheet loaded from the sub-path: the header is indigo, not unstyled.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    page.locator("article a", has_text="search").first.click()
    page.wait_for_url(sub_path_url + "search/")
    page.goto(sub_path_url + missing)
    page.locator("article [lang=it] a", has_text="ultimi briefing").click()
    page.wait_for_url(sub_path_url + "it/")
    if missing == "no-such-page/":
        assert axe_serious(page) == []
        shoot(browser, sub_path_url + missing, "404")


@pytest.mark.parametrize(("name", "width"), [("phone", 390), ("desktop", 1280)])
def test_search_is_in_the_header_of_every_page(browser, base_url: str, name: str, width: int) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 844})
    pg = context.new_page()
    for path in ("", f"briefings/{SLUG_002}/", STORY, "it/regions/", "organizations/alibaba/"):
        pg.goto(base_url + path)
        button = pg.locator("header a.nd-header-search")
        assert button.is_visible(), path
    pg.goto(base_url + "it/regions/")
    pg.locator("header a.nd-header-search").click()
    pg.wait_for_url(base_url + "it/search/")
    pg.locator(".pagefind-ui__search-input").press_sequentially("Nvidia")
    pg.locator(".pagefind-ui__result-link").first.wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"header-search-{name}.png"), full_page=True)
    context.close()


def test_search_results_show_date_and_source_without_a_summary_prefix(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    for root, prefix, clear in ((base_url, "Summary.", "Clear"), (base_url + "it/", "Riassunto.", "Cancella")):
        page.goto(root + "search/?q=Nvidia")
        page.locator(".pagefind-ui__result-link").first.wait_for()
        excerpts = page.locator(".pagefind-ui__result-excerpt").all_inner_texts()
        assert excerpts and not any(e.lstrip().startswith(prefix) for e in excerpts)
        assert any("HDblog.it" in e for e in excerpts)
        assert page.locator(".pagefind-ui__search-clear").inner_text().strip() == clear


def test_language_switch_keeps_the_search_query(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(base_url + "search/?q=Nvidia")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    page.locator(".md-header__option .md-select button").first.click()
    link = page.locator("a.md-select__link[hreflang='it']")
    link.wait_for(state="visible")
    link.click()
    page.wait_for_url(base_url + "it/search/?q=Nvidia")
    page.locator(".pagefind-ui__result-link").first.wait_for()


def test_no_page_requests_a_sitemap(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for path in ("", f"briefings/{SLUG_002}/", f"it/briefings/{SLUG_002}/"):
        page.goto(base_url + path, wait_until="networkidle")
    assert [u for u in requested if u.endswith("sitemap.xml")] == []


@pytest.mark.parametrize(("root", "query", "note"), [
    ("", "Nvidia", "Translated from"), ("it/", "Nvidia", "tradotto dall'originale")])
def test_search_results_quote_the_article_and_label_nothing_twice(page, base_url: str, root: str,  # type: ignore[no-untyped-def]  # noqa: F811
                                                                  query: str, note: str) -> None:
    """The translation note is the same on every briefing: it is not what a result quotes, and a
    word only it holds finds no briefing. Date and source are shown once, before the
    excerpt, not again as Pagefind's "Date: ..." and "Source: ..." tags (English on the Italian
    site too)."""
    page.goto(f"{base_url}{root}search/?q={query}")
    page.locator(".pagefind-ui__result-link").first.wait_for()
    excerpts = page.locator(".pagefind-ui__result-excerpt").all_inner_texts()
    assert excerpts and not any(note in e for e in excerpts), excerpts
    headings = re.compile(r"\b(Summary|Key points|Key figures|Riassunto|Punti chiave|Cifre chiave)\.")
    assert not any(headings.search(e) for e in excerpts), excerpts
    expect(page.locator(".pagefind-ui__result-tag")).to_have_count(0)
    # "Apertium" is in the note and on the How briefings are made page, in no briefing's text.
    page.goto(f"{base_url}{root}search/?q=Apertium")
    message = page.locator(".pagefind-ui__message", has_text=re.compile(r"^\s*\d+ .*Apertium\s*$"))
    message.wait_for()
    found = int(message.inner_text().split()[0])
    expect(page.locator(".pagefind-ui__result-link")).to_have_count(found)
    hrefs = [a.get_attribute("href") or "" for a in page.locator(".pagefind-ui__result-link").all()]
    assert not any("/briefings/" in h for h in hrefs), hrefs


def _rgb(css: str) -> tuple[float, float, float]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)[:3]]
    return parts[0], parts[1], parts[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""
    def luminance(css: str) -> float:
        c = [x / 255 for x in _rgb(css)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def tab_to(pg, inside: str, tag: str = "A") -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Press Tab as a keyboard reader does until a link (or `tag`) inside `inside` has the focus;
    its outline and text colours once transitions have ended, and the background behind it."""
    for _ in range(60):
        pg.keyboard.press("Tab")
        if pg.evaluate(f"!!document.activeElement.closest({inside!r}) && document.activeElement.tagName === {tag!r}"):
            break
    else:
        raise AssertionError(f"Tab never reached a {tag} in {inside}")
    pg.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    focused: dict[str, str] = pg.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        let bg = e.parentElement;
        while (bg && getComputedStyle(bg).backgroundColor.match(/rgba\\(.*, 0\\)$|transparent/)) bg = bg.parentElement;
        return {outline: s.outlineColor, style: s.outlineStyle, color: s.color,
                behind: bg ? getComputedStyle(bg).backgroundColor : 'rgb(255, 255, 255)'};
    }""")
    return focused


@pytest.mark.parametrize(("inside", "text_too"), [(".md-tabs", False), ("article .nd-story", True),
                                                   ("article .nd-chips", False)])
def test_keyboard_focus_is_visible_at_wcag_contrast(page, base_url: str, inside: str, text_too: bool) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Material's deep orange accent drew the focus ring at 2.8:1 on white and 2.5:1 on the
    indigo header, and a focused link's text at 2.8:1: a keyboard reader lost track of the focus."""
    page.goto(f"{base_url}briefings/{SLUG_000}/")
    focused = tab_to(page, inside)
    assert focused["style"] != "none"
    assert contrast(focused["outline"], focused["behind"]) >= 3, focused
    if text_too:
        assert contrast(focused["color"], focused["behind"]) >= 4.5, focused


def test_a_printed_briefing_gives_the_address_of_the_original_article(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(f"{base_url}briefings/{SLUG_002}/")
    link = page.locator("article .nd-source a[href^='http']")
    href = link.get_attribute("href")
    page.emulate_media(media="print")
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert href and href in after
    page.emulate_media(media="screen")
    assert link.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")


@pytest.mark.parametrize("path", ["about/", "how-it-works/", "contributing/", "search/", "it/about/", "it/search/"])
def test_hand_written_pages_have_no_sidebar_listing_only_themselves(browser, base_url: str, path: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Each is a top-level tab: the sidebar beside it held one link, to the page itself, and
    narrowed the text. Like the generated pages, they have none on a desktop; a phone's menu
    still lists every page."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.goto(base_url + path)
    expect(pg.locator(".md-sidebar--primary")).to_be_hidden()
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(base_url + path)
    pg.locator("label.md-header__button[for='__drawer']").click()
    expect(pg.locator(".md-sidebar--primary .md-nav__link").nth(8)).to_be_visible()
    context.close()


@pytest.mark.parametrize("root", ["", "it/"])
def test_the_search_box_shows_its_edge_its_placeholder_and_the_keyboard_focus(page, base_url: str, root: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """Pagefind's box had a #eee border (1.2:1 on white), a placeholder at 20% opacity and no
    focus ring: on a blank search page a keyboard reader could not tell where typing would go."""
    page.goto(f"{base_url}{root}search/")
    box = page.locator(".pagefind-ui__search-input")
    box.wait_for()
    white = "rgb(255, 255, 255)"
    assert contrast(box.evaluate("e => getComputedStyle(e).borderTopColor"), white) >= 3
    placeholder = box.evaluate("""e => { const s = getComputedStyle(e, '::placeholder');
        const [r, g, b] = s.color.match(/[\\d.]+/g).map(Number), a = Number(s.opacity);
        return `rgb(${r * a + 255 * (1 - a)}, ${g * a + 255 * (1 - a)}, ${b * a + 255 * (1 - a)})`; }""")
    assert contrast(placeholder, white) >= 4.5, placeholder
    focused = tab_to(page, ".pagefind-ui__form", tag="INPUT")
    assert focused["style"] != "none" and contrast(focused["outline"], white) >= 3, focused


def test_chip_group_names_are_heard_not_seen(page, base_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    page.goto(f"{base_url}briefings/{SLUG_000}/")
    labels = page.locator("article .nd-chips .nd-sr-only")
    assert labels.all_text_contents() == ["Topics:", "Regions:"]
    for label in labels.all():
        box = label.bounding_box()
        assert box is not None and box["width"] <= 1 and box["height"] <= 1
    chips = page.locator("article .nd-chips p").bounding_box()
    first = page.locator("article .nd-chip").first.bounding_box()
    assert chips and first and first["x"] - chips["x"] < 8  # the first chip starts the line

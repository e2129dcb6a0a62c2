"""What a reader sees, in real headless Chromium (Debian's chromium, driven by Playwright):
search, the language switch, chips, escaping, layouts, accessibility."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import REPO

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = REPO / "test-artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
SLUG_000 = "alibaba-accelera-espansione-ai-con-investimenti-massicci"
SLUG_002 = "alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di"
SLUG_XSS = "attacco-informatico-script-alert-1-script-a-una-banca"

if CHROMIUM is None:
    pytest.skip("Debian chromium is not installed (scripts/install-system-deps.sh)", allow_module_level=True)

playwright_sync = pytest.importorskip("playwright.sync_api")


@contextlib.contextmanager
def serve(directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler],
          path: str = "/") -> Iterator[str]:
    """`directory` served on 127.0.0.1 by `handler_class`; yields the URL of `path`."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{path}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 (search needs HTTP, not file://)."""
    with serve(built_site / "site", QuietHandler) as url:
        yield url


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.dialogs = []  # every alert/confirm the page tries to open
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


PAGEFIND_PAGE_SIZE = 5  # Pagefind UI's default: the results shown before "Load more results"


def search(page, base: str, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Search as a reader does: the Search tab, then type."""
    page.goto(base)
    page.locator(".md-tabs__link[href$='search/']").click()
    box = page.locator(".pagefind-ui__search-input")
    box.click()
    box.press_sequentially(query)
    # Typing shows results for every prefix ("data", then "data centers"); "Searching for ..."
    # comes before "N results for ...". Wait for the count of the whole query, then its results.
    message = page.locator(".pagefind-ui__message", has_text=re.compile(rf"^\s*\d+ .*{re.escape(query)}\s*$"))
    message.wait_for()
    # Pagefind UI fills the results in one by one after the count: wait for every one it shows
    # (the first page of PAGEFIND_PAGE_SIZE), not only the first, or a slow one is missed.
    found = int(message.inner_text().split()[0])
    links = page.locator(".pagefind-ui__result-link")
    playwright_sync.expect(links).to_have_count(min(found, PAGEFIND_PAGE_SIZE))
    return [h.get_attribute("href") or "" for h in links.all()]


@pytest.mark.parametrize(("lang", "query", "slugs"), [
    ("en", "Nvidia", {SLUG_000, SLUG_002}),
    ("en", "data centers", {SLUG_000}),
    ("it", "chip", {SLUG_000, SLUG_002}),
    ("it", "sovranità", {SLUG_000}),
])
def test_search_finds_the_expected_briefings(page, base_url: str, lang: str, query: str,  # type: ignore[no-untyped-def]
                                             slugs: set[str]) -> None:
    hrefs = search(page, base_url if lang == "en" else base_url + "it/", query)
    found = {slug for slug in (SLUG_000, SLUG_002, SLUG_XSS) if any(f"briefings/{slug}/" in h for h in hrefs)}
    assert slugs <= found, hrefs


@pytest.fixture(scope="module")
def sharded_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site with its search index split into 8 shard bundles (newsdesk/search_index.py;
    a real site shards past 1,000 briefings): Seed 000's and 002's briefings are in two different
    shards, neither the primary bundle."""
    from newsdesk.search_index import index_site, shard_of

    root = tmp_path_factory.mktemp("sharded")
    shutil.copytree(built_site / "site", root / "site")
    assert index_site(root, shards=8) == 0
    assert len({shard_of(f"briefings/{slug}/index.html", 8) for slug in (SLUG_000, SLUG_002)} - {0}) == 2
    with serve(root / "site", QuietHandler) as url:
        yield url


@pytest.mark.parametrize(("lang", "query"), [
    ("en", "Nvidia"), ("en", "data centers"), ("en", "Alibaba chip Nvidia"), ("en", "Nvidia zzzz"),
    ("it", "chip"), ("it", "sovranità"), ("it", "dati Nvidia"),
])
def test_search_over_shards_finds_what_one_index_finds(page, base_url: str, sharded_url: str,  # type: ignore[no-untyped-def]
                                                       lang: str, query: str) -> None:
    """Results merged from every shard, each briefing once, and the same pages as one index: a
    word that only another shard holds is not ignored, nor stood in for by a prefix."""
    prefix = "" if lang == "en" else "it/"
    one_index = search(page, base_url + prefix, query)
    sharded = search(page, sharded_url + prefix, query)
    assert len(sharded) == len(set(sharded))
    assert sorted(h.replace(sharded_url, "") for h in sharded) == sorted(h.replace(base_url, "") for h in one_index)
    assert all(f"/{prefix}briefings/" in h or lang == "en" for h in sharded)


def switch_language(page, lang: str) -> None:  # type: ignore[no-untyped-def]
    """Open the header's language menu as a reader does, then pick a language."""
    page.locator(".md-header__option .md-select button").first.click()
    link = page.locator(f"a.md-select__link[hreflang='{lang}']")
    link.wait_for(state="visible")
    link.click()


def test_language_switch_keeps_the_page(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}briefings/{SLUG_002}/")
    switch_language(page, "it")
    page.wait_for_url(f"{base_url}it/briefings/{SLUG_002}/")
    assert page.locator("h1").inner_text().startswith("Alibaba punta forte sull'AI")
    switch_language(page, "en")
    page.wait_for_url(f"{base_url}briefings/{SLUG_002}/")
    assert page.locator("h1").inner_text().startswith("Alibaba bets big on AI")


def test_topic_chip_leads_to_its_topic_page(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}briefings/{SLUG_000}/")
    page.locator("article a.nd-chip--topic", has_text="Investment").click()
    page.wait_for_url(f"{base_url}topics/investment/")
    assert page.locator("h1").inner_text() == "Investment"
    assert page.locator(f"article a[href$='briefings/{SLUG_000}/']").count() == 1


def test_a_hostile_source_name_in_a_search_result_is_text(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """Pagefind shows a result's excerpt as HTML; the source shown before it (data-pagefind-meta)
    is the briefing's author or publisher as written: `<img src=x onerror=...>` in
    xss-vectors-in-body.md must show as text, not run."""
    hrefs = search(page, base_url, "vectors")
    assert any("briefings/xss-vectors-in-body/" in h for h in hrefs), hrefs
    meta = page.locator(".pagefind-ui__result .nd-result-meta").all_inner_texts()
    assert any("<img src=x onerror=alert(1)>" in m for m in meta), meta
    page.wait_for_timeout(300)  # an onerror handler fires once the broken image fails to load
    assert page.locator(".pagefind-ui__results img").count() == 0
    assert page.dialogs == []


@pytest.mark.parametrize("lang", ["en", "it"])
def test_html_in_an_article_shows_as_text_and_runs_nothing(page, base_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    root = base_url if lang == "en" else base_url + "it/"
    page.goto(f"{root}briefings/{SLUG_XSS}/")
    page.goto(root)  # the title is on the home page too
    page.goto(f"{root}briefings/{SLUG_XSS}/")
    text = page.locator("article").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("article img").count() == 0
    assert page.dialogs == []


@pytest.mark.parametrize(("name", "width", "height"), [("phone", 390, 844), ("desktop", 1280, 900)])
def test_layout_at_phone_and_desktop_widths(browser, base_url: str, name: str, width: int,  # type: ignore[no-untyped-def]
                                            height: int) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    for label, url in (("home", base_url), ("briefing", f"{base_url}briefings/{SLUG_000}/")):
        pg.goto(url)
        pg.screenshot(path=str(ARTIFACTS / f"{label}-{name}.png"), full_page=True)
        # Nothing wider than the viewport: no sideways scrolling on a phone.
        assert pg.evaluate("document.documentElement.scrollWidth") <= width
        assert pg.locator("h1").first.is_visible()
    context.close()


@pytest.mark.parametrize("path", ["", f"briefings/{SLUG_000}/", "topics/", "it/regions/", "search/?q=nvidia"])
def test_no_serious_accessibility_violations(page, base_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    page.goto(base_url + path)
    if "search" in path:
        page.locator(".pagefind-ui__result-link").first.wait_for()
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []

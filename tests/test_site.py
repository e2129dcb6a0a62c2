"""The built site, read as HTML: pages, indexes, links, feeds, metadata. (What a reader sees
in a browser is in test_browser.py.)"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import feedparser
import pytest

from newsdesk.briefing import Briefing, load_briefings
from newsdesk.site import region_file
from newsdesk.urls import DEFAULT_SITE_URL

from .conftest import FIXTURES, REPO


class Page(HTMLParser):
    """Collects links, metadata and text of one HTML page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.links: list[tuple[str, str, dict[str, str]]] = []  # (tag, url, attrs)
        self.meta: dict[str, str] = {}
        self.text: list[str] = []
        self._stack: list[dict[str, str]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("href", "src"):
            if key in a:
                self.links.append((tag, a[key], a))
        if tag == "meta":
            name = a.get("name") or a.get("property")
            if name:
                self.meta[name] = a.get("content", "")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def read_page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def article(path: Path) -> str:
    """The visible text of the page's main article (no navigation, no table of contents)."""
    html = path.read_text(encoding="utf-8")
    return " ".join(Page(html.split("<article", 1)[1].split("</article>", 1)[0]).text)


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.fixture(scope="module")
def briefings(built_site: Path) -> list[Briefing]:
    found, errors = load_briefings(built_site / "briefings", built_site)
    assert not errors
    return found


def page_of(site: Path, lang: str, rel: str) -> Path:
    return (site if lang == "en" else site / "it") / rel / "index.html"


def test_every_briefing_has_a_page_in_both_languages(site: Path, briefings: list[Briefing]) -> None:
    assert len(briefings) == 4  # the committed ones, the seed with <script>, the XSS fixture
    for b in briefings:
        en = read_page(page_of(site, "en", f"briefings/{b.slug}"))
        it = read_page(page_of(site, "it", f"briefings/{b.slug}"))
        assert b.meta.title in "".join(en.text)
        assert b.meta.it.title in "".join(it.text)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_briefing_is_on_each_of_its_topic_and_region_pages(site: Path, briefings: list[Briefing],
                                                                  lang: str) -> None:
    for b in briefings:
        for index in [f"topics/{t}" for t in b.meta.topics] + [f"regions/{region_file(r)}" for r in b.meta.regions]:
            page = read_page(page_of(site, lang, index))
            hrefs = {href for _, href, _ in page.links}
            assert f"../../briefings/{b.slug}/" in hrefs, f"{b.slug} missing from {lang} {index}"


def test_a_country_is_listed_under_its_macro_region(site: Path) -> None:
    html = page_of(site, "en", "regions").read_text(encoding="utf-8")
    after_map = html[html.index("</table>"):]  # the map and its table of countries come first
    hrefs = [href for _, href, _ in Page(after_map).links]
    assert hrefs.index("europe/") < hrefs.index("de/") < hrefs.index("latin-america/")
    assert "Germania" in article(page_of(site, "it", "regions/de"))


def test_topic_index_has_labels_and_counts(site: Path) -> None:
    en = " ".join(read_page(page_of(site, "en", "topics")).text)
    it = " ".join(read_page(page_of(site, "it", "topics")).text)
    assert "Semiconductors" in en and "(2 briefings)" in en
    assert "Semiconduttori" in it and "Sovranità dei dati e regolamentazione" in it


def test_every_internal_link_resolves(site: Path) -> None:
    broken = []
    prefix = urlparse(DEFAULT_SITE_URL).path  # 404.html links absolutely: it is served at any path
    for path in html_files(site):
        base = "file://" + str(path)
        for tag, url, _ in read_page(path).links:
            if url.startswith(prefix):
                url = str(site) + "/" + url[len(prefix):]
            parsed = urlparse(urljoin(base, url))
            if parsed.scheme != "file" or url.startswith("#"):
                continue
            target = Path(unquote(parsed.path))
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)}: <{tag}> {url}")
    assert broken == []


def test_language_switch_lands_on_the_same_page(site: Path, briefings: list[Briefing]) -> None:
    for b in briefings:
        for lang, other in (("en", "it"), ("it", "en")):
            path = page_of(site, lang, f"briefings/{b.slug}")
            (link,) = [href for tag, href, a in read_page(path).links
                       if a.get("hreflang") == other and "md-select__link" in a.get("class", "")]
            target = (path.parent / link).resolve() / "index.html"
            assert target == page_of(site, other, f"briefings/{b.slug}").resolve()


@pytest.mark.parametrize("lang", ["en", "it"])
def test_feeds_parse_and_list_every_briefing(site: Path, briefings: list[Briefing], lang: str) -> None:
    root = site if lang == "en" else site / "it"
    rss = feedparser.parse((root / "feed.xml").read_bytes())
    assert not rss.bozo, rss.bozo_exception
    base = DEFAULT_SITE_URL if lang == "en" else DEFAULT_SITE_URL + "it/"
    # The feed names its own address, as validators ask (atom:link rel="self").
    self_link = ET.parse(root / "feed.xml").getroot().find("channel/{http://www.w3.org/2005/Atom}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == f"{base}feed.xml"
    assert self_link.get("type") == "application/rss+xml"
    links = {e.link for e in rss.entries}
    assert links == {f"{base}briefings/{b.slug}/" for b in briefings}
    for entry in rss.entries:
        assert entry.title and entry.summary and entry.published_parsed
    data = json.loads((root / "feed.json").read_text(encoding="utf-8"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert {i["url"] for i in data["items"]} == links
    titles = {e.title for e in rss.entries}
    expected = {b.meta.title if lang == "en" else b.meta.it.title for b in briefings}
    assert titles == expected


def test_briefing_page_metadata(site: Path, briefings: list[Briefing]) -> None:
    b = next(x for x in briefings if x.slug.startswith("alibaba-punta"))
    path = page_of(site, "en", f"briefings/{b.slug}")
    page = read_page(path)
    assert page.meta["description"] == b.meta.description
    assert page.meta["og:title"] == b.meta.title and page.meta["og:type"] == "article"
    assert page.meta["og:locale"] == "en_US"
    rels = {(a.get("rel"), a.get("hreflang")): href for tag, href, a in page.links if tag == "link"}
    assert rels[("canonical", None)] == f"{DEFAULT_SITE_URL}briefings/{b.slug}/"
    assert rels[("alternate", "it")] == f"{DEFAULT_SITE_URL}it/briefings/{b.slug}/"
    assert rels[("alternate", "en")] == f"{DEFAULT_SITE_URL}briefings/{b.slug}/"
    text = " ".join(page.text)
    assert "Original title:" in text and b.meta.source.title in text and "HDblog.it" in text
    assert "min read" in text and "About this translation" in text and "reviewed and corrected" in text


def test_italian_page_has_italian_labels_and_summary(site: Path, briefings: list[Briefing]) -> None:
    b = next(x for x in briefings if x.slug.startswith("alibaba-accelera"))
    text = " ".join(read_page(page_of(site, "it", f"briefings/{b.slug}")).text)
    assert "Riassunto" in text and "Punti chiave" in text and "Cifre chiave" in text
    assert "48,6 miliardi di euro" in text and "Fonte:" in text and "Sulla traduzione" in text
    assert "data di pubblicazione non indicata" in text


def test_unreviewed_machine_translation_says_so(site: Path, briefings: list[Briefing]) -> None:
    b = next(x for x in briefings if x.slug.startswith("attacco"))
    text = " ".join(read_page(page_of(site, "en", f"briefings/{b.slug}")).text)
    assert "LibreTranslate" in text and "No editor has reviewed it yet." in text


def test_html_in_article_text_is_never_live_markup(site: Path) -> None:
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text and "<img src=x" not in text, path
    page = page_of(site, "en", "briefings/attacco-informatico-script-alert-1-script-a-una-banca")
    assert "<script>alert(1)</script>" in "".join(read_page(page).text)


def test_briefings_stay_out_of_the_navigation(site: Path) -> None:
    for path in [site / "index.html", page_of(site, "en", "topics")]:
        nav = re.split(r'class="?md-content', path.read_text(encoding="utf-8"))[0]
        assert "briefings/" not in nav.replace("briefings/ ", "")


def test_sitemap_lists_briefings(site: Path, briefings: list[Briefing]) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for b in briefings:
        assert f"{DEFAULT_SITE_URL}briefings/{b.slug}/" in sitemap


def test_search_index_per_language_holds_briefings_not_listings(site: Path, briefings: list[Briefing]) -> None:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    hand_written = 3  # about, how it works, contribute
    assert {lang: v["page_count"] for lang, v in entry["languages"].items()} == {
        "en": len(briefings) + hand_written, "it": len(briefings) + hand_written}
    for lang in ("en", "it"):
        listing = page_of(site, lang, "topics").read_text(encoding="utf-8")
        briefing = page_of(site, lang, f"briefings/{briefings[0].slug}").read_text(encoding="utf-8")
        assert "data-pagefind-body" not in listing and "data-pagefind-body" in briefing


def test_home_is_ordered_by_publication_date_and_shows_the_seed_story_once(site: Path) -> None:
    # Seeds 000 (no date stated) and 002 (2025-09-25) are one story: one card, dated by 002, above
    # the hand-written briefing of 2024-01-15; the undated one from a seed comes last, never first.
    for _lang, prefix, order in (("en", "", "Newest first by the article's publication date"),
                                ("it", "it/", "Dal più recente per data di pubblicazione")):
        page = read_page(site / prefix / "index.html")
        hrefs = [h for _, h, _ in page.links if h.startswith(("briefings/", "stories/"))]
        assert hrefs == ["stories/alibaba-accelera-espansione-ai-con-investimenti-massicci/",
                         "briefings/xss-vectors-in-body/",
                         "briefings/attacco-informatico-script-alert-1-script-a-una-banca/"]
        assert order in article(site / prefix / "index.html")


def test_render_is_deterministic(built_site: Path, tmp_path: Path) -> None:
    from newsdesk.site import pages_for

    found, _ = load_briefings(built_site / "briefings", built_site)
    assert pages_for(found, "en") == pages_for(list(reversed(found)), "en")


def test_committed_reviewed_briefings_are_left_untouched(built_site: Path) -> None:
    for path in sorted((REPO / "briefings").glob("*.md")):
        assert (built_site / "briefings" / path.name).read_bytes() == path.read_bytes()


def test_long_listings_are_paged_from_the_oldest_with_newer_and_older_links(built_site: Path) -> None:
    from newsdesk import site as site_module

    found, _ = load_briefings(built_site / "briefings", built_site)
    size = site_module.LIST_PAGE_SIZE
    many = [found[0]] * (size * 2 + 1)
    pages = site_module.paged("archive", "2025-09", "September 2025", "", many, "en")
    assert sorted(pages) == ["archive/2025-09-page-1.md", "archive/2025-09-page-2.md", "archive/2025-09.md"]
    assert pages["archive/2025-09.md"].count('<article class="nd-card">') == 1
    assert '<a href="../2025-09-page-2/">Older →</a>' in pages["archive/2025-09.md"]
    assert '<a href="../2025-09/">← Newer</a>' in pages["archive/2025-09-page-2.md"]
    assert '<a href="../2025-09-page-1/">Older →</a>' in pages["archive/2025-09-page-2.md"]
    assert "Older" not in pages["archive/2025-09-page-1.md"]
    when = site_module.format_date(found[0].meta.display_date, format="long", locale="en")
    assert f"September 2025 ({when} – {when})" in pages["archive/2025-09-page-1.md"]


def test_a_new_briefing_changes_at_most_three_pages_of_a_long_listing() -> None:
    from newsdesk.site import paginate

    def layout(n: int) -> dict[str, tuple[int, int, str | None, str | None]]:
        # Each page's items, counted from the oldest, and its neighbours: what its file shows.
        return {p.stem: (n - s.stop, n - s.start, p.newer, p.older) for p, s in paginate("x", n, 10)}

    for n in range(1, 45):
        before, after = layout(n), layout(n + 1)
        changed = {k for k in after if before.get(k) != after[k]}
        assert len(changed) <= 3, (n, changed)
        assert sum(b - a for a, b, _, _ in after.values()) == n + 1  # every item on exactly one page


def test_topic_pages_show_the_latest_and_point_to_the_archive(built_site: Path) -> None:
    from newsdesk import site as site_module

    found, _ = load_briefings(built_site / "briefings", built_site)
    many = [found[0]] * (site_module.LIST_PAGE_SIZE + 1)
    pages = site_module.latest("topics", "energy", "Energy", "Intro.", many, "en")
    assert list(pages) == ["topics/energy.md"]
    assert pages["topics/energy.md"].count('<article class="nd-card">') == site_module.LIST_PAGE_SIZE
    assert '<a href="../../archive/">Older briefings are in the archive, by month.</a>' in pages["topics/energy.md"]


def test_pre_rendered_links_are_checked(built_site: Path) -> None:
    from newsdesk import site as site_module

    found, _ = load_briefings(built_site / "briefings", built_site)
    pages = site_module.pages_for(found, "en")
    docs = built_site / "docs" / "en"
    assert site_module.broken_links(pages, docs) == []
    pages["index.md"] = re.sub(r'href="briefings/[^"]+"', 'href="briefings/no-such-briefing/"', pages["index.md"],
                               count=1)
    assert site_module.broken_links(pages, docs) == [
        "docs/en/index.md: link to briefings/no-such-briefing/, which is no page"]


def test_an_incremental_build_equals_a_clean_one(built_site: Path, tmp_path: Path) -> None:
    """build.py site rebuilds only the pages whose source changed (MkDocs --dirty, pages written
    only when their bytes change): adding and deleting briefings gives the same site as a build
    from scratch, and a deleted briefing's page is gone."""
    from newsdesk.cli import main
    from newsdesk.publish import STAMP


    root = tmp_path / "p"
    shutil.copytree(built_site, root, symlinks=True)  # copy2 keeps file times: site/ stays up to date
    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", root / "briefings")
    (root / "briefings" / "xss-vectors-in-body.md").unlink()
    assert main(["site", "--root", str(root), "--offline"]) == 0
    site = root / "site"
    assert (site / "briefings" / "handwritten-valid" / "index.html").is_file()
    assert (site / "it" / "briefings" / "handwritten-valid" / "index.html").is_file()
    assert not (site / "briefings" / "xss-vectors-in-body").exists()
    incremental = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
                   if p.is_file() and "pagefind" not in p.parts}
    (root / STAMP).unlink()  # a changed theme or configuration: everything is rebuilt
    assert main(["site", "--root", str(root), "--offline"]) == 0
    clean = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
             if p.is_file() and "pagefind" not in p.parts}
    assert incremental.keys() == clean.keys()
    assert [k for k in clean if incremental[k] != clean[k]] == []


def test_page_indentation_is_stripped_except_in_pre_and_textarea() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("minify_hook", REPO / "overrides" / "hooks" / "minify.py")
    assert spec and spec.loader
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    html = '<p>a\n    b &lt;img&gt;</p>\n\n  <pre>  x\n    y</pre>\n  <textarea>\n  q</textarea>\n  <a href="x">z</a>'
    assert hook.strip_indentation(html) == (
        '<p>a\nb &lt;img&gt;</p>\n<pre>  x\n    y</pre>\n<textarea>\n  q</textarea>\n<a href="x">z</a>')


def test_the_prerendered_hook_only_makes_the_build_faster(built_site: Path, tmp_path: Path) -> None:
    """overrides/hooks/prerendered.py skips Python-Markdown for pre-rendered pages and renders the
    theme's navigation, tabs and configuration once for pages that share them: without it, MkDocs
    must build the same pages, but for the "Skip to content" link the hook gives them."""
    from newsdesk.cli import main

    root = tmp_path / "p"
    shutil.copytree(built_site, root, symlinks=True)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - overrides/hooks/prerendered.py\n" in text
    config.write_text(text.replace("  - overrides/hooks/prerendered.py\n", ""), encoding="utf-8")
    assert main(["site", "--root", str(root), "--offline"]) == 0

    skip = re.compile(rb'(<div data-md-component="skip">)\s*<a href="#[^"]+" class="md-skip">[^<]*</a>')

    def pages(site: Path) -> dict[str, bytes]:
        # Python-Markdown expands a tab in an HTML block (the XSS fixture has one); the hook keeps it.
        return {p.relative_to(site).as_posix(): re.sub(rb"[ \t]+", b" ", p.read_bytes())
                for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts}

    with_hook, without = pages(built_site / "site"), pages(root / "site")
    assert len(with_hook) > 50 and with_hook.keys() == without.keys()
    briefings = [k for k in with_hook if k.startswith(("briefings/", "stories/"))]
    assert briefings and all(skip.search(with_hook[k]) and not skip.search(without[k]) for k in briefings)
    with_hook = {k: v if skip.search(without[k]) else skip.sub(rb"\1", v) for k, v in with_hook.items()}
    assert [k for k in with_hook if with_hook[k] != without[k]] == []


def test_a_warning_fails_the_incremental_build_and_is_not_hidden_next_time(
        built_site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Builds stay strict: a broken link fails `site`, and the next build (nothing changed since)
    rebuilds in full, so the warning is reported again instead of hidden by up-to-date pages."""
    from newsdesk.cli import main

    root = tmp_path / "p"
    shutil.copytree(built_site, root, symlinks=True)
    with (root / "docs" / "en" / "about.md").open("a", encoding="utf-8") as f:
        f.write("\n[broken](nowhere.md)\n")
    for _ in range(2):
        assert main(["site", "--root", str(root), "--offline"]) == 1
        err = capsys.readouterr().err
        assert "error: the MkDocs build of en failed (see above); site/ is incomplete" in err


def test_pages_load_nothing_from_other_hosts(site: Path) -> None:
    """The site works offline and tells no third party who reads it: no web fonts, scripts or
    styles from another host (Material loads Google Fonts unless `theme.font: false`)."""
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        loaded = [tag for tag in re.findall(r"<(?:link|script|img)\b[^>]*>", html)
                  if re.search(r"\b(?:href|src)=\"?(?:https?:)?//", tag)
                  and re.search(r"\brel=\"?(?:stylesheet|preconnect|preload)|<script|<img", tag)]
        assert loaded == [], f"{path.relative_to(site)} loads from other hosts"


def test_rendering_the_languages_in_two_processes_writes_the_same_pages(built_site: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A large site renders English and Italian in parallel processes: the pages must be the
    bytes a single process writes, and the counts must add up."""
    from newsdesk import site as site_module
    from newsdesk.cli import main

    trees = {}
    for threshold in (10**9, 0):  # one process, then one per language
        root = tmp_path / f"from-{threshold}"
        shutil.copytree(built_site, root, ignore=shutil.ignore_patterns("site", ".newsdesk-cache"))
        for lang in site_module.LANGS:
            shutil.rmtree(root / "docs" / lang / "briefings")
        monkeypatch.setattr(site_module, "PARALLEL_RENDER_FROM", threshold)
        assert main(["render", "--root", str(root)]) == 0
        docs = root / "docs"
        trees[threshold] = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*.md"))}
    assert trees[0] == trees[10**9]
    assert sum(p.startswith("it/briefings/") for p in trees[0]) == len(list((built_site / "briefings").glob("*.md")))


def _between(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def test_key_figures_as_written_is_in_the_article_language_and_only_beside_a_translation(site: Path) -> None:
    """The English page shows each figure and, beside it, the Italian as the article wrote it,
    marked lang="it" so a screen reader reads "48,6 miliardi di euro" in Italian; the Italian
    page of an Italian article has one column (two would repeat each figure)."""
    slug = "briefings/alibaba-accelera-espansione-ai-con-investimenti-massicci"
    en = _between(page_of(site, "en", slug).read_text(encoding="utf-8"), 'id="key-figures"', "</table>")
    assert "<th>Figure</th>" in en and "<th>As written</th>" in en
    assert '<td>€48.6 billion</td>' in en and '<td lang="it">48,6 miliardi di euro</td>' in en
    it = _between(page_of(site, "it", slug).read_text(encoding="utf-8"), 'id="cifre-chiave"', "</table>")
    assert "<th>Cifra</th>" in it and "Come scritto" not in it
    assert it.count("48,6 miliardi di euro") == 1


@pytest.mark.parametrize("lang", ["en", "it"])
def test_the_translation_note_is_under_the_title_and_out_of_the_search_index(site: Path, lang: str) -> None:
    """The same note is on every briefing: indexed, every query for its words ("translated",
    "Apertium") matched every briefing and excerpts quoted the note instead of the article. The
    About page says where it is."""
    html = page_of(site, lang, "briefings/alibaba-accelera-espansione-ai-con-investimenti-massicci").read_text(
        encoding="utf-8")
    note = re.search(r'<div class="admonition [a-z]+"([^>]*)>', html)
    assert note is not None and "data-pagefind-ignore" in note.group(1)
    # Nor are the section headings, the figures' column names and the names' labels.
    briefing = _between(html, '<div class="nd-briefing">', "</article>")
    h2s = re.findall(r"<h2[^>]*>", briefing)
    assert h2s and all("data-pagefind-ignore" in h for h in h2s), h2s
    assert '<thead data-pagefind-ignore="all">' in briefing and '<strong data-pagefind-ignore="all">' in briefing
    assert html.index(note.group(0)) < html.index('class="nd-body"')
    about = article(page_of(site, lang, "about"))
    assert ("under the title of every briefing" if lang == "en" else "sotto il titolo di ogni briefing") in about


def test_the_language_switch_of_the_italian_404_page_leads_to_the_english_site(site: Path) -> None:
    """A 404 page's base_url is absolute ("/newsdesk/it/"); "/newsdesk/it/" + "/" + "../" was
    "/newsdesk/it//../", which a browser resolves to the Italian root."""
    for path, page_url in ((site / "404.html", f"{DEFAULT_SITE_URL}missing/"),
                           (site / "it" / "404.html", f"{DEFAULT_SITE_URL}it/missing/")):
        switch = {a["hreflang"]: urljoin(page_url, href) for tag, href, a in read_page(path).links
                  if "md-select__link" in a.get("class", "")}
        assert switch == {"en": DEFAULT_SITE_URL, "it": f"{DEFAULT_SITE_URL}it/"}, path


@pytest.mark.parametrize(("page_lang", "text_lang"), [("en", "it"), ("it", "en")])
def test_a_page_whose_translation_is_pending_marks_its_text_in_the_article_language(
        briefings: list[Briefing], page_lang: str, text_lang: str) -> None:
    """While no engine has translated a briefing, its page shows the article's own title and
    summary: marked lang="it" on the English page (lang="en" on the Italian page of an English
    article), so a screen reader does not read them with the page language's voice; the page's
    own notices keep the page's language, and the original title is not repeated under itself."""
    from newsdesk.site import briefing_page, card_of, render, ui

    b = next(x for x in briefings if x.slug.startswith("alibaba-punta"))
    m = b.meta
    if page_lang == "en":  # an Italian article, no English yet: the file holds the Italian
        translation = m.translation.model_copy(update={"en": "pending", "it": "original", "reviewed": False})
        meta = m.model_copy(update={"title": m.source.title, "translation": translation})
        body = "!!! warning \"Translation pending\"\n    No engine.\n\n## Summary\n\nAlibaba mette l'AI al centro.\n"
    else:  # an English article, no Italian yet: the Italian fields hold the English
        source = m.source.model_copy(update={"language": "en", "title": m.title})
        translation = m.translation.model_copy(update={"en": "original", "it": "pending", "reviewed": False})
        it = m.it.model_copy(update={"title": m.title, "summary": "Alibaba bets big on AI."})
        meta = m.model_copy(update={"source": source, "translation": translation, "it": it})
        body = b.body
    pending = b.model_copy(update={"meta": meta, "body": body})
    html = briefing_page(pending, page_lang)
    assert re.search(rf'<h1 id="[^"]+" lang="{text_lang}">', html)
    assert f'<div class="nd-body" lang="{text_lang}">' in html
    assert "nd-original" not in html  # the title is the original title
    if page_lang == "en":
        assert f'<div lang="{page_lang}" class="admonition warning">' in html
    card = render("card.html.j2", c=card_of(pending, page_lang), prefix="", t=ui()[page_lang])
    assert f'<h2 lang="{text_lang}">' in card and f'<p lang="{text_lang}">' in card
    assert card_of(b, page_lang).text_lang == "" and 'lang="' not in briefing_page(b, page_lang).split("</h1>")[0]


def test_every_page_has_a_skip_link_to_its_heading(site: Path) -> None:
    """"Skip to content" spares a keyboard reader the header and the tabs. The theme draws it
    from a page's table of contents, which a pre-rendered listing's <h1> without an id did not
    enter: home, topic, region, month, organisation and person pages had none."""
    missing = []
    for path in html_files(site):
        if path.name == "404.html" or "pagefind" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        skip = re.search(r'<a href="#([^"]+)" class="md-skip">', html)
        if not skip or f'id="{skip.group(1)}"' not in html:
            missing.append(path.relative_to(site).as_posix())
    assert missing == []


@pytest.mark.parametrize(("lang", "topics", "regions"), [("en", "Topics:", "Regions:"), ("it", "Temi:", "Regioni:")])
def test_topic_and_region_chips_are_named_for_screen_readers(site: Path, lang: str, topics: str, regions: str) -> None:
    """Topic and region chips differ only by colour: a screen reader hears "Topics:" and
    "Regions:" (visually hidden) before each group, on a briefing page and on its cards."""
    slug = "alibaba-accelera-espansione-ai-con-investimenti-massicci"
    pages = [page_of(site, lang, f"briefings/{slug}"), page_of(site, lang, "topics/semiconductors")]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        chips = re.search(r'<p( class="nd-chips")?>(<span class="nd-sr-only">.*?)</p>', html)
        assert chips is not None, path
        labelled = re.sub(r'<a class="nd-chip nd-chip--(\w+)"[^>]*>[^<]*</a>', r"[\1]", chips.group(2))
        more = r"( <span[^>]*>[^<]*</span>)?"  # "+3 more" on a card
        assert re.fullmatch(rf'<span class="nd-sr-only">{topics}</span> (\[topic\] )*\[topic\] '
                            rf'<span class="nd-sr-only">{regions}</span> (\[region\] )*\[region\]{more}',
                            labelled), labelled

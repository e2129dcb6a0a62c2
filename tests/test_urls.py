"""One setting, NEWSDESK_SITE_URL, gives every absolute URL: canonical links, hreflang, feeds,
sitemaps and robots.txt agree on the built site."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsdesk import publish, sitemaps, urls

from .test_site import page_of, read_page

NS = {"s": sitemaps.NS}
SLUG = "alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di"


def test_the_italian_site_is_always_the_it_folder_of_the_one_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDESK_SITE_URL", "https://example.org/news")
    assert urls.all_roots() == {"en": "https://example.org/news/", "it": "https://example.org/news/it/"}
    monkeypatch.delenv("NEWSDESK_SITE_URL")
    assert urls.site_url("it") == urls.DEFAULT_SITE_URL + "it/"


@pytest.mark.parametrize("lang", ["en", "it"])
def test_both_mkdocs_builds_take_their_url_from_the_setting(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    from .conftest import REPO

    monkeypatch.setenv("NEWSDESK_SITE_URL", "https://example.org/news/")
    monkeypatch.chdir(REPO)
    config = publish.config_for(lang)
    assert config.site_url == urls.site_url(lang)
    assert config.extra["site_urls"] == {"en": "https://example.org/news/", "it": "https://example.org/news/it/"}


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site / "site"


@pytest.mark.parametrize("lang", ["en", "it"])
def test_canonical_hreflang_feeds_and_sitemap_agree(site: Path, lang: str) -> None:
    root = urls.site_url(lang)
    page = read_page(page_of(site, lang, f"briefings/{SLUG}"))
    links = [(a.get("rel"), a.get("hreflang"), href) for tag, href, a in page.links if tag == "link"]
    canonical = [h for rel, _, h in links if rel == "canonical"]
    assert canonical == [f"{root}briefings/{SLUG}/"]
    hreflang = {lang_: h for rel, lang_, h in links if rel == "alternate" and lang_}
    # One absolute set: Material's relative alternates (all pointing to a home page) are gone.
    assert hreflang == {"en": f"{urls.site_url('en')}briefings/{SLUG}/",
                        "it": f"{urls.site_url('it')}briefings/{SLUG}/",
                        "x-default": f"{urls.site_url('en')}briefings/{SLUG}/"}
    assert [rel for rel, lang_, h in links if rel == "alternate" and not lang_ and not h.startswith(root)] == []
    out = site if lang == "en" else site / "it"
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    assert f"{root}briefings/{SLUG}/" in {i["url"] for i in feed["items"]}
    rss = ET.parse(out / "feed.xml").getroot()
    assert rss.findtext("channel/link") == root
    locs = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
            for u in ET.parse(out / "sitemap.xml").getroot().findall("s:url", NS)}
    assert locs[f"{root}briefings/{SLUG}/"] == "2025-09-25"  # the article's date, not the build's
    assert f"{root}about/" in locs and all(loc.startswith(root) for loc in locs)


def test_sitemap_index_and_robots_cover_both_languages(site: Path) -> None:
    index = ET.parse(site / "sitemap-index.xml").getroot()
    assert [s.findtext("s:loc", namespaces=NS) for s in index.findall("s:sitemap", NS)] == [
        f"{urls.site_url('en')}sitemap.xml", f"{urls.site_url('it')}sitemap.xml"]
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {urls.base()}sitemap-index.xml" in robots.splitlines()
    # An undated briefing is dated by when it was added.
    locs = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
            for u in ET.parse(site / "sitemap.xml").getroot().findall("s:url", NS)}
    assert locs[f"{urls.base()}briefings/alibaba-accelera-espansione-ai-con-investimenti-massicci/"] == "2026-11-23"

"""The incremental search index (newsdesk/search_index.py): which shard a page goes to, which
shards a build re-indexes, and on disk, that a build rewrites only the bundles of changed pages."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from newsdesk import search_index
from newsdesk.search_index import (
    BUNDLE,
    MANIFEST,
    SHARD_LIST,
    bundle_path,
    changed_shards,
    page_key,
    shard_count,
    shard_of,
)

from .conftest import FIXTURES

BODY = '<html lang="{lang}"><head><title>{title}</title></head><body><nav>Menu Navigation</nav>' \
       '<div data-pagefind-body><h1>{title}</h1><p>{text}</p></div></body></html>'
LISTING = '<html lang="{lang}"><body><h1>Topic</h1><p>zucchine listing only</p></body></html>'


def test_both_languages_of_a_briefing_share_a_shard_and_hand_written_pages_are_in_the_primary() -> None:
    assert page_key("it/briefings/abc/index.html") == page_key("briefings/abc/index.html") == "briefings/abc/index.html"
    assert page_key("italy/index.html") == "italy/index.html"
    for slug in ("abc", "nvidia-punta-su-cloud-12", "x"):
        assert shard_of(f"briefings/{slug}/index.html", 16) == shard_of(f"it/briefings/{slug}/index.html", 16)
    for page in ("index.html", "about/index.html", "it/how-it-works/index.html", "404.html"):
        assert shard_of(page, 16) == 0


def test_shard_assignment_is_pinned() -> None:
    # A page that moved shard between two builds would be in two bundles (found twice) until the
    # next full rebuild: changing the hash needs search_index.FORMAT bumped, and these values.
    assert [shard_of(f"briefings/b{i}/index.html", 16) for i in range(8)] == [1, 3, 5, 13, 0, 6, 4, 1]


def test_shards_are_balanced() -> None:
    sizes = [0] * 16
    for i in range(10_000):
        sizes[shard_of(f"briefings/briefing-{i}/index.html", 16)] += 1
    assert min(sizes) > 625 * 0.85 and max(sizes) < 625 * 1.15, sizes


@pytest.mark.parametrize(("briefings", "shards"), [(0, 1), (3000, 1), (3001, 2), (10_000, 4), (20_000, 8)])
def test_shard_count_doubles_past_the_target(briefings: int, shards: int) -> None:
    pages = [f"{prefix}briefings/b{i}/index.html" for i in range(briefings) for prefix in ("", "it/")]
    assert shard_count([*pages, "about/index.html", "it/about/index.html"]) == shards


def test_changed_shards_are_those_of_added_removed_and_changed_pages() -> None:
    a, b, c = "briefings/a/index.html", "it/briefings/b/index.html", "briefings/c/index.html"
    old = {a: "1", b: "2", "about/index.html": "3"}
    assert changed_shards(old, dict(old), 16) == set()
    assert changed_shards(old, {**old, c: "4"}, 16) == {shard_of(c, 16)}
    assert changed_shards(old, {a: "1", "about/index.html": "3"}, 16) == {shard_of(b, 16)}
    assert changed_shards(old, {**old, a: "changed"}, 16) == {shard_of(a, 16)}
    assert changed_shards(old, {**old, "about/index.html": "changed"}, 16) == {0}


def test_a_change_pagefind_does_not_read_changes_no_digest() -> None:
    """Members of a story that gains a source change only their "also reported by" line, which
    is out of the index: their shards must not be rebuilt. Text, language and search metadata do count."""
    def page(story: str, text: str = "Solar panels", lang: str = "en", meta: str = "2026-01-02") -> bytes:
        return (f'<html lang="{lang}"><head><title>T</title></head><body><nav>menu {story}</nav>'
                f'<div data-pagefind-body><h1>Title</h1><div class="nd-story" data-pagefind-ignore="all">'
                f'<p>Also reported by: {story}</p></div><span hidden data-pagefind-meta="date[data-date]" '
                f'data-date="{meta}"></span><p>{text}</p></div></body></html>').encode()

    base = search_index.indexed_digest(page("A, B"))
    assert search_index.indexed_digest(page("A, B, C")) == base
    assert search_index.indexed_digest(page("A, B", text="Wind farms")) != base
    assert search_index.indexed_digest(page("A, B", lang="it")) != base
    assert search_index.indexed_digest(page("A, B", meta="2026-01-03")) != base


def test_the_content_digest_of_the_build_hook_follows_what_pagefind_reads() -> None:
    """overrides/hooks/search_digest.py hashes the page content MkDocs holds: the same rule as
    indexed_digest (story line and chips out, text, title, language and metadata in)."""
    def content(story: str, text: str = "Solar panels", meta: str = "2026-01-02") -> str:
        return (f'<h1>Title</h1><div class="nd-story" data-pagefind-ignore="all"><p>Also reported by: {story}</p>'
                f'</div><span hidden data-pagefind-meta="date[data-date]" data-date="{meta}"></span><p>{text}</p>')

    base = search_index.content_digest("en", "Title", content("A, B"))
    assert search_index.content_digest("en", "Title", content("A, B, C")) == base
    assert search_index.content_digest("en", "Title", content("A, B", text="Wind farms")) != base
    assert search_index.content_digest("it", "Title", content("A, B")) != base
    assert search_index.content_digest("en", "Other", content("A, B")) != base
    assert search_index.content_digest("en", "Title", content("A, B", meta="2026-01-03")) != base
    assert search_index.content_digest("en", "About", "<p>No  ignored\n part</p>") == \
        search_index.content_digest("en", "About", "<p>No ignored part</p>\n")
    assert search_index.content_digest("en", "About", "<p>No ignored part</p>") != \
        search_index.content_digest("en", "About", "<p>No ignored part.</p>")


def test_scan_reads_the_digest_a_page_carries_and_hashes_a_page_without_one(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    body = '<div data-pagefind-body><h1>T</h1><p>Text</p></div>'
    tag = search_index.digest_tag("ab" * 32)
    (site / "a" / "index.html").write_text(f'<html lang="en"><head>{tag}</head><body>{body}</body></html>')
    plain = f'<html lang="en"><head></head><body>{body}</body></html>'
    (site / "b" / "index.html").write_text(plain)
    pages = search_index.scan(site, {})
    assert pages["a/index.html"].digest == "ab" * 32
    assert pages["b/index.html"].digest == search_index.indexed_digest(plain.encode())


def test_every_searchable_page_of_the_built_site_carries_its_digest(built_site: Path) -> None:
    site = built_site / "site"
    searchable = [p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(f"{BUNDLE}/")
                  and search_index.BODY.search(p.read_bytes())]
    briefings = [p for p in searchable if "/briefings/" in p.as_posix()]
    assert len(briefings) >= 6
    untagged = [p.relative_to(site).as_posix() for p in searchable
                if not search_index.DIGEST_META.search(p.read_bytes())]
    assert untagged == []


def write_site(root: Path, briefings: dict[str, str]) -> None:
    """A small built site: two hand-written pages, briefings in both languages, a listing."""
    site = root / "site"
    pages = {"about/index.html": ("en", "About", "About this desk"),
             "it/about/index.html": ("it", "Chi siamo", "Questo sito")}
    for slug, text in briefings.items():
        pages[f"briefings/{slug}/index.html"] = ("en", f"Briefing {slug}", text)
        pages[f"it/briefings/{slug}/index.html"] = ("it", f"Briefing {slug}", f"{text} italiano")
    for rel, (lang, title, text) in pages.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        html = BODY.format(lang=lang, title=title, text=text)
        if not path.is_file() or path.read_text(encoding="utf-8") != html:
            path.write_text(html, encoding="utf-8")
    (site / "topics" / "energy").mkdir(parents=True, exist_ok=True)
    (site / "topics" / "energy" / "index.html").write_text(LISTING.format(lang="en"), encoding="utf-8")


def bundle_files(root: Path) -> dict[str, int]:
    """Every file of the search index and its modification time."""
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns
            for p in sorted((site / BUNDLE).rglob("*")) if p.is_file()}


def indexed_urls(bundle: Path) -> set[str]:
    urls = set()
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        urls.add(json.loads(gzip.decompress(fragment.read_bytes())[12:])["url"])
    return urls


def texts(bundle: Path) -> str:
    return " ".join(json.loads(gzip.decompress(f.read_bytes())[12:])["content"]
                    for f in (bundle / "fragment").glob("*.pf_fragment"))


SLUGS = [f"briefing-{i}" for i in range(12)]


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    write_site(tmp_path, {slug: f"Energy news number {i}" for i, slug in enumerate(SLUGS)})
    assert search_index.index_site(tmp_path, shards=4) == 0
    return tmp_path


def test_every_indexed_page_is_in_exactly_one_bundle_listed_per_language(small_site: Path) -> None:
    site = small_site / "site"
    found: list[str] = []
    shards = {shard_of(f"briefings/{slug}/index.html", 4) for slug in SLUGS}
    for shard in range(4):
        bundle = site / bundle_path(shard)
        if shard in shards or shard == 0:
            found += indexed_urls(bundle)
        else:
            assert not bundle.exists()
    expected = {"/about/", "/it/about/"} | {f"/{p}briefings/{s}/" for s in SLUGS for p in ("", "it/")}
    assert sorted(found) == sorted(expected)  # the listing (no data-pagefind-body) is in none
    listed = json.loads((site / BUNDLE / SHARD_LIST).read_text(encoding="utf-8"))
    assert listed == {lang: [f"shard-{s:02d}/" for s in sorted(shards - {0})] for lang in ("en", "it")}
    assert "Navigation" not in texts(site / BUNDLE)  # only data-pagefind-body is indexed
    # A merged bundle carries only its index: Pagefind's scripts come from the primary.
    shard_dir = site / bundle_path(max(shards))
    assert not list(shard_dir.glob("*.js")) and not list(shard_dir.glob("wasm.*"))
    assert (site / BUNDLE / "pagefind-ui.js").is_file()
    assert (site / BUNDLE / "newsdesk" / "pagefind.js").is_file()


def test_a_changed_briefing_rewrites_only_its_shard(small_site: Path) -> None:
    before = bundle_files(small_site)
    assert search_index.index_site(small_site, shards=4) == 0
    assert bundle_files(small_site) == before  # nothing changed: nothing rewritten

    slug = next(s for s in SLUGS if shard_of(f"briefings/{s}/index.html", 4) != 0)
    prefix = f"{bundle_path(shard_of(f'briefings/{slug}/index.html', 4))}/"
    write_site(small_site, {**{s: f"Energy news number {i}" for i, s in enumerate(SLUGS)},
                            slug: "Solar panels everywhere"})
    assert search_index.index_site(small_site, shards=4) == 0
    after = bundle_files(small_site)
    rewritten = {f for f in after if before.get(f) != after[f]}
    assert rewritten and all(f.startswith(prefix) for f in rewritten), rewritten
    assert "Solar panels everywhere" in texts(small_site / "site" / prefix)
    assert f"Energy news number {SLUGS.index(slug)}." not in texts(small_site / "site" / prefix)  # old version gone


def test_a_removed_briefing_leaves_the_index_and_an_emptied_shard_is_deleted(small_site: Path) -> None:
    site = small_site / "site"
    shard = shard_of(f"briefings/{SLUGS[0]}/index.html", 4)
    alone = [s for s in SLUGS if shard_of(f"briefings/{s}/index.html", 4) == shard]
    for slug in alone:
        shutil.rmtree(site / "briefings" / slug)
        shutil.rmtree(site / "it" / "briefings" / slug)
    assert search_index.index_site(small_site, shards=4) == 0
    urls = set().union(*(indexed_urls(p.parent) for p in site.glob(f"{BUNDLE}/**/pagefind-entry.json")))
    assert not any(slug in url for url in urls for slug in alone)
    if shard:
        assert not (site / bundle_path(shard)).exists()
        listed = json.loads((site / BUNDLE / SHARD_LIST).read_text(encoding="utf-8"))
        assert f"shard-{shard:02d}/" not in listed["en"]


def test_no_manifest_a_new_pagefind_or_a_missing_bundle_rebuilds(small_site: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    site = small_site / "site"
    shard = max(shard_of(f"briefings/{s}/index.html", 4) for s in SLUGS)
    entry = site / bundle_path(shard) / "pagefind-entry.json"

    def rebuilt() -> set[str]:
        """The bundles whose entry file the next build wrote."""
        before = bundle_files(small_site)
        assert search_index.index_site(small_site, shards=4) == 0
        after = bundle_files(small_site)
        return {f.rpartition("/")[0] for f in after if f.endswith("/pagefind-entry.json") and before.get(f) != after[f]}

    everything = {bundle_path(s) for s in range(4) if (site / bundle_path(s)).is_dir()}
    (small_site / MANIFEST).unlink()
    assert rebuilt() == everything
    monkeypatch.setattr(search_index, "pagefind_version", lambda: "pagefind==99")
    assert rebuilt() == everything
    entry.unlink()
    assert rebuilt() == {bundle_path(shard)}


def test_a_pagefind_run_over_the_site_by_hand_is_undone(small_site: Path) -> None:
    """`pagefind --site site` writes a whole-site index over the primary bundle: merged with the
    shards, every briefing would be found twice. The next build sees an entry it did not write."""
    import subprocess
    import sys

    site = small_site / "site"
    primary = indexed_urls(site / BUNDLE)
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], check=True)
    assert len(indexed_urls(site / BUNDLE)) > len(primary)
    assert search_index.index_site(small_site, shards=4) == 0
    assert indexed_urls(site / BUNDLE) == primary


def test_a_failed_pagefind_run_keeps_the_served_bundles_and_the_next_build_redoes_them(
        small_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    before = bundle_files(small_site)
    write_site(small_site, {**{s: f"Energy news number {i}" for i, s in enumerate(SLUGS)}, SLUGS[3]: "Wind"})
    monkeypatch.setattr(search_index, "_pagefind", lambda: ["false"])
    assert search_index.index_site(small_site, shards=4) == 1
    assert "error: Pagefind failed" in capsys.readouterr().err
    assert bundle_files(small_site) == before  # nothing half-written is served
    assert not (small_site / MANIFEST).exists()  # so the next build starts over
    monkeypatch.undo()
    assert search_index.index_site(small_site, shards=4) == 0
    shard = shard_of(f"briefings/{SLUGS[3]}/index.html", 4)
    assert "Wind" in texts(small_site / "site" / bundle_path(shard))


def indexed_pages(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")
            if b"data-pagefind-body" in p.read_bytes() and BUNDLE not in p.parts}


def test_build_site_adds_a_briefing_to_the_shards_of_the_changed_pages_only(
        built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`build.py site` end to end, about one briefing per shard: one briefing added, then only
    the bundles holding a page whose HTML changed are written (the new briefing's, and those of
    briefings that now link to it)."""
    from newsdesk.cli import main

    root = tmp_path / "p"
    shutil.copytree(built_site, root, symlinks=True)  # copy2 keeps file times: site/ stays up to date
    monkeypatch.setattr(search_index, "shard_count", lambda pages: 8)
    assert main(["site", "--root", str(root), "--offline"]) == 0  # a new shard count: full rebuild
    before, pages_before = bundle_files(root), indexed_pages(root)
    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", root / "briefings")
    assert main(["site", "--root", str(root), "--offline"]) == 0
    after, pages_after = bundle_files(root), indexed_pages(root)
    shards = 8
    changed = {rel for rel in pages_after if pages_before.get(rel) != pages_after[rel]}
    assert "briefings/handwritten-valid/index.html" in changed
    expected = {bundle_path(shard_of(rel, shards)) for rel in changed}
    entries = {f.rpartition("/")[0]: mtime for f, mtime in after.items() if f.endswith("/pagefind-entry.json")}
    rewritten = {b for b, mtime in entries.items() if before.get(f"{b}/pagefind-entry.json") != mtime}
    assert rewritten == expected
    assert len(rewritten) < len(entries)
    bundle = root / "site" / bundle_path(shard_of("briefings/handwritten-valid/index.html", shards))
    assert {"/briefings/handwritten-valid/", "/it/briefings/handwritten-valid/"} <= indexed_urls(bundle)

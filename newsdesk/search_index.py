"""site/ -> the Pagefind search index, rebuilding only the part whose pages changed.

One Pagefind run over every page takes about a minute at 10,000 briefings, so past SHARD_TARGET
briefings the index is split into bundles that are rebuilt separately:

- site/pagefind/ (the primary bundle: Pagefind's scripts and the pages that are not generated,
  "about", "how it works"...) also holds the briefings whose path hashes to shard 0;
- site/pagefind/shard-NN/ hold the other shards: a stable hash of the page's path without its
  language prefix, so a briefing's English and Italian pages share a shard and never move.

Every shard is a random sample of the briefings, so its word statistics (and Pagefind's scores)
are alike. The search page loads site/pagefind/newsdesk/pagefind.js (templates/pagefind-shards.js),
which merges the shards that site/pagefind/newsdesk-shards.json lists for its language
(Pagefind's mergeIndex) and checks each word of a query across all of them, so that a result is
what one index would give. A manifest in .newsdesk-cache/ records each HTML page's size, time and
content hash; a build re-indexes only the shards with a changed, added or removed page (or a
missing bundle), and everything when the manifest is missing, or Pagefind or the shard count
changed.

A bundle is swapped in without ever serving half of it: Pagefind writes into a scratch folder,
its content-addressed files (index chunks, fragments, metadata) are moved in beside the old
ones, then pagefind-entry.json, the one file a browser reads first, is replaced atomically, and
only then are the old bundle's files deleted.
"""

from __future__ import annotations

import contextlib
import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import lxml.etree
import lxml.html

from . import urls
from .site import GENERATED_DIRS

# Briefings per shard bundle: up to this many, one bundle indexes the whole site, as one Pagefind
# run would. Past it, the shard count doubles (a full rebuild, once per doubling): at 10,000
# briefings, 4 shards of 2,500. Measured there (English pages): one shard re-indexed in 4-5 s
# against 21 s for the whole index, and a query fetches about as much as from one index (16
# shards: 2 s, but 1.5-2x the bytes, every shard's metadata and index chunk per word).
SHARD_TARGET = 3000
MAX_SHARDS = 64
BUNDLE = "pagefind"  # site/pagefind/, where the search page loads Pagefind from
SHARD_LIST = "newsdesk-shards.json"  # in the primary bundle: the shard bundles per language
# Pagefind's module with the shards merged (and multi-word results checked across them): the
# search page's Pagefind UI loads pagefind/newsdesk/pagefind.js.
MERGER = Path(__file__).resolve().parent / "templates" / "pagefind-shards.js"
MERGER_PATH = "newsdesk/pagefind.js"
MANIFEST = Path(".newsdesk-cache") / "search-index.json"
SCRATCH = Path(".newsdesk-cache") / "search-index-scratch"
FORMAT = 3  # bump when the manifest or the bundle layout changes: the next build starts over
ENTRY = "pagefind-entry.json"
# What a merged bundle needs; Pagefind's scripts, styles and WebAssembly come from the primary.
SHARD_FILES = re.compile(r"^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(index|fragment|filter)/[^/]+)$")
# Pagefind indexes only what is inside data-pagefind-body (overrides/main.html) once any page has
# it; a bundle of pages that all lack it would index them whole, so such pages go to no bundle.
BODY = re.compile(rb"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s=>/]")
# A page's content digest as overrides/hooks/search_digest.py writes it into the page while MkDocs
# builds it (see content_digest). Reading it is what makes a scan of 20,000 pages cheap: parsing
# every page for indexed_digest took 25 s of CPU at 10,000 briefings, more than Pagefind itself.
DIGEST_META = re.compile(rb'<meta name="newsdesk-indexed" content="([0-9a-f]{64})">')


@dataclass(frozen=True)
class Page:
    """One HTML file of site/: its size and time (to skip hashing what did not change), and its
    content hash, empty when Pagefind would not index it."""

    size: int
    mtime_ns: int
    digest: str


def page_key(rel: str) -> str:
    """A page's path without its language prefix: both languages of a page share the key."""
    first, _, rest = rel.partition("/")
    return rest if first in urls.LANGS and first != "en" and rest else rel


def shard_count(pages: Iterable[str]) -> int:
    """The number of shards for these indexed pages: the power of two that keeps a shard at
    SHARD_TARGET briefings (pages under generated folders, both languages counted once) or fewer."""
    keys = {page_key(rel) for rel in pages if page_key(rel).partition("/")[0] in GENERATED_DIRS}
    shards = 1
    while shards < MAX_SHARDS and len(keys) > shards * SHARD_TARGET:
        shards *= 2
    return shards


def shard_of(rel: str, shards: int) -> int:
    """The shard of an HTML file (its path under site/): 0, the primary bundle, for pages outside
    the generated folders; otherwise a stable hash of the language-free path."""
    key = page_key(rel)
    if key.partition("/")[0] not in GENERATED_DIRS:
        return 0
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % shards


def bundle_path(shard: int) -> str:
    """A shard's bundle folder, relative to site/."""
    return BUNDLE if shard == 0 else f"{BUNDLE}/shard-{shard:02d}"


def changed_shards(old: Mapping[str, str], new: Mapping[str, str], shards: int) -> set[int]:
    """Shards holding a page (path -> content hash of an indexed page) added, removed or changed."""
    return {shard_of(rel, shards) for rel in old.keys() | new.keys() if old.get(rel) != new.get(rel)}


def pagefind_version() -> str:
    """Pagefind's Python API and binary versions: a new one rebuilds every bundle."""
    found = []
    for pkg in ("pagefind", "pagefind_bin", "pagefind_bin_extended"):
        with contextlib.suppress(PackageNotFoundError):
            found.append(f"{pkg}=={version(pkg)}")
    return ",".join(found)


def scan(site: Path, previous: Mapping[str, Page]) -> dict[str, Page]:
    """Every HTML file under site/ outside the bundles; a file whose size and time match the
    previous scan keeps its hash unread."""
    pages: dict[str, Page] = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(f"{BUNDLE}/"):
            continue
        st = path.stat()
        old = previous.get(rel)
        if old is not None and old.size == st.st_size and old.mtime_ns == st.st_mtime_ns:
            pages[rel] = old
            continue
        data = path.read_bytes()
        if m := DIGEST_META.search(data):  # tagged by the hook: a searchable page
            digest = m.group(1).decode()
        elif BODY.search(data):  # built without the hook (by hand, by another renderer)
            digest = indexed_digest(data)
        else:
            digest = ""
        pages[rel] = Page(st.st_size, st.st_mtime_ns, digest)
    return pages


_HTML_PARSER = lxml.etree.HTMLParser()


def _remove_keeping_tail(element: lxml.etree._Element) -> None:
    """lxml.html's drop_tree for any element: the text after it stays."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _drop_ignored(root: lxml.etree._Element) -> None:
    for element in root.xpath('.//*[@data-pagefind-ignore="all"]'):
        _remove_keeping_tail(element)


def indexed_digest(data: bytes) -> str:
    """A hash of what Pagefind reads of a page: its language and its data-pagefind-body, without
    the parts marked data-pagefind-ignore="all". A change Pagefind never sees (the "also reported
    by" line of every member of a story that gained a source, chips) then re-indexes no shard."""
    doc = lxml.html.document_fromstring(data)
    bodies = doc.xpath("//*[@data-pagefind-body]")
    h = hashlib.sha256((doc.get("lang") or "").encode() + b"\0")
    for body in bodies:
        _drop_ignored(body)
        h.update(lxml.html.tostring(body, encoding="utf-8"))
    return h.hexdigest()


def content_digest(lang: str, title: str, content: str) -> str:
    """What Pagefind reads of a page, from what MkDocs puts inside data-pagefind-body: the page's
    language, its title (the theme's heading when the content has none) and its content without
    the data-pagefind-ignore="all" parts. The rest of that block comes from the theme and the
    configuration, whose change empties site/ (publish.stamp) and so rebuilds every bundle.
    Computed by overrides/hooks/search_digest.py on the HTML it already holds, in both
    languages' build processes at once; an eighth of the cost of parsing the written page."""
    content = content.strip()
    if "data-pagefind-ignore" in content:
        # libxml2's HTML parser directly: lxml.html's fragment helpers cost twice as much.
        root = lxml.etree.HTML(content, _HTML_PARSER)
        _drop_ignored(root)
        content = lxml.etree.tostring(root, encoding="unicode")
    # Whitespace runs count as one space (Pagefind reads text), so the digest does not depend on
    # how a Markdown renderer spaced the same HTML.
    return hashlib.sha256(f"{lang}\0{title}\0{' '.join(content.split())}".encode()).hexdigest()


def digest_tag(digest: str) -> str:
    """The tag that carries a page's content_digest in its <head> (read back by scan)."""
    return f'<meta name="newsdesk-indexed" content="{digest}">'


def _load_manifest(path: Path) -> tuple[dict[str, object], dict[str, Page]] | None:
    """The previous build's settings and scan, or None when missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pages = {rel: Page(int(s), int(t), str(d)) for rel, (s, t, d) in data.pop("pages").items()}
        return dict(data), pages
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_bytes(path: Path, data: bytes) -> None:
    """Atomically, and only when the bytes change (a file's time says whether it changed)."""
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_json(path: Path, data: object) -> None:
    _write_bytes(path, json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode())


def _link_tree(site: Path, pages: Iterable[str], tree: Path) -> None:
    """The pages of one bundle as a tree of hard links (copies across file systems)."""
    tree.mkdir(parents=True, exist_ok=True)
    for rel in pages:
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / rel, tree / rel)
        except OSError:
            shutil.copyfile(site / rel, tree / rel)


def _pagefind() -> list[str]:
    from pagefind.service import get_executable

    binary = get_executable()
    return [str(binary)] if binary else [sys.executable, "-m", "pagefind"]


def _index(trees: Iterable[Path], parallel: int = 2) -> list[str]:
    """Pagefind's command line on each tree of pages, writing tree/../bundle, two at a time.
    (Its Python service would take one request per page, and its client polls for each answer
    every 0.1 s.) Returns the failures."""
    cmd = _pagefind()

    def one(tree: Path) -> str:
        proc = subprocess.run([*cmd, "--site", "pages", "--output-path", "bundle", "--quiet"], cwd=tree.parent,
                              capture_output=True, text=True, check=False)
        return "" if proc.returncode == 0 else f"{' '.join(cmd)} on {len(list(tree.rglob('*.html')))} pages: " \
            f"{(proc.stderr or proc.stdout).strip()[-2000:]}"

    with ThreadPoolExecutor(parallel) as pool:
        return [failure for failure in pool.map(one, trees) if failure]


def _swap_in(scratch: Path, dest: Path, primary: bool) -> None:
    """Move a freshly written bundle over the served one: new content-addressed files first, the
    entry file atomically, then delete what the old bundle alone used."""
    dest.mkdir(parents=True, exist_ok=True)
    keep = {ENTRY}
    for path in sorted(p for p in scratch.rglob("*") if p.is_file()):
        rel = path.relative_to(scratch).as_posix()
        if not primary and not SHARD_FILES.match(rel):
            continue
        keep.add(rel)
        target = dest / rel
        if rel == ENTRY:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # Index chunks, fragments and metadata are named by their content: one already there is it.
        if target.exists() and (SHARD_FILES.match(rel) or filecmp.cmp(path, target, shallow=False)):
            continue
        shutil.move(path, target)
    tmp_entry = dest / f".{ENTRY}.tmp"
    shutil.copyfile(scratch / ENTRY, tmp_entry)
    os.replace(tmp_entry, dest / ENTRY)
    for path in sorted(dest.rglob("*"), reverse=True):
        rel = path.relative_to(dest).as_posix()
        if primary and (rel.startswith(("shard-", "newsdesk/")) or rel == SHARD_LIST):
            continue
        if path.is_file() and rel not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _entry_hash(bundle: Path) -> str:
    try:
        return hashlib.sha256((bundle / ENTRY).read_bytes()).hexdigest()
    except OSError:
        return ""


def _languages(bundle: Path) -> list[str]:
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        return sorted(entry["languages"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


def index_site(root: Path, shards: int | None = None) -> int:
    """Bring site/pagefind/ up to date with site/ (`shards` forces the shard count, for tests).
    Returns the exit status."""
    site = root / "site"
    manifest_file = root / MANIFEST
    start = time.perf_counter()
    stored = _load_manifest(manifest_file)
    pages = scan(site, stored[1] if stored else {})
    indexed = {rel: p.digest for rel, p in pages.items() if p.digest}
    shards = shards or shard_count(indexed)
    expected: dict[str, object] = {"format": FORMAT, "pagefind": pagefind_version(), "shards": shards}
    previous = stored[1] if stored and all(stored[0].get(k) == v for k, v in expected.items()) else None
    by_shard: dict[int, list[str]] = {}
    for rel in sorted(indexed):
        by_shard.setdefault(shard_of(rel, shards), []).append(rel)
    written = stored[0].get("bundles", {}) if stored else {}
    if previous is None or not isinstance(written, dict):
        todo = set(range(shards))
    else:
        todo = changed_shards({rel: p.digest for rel, p in previous.items() if p.digest}, indexed, shards)
        # A bundle missing, or not the one this module wrote (a Pagefind run over site/ by hand).
        todo |= {s for s in by_shard if written.get(bundle_path(s)) != _entry_hash(site / bundle_path(s))}
    if not (site / BUNDLE / ENTRY).is_file():
        todo.add(0)  # the primary bundle always exists: Pagefind's scripts live there
    # Written back only once every bundle is in place: an interrupted build redoes its shards.
    manifest_file.unlink(missing_ok=True)
    scratch = root / SCRATCH
    shutil.rmtree(scratch, ignore_errors=True)
    trees = {shard: scratch / f"{shard:02d}" / "pages" for shard in sorted(todo) if shard == 0 or by_shard.get(shard)}
    try:
        for shard, tree in trees.items():
            _link_tree(site, by_shard.get(shard, []), tree)
        failures = _index(trees.values())
        if failures:
            return _fail("Pagefind failed: " + "\n".join(failures))
        for shard, tree in trees.items():
            _swap_in(tree.parent / "bundle", site / bundle_path(shard), primary=shard == 0)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    shard_list: dict[str, list[str]] = {}
    for shard in sorted(by_shard):
        if shard:
            for lang in _languages(site / bundle_path(shard)):
                shard_list.setdefault(lang, []).append(f"shard-{shard:02d}/")
    _write_json(site / BUNDLE / SHARD_LIST, shard_list)
    _write_bytes(site / BUNDLE / MERGER_PATH, MERGER.read_bytes())
    for stale in sorted((site / BUNDLE).glob("shard-*")):
        if stale.name not in {f"shard-{s:02d}" for s in by_shard}:
            shutil.rmtree(stale)
    bundles = {bundle_path(s): _entry_hash(site / bundle_path(s)) for s in sorted(by_shard)}
    _write_json(manifest_file, {**expected, "bundles": bundles,
                                "pages": {rel: [p.size, p.mtime_ns, p.digest] for rel, p in sorted(pages.items())}})
    if os.environ.get("NEWSDESK_SEARCH_TIMING"):
        print(f"search index: {len(todo)} bundle(s) of {len(by_shard)} rebuilt, {len(indexed)} pages, "
              f"{time.perf_counter() - start:.1f}s", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1

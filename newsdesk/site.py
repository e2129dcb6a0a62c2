"""Render briefings into the pages MkDocs builds: one English and one Italian page per briefing,
home, archive, topic and region indexes, and RSS/JSON feeds per language.

Pages are plain Markdown files on disk (git-ignored), not MkDocs hooks, so another renderer can
take them tomorrow. Everything here is a pure function of the briefings: byte-identical output
for the same input.
"""

from __future__ import annotations

import hashlib
import html
import json
import multiprocessing
import posixpath
import re
import traceback
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import jinja2
import yaml
from babel.dates import format_date
from markdown.extensions.toc import slugify

from . import datafiles, geo, names, sitemaps, stories, worldmap
from .briefing import Briefing, BriefingMeta, briefing_error, decode_text, parse_briefing, split_front, write_atomic
from .classify import taxonomy
from .errors import BriefingError, NewsdeskError, bug_report
from .markup import md_text
from .safehtml import TooComplexError, body_html
from .safety import read_checked
from .urls import site_url

if TYPE_CHECKING:
    from .related import StoryLinks

LANGS = ("en", "it")
PAGE_SIZE = 20  # briefings on the home page; the rest are one click away in the archive
CARD_REGIONS = 6  # region chips on a card in a list; the briefing page shows them all
LIST_PAGE_SIZE = 50  # briefings per page of a topic, region or month listing
FEED_LIMIT = 50  # newest briefings in each feed
WORDS_PER_MINUTE = 200
PARALLEL_RENDER_FROM = 500  # briefings; below this, starting a second process costs more than it saves
GENERATED_DIRS = ("briefings", "topics", "regions", "archive", "stories", "organizations", "people", "names")
GENERATED_FILES = ("index.md", "feed.xml", "feed.json", "sitemap.xml", "sitemap-index.xml", "robots.txt")
NOT_INDEXED = 'data-pagefind-ignore="all"'  # metadata and chips stay out of search excerpts
RAW_HTML_RE = re.compile(r"<(?!https?://|mailto:)")


class Listed(Protocol):
    """What listings, cards and feeds need of a briefing: a Briefing, or a row of the briefing
    index (cache.IndexEntry) when the file need not be read."""

    @property
    def slug(self) -> str: ...

    @property
    def meta(self) -> BriefingMeta: ...


def esc(text: str) -> str:
    """Text for an HTML element's content."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Text for an HTML attribute value."""
    return html.escape(text, quote=True)


@lru_cache(maxsize=1)
def ui() -> dict[str, dict[str, Any]]:
    return datafiles.ui().model_dump()


# ---- templates ------------------------------------------------------------------------------

def front(title: str, description: str | None = None, *, listing: bool = True, prerendered: bool = False,
          key: str = "") -> str:
    """A page's YAML header. MkDocs templates do not autoescape: a title is HTML-escaped before
    it reaches them. `prerendered`: the body is one block of finished HTML (see listing.md.j2)."""
    data: dict[str, Any] = {"title": html.escape(title)}
    if description:
        data["description"] = html.escape(description)
    if listing:
        # Lists repeat every briefing's title and summary: searching finds the briefings themselves.
        data["search"] = {"exclude": True}
    if prerendered:
        data["prerendered"] = True
    if key:
        data["render_key"] = key  # what the page was rendered from: see render_key
    # Generated pages read like a news site, not documentation: no sidebar of one item, no table
    # of contents of card titles, no "Next: Search" footer (Material's `hide`).
    data["hide"] = ["navigation", "toc", "footer"]
    # libyaml's emitter when present: the same text as PyYAML's, 15x faster (which was a third of render).
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return "---\n" + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    """Page templates in newsdesk/templates/. They write Markdown, so nothing is escaped
    implicitly: every briefing value goes through `md` (Markdown text), `esc` (HTML content) or
    `attr` (HTML attribute)."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("newsdesk", "templates"), autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    env.filters.update(md=md_text, esc=esc, attr=attr, anchor=heading_id)
    env.globals.update(front=front, not_indexed=NOT_INDEXED)
    return env


def render(template: str, **context: Any) -> str:
    return templates().get_template(template).render(**context)


# ---- what the templates show ------------------------------------------------------------------

def _newest_first(briefings: Iterable[Listed]) -> list[Listed]:
    """By the article's publication date, newest first. An article that does not state its date
    is never the newest news: those come after every dated one, the latest added first."""
    return sorted(briefings, key=lambda b: (b.meta.date is None, -b.meta.display_date.toordinal(), b.slug))


def _newest_added_first(briefings: Iterable[Listed]) -> list[Listed]:
    return sorted(briefings, key=lambda b: (-b.meta.added.toordinal(), b.slug))


@lru_cache(maxsize=8192)
def _date(d: date, lang: str) -> str:
    # Babel takes ~30 us a call and a large site asks for the same few thousand dates a million times.
    return format_date(d, format="long", locale=lang)


def title_of(b: Listed, lang: str) -> str:
    return b.meta.it.title if lang == "it" else b.meta.title


def summary_of(b: Listed, lang: str) -> str:
    return b.meta.it.summary.split(". ")[0].rstrip(".") + "." if lang == "it" else b.meta.description


def text_lang(b: Listed, lang: str) -> str:
    """The language of a page's title and summary when it is not the page's own: the article's,
    while the translation into the page's language is pending. Marked on the page (lang="it"
    on an English page), so a screen reader does not read Italian with an English voice."""
    side = b.meta.translation.en if lang == "en" else b.meta.translation.it
    return b.meta.source.language if side == "pending" and b.meta.source.language != lang else ""


def region_file(code: str) -> str:
    return code.lower() if geo.is_country(code) else code


@dataclass(frozen=True)
class Chip:
    kind: str  # topic | region
    href: str  # the page, relative to the site root, e.g. topics/energy.md
    label: str

    @property
    def url(self) -> str:
        """The built page's URL, relative to the site root: topics/energy/."""
        return page_url(self.href)


def page_url(path: str) -> str:
    """A page's URL relative to the site root, from its path under docs/<lang>/ (MkDocs'
    directory URLs): index.md -> '', topics/index.md -> topics/, topics/energy.md -> topics/energy/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def shown_regions(regions: Iterable[str]) -> list[str]:
    """Countries, and a macro-region only when none of its countries is listed: "Germany" says
    Europe already."""
    regions = list(regions)
    covered = {m for r in regions if geo.is_country(r) for m in geo.macro_regions(r)}
    return [r for r in regions if geo.is_country(r) or r not in covered]


def chips_of(b: Listed, lang: str, max_regions: int | None = None) -> list[Chip]:
    tax = taxonomy()
    return ([Chip("topic", f"topics/{t}.md", tax.label(t, lang)) for t in b.meta.topics]
            + [Chip("region", f"regions/{region_file(r)}.md", geo.label(r, lang))
               for r in shown_regions(b.meta.regions)[:max_regions]])


@dataclass(frozen=True)
class Card:
    """What a list shows of one briefing."""
    slug: str
    title: str
    when: str
    summary: str
    chips: list[Chip]
    more: str = ""  # "+3 more" when the card cuts region chips
    text_lang: str = ""  # the title's and summary's language when not the page's (text_lang)


def card_of(b: Listed, lang: str) -> Card:
    t = ui()[lang]
    when = (_date(b.meta.date, lang) if b.meta.date
            else f'{str(t["date_not_stated"]).capitalize()} ({t["added"]} {_date(b.meta.added, lang)})')
    cut = len(shown_regions(b.meta.regions)) - CARD_REGIONS
    more = str(t["more_chips"]).format(n=cut) if cut > 0 else ""
    return Card(b.slug, title_of(b, lang), when, summary_of(b, lang), chips_of(b, lang, CARD_REGIONS), more,
                text_lang(b, lang))


class Cards:
    """Each briefing's card rendered once per language and link prefix, then reused by every
    listing it is on (a briefing is on about 18 listings)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._done: dict[tuple[str, str], str] = {}

    def __call__(self, briefings: Iterable[Listed], prefix: str = "../../") -> list[str]:
        out = []
        for b in briefings:
            key = (b.slug, prefix)
            if key not in self._done:
                self._done[key] = render("card.html.j2", c=card_of(b, self.lang), prefix=prefix, t=ui()[self.lang])
            out.append(self._done[key])
        return out


def _count(n: int, lang: str) -> str:
    t = ui()[lang]
    return str(t["count_one"]) if n == 1 else str(t["count"]).format(n=n)


# ---- briefing page ---------------------------------------------------------------------------

def reading_minutes(text: str) -> int:
    return max(1, round(len(text.split()) / WORDS_PER_MINUTE))


def briefing_page(b: Briefing, lang: str, key: str = "", story: StoryLinks | None = None) -> str:
    """A briefing's page; `key` (see render_key) goes in its front matter."""
    t = ui()[lang]
    m = b.meta
    src = m.source
    body = (RAW_HTML_RE.sub("&lt;", b.body) if lang == "en" else render("italian_body.md.j2", t=t, it=m.it)).strip()
    minutes = reading_minutes(body)
    when = (f'{t["published"]} {_date(m.date, lang)}' if m.date
            else f'{t["date_unknown"]} ({t["added"]} {_date(m.added, lang)})')
    figures = [(fig.en if lang == "en" else fig.it, fig.it if src.language == "it" else fig.en) for fig in m.figures]
    # Organisations and people link to their pages (under their canonical name); products do not.
    named = [(t[k], [(n, f"../../{k}/{names.entity_slug(n)}/" if k in names.KINDS else None)
                     for n in getattr(m.entities, k)])
             for k in ("organizations", "people", "products") if getattr(m.entities, k)]
    # The note describes the English text; on the Italian page of an English article whose
    # Italian is still pending, it says that instead.
    engine = "pending" if lang == "it" and m.translation.it == "pending" else m.translation.en
    language_name = t["language_names"].get(src.language, src.language)
    if m.reviewed and engine in t["engine_names"]:
        note = [str(t["reviewed"]).format(language=language_name, engine=t["engine_names"][engine])]
    else:
        note = [str(t["provenance"][engine]).format(language=language_name)]
        if engine in t["engine_names"]:
            note.append(str(t["not_reviewed"]))
    note.append(str(t["extractive"]))
    kind = "warning" if engine == "pending" or (engine == "apertium" and not m.reviewed) else "info"
    try:
        html_body = body_html(body)
    except TooComplexError as exc:  # that briefing's failure: render leaves it out and builds the others
        where = "the body" if lang == "en" else "the Italian text (it.summary, it.key_points)"
        raise BriefingError(b.path, [f"{where}: {exc}; simplify its Markdown"]) from None
    foreign = text_lang(b, lang)
    html_body = html_body.replace("<h2>", f"<h2 {NOT_INDEXED}>")
    if foreign:  # the body's own notice (ingest.english_body) is in the page's language
        html_body = html_body.replace('<div class="admonition', f'<div lang="{lang}" class="admonition')
    return render("briefing.md.j2", t=t, title=title_of(b, lang), key=key,
                  description=m.description if lang == "en" else summary_of(b, lang),
                  show_original=(lang == "en" or src.language != lang) and src.title != title_of(b, lang),
                  src=src, when=when, text_lang=foreign,
                  minutes=minutes, chips=chips_of(b, lang), body=html_body, figures=figures,
                  original_lang=src.language if src.language != lang else "",
                  names=named, note=note, note_kind=kind, story=story, title_id=heading_id(title_of(b, lang)),
                  figures_id=heading_id(t["key_figures"]), names_id=heading_id(t["entities"]))


def heading_id(text: str) -> str:
    """The id MkDocs' toc extension gives a heading, so anchors stay what they were."""
    return str(slugify(html.unescape(text), "-"))


# ---- listings -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """One page of a paged listing: its file stem and its neighbours' (None at either end)."""
    stem: str
    newer: str | None
    older: str | None


@dataclass(frozen=True)
class More:
    """A link under a listing to where the rest is."""
    href: str
    label: str


def paginate(stem: str, n_items: int, size: int = LIST_PAGE_SIZE) -> list[tuple[Page, slice]]:
    """Pages of a listing of n_items shown newest first, numbered from the oldest, so that a new
    briefing changes a constant number of files (at most 3) however long the listing is.

    <stem> shows the newest 1..size items; <stem>-page-K (K = 1 for the oldest) the full pages
    before them. When <stem> is full and one more arrives, its items move, unchanged, to a new
    <stem>-page-K; no other page's content moves."""
    full = max(0, (n_items - 1) // size)

    def name(k: int) -> str:
        return stem if k > full else f"{stem}-page-{k}"

    pages = [(Page(stem, None, name(full) if full else None), slice(0, n_items - full * size))]
    pages += [(Page(name(k), name(k + 1), name(k - 1) if k > 1 else None),
               slice(n_items - k * size, n_items - (k - 1) * size)) for k in range(full, 0, -1)]
    return pages


def paged(folder: str, stem: str, title: str, intro: str, items: Sequence[Listed], lang: str,
          cards: Cards | None = None, more: More | None = None) -> dict[str, str]:
    """Every page of one listing (a month, a topic, a region...), newest first: the one helper all
    paged listings use. An older page is titled with the dates it covers, which never change."""
    t = ui()[lang]
    cards = cards or Cards(lang)
    pages = {}
    for page, part in paginate(stem, len(items)):
        chunk = items[part]
        heading = title
        if page.stem != stem:
            first, last = chunk[-1].meta.display_date, chunk[0].meta.display_date
            heading = f"{title} ({_date(first, lang)} – {_date(last, lang)})"
        pages[f"{folder}/{page.stem}.md"] = render("listing.md.j2", t=t, heading=heading, intro=intro, page=page,
                                                    cards=cards(chunk), more=more)
    return pages


def latest(folder: str, stem: str, title: str, intro: str, items: Sequence[Listed], lang: str,
           cards: Cards | None = None) -> dict[str, str]:
    """One page with the newest LIST_PAGE_SIZE items and a link to the archive for the rest.
    Topic and region pages use it: paging every briefing on each of its ~18 topic and region
    listings made 1.3 GB at 10,000 briefings and moved every page of them at each new one."""
    t = ui()[lang]
    more = More("../../archive/", str(t["older_in_archive"])) if len(items) > LIST_PAGE_SIZE else None
    return {f"{folder}/{stem}.md": render("listing.md.j2", t=t, heading=title, intro=intro, page=None,
                                          cards=(cards or Cards(lang))(items[:LIST_PAGE_SIZE]), more=more)}


def group(briefings: Iterable[Listed], keys: Callable[[Listed], Iterable[str]]) -> dict[str, list[Listed]]:
    """Briefings under each of their keys (topics, regions, months...), in the order given."""
    groups: dict[str, list[Listed]] = defaultdict(list)
    for b in briefings:
        for key in keys(b):
            groups[key].append(b)
    return groups


@dataclass(frozen=True)
class Row:
    """A link in an index page: a listing's label, its file stem and how many briefings it has."""
    label: str
    href: str
    count: str


def home_page(briefings: Sequence[Listed], lang: str, cards: Cards | None = None,
              found: Sequence[stories.Story] = ()) -> str:
    """The newest briefings; a story's briefings as one card, where its newest member would be."""
    from .related import home_entries

    cards = cards or Cards(lang)
    return render("home.md.j2", t=ui()[lang], cards=home_entries(briefings, found or [], lang, cards, PAGE_SIZE))


UNDATED = "date-not-stated"  # the archive page of briefings whose article states no date


def _month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _month_label(key: str, lang: str) -> str:
    year, month = map(int, key.split("-"))
    return format_date(date(year, month, 1), format="LLLL yyyy", locale=lang).capitalize()


def archive_pages(briefings: Sequence[Listed], lang: str, cards: Cards | None = None) -> dict[str, str]:
    t = ui()[lang]
    # Months of publication; articles that do not state a date are filed apart, under "date not
    # stated", never in the month they happened to be added.
    months = group(briefings, lambda b: [_month_key(b.meta.date)] if b.meta.date else [UNDATED])
    undated = months.pop(UNDATED, [])
    rows = [Row(_month_label(k, lang), k, _count(len(v), lang)) for k, v in sorted(months.items(), reverse=True)]
    if undated:
        rows.append(Row(str(t["date_not_stated"]).capitalize(), UNDATED, _count(len(undated), lang)))
    pages = {"archive/index.md": render("index.md.j2", title=t["archive_title"], intro=t["archive_intro"],
                                        groups=[(None, rows)])}
    for key, items in months.items():
        pages.update(paged("archive", key, _month_label(key, lang), "", items, lang, cards))
    if undated:
        pages.update(paged("archive", UNDATED, str(t["date_not_stated"]).capitalize(), str(t["undated_intro"]),
                           undated, lang, cards))
    return pages


def topic_pages(briefings: Sequence[Listed], lang: str, cards: Cards | None = None) -> dict[str, str]:
    t = ui()[lang]
    tax = taxonomy()
    by_topic = group(briefings, lambda b: b.meta.topics)
    rows = [Row(tax.label(k, lang), k, _count(len(by_topic[k]), lang))
            for k in sorted(by_topic, key=lambda k: tax.label(k, lang).casefold())]
    pages = {"topics/index.md": render("index.md.j2", title=t["topics_title"], intro=t["topics_intro"],
                                       groups=[(None, rows)])}
    for k, items in by_topic.items():
        pages.update(latest("topics", k, tax.label(k, lang), str(t["topic_page_intro"]), items, lang, cards))
    return pages


def region_pages(briefings: Sequence[Listed], lang: str, cards: Cards | None = None) -> dict[str, str]:
    t = ui()[lang]
    by_region = group(briefings, lambda b: b.meta.regions)

    def row(code: str) -> Row:
        return Row(geo.label(code, lang), region_file(code), _count(len(by_region[code]), lang))

    def by_label(codes: Iterable[str]) -> list[str]:
        return sorted(codes, key=lambda c: geo.label(c, lang).casefold())

    # Each macro-region, then its countries; then countries in no listed macro-region.
    groups: list[tuple[Row | None, list[Row]]] = []
    placed: set[str] = set()
    for macro in by_label(c for c in by_region if not geo.is_country(c)):
        countries = by_label(c for c in by_region if macro in geo.macro_regions(c))
        placed.update(countries)
        groups.append((row(macro), [row(c) for c in countries]))
    groups.append((None, [row(c) for c in by_label(c for c in by_region if geo.is_country(c) and c not in placed)]))
    counts = {c: len(v) for c, v in by_region.items() if geo.is_country(c)}
    pages = {"regions/index.md": render("index.md.j2", title=t["regions_title"], intro=t["regions_intro"],
                                        groups=groups, before=world_map(counts, lang))}
    for code, items in by_region.items():
        pages.update(latest("regions", region_file(code), geo.label(code, lang), str(t["region_page_intro"]),
                            items, lang, cards))
    return pages


# ---- links in pre-rendered pages ---------------------------------------------------------------

_HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')


def broken_links(pages: dict[str, str], docs: Path, targets: Iterable[str] = ()) -> list[str]:
    """Links in pre-rendered pages that lead to no page. MkDocs checks the links of Markdown
    pages; these it never sees, so they are checked here, against the generated pages (`pages`
    and the paths in `targets`) and the hand-written ones in `docs`."""
    targets = set(targets)
    urls = {page_url(p) for p in set(pages) | targets if p.endswith(".md")}
    urls |= {page_url(p.relative_to(docs).as_posix()) for p in docs.rglob("*.md")} if docs.is_dir() else set()
    files = set(pages) | targets | ({p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
                          if docs.is_dir() else set())
    broken = []
    for path, text in sorted(pages.items()):
        if not text.startswith("---\n") or "\nprerendered: true\n" not in text.split("\n---\n", 1)[0] + "\n":
            continue
        here = "/" + page_url(path)
        for href in _HREF.findall(text):
            if href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            target = posixpath.normpath(posixpath.join(here, html.unescape(href).split("#")[0]))
            target = target.lstrip("/")
            if target == ".":
                target = ""
            ok = (target + "/" in urls or target in urls) if href.endswith("/") or not href else target in files
            if not ok:
                broken.append(f"docs/{docs.name}/{path}: link to {href}, which is no page")
    return broken


def world_map(counts: dict[str, int], lang: str) -> str:
    """The Regions index's map, with a table of the same countries and links beside it."""
    t = ui()[lang]
    rows = [Row(geo.label(c, lang), region_file(c), str(n))
            for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], geo.label(kv[0], lang).casefold()))]
    svg = worldmap.svg(counts, lambda c: geo.label(c, lang), lambda c: f"{region_file(c)}/", str(t["map_title"]))
    return render("world_map.md.j2", t=t, svg=svg, rows=rows, legend=worldmap.legend())


# ---- feeds ------------------------------------------------------------------------------------

def _published(b: Listed) -> datetime:
    """Feed items are dated by when the briefing was added (the feed says so): a reader's feed
    shows what is new here, and an article without a date still gets one that is true."""
    return datetime.combine(b.meta.added, time(0, 0), tzinfo=UTC)


ATOM = "http://www.w3.org/2005/Atom"


def feeds(briefings: Sequence[Listed], lang: str) -> dict[str, str]:
    t = ui()[lang]
    base = site_url(lang)
    items = _newest_added_first(briefings)[:FEED_LIMIT]
    rss = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM})
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = str(t["feed_title"])
    ET.SubElement(channel, "link").text = base
    # The feed's own address (RSS Best Practices; feed validators ask for it): a reader that
    # found the feed through a copy or a redirect subscribes to this one.
    ET.SubElement(channel, "atom:link", href=f"{base}feed.xml", rel="self", type="application/rss+xml")
    ET.SubElement(channel, "description").text = f'{t["home_intro"]} {t["feed_dates"]}'
    ET.SubElement(channel, "language").text = lang
    if items:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_published(items[0]))
    json_items = []
    for b in items:
        link = f"{base}briefings/{b.slug}/"
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = title_of(b, lang)
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", isPermaLink="true").text = link
        ET.SubElement(item, "pubDate").text = format_datetime(_published(b))
        ET.SubElement(item, "description").text = summary_of(b, lang)
        for topic in b.meta.topics:
            ET.SubElement(item, "category").text = taxonomy().label(topic, lang)
        json_items.append({"id": link, "url": link, "title": title_of(b, lang), "summary": summary_of(b, lang),
                           "content_text": summary_of(b, lang), "date_published": _published(b).isoformat(),
                           "tags": [taxonomy().label(x, lang) for x in b.meta.topics]})
    ET.indent(rss)
    feed_json = {"version": "https://jsonfeed.org/version/1.1", "title": t["feed_title"],
                 "description": f'{t["home_intro"]} {t["feed_dates"]}', "home_page_url": base,
                 "feed_url": f"{base}feed.json", "language": lang, "items": json_items}
    return {
        "feed.xml": '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(rss, encoding="unicode") + "\n",
        "feed.json": json.dumps(feed_json, ensure_ascii=False, indent=2) + "\n",
    }


# ---- driver -------------------------------------------------------------------------------------

@dataclass
class RenderResult:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    broken: list[str] = field(default_factory=list)  # links in pre-rendered pages that lead nowhere
    failed: list[str] = field(default_factory=list)  # briefings whose page could not be rendered
    tracebacks: list[str] = field(default_factory=list)  # of those failures, for -v


def listing_pages(briefings: Sequence[Listed], lang: str, found: Sequence[stories.Story] = ()) -> dict[str, str]:
    """Every generated page of one language but the briefings' own, by path under docs/<lang>/.
    A new page type is one more line here: a function from the briefings to {path: text}, its
    template in templates/, and, for a listing, `group` + `paged` (or `latest`)."""
    from . import related

    ordered = _newest_first(briefings)
    cards = Cards(lang)
    pages = {"index.md": home_page(ordered, lang, cards, found)}
    pages.update(related.story_pages(ordered, found, lang))
    pages.update(related.entity_pages(ordered, lang, cards))
    pages.update(archive_pages(ordered, lang, cards))
    pages.update(topic_pages(ordered, lang, cards))
    pages.update(region_pages(ordered, lang, cards))
    pages.update(feeds(ordered, lang))
    return pages


def pages_for(briefings: Sequence[Briefing], lang: str) -> dict[str, str]:
    """Every generated page of one language, briefings included."""
    found = stories.group(briefings)
    links = story_links(briefings, found, lang)
    pages = listing_pages(briefings, lang, found)
    pages.update({f"briefings/{b.slug}.md": briefing_page(b, lang, story=links.get(b.slug)) for b in briefings})
    return pages


def story_links(briefings: Sequence[Listed], found: Sequence[stories.Story], lang: str) -> dict[str, StoryLinks]:
    from .related import story_links as links

    return links(briefings, found, lang)


@dataclass(frozen=True)
class Stored:
    """A briefing as the briefing index knows it (cache.IndexEntry): enough for every listing,
    and the file's hash, which says whether its own page must be rendered again."""
    slug: str
    meta: BriefingMeta
    path: str  # briefings/<slug>.md, relative to the project
    sha256: str


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """What a briefing page is made with besides the briefing: templates, labels, vocabularies,
    this code and the libraries that turn a body into safe HTML."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    files = sorted((here / "templates").glob("*")) + sorted((here / "data").glob("*.yaml"))
    files += [here / name for name in ("site.py", "safehtml.py", "markup.py", "geo.py", "classify.py", "names.py",
                                       "related.py")]
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for pkg in ("Markdown", "nh3", "Babel", "Jinja2"):
        h.update(f"{pkg}=={version(pkg)}".encode())
    return h.hexdigest()


def render_key(item: Stored, lang: str, story: StoryLinks | None = None) -> str:
    """The page changes with the file, the code, and the other sources of its story."""
    extra = "" if story is None else repr(story)
    return hashlib.sha256(f"{_code_hash()} {item.sha256} {lang} {extra}".encode()).hexdigest()[:32]


def _rendered_with(path: Path, key: str) -> bool:
    """The page on disk was rendered from this briefing with this code (its front matter says)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return any(f"\nrender_key: {q}{key}{q}\n".encode() in head for q in ("", "'"))


def sitemap_pages(items: Sequence[Stored], found: Sequence[stories.Story], lang: str, docs: Path,
                  made: set[str]) -> dict[str, str]:
    """The language's sitemap (every page; a briefing dated by its article, a story by its latest
    source), and at the English root the index of both sitemaps and robots.txt."""
    dated = {i.slug: i.meta.date or i.meta.added for i in items}
    lastmod = {f"briefings/{slug}.md": d for slug, d in dated.items()}
    lastmod.update({f"stories/{s.id}.md": max(dated[m] for m in s.briefings) for s in found})
    hand = [p for p in sitemaps.hand_written(docs) if p not in made]
    out = {"sitemap.xml": sitemaps.sitemap([p for p in made if p.endswith(".md")] + hand, lastmod, lang)}
    if lang == "en":
        out.update({sitemaps.INDEX: sitemaps.index(), "robots.txt": sitemaps.robots()})
    return out


def render_site(root: Path, items: Sequence[Stored], found: Sequence[stories.Story] | None = None) -> RenderResult:
    """Write every generated page under docs/<lang>/; remove generated pages no longer made.

    Listings are made from the index alone. A briefing's own page is rendered again only when
    the briefing file or the code that renders it changed (`render_key` in its front matter),
    so adding one article to 10,000 reads one briefing file, not 10,000. The two languages are
    independent, so a large site renders them in two processes."""
    # Stories as stories.yaml pins them and the build groups the rest (cli.run_render has
    # validated and rewritten the file just before, and passes what it wrote).
    if found is None:
        found = stories.group(items, [s for s in stories.load(root).stories if s.pinned], root)
    if len(items) < PARALLEL_RENDER_FROM:
        parts = [_render_language(root, items, found, lang) for lang in LANGS]
    else:
        with ProcessPoolExecutor(max_workers=len(LANGS), mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_render_language, *zip(*[(root, items, found, lang) for lang in LANGS],
                                                         strict=True)))
    result = RenderResult()
    for part in parts:
        result.written += part.written
        result.unchanged += part.unchanged
        result.removed += part.removed
        result.broken += part.broken
        result.failed += [f for f in part.failed if f not in result.failed]
        result.tracebacks += part.tracebacks
    return result


def _load(root: Path, item: Stored) -> Briefing:
    """The briefing of an index entry. The index holds its validated fields already: when the
    file still has the bytes the index read (its sha256), only the body is taken from it, and
    the YAML (most of the cost of reading a briefing) is not parsed again."""
    raw = read_checked(root / item.path, item.path, briefing_error)
    text = decode_text(raw, item.path)
    if hashlib.sha256(raw).hexdigest() == item.sha256 and (m := split_front(text)):
        return Briefing(meta=item.meta, body=m.group(2), path=item.path)
    return parse_briefing(text, item.path)


def _render_language(root: Path, items: Sequence[Stored], found: Sequence[stories.Story], lang: str) -> RenderResult:
    result = RenderResult()
    docs = root / "docs" / lang
    links = story_links(items, found, lang)
    pages: dict[str, str] = {}
    made: set[str] = set()
    left_out: set[str] = set()
    for item in items:
        rel = f"briefings/{item.slug}.md"
        key = render_key(item, lang, links.get(item.slug))
        if _rendered_with(docs / rel, key):
            made.add(rel)
            result.unchanged += 1
            continue
        try:
            pages[rel] = briefing_page(_load(root, item), lang, key, links.get(item.slug))
        except NewsdeskError as exc:  # the file changed since the index read it
            result.failed.append(str(exc))
        except Exception as exc:  # a bug on one page is that briefing's failure, not the site's
            result.failed.append(f"{item.path}: cannot render its page: {bug_report(exc)}")
            result.tracebacks.append(traceback.format_exc())
        else:
            made.add(rel)
            continue
        left_out.add(item.slug)
    listed = [i for i in items if i.slug not in left_out] if left_out else items
    listings = listing_pages(listed, lang, found)
    pages.update(listings)
    made.update(listings)
    maps = sitemap_pages(items, found, lang, docs, made)
    pages.update(maps)
    made.update(maps)
    result.broken += broken_links(pages, docs, made)
    for rel, text in sorted(pages.items()):
        if write_atomic(docs / rel, text):
            result.written += 1
        else:
            result.unchanged += 1
    for folder in GENERATED_DIRS:
        for path in sorted((docs / folder).rglob("*")) if (docs / folder).is_dir() else []:
            if path.is_file() and path.relative_to(docs).as_posix() not in made:
                path.unlink()
                result.removed += 1
    for name in GENERATED_FILES:
        if name not in made and (docs / name).exists():
            (docs / name).unlink()
            result.removed += 1
    return result

"""Render briefings into the pages MkDocs builds: one English and one Italian page per briefing,
home, archive, topic and region indexes, and RSS/JSON feeds per language.

Pages are plain Markdown files on disk (git-ignored), not MkDocs hooks, so another renderer can
take them tomorrow. Everything here is a pure function of the briefings: byte-identical output
for the same input.
"""

from __future__ import annotations

import html
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import format_datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.dates import format_date

from . import geo
from .briefing import Briefing, write_atomic
from .classify import taxonomy
from .markup import md_text

LANGS = ("en", "it")
DEFAULT_SITE_URL = "https://newsdesk.github.io/newsdesk/"
PAGE_SIZE = 20  # briefings on the home page; the rest are one click away in the archive
CARD_REGIONS = 6  # region chips on a card in a list; the briefing page shows them all
LIST_PAGE_SIZE = 50  # briefings per page of a topic, region or month listing
FEED_LIMIT = 50  # newest briefings in each feed
WORDS_PER_MINUTE = 200
GENERATED_DIRS = ("briefings", "topics", "regions", "archive")
GENERATED_FILES = ("index.md", "feed.xml", "feed.json")
NOT_INDEXED = 'data-pagefind-ignore="all"'  # metadata and chips stay out of search excerpts
RAW_HTML_RE = re.compile(r"<(?!https?://|mailto:)")


def esc(text: str) -> str:
    """Text for an HTML element's content."""
    return html.escape(text, quote=False)


@lru_cache(maxsize=1)
def ui() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = yaml.safe_load(geo._data("ui.yaml"))
    return data


def site_url(lang: str) -> str:
    base = os.environ.get("NEWSDESK_SITE_URL", DEFAULT_SITE_URL)
    base = base if base.endswith("/") else base + "/"
    return base if lang == "en" else f"{base}{lang}/"


def _newest_first(briefings: Iterable[Briefing]) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (-b.meta.display_date.toordinal(), b.slug))


def _front(title: str, description: str | None = None, *, listing: bool = True) -> str:
    # MkDocs templates do not autoescape: a title is HTML-escaped before it reaches them.
    data: dict[str, Any] = {"title": html.escape(title)}
    if description:
        data["description"] = html.escape(description)
    if listing:
        # Lists repeat every briefing's title and summary: searching finds the briefings themselves.
        data["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _date(d: date, lang: str) -> str:
    return format_date(d, format="long", locale=lang)


def title_of(b: Briefing, lang: str) -> str:
    return b.meta.it.title if lang == "it" else b.meta.title


def summary_of(b: Briefing, lang: str) -> str:
    return b.meta.it.summary.split(". ")[0].rstrip(".") + "." if lang == "it" else b.meta.description


def region_file(code: str) -> str:
    return code.lower() if geo.is_country(code) else code


def _chips(b: Briefing, lang: str, prefix: str, max_regions: int | None = None) -> str:
    tax = taxonomy()
    chips = [f"[{md_text(tax.label(t, lang))}]({prefix}topics/{t}.md){{ .nd-chip .nd-chip--topic }}"
             for t in b.meta.topics]
    chips += [f"[{md_text(geo.label(r, lang))}]({prefix}regions/{region_file(r)}.md){{ .nd-chip .nd-chip--region }}"
              for r in b.meta.regions[:max_regions]]
    return " ".join(chips)


def _card(b: Briefing, lang: str, prefix: str) -> str:
    """One briefing in a list: title link, date, one-line summary, chips."""
    t = ui()[lang]
    when = (_date(b.meta.date, lang) if b.meta.date
            else f'{str(t["added"]).capitalize()} {_date(b.meta.added, lang)}')
    lines = [f"## [{md_text(title_of(b, lang))}]({prefix}briefings/{b.slug}.md)", "",
             f'<p class="nd-date">{esc(when)}</p>', "", md_text(summary_of(b, lang)), ""]
    chips = _chips(b, lang, prefix, max_regions=CARD_REGIONS)
    if chips:
        lines += [chips, ""]
    return "\n".join(lines)


def _count(n: int, lang: str) -> str:
    t = ui()[lang]
    return str(t["count_one"]) if n == 1 else str(t["count"]).format(n=n)


def _list(briefings: list[Briefing], lang: str, prefix: str) -> str:
    if not briefings:
        return str(ui()[lang]["none_yet"]) + "\n"
    return "\n".join(_card(b, lang, prefix) for b in briefings)


# ---- briefing page ---------------------------------------------------------------------------

def reading_minutes(text: str) -> int:
    return max(1, round(len(text.split()) / WORDS_PER_MINUTE))


def briefing_page(b: Briefing, lang: str) -> str:
    t = ui()[lang]
    m = b.meta
    src = m.source
    title = title_of(b, lang)
    lines = [_front(title, m.description if lang == "en" else summary_of(b, lang), listing=False).rstrip("\n"), "",
             f"# {md_text(title)}", ""]
    if lang == "en" or src.language != lang:
        lines += [f'<p class="nd-original" lang="{src.language}" {NOT_INDEXED}><em>{t["original_title"]}:</em> '
                  f"{esc(src.title)}</p>", ""]
    source_bits = [esc(x) for x in (src.publisher, src.author) if x]
    when = (f'{t["published"]} {_date(m.date, lang)}' if m.date
            else f'{t["date_unknown"]} ({t["added"]} {_date(m.added, lang)})')
    source_bits.append(esc(when))
    if src.url:
        source_bits.append(f'<a href="{html.escape(src.url)}" hreflang="{src.language}" rel="noopener">'
                           f'{t["original_article"]}</a>')
    body_md = (RAW_HTML_RE.sub("&lt;", b.body) if lang == "en" else _italian_body(b))
    minutes = reading_minutes(body_md)
    lines += [f'<p class="nd-source" {NOT_INDEXED}><strong>{t["source"]}:</strong> {" · ".join(source_bits)} · '
              f'{str(t["reading_time"]).format(minutes=minutes)}</p>', ""]
    chips = _chips(b, lang, "../")
    if chips:
        # Chips are navigation: kept out of search excerpts.
        lines += [f'<div class="nd-chips" {NOT_INDEXED} markdown>', "", chips, "", "</div>", ""]
    lines += [body_md.strip(), ""]
    if m.figures:
        lines += [f'## {t["key_figures"]}', "", f'| {t["figure"]} | {t["original"]} |', "| --- | --- |"]
        for fig in m.figures:
            shown = fig.en if lang == "en" else fig.it
            lines.append(f"| {md_text(shown)} | {md_text(fig.it if src.language == 'it' else fig.en)} |")
        lines.append("")
    names = [(t[k], getattr(m.entities, k)) for k in ("organizations", "people", "products")]
    if any(v for _, v in names):
        lines += [f'## {t["entities"]}', ""]
        for label, values in names:
            if values:
                lines.append(f"- **{label}:** {md_text(', '.join(values))}")
        lines.append("")
    engine = m.translation.engine
    language_name = t["language_names"].get(src.language, src.language)
    if m.reviewed and engine in t["engine_names"]:
        note = [str(t["reviewed"]).format(language=language_name, engine=t["engine_names"][engine])]
    else:
        note = [str(t["provenance"][engine]).format(language=language_name)]
        if engine in t["engine_names"]:
            note.append(str(t["not_reviewed"]))
    note.append(str(t["extractive"]))
    kind = "warning" if engine == "pending" or (engine == "apertium" and not m.reviewed) else "info"
    lines += [f'!!! {kind} "{t["provenance_title"]}"', "", "    " + " ".join(note), ""]
    return "\n".join(lines)


def _italian_body(b: Briefing) -> str:
    t = ui()["it"]
    out = [f'## {t["summary"]}', "", md_text(b.meta.it.summary), ""]
    if b.meta.it.key_points:
        out += [f'## {t["key_points"]}', ""] + [f"- {md_text(p)}" for p in b.meta.it.key_points] + [""]
    return "\n".join(out)


# ---- index pages ------------------------------------------------------------------------------

def home_page(briefings: list[Briefing], lang: str) -> str:
    t = ui()[lang]
    latest = briefings[:PAGE_SIZE]
    text = _front(str(t["home_title"]), str(t["home_intro"])) + f'# {t["home_title"]}\n\n{t["home_intro"]}\n\n'
    text += _list(latest, lang, "")
    text += f'\n[{t["all_briefings"]}](archive/index.md){{ .md-button }}\n'
    return text


def _month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _month_label(key: str, lang: str) -> str:
    year, month = map(int, key.split("-"))
    return format_date(date(year, month, 1), format="LLLL yyyy", locale=lang).capitalize()


def paged(folder: str, stem: str, title: str, intro: str, items: list[Briefing], lang: str) -> dict[str, str]:
    """A listing split into pages of LIST_PAGE_SIZE, newest first: <stem>.md, <stem>-page-2.md...
    Each page stays the same size however many briefings the site has."""
    t = ui()[lang]
    chunks = [items[i:i + LIST_PAGE_SIZE] for i in range(0, len(items), LIST_PAGE_SIZE)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, 1):
        name = stem if number == 1 else f"{stem}-page-{number}"
        nav = []
        if number > 1:
            newer = stem if number == 2 else f"{stem}-page-{number - 1}"
            nav.append(f"[← {t['newer']}]({newer}.md)")
        if number < len(chunks):
            nav.append(f"[{t['older']} →]({stem}-page-{number + 1}.md)")
        heading = title if number == 1 else f"{title} ({str(t['page_of']).format(page=number, pages=len(chunks))})"
        text = _front(heading) + f"# {md_text(heading)}\n\n{intro}\n\n" + _list(chunk, lang, "../")
        if nav:
            text += "\n" + " · ".join(nav) + "\n"
        pages[f"{folder}/{name}.md"] = text
    return pages


def archive_pages(briefings: list[Briefing], lang: str) -> dict[str, str]:
    t = ui()[lang]
    months: dict[str, list[Briefing]] = defaultdict(list)
    for b in briefings:
        months[_month_key(b.meta.display_date)].append(b)
    index = _front(str(t["archive_title"])) + f'# {t["archive_title"]}\n\n{t["archive_intro"]}\n\n'
    index += "\n".join(f"- [{_month_label(k, lang)}]({k}.md) ({_count(len(v), lang)})"
                       for k, v in sorted(months.items(), reverse=True)) + "\n"
    pages = {"archive/index.md": index}
    for key, items in months.items():
        pages.update(paged("archive", key, _month_label(key, lang), "", items, lang))
    return pages


def topic_pages(briefings: list[Briefing], lang: str) -> dict[str, str]:
    t = ui()[lang]
    tax = taxonomy()
    by_topic: dict[str, list[Briefing]] = defaultdict(list)
    for b in briefings:
        for topic in b.meta.topics:
            by_topic[topic].append(b)
    rows = sorted(by_topic, key=lambda k: tax.label(k, lang).casefold())
    index = _front(str(t["topics_title"])) + f'# {t["topics_title"]}\n\n{t["topics_intro"]}\n\n'
    index += "\n".join(f"- [{md_text(tax.label(k, lang))}]({k}.md) ({_count(len(by_topic[k]), lang)})"
                       for k in rows) + "\n"
    pages = {"topics/index.md": index}
    for k, items in by_topic.items():
        pages.update(paged("topics", k, tax.label(k, lang), str(t["topic_page_intro"]), items, lang))
    return pages


def region_pages(briefings: list[Briefing], lang: str) -> dict[str, str]:
    t = ui()[lang]
    by_region: dict[str, list[Briefing]] = defaultdict(list)
    for b in briefings:
        for code in b.meta.regions:
            by_region[code].append(b)

    def label(code: str) -> str:
        return geo.label(code, lang)

    macros = sorted((c for c in by_region if not geo.is_country(c)), key=lambda c: label(c).casefold())
    index = _front(str(t["regions_title"])) + f'# {t["regions_title"]}\n\n{t["regions_intro"]}\n\n'
    placed: set[str] = set()
    for macro in macros:
        index += f"## [{md_text(label(macro))}]({macro}.md)\n\n{_count(len(by_region[macro]), lang)}\n\n"
        countries = sorted((c for c in by_region if macro in geo.macro_regions(c)), key=lambda c: label(c).casefold())
        placed.update(countries)
        index += "".join(f"- [{md_text(label(c))}]({region_file(c)}.md) ({_count(len(by_region[c]), lang)})\n"
                         for c in countries) + "\n"
    others = sorted((c for c in by_region if geo.is_country(c) and c not in placed), key=lambda c: label(c).casefold())
    index += "".join(f"- [{md_text(label(c))}]({region_file(c)}.md) ({_count(len(by_region[c]), lang)})\n"
                     for c in others)
    pages = {"regions/index.md": index}
    for code, items in by_region.items():
        pages.update(paged("regions", region_file(code), label(code), str(t["region_page_intro"]), items, lang))
    return pages


# ---- feeds ------------------------------------------------------------------------------------

def _published(b: Briefing) -> datetime:
    return datetime.combine(b.meta.display_date, time(0, 0), tzinfo=UTC)


def feeds(briefings: list[Briefing], lang: str) -> dict[str, str]:
    t = ui()[lang]
    base = site_url(lang)
    items = briefings[:FEED_LIMIT]
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = str(t["feed_title"])
    ET.SubElement(channel, "link").text = base
    ET.SubElement(channel, "description").text = str(t["home_intro"])
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
    feed_json = {"version": "https://jsonfeed.org/version/1.1", "title": t["feed_title"], "home_page_url": base,
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


def pages_for(briefings: list[Briefing], lang: str) -> dict[str, str]:
    ordered = _newest_first(briefings)
    pages = {"index.md": home_page(ordered, lang)}
    pages.update({f"briefings/{b.slug}.md": briefing_page(b, lang) for b in ordered})
    pages.update(archive_pages(ordered, lang))
    pages.update(topic_pages(ordered, lang))
    pages.update(region_pages(ordered, lang))
    pages.update(feeds(ordered, lang))
    return pages


def render_site(root: Path, briefings: list[Briefing]) -> RenderResult:
    """Write every generated page under docs/<lang>/; remove generated pages no longer made."""
    result = RenderResult()
    for lang in LANGS:
        docs = root / "docs" / lang
        pages = pages_for(briefings, lang)
        for rel, text in sorted(pages.items()):
            if write_atomic(docs / rel, text):
                result.written += 1
            else:
                result.unchanged += 1
        for folder in GENERATED_DIRS:
            for path in sorted((docs / folder).rglob("*")) if (docs / folder).is_dir() else []:
                if path.is_file() and path.relative_to(docs).as_posix() not in pages:
                    path.unlink()
                    result.removed += 1
        for name in GENERATED_FILES:
            if name not in pages and (docs / name).exists():
                (docs / name).unlink()
                result.removed += 1
    return result

"""Sitemaps and robots.txt, written by render next to the pages: one sitemap per language (every
page, generated or hand-written), a sitemap index at the site root covering both, and robots.txt
pointing to it. A briefing's `lastmod` is its article's date (the date it was added when the
article states none), a story's the latest date of its sources: never the build date.

MkDocs' own sitemap.xml is switched off (overrides/sitemap.xml renders nothing): it dates every
page by the build and does not know the briefings.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from .urls import LANGS, base, site_url

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
INDEX = "sitemap-index.xml"


def page_url(path: str) -> str:
    """A page's URL below its language root, from its path under docs/<lang>/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def sitemap(paths: Iterable[str], lastmod: Mapping[str, date], lang: str) -> str:
    """Every page of one language, in path order; `lastmod` by path where a date is known."""
    urlset = ET.Element("urlset", xmlns=NS)
    for path in sorted(set(paths)):
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = site_url(lang) + page_url(path)
        if path in lastmod:
            ET.SubElement(url, "lastmod").text = lastmod[path].isoformat()
    return _xml(urlset)


def index() -> str:
    root = ET.Element("sitemapindex", xmlns=NS)
    for lang in LANGS:
        ET.SubElement(ET.SubElement(root, "sitemap"), "loc").text = f"{site_url(lang)}sitemap.xml"
    return _xml(root)


def robots() -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base()}{INDEX}\n"


def hand_written(docs: Path) -> list[str]:
    """Markdown pages at the top of docs/<lang>/ (about.md, search.md...): generated pages live
    in folders or are index.md, which the caller knows."""
    return sorted(p.name for p in docs.glob("*.md") if p.name != "index.md") if docs.is_dir() else []

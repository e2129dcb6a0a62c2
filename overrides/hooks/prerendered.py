"""MkDocs hook: a page whose front matter says `prerendered: true` is one block of finished HTML
(newsdesk's listing pages). Python-Markdown would only pass the block through, at about 16 ms
for a page of 50 cards, plus link rewriting; this hands the HTML to the theme as it is, and
skips building the page's Markdown converter at all.

Without this hook (another renderer, e.g. Zensical, which ignores hooks) the page renders the
same, because Markdown passes an HTML block through untouched, but for one thing this hook adds:
the theme's "Skip to content" link, which MkDocs derives from a table of contents that a raw HTML
heading does not enter. Links in these
pages are checked by newsdesk.site.broken_links, since MkDocs does not see them.
"""

from __future__ import annotations

import re
import types
from typing import Any

from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

_HTML: dict[str, str] = {}
_ONCE: dict[str, str] = {}


# The page's own heading, first in every pre-rendered page (newsdesk's templates give it an id).
_TITLE = re.compile(r'\A\s*(?:<div[^<>]*>\s*)?<h1 id="([^"<>]+)"[^<>]*>(.*?)</h1>', re.S)


def _render_nothing(page: Any, config: Any, files: Any) -> None:
    # What MkDocs' Page.render leaves for an empty Markdown text, without building a Python-Markdown
    # instance and its extensions for the page (about 1 ms a page, 10,000 pages per language).
    # The table of contents holds the page's title alone: the theme shows no table of contents
    # for it, but links "Skip to content" to it, as on a Markdown page.
    page.content = ""
    m = _TITLE.match(_HTML.get(page.file.src_uri, ""))
    page.toc = get_toc([{"level": 1, "id": m.group(1), "name": m.group(2), "children": []}] if m else [])
    page.present_anchor_ids = set()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if page.meta.get("prerendered"):
        _HTML[page.file.src_uri] = markdown
        page.render = types.MethodType(_render_nothing, page)
        return ""
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return _HTML.pop(page.file.src_uri, html)


# Blocks of the theme that are the same on many generated pages: the site navigation, the tabs
# and the theme's configuration script. A generated page is out of the navigation and has no
# table of contents, so what these blocks show depends only on the relative links from the page
# to the navigation's pages and to the site's root: pages with the same links (every briefing,
# every topic page...) share one rendering. overrides/main.html renders them through `nd_once`
# (about a quarter of each page's template time); without this hook it renders them on every
# page, with the same result.
def nd_once(name: str, page: Any, nav: Any, base_url: str, caller: Any) -> str:
    # A table of contents of one heading without children is not shown (see _render_nothing).
    if not (page is not None and page.meta.get("prerendered") and page not in nav.pages
            and len(page.toc.items) <= 1 and not any(item.children for item in page.toc.items)):
        return str(caller())
    links = [get_relative_url(p.url, page.url) for p in nav.pages]
    key = "\0".join([name, base_url, *links])
    if key not in _ONCE:
        _ONCE[key] = str(caller())
    return _ONCE[key]


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.globals["nd_once"] = nd_once
    return env


def on_pre_build(config: Any) -> None:
    _ONCE.clear()  # `mkdocs serve` rebuilds in the same process, maybe with a changed navigation

"""MkDocs hook: a page whose front matter says `prerendered: true` is one block of finished HTML
(newsdesk's listing pages). Python-Markdown would only pass the block through, at about 16 ms
for a page of 50 cards, plus link rewriting; this hands the HTML to the theme as it is.

Only a speed-up: without this hook (another renderer, e.g. Zensical, which ignores hooks) the
page renders the same, because Markdown passes an HTML block through untouched. Links in these
pages are checked by newsdesk.site.broken_links, since MkDocs does not see them.
"""

from __future__ import annotations

from typing import Any

_HTML: dict[str, str] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if page.meta.get("prerendered"):
        _HTML[page.file.src_uri] = markdown
        return ""
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return _HTML.pop(page.file.src_uri, html)

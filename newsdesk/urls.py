"""Where the site is published: every absolute URL (canonical links, hreflang, feeds, sitemaps,
robots.txt, Open Graph) is derived here from one setting, NEWSDESK_SITE_URL, the English site's
root. The Italian site is always its it/ sub-folder.

`build.py site` hands these to both MkDocs builds (newsdesk/publish.py), so mkdocs.yml and
mkdocs.it.yml state no URL of their own.
"""

from __future__ import annotations

import os

DEFAULT_SITE_URL = "https://newsdesk.github.io/newsdesk/"
LANGS = ("en", "it")


def base() -> str:
    """The English site's root, ending in '/'."""
    url = os.environ.get("NEWSDESK_SITE_URL", "").strip() or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def site_url(lang: str) -> str:
    """A language's root: the base for English, <base><lang>/ for the others."""
    return base() if lang == "en" else f"{base()}{lang}/"


def all_roots() -> dict[str, str]:
    return {lang: site_url(lang) for lang in LANGS}

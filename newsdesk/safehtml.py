"""A briefing's Markdown body -> HTML that can carry no script, whatever the body says.

Contributors are trusted to write Markdown, not script. The body is converted here with
Python-Markdown (no attr_list, no md_in_html: nothing that sets attributes), then cleaned by nh3
(Python bindings to the Rust sanitiser ammonia) against a small allowlist: the tags a briefing
body uses, no event-handler or style attribute, and only http, https and mailto URLs or relative
ones. The page template embeds the result as an HTML block, which MkDocs passes through untouched.
"""

from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3

TAGS = {"div", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "b", "i", "code", "pre",
        "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "del", "sup", "sub"}
ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Admonitions ("!!! warning", as the pending-translation notice is written) keep Material's look:
# only these classes survive, so a body cannot borrow the theme's other classes.
ADMONITION_TYPES = {"note", "info", "tip", "warning", "danger", "example", "quote"}
CLASSES = {"div": {"admonition", *ADMONITION_TYPES}, "p": {"admonition-title"}}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    # None of these extensions lets the text set an attribute or an id; admonition only adds
    # the classes CLASSES allows.
    return markdown.Markdown(extensions=["tables", "sane_lists", "admonition"], output_format="html")


# A relative URL a person would write: a path, a query or a fragment, nothing that only looks
# relative to ammonia because its scheme is hidden behind '<' or spaces.
_RELATIVE = re.compile(r"^[A-Za-z0-9_.~/#?%&=+-][^\s<>\"'`\\]*$")


def _url_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute != "href":
        return value
    return value if value.startswith(("http://", "https://", "mailto:")) or _RELATIVE.match(value) else None


def clean(fragment: str) -> str:
    """HTML -> the same HTML with everything outside the allowlist dropped."""
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     attribute_filter=_url_filter, link_rel="noopener noreferrer", strip_comments=True,
                     allowed_classes=CLASSES)


def body_html(text: str) -> str:
    """A briefing body (Markdown) as sanitised HTML."""
    md = _converter()
    md.reset()
    return clean(md.convert(text))

"""A briefing's Markdown body -> HTML that can carry no script, whatever the body says.

Contributors are trusted to write Markdown, not script. The body is converted here with
Python-Markdown (no attr_list, no md_in_html: nothing that sets attributes), then cleaned by nh3
(Python bindings to the Rust sanitiser ammonia) against a small allowlist: the tags a briefing
body uses, no event-handler or style attribute, and only http, https and mailto URLs or relative
ones. The page template embeds the result as an HTML block, which MkDocs passes through untouched.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
# Python-Markdown is quadratic or worse on some text: 5 KB of '[' took 9 s, 20 KB of '- - -'
# lines or of nested links over 14 s, and 500 nested list levels exceed Python's recursion limit.
# A real body converts in a few milliseconds; one that takes longer than this is refused.
MAX_SECONDS = 2.0


class TooComplexError(ValueError):
    """Markdown that cannot be converted within MAX_SECONDS, or is nested too deep."""


class _Expired(BaseException):
    """Raised by the timer; a BaseException so that no `except Exception` on the way swallows it."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` (a SIGALRM timer). Only the main thread of a process
    receives signals, and an outer timer is never replaced: elsewhere the block runs unbounded."""
    if (not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
    """A briefing body (Markdown) as sanitised HTML; TooComplexError when Python-Markdown cannot
    convert it within MAX_SECONDS."""
    md = _converter()
    try:
        with _deadline(MAX_SECONDS):
            md.reset()
            converted = md.convert(text)
    except _Expired:
        _converter.cache_clear()  # interrupted anywhere: never reuse that converter
        raise TooComplexError(f"its Markdown takes over {MAX_SECONDS:g} s to convert (long runs of '[', '<' or "
                         "'- - -' lines, or deeply nested lists and quotes, are slow to parse)") from None
    except RecursionError:
        _converter.cache_clear()
        raise TooComplexError("its lists or quotes are nested too deep to convert") from None
    return clean(converted)

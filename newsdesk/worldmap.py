"""The world map of the Regions index: the committed shapes (data/world.svg, made once by
tools/make_worldmap.py) shaded by the number of briefings of each country, every shaded country
a link to its region page. Static SVG inline in the page: no tiles, no script, works offline.

The map is for the eye; the table beside it carries the same links and numbers for keyboards
and screen readers, so the SVG is hidden from assistive technology and its links are not tab stops.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from . import datafiles, geo

PATH_RE = re.compile(r'<path id="([A-Z]{2})" d="([^"]+)"/>')
VIEWBOX_RE = re.compile(r'viewBox="([0-9 .]+)"')
# Shades for 1, 2-3, 4-9, 10-29 and 30 or more briefings: counts grow fast on a news site, so
# the steps are roughly logarithmic.
STEPS = (1, 2, 4, 10, 30)


@lru_cache(maxsize=1)
def shapes() -> tuple[str, dict[str, str]]:
    """The viewBox and each country's path data."""
    text = datafiles.read_text("world.svg")
    found = VIEWBOX_RE.search(text)
    if not found:
        raise ValueError("newsdesk/data/world.svg: no viewBox; regenerate it with tools/make_worldmap.py")
    return found.group(1), dict(PATH_RE.findall(text))


def shade(count: int) -> int:
    """0 for no briefings, then 1..len(STEPS)."""
    return sum(1 for step in STEPS if count >= step)


def svg(counts: Mapping[str, int], label: Callable[[str], str], href: Callable[[str], str], title: str) -> str:
    """The map as one line of inline SVG (Markdown leaves a one-line HTML block alone)."""
    view_box, paths = shapes()
    parts = [f'<svg class="nd-map" viewBox="{view_box}" aria-hidden="true" focusable="false">'
             f"<title>{html.escape(title)}</title>"]
    for code, d in paths.items():
        n = counts.get(code, 0)
        path = f'<path class="nd-map-{shade(n)}" d="{d}"><title>{html.escape(label(code))}: {n}</title></path>'
        if n and geo.is_country(code):
            path = f'<a href="{html.escape(href(code))}" tabindex="-1">{path}</a>'
        parts.append(path)
    parts.append("</svg>")
    return "".join(parts)


def legend() -> list[tuple[int, str]]:
    """Each shade and the counts it stands for: (shade, "1", "2-3", ... "30+")."""
    out = []
    for k, low in enumerate(STEPS, 1):
        high = STEPS[k] - 1 if k < len(STEPS) else None
        out.append((k, str(low) if high == low else f"{low}–{high}" if high else f"{low}+"))
    return out

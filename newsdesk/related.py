"""Pages that relate briefings to each other: stories (one event, several sources) and the pages
of organisations and people. Pure functions of the briefings and stories.yaml, like site.py,
whose helpers (templates, cards, paging) they use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from . import names, stories
from .names import Item
from .site import Cards, Row, _count, _date, heading_id, latest, render, summary_of, text_lang, title_of, ui

ENTITY_FOLDERS = {"organizations": "organizations", "people": "people"}


@dataclass(frozen=True)
class Source:
    """One member of a story, as its page lists it."""
    slug: str
    title: str
    outlet: str
    when: str


def outlet_of(b: Item, lang: str) -> str:
    """The publication: its name, else its web address's host. An author ("Redazione") is not one."""
    src = b.meta.source
    if src.publisher:
        return src.publisher
    if src.url:
        return _host(src.url)
    return str(ui()[lang]["outlet_unknown"])


@lru_cache(maxsize=65536)
def _host(url: str) -> str:
    # A story's page and every member's "also reported by" line name each source's outlet.
    return urlsplit(url).hostname or url


def story_when(members: Sequence[Item], lang: str) -> str:
    """A story's date: the latest date its sources state."""
    dates = [b.meta.date for b in members if b.meta.date]
    return _date(max(dates), lang) if dates else str(ui()[lang]["date_not_stated"])



def when_of(b: Item, lang: str) -> str:
    t = ui()[lang]
    return _date(b.meta.date, lang) if b.meta.date else str(t["date_not_stated"])


def source_of(b: Item, lang: str) -> Source:
    return Source(b.slug, title_of(b, lang), outlet_of(b, lang), when_of(b, lang))


def story_page(story: stories.Story, members: Sequence[Item], lang: str) -> str:
    t = ui()[lang]
    by_slug = {b.slug: b for b in members}
    lead = by_slug[story.lead]
    differences = []
    for d in stories.differences(members):
        stated = ", ".join(outlet_of(by_slug[s], lang) for s in d.stated_by)
        missing = ", ".join(outlet_of(by_slug[s], lang) for s in d.not_stated_by)
        differences.append((d.en if lang == "en" else d.it, stated, missing))
    summary = lead.meta.it.summary if lang == "it" else lead.meta.description
    title = title_of(lead, lang)
    ids = {"title": heading_id(title), "summary": heading_id(t["summary"]),
           "sources": heading_id(t["story_sources_title"]), "differences": heading_id(t["story_differences"])}
    return render("story.md.j2", t=t, title=title, description=summary_of(lead, lang), ids=ids,
                  summary=summary, text_lang=text_lang(lead, lang), lead=source_of(lead, lang),
                  sources=[source_of(by_slug[s], lang) for s in story.briefings], differences=differences)


def story_pages(briefings: Sequence[Item], found: Sequence[stories.Story], lang: str) -> dict[str, str]:
    by_slug = {b.slug: b for b in briefings}
    return {f"stories/{s.id}.md": story_page(s, [by_slug[m] for m in s.briefings], lang) for s in found}


def also_reported(b: Item, found: dict[str, stories.Story], by_slug: dict[str, Item],
                  lang: str) -> tuple[str, list[Source]] | None:
    """The story a briefing belongs to, and the other sources of that story."""
    story = found.get(b.slug)
    if story is None:
        return None
    return story.id, [source_of(by_slug[s], lang) for s in story.briefings if s != b.slug]


def by_page(ordered: Sequence[Item], found: dict[str, list[Item]]) -> dict[str, tuple[str, list[Item]]]:
    """Names by the file of their page (names.entity_slug), each with its briefings. Names that
    differ but share a file ("Nvidia" and "NVIDIA.", "Acme" and "ACME" when the gazetteer knows
    neither) make one page, under the name most briefings use, listing all their briefings:
    otherwise one briefing naming "NVIDIA." replaced Nvidia's page with a page of its own."""
    spellings: dict[str, list[str]] = {}
    for name in found:
        spellings.setdefault(names.entity_slug(name), []).append(name)
    out = {}
    for slug, same in spellings.items():
        if len(same) == 1:
            out[slug] = (same[0], found[same[0]])
            continue
        members = {id(b) for name in same for b in found[name]}
        out[slug] = (max(same, key=lambda name: len(found[name])), [b for b in ordered if id(b) in members])
    return out


def entity_pages(ordered: Sequence[Item], lang: str, cards: Cards) -> dict[str, str]:
    """A listing per organisation and per person, newest first, and one index of both."""
    t = ui()[lang]
    pages: dict[str, str] = {}
    groups = []
    for kind, folder in ENTITY_FOLDERS.items():
        found = by_page(ordered, names.index(ordered, kind))
        rows = [Row(name, f"{folder}/{slug}", _count(len(items), lang))
                for slug, (name, items) in sorted(found.items(), key=lambda kv: kv[1][0].casefold())]
        groups.append((str(t[kind]), rows))
        for slug, (name, items) in found.items():
            parent = names.parent(name) if kind == "organizations" else None
            intro = str(t["unit_of"]).format(parent=parent) if parent else str(t[f"{kind}_page_intro"])
            # The newest briefings and a link to the archive, like topic and region pages.
            pages.update(latest(folder, slug, name, intro, list(items), lang, cards))
    pages["names/index.md"] = render("names_index.md.j2", t=t, groups=groups)
    return pages


# Other sources named on a member's page: a story covered by dozens of outlets would otherwise
# put a line of dozens of links on each of them (and change every one when a source joins).
MAX_OTHER_SOURCES = 6


@dataclass(frozen=True)
class StoryLinks:
    """What a member briefing's page shows of its story: the story page and the other sources."""
    id: str
    count: int
    others: list[Source]


def story_links(briefings: Sequence[Item], found: Sequence[stories.Story], lang: str) -> dict[str, StoryLinks]:
    by_slug = {b.slug: b for b in briefings}
    out = {}
    for s in found:
        sources = {o: source_of(by_slug[o], lang) for o in s.briefings}  # once per member, not per pair
        days = {o: by_slug[o].meta.display_date.toordinal() for o in s.briefings}
        for slug in s.briefings:
            # The sources closest in time, in the story's order; the story page lists them all.
            closest = sorted((o for o in s.briefings if o != slug), key=lambda o: (abs(days[o] - days[slug]), o))
            shown = set(closest[:MAX_OTHER_SOURCES])
            out[slug] = StoryLinks(s.id, len(s.briefings), [sources[o] for o in s.briefings if o in shown])
    return out


def home_entries(ordered: Sequence[Item], found: Sequence[stories.Story], lang: str, cards: Cards,
                 limit: int) -> list[str]:
    """Rendered cards for the home page: up to `limit` entries, a story once (as a story card, in
    the place of its newest member), every other briefing as its own card."""
    t = ui()[lang]
    member = stories.membership(found)
    by_slug = {b.slug: b for b in ordered}
    out: list[str] = []
    shown: set[str] = set()
    for b in ordered:
        if len(out) >= limit:
            break
        story = member.get(b.slug)
        if story is None:
            out.extend(cards([b], prefix=""))
        elif story.id not in shown:
            shown.add(story.id)
            lead = by_slug[story.lead]
            out.append(render("story_card.html.j2", t=t, prefix="", id=story.id, title=title_of(lead, lang),
                              when=story_when([by_slug[s] for s in story.briefings], lang),
                              summary=summary_of(lead, lang), text_lang=text_lang(lead, lang),
                              sources=[source_of(by_slug[s], lang) for s in story.briefings]))
    return out

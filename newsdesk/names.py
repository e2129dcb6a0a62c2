"""Names of organisations and people, normalised to one page each.

Briefings store names as the entity finder or a contributor wrote them. Here every spelling maps
to one canonical name (the gazetteer's alias lists plus the `aliases:` section of
data/entities.yaml), and a business unit knows its parent (`units:`): "Alibaba Group" is Alibaba,
"Alibaba Cloud" is a unit of Alibaba with its own page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from slugify import slugify

from . import datafiles
from .briefing import BriefingMeta


class Item(Protocol):
    """What is compared and listed of a briefing: its slug and front matter (a Item, or a row
    of the briefing index)."""

    @property
    def slug(self) -> str: ...

    @property
    def meta(self) -> BriefingMeta: ...

KINDS = ("organizations", "people")  # the kinds that get pages; products do not


@dataclass(frozen=True)
class Names:
    canonical: dict[str, str]  # casefolded spelling -> canonical name
    units: dict[str, str]  # canonical unit -> canonical parent
    outlets: frozenset[str]  # canonical names of news outlets quoted as sources


@lru_cache(maxsize=1)
def names() -> Names:
    data = datafiles.entities()
    canonical: dict[str, str] = {}
    for kind in ("organizations", "people", "products"):
        for name, spellings in data.of_kind(kind).items():
            for spelling in [name, *spellings]:
                canonical[spelling.casefold()] = name
    for spelling, name in data.aliases.items():
        canonical[spelling.casefold()] = canonical.get(name.casefold(), name)

    def canon(name: str) -> str:
        return canonical.get(name.casefold(), name)

    units = {canon(unit): canon(parent) for unit, parent in data.units.items()}
    outlets = frozenset(canon(n) for n in data.news_outlets)
    return Names(canonical, units, outlets)


def canonical(name: str) -> str:
    """The one name an entity's page is under: "NVIDIA" -> "Nvidia", "Alibaba Group" -> "Alibaba"."""
    return names().canonical.get(name.strip().casefold(), name.strip())


def parent(name: str) -> str | None:
    """The parent organisation of a business unit, or None."""
    return names().units.get(canonical(name))


def is_outlet(name: str) -> bool:
    return canonical(name) in names().outlets


@lru_cache(maxsize=65536)
def entity_slug(name: str) -> str:
    """The file name of an entity's page: "Alibaba Cloud" -> alibaba-cloud. (Cached: every
    briefing page links its names, and a corpus names the same organisations again and again.)"""
    return slugify(canonical(name), max_length=80, word_boundary=True) or "entity"


def of_briefing(b: Item, kind: str) -> list[str]:
    """A briefing's organisations or people, canonical, in the briefing's order, once each."""
    out: list[str] = []
    for name in getattr(b.meta.entities, kind):
        name = canonical(name)
        if name not in out:
            out.append(name)
    return out


def subjects(b: Item) -> frozenset[str]:
    """What a briefing is about, for comparing two briefings: its organisations (units count as
    their parent too), people and products, without the news outlets it quotes."""
    found: set[str] = set()
    for kind in ("organizations", "people", "products"):
        for name in getattr(b.meta.entities, kind):
            name = canonical(name)
            if name in names().outlets:
                continue
            found.add(name)
            if name in names().units:
                found.add(names().units[name])
    return frozenset(found)


def index(briefings: Iterable[Item], kind: str) -> dict[str, list[Item]]:
    """Each canonical name of a kind -> its briefings, in the order given. A parent organisation
    also lists its units' briefings."""
    out: dict[str, list[Item]] = {}
    for b in briefings:
        seen: list[str] = []
        for name in of_briefing(b, kind):
            seen.append(name)
            if kind == "organizations" and name in names().units:
                seen.append(names().units[name])
        for name in dict.fromkeys(seen):
            out.setdefault(name, []).append(b)
    return out

"""Where the text of each language of a briefing comes from: one enum, one rank.

This is the one place that knows the engine names. The briefing schema, the CLI's `--engines`
check, the upgrade rule in ingest and the translation chain all use it, so an engine the code
does not know cannot be configured, recorded or ranked.

    pending < apertium < libretranslate < google < human = original

A briefing is re-translated when an engine ranked above the one recorded becomes reachable;
text a person wrote (`human`) or the article's own language (`original`) is never replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from .errors import ConfigError
from .safety import shown


class Engine(StrEnum):
    """Provenance of one language's text. Declared in the order messages list them."""

    GOOGLE = "google"  # Google Translate, through deep-translator
    LIBRETRANSLATE = "libretranslate"  # a LibreTranslate server (self-hosted or not)
    APERTIUM = "apertium"  # Apertium offline, pivoting through Spanish
    ORIGINAL = "original"  # the article's own language: nothing to translate
    HUMAN = "human"  # written or corrected by a person
    PENDING = "pending"  # no engine answered: the text is still in the original language

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def is_machine(self) -> bool:
        """An engine the translation chain can run (what `--engines` accepts)."""
        return self in MACHINE_ENGINES


_RANK = {Engine.PENDING: 0, Engine.APERTIUM: 1, Engine.LIBRETRANSLATE: 2, Engine.GOOGLE: 3,
         Engine.HUMAN: 99, Engine.ORIGINAL: 99}
# The default chain, best first.
MACHINE_ENGINES: tuple[Engine, ...] = (Engine.GOOGLE, Engine.LIBRETRANSLATE, Engine.APERTIUM)


def engine_rank(name: str) -> int:
    """Rank of a recorded provenance; anything unknown (a hand-edited index row) ranks like a
    person's text, so it is never overwritten by a guess."""
    try:
        return Engine(name).rank
    except ValueError:
        return _RANK[Engine.HUMAN]


def parse_engines(names: Sequence[str], where: str = "--engines") -> list[Engine]:
    """Engine names as a user typed them -> engines, or a ConfigError naming the first unknown one."""
    out = []
    for name in names:
        try:
            engine = Engine(name)
        except ValueError:
            engine = None
        if engine is None or not engine.is_machine:
            raise ConfigError(f"{where}: unknown translation engine {shown(name)!r:.40}; choose from "
                              f"{', '.join(MACHINE_ENGINES)} (comma-separated, best first), or '' for none")
        out.append(engine)
    return out

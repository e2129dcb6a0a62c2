"""What readers see in the offline English: Spanish left over from the pivot, and numbers still
written the Italian way. Both checks are independent of the post-editing tables they measure:

- a Spanish leftover is a lower-case word that Apertium's own Spanish analyser (spa-ita) knows
  and its English analyser (eng-spa) does not ("ralentiza", "rubricado", "millardos"), minus a
  short list of English words that analyser lacks;
- an Italian number is "1.800" (thousands with a dot) or "2,5" (decimal comma) in the English.

    python -m tests.eval.offline_english    # the offline output of translations.tsv, flagged
"""

from __future__ import annotations

import csv
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPANISH = Path("/usr/share/apertium/apertium-spa-ita/spa-ita.automorf.bin")
ENGLISH = Path("/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin")
WORD_RE = re.compile(r"(?<![\w-])[a-záéíóúñü]+(?![\w-])")
# English words missing from Apertium's English dictionary that its Spanish one has.
ENGLISH_NOT_IN_APERTIUM = frozenset({"hackers", "hacker", "ransomware", "startups", "startup", "chip", "software",
                                     "hardware", "marketing", "ratio", "stop", "round", "export", "online", "cloud",
                                     "router", "manager", "leader", "e", "a", "no", "son", "fan", "club", "test",
                                     "standard", "gas", "radar", "robot", "robots", "internet", "web", "email",
                                     "bitcoin", "container", "containers", "pesos", "peso", "won", "rand"})
# "1.800" or "1.250.000" (dot thousands), "2,5" (comma decimal): never English.
ITALIAN_NUMBER_RE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?!\d)|\d+,\d{1,2}(?!\d))")


def available() -> bool:
    return SPANISH.exists() and ENGLISH.exists()


def _known(words: Sequence[str], analyser: Path) -> set[str]:
    """The words the analyser recognises (lt-proc marks the others with '*')."""
    if not words:
        return set()
    out = subprocess.run(["lt-proc", "-a", str(analyser)], input="\n".join(words) + "\n", capture_output=True,
                         text=True, check=True, timeout=120).stdout
    return {m.group(1) for m in re.finditer(r"\^([^/$]+)/(?!\*)", out)}


@dataclass(frozen=True)
class Flags:
    spanish: list[list[str]]  # per text, the Spanish leftovers
    numbers: list[list[str]]  # per text, the Italian-formatted numbers


def check(texts: Sequence[str]) -> Flags:
    words = sorted({w for t in texts for w in WORD_RE.findall(t)} - ENGLISH_NOT_IN_APERTIUM)
    spanish_words = _known(words, SPANISH) - _known(words, ENGLISH)
    return Flags(
        spanish=[[w for w in WORD_RE.findall(t) if w in spanish_words] for t in texts],
        numbers=[ITALIAN_NUMBER_RE.findall(t) for t in texts],
    )


def pairs() -> list[dict[str, str]]:
    with (HERE / "translations.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def main() -> int:
    from newsdesk.translate import ApertiumEngine

    rows = pairs()
    english = ApertiumEngine().translate_batch([p["italian"] for p in rows], "it", "en")
    flags = check(english)
    for row, out, spanish, numbers in zip(rows, english, flags.spanish, flags.numbers, strict=True):
        mark = " ".join([*(f"es:{w}" for w in spanish), *(f"num:{n}" for n in numbers)])
        print(f"{row['italian']}\n  -> {out}{'   [' + mark + ']' if mark else ''}")
    print(f"Spanish leftovers: {sum(map(len, flags.spanish))}; Italian-formatted numbers: "
          f"{sum(map(len, flags.numbers))}; sentences: {len(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

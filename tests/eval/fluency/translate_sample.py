"""Fill the two English columns of sentences.tsv: raw Apertium (ita-spa | spa-eng, nothing else)
and newsdesk's offline path (the apertium-only Translator a build uses: protection of names and
figures, the pivot, post-editing). Scores and notes already in the file are kept.

    python -m tests.eval.fluency.translate_sample
"""

from __future__ import annotations

import csv
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from newsdesk.translate import Job, build_translator

SENTENCES = Path(__file__).resolve().parent / "sentences.tsv"
FIELDS = ["article", "italian", "raw_english", "newsdesk_english", "raw_score", "newsdesk_score", "note"]


def raw_apertium(texts: Sequence[str]) -> list[str]:
    """The bare pipe, one text per paragraph, no protection and no post-editing."""
    payload = "\n\n".join(texts) + "\n"
    for mode in ("ita-spa", "spa-eng"):
        payload = subprocess.run(["apertium", "-u", "-f", "txt", mode], input=payload, capture_output=True,
                                 text=True, check=True, timeout=300).stdout
    parts = [" ".join(p.split()) for p in re.split(r"\n\s*\n", payload.strip())]
    if len(parts) != len(texts):
        raise SystemExit(f"raw apertium returned {len(parts)} paragraphs for {len(texts)} sentences")
    return parts


def newsdesk(texts: Sequence[str]) -> list[str]:
    """As ingest does it: one Job through a Translator built with the apertium engine only."""
    translator = build_translator(["apertium"])
    job = Job(list(texts), "it", "en")
    translator.run([job])
    if job.result is None:
        raise SystemExit(f"newsdesk apertium failed: {'; '.join(job.errors) or translator.down}")
    return job.result


def main() -> int:
    with SENTENCES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    italian = [r["italian"] for r in rows]
    for row, raw, ours in zip(rows, raw_apertium(italian), newsdesk(italian), strict=True):
        row["raw_english"], row["newsdesk_english"] = raw, ours
    tmp = SENTENCES.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(SENTENCES)
    print(f"{len(rows)} sentences translated into {SENTENCES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

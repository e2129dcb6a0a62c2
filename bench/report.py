"""bench/results.json -> bench/RESULTS.md (run.py calls this at the end)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

ROWS = [
    ("cold ingest, offline engine (s)", "cold_ingest_s"),
    ("  articles/s", "articles_per_s"),
    ("  translated sentences/s", "sentences_per_s"),
    ("  translated texts", "translated_texts"),
    ("  engine calls (Apertium batches)", "engine_calls"),
    ("warm rebuild, nothing changed (s)", "warm_rebuild_s"),
    ("rebuild after one article changed (s)", "one_changed_s"),
    ("render stage: pages and feeds (s)", "render_s"),
    ("cold `build.py site` after ingest: render, both MkDocs builds, Pagefind (s)", "site_cold_s"),
    ("bare MkDocs + Material, N one-page briefings, one language (s)", "baseline_mkdocs_s"),
    ("  cold site / bare baseline (x)", "site_over_baseline"),
    ("one article added, then `build.py site` (s)", "site_one_added_s"),
    ("peak memory of any one process (MiB)", "peak_rss_mib"),
    ("one briefing page (bytes)", "briefing_page_bytes"),
    ("whole site, both languages (MB)", "site_mb"),
    ("Pagefind indexing, both languages (s)", "pagefind_s"),
    ("search engine measured", "search"),
    ("bytes a browser downloads to run one search", "bytes_per_search"),
]


def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def render(data: dict[str, Any]) -> str:
    results = data["results"]
    for r in results:
        r["site_mb"] = round(r["site_bytes"] / 1e6, 1)
    head = "| measure | " + " | ".join(f"N = {r['n']:,}" for r in results) + " |"
    sep = "| --- | " + " | ".join("---:" for _ in results) + " |"
    rows = [f"| {label} | " + " | ".join(fmt(r.get(key, "")) for r in results) + " |" for label, key in ROWS]
    exps = data.get("exponents_1000_10000", {})
    exp_lines = [f"- {key}: {value}" for key, value in exps.items() if value is not None]
    exp_lines = exp_lines or ["- (needs two sizes)"]
    return "\n".join([
        "# Scale benchmark: results",
        "",
        f"Machine: {data['machine']}.  ",
        f"Date: {data['date']}.  ",
        f"Command: `{data['command']}` (medians of the repeats; at N >= 10,000 the cold builds run once).",
        "",
        "Synthetic corpora from `bench/generate.py` (fixed seed; 300-1,500 words; 80% pasted text, 10% Markdown,",
        "10% HTML). Every stage runs as its own process, as a user runs it.",
        "",
        head, sep, *rows,
        "",
        f"Growth exponent between the two largest sizes, N = {results[-2]['n']:,} and {results[-1]['n']:,} "
        "(1.0 = linear):" if len(results) > 1 else "Growth exponents need two sizes.",
        "",
        *exp_lines,
        "",
        *projection(results),
    ])


PROJECTED = [("whole site, both languages (MB)", "site_bytes", 1e-6),
             ("cold `build.py site` after ingest (s)", "site_cold_s", 1),
             ("one article added, then `build.py site` (s)", "site_one_added_s", 1),
             ("cold ingest (s)", "cold_ingest_s", 1),
             ("peak memory of any one process (MiB)", "peak_rss_mib", 1)]
PAGES_LIMIT_BYTES = 1e9  # GitHub Pages refuses a published site over 1 GB


def projection(results: list[dict[str, Any]], n: int = 100_000) -> list[str]:
    """Each measure at n, from its growth exponent between the two largest sizes measured."""
    if len(results) < 2:
        return []
    a, b = results[-2], results[-1]
    lines = [f"Projected to N = {n:,} from the growth between N = {a['n']:,} and N = {b['n']:,} "
             "(value x (N / N_measured) ^ exponent):", "",
             "| measure | exponent | projected |", "| --- | ---: | ---: |"]
    for label, key, scale in PROJECTED:
        if a.get(key) and b.get(key):
            e = math.log(b[key] / a[key]) / math.log(b["n"] / a["n"])
            lines.append(f"| {label} | {e:.2f} | {fmt(round(b[key] * (n / b['n']) ** e * scale, 1))} |")
            if key == "site_bytes":
                limit_n = b["n"] * (PAGES_LIMIT_BYTES / b[key]) ** (1 / e)
    if "limit_n" in locals():
        lines += ["", f"One site reaches GitHub Pages' 1 GB limit at about N = {limit_n:,.0f} briefings."]
    return [*lines, ""]


def main() -> None:
    data = json.loads((HERE / "results.json").read_text(encoding="utf-8"))
    notes = (HERE / "NOTES.md").read_text(encoding="utf-8") if (HERE / "NOTES.md").exists() else ""
    (HERE / "RESULTS.md").write_text(render(data) + ("\n" + notes if notes else ""), encoding="utf-8")


if __name__ == "__main__":
    main()

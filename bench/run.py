"""Scale benchmark: cold ingest, warm rebuild, one changed article, render, the two MkDocs
builds, memory and sizes, for corpora of N synthetic articles.

    python bench/run.py                      # N = 100, 1000, 10000 (takes about an hour here)
    python bench/run.py --sizes 100 --repeats 3

Every stage runs as its own process, as a user runs it, timed with the median of --repeats runs
(cold ingest and the MkDocs builds of the largest size once: they take minutes). Results go to
bench/results.json and bench/RESULTS.md. Work folders are in bench/out/ (git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from bench.generate import generate  # noqa: E402

PY = sys.executable


def run(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in KiB, stdout) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1763856000"})
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return elapsed, _peak_rss_kib(), out


def _peak_rss_kib() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def median_of(repeats: int, fn: Any) -> float:
    return statistics.median(fn() for _ in range(repeats))


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def setup(n: int) -> Path:
    work = HERE / "out" / str(n)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    generate(n, work / "seeds")
    for name in ("mkdocs.yml", "mkdocs.it.yml"):
        shutil.copy(REPO / name, work / name)
    shutil.copytree(REPO / "overrides", work / "overrides")
    generated = shutil.ignore_patterns("briefings", "topics", "regions", "archive", "index.md", "feed.*")
    shutil.copytree(REPO / "docs", work / "docs", ignore=generated)
    (work / "briefings").mkdir()
    return work


BASELINE_PARAGRAPH = ("Il gruppo ha annunciato un piano di investimenti per rafforzare la propria presenza nel "
                      "settore, con nuovi impianti e accordi con partner industriali in Europa e in Asia. ") * 3


def baseline(n: int) -> float:
    """A bare MkDocs + Material build of n one-page briefings (one language, three paragraphs
    each, out of the navigation): what any MkDocs site of this size costs on this machine."""
    work = HERE / "out" / f"baseline-{n}"
    shutil.rmtree(work, ignore_errors=True)
    (work / "docs" / "briefings").mkdir(parents=True)
    (work / "docs" / "index.md").write_text("# Briefings\n", encoding="utf-8")
    for i in range(n):
        (work / "docs" / "briefings" / f"b{i:05d}.md").write_text(
            f"# Briefing {i}\n\n" + "\n\n".join([BASELINE_PARAGRAPH] * 3) + "\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text("site_name: baseline\ntheme: {name: material}\nplugins: []\n"
                                     "not_in_nav: /briefings/\nnav: [index.md]\n", encoding="utf-8")
    return run([PY, "-m", "mkdocs", "build", "-q"], work)[0]


def bench_size(n: int, repeats: int, heavy_once: bool) -> dict[str, Any]:
    work = setup(n)
    build = [PY, str(REPO / "build.py"), "--root", str(work), "--offline"]
    r: dict[str, Any] = {"n": n}

    t, _, out = run([*build[:2], "ingest", *build[2:]], work)
    m = re.search(r"translation: (\d+) text\(s\) in (\d+) engine call", out)
    r["cold_ingest_s"] = round(t, 2)
    r["translated_texts"] = int(m.group(1)) if m else 0
    r["engine_calls"] = int(m.group(2)) if m else 0
    r["articles_per_s"] = round(n / t, 1)
    r["sentences_per_s"] = round(r["translated_texts"] / t, 1)

    def warm() -> float:
        t, _, out = run([*build[:2], "ingest", *build[2:]], work)
        assert f"0 new, 0 updated, {n} unchanged" in out and "engine call" not in out, out[-500:]
        return t

    warm()  # the first warm run fills the briefing index from a fresh checkout
    r["warm_rebuild_s"] = round(median_of(repeats, warm), 3)

    seeds = sorted((work / "seeds").glob("*.txt"))
    changed = iter(seeds)

    def one_changed() -> float:
        seed = next(changed)
        seed.write_text(seed.read_text(encoding="utf-8") + "\nUn paragrafo aggiunto per la prova di velocità.\n",
                        encoding="utf-8")
        t, _, out = run([*build[:2], "ingest", *build[2:]], work)
        assert "0 new, 1 updated" in out, out[-500:]
        return t

    r["one_changed_s"] = round(median_of(repeats, one_changed), 3)

    def render() -> float:
        for lang in ("en", "it"):
            for folder in ("briefings", "topics", "regions", "archive"):
                shutil.rmtree(work / "docs" / lang / folder, ignore_errors=True)
        t, _, _ = run([*build[:2], "render", "--root", str(work)], work)
        return t

    r["render_s"] = round(median_of(repeats, render), 2)
    heavy = 1 if heavy_once else repeats

    def cold_site() -> float:
        # What CI does after ingest with no previous build: render, both MkDocs builds, Pagefind.
        for lang in ("en", "it"):
            for folder in ("briefings", "topics", "regions", "archive"):
                shutil.rmtree(work / "docs" / lang / folder, ignore_errors=True)
        shutil.rmtree(work / "site", ignore_errors=True)
        (work / ".newsdesk-cache" / "site-stamp").unlink(missing_ok=True)
        return run([*build[:2], "site", *build[2:]], work)[0]

    r["site_cold_s"] = round(median_of(heavy, cold_site), 2)
    r["peak_rss_mib"] = round(_peak_rss_kib() / 1024, 1)

    def pagefind_full() -> float:
        # Every bundle of the search index rebuilt: newsdesk/search_index.py without its manifest.
        (work / ".newsdesk-cache" / "search-index.json").unlink(missing_ok=True)
        code = f"import sys; sys.path.insert(0, {str(REPO)!r}); from pathlib import Path; " \
               "from newsdesk.search_index import index_site; sys.exit(index_site(Path('.')))"
        return run([PY, "-c", code], work)[0]

    r["pagefind_s"] = round(median_of(heavy, pagefind_full), 2)
    extra = iter(generate(n + repeats, work / "extra")[n:])

    def one_added() -> float:
        # One new article, then the whole `build.py site` a desk runs: ingest, render, MkDocs, Pagefind.
        seed = next(extra)
        shutil.copy(seed, work / "seeds" / f"zz-added-{seed.name}")
        t, _, out = run([*build[:2], "site", *build[2:]], work)
        assert "1 new" in out, out[-500:]
        return t

    r["site_one_added_s"] = round(median_of(repeats, one_added), 2)
    r["baseline_mkdocs_s"] = round(median_of(heavy, lambda: baseline(n)), 2)
    r["site_over_baseline"] = round(r["site_cold_s"] / r["baseline_mkdocs_s"], 1)

    site = work / "site"
    page = next((site / "briefings").iterdir()) / "index.html"
    r["briefing_page_bytes"] = page.stat().st_size
    r["site_bytes"] = folder_size(site)
    from bench.search_bytes import measure

    r.update(measure(site, "nvidia"))
    r["search"] = "pagefind" if "pagefind_bytes" in r else "material"
    r["bytes_per_search"] = r.get("pagefind_bytes", r.get("material_bytes", 0))
    return r


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"


def exponent(results: list[dict[str, Any]], key: str, a: int, b: int) -> float | None:
    by_n = {r["n"]: r for r in results}
    if a in by_n and b in by_n and by_n[a].get(key) and key in by_n[b]:
        return round(math.log(by_n[b][key] / by_n[a][key]) / math.log(b / a), 2)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--merge", action="store_true", help="keep results.json's other sizes")
    args = parser.parse_args()
    results = []
    if args.merge and (HERE / "results.json").exists():
        old = json.loads((HERE / "results.json").read_text(encoding="utf-8"))["results"]
        results = [r for r in old if r["n"] not in args.sizes]
    for n in args.sizes:
        print(f"N = {n} ...", flush=True)
        results.append(bench_size(n, args.repeats, heavy_once=n >= 10000))
        print(json.dumps(results[-1]), flush=True)
    results.sort(key=lambda r: r["n"])
    data = {"machine": machine(), "command": "python bench/run.py " + " ".join(sys.argv[1:]),
            "date": time.strftime("%Y-%m-%d"), "results": results,
            "exponents_1000_10000": {k: exponent(results, k, results[-2]["n"] if len(results) > 1 else 0,
                                                 results[-1]["n"])
                                     for k in ("cold_ingest_s", "render_s", "site_cold_s", "site_bytes",
                                               "site_one_added_s", "baseline_mkdocs_s")}}
    (HERE / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    from bench import report

    report.main()
    print(json.dumps(data["exponents_1000_10000"]))


if __name__ == "__main__":
    main()

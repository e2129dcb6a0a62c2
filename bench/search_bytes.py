"""What one search costs a reader, measured in headless Chromium: Material's built-in search
(one index file, downloaded whole) or Pagefind (a chunked static index), on a built site. A
Pagefind index split into shards (newsdesk/search_index.py) is searched as the search page does,
through pagefind/newsdesk/pagefind.js, which merges them: every shard's files are counted.

    python bench/search_bytes.py bench/out/10000/site nvidia

Prints JSON: bytes transferred for the search alone (results of the first 5 loaded), per engine.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import threading
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(site: Path, query: str) -> dict[str, int]:
    """Bytes transferred for one search, for each engine the built site has: Material's (its
    search plugin was on) or Pagefind's (site/pagefind/ exists)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        server, base = serve(site)
        for name, present in (("material_bytes", (site / "search" / "search_index.json").exists()),
                              ("pagefind_bytes", (site / "pagefind").is_dir())):
            if not present:
                continue
            page = browser.new_page()
            finished: list = []  # type: ignore[type-arg]
            # Requests are only collected here (asking for a body inside the handler races the
            # page's close) and measured once the network is idle. Pagefind fetches from a worker.
            page.on("requestfinished", lambda request, finished=finished: finished.append(request))
            page.goto(base + "about/")
            if name == "material_bytes":
                box = page.locator("input.md-search__input")
                box.click()
                box.press_sequentially(query)
                page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
            else:
                merged = (site / "pagefind" / "newsdesk" / "pagefind.js").is_file()
                page.evaluate("""async ([q, module]) => {
                    const pf = await import(module);
                    const search = await pf.search(q);
                    await Promise.all(search.results.slice(0, 5).map(r => r.data()));
                }""", [query, "/pagefind/newsdesk/pagefind.js" if merged else "/pagefind/pagefind.js"])
            page.wait_for_load_state("networkidle")
            # Only what search needs: Material's worker, lunr and index; Pagefind's bundle.
            out[name] = sum(r.sizes()["responseBodySize"] for r in finished
                            if any(k in r.url for k in ("search", "lunr", "pagefind")))
            page.close()
        server.shutdown()
        browser.close()
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "nvidia")))

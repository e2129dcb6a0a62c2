"""docs/ -> site/: both MkDocs builds, in parallel, rebuilding only the pages whose source changed,
then the Pagefind index.

An incremental build is safe because nothing on a generated page depends on another page's
content (briefings are not in the navigation) and render writes a page only when its bytes
change, so a page's file time says whether it changed. Anything else that shapes every page
(the MkDocs configurations, overrides/, the MkDocs and Material versions) is hashed into a stamp
in .newsdesk-cache/; when the stamp changes, site/ is emptied and everything is built.

    python -m newsdesk.publish --lang en     # one language (what build_all runs per process)
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

from . import search_index, urls
from .safety import path_problem, shown
from .site import GENERATED_DIRS

CONFIGS = {"en": "mkdocs.yml", "it": "mkdocs.it.yml"}
STAMP = Path(".newsdesk-cache") / "site-stamp"


def stamp(root: Path) -> str:
    """A hash of everything besides a page's own source that shapes the built pages."""
    h = hashlib.sha256()
    h.update(f"site_url={urls.base()}\n".encode())  # every page links absolutely to it
    for pkg in ("mkdocs", "mkdocs-material"):
        h.update(f"{pkg}=={version(pkg)}\n".encode())
    paths = [root / c for c in CONFIGS.values()] + sorted(p for p in (root / "overrides").rglob("*") if p.is_file())
    for path in paths:
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def remove_stale_pages(root: Path) -> int:
    """HTML of generated pages whose source is gone (a deleted briefing, a page of a listing
    that got shorter): an incremental build would otherwise keep publishing them."""
    removed = 0
    for lang in CONFIGS:
        docs = root / "docs" / lang
        out = root / "site" if lang == "en" else root / "site" / lang
        for folder in GENERATED_DIRS:
            for page in sorted((out / folder).glob("*/index.html")) if (out / folder).is_dir() else []:
                name = page.parent.name
                if not (docs / folder / f"{name}.md").is_file():
                    shutil.rmtree(page.parent)
                    removed += 1
    return removed


class _DropDirtyWarning(logging.Filter):
    # MkDocs warns that --dirty is for development, because its navigation could go stale; ours
    # holds only hand-written pages. In strict mode that warning alone would fail the build.
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def config_for(lang: str) -> Any:
    """A language's MkDocs configuration with its URL from newsdesk/urls.py, the one place the
    site's address is set; the templates get every language's root for hreflang links."""
    from mkdocs.config import load_config

    config = load_config(CONFIGS[lang], strict=True, site_url=urls.site_url(lang))
    config.extra["site_urls"] = urls.all_roots()
    return config


def build_one(root: Path, lang: str) -> None:
    """One language, strict, incremental (pages whose source is older than their HTML are skipped)."""
    from mkdocs.commands.build import build

    logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    os.chdir(root)
    config = config_for(lang)
    build(config, dirty=True)


PUBLISHED = ("docs", "overrides")  # MkDocs copies every file in these folders into site/


def unpublishable(root: Path) -> list[str]:
    """Entries of docs/ and overrides/ that MkDocs would copy into site/ but are not the project's
    own files: a symlink out of the project (`docs/en/x.txt -> /etc/passwd`, `-> /proc/self/environ`)
    or into a hidden folder (`-> ../../.git/config`, where actions/checkout keeps its token), a
    symlinked folder (MkDocs follows it and publishes what it holds), a dangling link, a FIFO or
    a device (copying one blocks the build). Each as `<path>: <problem>`."""
    problems = []
    stack = [root / top for top in PUBLISHED if (root / top).exists()]
    while stack:
        folder = stack.pop()
        if folder.is_symlink():
            problems.append(f"{shown(folder.relative_to(root).as_posix())}: is a symlink to a folder, which is never "
                            "published (MkDocs would copy whatever it holds); put the files themselves there")
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                path = Path(entry.path)
                if entry.is_dir():  # a symlinked folder too: refused above when popped
                    stack.append(path)
                elif entry.is_symlink() or not entry.is_file(follow_symlinks=False):
                    problem = path_problem(path, root)
                    if problem is not None:
                        problems.append(f"{shown(path.relative_to(root).as_posix())}: {problem}")
    return sorted(problems)


def build_all(root: Path) -> int:
    """Both languages in parallel processes, then Pagefind. Returns the exit status."""
    problems = unpublishable(root)
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return _fail("nothing was published: site/ is left as it was")
    current = stamp(root)
    stamp_file = root / STAMP
    if not stamp_file.is_file() or stamp_file.read_text(encoding="utf-8") != current:
        shutil.rmtree(root / "site", ignore_errors=True)
    # Written back only after a complete build: a failed one (a strict-mode warning) is rebuilt in
    # full next time, so its warnings are not hidden by pages that look up to date.
    stamp_file.unlink(missing_ok=True)
    remove_stale_pages(root)
    package_home = str(Path(__file__).resolve().parent.parent)  # wherever build.py runs from
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [package_home, os.environ.get("PYTHONPATH")]))}
    procs = {lang: subprocess.Popen([sys.executable, "-m", "newsdesk.publish", "--lang", lang, "--root", str(root)],
                                    env=env) for lang in CONFIGS}
    failed = [lang for lang, p in procs.items() if p.wait() != 0]
    if failed:
        return _fail(f"the MkDocs build of {', '.join(failed)} failed (see above); site/ is incomplete")
    # Pagefind, both languages (by <html lang>), re-indexing only the shards whose pages changed.
    if search_index.index_site(root) != 0:
        return 1
    stamp_file.parent.mkdir(exist_ok=True)
    stamp_file.write_text(current, encoding="utf-8")
    return 0


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description="Build one language of the site (used by build.py site).")
    parser.add_argument("--lang", choices=sorted(CONFIGS), required=True)
    parser.add_argument("--root", type=Path, default=Path("."))
    args = parser.parse_args()
    try:
        build_one(args.root.resolve(), args.lang)
    except Exception as exc:  # MkDocs' own errors (strict-mode aborts) print their cause above.
        print(f"error: mkdocs build ({args.lang}): {exc}", file=sys.stderr)
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()

"""Command line: `python build.py [command]`. Library code raises; this turns errors into
clean lines and exit codes.

Exit codes: 0 success; 1 a seed or briefing failed (or a warning, with --strict); 2 usage.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from .briefing import load_briefings
from .errors import NewsdeskError
from .ingest import Report, ingest
from .translate import DEFAULT_ENGINES, TIMEOUT_S, build_translator

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CACHE_PATH = Path(".newsdesk-cache") / "translations.sqlite"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Turn news articles in seeds/ into bilingual briefings and a static site.",
        epilog="Exit codes: 0 success, 1 a seed or briefing failed (or a warning with --strict), 2 usage error.",
    )
    parser.add_argument("command", nargs="?", default="build",
                        choices=["build", "ingest", "check", "render", "site"],
                        help="build (default): ingest seeds, then render pages; ingest: seeds -> "
                             "briefings only; check: validate briefings; render: briefings -> pages; "
                             "site: build, then both MkDocs sites into site/")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--force", action="store_true",
                        help="regenerate briefings even when edited or reviewed by a person")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every file; tracebacks on errors")
    parser.add_argument("--engines", default=os.environ.get("NEWSDESK_ENGINES", ",".join(DEFAULT_ENGINES)),
                        help="translation engines to try, in order (env NEWSDESK_ENGINES; "
                             "default: %(default)s)")
    parser.add_argument("--offline", action="store_true", help="use the offline engine only (apertium)")
    parser.add_argument("--libretranslate-url", default=os.environ.get("NEWSDESK_LIBRETRANSLATE_URL"),
                        help="LibreTranslate server, e.g. http://localhost:5000/ (env NEWSDESK_LIBRETRANSLATE_URL)")
    parser.add_argument("--timeout", type=float, default=float(os.environ.get("NEWSDESK_TIMEOUT", TIMEOUT_S)),
                        help="seconds per translation request (env NEWSDESK_TIMEOUT; default %(default)s)")
    return parser


def _print_report(report: Report, verbose: bool) -> None:
    out = sys.stdout
    sections = [("new", report.new), ("updated", report.updated), ("pending translation", report.pending),
                ("kept (edited or reviewed)", report.kept)]
    if verbose:
        sections.append(("unchanged", report.unchanged))
    for label, items in sections:
        for item in items:
            print(f"  {label}: {item}", file=out)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for failure in report.failed:
        print(f"error: {failure}", file=sys.stderr)
    if report.engine_calls or verbose:
        print(f"translation: {report.translated_texts} text(s) in {report.engine_calls} engine call(s)", file=out)
    print(f"briefings: {len(report.new)} new, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
          f"{len(report.kept)} kept, {len(report.pending)} pending translation, {len(report.failed)} failed",
          file=out)


def _progress(enabled: bool) -> Callable[[str], None] | None:
    if not enabled:
        return None

    def show(message: str) -> None:
        print(f"\r\033[K{message}", end="", file=sys.stderr, flush=True)

    return show


def run_ingest(args: argparse.Namespace) -> int:
    engines = ["apertium"] if args.offline else [e.strip() for e in args.engines.split(",") if e.strip()]
    translator = build_translator(
        engines, libretranslate_url=args.libretranslate_url,
        libretranslate_key=os.environ.get("NEWSDESK_LIBRETRANSLATE_KEY"),
        cache_path=args.root / CACHE_PATH, timeout=args.timeout,
    )
    many = sys.stderr.isatty() and len(list((args.root / "seeds").glob("*"))) > 20
    report = ingest(args.root, translator, force=args.force, progress=_progress(many))
    if many:
        print(file=sys.stderr)
    _print_report(report, args.verbose)
    if report.failed or (args.strict and report.warnings):
        return EXIT_FAILED
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    briefings, errors = load_briefings(args.root / "briefings", args.root)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    print(f"checked {len(briefings) + len(errors)} briefing(s): {len(errors)} with problems")
    return EXIT_FAILED if errors else EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    from .site import render_site

    briefings, errors = load_briefings(args.root / "briefings", args.root)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    result = render_site(args.root, briefings)
    print(f"pages: {result.written} written, {result.unchanged} unchanged, {result.removed} removed")
    return EXIT_FAILED if errors else EXIT_OK


def run_mkdocs(args: argparse.Namespace) -> int:
    for config in ("mkdocs.yml", "mkdocs.it.yml"):
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(cmd, cwd=args.root, check=False, env=env)
        if done.returncode != 0:
            print(f"error: {' '.join(cmd)} failed (exit {done.returncode})", file=sys.stderr)
            return EXIT_FAILED
    # One Pagefind run indexes both languages (by <html lang>) into site/pagefind/.
    cmd = [sys.executable, "-m", "pagefind", "--site", "site", "--quiet"]
    done = subprocess.run(cmd, cwd=args.root, check=False)
    if done.returncode != 0:
        print(f"error: {' '.join(cmd)} failed (exit {done.returncode})", file=sys.stderr)
        return EXIT_FAILED
    print("site: built into site/ (English) and site/it/ (Italian), search index in site/pagefind/")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        if args.command == "check":
            return run_check(args)
        if args.command == "render":
            return run_render(args)
        status = run_ingest(args)
        if args.command == "ingest":
            return status
        render_status = run_render(args)
        if args.command == "site" and status == EXIT_OK and render_status == EXIT_OK:
            return run_mkdocs(args)
        return max(status, render_status)
    except NewsdeskError as exc:
        if args.verbose:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted: briefings already written are complete; run again to finish", file=sys.stderr)
        return 130

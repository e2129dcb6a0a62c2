"""Command line: `python build.py [command]`. Library code raises; this turns errors into
clean lines and exit codes.

Exit codes: 0 success; 1 a seed or briefing failed, a warning with --strict, another build is
running, or the environment failed (disk full, read-only folder); 2 usage or configuration
error (nothing is run, nothing is created); 130 interrupted.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import datafiles, stories
from .briefing import load_briefings
from .cache import build_lock
from .engines import parse_engines
from .errors import ConfigError, NewsdeskError, bug_report
from .ingest import Report, build_date, ingest, os_problem
from .safety import shown
from .translate import DEFAULT_ENGINES, TIMEOUT_S, build_translator

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
CACHE_PATH = Path(".newsdesk-cache") / "translations.sqlite"
COMMANDS = ("build", "ingest", "check", "render", "site")
WRITING = {"build", "ingest", "render", "site"}
SITE_URL_RE = re.compile(r"^https?://[^\s\"'<>\\`/]+(?:/[^\s\"'<>\\`]*)?$")


# Each command's one-line help (shown in `python build.py --help`) and its own description
# (shown in `python build.py COMMAND --help`).
COMMAND_HELP: dict[str, tuple[str, str]] = {
    "build": ("ingest new and changed seeds, then render the pages (the default)",
              "Read every new or changed seed in seeds/, write its briefing to briefings/ (translating "
              "the summary), then render the Markdown pages and feeds under docs/en/ and docs/it/. "
              "Briefings a person edited or reviewed are kept unless --force."),
    "ingest": ("seeds -> briefings only, with a report",
               "Read every new or changed seed in seeds/ and write its briefing to briefings/. Reports "
               "new / updated / unchanged / kept / pending translation / failed; a bad seed is reported "
               "with the fix and never stops the others."),
    "check": ("validate the data files, every briefing and stories.yaml",
              "Validate the data files in newsdesk/data/ (topics, entities, regions, glossary, interface "
              "strings), every briefing in briefings/ (each problem names the file, the field and what "
              "was expected) and stories.yaml. Writes nothing; --strict also "
              "fails on warnings such as an out-of-date stories.yaml."),
    "render": ("briefings -> generated Markdown pages and feeds",
               "Render every briefing into its English and Italian pages, plus the home, archive, topic, "
               "region, story and name pages and the feeds, under docs/en/ and docs/it/. Seeds are not "
               "read."),
    "site": ("build, then both MkDocs sites and the search index into site/",
             "Run `build`, then the strict MkDocs builds of the English site (site/) and the Italian "
             "site (site/it/) and the Pagefind search index. Serve site/ with any static web server."),
}
EPILOG = ("Exit codes: 0 success, 1 a seed or briefing failed (or a warning with --strict, or "
          "another build is running), 2 usage or configuration error, 130 interrupted.")


def _add_options(parser: argparse.ArgumentParser, default: object | None) -> None:
    """The options every command takes. Sub-commands pass default=SUPPRESS, so an option given
    before the command is not reset by the sub-command's default."""
    def d(value: object) -> object:
        return value if default is None else default

    parser.add_argument("--root", type=Path, default=d(Path(".")), help="project folder (default: .)")
    parser.add_argument("--force", action="store_true", default=d(False),
                        help="regenerate briefings even when edited or reviewed by a person")
    parser.add_argument("--strict", action="store_true", default=d(False),
                        help="treat warnings as errors (exit 1)")
    parser.add_argument("-v", "--verbose", action="store_true", default=d(False),
                        help="list every file; tracebacks on errors")
    parser.add_argument("--engines", default=d(None),
                        help="translation engines to try, in order (env NEWSDESK_ENGINES; "
                             f"default: {','.join(DEFAULT_ENGINES)})")
    parser.add_argument("--offline", action="store_true", default=d(False),
                        help="use the offline engine only (apertium)")
    parser.add_argument("--libretranslate-url", default=d(None),
                        help="LibreTranslate server, e.g. http://localhost:5000/ (env NEWSDESK_LIBRETRANSLATE_URL)")
    parser.add_argument("--timeout", default=d(None),
                        help=f"seconds per translation request (env NEWSDESK_TIMEOUT; default {TIMEOUT_S:g})")


def _parser() -> argparse.ArgumentParser:
    """The parser only parses: environment defaults are read and checked in `configure`."""
    parser = argparse.ArgumentParser(
        prog="python build.py",
        description="Turn news articles in seeds/ into bilingual briefings and a static site.",
        epilog=EPILOG,
    )
    _add_options(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     title="commands (python build.py COMMAND --help for one)")
    for name in COMMANDS:
        short, description = COMMAND_HELP[name]
        sub = commands.add_parser(name, help=short, description=description, epilog=EPILOG)
        _add_options(sub, argparse.SUPPRESS)
    parser.set_defaults(command="build")
    return parser


def _option(args: argparse.Namespace, name: str, env: str) -> tuple[str | None, str]:
    """An option's value and where it came from, for messages: the flag, else the variable."""
    value = getattr(args, name)
    if value is not None:
        return value, f"--{name.replace('_', '-')}"
    return os.environ.get(env), env


def configure(args: argparse.Namespace) -> None:
    """Check every argument and environment variable before anything runs: a ConfigError
    (exit 2) names the option and the fix, and nothing has been created yet."""
    engines, where = _option(args, "engines", "NEWSDESK_ENGINES")
    names = [e.strip() for e in (engines if engines is not None else ",".join(DEFAULT_ENGINES)).split(",")]
    names = [n for n in names if n]
    parse_engines(names, where)  # the one list of engines (engines.py): a ConfigError names the first unknown
    args.engine_names = ["apertium"] if args.offline else names

    timeout, where = _option(args, "timeout", "NEWSDESK_TIMEOUT")
    try:
        args.timeout_s = TIMEOUT_S if timeout in (None, "") else float(timeout or "")
    except ValueError:
        args.timeout_s = math.nan
    if not (math.isfinite(args.timeout_s) and args.timeout_s > 0):
        raise ConfigError(f"{where}={shown(str(timeout))!r:.40} is not a number of seconds; "
                          f"write a positive number such as {TIMEOUT_S:g}")

    url, where = _option(args, "libretranslate_url", "NEWSDESK_LIBRETRANSLATE_URL")
    if url and not url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}={shown(url)!r:.60} is not an http:// or https:// URL; "
                          "write it like http://localhost:5000/")
    args.libretranslate_url = url or None
    # Pasted unescaped into every page's <link rel="canonical"> by the theme, and into the feeds.
    site = os.environ.get("NEWSDESK_SITE_URL")
    if site is not None and not SITE_URL_RE.match(site):
        raise ConfigError(f"NEWSDESK_SITE_URL={shown(site)!r:.60} is not a plain http:// or https:// address; "
                          "write it like https://example.org/newsdesk/ (or unset it)")
    if "NEWSDESK_SITE_URL_IT" in os.environ:
        say("NEWSDESK_SITE_URL_IT is not a setting and is ignored: the Italian site is always the it/ folder "
            "of NEWSDESK_SITE_URL; unset it", err=True, prefix="warning: ")
    build_date()  # SOURCE_DATE_EPOCH, checked now rather than halfway through a build

    root: Path = args.root
    if not root.is_dir():
        raise ConfigError(f"--root {shown(str(root))}: no such folder; pass the project folder "
                          "(the one with seeds/ and briefings/)")
    if not ((root / "seeds").is_dir() or (root / "briefings").is_dir()):
        raise ConfigError(f"--root {shown(str(root))}: no seeds/ or briefings/ folder here, so this is not a "
                          "newsdesk project; pass the project folder (nothing was created)")
    from .site import GENERATED_DIRS, LANGS

    real_root = root.resolve()
    for name in ("seeds", "briefings", "docs", *(f"docs/{lang}" for lang in LANGS)):
        folder = root / name
        if folder.is_symlink() and not folder.resolve().is_relative_to(real_root):
            raise ConfigError(f"{name}/ is a symlink to a folder outside the project, which is never read or "
                              f"written; make {name}/ a real folder inside the project")
    # Folders the build empties and refills (render deletes stale pages, MkDocs cleans site/): a
    # symlink there would let a build delete files elsewhere, seeds/ included.
    for name in ("site", "site/it", *(f"docs/{lang}/{d}" for lang in LANGS for d in GENERATED_DIRS)):
        if (root / name).is_symlink():
            raise ConfigError(f"{name}/ is a symlink; the build deletes and rewrites the files in it, so it "
                              "must be a real folder: delete the symlink (the folder is generated)")


def say(message: str, *, err: bool = False, prefix: str = "") -> None:
    """Print a message whose lines may hold file names: control characters are escaped, so
    an ANSI sequence in a name is shown, never obeyed."""
    for line in str(message).split("\n"):
        print(f"{prefix}{shown(line)}", file=sys.stderr if err else sys.stdout)


def _print_report(report: Report, verbose: bool) -> None:
    sections = [("new", report.new), ("updated", report.updated), ("pending translation", report.pending),
                ("kept (edited or reviewed)", report.kept)]
    if verbose:
        sections.append(("unchanged", report.unchanged))
    for label, items in sections:
        for item in items:
            say(f"  {label}: {item}")
    for warning in report.warnings:
        say(warning, err=True, prefix="warning: ")
    for failure in report.failed:
        say(failure, err=True, prefix="error: ")
    if verbose:
        for trace in report.tracebacks:
            print(trace, file=sys.stderr, end="")
    if report.engine_calls or verbose:
        say(f"translation: {report.translated_texts} text(s) in {report.engine_calls} engine call(s)")
    say(f"briefings: {len(report.new)} new, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.kept)} kept, {len(report.pending)} pending translation, {len(report.failed)} failed")


def _progress(enabled: bool) -> Callable[[str], None] | None:
    if not enabled:
        return None

    def show(message: str) -> None:
        print(f"\r\033[K{shown(message)}", end="", file=sys.stderr, flush=True)

    return show


def run_ingest(args: argparse.Namespace) -> int:
    translator = build_translator(
        args.engine_names, libretranslate_url=args.libretranslate_url,
        libretranslate_key=os.environ.get("NEWSDESK_LIBRETRANSLATE_KEY"),
        cache_root=args.root, timeout=args.timeout_s,
    )
    seeds = args.root / "seeds"
    many = sys.stderr.isatty() and seeds.is_dir() and len(list(seeds.iterdir())) > 20
    report = ingest(args.root, translator, force=args.force, progress=_progress(many))
    if many:
        print(file=sys.stderr)
    _print_report(report, args.verbose)
    if report.failed or (args.strict and report.warnings):
        return EXIT_FAILED
    return EXIT_OK


def _print_briefing_errors(errors: Sequence[NewsdeskError], verbose: bool) -> None:
    for err in errors:
        if verbose and err.__cause__ is not None:
            traceback.print_exception(err.__cause__, file=sys.stderr)
        say(str(err), err=True, prefix="error: ")


def run_check(args: argparse.Namespace) -> int:
    data_problems = datafiles.problems()
    for message in data_problems:
        say(message, err=True, prefix="error: ")
    briefings, errors = load_briefings(args.root / "briefings", args.root)
    _print_briefing_errors(errors, args.verbose)
    say(f"checked {len(briefings) + len(errors)} briefing(s): {len(errors)} with problems")
    story_errors, story_warnings = stories.check(args.root, briefings)
    for message in story_errors:
        say(message, err=True, prefix="error: ")
    for message in story_warnings:
        say(message, err=True, prefix="warning: ")
    if data_problems or errors or story_errors or (args.strict and story_warnings):
        return EXIT_FAILED
    return EXIT_OK


def run_render(args: argparse.Namespace) -> int:
    from .briefing import one_per_article, read_one
    from .cache import BriefingIndex
    from .errors import BriefingError
    from .site import Stored, render_site

    # From the briefing index: unchanged briefings are not parsed again (see site.render_site).
    index = BriefingIndex(args.root)
    try:
        entries, errors = index.scan(args.root)
    finally:
        index.close()
    # One article, two briefings: the same check as load_briefings; the first is rendered.
    unique, twice = one_per_article(entries, lambda e: e.source_url or e.source_sha256)
    errors += twice
    briefings = []
    for e in unique:
        try:
            meta = e.meta()
        except ValueError:
            # A row the schema refuses (written by an older newsdesk, whose schema allowed more,
            # or tampered with: the cache is not trusted): the file itself decides.
            try:
                meta = read_one(args.root / e.path, e.path)[0].meta
            except BriefingError as exc:
                errors.append(exc)
                continue
        briefings.append(Stored(e.slug, meta, e.path, e.sha256))
    _print_briefing_errors(errors, args.verbose)
    try:
        found = stories.update(args.root, briefings)
    except stories.StoriesError as exc:
        for message in exc.problems:
            say(message, err=True, prefix="error: ")
        return EXIT_FAILED
    result = render_site(args.root, briefings, found)
    if args.verbose:
        for trace in result.tracebacks:
            print(trace, file=sys.stderr, end="")
    for problem in result.failed + result.broken:
        say(problem, err=True, prefix="error: ")
    left_out = len(errors) + len(result.failed)
    say(f"pages: {result.written} written, {result.unchanged} unchanged, {result.removed} removed"
        + (f" (from the {len(briefings) - len(result.failed)} valid briefing(s); {left_out} left out)"
           if left_out else ""))
    return EXIT_FAILED if errors or result.failed or result.broken else EXIT_OK


def run_mkdocs(args: argparse.Namespace) -> int:
    from .publish import build_all

    if build_all(args.root) != 0:
        return EXIT_FAILED
    say("site: built into site/ (English) and site/it/ (Italian), search index in site/pagefind/")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    if args.command == "check":
        return run_check(args)
    if args.command == "render":
        return run_render(args)
    status = run_ingest(args)
    if args.command == "ingest":
        return status
    status = max(status, run_render(args))
    if args.command == "site":
        # The site is built from every valid briefing even when an item failed: one bad seed
        # must not keep the others off the site. The exit code still says something failed.
        site_status = run_mkdocs(args)
        if status != EXIT_OK and site_status == EXIT_OK:
            say("site: built without the items that failed above; fix them and run again (exit code 1)",
                err=True, prefix="warning: ")
        status = max(status, site_status)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        configure(args)
    except ConfigError as exc:
        say(str(exc), err=True, prefix="error: ")
        return EXIT_USAGE
    try:
        if args.command not in WRITING:
            return run(args)
        with build_lock(args.root):
            return run(args)
    except NewsdeskError as exc:
        if args.verbose:
            traceback.print_exc()
        say(str(exc), err=True, prefix="error: ")
        return EXIT_FAILED
    except OSError as exc:
        if args.verbose:
            traceback.print_exc()
        where = f"{shown(str(exc.filename))}: " if exc.filename else ""
        say(f"{where}{os_problem(exc)}", err=True, prefix="error: ")
        return EXIT_FAILED
    except KeyboardInterrupt:
        say("interrupted: briefings already written are complete; run again to finish", err=True)
        return EXIT_INTERRUPTED
    except Exception as exc:
        if args.verbose:
            traceback.print_exc()
        say(bug_report(exc), err=True, prefix="error: ")
        return EXIT_FAILED

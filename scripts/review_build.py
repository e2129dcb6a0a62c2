"""What the pull-request workflow runs: build the briefings of a contribution, commit them to the
pull request's branch for review, then check everything and build the site strictly.

    python scripts/review_build.py [--commit] [--push] [--skip-site] [-- ingest options...]

1. `build.py ingest` (the engines given after `--`, online ones where reachable);
2. `build.py render`, which also updates stories.yaml;
3. with --commit, commit the new or changed briefings and stories.yaml ("Generated briefings for
   review"), and with --push push them to the branch the checkout tracks, so the reviewer reads
   and corrects the English in the pull request before merging;
4. `build.py check --strict`;
5. `build.py site` (both MkDocs builds in strict mode and the search index), unless --skip-site.

Every step runs even when an earlier one failed, so one run reports every problem; the exit code
is 1 when any step failed. A summary goes to $GITHUB_STEP_SUMMARY when it is set.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ("briefings", "stories.yaml")
COMMIT_MESSAGE = "Generated briefings for review"
BOT = ("newsdesk-bot", "newsdesk-bot@users.noreply.github.com")


def run(cmd: Sequence[str], cwd: Path) -> int:
    print(f"$ {' '.join(cmd)}", flush=True)
    return subprocess.run(list(cmd), cwd=cwd, check=False).returncode


def git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, check=False, capture_output=True, text=True)


def changed(cwd: Path) -> list[str]:
    """Generated files that differ from the last commit (new ones included)."""
    done = git(["status", "--porcelain", "--untracked-files=all", "--", *GENERATED], cwd)
    return sorted(line[3:] for line in done.stdout.splitlines() if line.strip())


def commit(cwd: Path, files: Sequence[str], push: bool) -> int:
    env_name = git(["config", "user.name"], cwd).stdout.strip()
    identity = [] if env_name else ["-c", f"user.name={BOT[0]}", "-c", f"user.email={BOT[1]}"]
    if git(["add", "--", *GENERATED], cwd).returncode != 0:
        print("error: git add failed", file=sys.stderr)
        return 1
    done = subprocess.run(["git", *identity, "commit", "-q", "-m", COMMIT_MESSAGE, "-m",
                           "Review the English of each briefing, correct it, set translation.reviewed: true "
                           "and delete the checksum line (README: Review a briefing)."],
                          cwd=cwd, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"error: git commit failed: {done.stderr.strip()}", file=sys.stderr)
        return 1
    print(f"committed {len(files)} generated file(s) for review")
    if push:
        pushed = git(["push", "-q", "origin", "HEAD"], cwd)
        if pushed.returncode != 0:
            print(f"error: git push failed: {pushed.stderr.strip()}", file=sys.stderr)
            return 1
        print("pushed to the pull request's branch")
    return 0


def summary(lines: Sequence[str]) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this repository)")
    parser.add_argument("--commit", action="store_true", help="commit generated briefings and stories.yaml")
    parser.add_argument("--push", action="store_true", help="push that commit to the checked-out branch")
    parser.add_argument("--skip-site", action="store_true", help="do not build the site (tests)")
    parser.add_argument("ingest_options", nargs="*", help="options for build.py ingest, after --")
    args = parser.parse_args(argv)
    build = [sys.executable, str(ROOT / "build.py"), "--root", str(args.root)]
    results: list[tuple[str, int]] = []
    results.append(("ingest", run([*build[:2], "ingest", *build[2:], *args.ingest_options], args.root)))
    results.append(("render", run([*build[:2], "render", *build[2:]], args.root)))
    files = changed(args.root)
    if files and args.commit:
        results.append(("commit", commit(args.root, files, args.push)))
    results.append(("check --strict", run([*build[:2], "check", *build[2:], "--strict"], args.root)))
    if not args.skip_site:
        results.append(("site", run([*build[:2], "site", *build[2:], *args.ingest_options], args.root)))
    lines = ["## newsdesk: contribution check", ""]
    lines += [f"- {'✅' if code == 0 else '❌'} `{name}`" for name, code in results]
    if files:
        verb = "committed to this branch" if args.commit else "generated (not committed)"
        lines += ["", f"Briefings {verb} for review:", ""] + [f"- `{f}`" for f in files]
    summary(lines)
    failed = [name for name, code in results if code != 0]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

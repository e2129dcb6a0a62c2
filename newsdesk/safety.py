"""Reading contributors' files safely: what is refused before a byte is parsed.

Trusted: the text contributors write (seeds, briefings' Markdown). Not trusted: where a path
points, how big a file is, what a YAML header expands to, and what a file name prints.

- A seed or briefing is read only when it is a regular file whose real path is inside the
  project root. A symlink is followed when its target is a regular file inside the root and not
  in a hidden folder (.git, .newsdesk-cache, ...); a symlink out of the root, a dangling one,
  a folder, a FIFO or a device is refused with a message naming the file.
- The size is checked with fstat() on the open file, before reading it.
- YAML aliases (`*name`) are refused: a 600-byte header of nested aliases expands to gigabytes.
- File names are printed with control characters escaped, so an ANSI escape in a name cannot
  rewrite the terminal.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import NewsdeskError

# A briefing is a few KB of front matter and Markdown; 1 MB is far beyond any real one.
MAX_BRIEFING_BYTES = 1_000_000

# C0/C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
_UNSAFE = {*range(0x00, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF,
           *range(0x202A, 0x202F),
           *range(0x2066, 0x206A)}


def shown(name: str) -> str:
    """A file name or user text made safe to print: control characters become \\x1b-style escapes."""
    if not any(ord(ch) in _UNSAFE for ch in name):
        return name
    return "".join(ch if ord(ch) not in _UNSAFE else
                   (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}") for ch in name)


def path_problem(path: Path, root: Path) -> str | None:
    """Why `path` (inside a content folder of `root`) must not be read, or None when it is a
    regular file whose real location is inside the root."""
    try:
        real_root = root.resolve(strict=True)
        real = path.resolve(strict=False)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop
        return f"cannot resolve the path ({exc.__class__.__name__}); replace it with a regular file"
    if path.is_symlink():
        if not real.exists():
            return "is a symlink to a missing file; delete it or point it at a file in the project"
        try:
            inside = real.relative_to(real_root)
        except ValueError:
            return ("is a symlink to a file outside the project folder, which is never read; "
                    "copy the file into the project instead")
        if any(part.startswith(".") for part in inside.parts):
            return ("is a symlink into a hidden folder of the project, which is never read; "
                    "copy the file instead")
    else:
        try:
            real.relative_to(real_root)
        except ValueError:
            return "is outside the project folder (through a symlinked folder); it is never read"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc}); check its permissions"
    if stat.S_ISDIR(mode):
        return "is a folder, not a file; rename or remove it"
    if not stat.S_ISREG(mode):
        return "is not a regular file (a pipe, socket or device); remove it"
    return None


def content_files(folder: Path, root: Path, suffixes: tuple[str, ...] | None = None,
                  ) -> list[tuple[Path, str | None]]:
    """Every visible entry of a content folder, sorted, each with the reason it must not be read
    (None when it can). Hidden names (.x.md.123.tmp, .DS_Store) are ignored.

    The folder is resolved once; an entry that is not a symlink is then inside the project
    exactly when the folder is, so only symlinks pay for path_problem's full resolution."""
    if not folder.is_dir():
        return []
    try:
        folder_inside = folder.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        folder_inside = False
    out: list[tuple[Path, str | None]] = []
    with os.scandir(folder) as entries:
        found = sorted(entries, key=lambda e: e.name)
    for entry in found:
        name = entry.name
        if name.startswith(".") or (suffixes is not None and not name.endswith(suffixes)):
            continue
        path = folder / name
        if any(ord(ch) in _UNSAFE for ch in name):
            out.append((path, "the file name has control characters (shown escaped); rename the file"))
        elif entry.is_symlink() or not folder_inside:
            out.append((path, path_problem(path, root)))
        elif entry.is_dir(follow_symlinks=False):
            out.append((path, "is a folder, not a file; rename or remove it"))
        elif not entry.is_file(follow_symlinks=False):
            out.append((path, "is not a regular file (a pipe, socket or device); remove it"))
        else:
            out.append((path, None))
    return out


def briefing_files(root: Path) -> list[tuple[Path, str | None]]:
    """`root/briefings/*.md`, as content_files gives them."""
    return content_files(root / "briefings", root, (".md",))


def read_checked(path: Path, rel: str, error: Callable[[str, str], NewsdeskError],
                 max_bytes: int = MAX_BRIEFING_BYTES, fix: str = "a briefing is a few KB: shorten it") -> bytes:
    """The bytes of a regular file, its size checked on the open file before reading it.
    `error(rel, message)` builds the exception to raise."""
    flags = os.O_RDONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise error(rel, f"cannot be read ({exc.strerror or exc}); check that it exists and its permissions") \
            from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise error(rel, "is not a regular file; remove it")
        if st.st_size > max_bytes:
            raise error(rel, f"file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit; {fix}")
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:  # grew while being read
        raise error(rel, f"file is over the {max_bytes:,}-byte limit; {fix}")
    return data


# ---- YAML without alias expansion ------------------------------------------------------------

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class InvalidDate(str):
    """A YAML timestamp that is not a calendar date (2025-02-30): kept as text for the schema to
    report, instead of a ValueError from deep inside PyYAML."""


class _Loader(_Base):  # type: ignore[misc]
    pass


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    try:
        value = yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return InvalidDate(node.value)
    assert isinstance(value, date | datetime)
    return value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class UnsafeYAMLError(yaml.YAMLError):
    """YAML refused before it is expanded: aliases (*name) or absurd nesting. `line` is 0-based
    within the YAML text."""

    def __init__(self, problem: str, line: int) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


# A real header nests two or three levels; libyaml's composer recurses in C and crashes the
# process (a segfault, not an exception) somewhere past 20,000 levels.
MAX_NESTING = 50
_OPEN, _CLOSE = frozenset("[{"), frozenset("]}")


_DEEP_INDENT_RE = re.compile(rf"^ {{{2 * MAX_NESTING + 1},}}", re.MULTILINE)


def _nesting_problem(text: str) -> UnsafeYAMLError | None:
    deep = _DEEP_INDENT_RE.search(text)
    if deep is not None:
        return UnsafeYAMLError(f"indented more than {2 * MAX_NESTING} spaces; write plain values",
                               text.count("\n", 0, deep.start()))
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return None  # cannot nest deeper than the brackets it has (counted in C: the usual case)
    depth = 0
    for n, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
            if depth > MAX_NESTING:
                return UnsafeYAMLError(f"nested more than {MAX_NESTING} levels deep; write plain values",
                                       text.count("\n", 0, n))
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return None


def load_yaml(text: str) -> Any:
    """yaml.safe_load, minus aliases and deep nesting (UnsafeYAMLError), and with impossible
    dates kept as InvalidDate text.

    The document is composed into nodes first (aliases are shared nodes there, nothing is
    expanded), walked once with a visited set, and constructed only when no node is reached
    twice."""
    problem = _nesting_problem(text)
    if problem is not None:
        raise problem
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        seen: set[int] = set()
        stack = [node]
        while stack:
            current = stack.pop()
            if id(current) in seen:
                raise UnsafeYAMLError("YAML anchors and aliases (&name, *name) are not allowed; "
                                      "write each value out", current.start_mark.line)
            seen.add(id(current))
            if isinstance(current, yaml.SequenceNode):
                stack.extend(current.value)
            elif isinstance(current, yaml.MappingNode):
                keys: set[str] = set()
                for key, value in current.value:
                    # YAML keeps the last of two equal keys: a reviewer reads `title: A` at the
                    # top while the site shows the `title: B` further down.
                    if isinstance(key, yaml.ScalarNode) and key.value in keys:
                        raise UnsafeYAMLError(f"the key {shown(key.value)!r} appears twice; keep one",
                                              key.start_mark.line)
                    if isinstance(key, yaml.ScalarNode):
                        keys.add(key.value)
                    stack.extend((key, value))
        return loader.construct_document(node)
    finally:
        loader.dispose()

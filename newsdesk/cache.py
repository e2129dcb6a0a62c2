"""The one on-disk cache: sqlite files in `<root>/.newsdesk-cache/`, all disposable.

A cache only saves work (translation calls, re-parsing unchanged briefings). Nothing in it is
trusted: every file carries a schema version, every row is converted and checked when it is
read, and any sign of damage (not a database, truncated, another schema, a bad row, the folder
being a file) discards the file and starts an empty one, with one warning line. When the
folder cannot be written (read-only checkout, full disk) the run goes on with a cache in memory.

Public API:

- `CacheDB.open(root, name, version=, schema=, warn=)`: one sqlite file, opened and verified;
  `root=None` gives an in-memory cache (tests, dry runs).
- `CacheDB.read(sql, params, convert)`: rows converted by `convert`; a damaged file or a row
  that `convert` rejects (ValueError, TypeError, KeyError) discards the cache and returns [].
- `CacheDB.write(sql, params)` / `write_many(sql, rows)` / `commit()`: a write that fails
  (read-only, disk full) moves the cache to memory for the rest of the run, with one warning.
- `BriefingIndex`: the briefings/ folder as real columns, so a warm rebuild, duplicate detection
  and the rendered listings need no YAML parsing of unchanged files.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import sqlite3
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from .briefing import Briefing, BriefingMeta, is_pristine, read_one
from .errors import BriefingError, NewsdeskError
from .safety import briefing_files, shown

CACHE_DIR = ".newsdesk-cache"
T = TypeVar("T")
Warn = Callable[[str], None]

# sqlite result codes (sqlite3.Error.sqlite_errorname) meaning "this file is damaged or is not
# ours": discard it. Anything else (READONLY, CANTOPEN, FULL, IOERR, BUSY...) is the environment:
# keep the file and use memory for this run.
_DAMAGED = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_ERROR", "SQLITE_MISMATCH", "SQLITE_SCHEMA",
            "SQLITE_RANGE", "SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CONSTRAINT_DATATYPE",
            "SQLITE_CONSTRAINT_NOTNULL", "SQLITE_CONSTRAINT"}
# How long a second build waits for the first one's write lock before using memory.
BUSY_TIMEOUT_S = 30.0


def _stderr_warning(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _is_damage(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", None) or ""
    if name.startswith("SQLITE_CORRUPT") or name in _DAMAGED:
        return True
    return name == "" and isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


class CacheDB:
    """One sqlite cache file, verified on open and rebuilt on damage. See the module docstring."""

    def __init__(self, path: Path | None, label: str, version: int, schema: str, warn: Warn) -> None:
        self.path = path  # None: in memory
        self.label = label  # for messages: .newsdesk-cache/<name>.sqlite
        self.schema = schema
        # user_version holds the caller's version and a hash of the schema text: an older layout
        # of the same file is "another schema", discarded, never half-read.
        self.version = (version * 1_000_003 + zlib.crc32(schema.encode())) % 2_000_000_000 + 1
        self.warn = warn
        self.warnings: list[str] = []
        self.db = self._connect()

    @classmethod
    def open(cls, root: Path | None, name: str, *, version: int, schema: str,
             warn: Warn | None = None) -> CacheDB:
        """`<root>/.newsdesk-cache/<name>.sqlite` with `schema` (CREATE statements), or an
        in-memory database when root is None. Never raises for a damaged or unwritable cache."""
        label = f"{CACHE_DIR}/{name}.sqlite"
        return cls(None if root is None else root / CACHE_DIR / f"{name}.sqlite", label, version,
                   schema, warn or _stderr_warning)

    # ---- opening ----------------------------------------------------------------------------

    def _warn(self, message: str) -> None:
        line = f"{self.label}: {message}"
        self.warnings.append(line)
        self.warn(line)

    def _memory(self) -> sqlite3.Connection:
        self.path = None
        db = sqlite3.connect(":memory:")
        db.executescript(self.schema)
        db.execute(f"PRAGMA user_version = {self.version}")
        return db

    def _connect(self) -> sqlite3.Connection:
        if self.path is None:
            return self._memory()
        try:
            self._make_folder(self.path.parent)
        except OSError as exc:
            self._warn(f"cannot create the cache folder ({_reason(exc)}); using a cache in memory for this run")
            return self._memory()
        for attempt in (1, 2):
            db = None
            try:
                db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)
                self._verify(db)
                return db
            except _StaleError as exc:
                problem: BaseException = exc
            except sqlite3.Error as exc:
                if not _is_damage(exc):
                    if db is not None:
                        db.close()
                    self._warn(f"cannot use the cache ({_reason(exc)}); using a cache in memory for this run")
                    return self._memory()
                problem = exc
            if db is not None:
                db.close()
            if attempt == 2 or not self._discard(problem):
                break
        self._warn("cannot rebuild the cache; using a cache in memory for this run")
        return self._memory()

    def _make_folder(self, folder: Path) -> None:
        """The cache folder; a file or a symlink in its place is ours to replace."""
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
            self._warn(f"{CACHE_DIR} was not a folder; replaced it with the cache folder")
        folder.mkdir(exist_ok=True)

    def _verify(self, db: sqlite3.Connection) -> None:
        found = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if found == 0 and tables == 0:
            db.executescript(self.schema)
            db.execute(f"PRAGMA user_version = {self.version}")
            db.commit()
            return
        if found != self.version:
            raise _StaleError("written by another version of newsdesk (schema differs)")
        check = db.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise _StaleError(f"damaged ({check})")

    def _discard(self, problem: BaseException) -> bool:
        """Delete the file (and its journal); True when a fresh one can be made."""
        assert self.path is not None
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{self.path}{suffix}").unlink()
        except OSError as exc:
            self._warn(f"unusable ({_reason(problem)}) and cannot be deleted ({_reason(exc)}); "
                       "using a cache in memory for this run")
            self.path = None
            return False
        self._warn(f"unusable ({_reason(problem)}); discarded and rebuilt (a cache is disposable)")
        return True

    def _rebuild(self, problem: BaseException) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        if self.path is not None and self._discard(problem):
            self.db = self._connect()
        else:
            self.db = self._memory()

    # ---- using ------------------------------------------------------------------------------

    def read(self, sql: str, params: Sequence[Any], convert: Callable[[tuple[Any, ...]], T]) -> list[T]:
        """Rows of a query, each through `convert`, which raises ValueError/TypeError on a row it
        cannot use. A damaged file or a rejected row discards the whole cache: the caller starts
        from empty (and the next run rebuilds it)."""
        try:
            return [convert(row) for row in self.db.execute(sql, params).fetchall()]
        except sqlite3.Error as exc:
            if not _is_damage(exc):
                self._to_memory(exc)
                return []
            self._rebuild(exc)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            self._rebuild(ValueError(f"bad row: {_reason(exc)}"))
        return []

    def write(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.write_many(sql, [params])

    def write_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Insert, update or delete. A failure never stops the build: a damaged file is rebuilt
        (the rows are lost, a cache may lose rows), an unwritable one moves to memory."""
        rows = list(rows)
        try:
            self.db.executemany(sql, rows)
            return
        except sqlite3.Error as exc:
            if _is_damage(exc):
                self._rebuild(exc)
            else:
                self._to_memory(exc)
        with contextlib.suppress(sqlite3.Error):
            self.db.executemany(sql, rows)

    def commit(self) -> None:
        try:
            self.db.commit()
        except sqlite3.Error as exc:
            self._to_memory(exc)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()

    def _to_memory(self, exc: sqlite3.Error) -> None:
        if self.path is None:
            return
        self._warn(f"cannot write ({_reason(exc)}); using a cache in memory for the rest of this run")
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.db = self._memory()


class _StaleError(Exception):
    """The file is a database, but not one this version can use."""


# ---- the briefing index ------------------------------------------------------------------------

INDEX_VERSION = 1
INDEX_SCHEMA = """
CREATE TABLE briefing (
    name TEXT PRIMARY KEY,        -- file name in briefings/, e.g. alibaba-expands.md
    mtime_ns INTEGER NOT NULL,    -- stat() when the row was made: a touched file is re-read
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,         -- of the file's bytes: verified again before any overwrite
    slug TEXT NOT NULL,
    title TEXT NOT NULL,          -- English
    title_it TEXT NOT NULL,
    description TEXT NOT NULL,    -- English sentence: cards, feeds
    summary_it TEXT NOT NULL,
    date TEXT,                    -- ISO publication date, or NULL
    added TEXT NOT NULL,          -- ISO
    topics TEXT NOT NULL,         -- JSON list of topic ids
    regions TEXT NOT NULL,        -- JSON list of region codes
    engine TEXT NOT NULL,
    reviewed INTEGER NOT NULL,
    pristine INTEGER NOT NULL,    -- exactly as the build wrote it (checksum line matches)
    source_file TEXT,
    source_sha256 TEXT,
    source_url TEXT,
    text_hash TEXT,               -- normalised text of the seed it was built from, when known
    meta TEXT NOT NULL            -- the whole front matter as JSON (BriefingMeta)
) STRICT;
CREATE INDEX briefing_url ON briefing(source_url);
CREATE INDEX briefing_text ON briefing(text_hash);
"""
_COLUMNS = ("name", "mtime_ns", "size", "sha256", "slug", "title", "title_it", "description", "summary_it",
            "date", "added", "topics", "regions", "engine", "reviewed", "pristine", "source_file",
            "source_sha256", "source_url", "text_hash", "meta")


@dataclass(frozen=True)
class IndexEntry:
    """One briefing as the index knows it: everything ingest decides on and a listing shows."""

    path: str  # briefings/<slug>.md
    mtime_ns: int
    size: int
    sha256: str  # of the file's bytes
    slug: str
    title: str
    title_it: str
    description: str
    summary_it: str
    date: datetime.date | None
    added: datetime.date
    topics: tuple[str, ...]
    regions: tuple[str, ...]
    engine: str
    reviewed: bool
    pristine: bool
    source_file: str | None
    source_sha256: str | None
    source_url: str | None
    text_hash: str | None
    meta_json: str = field(repr=False, default="")

    @property
    def display_date(self) -> datetime.date:
        return self.date or self.added

    def meta(self) -> BriefingMeta:
        """The full, validated front matter, without reading the file."""
        return BriefingMeta.model_validate_json(self.meta_json)

    @classmethod
    def of(cls, b: Briefing, raw: bytes, mtime_ns: int, text_hash: str | None = None) -> IndexEntry:
        m = b.meta
        return cls(
            path=b.path, mtime_ns=mtime_ns, size=len(raw), sha256=hashlib.sha256(raw).hexdigest(),
            slug=m.slug, title=m.title, title_it=m.it.title, description=m.description, summary_it=m.it.summary,
            date=m.date, added=m.added, topics=tuple(m.topics), regions=tuple(m.regions),
            engine=m.translation.engine, reviewed=m.translation.reviewed,
            pristine=is_pristine(raw.decode("utf-8")), source_file=m.source.file,
            source_sha256=m.source.sha256, source_url=m.source.url, text_hash=text_hash,
            meta_json=m.model_dump_json(),
        )

    def row(self) -> tuple[Any, ...]:
        return (Path(self.path).name, self.mtime_ns, self.size, self.sha256, self.slug, self.title, self.title_it,
                self.description, self.summary_it, self.date.isoformat() if self.date else None,
                self.added.isoformat(), json.dumps(list(self.topics)), json.dumps(list(self.regions)),
                self.engine, int(self.reviewed), int(self.pristine), self.source_file, self.source_sha256,
                self.source_url, self.text_hash, self.meta_json)

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> IndexEntry:
        """A row back to an entry; raises ValueError/TypeError on anything malformed."""
        d = dict(zip(_COLUMNS, row, strict=True))

        def strings(value: Any) -> tuple[str, ...]:
            items = json.loads(value)
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ValueError("expected a JSON list of strings")
            return tuple(items)

        if not isinstance(d["name"], str) or not d["name"].endswith(".md") or "/" in d["name"]:
            raise ValueError(f"bad file name {d['name']!r}")
        return cls(
            path=f"briefings/{d['name']}", mtime_ns=int(d["mtime_ns"]), size=int(d["size"]), sha256=str(d["sha256"]),
            slug=str(d["slug"]), title=str(d["title"]), title_it=str(d["title_it"]),
            description=str(d["description"]), summary_it=str(d["summary_it"]),
            date=datetime.date.fromisoformat(d["date"]) if d["date"] is not None else None,
            added=datetime.date.fromisoformat(d["added"]), topics=strings(d["topics"]), regions=strings(d["regions"]),
            engine=str(d["engine"]), reviewed=bool(d["reviewed"]), pristine=bool(d["pristine"]),
            source_file=d["source_file"], source_sha256=d["source_sha256"], source_url=d["source_url"],
            text_hash=d["text_hash"], meta_json=str(d["meta"]),
        )


class BriefingIndex:
    """briefings/ as rows in `.newsdesk-cache/briefings.sqlite`.

    A row is trusted while the file's (mtime, size) is unchanged; a file a person touched is
    read and validated again. A fresh checkout has no index and reads everything once. Decisions
    that could lose a person's work (overwriting) never rely on the index alone: see
    `briefing_is_pristine_now` in ingest, which re-reads the file just before writing.
    """

    def __init__(self, root: Path | None, *, warn: Warn | None = None) -> None:
        self.cache = CacheDB.open(root, "briefings", version=INDEX_VERSION, schema=INDEX_SCHEMA, warn=warn)

    def entries(self) -> list[IndexEntry]:
        """Every row as it is now (after `scan`, the folder's briefings), sorted by file name."""
        return self.cache.read(f"SELECT {', '.join(_COLUMNS)} FROM briefing ORDER BY name", (), IndexEntry.from_row)

    def scan(self, root: Path) -> tuple[list[IndexEntry], list[BriefingError]]:
        """Bring the index up to date with `root/briefings/` and return every valid briefing
        and every problem (a bad file is reported, never stops the others)."""
        known = {Path(e.path).name: e for e in self.entries()}
        found, errors = [], []
        seen: set[str] = set()
        fresh: list[IndexEntry] = []
        for path, problem in briefing_files(root):
            rel = f"briefings/{path.name}"
            if problem is not None:
                errors.append(BriefingError(shown(rel), [problem]))
                continue
            seen.add(path.name)
            st = path.stat()
            old = known.get(path.name)
            if old is not None and old.mtime_ns == st.st_mtime_ns and old.size == st.st_size:
                found.append(old)
                continue
            try:
                b, raw = read_one(path, rel)
            except BriefingError as exc:
                errors.append(exc)
                continue
            keep_hash = old.text_hash if old is not None and old.source_sha256 == b.meta.source.sha256 else None
            entry = IndexEntry.of(b, raw, st.st_mtime_ns, keep_hash)
            found.append(entry)
            fresh.append(entry)
        self.cache.write_many(f"INSERT OR REPLACE INTO briefing VALUES ({', '.join('?' * len(_COLUMNS))})",
                              [e.row() for e in fresh])
        self.cache.write_many("DELETE FROM briefing WHERE name = ?", [(n,) for n in set(known) - seen])
        self.cache.commit()
        return found, errors

    def record(self, entry: IndexEntry) -> None:
        """Store a briefing ingest has just written (or verified), with its seed's text hash."""
        self.cache.write(f"INSERT OR REPLACE INTO briefing VALUES ({', '.join('?' * len(_COLUMNS))})", entry.row())

    def set_text_hash(self, path: str, text_hash: str) -> None:
        self.cache.write("UPDATE briefing SET text_hash = ? WHERE name = ?", (text_hash, Path(path).name))

    def commit(self) -> None:
        self.cache.commit()

    def close(self) -> None:
        self.cache.close()


# ---- one build at a time -----------------------------------------------------------------------

class BuildRunningError(NewsdeskError):
    """Another build holds the lock of this project folder."""


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold `<root>/.newsdesk-cache/build.lock` for the whole run. A second build in the same
    folder stops at once with BuildRunningError (exit 1) instead of racing the first one over
    briefings/, docs/ and site/. The lock is the kernel's (flock): a killed build releases it.
    Where locks do not exist (Windows) or the folder cannot be written, the build runs unlocked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    folder = root / CACHE_DIR
    try:
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
        folder.mkdir(exist_ok=True)
        fd = os.open(folder / "build.lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise BuildRunningError(
                f"another build is running in this folder{f' (process {holder})' if holder.isdigit() else ''}; "
                "wait for it to finish and run again") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)

"""A cache is disposable: whatever is in .newsdesk-cache/, a build gives the same briefings,
with at most one warning line naming the cache file, and never a traceback."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.briefing import is_pristine
from newsdesk.cache import CACHE_DIR, BriefingIndex, CacheDB
from newsdesk.cli import main

from .conftest import REPO

INDEX = f"{CACHE_DIR}/briefings.sqlite"
COMMITTED = sorted(p.name for p in (REPO / "briefings").glob("*.md"))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project with the committed briefings and a warm index."""
    root = tmp_path / "p"
    shutil.copytree(REPO / "briefings", root / "briefings")
    (root / "seeds").mkdir()
    index = BriefingIndex(root)
    index.scan(root)
    index.close()
    return root


def scan(root: Path) -> tuple[list[str], list[str], list[str]]:
    warnings: list[str] = []
    index = BriefingIndex(root, warn=warnings.append)
    entries, errors = index.scan(root)
    index.close()
    return [Path(e.path).name for e in entries], [str(e) for e in errors], warnings


def garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database \x00\xff" * 100)


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def empty_file(path: Path) -> None:
    path.write_bytes(b"")


def other_version(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 7")
    db.commit()
    db.close()


def old_layout(path: Path) -> None:
    """The index as the previous version wrote it: one packed column."""
    path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE b (name TEXT PRIMARY KEY, stamp TEXT, info TEXT)")
    db.execute("INSERT INTO b VALUES ('x.md', '1:2', 'garbage')")
    db.commit()
    db.close()


def right_version_wrong_tables(path: Path) -> None:
    version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE briefing (name TEXT)")
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


def bad_row(column: str, value: object) -> Callable[[Path], None]:
    def corrupt(path: Path) -> None:
        db = sqlite3.connect(path)
        db.execute(f"UPDATE briefing SET {column} = ? WHERE rowid = (SELECT min(rowid) FROM briefing)", (value,))
        db.commit()
        db.close()
    corrupt.__name__ = f"bad_row_{column}"
    return corrupt


DAMAGE = [garbage, truncated, other_version, old_layout, right_version_wrong_tables,
          bad_row("added", "not a date"), bad_row("topics", "{not json"), bad_row("regions", '[1, 2]'),
          bad_row("name", "../../etc/passwd")]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
def test_damaged_index_is_rebuilt_with_one_warning(root: Path, damage: Callable[[Path], None]) -> None:
    damage(root / INDEX)
    names, errors, warnings = scan(root)
    assert names == COMMITTED and errors == []
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{INDEX}: unusable (")
    assert warnings[0].endswith("discarded and rebuilt (a cache is disposable)")
    assert "\n" not in warnings[0]
    # ...and the rebuilt file is a good one: the next run has nothing to say.
    assert scan(root) == (COMMITTED, [], [])


def test_empty_index_file_is_a_fresh_cache(root: Path) -> None:
    empty_file(root / INDEX)  # sqlite treats an empty file as a new database
    assert scan(root) == (COMMITTED, [], [])


def test_cache_folder_being_a_file_is_replaced(root: Path) -> None:
    shutil.rmtree(root / CACHE_DIR)
    (root / CACHE_DIR).write_text("oops", encoding="utf-8")
    names, errors, warnings = scan(root)
    assert names == COMMITTED and errors == []
    assert warnings == [f"{INDEX}: {CACHE_DIR} was not a folder; replaced it with the cache folder"]
    assert (root / INDEX).is_file()


def test_cache_folder_symlinked_outside_is_not_written_through(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.rmtree(root / CACHE_DIR)
    (root / CACHE_DIR).symlink_to(outside, target_is_directory=True)
    names, _, warnings = scan(root)
    assert names == COMMITTED
    assert warnings == [f"{INDEX}: {CACHE_DIR} was not a folder; replaced it with the cache folder"]
    assert list(outside.iterdir()) == []


def test_read_only_cache_runs_in_memory(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = sqlite3.connect

    def read_only(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        if database == ":memory:":
            return real(database)
        return real(f"file:{database}?mode=ro", uri=True)

    (root / "briefings" / COMMITTED[0]).touch()  # a changed file: the index needs a write
    monkeypatch.setattr(sqlite3, "connect", read_only)
    names, errors, warnings = scan(root)
    assert names == COMMITTED and errors == []
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{INDEX}: cannot write (attempt to write a readonly database)")
    assert (root / INDEX).is_file()  # kept: the environment is at fault, not the file


def test_unwritable_cache_folder_runs_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    warnings: list[str] = []
    cache = CacheDB.open(tmp_path, "t", version=1, schema="CREATE TABLE t (k TEXT) STRICT;", warn=warnings.append)
    cache.write("INSERT INTO t VALUES (?)", ("a",))
    assert cache.read("SELECT k FROM t", (), lambda row: str(row[0])) == ["a"]
    assert warnings == [f"{CACHE_DIR}/t.sqlite: cannot create the cache folder (Permission denied); "
                        "using a cache in memory for this run"]


def test_full_disk_during_a_write_keeps_the_build_going(tmp_path: Path) -> None:
    warnings: list[str] = []
    cache = CacheDB.open(tmp_path, "t", version=1, schema="CREATE TABLE t (k TEXT) STRICT;", warn=warnings.append)

    class Full:
        def executemany(self, *args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            pass

    cache.db = Full()  # type: ignore[assignment]
    cache.write("INSERT INTO t VALUES (?)", ("a",))
    assert cache.read("SELECT k FROM t", (), lambda row: str(row[0])) == ["a"]
    assert warnings == [f"{CACHE_DIR}/t.sqlite: cannot write (database or disk is full); "
                        "using a cache in memory for the rest of this run"]


def test_schema_change_discards_the_old_file(tmp_path: Path) -> None:
    warnings: list[str] = []
    first = CacheDB.open(tmp_path, "t", version=1, schema="CREATE TABLE t (k TEXT) STRICT;", warn=warnings.append)
    first.write("INSERT INTO t VALUES (?)", ("a",))
    first.commit()
    first.close()
    second = CacheDB.open(tmp_path, "t", version=2, schema="CREATE TABLE t (k TEXT) STRICT;", warn=warnings.append)
    assert second.read("SELECT k FROM t", (), lambda row: str(row[0])) == []
    assert warnings == [f"{CACHE_DIR}/t.sqlite: unusable (written by another version of newsdesk (schema "
                        "differs)); discarded and rebuilt (a cache is disposable)"]


def test_index_serves_listings_without_reparsing(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk import cache as cache_module

    monkeypatch.setattr(cache_module, "read_one", lambda *a: pytest.fail("re-read an unchanged file"))
    index = BriefingIndex(root)
    entries, errors = index.scan(root)
    assert errors == []
    entry = entries[0]
    meta = entry.meta()
    assert (entry.title, entry.title_it, entry.description) == (meta.title, meta.it.title, meta.description)
    assert entry.topics == tuple(meta.topics) and entry.regions == tuple(meta.regions)
    raw = (root / entry.path).read_bytes()
    assert entry.pristine == is_pristine(raw.decode()) and entry.reviewed == meta.translation.reviewed
    assert entry.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("damage", [garbage, truncated, other_version], ids=lambda f: f.__name__)
def test_ingest_with_a_damaged_index_changes_nothing(root: Path, damage: Callable[[Path], None],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(REPO / "seeds", root / "seeds", dirs_exist_ok=True)
    before = {p.name: p.read_bytes() for p in (root / "briefings").iterdir()}
    damage(root / INDEX)
    assert main(["ingest", "--root", str(root), "--engines", ""]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert f"warning: {INDEX}: unusable (" in captured.err
    assert {p.name: p.read_bytes() for p in (root / "briefings").iterdir()} == before


@pytest.mark.parametrize("meta", ['{"title": "x"}', '{"figures": [{"value": null}]}', "not json"])
def test_an_index_row_whose_front_matter_the_schema_refuses_is_read_from_the_file(
        root: Path, meta: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A row holds the whole front matter as JSON, which render validated without a guard: a row
    written by an older newsdesk (one that let `.nan` through, stored as null) or tampered with
    stopped every render. The file itself decides instead."""
    bad_row("meta", meta)(root / INDEX)
    assert main(["render", "--root", str(root)]) == 0
    assert "error" not in capsys.readouterr().err
    assert sorted(p.name for p in (root / "docs" / "en" / "briefings").glob("*.md")) == COMMITTED

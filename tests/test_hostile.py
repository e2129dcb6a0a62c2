"""Hostile and careless input (issue 7): what an attacker or a careless contributor puts in seeds/
and briefings/, and what a broken environment does to a build.

Every case asserts the exact line the user reads (`error: <file>: <what is wrong>: <fix>`), that
no traceback is printed, that the other items are still built, and, for paths that lead out of
the project, that nothing outside the root is opened (an audit hook watches every open()).
Translation-server faults are in test_translate*.py; XSS in the rendered site in test_site*.py.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk import briefing as briefing_module
from newsdesk import ingest as ingest_module
from newsdesk.briefing import is_pristine, read_briefing
from newsdesk.cache import build_lock
from newsdesk.cli import main
from newsdesk.safety import load_yaml, shown

from .clirun import Run, run
from .conftest import FIXTURES, REPO

HOSTILE = FIXTURES / "hostile"
SLUG_000 = "alibaba-accelera-espansione-ai-con-investimenti-massicci"
SLUG_002 = "alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di"
REAL = sorted([f"{SLUG_000}.md", f"{SLUG_002}.md"])
ARTICLE = (HOSTILE / "seeds" / "crlf_line_endings.txt").read_text(encoding="utf-8")
SECRET = "SEGRETO-7f3a"  # a marker in files outside the project: must never reach it


# ---- helpers ------------------------------------------------------------------------------------



def ingest(capsys: pytest.CaptureFixture[str], root: Path, *extra: str) -> Run:
    return run(capsys, "ingest", "--root", str(root), "--engines", "", *extra)


def built(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "briefings").glob("*.md") if p.is_file() and not p.is_symlink())


_watched: list[tuple[str, list[str]]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _watched and isinstance(args[0], (str, bytes, os.PathLike)):
        real = os.path.realpath(os.fsdecode(args[0]))  # type: ignore[arg-type]
        for prefix, hits in _watched:
            if real.startswith(prefix):
                hits.append(real)


sys.addaudithook(_audit)


@pytest.fixture
def outside(tmp_path: Path) -> Iterator[Path]:
    """A folder outside the project holding a readable article with a secret marker; every
    open() of a file in it during the test is recorded and must not happen."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(f"Notizia riservata {SECRET}\n\n{ARTICLE}", encoding="utf-8")
    (folder / "secret.md").write_text(f"Notizia riservata {SECRET}\n", encoding="utf-8")
    hits: list[str] = []
    _watched.append((str(folder.resolve()), hits))
    yield folder
    _watched.remove((str(folder.resolve()), hits))
    assert hits == [], f"opened outside the project: {hits}"


def no_secret_in(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.suffix in (".md", ".json", ".xml", ".html"):
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path


# ---- seeds: committed fixture files -----------------------------------------------------------------

SEED_ERRORS = {
    "header_date_feb_30.md": "field 'date': '2025-02-30' is not a calendar date; write a real date as YYYY-MM-DD",
    "header_date_year_zero.md": "field 'date': '0000-01-01' is not a calendar date; write a real date as YYYY-MM-DD",
    "header_date_words.md": "field 'date': cannot read 'yesterday' as a date; write it as YYYY-MM-DD",
    "header_title_empty.md": "field 'title': is empty; write a value or delete the line",
    "header_title_list.md": "field 'title': expected one line of text, got a list",
    "header_title_mapping.md": "field 'title': expected one line of text, got a mapping",
    "header_url_without_scheme.md": "field 'url': expected an http:// or https:// URL (got 'www.example.com/a'); "
                                    "write the full address, e.g. https://www.example.com/a",
    "header_url_javascript.md": "field 'url': expected an http:// or https:// URL (got 'javascript:alert(1)'); "
                                "write the full address, e.g. https://www.example.com/a",
    "header_url_data.md": "field 'url': expected an http:// or https:// URL (got 'data:text/html,<script>alert(1)"
                          "</script>'); write the full address, e.g. https://www.example.com/a",
    "header_url_relative.md": "field 'url': expected an http:// or https:// URL (got '/notizie/enel'); "
                              "write the full address, e.g. https://www.example.com/a",
    "header_language_word.md": "field 'language': expected a two-letter code such as it or en (got 'italiano')",
    "header_language_spanish.md": "not Italian or English: the article is in 'es'; newsdesk analyses Italian and "
                                  "English articles only",
    "header_unknown_field.md": "unknown header field(s) summary; allowed: author, date, language, publisher, "
                               "title, url",
    "header_not_a_mapping.md": "the YAML header must be a mapping of 'key: value' lines",
    "header_alias_bomb.md": "YAML header at line 2: YAML anchors and aliases (&name, *name) are not allowed; "
                            "write each value out",
    "header_alias_scalar.md": "YAML header at line 2: YAML anchors and aliases (&name, *name) are not allowed; "
                              "write each value out",
    "header_merge_key.md": "YAML header at line 2: YAML anchors and aliases (&name, *name) are not allowed; "
                           "write each value out",
    "header_deep_nesting.md": "YAML header at line 2: nested more than 50 levels deep; write plain values",
    "header_tab_indent.md": "malformed YAML header at line 3: found a tab character that violates indentation; "
                            "quote values that contain ': ' or '#'",
    "header_python_tag.md": "malformed YAML header at line 2: could not determine a constructor for the tag "
                            "'tag:yaml.org,2002:python/object/apply:os.system'; YAML tags (!!name) are not allowed; "
                            "write plain values",
    "chinese_article.txt": "not Italian or English: the text is mostly in Chinese/Japanese (CJK) script; "
                           "newsdesk analyses Italian and English articles only",
    "russian_article.txt": "not Italian or English: the text is mostly in Cyrillic script; newsdesk analyses "
                           "Italian and English articles only",
    "arabic_article.txt": "not Italian or English: the text is mostly in Arabic script; newsdesk analyses Italian "
                          "and English articles only",
    "greek_article.txt": "not Italian or English: the text is mostly in Greek script; newsdesk analyses Italian "
                         "and English articles only",
    "only_a_title.txt": "no body text after the title; paste the article's paragraphs below the title",
    "only_a_url.txt": "no title: the file has no text line; put the headline on the first line",
    "html_without_article.html": "no body text after the title; paste the article's paragraphs below the title",
    "nul_bytes_inside.txt": "file is binary, not text; save the article as .txt, .md or .html",
    "control_characters_everywhere.txt": "file looks binary (control characters); save the article as text",
}


@pytest.mark.parametrize("name", sorted(SEED_ERRORS))
def test_bad_seed_is_one_clear_error_and_the_others_are_built(
        name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(HOSTILE / "seeds" / name, project / "seeds" / name)
    result = ingest(capsys, project)
    assert result.code == 1
    assert result.errors == [f"error: seeds/{name}: {SEED_ERRORS[name]}"]
    assert built(project) == REAL
    assert "2 new, 0 updated, 0 unchanged, 0 kept, 2 pending translation, 1 failed" in result.out


SEEDS_BUILT = {
    # name: (slug, what the briefing must say)
    "figure_1e40_euro.txt": ("un-fondo-da-record-per-il-clima", "Un fondo da record per il clima"),
    "figure_1e40_scale.txt": ("un-fondo-smisurato-per-il-clima", "Un fondo smisurato per il clima"),
    "mixed_utf8_title_cp1252_body.txt": ("perche-litalia-punta-sulleolico-citta-e-porti-in-prima-fila",
                                         "Perché l’Italia punta sull’eolico: città e porti in prima fila"),
    "utf16_with_bom.txt": ("terna-rafforza-la-rete-elettrica", "Terna rafforza la rete elettrica"),
    "crlf_line_endings.txt": ("terna-rafforza-la-rete-in-sardegna", "Terna rafforza la rete in Sardegna"),
    "title_with_terminal_escape.txt": ("snam-rinnova-la-rete-del-gas", "Snam rinnova la rete del gas"),
    "html_javascript_canonical.html": ("leonardo-firma-con-l-agenzia-spaziale",
                                       "Leonardo firma con l'Agenzia spaziale"),
}


@pytest.mark.parametrize("name", sorted(SEEDS_BUILT))
def test_odd_but_valid_seed_is_built_cleanly(name: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(HOSTILE / "seeds" / name, project / "seeds" / name)
    result = ingest(capsys, project)
    assert result.code == 0 and result.errors == []
    slug, title = SEEDS_BUILT[name]
    assert built(project) == sorted([*REAL, f"{slug}.md"])
    b = read_briefing(project / "briefings" / f"{slug}.md", project)
    assert b.meta.source.title == title
    text = (project / "briefings" / f"{slug}.md").read_text(encoding="utf-8")
    assert "Ã" not in text and "â€" not in text  # no mojibake
    assert b.meta.source.url is None  # javascript: canonical links are not source URLs
    assert all(f.value < 10**15 for f in b.meta.figures)  # absurd "figures" are not key figures


def test_mixed_encoding_body_is_repaired_per_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(HOSTILE / "seeds" / "mixed_utf8_title_cp1252_body.txt", project / "seeds")
    assert ingest(capsys, project).code == 0
    b = read_briefing(project / "briefings" / f"{SEEDS_BUILT['mixed_utf8_title_cp1252_body.txt'][0]}.md", project)
    assert "perché la città di Taranto" in b.meta.it.summary


def test_slug_index_is_reserved_for_the_listing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(HOSTILE / "seeds" / "title_index.md", project / "seeds")
    assert ingest(capsys, project).code == 0
    (extra,) = set(built(project)) - set(REAL)
    assert extra.startswith("index-") and len(extra) == len("index-12345678.md")


# ---- seeds: what only exists on a disk (symlinks, FIFOs, sizes, names) -----------------------------

def link_outside_file(seeds: Path, outside: Path) -> str:
    (seeds / "p.txt").symlink_to(outside / "secret.txt")
    return ("seeds/p.txt: is a symlink to a file outside the project folder, which is never read; "
            "copy the file into the project instead")


def link_outside_relative(seeds: Path, outside: Path) -> str:
    (seeds / "rel.txt").symlink_to(os.path.relpath(outside / "secret.txt", seeds))
    return ("seeds/rel.txt: is a symlink to a file outside the project folder, which is never read; "
            "copy the file into the project instead")


def link_etc_passwd(seeds: Path, outside: Path) -> str:
    (seeds / "passwd.txt").symlink_to("/etc/passwd")
    return ("seeds/passwd.txt: is a symlink to a file outside the project folder, which is never read; "
            "copy the file into the project instead")


def link_into_hidden_folder(seeds: Path, outside: Path) -> str:
    git = seeds.parent / ".git"
    git.mkdir()
    (git / "config").write_text(ARTICLE, encoding="utf-8")
    (seeds / "config.txt").symlink_to(git / "config")
    return ("seeds/config.txt: is a symlink into a hidden folder of the project, which is never read; "
            "copy the file instead")


def link_dangling(seeds: Path, outside: Path) -> str:
    (seeds / "gone.txt").symlink_to(seeds / "missing.txt")
    return "seeds/gone.txt: is a symlink to a missing file; delete it or point it at a file in the project"


def link_loop(seeds: Path, outside: Path) -> str:
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    return "seeds/loop.txt: cannot resolve the path (RuntimeError); replace it with a regular file"


def folder_named_txt(seeds: Path, outside: Path) -> str:
    (seeds / "folder.txt").mkdir()
    return "seeds/folder.txt: is a folder, not a file; rename or remove it"


def fifo_named_txt(seeds: Path, outside: Path) -> str:
    os.mkfifo(seeds / "pipe.txt")  # reading it would block the build forever
    return "seeds/pipe.txt: is not a regular file (a pipe, socket or device); remove it"


def sparse_gigabyte(seeds: Path, outside: Path) -> str:
    with open(seeds / "huge.txt", "wb") as fh:
        fh.truncate(1_000_000_000)
    return "seeds/huge.txt: file is 1,000,000,000 bytes, over the 2,000,000-byte limit; keep only the article text"


def just_over_the_limit(seeds: Path, outside: Path) -> str:
    (seeds / "big.txt").write_bytes(b"Titolo\n\n" + b"parola " * 285_714)
    return "seeds/big.txt: file is 2,000,006 bytes, over the 2,000,000-byte limit; keep only the article text"


def ansi_escape_in_name(seeds: Path, outside: Path) -> str:
    (seeds / "\x1b[2J\x1b[31mred.txt").write_text(ARTICLE, encoding="utf-8")
    return "seeds/\\x1b[2J\\x1b[31mred.txt: the file name has control characters (shown escaped); rename the file"


def newline_in_name(seeds: Path, outside: Path) -> str:
    (seeds / "two\nlines.txt").write_text(ARTICLE, encoding="utf-8")
    return "seeds/two\\x0alines.txt: the file name has control characters (shown escaped); rename the file"


def bidi_override_in_name(seeds: Path, outside: Path) -> str:
    (seeds / "a\u202etxt.exe.txt").write_text(ARTICLE, encoding="utf-8")
    return "seeds/a\\u202etxt.exe.txt: the file name has control characters (shown escaped); rename the file"


def huge_yaml_nesting(seeds: Path, outside: Path) -> str:
    # Past ~20,000 levels libyaml crashes the interpreter (a segfault): refused before parsing.
    (seeds / "nest.md").write_text("---\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\n" + ARTICLE,
                                   encoding="utf-8")
    return "seeds/nest.md: YAML header at line 2: nested more than 50 levels deep; write plain values"


def pdf_file(seeds: Path, outside: Path) -> str:
    (seeds / "article.pdf").write_bytes(b"%PDF-1.4")
    return ("seeds/article.pdf: unsupported file type '.pdf'; use .txt, .md, .html or .mhtml (a page saved as "
            "a single file)")


def no_suffix(seeds: Path, outside: Path) -> str:
    (seeds / "article").write_text(ARTICLE, encoding="utf-8")
    return "seeds/article: unsupported file type ''; use .txt, .md, .html or .mhtml (a page saved as a single file)"


ON_DISK: list[Callable[[Path, Path], str]] = [
    link_outside_file, link_outside_relative, link_etc_passwd, link_into_hidden_folder, link_dangling,
    link_loop, folder_named_txt, fifo_named_txt, sparse_gigabyte, just_over_the_limit, ansi_escape_in_name,
    newline_in_name, bidi_override_in_name, huge_yaml_nesting, pdf_file, no_suffix,
]


@pytest.mark.parametrize("make", ON_DISK, ids=lambda f: f.__name__)
def test_seed_refused_before_reading(make: Callable[[Path, Path], str], project: Path, outside: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    expected = make(project / "seeds", outside)
    tracemalloc.start()
    try:
        result = ingest(capsys, project)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.code == 1
    assert result.errors == [f"error: {expected}"]
    assert built(project) == REAL
    assert peak < 100_000_000  # a 1 GB seed is never read into memory
    no_secret_in(project)


def test_symlink_inside_the_project_is_followed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The documented choice: a symlink to a regular file inside the project (not in a hidden
    folder) is read like the file itself."""
    archive = project / "archive"
    archive.mkdir()
    (archive / "terna.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "seeds" / "terna.txt").symlink_to(archive / "terna.txt")
    result = ingest(capsys, project)
    assert result.code == 0 and result.errors == []
    assert "terna-rafforza-la-rete-in-sardegna.md" in built(project)


@pytest.mark.parametrize("folder", ["seeds", "briefings", "docs"])
def test_content_folder_symlinked_outside_is_a_usage_error(folder: str, project: Path, outside: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(project / folder, ignore_errors=True)
    (project / folder).symlink_to(outside, target_is_directory=True)
    before = sorted(p.name for p in outside.iterdir())
    result = ingest(capsys, project)
    assert result.code == 2
    assert result.errors == [f"error: {folder}/ is a symlink to a folder outside the project, which is never read "
                             f"or written; make {folder}/ a real folder inside the project"]
    assert sorted(p.name for p in outside.iterdir()) == before  # nothing written there either


def test_sub_folders_of_seeds_are_not_seeds(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds" / "old").mkdir()
    (project / "seeds" / "old" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = ingest(capsys, project)
    assert result.code == 0 and result.err == "" and built(project) == REAL


def test_hidden_files_and_readme_are_ignored(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds" / ".notes.txt").write_text(ARTICLE, encoding="utf-8")
    (project / "seeds" / "README.md").write_text("# Seeds\n\nPut articles here.\n", encoding="utf-8")
    result = ingest(capsys, project)
    assert result.code == 0 and result.err == "" and built(project) == REAL


# ---- briefings: check, render and ingest alike ----------------------------------------------------------

BRIEFING_ERRORS = {
    "date-feb-30.md": "field 'date': not a calendar date; write a real date as YYYY-MM-DD (got '2025-02-30')",
    "added-feb-30.md": "field 'added': not a calendar date; write a real date as YYYY-MM-DD (got '2025-02-30')",
    "date-quoted.md": "field 'date': expected a date written YYYY-MM-DD without quotes (got '2025-11-10')",
    "title-empty.md": "field 'title': is empty; write a value (got '')",
    # The briefing index stores NaN as JSON null: render then failed on every build, for every briefing.
    # A YAML escape made a character that is not well-formed XML: both RSS feeds broke.
    "title-control-character.md": "field 'title': has a control character, \\x0b; delete it (a YAML escape such "
                                  "as \\x0b or \\e in a quoted value makes one) (got 'COP30 opens\\x0b in Brazil')",
    "author-terminal-escape.md": "field 'source.author': has a control character, \\x1b; delete it (a YAML escape "
                                 "such as \\x0b or \\e in a quoted value makes one) (got 'Mario \\x1b[31mRossi')",
    # Each card repeats the titles and summary on every topic, region and name listing of the
    # briefing: a 900 KB briefing made 333 MB of pages; 3,000 names made 6,000 pages.
    "title-over-the-limit.md": "field 'title': is 2,169 characters long, over the limit of 2,000; shorten it (got "
                               "'A headline that goes on and on A headline that goes on and )",
    "too-many-organizations.md": "field 'entities.organizations': lists 101 entries, over the limit of 100; keep "
                                 "the most important (got ['Org0', 'Org1', 'Org2', 'Org3', 'Org4', 'Org5', 'Org6', "
                                 "'Or)",
    # Lists are newest first: a date far ahead pinned the briefing above every other, for good.
    "date-in-the-future.md": "field 'date': 9999-12-31 is after today: a briefing dated ahead would stay first on "
                             "the home page, in its listings and in the feeds until then; write the real date (got "
                             "datetime.date(9999, 12, 31))",
    # YAML keeps the last of two equal keys: the reviewer reads the first, the site shows the second.
    "duplicate-key.md": "front matter at line 14: the key 'title' appears twice; keep one",
    "figure-not-a-number.md": "field 'figures[0].value': nan is not a number a figure can have; write the value "
                              "in digits, e.g. 48600000000 (got nan)",
    "source-url-javascript.md": "field 'source.url': expected an http:// or https:// URL (got 'javascript:alert(1)')",
    "source-file-outside.md": "field 'source.file': expected seeds/<file name> (or null for a hand-written "
                              "briefing) (got '../../etc/passwd')",
    "alias-bomb.md": "front matter at line 6: YAML anchors and aliases (&name, *name) are not allowed; "
                     "write each value out",
    "alias-scalar.md": "front matter at line 2: YAML anchors and aliases (&name, *name) are not allowed; "
                       "write each value out",
    "python-tag.md": "malformed YAML front matter at line 24: could not determine a constructor for the tag "
                     "'tag:yaml.org,2002:python/name:os.system'",
    "deep-nesting.md": "front matter at line 7: nested more than 50 levels deep; write plain values",
    "unknown-engine.md": "field 'translation.en': Input should be 'google', 'libretranslate', 'apertium', "
                         "'original', 'human' or 'pending' (got 'deepl')",
    "not-a-mapping.md": "front matter must be a mapping of 'field: value' lines",
    "not-utf8.md": "not UTF-8 text; save the file as UTF-8",
    "index.md": "field 'slug': the slug 'index' is reserved (briefings/index/ is the list of all briefings); "
                "choose another slug and rename the file to match (got 'index')",
    "empty-file.md": "no front matter: the file must start with a '---' line, the YAML fields, and another "
                     "'---' line",
    "unclosed-front-matter.md": "no front matter: the file must start with a '---' line, the YAML fields, and "
                                "another '---' line",
}


def briefing_dangling_symlink(briefings: Path, outside: Path) -> str:
    (briefings / "x.md").symlink_to(briefings / "nowhere.md")
    return "briefings/x.md: is a symlink to a missing file; delete it or point it at a file in the project"


def briefing_folder(briefings: Path, outside: Path) -> str:
    (briefings / "x.md").mkdir()
    return "briefings/x.md: is a folder, not a file; rename or remove it"


def briefing_symlink_outside(briefings: Path, outside: Path) -> str:
    (briefings / "secret.md").symlink_to(outside / "secret.md")
    return ("briefings/secret.md: is a symlink to a file outside the project folder, which is never read; "
            "copy the file into the project instead")


def briefing_fifo(briefings: Path, outside: Path) -> str:
    os.mkfifo(briefings / "pipe.md")
    return "briefings/pipe.md: is not a regular file (a pipe, socket or device); remove it"


def briefing_over_a_megabyte(briefings: Path, outside: Path) -> str:
    valid = (FIXTURES / "briefings" / "handwritten-valid.md").read_text(encoding="utf-8")
    (briefings / "big.md").write_text(valid.replace("handwritten-valid", "big") + "x" * 1_000_000, encoding="utf-8")
    return ("briefings/big.md: file is 1,000,967 bytes, over the 1,000,000-byte limit; "
            "a briefing is a few KB: shorten it")


def briefing_ansi_name(briefings: Path, outside: Path) -> str:
    (briefings / "\x1b]0;pwned\x07.md").write_text("x", encoding="utf-8")
    return "briefings/\\x1b]0;pwned\\x07.md: the file name has control characters (shown escaped); rename the file"


def briefing_symlink_loop(briefings: Path, outside: Path) -> str:
    (briefings / "loop.md").symlink_to(briefings / "loop.md")
    return "briefings/loop.md: cannot resolve the path (RuntimeError); replace it with a regular file"


BRIEFINGS_ON_DISK: list[Callable[[Path, Path], str]] = [
    briefing_dangling_symlink, briefing_folder, briefing_symlink_outside, briefing_fifo, briefing_over_a_megabyte,
    briefing_ansi_name, briefing_symlink_loop,
]
BRIEFING_CASES = [*sorted(BRIEFING_ERRORS), *(f.__name__ for f in BRIEFINGS_ON_DISK)]


def plant_briefing(case: str, briefings: Path, outside: Path) -> str:
    """Put the hostile briefing in place; returns the expected error line (without 'error: ')."""
    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", briefings)  # the valid neighbour
    if case in BRIEFING_ERRORS:
        shutil.copy(HOSTILE / "briefings" / case, briefings / case)
        return f"briefings/{case}: {BRIEFING_ERRORS[case]}"
    make = {f.__name__: f for f in BRIEFINGS_ON_DISK}[case]
    return make(briefings, outside)


@pytest.mark.parametrize("case", BRIEFING_CASES)
def test_check_reports_a_bad_briefing_by_name(case: str, project: Path, outside: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    expected = plant_briefing(case, project / "briefings", outside)
    result = run(capsys, "check", "--root", str(project))
    assert result.code == 1
    assert result.errors == [f"error: {expected}"]
    assert result.out == "checked 2 briefing(s): 1 with problems\n"


@pytest.mark.parametrize("case", BRIEFING_CASES)
def test_render_builds_the_valid_briefings_around_a_bad_one(case: str, project: Path, outside: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    expected = plant_briefing(case, project / "briefings", outside)
    result = run(capsys, "render", "--root", str(project))
    assert result.code == 1
    assert result.errors == [f"error: {expected}"]
    assert "(from the 1 valid briefing(s); 1 left out)" in result.out
    pages = sorted(p.name for p in (project / "docs" / "en" / "briefings").glob("*.md"))
    assert "handwritten-valid.md" in pages and all(SECRET not in p for p in pages)
    no_secret_in(project)


@pytest.mark.parametrize("case", BRIEFING_CASES)
def test_ingest_warns_about_a_bad_briefing_and_builds_the_seeds(case: str, project: Path, outside: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    expected = plant_briefing(case, project / "briefings", outside)
    planted = built(project)
    result = ingest(capsys, project)
    assert result.code == 0
    assert f"warning: {expected}" in result.err.splitlines()
    assert built(project) == sorted([*planted, *REAL])  # the seeds' two briefings added, nothing else touched
    report = "briefings: 2 new, 0 updated, 0 unchanged, 0 kept, 2 pending translation, 0 failed"
    assert report in result.out.splitlines()


# ---- per-item isolation of unexpected errors ----------------------------------------------------------

def test_a_bug_in_one_item_is_that_items_failure(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    real = ingest_module.analyse

    def flaky(article, *rest):  # type: ignore[no-untyped-def]
        if article.path.startswith("seeds/000"):
            raise ZeroDivisionError("boom")
        return real(article, *rest)

    monkeypatch.setattr(ingest_module, "analyse", flaky)
    result = ingest(capsys, project)
    assert result.code == 1
    assert result.errors == ["error: seeds/000_db0fdbf32436b3ba.txt: cannot analyse it: unexpected error "
                             "(ZeroDivisionError: boom); this is a bug in newsdesk: run again with -v for the "
                             "traceback and report it"]
    assert built(project) == [f"{SLUG_002}.md"]
    capsys.readouterr()
    assert main(["ingest", "--root", str(project), "--engines", "", "-v"]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "ZeroDivisionError: boom" in err


@pytest.mark.parametrize("command", ["check", "render", "ingest"])
def test_a_bug_reading_one_briefing_is_that_briefings_error(command: str, project: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", project / "briefings")
    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", project / "briefings" / "zz-bug.md")
    real = briefing_module.parse_briefing

    def flaky(text: str, path: str):  # type: ignore[no-untyped-def]
        if path.endswith("zz-bug.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, path)

    monkeypatch.setattr(briefing_module, "parse_briefing", flaky)
    line = ("briefings/zz-bug.md: unexpected error (RecursionError: maximum recursion depth exceeded); this is a "
            "bug in newsdesk: run again with -v for the traceback and report it")
    result = run(capsys, command, "--root", str(project), "--engines", "")
    if command == "ingest":
        assert result.code == 0 and f"warning: {line}" in result.err.splitlines()
        assert built(project) == sorted(["handwritten-valid.md", "zz-bug.md", *REAL])
    else:
        assert result.code == 1 and result.errors == [f"error: {line}"]
    capsys.readouterr()
    main([command, "--root", str(project), "--engines", "", "-v"])
    assert "RecursionError: maximum recursion depth exceeded" in capsys.readouterr().err.splitlines()


def handwritten(project: Path, slug: str, url: str) -> None:
    """A copy of the valid hand-written briefing under another slug and source URL."""
    text = (FIXTURES / "briefings" / "handwritten-valid.md").read_text(encoding="utf-8")
    text = text.replace("slug: handwritten-valid", f"slug: {slug}").replace("https://example.org/cop30", url)
    (project / "briefings" / f"{slug}.md").write_text(text, encoding="utf-8")


def rendered(project: Path, lang: str = "en") -> list[str]:
    return sorted(p.name for p in (project / "docs" / lang / "briefings").glob("*.md"))


def test_a_bug_rendering_one_page_is_that_briefings_error(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from newsdesk import site as site_module

    handwritten(project, "handwritten-valid", "https://example.org/cop30")
    handwritten(project, "zz-bug", "https://example.org/other")
    real = site_module.briefing_page

    def flaky(b, lang, *rest):  # type: ignore[no-untyped-def]
        if b.path.endswith("zz-bug.md"):
            raise IndexError("list index out of range")
        return real(b, lang, *rest)

    monkeypatch.setattr(site_module, "briefing_page", flaky)
    result = run(capsys, "render", "--root", str(project))
    assert result.code == 1
    assert result.errors == ["error: briefings/zz-bug.md: cannot render its page: unexpected error (IndexError: list "
                             "index out of range); this is a bug in newsdesk: run again with -v for the traceback "
                             "and report it"]
    assert "(from the 1 valid briefing(s); 1 left out)" in result.out
    for lang in ("en", "it"):  # the other page is built, and no listing links to the missing one
        assert rendered(project, lang) == ["handwritten-valid.md"]
        listings = [p.read_text(encoding="utf-8") for p in (project / "docs" / lang).rglob("*.md")]
        assert listings and not any("zz-bug" in text for text in listings)
    capsys.readouterr()
    main(["render", "--root", str(project), "-v"])
    assert "IndexError: list index out of range" in capsys.readouterr().err.splitlines()


SLOW_BODIES = {
    # 1 KB of '- ': RecursionError inside Python-Markdown, reported as a bug in newsdesk.
    "body-nested-lists.md": "the body: its lists or quotes are nested too deep to convert; simplify its Markdown",
    # 10 KB of '[': 27 s in Python-Markdown (quadratic or worse: 5 KB 9 s, 200 KB more than an hour).
    "body-slow-markdown.md": "the body: its Markdown takes over 2 s to convert (long runs of '[', '<' or '- - -' "
                             "lines, or deeply nested lists and quotes, are slow to parse); simplify its Markdown",
}


@pytest.mark.parametrize("case", sorted(SLOW_BODIES))
def test_a_body_markdown_cannot_convert_in_time_is_that_briefings_error(case: str, project: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import time

    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", project / "briefings")
    shutil.copy(HOSTILE / "briefings" / case, project / "briefings")
    start = time.monotonic()
    result = run(capsys, "render", "--root", str(project))
    assert time.monotonic() - start < 20
    assert result.code == 1
    assert result.errors == [f"error: briefings/{case}: {SLOW_BODIES[case]}"]
    assert rendered(project, "en") == ["handwritten-valid.md"]
    assert rendered(project, "it") == sorted(["handwritten-valid.md", case])  # its Italian text is fine


def test_a_refused_body_leaves_no_timer_and_the_next_body_converts() -> None:
    import signal

    from newsdesk.safehtml import TooComplexError, body_html

    handler = signal.getsignal(signal.SIGALRM)
    with pytest.raises(TooComplexError):
        body_html("[" * 10_000)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is handler
    assert body_html("**bold** and [a link](https://example.org/)") == \
        '<p><strong>bold</strong> and <a href="https://example.org/" rel="noopener noreferrer">a link</a></p>'


def test_two_briefings_of_one_article_render_the_first_only(project: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    handwritten(project, "aa-first", "https://example.org/same")
    handwritten(project, "bb-copy", "https://example.org/same")
    line = ("error: briefings/bb-copy.md: field 'source': same article as briefings/aa-first.md; "
            "keep one of them")
    for command in ("check", "render"):
        result = run(capsys, command, "--root", str(project))
        assert result.code == 1 and result.errors == [line]
    assert rendered(project, "en") == rendered(project, "it") == ["aa-first.md"]


def test_a_bug_in_translation_leaves_every_briefing_pending(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from newsdesk.translate import Translator

    def broken(self: Translator, jobs: object) -> None:
        raise KeyError("engine table")

    monkeypatch.setattr(Translator, "run", broken)
    result = run(capsys, "ingest", "--root", str(project), "--engines", "apertium")
    assert result.code == 1
    assert result.errors == ["error: translation: failed: unexpected error (KeyError: 'engine table'); this is a "
                             "bug in newsdesk: run again with -v for the traceback and report it"]
    assert built(project) == REAL
    assert all(read_briefing(project / "briefings" / n, project).meta.translation.engine == "pending" for n in REAL)


# ---- writing: read-only, full disk, temp files, umask --------------------------------------------------

def failing_replace(monkeypatch: pytest.MonkeyPatch, name: str, error: OSError) -> None:
    real = os.replace

    def replace(src: str, dst: str | os.PathLike[str]) -> None:
        if os.fspath(dst).endswith(name):
            raise error
        real(src, dst)

    monkeypatch.setattr(briefing_module.os, "replace", replace)


@pytest.mark.parametrize(("error", "line"), [
    (OSError(errno.ENOSPC, "No space left on device"),
     "cannot write it: No space left on device: free some disk space and run again"),
    (PermissionError(errno.EACCES, "Permission denied"),
     "cannot write it: Permission denied: make the folder writable (or run where you may write) and run again"),
    (OSError(errno.EROFS, "Read-only file system"),
     "cannot write it: Read-only file system: make the folder writable (or run where you may write) and run again"),
    (OSError(errno.EIO, "Input/output error"),
     "cannot write it: Input/output error: check the file and the disk, then run again"),
], ids=["disk-full", "permission", "read-only-fs", "io-error"])
def test_write_failure_is_that_briefings_failure(error: OSError, line: str, project: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    failing_replace(monkeypatch, f"{SLUG_000}.md", error)
    result = ingest(capsys, project)
    assert result.code == 1
    assert result.errors == [f"error: briefings/{SLUG_000}.md: {line}"]
    assert built(project) == [f"{SLUG_002}.md"]
    assert [p.name for p in (project / "briefings").iterdir() if p.name.startswith(".")] == []  # temp file removed


def test_full_disk_while_rendering_is_one_clean_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(FIXTURES / "briefings" / "handwritten-valid.md", project / "briefings")
    failing_replace(monkeypatch, "index.md", OSError(errno.ENOSPC, "No space left on device", "docs/en/index.md"))
    result = run(capsys, "render", "--root", str(project))
    assert result.code == 1
    assert result.errors == ["error: docs/en/index.md: No space left on device: free some disk space and run again"]


def test_leftover_temp_files_are_cleaned_and_ignored(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leftover = project / "briefings" / f".{SLUG_000}.md.k2j3h4.tmp"
    leftover.write_text("half a briefi", encoding="utf-8")
    assert run(capsys, "check", "--root", str(project)).code == 0  # ignored by check
    assert ingest(capsys, project).code == 0
    assert not leftover.exists() and built(project) == REAL


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_generated_files_honour_the_umask(umask: int, mode: int, project: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    old = os.umask(umask)
    try:
        assert ingest(capsys, project).code == 0
    finally:
        os.umask(old)
    assert {(project / "briefings" / n).stat().st_mode & 0o777 for n in REAL} == {mode}


# ---- data integrity: duplicates across runs, edits, checksums ------------------------------------------

def whitespace_variant(seeds: Path) -> str:
    text = (seeds / "002_aa7ace8b5e1f7725.txt").read_text(encoding="utf-8")
    (seeds / "003_variant.txt").write_text(text.replace(". ", ".  ").replace("\n\n", "\n\n\n"), encoding="utf-8")
    return "seeds/003_variant.txt"


def exact_copy(seeds: Path) -> str:
    shutil.copy(seeds / "002_aa7ace8b5e1f7725.txt", seeds / "003_copy.txt")
    return "seeds/003_copy.txt"


def renamed(seeds: Path) -> str:
    (seeds / "002_aa7ace8b5e1f7725.txt").rename(seeds / "009_renamed.txt")
    return "seeds/009_renamed.txt"


@pytest.mark.parametrize("make", [whitespace_variant, exact_copy, renamed], ids=lambda f: f.__name__)
@pytest.mark.parametrize("fresh_checkout", [False, True], ids=["warm", "fresh-checkout"])
def test_duplicate_added_in_a_later_run_makes_no_second_briefing(
        make: Callable[[Path], str], fresh_checkout: bool, project: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest(capsys, project).code == 0
    rel = make(project / "seeds")
    if fresh_checkout:
        shutil.rmtree(project / ".newsdesk-cache")
    result = ingest(capsys, project)
    assert result.code == 0
    assert (f"warning: {rel}: same article as briefings/{SLUG_002}.md (from seeds/002_aa7ace8b5e1f7725.txt); "
            "skipped (delete one of the two)") in result.err.splitlines()
    assert built(project) == REAL
    assert run(capsys, "check", "--root", str(project)).code == 0


def test_same_size_edit_with_old_mtime_is_never_overwritten(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """cp -p / rsync -a: an edit that keeps size and mtime fools the index, not the write step."""
    assert ingest(capsys, project).code == 0
    path = project / "briefings" / f"{SLUG_000}.md"
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace("## Summary", "## Sommary", 1)
    assert len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    seed = project / "seeds" / "000_db0fdbf32436b3ba.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nUn paragrafo aggiunto in seguito.\n", encoding="utf-8")
    result = ingest(capsys, project)
    assert path.read_text(encoding="utf-8") == edited
    assert (f"warning: briefings/{SLUG_000}.md: was edited by hand (it is not what the build wrote); "
            "not overwritten (use --force)") in result.err.splitlines()
    assert f"  kept (edited or reviewed): briefings/{SLUG_000}.md (edited by hand)" in result.out.splitlines()


def test_generated_briefings_carry_a_valid_checksum(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest(capsys, project).code == 0
    assert all(is_pristine((project / "briefings" / n).read_text(encoding="utf-8")) for n in REAL)


# ---- the command line: configuration, --root, lock, site --------------------------------------------------

@pytest.mark.parametrize(("argv", "env", "line"), [
    (["--engines", "foo"], {}, "--engines: unknown translation engine 'foo'; choose from google, libretranslate, "
                               "apertium (comma-separated, best first), or '' for none"),
    (["--engines", "google,deepl"], {}, "--engines: unknown translation engine 'deepl'; choose from google, "
                                        "libretranslate, apertium (comma-separated, best first), or '' for none"),
    ([], {"NEWSDESK_ENGINES": "bing"}, "NEWSDESK_ENGINES: unknown translation engine 'bing'; choose from google, "
                                       "libretranslate, apertium (comma-separated, best first), or '' for none"),
    ([], {"NEWSDESK_TIMEOUT": "abc"}, "NEWSDESK_TIMEOUT='abc' is not a number of seconds; write a positive number "
                                      "such as 10"),
    ([], {"NEWSDESK_TIMEOUT": "-1"}, "NEWSDESK_TIMEOUT='-1' is not a number of seconds; write a positive number "
                                     "such as 10"),
    ([], {"NEWSDESK_TIMEOUT": "nan"}, "NEWSDESK_TIMEOUT='nan' is not a number of seconds; write a positive number "
                                      "such as 10"),
    (["--timeout", "0"], {}, "--timeout='0' is not a number of seconds; write a positive number such as 10"),
    (["--timeout", "inf"], {}, "--timeout='inf' is not a number of seconds; write a positive number such as 10"),
    (["--libretranslate-url", "localhost:5000"], {}, "--libretranslate-url='localhost:5000' is not an http:// or "
                                                     "https:// URL; write it like http://localhost:5000/"),
    ([], {"SOURCE_DATE_EPOCH": "abc"}, "SOURCE_DATE_EPOCH='abc' is not a Unix timestamp; set it to whole seconds "
                                       "since 1970 (e.g. $(git log -1 --format=%ct)) or unset it"),
    ([], {"SOURCE_DATE_EPOCH": "1e9"}, "SOURCE_DATE_EPOCH='1e9' is not a Unix timestamp; set it to whole seconds "
                                       "since 1970 (e.g. $(git log -1 --format=%ct)) or unset it"),
    ([], {"SOURCE_DATE_EPOCH": "99999999999999999999"},
     "SOURCE_DATE_EPOCH='99999999999999999999' is not a Unix timestamp; set it to whole seconds since 1970 "
     "(e.g. $(git log -1 --format=%ct)) or unset it"),
], ids=["engines-foo", "engines-second-unknown", "env-engines", "timeout-abc", "timeout-negative", "timeout-nan",
        "timeout-zero", "timeout-inf", "libretranslate-url", "epoch-abc", "epoch-float", "epoch-overflow"])
def test_bad_configuration_is_a_usage_error_before_anything_runs(
        argv: list[str], env: dict[str, str], line: str, project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run(capsys, "ingest", "--root", str(project), *argv)
    assert result.code == 2
    assert result.errors == [f"error: {line}"]
    assert sorted(p.name for p in project.iterdir()) == ["briefings", "seeds"]  # nothing created
    assert built(project) == []


@pytest.mark.parametrize("command", ["build", "ingest", "check", "render", "site"])
def test_mistyped_root_is_a_usage_error_and_creates_nothing(command: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    typo = tmp_path / "typo"
    result = run(capsys, command, "--root", str(typo), "--engines", "")
    assert result.code == 2
    assert result.errors == [f"error: --root {typo}: no such folder; pass the project folder (the one with seeds/ "
                             "and briefings/)"]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(capsys, command, "--root", str(empty), "--engines", "")
    assert result.code == 2
    assert result.errors == [f"error: --root {empty}: no seeds/ or briefings/ folder here, so this is not a "
                             "newsdesk project; pass the project folder (nothing was created)"]
    assert list(empty.iterdir()) == [] and not typo.exists()


@pytest.mark.parametrize("command", ["build", "ingest", "render", "site"])
def test_a_second_build_in_the_same_folder_stops_cleanly(command: str, project: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with build_lock(project):
        result = run(capsys, command, "--root", str(project), "--engines", "")
    assert result.code == 1
    assert result.errors == [f"error: another build is running in this folder (process {os.getpid()}); "
                             "wait for it to finish and run again"]
    assert built(project) == []
    assert ingest(capsys, project).code == 0  # released: the next build runs


def test_check_needs_no_lock(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with build_lock(project):
        assert run(capsys, "check", "--root", str(project)).code == 0


def test_site_is_built_from_the_valid_briefings_and_says_so(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from newsdesk import cli

    built_site: list[bool] = []
    monkeypatch.setattr(cli, "run_mkdocs", lambda args: built_site.append(True) or 0)
    shutil.copy(HOSTILE / "seeds" / "only_a_title.txt", project / "seeds")
    result = run(capsys, "site", "--root", str(project), "--engines", "")
    assert result.code == 1 and built_site == [True]
    assert result.errors == ["error: seeds/only_a_title.txt: no body text after the title; paste the article's "
                             "paragraphs below the title"]
    assert ("warning: site: built without the items that failed above; fix them and run again (exit code 1)"
            in result.err.splitlines())


def test_cache_folder_being_a_file_does_not_stop_a_build(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".newsdesk-cache").write_text("not a folder", encoding="utf-8")
    result = ingest(capsys, project)
    assert result.code == 0 and built(project) == REAL


# ---- properties ------------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_shown_never_lets_a_control_character_through(name: str) -> None:
    def unsafe(ch: str) -> bool:
        return ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or 0x202A <= ord(ch) <= 0x202E

    out = shown(name)
    assert not any(unsafe(ch) for ch in out)
    assert (out == name) == (not any(unsafe(ch) for ch in name))  # printable names are shown as they are


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=80, deadline=None)
@given(yaml_values)
def test_load_yaml_equals_safe_load_on_alias_free_yaml(value: object) -> None:
    import yaml

    text = yaml.safe_dump({"v": value}, allow_unicode=True)
    assert load_yaml(text) == yaml.safe_load(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="[]{}:,-&*!| \n\tabc'\"#>", max_size=200))
def test_any_header_text_gives_a_value_or_a_yaml_error(text: str) -> None:
    import yaml

    with contextlib.suppress(yaml.YAMLError):  # anything else (or a crash) fails the test
        load_yaml(text)


def test_repo_root_still_builds_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "--root", str(REPO)).code == 0


# ---- any bytes: one item's pipeline ends in a valid briefing or in that item's error --------------------

WORDS = ["Il", "governo", "ha", "approvato", "la", "legge", "sull'energia", "a", "Roma", "per", "3", "miliardi",
         "di", "euro", "e", "il", "50%", "dei", "fondi", ".", "\n", "\n\n", "—", "è", "“", "”", "#", "*", "<b>",
         "---", "title:", "date:", "url:", "&a", "*a", "[", "]", "{", "}", "\x00", "\x1b[31m", "\ufeff", "\r\n"]


def pipeline(root: Path, name: str, raw: bytes) -> None:
    """Read -> analyse -> finish -> render -> parse, as ingest runs one item without translation."""
    from newsdesk.briefing import parse_briefing, render_briefing
    from newsdesk.errors import NewsdeskError
    from newsdesk.ingest import analyse, finish
    from newsdesk.sources import read_source

    path = root / "seeds" / name
    path.write_bytes(raw)
    try:
        article = read_source(path, root)
        meta, body = finish(analyse(article, "any-slug", EPOCH_DATE))
        parse_briefing(render_briefing(meta, body), "briefings/any-slug.md")
    except NewsdeskError as exc:
        assert str(exc).startswith(f"seeds/{name}: ")
        assert "\n" not in str(exc)


EPOCH_DATE = __import__("datetime").date(2025, 11, 23)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_give_a_briefing_or_an_error_naming_the_seed(raw: bytes, suffix: str, project: Path) -> None:
    pipeline(project, f"random{suffix}", raw)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
       paragraphs=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60), max_size=6),
       suffix=st.sampled_from([".txt", ".md"]), encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_any_article_like_text_gives_a_briefing_or_an_error_naming_the_seed(
        title: list[str], paragraphs: list[list[str]], suffix: str, encoding: str, project: Path) -> None:
    text = " ".join(title) + "\n\n" + "\n\n".join(" ".join(p) + "." for p in paragraphs)
    pipeline(project, f"words{suffix}", text.encode(encoding, errors="replace"))

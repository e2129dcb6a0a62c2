"""Attacks from outside (issue 7, second pass): inputs tests/test_hostile.py does not cover,
each one a failure found by trying it, pinned here with its fix.

Every case asserts the exact line the user reads, the exit code, that no traceback is printed,
and that nothing outside the project (or in seeds/) is touched.
"""

from __future__ import annotations

import os
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.briefing import read_briefing

from .clirun import run
from .conftest import FIXTURES, REPO

ATTACK = FIXTURES / "attack"




def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- folders the build empties: a symlink there must not let it delete elsewhere -------------------

OUTPUT_FOLDERS = ["site", "site/it", "docs/en/briefings", "docs/en/topics", "docs/it/regions", "docs/it/archive"]


@pytest.mark.parametrize("folder", OUTPUT_FOLDERS)
@pytest.mark.parametrize("command", ["render", "site"])
def test_symlinked_output_folder_is_refused_and_nothing_outside_is_deleted(
        folder: str, command: str, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`docs/en/topics -> ~` made render delete every file under ~ (stale pages are removed) and
    `site -> /var/www` made MkDocs empty it."""
    victim = tmp_path / "victim"
    (victim / "sub").mkdir(parents=True)
    (victim / "important.txt").write_text("keep me", encoding="utf-8")
    (victim / "sub" / "deep.md").write_text("keep me too", encoding="utf-8")
    link = project / folder
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(victim, target_is_directory=True)
    result = run(capsys, command, "--root", str(project), "--engines", "")
    assert result.code == 2
    assert result.errors == [f"error: {folder}/ is a symlink; the build deletes and rewrites the files in it, so "
                             "it must be a real folder: delete the symlink (the folder is generated)"]
    assert tree(victim) == {"important.txt": b"keep me", "sub/deep.md": b"keep me too"}


def test_generated_folder_symlinked_to_seeds_deletes_no_seed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A link inside the project is no safer: `docs/en/regions -> ../../seeds` deleted every seed."""
    seeds = tree(project / "seeds")
    (project / "docs" / "en").mkdir(parents=True)
    (project / "docs" / "en" / "regions").symlink_to("../../seeds", target_is_directory=True)
    result = run(capsys, "render", "--root", str(project))
    assert result.code == 2
    assert result.errors == ["error: docs/en/regions/ is a symlink; the build deletes and rewrites the files in it, "
                             "so it must be a real folder: delete the symlink (the folder is generated)"]
    assert tree(project / "seeds") == seeds


def test_language_folder_symlinked_outside_is_refused(project: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (project / "docs").mkdir()
    (project / "docs" / "it").symlink_to(victim, target_is_directory=True)
    result = run(capsys, "render", "--root", str(project))
    assert result.code == 2
    assert result.errors == ["error: docs/it/ is a symlink to a folder outside the project, which is never read or "
                             "written; make docs/it/ a real folder inside the project"]
    assert list(victim.iterdir()) == []


# ---- environment ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ['https://x.org/"><script>alert(1)</script>/', "javascript:alert(1)//",
                                   "file:///etc/", "https://exa mple.org/", ""],
                         ids=["quote-script", "javascript", "file", "space", "empty"])
def test_site_url_that_is_not_a_plain_address_is_a_usage_error(
        value: str, project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The theme pastes site_url unescaped into every page's <link rel="canonical">: a quote in
    it put a <script> on every page; javascript: and empty values went into the feeds' links."""
    monkeypatch.setenv("NEWSDESK_SITE_URL", value)
    result = run(capsys, "render", "--root", str(project))
    assert result.code == 2
    assert result.errors == [f"error: NEWSDESK_SITE_URL={value!r:.60} is not a plain http:// or https:// address; "
                             "write it like https://example.org/newsdesk/ (or unset it)"]
    assert sorted(p.name for p in project.iterdir()) == ["briefings", "seeds"]  # nothing rendered


def test_an_italian_site_url_is_not_a_setting_and_says_so(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """It was checked like a URL and then ignored, so a user setting it saw no effect and no word."""
    monkeypatch.setenv("NEWSDESK_SITE_URL", "https://example.org/news/")
    monkeypatch.setenv("NEWSDESK_SITE_URL_IT", "https://example.it/notizie/")
    result = run(capsys, "render", "--root", str(project))
    assert result.code == 0
    assert result.err.splitlines() == ["warning: NEWSDESK_SITE_URL_IT is not a setting and is ignored: the Italian "
                                       "site is always the it/ folder of NEWSDESK_SITE_URL; unset it"]
    assert "https://example.org/news/it/" in (project / "docs" / "it" / "feed.xml").read_text("utf-8")


def test_plain_site_url_reaches_the_feeds(project: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("NEWSDESK_SITE_URL", "http://localhost:8000/news")
    assert run(capsys, "build", "--root", str(project), "--engines", "").code == 0
    assert "<link>http://localhost:8000/news/</link>" in (project / "docs" / "en" / "feed.xml").read_text("utf-8")


# ---- docs/ and overrides/: MkDocs publishes every file in them ----------------------------------------

SECRET = "SEGRETO-docs-5c1d"


def docs_link_to_a_file_outside(root: Path, outside: Path) -> str:
    (root / "docs" / "en" / "leak.txt").symlink_to(outside / "secret.txt")
    return ("docs/en/leak.txt: is a symlink to a file outside the project folder, which is never read; copy the "
            "file into the project instead")


def docs_link_to_the_git_config(root: Path, outside: Path) -> str:
    # actions/checkout keeps the workflow's token in .git/config
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n", "utf-8")
    (root / "docs" / "en" / "config.css").symlink_to("../../.git/config")
    return ("docs/en/config.css: is a symlink into a hidden folder of the project, which is never read; copy the "
            "file instead")


def docs_link_to_a_folder_outside(root: Path, outside: Path) -> str:
    (root / "docs" / "it" / "etc").symlink_to(outside, target_is_directory=True)
    return ("docs/it/etc: is a symlink to a folder, which is never published (MkDocs would copy whatever it holds); "
            "put the files themselves there")


def overrides_link_to_a_file_outside(root: Path, outside: Path) -> str:
    (root / "overrides" / "assets" / "extra.js").symlink_to(outside / "secret.txt")
    return ("overrides/assets/extra.js: is a symlink to a file outside the project folder, which is never read; "
            "copy the file into the project instead")


def docs_fifo(root: Path, outside: Path) -> str:
    os.mkfifo(root / "docs" / "en" / "pipe.txt")  # MkDocs would block forever copying it
    return "docs/en/pipe.txt: is not a regular file (a pipe, socket or device); remove it"


PUBLISHED_LINKS = [docs_link_to_a_file_outside, docs_link_to_the_git_config, docs_link_to_a_folder_outside,
                   overrides_link_to_a_file_outside, docs_fifo]


@pytest.mark.parametrize("plant", PUBLISHED_LINKS, ids=lambda f: f.__name__)
def test_a_file_from_outside_the_project_is_never_published(plant: Callable[[Path, Path], str], project: Path,
                                                            tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """MkDocs copies every file of docs/ and overrides/ into site/, following symlinks: a link to
    /etc/passwd, /proc/self/environ or .git/config was published with the site."""
    for name in ("mkdocs.yml", "mkdocs.it.yml"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(REPO / "overrides", project / "overrides")
    for lang in ("en", "it"):
        (project / "docs" / lang).mkdir(parents=True)
        for page in (REPO / "docs" / lang).glob("*.md"):
            if page.name != "index.md":
                shutil.copy(page, project / "docs" / lang / page.name)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    expected = plant(project, outside)
    result = run(capsys, "site", "--root", str(project), "--engines", "")
    assert result.code == 1
    assert result.errors == [f"error: {expected}", "error: nothing was published: site/ is left as it was"]
    site = project / "site"
    assert not site.exists() or all(SECRET not in p.read_text("utf-8", "replace")
                                    for p in site.rglob("*") if p.is_file())


def test_a_name_spelled_otherwise_joins_the_page_it_shares_instead_of_replacing_it(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"NVIDIA." is not a spelling the gazetteer knows, but its page is organizations/nvidia, like
    Nvidia's: the page made last won, so one hand-written briefing replaced Nvidia's page (both
    briefings that name Nvidia gone) with a page listing only itself."""
    for b in (REPO / "briefings").glob("*.md"):
        shutil.copy(b, project / "briefings")
    shutil.copy(ATTACK / "briefings" / "nvidia-spelled-otherwise.md", project / "briefings")
    assert run(capsys, "render", "--root", str(project)).code == 0
    for lang in ("en", "it"):
        page = (project / "docs" / lang / "organizations" / "nvidia.md").read_text(encoding="utf-8")
        assert re.search(r"<h1[^>]*>Nvidia</h1>", page)  # the heading has an id (the skip link)
        assert sorted(re.findall(r'href="../../briefings/([a-z0-9-]+)/"', page)) == sorted(
            [p.stem for p in (REPO / "briefings").glob("*.md")] + ["nvidia-spelled-otherwise"])
        names = (project / "docs" / lang / "names" / "index.md").read_text(encoding="utf-8")
        assert names.count("(../organizations/nvidia.md)") == 1


# ---- seed headers: YAML that is valid but no text -------------------------------------------------------

REAL = sorted(["alibaba-accelera-espansione-ai-con-investimenti-massicci.md",
               "alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di.md"])


def built(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "briefings").glob("*.md"))


SEED_ERRORS = {
    # Was a TypeError reported as a bug in newsdesk.
    "header_int_key.md": "unknown header field(s) 1; allowed: author, date, language, publisher, title, url",
    # Were published as the titles "b'Enel investe'" and "{'Sud', 'Enel'}" (in hash order: not reproducible).
    "header_binary_tag.md": "field 'title': expected one line of text, got bytes; YAML tags (!!name) are not "
                            "allowed: write plain values",
    "header_set_tag.md": "field 'title': expected one line of text, got set; YAML tags (!!name) are not allowed: "
                         "write plain values",
    # Was published as the second title, while a reviewer reads the first.
    "header_duplicate_title.md": "YAML header at line 4: the key 'title' appears twice; keep one",
    # Was published as the publisher "False".
    "header_publisher_no.md": "field 'publisher': read as true/false (YAML turns yes, no, on, off into booleans); "
                              "put the value in quotes",
}


@pytest.mark.parametrize("name", sorted(SEED_ERRORS))
def test_header_value_that_is_not_text_is_one_clear_error(name: str, project: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ATTACK / "seeds" / name, project / "seeds" / name)
    result = run(capsys, "ingest", "--root", str(project), "--engines", "")
    assert result.code == 1
    assert result.errors == [f"error: seeds/{name}: {SEED_ERRORS[name]}"]
    assert built(project) == REAL


def test_header_title_on_two_lines_is_one_line_title(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A YAML block scalar put a newline in the title, which broke the page's heading in two."""
    shutil.copy(ATTACK / "seeds" / "header_title_two_lines.md", project / "seeds")
    assert run(capsys, "ingest", "--root", str(project), "--engines", "").code == 0
    b = read_briefing(project / "briefings" / "enel-investe-al-sud.md", project)
    assert b.meta.source.title == "Enel investe al Sud"


def test_control_characters_from_yaml_escapes_reach_no_briefing_and_no_feed(project: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """YAML escapes in a seed's header ("\\x01", "\\e") make control characters after the decoder
    has removed the raw ones. They reached the briefing, and both RSS feeds then held one: not
    well-formed XML, so a feed reader refused the whole feed."""
    shutil.copy(ATTACK / "seeds" / "header_control_escapes.md", project / "seeds")
    result = run(capsys, "build", "--root", str(project), "--engines", "")
    assert result.code == 0, result.err
    (new,) = set(built(project)) - set(REAL)
    b = read_briefing(project / "briefings" / new, project)  # would fail: the schema refuses control characters
    assert b.meta.source.title == "Enel apre un impianto a Roma"
    for lang in ("en", "it"):
        feed = ET.fromstring((project / "docs" / lang / "feed.xml").read_bytes())
        assert "Enel apre un impianto a Roma" in [t.text for t in feed.iter("title")]


def test_a_seed_naming_hundreds_of_people_makes_a_bounded_number_of_pages(project: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Every organisation and person gets a page in each language: a seed naming 300 people made
    600 pages (2 MB of names, 100,000). The briefing keeps the first 100 of each kind."""
    shutil.copy(ATTACK / "seeds" / "three_hundred_names.md", project / "seeds")
    assert run(capsys, "build", "--root", str(project), "--engines", "").code == 0
    b = read_briefing(project / "briefings" / "accordo-tra-molte-aziende-italiane-per-l-energia.md", project)
    assert len(b.meta.entities.people) == 100
    assert len(list((project / "docs" / "en" / "people").glob("*.md"))) < 110  # with the two real seeds' people


def test_a_seed_title_over_the_limit_is_that_seeds_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(ATTACK / "seeds" / "header_title_over_the_limit.md", project / "seeds")
    result = run(capsys, "ingest", "--root", str(project), "--engines", "")
    assert result.code == 1
    assert result.errors == ["error: seeds/header_title_over_the_limit.md: the title is 1,299 characters long (a "
                             "headline is at most 1,000); put the headline alone on the first line"]
    assert built(project) == REAL


def test_a_seed_dated_after_today_makes_an_undated_briefing_and_a_warning(project: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A briefing may not be dated after today (it would stay first in every list): the seed's
    date 9999-12-31 failed the briefing's write as a bug in newsdesk."""
    shutil.copy(ATTACK / "seeds" / "header_date_in_the_future.md", project / "seeds")
    result = run(capsys, "ingest", "--root", str(project), "--engines", "")
    assert result.code == 0
    assert ("warning: seeds/header_date_in_the_future.md: the date 9999-12-31 is after today; the briefing says the "
            "date is unknown (correct the date in the seed)") in result.err.splitlines()
    assert read_briefing(project / "briefings" / "enel-apre-un-impianto-a-roma.md", project).meta.date is None


def test_seed_whose_briefing_would_be_too_big_is_that_seeds_error(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A seed whose briefing would pass the size limit is refused before anything is written
    (a 6 MB briefing was once written, then refused by every later check, render and ingest).
    The limit is lowered here so a small seed reaches it."""
    from newsdesk import safety

    monkeypatch.setattr(safety, "MAX_BRIEFING_BYTES", 1500)
    (project / "seeds" / "long.txt").write_text("Una frase infinita\n\n" + "parola " * 130 + "fine.\n",
                                                encoding="utf-8")
    result = run(capsys, "ingest", "--root", str(project), "--engines", "")
    assert result.code == 1
    ours = [e for e in result.errors if "seeds/long.txt" in e]  # the project's other seeds pass 1,500 too
    assert len(ours) == 1
    assert re.fullmatch(r"error: seeds/long\.txt: its briefing would be [\d,]+ bytes, over the 1,500-byte limit "
                        r"\(a sentence too long to summarise\); paste the article with its full stops", ours[0])
    assert "una-frase-infinita.md" not in built(project)


def test_seed_of_one_giant_sentence_is_refused_before_analysis_costs_minutes(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 2 MB seed of one sentence took minutes of CPU: the whole sentence went to the summary
    and the translation engine. A sentence over 1,000 characters is never a summary sentence."""
    (project / "seeds" / "long.txt").write_text("Una frase infinita\n\n" + "parola " * 1500 + "fine.\n",
                                                encoding="utf-8")
    result = run(capsys, "ingest", "--root", str(project), "--engines", "")
    assert result.code == 1
    assert result.errors == [
        "error: seeds/long.txt: no complete sentence in the body text (one that ends with a full stop and is "
        "under 1,000 characters); paste the article's paragraphs"]
    assert "una-frase-infinita.md" not in built(project)

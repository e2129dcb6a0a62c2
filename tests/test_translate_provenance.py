"""Provenance per language in the briefing's `translation` block, and "pending" in either
direction: an English article built with no engine reachable has an Italian page that is still
English, and says so (`it: pending`), is counted as pending, and is translated by the next build
that reaches an engine."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdesk.briefing import Translation, read_briefing
from newsdesk.cli import main

from .conftest import seed_fixture
from .fake_libretranslate import FakeServer


@pytest.fixture
def english_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "briefings").mkdir()
    shutil.copy(seed_fixture("english_article.txt"), root / "seeds" / "english_article.txt")
    return root


def only_briefing(root: Path):  # type: ignore[no-untyped-def]
    [path] = sorted((root / "briefings").glob("*.md"))
    return read_briefing(path, root)


def test_english_article_with_no_engine_is_pending_on_the_italian_side(english_project: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--root", str(english_project), "--engines", ""]) == 0
    out = capsys.readouterr().out
    b = only_briefing(english_project)
    assert (b.meta.translation.en, b.meta.translation.it) == ("original", "pending")
    assert b.meta.translation.engine == "pending" and b.meta.translation.pending
    assert "briefings: 1 new, 0 updated, 0 unchanged, 0 kept, 1 pending translation, 0 failed" in out
    assert f"  pending translation: {b.path}" in out


def test_the_next_build_with_an_engine_translates_the_italian_side(english_project: Path, fake_server: FakeServer,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--root", str(english_project), "--engines", ""]) == 0
    capsys.readouterr()
    assert main(["ingest", "--root", str(english_project), "--engines", "libretranslate",
                 "--libretranslate-url", fake_server.url]) == 0
    out = capsys.readouterr().out
    b = only_briefing(english_project)
    assert (b.meta.translation.en, b.meta.translation.it) == ("original", "libretranslate")
    assert b.meta.it.title.startswith("IT: ") and b.meta.title == b.meta.source.title
    assert "briefings: 0 new, 1 updated, 0 unchanged, 0 kept, 0 pending translation, 0 failed" in out.splitlines()


def test_italian_article_with_a_failing_server_is_pending_on_the_english_side(
        project: Path, fake_server: FakeServer, capsys: pytest.CaptureFixture[str]) -> None:
    fake_server.default = "500"
    code = main(["ingest", "--root", str(project), "--engines", "libretranslate",
                 "--libretranslate-url", fake_server.url])
    captured = capsys.readouterr()
    assert code == 0
    briefings = [read_briefing(p, project) for p in sorted((project / "briefings").glob("*.md"))]
    assert len(briefings) == 2
    assert {(b.meta.translation.en, b.meta.translation.it) for b in briefings} == {("pending", "original")}
    report = "briefings: 2 new, 0 updated, 0 unchanged, 0 kept, 2 pending translation, 0 failed"
    assert report in captured.out.splitlines()
    assert captured.err.splitlines() == [
        "warning: translation engine libretranslate unavailable: server error (HTTP 500), still after retries"]


@pytest.mark.parametrize(("written", "en", "it"), [
    ({"engine": "google"}, "google", "original"),
    ({"engine": "human", "reviewed": True}, "human", "original"),
    ({"engine": "original"}, "original", "pending"),  # an English article of an older build
    ({"en": "original", "it": "apertium"}, "original", "apertium"),
], ids=["legacy-google", "legacy-human", "legacy-original", "per-language"])
def test_translation_block_forms(written: dict[str, object], en: str, it: str) -> None:
    t = Translation.model_validate(written)
    assert (t.en, t.it) == (en, it)


@pytest.mark.parametrize("written", [{"en": "google", "it": "apertium"}, {"en": "deepl", "it": "original"},
                                     {"en": "google"}])
def test_translation_block_errors(written: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Translation.model_validate(written)

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import fake_libretranslate

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# 2025-11-23 00:00 UTC: the "added" date of briefings built in tests.
EPOCH = "1763856000"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current pipeline (review the diff!)")


@pytest.fixture(autouse=True)
def _reproducible(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for var in ("NEWSDESK_ENGINES", "NEWSDESK_LIBRETRANSLATE_URL", "NEWSDESK_LIBRETRANSLATE_KEY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def fake_server() -> Iterator[fake_libretranslate.FakeServer]:
    with fake_libretranslate.running() as server:
        yield server


class NoSleep:
    """Records the backoff waits instead of sleeping them."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def no_sleep() -> NoSleep:
    return NoSleep()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the two real seeds and an empty briefings/."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "briefings").mkdir()
    for seed in sorted((REPO / "seeds").iterdir()):
        shutil.copy(seed, root / "seeds" / seed.name)
    return root


def seed_fixture(name: str) -> Path:
    return FIXTURES / "seeds" / name


SITE_SEEDS = ["script_in_text.txt"]  # an extra seed with HTML in it: must render as text
SITE_BRIEFINGS = ["xss-vectors-in-body.md"]  # a hand-written briefing trying every usual XSS vector


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The complete site, built once per session from a copy of the project: the committed
    briefings, a hand-written briefing full of XSS vectors, and a briefing from a seed with
    <script> in it, translated by the fake server."""
    import os

    from newsdesk.cli import main

    root = tmp_path_factory.mktemp("site-project")
    for name in ("mkdocs.yml", "mkdocs.it.yml"):
        shutil.copy(REPO / name, root / name)
    for folder in ("overrides", "briefings", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    generated = shutil.ignore_patterns("briefings", "topics", "regions", "archive", "stories", "organizations",
                                       "people", "names", "index.md", "feed.*")
    shutil.copytree(REPO / "docs", root / "docs", ignore=generated)
    for name in SITE_SEEDS:
        shutil.copy(seed_fixture(name), root / "seeds" / name)
    for name in SITE_BRIEFINGS:
        shutil.copy(FIXTURES / "site" / name, root / "briefings" / name)
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        with fake_libretranslate.running() as server:
            code = main(["site", "--root", str(root), "--engines", "libretranslate",
                         "--libretranslate-url", server.url])
    finally:
        if saved is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    assert code == 0, "the site build failed"
    return root

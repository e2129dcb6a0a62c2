"""Golden briefings: the two real seeds, built with the deterministic fake translator, must give
exactly the committed files in tests/golden/. A change to the pipeline that changes a briefing
shows up here as a diff to review; regenerate on purpose with

    python -m pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli import main

from .fake_libretranslate import FakeServer

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_seed_briefings_match_golden_files(project: Path, fake_server: FakeServer,
                                           request: pytest.FixtureRequest) -> None:
    assert main(["ingest", "--root", str(project), "--engines", "libretranslate",
                 "--libretranslate-url", fake_server.url]) == 0
    built = {p.name: p.read_text(encoding="utf-8") for p in sorted((project / "briefings").glob("*.md"))}
    if request.config.getoption("--update-golden"):
        for old in GOLDEN.glob("*.md"):
            old.unlink()
        for name, text in built.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    expected = {p.name: p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.md"))}
    assert sorted(built) == sorted(expected)
    for name in built:
        assert built[name] == expected[name], f"{name} differs from tests/golden/{name}"

"""The benchmark's synthetic corpus is reproducible and reads as valid seeds of every format."""

from __future__ import annotations

from pathlib import Path

from bench.generate import generate
from newsdesk.sources import read_source


def test_corpus_is_deterministic_and_valid(tmp_path: Path) -> None:
    first = generate(30, tmp_path / "a" / "seeds")
    second = generate(30, tmp_path / "b" / "seeds")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert {p.suffix for p in first} == {".txt", ".md", ".html"}
    for path in first:
        article = read_source(path, tmp_path / "a")
        words = len(article.body.split())
        assert 250 <= words <= 1700, (path.name, words)
        assert article.title and article.published is not None

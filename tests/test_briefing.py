"""The briefing file: one schema for generated and hand-written briefings, YAML that
round-trips, checksums that spot human edits, atomic writes."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsdesk.briefing import (
    BriefingMeta,
    Italian,
    Source,
    Translation,
    is_pristine,
    load_briefings,
    parse_briefing,
    read_briefing,
    render_briefing,
    write_atomic,
)
from newsdesk.errors import BriefingError

from .conftest import FIXTURES

TRICKY_TITLES = ["COP30: a guide", "true", "2024", "# uno", "null", "'quoted'", '"double"', "a: b # c",
                 "Perché l’Italia – e l’UE – «contano»", "- dash", "[list]", "{map}", "*star*", "yes", "1e3",
                 "  padded  ", "line\nbreak", "tab\there", "emoji 🚀", "%percent", "@at", "`tick`", "~", ""]


def meta(**changes: object) -> BriefingMeta:
    base = dict(
        title="Alibaba expands", date=date(2025, 9, 25), added=date(2025, 11, 23), slug="alibaba-expands",
        description="One sentence.", topics=["investment"], regions=["CN", "east-asia"],
        source=Source(title="Alibaba si espande", language="it"),
        it=Italian(title="Alibaba si espande", summary="Una frase."),
        translation=Translation(engine="apertium"),
    )
    base.update(changes)
    return BriefingMeta(**base)  # type: ignore[arg-type]


def test_handwritten_briefing_is_first_class() -> None:
    b = read_briefing(FIXTURES / "briefings" / "handwritten-valid.md", FIXTURES)
    assert b.meta.title == "COP30: a guide to the climate talks"
    assert b.meta.source.file is None and b.meta.checksum is None
    assert b.meta.translation.engine == "human" and b.meta.reviewed
    assert "## Key points" in b.body


@pytest.mark.parametrize(("name", "expected"), [
    ("missing-fields.md", ["field 'added': required field is missing", "field 'source': required field is missing",
                           "field 'it': required field is missing", "field 'translation': required field is missing"]),
    ("wrong-types.md", ["field 'date': expected a date written YYYY-MM-DD without quotes (got '2025-11-10')",
                        "field 'topics': Input should be a valid list",
                        "field 'source.language': expected a two-letter ISO 639-1 code",
                        "field 'translation.en': Input should be 'google'",
                        "field 'translation.reviewed'", "field 'colour': unknown field"]),
    ("unknown-topic.md", ["field 'topics': unknown topic id(s) 'knitting'",
                          "field 'regions': unknown region code(s) 'XX', 'atlantis'"]),
    ("slug-not-matching-file.md", ["field 'slug': expected lower-case ASCII words joined by '-'"]),
    ("malformed-yaml.md", ["malformed YAML front matter at line 3"]),
    ("no-front-matter.md", ["no front matter"]),
])
def test_invalid_briefing_names_file_field_and_expectation(name: str, expected: list[str]) -> None:
    with pytest.raises(BriefingError) as info:
        read_briefing(FIXTURES / "briefings" / name, FIXTURES)
    message = str(info.value)
    for line in message.splitlines():
        assert line.startswith(f"briefings/{name}: ")
    for fragment in expected:
        assert fragment in message


def test_load_briefings_reports_every_problem_and_keeps_the_good_ones() -> None:
    good, errors = load_briefings(FIXTURES / "briefings", FIXTURES)
    assert [b.slug for b in good] == ["handwritten-valid"]
    assert len(errors) == 6


def test_slug_must_match_the_file_name(tmp_path: Path) -> None:
    text = render_briefing(meta(), "## Summary\n\nText.\n")
    with pytest.raises(BriefingError, match="must equal the file name 'other-name'"):
        parse_briefing(text, "briefings/other-name.md")


# Any text a field may hold: every character but those briefing.CONTROL_RE refuses (test_hostile).
FIELD_TEXT = st.characters(exclude_categories=("Cs",), exclude_characters="".join(
    chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)))


@settings(max_examples=200, deadline=None)
@given(title=st.one_of(st.sampled_from(TRICKY_TITLES), st.text(FIELD_TEXT, min_size=1, max_size=80)),
       summary=st.text(FIELD_TEXT, min_size=1, max_size=200))
def test_front_matter_round_trips_exactly(title: str, summary: str) -> None:
    assume(title.strip() and summary.strip())  # empty strings are rejected by the schema, tested elsewhere
    m = meta(title=title, it=Italian(title=title, summary=summary), description=summary)
    text = render_briefing(m, "## Summary\n\nBody.\n")
    back = parse_briefing(text, "briefings/alibaba-expands.md")
    assert back.meta.title == title and back.meta.it.summary == summary and back.meta.description == summary
    assert back.meta.model_dump(exclude={"checksum"}) == m.model_dump(exclude={"checksum"})
    assert is_pristine(text)


@pytest.mark.parametrize("title", TRICKY_TITLES[:-1])
def test_tricky_titles_stay_strings(title: str) -> None:
    text = render_briefing(meta(title=title), "Body.\n")
    assert parse_briefing(text, "briefings/alibaba-expands.md").meta.title == title


def test_render_is_deterministic_and_dates_are_yaml_dates() -> None:
    first = render_briefing(meta(), "Body.\n")
    assert first == render_briefing(meta(), "Body.\n")
    assert "\ndate: 2025-09-25\n" in first and "\nadded: 2025-11-23\n" in first


def test_checksum_spots_any_human_edit() -> None:
    text = render_briefing(meta(), "## Summary\n\nBody.\n")
    assert is_pristine(text)
    assert not is_pristine(text.replace("Body.", "Body, edited."))
    assert not is_pristine(text.replace("title: Alibaba expands", "title: Alibaba grows"))
    digest = text.split("checksum: ")[1][:64]
    assert not is_pristine(text.replace(digest, ("0" if digest[0] != "0" else "1") + digest[1:]))


def test_write_atomic_replaces_whole_files_and_skips_identical(tmp_path: Path) -> None:
    path = tmp_path / "briefings" / "a.md"
    assert write_atomic(path, "one\n")
    mtime = path.stat().st_mtime_ns
    assert not write_atomic(path, "one\n")
    assert path.stat().st_mtime_ns == mtime
    assert write_atomic(path, "two\n") and path.read_text() == "two\n"
    assert os.listdir(path.parent) == ["a.md"]  # no temp file left behind


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.md"
    path.write_text("old\n")

    def explode(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, "new\n")
    assert path.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["a.md"]

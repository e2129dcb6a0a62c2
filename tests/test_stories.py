"""Stories: which briefings report the same event, the stored stories file, and its validation."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsdesk import names, stories
from newsdesk.briefing import Briefing, load_briefings, read_briefing
from newsdesk.cli import main

from .conftest import FIXTURES, REPO

SEED_000 = "alibaba-accelera-espansione-ai-con-investimenti-massicci"
SEED_002 = "alibaba-punta-forte-sull-ai-alleanza-con-nvidia-e-piani-di"


def seeds() -> list[Briefing]:
    briefings, errors = load_briefings(REPO / "briefings", REPO)
    assert not errors
    return [b for b in briefings if b.slug in (SEED_000, SEED_002)]


def fixture(name: str) -> Briefing:
    return read_briefing(FIXTURES / "stories" / f"{name}.md", FIXTURES / "stories")


def grouped(briefings: list[Briefing]) -> list[list[str]]:
    return [sorted(s.briefings) for s in stories.group(briefings)]


def test_the_two_alibaba_seeds_are_one_story() -> None:
    found = stories.group(seeds())
    assert [sorted(s.briefings) for s in found] == [sorted([SEED_000, SEED_002])]
    story = found[0]
    assert story.id == SEED_000  # same added date: the slug decides
    assert story.lead == SEED_000  # it states three figures, the other none
    assert story.briefings == [SEED_002, SEED_000]  # 002 is dated; 000's unknown date sorts by added


def test_two_briefings_sharing_only_a_topic_are_not_a_story() -> None:
    milan, bergamo = fixture("datacenter-milan-microsoft"), fixture("datacenter-bergamo-aruba")
    assert set(milan.meta.topics) & set(bergamo.meta.topics)
    # Their texts are alike (data centers, AI, Italian firms): the names keep them apart.
    assert grouped([milan, bergamo]) == []


def test_same_company_and_partner_but_another_event_is_not_the_same_story() -> None:
    results = fixture("alibaba-quarterly-results")
    assert names.subjects(results) == {"Alibaba", "Nvidia"}  # "Alibaba Group", "NVIDIA" normalised
    assert grouped([*seeds(), results]) == [sorted([SEED_000, SEED_002])]


def test_a_follow_up_two_months_later_is_not_merged_into_the_story() -> None:
    follow_up = fixture("alibaba-nvidia-follow-up")
    seed_002 = next(b for b in seeds() if b.slug == SEED_002)
    assert not stories.dates_compatible(seed_002, follow_up)
    assert grouped([seed_002, follow_up]) == []
    # With the undated seed 000 as well, the pair with more names in common (000 and 002) wins
    # and the follow-up cannot join a story dated two months earlier.
    assert grouped([*seeds(), follow_up]) == [sorted([SEED_000, SEED_002])]


def test_grouping_is_deterministic_whatever_the_order() -> None:
    items = [*seeds(), fixture("alibaba-quarterly-results"), fixture("datacenter-milan-microsoft"),
             fixture("datacenter-bergamo-aruba"), fixture("alibaba-nvidia-follow-up")]
    assert stories.dump(stories.group(items)) == stories.dump(stories.group(list(reversed(items))))


def test_a_second_grouping_takes_the_lemmas_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lemmatising is the slow part of grouping: a build that adds one briefing must not redo
    it for the others, and what the cache gives must group exactly as a fresh run."""
    first = stories.group(seeds(), root=tmp_path)
    assert first and (tmp_path / ".newsdesk-cache" / "lemmas.sqlite").is_file()

    def no_lemmatising(text: str) -> list[str]:
        raise AssertionError("lemmatised again")

    monkeypatch.setattr(stories, "_lemmas", no_lemmatising)
    assert stories.group(seeds(), root=tmp_path) == first


def test_a_pinned_story_is_kept_as_written() -> None:
    apart = stories.Story(id=SEED_002, lead=SEED_002, briefings=[SEED_002], pinned=True)
    assert stories.group(seeds(), [apart]) == [apart]


def test_differences_name_the_figures_one_source_states_and_the_other_does_not() -> None:
    by_slug = {b.slug: b for b in seeds()}
    found = stories.differences([by_slug[SEED_000], by_slug[SEED_002]])
    figures = [(d.en, d.stated_by, d.not_stated_by) for d in found]
    assert figures == [("€48.6 billion", (SEED_000,), (SEED_002,)), ("2 billion tokens", (SEED_000,), (SEED_002,)),
                       ("€110,000", (SEED_000,), (SEED_002,)), ("publication date", (SEED_002,), (SEED_000,))]


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "briefings", root / "briefings")
    return root


def test_render_writes_the_stories_file_and_check_accepts_it(repo_copy: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--root", str(repo_copy)]) == 0
    text = (repo_copy / "stories.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Stories:")
    parsed = stories.parse(text)
    assert [sorted(s.briefings) for s in parsed.stories] == [sorted([SEED_000, SEED_002])]
    assert main(["check", "--root", str(repo_copy), "--strict"]) == 0
    before = text
    assert main(["render", "--root", str(repo_copy)]) == 0
    assert (repo_copy / "stories.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(("content", "message"), [
    ("stories:\n- id: nope\n  lead: nope\n  briefings: [nope, " + SEED_000 + "]\n",
     "stories.yaml: story 'nope', field 'briefings': no briefing 'nope' in briefings/; remove it or fix the slug"),
    ("stories:\n- id: x\n  lead: " + SEED_002 + "\n  briefings: [" + SEED_000 + "]\n  pinned: true\n",
     f"stories.yaml: story 'x', field 'lead': '{SEED_002}' is not one of the story's briefings"),
    ("stories:\n- id: x\n  lead: " + SEED_000 + "\n  briefings: [" + SEED_000 + "]\n",
     "stories.yaml: story 'x', field 'briefings': an automatic story needs two briefings; "
     "pin it (pinned: true) to keep a briefing out of every story"),
    ("stories:\n- id: x\n  lead: " + SEED_000 + "\n  briefings: [" + SEED_000 + "]\n  colour: red\n",
     "stories.yaml: story 1, field 'colour': unknown field; a story has id, lead, briefings and pinned"),
    ("stories: [\n", "stories.yaml: not valid YAML at line 2; check indentation and quotes"),
])
def test_check_reports_a_bad_stories_file(repo_copy: Path, capsys: pytest.CaptureFixture[str],
                                          content: str, message: str) -> None:
    (repo_copy / "stories.yaml").write_text(content, encoding="utf-8")
    assert main(["check", "--root", str(repo_copy)]) == 1
    assert f"error: {message}" in capsys.readouterr().err.splitlines()


def test_check_strict_fails_when_the_stories_file_is_out_of_date(repo_copy: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (repo_copy / "stories.yaml").write_text("stories: []\n", encoding="utf-8")
    assert main(["check", "--root", str(repo_copy)]) == 0
    assert main(["check", "--root", str(repo_copy), "--strict"]) == 1
    assert ("warning: stories.yaml is out of date: run `python build.py render` and review the change"
            in capsys.readouterr().err)


def test_the_repository_stories_file_is_up_to_date() -> None:
    briefings, _ = load_briefings(REPO / "briefings", REPO)
    assert not stories.stale(REPO, briefings), "run `python build.py render` and commit stories.yaml"


def test_names_fold_aliases_and_know_units() -> None:
    assert names.canonical("Alibaba Group") == "Alibaba"
    assert names.canonical("NVIDIA") == "Nvidia"
    assert names.parent("Alibaba Cloud") == "Alibaba"
    assert names.parent("Alibaba") is None
    assert names.is_outlet("Reuters")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 40)), st.booleans()), max_size=30))
def test_pairs_close_in_time_are_exactly_the_date_compatible_pairs(rows: list[tuple[int | None, bool]]) -> None:
    """The windowed pairing that keeps grouping linear in a large archive forms exactly the
    pairs of members whose dates are compatible, each once, as the brute force would."""
    from datetime import date, timedelta
    from types import SimpleNamespace

    start = date(2025, 1, 1)
    items = [SimpleNamespace(meta=SimpleNamespace(date=None if d is None else start + timedelta(days=d)))
             for d, _ in rows]
    members = [i for i, (_, member) in enumerate(rows) if member]
    assume(len(members) >= 2)
    expected = {(min(i, j), max(i, j)) for i, j in itertools.combinations(members, 2)
                if stories.dates_compatible(items[i], items[j])}  # type: ignore[arg-type]
    left, right = stories._close_in_time(stories.day_numbers(items), members)  # type: ignore[arg-type]
    found = list(zip(left.tolist(), right.tolist(), strict=True))
    assert len(found) == len(set(found))
    assert set(found) == expected


def test_a_member_page_names_the_six_sources_closest_in_time_and_links_the_whole_story() -> None:
    """A story covered by many outlets: each member's page lists the few sources closest in time
    (in the story's order), not a line of every outlet; the story page link counts them all."""
    from datetime import date, timedelta

    from newsdesk.related import MAX_OTHER_SOURCES, story_links

    base = seeds()[0]
    members = []
    for k in range(10):
        slug = f"fonte-{k:02d}"
        meta = base.meta.model_copy(update={"slug": slug, "date": date(2025, 9, 1) + timedelta(days=k // 2)})
        members.append(Briefing(meta=meta, body=base.body, path=f"briefings/{slug}.md"))
    story = stories.Story(id="fonte-00", lead="fonte-00", briefings=[b.slug for b in members])
    links = story_links(members, [story], "en")
    assert MAX_OTHER_SOURCES == 6
    assert {slug: link.count for slug, link in links.items()} == {b.slug: 10 for b in members}
    assert [s.slug for s in links["fonte-00"].others] == [f"fonte-{k:02d}" for k in range(1, 7)]
    # fonte-05 (third day): one source the same day, four a day apart, then a tie broken by slug.
    assert [s.slug for s in links["fonte-05"].others] == ["fonte-00", "fonte-02", "fonte-03", "fonte-04",
                                                          "fonte-06", "fonte-07"]

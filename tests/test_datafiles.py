"""The data files in newsdesk/data/ are typed: a contributor's typo is an error naming the file,
the key path and the fix when the file is read (and by `build.py check`), not a KeyError while
rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import datafiles
from newsdesk.errors import DataFileError
from tests.clirun import run

# (file, text in the real file, what a contributor wrote instead) -> the error lines.
BROKEN: dict[str, tuple[str, str, str, list[str]]] = {
    "topics-typo": ("topics.yaml", "    cues: [AI,", "    cue: [AI,", [
        "key 'topics[0].cues': required key is missing; add it",
        "key 'topics[0].cue': unknown key; did you mean 'cues'?"]),
    "topics-type": ("topics.yaml", "min_score: 4", "min_score: four", [
        "key 'min_score': expected a whole number (got 'four')"]),
    "topics-duplicate-id": ("topics.yaml", "  - id: robotics", "  - id: energy", [
        "key 'topics': topic id 'energy' is used twice; give each topic its own id"]),
    "topics-id-not-a-slug": ("topics.yaml", "  - id: robotics", "  - id: Robotics", [
        "key 'topics[15].id': expected lower-case ASCII words joined by '-', e.g. data-centers (got 'Robotics')"]),
    "entities-typo": ("entities.yaml", "person_cues:", "person_cue:", [
        "key 'person_cue': unknown key; did you mean 'person_cues'?"]),
    "entities-type": ("entities.yaml", "  Nvidia: [NVIDIA]", "  Nvidia: NVIDIA", [
        "key 'organizations.Nvidia': expected a list, written [a, b] or as '- ' lines (got 'NVIDIA')"]),
    "entities-list-for-text": ("entities.yaml", "  Alibaba Cloud: Alibaba\n", "  Alibaba Cloud: [Alibaba]\n", [
        "key 'units[\"Alibaba Cloud\"]': expected text, not a list"]),
    "regions-typo": ("regions.yaml", "it: Medio Oriente}", "italian: Medio Oriente}", [
        "key 'macro_regions.middle-east.italian': unknown key; expected one of: cldr, en, it"]),
    "regions-type": ("regions.yaml", 'europe: {cldr: "150"}', "europe: {cldr: 150}", [
        "key 'macro_regions.europe.cldr': expected text; put the value in quotes (got 150)"]),
    "regions-norway": ("regions.yaml", "  Olanda: NL", "  Norvegia: NO", [
        "key 'aliases.Norvegia': expected text; put the value in quotes "
        "(YAML reads yes/no/on/off and NO as true/false) (got False)"]),
    "regions-unknown-code": ("regions.yaml", "  Olanda: NL", "  Olanda: Netherlands", [
        "key 'aliases': 'Olanda' -> 'Netherlands': write an ISO 3166 country code (two capitals, e.g. DE) "
        "or a macro-region id listed under macro_regions"]),
    "regions-unknown-cldr": ("regions.yaml", 'europe: {cldr: "150"}', 'europe: {cldr: "999"}', [
        "key 'macro_regions.europe': '999' is not a CLDR region code (e.g. \"150\" for Europe; quote it)"]),
    "glossary-typo": ("glossary.yaml", "it-en:", "it_en:", [
        "key 'it-en': required key is missing; add it",
        "key 'it_en': unknown key; did you mean 'it-en'?"]),
    "glossary-type": ("glossary.yaml", "  GPU: GPUs", "  GPU: [GPUs]", [
        "key 'it-en.GPU': expected text, not a list"]),
    "ui-typo": ("ui.yaml", "  home_title: Latest briefings", "  home_titel: Latest briefings", [
        "key 'en.home_title': required key is missing; add it",
        "key 'en.home_titel': unknown key; did you mean 'home_title'?"]),
    "ui-type": ("ui.yaml", '    human: "Written by a contributor."', "    human: 5", [
        "key 'en.provenance.human': expected text; put the value in quotes (got 5)"]),
    "ui-placeholder": ("ui.yaml", '"{minutes} min di lettura"', '"{minuti} min di lettura"', [
        "key 'it.reading_time': uses {minuti} where en uses {minutes}; "
        "write the same {placeholders} in both languages"]),
    "ui-yaml": ("ui.yaml", "  home_title: Latest briefings", "  home_title: Latest: briefings", [
        "not valid YAML at line 3: mapping values are not allowed here; check the indentation and quotes"]),
}


def broken(name: str, old: str, new: str) -> str:
    text = datafiles.read_text(name)
    assert text.count(old) == 1, f"{name} no longer has {old!r} once: update the test case"
    return text.replace(old, new)


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_data_file_names_the_file_the_key_and_the_fix(case: str) -> None:
    name, old, new, expected = BROKEN[case]
    with pytest.raises(DataFileError) as caught:
        datafiles.parse(name, broken(name, old, new), datafiles.MODELS[name])
    assert caught.value.path == f"newsdesk/data/{name}"
    assert caught.value.problems == expected
    assert str(caught.value).splitlines() == [f"newsdesk/data/{name}: {p}" for p in expected]


def test_the_real_data_files_load() -> None:
    assert datafiles.problems() == []
    assert datafiles.topics().min_score == 4
    assert datafiles.topics().topics[0].id == "artificial-intelligence"
    assert datafiles.entities().of_kind("organizations")["Nvidia"] == ["NVIDIA"]
    assert datafiles.entities().units["Alibaba Cloud"] == "Alibaba"
    assert datafiles.regions().macro_regions["middle-east"].written("it") == "Medio Oriente"
    assert datafiles.regions().aliases["Olanda"] == "NL"
    assert datafiles.glossary().it_en["Unione Europea"] == "European Union"
    assert datafiles.ui().it.provenance.human == "Scritto da un collaboratore."


def test_an_empty_spelling_list_may_be_left_blank() -> None:
    text = broken("entities.yaml", "  Reuters: []", "  Reuters:")
    assert datafiles.parse("entities.yaml", text, datafiles.EntitiesFile).organizations["Reuters"] == []


def test_check_reports_every_problem_of_every_data_file(project: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real = datafiles.read_text
    cases = ["topics-typo", "regions-norway", "ui-type"]
    texts = {BROKEN[c][0]: broken(*BROKEN[c][:3]) for c in cases}
    monkeypatch.setattr(datafiles, "read_text", lambda name: texts.get(name) or real(name))
    result = run(capsys, "check", "--root", str(project))
    assert result.code == 1
    assert result.errors == [f"error: newsdesk/data/{BROKEN[c][0]}: {p}" for c in cases for p in BROKEN[c][3]]

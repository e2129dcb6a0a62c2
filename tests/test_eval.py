"""The editorial-quality gate, modelled on trafilatura's: each split (old, tune, heldout) must not
score below its floor in tests/eval/baseline.json beyond a small tolerance, on exactly the
articles the floor was measured on (pinned by digest). Raising a floor is a reviewed step:
`python -m tests.eval.evaluate --update-baseline`; lowering one needs `--allow-regression`."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from newsdesk import datafiles, geo

from .eval import evaluate

BASELINE = evaluate.BASELINE


@pytest.fixture(scope="module")
def baseline() -> dict[str, Any]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(baseline: dict[str, Any]) -> dict[str, dict[str, Any]]:
    pinned = {split: entry["articles"] for split, entry in baseline["splits"].items()}
    return evaluate.evaluate(pinned)


def test_the_gate_covers_the_tuning_and_held_out_splits(baseline: dict[str, Any]) -> None:
    assert sorted(baseline["splits"]) == ["heldout", "old", "tune"]
    for split in ("tune", "heldout"):
        assert len(baseline["splits"][split]["articles"]) >= 30, f"{split}: too few pinned articles"


@pytest.mark.parametrize("split", evaluate.GATED_SPLITS)
def test_the_pinned_articles_are_unchanged(split: str, baseline: dict[str, Any]) -> None:
    """A floor holds for the articles it was measured on: editing or removing one of them
    (or its label) must come with a new, reviewed baseline."""
    pinned = set(baseline["splits"][split]["articles"])
    assert pinned - set(evaluate.digests(split)) == set(), \
        f"{split}: pinned articles changed or removed; rerun the evaluation and update the baseline"


@pytest.mark.parametrize("split", evaluate.GATED_SPLITS)
def test_no_score_falls_below_its_floor(split: str, baseline: dict[str, Any],
                                        scores: dict[str, dict[str, Any]]) -> None:
    floor = evaluate.flat(baseline["splits"][split]["scores"])
    now = evaluate.flat(scores[split])
    assert evaluate.regressions(now, floor) == {}, f"{split}: scores below the floor (now, floor)"


def test_offline_translation_does_not_fall(baseline: dict[str, Any]) -> None:
    measured = evaluate.score_translation()
    if measured is None:
        pytest.skip("Apertium is not installed")
    floor = baseline["translation_apertium"]
    assert measured["chrf"] >= floor["chrf"] - 0.5
    for share in ("no_spanish_leftover", "english_number_format"):
        if share in floor:
            assert measured[share] >= floor[share] - evaluate.TOLERANCE, share


def test_regressions_allow_only_the_tolerance() -> None:
    floor = {"topics.f1": 0.8, "english_fields.chrome_flags": 0.0}
    assert evaluate.regressions({"topics.f1": 0.8 - evaluate.TOLERANCE / 2,
                                 "english_fields.chrome_flags": 0.0}, floor) == {}
    assert evaluate.regressions({"topics.f1": 0.79, "english_fields.chrome_flags": 0.0}, floor) == \
        {"topics.f1": (0.79, 0.8)}
    assert evaluate.regressions({"topics.f1": 0.9, "english_fields.chrome_flags": 1.0}, floor) == \
        {"english_fields.chrome_flags": (1.0, 0.0)}


def test_update_baseline_refuses_to_lower_a_floor(monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"splits": {"tune": {"scores": {"topics": {"f1": 0.9}}}}}), encoding="utf-8")
    monkeypatch.setattr(evaluate, "BASELINE", path)
    monkeypatch.setattr(evaluate, "evaluate", lambda pinned=None: {
        "tune": {"topics": {"f1": 0.5}, "articles": 1, "dates": {"stated": 0},
                 "counts": {"labelled": 1, "unpinned": 0, "missing": 0}}})
    monkeypatch.setattr(evaluate, "score_translation", lambda: None)
    monkeypatch.setattr(evaluate, "digests", lambda split: ["0" * 64])
    before = path.read_text(encoding="utf-8")
    assert evaluate.main(["--update-baseline"]) == 1
    assert "refused: tune.topics.f1 would fall from 0.9 to 0.5" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == before
    assert evaluate.main(["--update-baseline", "--allow-regression"]) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["splits"]["tune"]["scores"]["topics"]["f1"] == 0.5


def test_per_article_errors_are_refused_for_the_held_out_split() -> None:
    with pytest.raises(SystemExit):
        evaluate.main(["--errors", "heldout"])


def test_the_labelled_set_is_varied_enough() -> None:
    labels = [label for split in ("old", "tune") for _, label in evaluate.load_labels(split)]
    assert len(labels) >= 50
    macros = set()
    for expected in labels:
        for code in expected["regions"]:
            macros.update(geo.macro_regions(code) or (code,))
    assert macros == set(datafiles.regions().macro_regions)  # every macro-region, and no country left over
    topics = {t for expected in labels for t in expected["topics"]}
    assert topics == {t.id for t in datafiles.topics().topics}  # every topic of the vocabulary is labelled somewhere


def test_the_old_labels_file_is_yaml_keyed_by_article() -> None:
    data = yaml.safe_load((evaluate.HERE / "labels.yaml").read_text(encoding="utf-8"))
    assert all((evaluate.HERE / "articles" / name).is_file() for name in data)

"""The editorial-quality gate: analysis and offline translation must not score below the
committed baseline (tests/eval/baseline.json). Raising the baseline is a reviewed step:
`python -m tests.eval.evaluate --update-baseline`, and the diff goes in the commit."""

from __future__ import annotations

import json

import pytest
import yaml

from newsdesk import geo

from .eval import evaluate

BASELINE = evaluate.BASELINE


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    return evaluate.flat(evaluate.evaluate())


def test_no_score_drops_below_the_baseline(scores: dict[str, float]) -> None:
    baseline = evaluate.flat(json.loads(BASELINE.read_text(encoding="utf-8")))
    assert set(baseline) <= set(scores), "a measured score is missing (is Apertium installed?)"
    drops = {m: (scores[m], b) for m, b in baseline.items() if scores[m] < b}
    assert drops == {}, f"scores below the baseline (now, baseline): {drops}"


def test_the_labelled_set_is_varied_enough() -> None:
    labels = yaml.safe_load((evaluate.HERE / "labels.yaml").read_text(encoding="utf-8"))
    assert len(labels) >= 25
    macros = set()
    for expected in labels.values():
        for code in expected["regions"]:
            macros.update(geo.macro_regions(code) or (code,))
    assert macros >= {"europe", "middle-east", "africa", "north-america", "latin-america", "east-asia",
                      "southeast-asia", "south-asia", "central-asia", "oceania"}
    topics = {t for expected in labels.values() for t in expected["topics"]}
    assert topics >= {"artificial-intelligence", "semiconductors", "energy", "telecom", "space", "mobility",
                      "cybersecurity", "trade", "regulation", "startups", "markets"}

"""Editorial-quality evaluation: run the real analysis on the labelled articles in
tests/eval/articles/ and score it against tests/eval/labels.yaml; score the offline translation
of tests/eval/translations.tsv with chrF (sacrebleu).

    python -m tests.eval.evaluate                    # print the scores
    python -m tests.eval.evaluate --update-baseline  # after a reviewed improvement only

tests/test_eval.py fails when any score drops below tests/eval/baseline.json.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from newsdesk import geo
from newsdesk.ingest import analyse
from newsdesk.sources import read_source

from . import offline_english

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline.json"


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _expand_regions(codes: Iterable[str]) -> set[str]:
    out = set(codes)
    for code in list(out):
        out.update(geo.macro_regions(code))
    return out


def analyse_all() -> tuple[dict[str, Any], list[dict[str, Any]]]:
    labels: dict[str, Any] = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    rows = []
    for name, expected in sorted(labels.items()):
        article = read_source(HERE / "articles" / name, HERE)
        draft = analyse(article, "eval", date(2025, 1, 1))
        rows.append({
            "name": name,
            "expected": expected,
            "topics": set(draft.topics),
            "regions": set(draft.regions),
            "organizations": set(draft.entities["organizations"]),
            "people": set(draft.entities["people"]),
            "figures": {(f.value, f.unit) for f in draft.figures},
            "date": article.published,
            "summary": " ".join(draft.summary),
        })
    return labels, rows


def score_analysis(rows: list[dict[str, Any]]) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    for field in ("topics", "regions", "organizations", "people", "figures"):
        tp = fp = fn = 0
        exact = 0
        for row in rows:
            exp = row["expected"][field] or []
            if field == "regions":
                expected = _expand_regions(exp)
            elif field == "figures":
                expected = {(v, u) for v, u in exp}
            else:
                expected = set(exp)
            got = row[field]
            tp += len(got & expected)
            fp += len(got - expected)
            fn += len(expected - got)
            exact += got == expected
        scores[field] = _prf(tp, fp, fn)
        if field == "figures":
            scores[field]["exact_match"] = round(exact / len(rows), 4)
    dates = sum((row["date"].isoformat() if row["date"] else None) ==
                (str(row["expected"]["date"]) if row["expected"]["date"] else None) for row in rows)
    scores["dates"] = {"exact_match": round(dates / len(rows), 4)}
    lead = sum(row["expected"]["lead"] in row["summary"] for row in rows)
    scores["summary"] = {"lead_fact": round(lead / len(rows), 4)}
    return scores


def score_translation() -> dict[str, float] | None:
    """chrF of the offline engine against the references, and the share of sentences with no
    Spanish leftover and no Italian-formatted number (tests/eval/offline_english.py); None when
    Apertium is missing."""
    import sacrebleu

    from newsdesk.translate import ApertiumEngine

    engine = ApertiumEngine()
    if not engine.available("it", "en"):
        return None
    with (HERE / "translations.tsv").open(encoding="utf-8", newline="") as fh:
        pairs = list(csv.DictReader(fh, delimiter="\t"))
    hypotheses = engine.translate_batch([p["italian"] for p in pairs], "it", "en")
    chrf = sacrebleu.corpus_chrf(hypotheses, [[p["english"] for p in pairs]])
    scores = {"chrf": round(chrf.score, 2), "sentences": len(pairs)}
    if offline_english.available():
        # What readers see, as shares of sentences (higher is better, like every gated score).
        flags = offline_english.check(hypotheses)
        scores["no_spanish_leftover"] = round(sum(not f for f in flags.spanish) / len(pairs), 4)
        scores["english_number_format"] = round(sum(not f for f in flags.numbers) / len(pairs), 4)
    return scores


def evaluate() -> dict[str, Any]:
    _, rows = analyse_all()
    scores = score_analysis(rows)
    scores["articles"] = len(rows)
    translation = score_translation()
    if translation is not None:
        scores["translation_apertium"] = translation
    return scores


def flat(scores: dict[str, Any]) -> dict[str, float]:
    """metric path -> value, for the gate."""
    out = {}
    for key, value in scores.items():
        if isinstance(value, dict):
            for sub, number in value.items():
                if sub != "sentences":
                    out[f"{key}.{sub}"] = float(number)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update-baseline", action="store_true", help="write the scores to baseline.json")
    parser.add_argument("--errors", action="store_true", help="list every miss and false alarm per article")
    args = parser.parse_args(argv)
    if args.errors:
        _, rows = analyse_all()
        for row in rows:
            for field in ("topics", "regions", "organizations", "people", "figures"):
                exp = row["expected"][field] or []
                expected = (_expand_regions(exp) if field == "regions" else
                            {(v, u) for v, u in exp} if field == "figures" else set(exp))
                missing, extra = expected - row[field], row[field] - expected
                if missing or extra:
                    print(f"{row['name']} {field}: missing {sorted(missing, key=str)} extra {sorted(extra, key=str)}")
    scores = evaluate()
    print(f"{'metric':34} {'score':>8} {'baseline':>9}")
    baseline = flat(json.loads(BASELINE.read_text())) if BASELINE.exists() else {}
    for metric, value in flat(scores).items():
        print(f"{metric:34} {value:8.4f} {baseline.get(metric, float('nan')):9.4f}")
    if args.update_baseline:
        BASELINE.write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"baseline written to {BASELINE.relative_to(HERE.parent.parent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How well do two labellers agree? The ceiling the detail targets sit against.

Stories in ``data/sample/second_labels/`` were labelled a second time, from the article
text alone, by a labeller who never saw the first labels (``data/sample/stories/``),
following the guide of their batch (``GUIDE-batch1.md``, ``GUIDE-batch2.md``: the second
batch's schema comment on the cited origin's date no longer says "null if none given"). This
script scores each label set against the other with the very measures ``bench/quality.py``
applies to firstwire (pipeline.evaluate: one detail, first reporter, cited origin,
conflicts, citation precision/recall), and firstwire against both, on the same stories.

Labellers pick different facts, so a detail of one set that the other never labelled is
counted apart ("matched": the other set holds at least one of its sentences) and the
rates are given over the matched details; firstwire shows every fact, so its rates are
over all details, as in bench/quality.py.

    python bench/label_agreement.py            # model needed for the firstwire rows
    python bench/label_agreement.py --no-pipeline
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import (  # noqa: E402
    best_detail,
    label_inputs,
    labels_as_timeline,
    score_citations,
    score_details,
    summarise,
)

SECOND = ROOT / "data/sample/second_labels"


def origin_disagreements(
    truth: dict[str, Any], doc: dict[str, Any], counts: dict[str, int]
) -> None:
    """Why cited origins differ: one side credits nobody, another outlet, or another date.
    The predicted detail is chosen as the scorer chooses it (most labelled sentences)."""
    preds = [(d, {(m["article_id"], m["sentence"]) for m in d["mentions"]}) for d in doc["details"]]
    for L in truth.get("details") or []:
        best, _ = best_detail(L["stated_in"].items(), preds)
        if best is None:
            continue
        want, got = L.get("cited_origin"), best.get("cited_origin")
        want_date = str(want["date"]) if want and want.get("date") else None
        if not want and not got:
            kind = "agree"
        elif not want or not got:
            kind = "one credits nobody"
        elif str(want["outlet"]).casefold() != got["outlet"].casefold():
            kind = "other outlet"
        elif want_date != (got["date"] or None):
            kind = "same outlet, other date"
        else:
            kind = "agree"
        counts[kind] = counts.get(kind, 0) + 1


def matched_rates(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Rates over the details the other set labelled too (covers one sentence or more)."""
    rows = [r for res in results for r in res["rows"] if r["covered"]]
    n = len(rows) or 1
    return {
        "matched": len(rows),
        "one_detail": sum(r["one_detail"] for r in rows) / n,
        "first_reporter": sum(r["first_reporter"] for r in rows) / n,
        "cited_origin": sum(r["cited_origin"] for r in rows) / n,
        "conflicts": [r["conflict"] for r in rows if r["conflict"] is not None],
    }


def line(name: str, total: int, rates: dict[str, Any], cit: tuple[int, int, int]) -> str:
    tp, fp, fn = cit
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    matched = rates.get("matched", total)
    found = rates.get("conflicts")
    if found is None:
        conflicts = f"{rates['conflicts_found'] * rates['conflicts_labelled']:.0f}/"
        conflicts += f"{rates['conflicts_labelled']}"
    else:
        conflicts = f"{sum(found)}/{len(found)}"
    return (
        f"{name:<32} {matched:>3}/{total:<3} one {rates['one_detail']:.2f}  "
        f"first {rates['first_reporter']:.2f}  origin {rates['cited_origin']:.2f}  "
        f"conflicts {conflicts:<5}  citations P {p:.2f} R {r:.2f}"
    )


def add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--no-pipeline", action="store_true", help="labellers only (no model)")
    ap.add_argument("--stories", help="comma-separated story ids (default: every second label)")
    args = ap.parse_args()
    wanted = set(args.stories.split(",")) if args.stories else None
    pairs = []
    for path in sorted(SECOND.glob("*.yaml")):
        if wanted is not None and path.stem not in wanted:
            continue
        second = yaml.safe_load(path.read_text(encoding="utf-8"))
        first = yaml.safe_load(
            (ROOT / "data/sample/stories" / f"{second['story']}.yaml").read_text(encoding="utf-8")
        )
        pairs.append((first, second))
    if not pairs:
        sys.exit(f"no second labels in {SECOND}")
    print(f"{len(pairs)} stories: " + ", ".join(f"{f['story']} ({f['split']})" for f, _ in pairs))

    if not args.no_pipeline:
        from pipeline.embed import get_embedder
        from pipeline.facts import DetailParams
        from pipeline.timeline import compute_timeline, make_finder

        emb = get_embedder()
        outlets = yaml.safe_load((ROOT / "data/sample/outlets.yaml").read_text())["outlets"]
        finder = make_finder({o["name"]: o.get("aliases") or [] for o in outlets})

        def embed(texts: list[str]) -> np.ndarray:
            return emb.encode(texts)

    by_name: dict[str, list[Any]] = {}
    for first, second in pairs:
        arts = first["articles"]
        ids = {a["id"]: a["id"] for a in arts}
        docs = {
            "first labels": labels_as_timeline(first, arts),
            "second labels": labels_as_timeline(second, arts),
        }
        if not args.no_pipeline:
            docs["firstwire"] = compute_timeline(label_inputs(arts), embed, finder, DetailParams())
        labels = {"first labels": first, "second labels": {**second, "story": first["story"]}}
        for truth_name, truth in labels.items():
            for pred_name, doc in docs.items():
                if pred_name == truth_name:
                    continue
                key = f"{pred_name} vs {truth_name}"
                res = score_details(truth, doc, ids)
                cit = score_citations(truth, doc, ids)
                slot = by_name.setdefault(key, [[], (0, 0, 0), {}])
                slot[0].append(res)
                slot[1] = add(slot[1], cit)
                origin_disagreements(truth, doc, slot[2])

    print(
        "\nscored against the set after 'vs'; n/N = its details the other labelled / all "
        "(firstwire: all)\n"
    )
    for key, (results, cit, _) in by_name.items():
        total = sum(len(r["rows"]) for r in results)
        rates = summarise(results) if key.startswith("firstwire") else matched_rates(results)
        print(line(key, total, rates, cit))
    print("\ncited origins, where the two sides' details meet:")
    for key, (_, _, counts) in by_name.items():
        print(f"  {key:<30} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()

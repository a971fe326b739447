"""Grid-search detail-grouping parameters on the TUNE split's labelled details.

Reads data/sample/stories/*.yaml directly (article text = the paragraphs), computes
timelines with the real embedding model (vectors cached in memory across the grid) and
prints the mean of the detail scores. Held-out stories are never read: score them with
bench/quality.py.

    python bench/tune_details.py                 # grid search on tune
    python bench/tune_details.py --no-grid --misses --split tune
        # score the defaults and list every labelled detail that is not right

Never pass a held-out split name while choosing parameters.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.embed import get_embedder  # noqa: E402
from pipeline.evaluate import (  # noqa: E402
    _covers,
    label_inputs,
    load_labels,
    score_citations,
    score_details,
    summarise,
)
from pipeline.facts import DetailParams  # noqa: E402
from pipeline.sources import DEFAULT_MODEL  # noqa: E402
from pipeline.timeline import compute_timeline, make_finder  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", default="tune", help="comma-separated splits (default: tune)")
    ap.add_argument("--no-grid", action="store_true", help="score the defaults only")
    ap.add_argument("--misses", action="store_true", help="list labelled details scored wrong")
    ap.add_argument(
        "--grid",
        help="parameters to search, e.g. 'statement_threshold=0.6,0.7;lexical_weight=1,1.5' "
        "(default: the thresholds)",
    )
    ap.add_argument(
        "--model",
        default=DEFAULT_MODEL,
        help="sentence-transformers model name or directory (default: the bundled MiniLM)",
    )
    args = ap.parse_args()
    splits = set(args.split.split(","))
    emb = get_embedder(args.model)
    cache: dict[str, np.ndarray] = {}

    def embed(texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in cache]
        if missing:
            for t, v in zip(missing, emb.encode(missing), strict=True):
                cache[t] = v
        return np.stack([cache[t] for t in texts])

    outlets = yaml.safe_load((ROOT / "data/sample/outlets.yaml").read_text())["outlets"]
    finder = make_finder({o["name"]: o.get("aliases") or [] for o in outlets})
    stories = []
    for label in load_labels(ROOT / "data/sample/stories"):
        if label["split"] not in splits or not label.get("details"):
            continue
        arts = label_inputs(label["articles"])
        stories.append((label, arts))

    def score(params: DetailParams) -> dict[str, float]:
        results = []
        tp = fp = fn = 0
        for label, arts in stories:
            doc = compute_timeline(arts, embed, finder, params)
            ids = {a.id: a.id for a in arts}
            results.append(score_details(label, doc, ids))
            t, p, n = score_citations(label, doc, ids)
            tp, fp, fn = tp + t, fp + p, fn + n
        out = summarise(results)
        out["citation_precision"] = round(tp / max(1, tp + fp), 3)
        out["citation_recall"] = round(tp / max(1, tp + fn), 3)
        return out

    base = DetailParams()
    print("defaults:", score(base))
    if args.misses:
        print_misses(stories, embed, finder, base)
    if args.no_grid:
        return
    grid = {
        "statement_threshold": [0.65, 0.7, 0.75],
        "date_threshold": [0.15, 0.25, 0.35, 0.45],
        "quantity_threshold": [0.25, 0.35],
    }
    if args.grid:
        grid = {
            name.strip(): [float(v) for v in values.split(",")]
            for name, values in (part.split("=", 1) for part in args.grid.split(";"))
        }
    rows = []
    for values in itertools.product(*grid.values()):
        params = replace(base, **dict(zip(grid, values, strict=True)))
        s = score(params)
        mean = (
            s["one_detail"] + s["first_reporter"] + s["cited_origin"] + s["conflicts_found"]
        ) / 4
        rows.append((round(mean, 3), s, values))
    rows.sort(key=lambda r: r[0], reverse=True)
    for mean, s, values in rows[:10]:
        print(
            f"mean={mean} one={s['one_detail']:.2f} first={s['first_reporter']:.2f} "
            f"origin={s['cited_origin']:.2f} conflicts={s['conflicts_found']:.2f} | "
            + " ".join(f"{k}={v}" for k, v in zip(grid, values, strict=True))
        )


def print_misses(stories, embed, finder, params: DetailParams) -> None:  # type: ignore[no-untyped-def]
    """Every labelled detail not shown as one detail with the right first reporter and
    cited origin: the label, and the predicted details that hold its sentences."""
    checks = ("one_detail", "first_reporter", "cited_origin", "conflict")
    for label, arts in stories:
        doc = compute_timeline(arts, embed, finder, params)
        res = score_details(label, doc, {a.id: a.id for a in arts})
        by_id = {d["id"]: d for d in label["details"]}
        for row in res["rows"]:
            wrong = [k for k in checks if row[k] is False]
            if row.get("false_conflict"):
                wrong.append("false_conflict")
            if not wrong:
                continue
            L = by_id[row["id"]]
            print(f"\n== {label['story']}/{L['id']}: {L['text']}")
            print(f"   wrong: {','.join(wrong)}; covered {row['covered']}/{row['stated']}")
            print(f"   want first={L['first_reporter']} origin={L.get('cited_origin')}")
            print(f"   want conflicts={L.get('conflicts')}")
            pairs = {
                d["id"]: {(m["article_id"], m["sentence"]) for m in d["mentions"]}
                for d in doc["details"]
            }
            for aid, sent in L["stated_in"].items():
                # the scorer's own test: the sentence as split may differ a little
                homes = [
                    f"{d['id']}({d['kind']}:{d['value']})"
                    for d in doc["details"]
                    if _covers(pairs[d["id"]], aid, sent)
                ]
                print(f"   {aid}: {sent[:110]}\n      -> {homes}")
            for d in doc["details"]:
                if not any(_covers(pairs[d["id"]], a, s) for a, s in L["stated_in"].items()):
                    continue
                origin = d["cited_origin"]
                print(
                    f"   {d['id']} first={d['first_reported']['outlet']} "
                    f"origin={origin and (origin['outlet'], origin['date'])} "
                    f"n={len(d['mentions'])} conflicts={[c['value'] for c in d['conflicts']]}"
                )


if __name__ == "__main__":
    main()

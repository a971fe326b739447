"""Grid-search clustering parameters on the TUNE split of the labelled sample corpus.

Replays every article in publication order through OnlineClusterer (title+lead embedded
with the real model), as `firstwire ingest` does: the other splits' stories are active
at the same time and the key IDF counts every article. (Until session 5 each split was
replayed alone, which hid the B30A / Q1-earnings merge that ingest makes.) Prints B-cubed
scores. Article text comes from an ingested database (--db, e.g. the demo's: the text
the pipeline really sees, after extraction) or, without --db, straight from
data/sample/stories/*.yaml. The grid is scored on the tune split's labels only; --show
scores the defaults on every split.

    python bench/tune_clusters.py --db data/demo/firstwire.duckdb           # grid, tune split
    python bench/tune_clusters.py --db data/demo/firstwire.duckdb --show    # defaults, both splits
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.cluster import ClusterParams, OnlineClusterer, bcubed  # noqa: E402
from pipeline.embed import get_embedder  # noqa: E402
from pipeline.keys import event_keys, lead  # noqa: E402

SAMPLE = ROOT / "data" / "sample"


def load_yaml() -> list[dict]:
    rows = []
    for path in sorted((SAMPLE / "stories").glob("*.yaml")):
        data = yaml.safe_load(path.read_text())
        for a in data["articles"]:
            text = "\n".join(p for p in a["paragraphs"] if not p.startswith("## "))
            published = datetime.fromisoformat(a["published"].replace("Z", "+00:00"))
            rows.append(
                {
                    "id": a["id"],
                    "story": data["story"],
                    "split": data["split"],
                    "title": a["title"],
                    "text": text,
                    "t": published.timestamp(),
                }
            )
    return sorted(rows, key=lambda r: r["t"])


def load_db(db: Path) -> list[dict]:
    from pipeline.sample_server import to_sample_url
    from pipeline.store import Store

    labels = json.loads((SAMPLE / "labels.json").read_text())["articles"]
    rows = []
    with Store(db, read_only=True) as store:
        for a in store.articles():
            parts = urlsplit(a["url"])
            meta = labels.get(to_sample_url(a["url"], f"{parts.scheme}://{parts.netloc}"))
            if meta is None or a["published_at"] is None:
                continue
            rows.append(
                {
                    "id": a["id"],
                    "story": meta["story"],
                    "split": meta["split"],
                    "title": a["title"],
                    "text": a["text"] or "",
                    "t": a["published_at"].timestamp(),
                }
            )
    return sorted(rows, key=lambda r: r["t"])


def run(rows, vectors, keys, params):
    c = OnlineClusterer(params)
    pred = {}
    for r in rows:
        c.expire(r["t"])
        pred[r["id"]] = c.add(r["id"], vectors[r["id"]], keys[r["id"]], r["t"]).story_id
    truth = {r["id"]: r["story"] for r in rows}
    return bcubed(pred, truth), pred


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", type=Path, help="take article text from this ingested database")
    ap.add_argument("--show", action="store_true", help="score the defaults on both splits")
    args = ap.parse_args()
    rows = load_db(args.db) if args.db else load_yaml()
    vecs = get_embedder().encode([lead(r["title"], r["text"]) for r in rows])
    vectors = {r["id"]: v for r, v in zip(rows, vecs, strict=True)}
    keys = {r["id"]: event_keys(r["title"], r["text"]) for r in rows}
    if args.show:
        # every article in one replay, as `firstwire ingest` sees them (the other splits'
        # stories are active too, and the key IDF counts every article), scored per split
        _, pred = run(rows, vectors, keys, ClusterParams())
        everything = {r["id"]: r["story"] for r in rows}
        for split in sorted({r["split"] for r in rows}, key=lambda s: (s != "tune", s)):
            sub = [r for r in rows if r["split"] == split]
            truth = {r["id"]: r["story"] for r in sub}
            p, rc, f = bcubed(pred, everything, over=truth)
            print(f"{split}: P={p:.3f} R={rc:.3f} F1={f:.3f} articles={len(sub)}")
            groups: dict[str, set[str]] = {}
            mine = {pred[r["id"]] for r in sub}
            for r in rows:
                if pred[r["id"]] in mine:
                    groups.setdefault(pred[r["id"]], set()).add(r["story"])
            for sid, stories in groups.items():
                if len(stories) > 1:
                    print("  merged:", sid, sorted(stories))
            by_story: dict[str, set[str]] = {}
            for r in sub:
                by_story.setdefault(r["story"], set()).add(pred[r["id"]])
            for story, sids in by_story.items():
                if len(sids) > 1:
                    print("  split:", story, len(sids))
        return
    # the grid replays every article (the other splits' stories are the distractors a
    # real feed has) and is scored on the tune split's labels only
    tune = {r["id"]: r["story"] for r in rows if r["split"] == "tune"}
    everything = {r["id"]: r["story"] for r in rows}
    base = ClusterParams()
    grid = {
        "threshold": [0.5, 0.55, 0.6, 0.65],
        "key_weight": [0.2, 0.3],
        "key_cap": [9.0, 12.0],
        "core_weight": [0.0, 0.2, 0.3, 0.5],
        "novel_weight": [0.0, 0.1, 0.2, 0.3],
    }
    results = []
    for values in itertools.product(*grid.values()):
        setting = dict(zip(grid, values, strict=True))
        _, pred = run(rows, vectors, keys, replace(base, **setting))
        p, rc, f = bcubed(pred, everything, over=tune)
        results.append((round(f, 4), round(p, 3), round(rc, 3), setting))
    results.sort(key=lambda r: (r[0], r[1]), reverse=True)
    for f, p, rc, setting in results[:12]:
        print(f"F1={f:.3f} P={p:.3f} R={rc:.3f} {setting}")
    for name, options in grid.items():
        means = []
        for option in options:
            sub = [r[0] for r in results if r[3][name] == option]
            means.append(f"{option}: {sum(sub) / len(sub):.3f}")
        print(f"  mean F1 by {name}: " + ", ".join(means))
    print("plain-cosine baseline (no keys, no penalties):")
    for thr in [0.4, 0.5, 0.6, 0.7, 0.8]:
        plain = replace(base, threshold=thr, key_weight=0, core_weight=0, novel_weight=0)
        (p, rc, f), _ = run(rows, vectors, keys, plain)
        print(f"  threshold={thr} F1={f:.3f} P={p:.3f} R={rc:.3f}")


if __name__ == "__main__":
    main()

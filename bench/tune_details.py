"""Grid-search detail-grouping parameters on the TUNE split's labelled details.

Reads data/sample/stories/*.yaml directly (article text = the paragraphs), computes
timelines with the real embedding model (vectors cached in memory across the grid) and
prints the mean of the detail scores. Held-out stories are never read: score them with
bench/quality.py.

    python bench/tune_details.py
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.details import DetailParams  # noqa: E402
from pipeline.embed import get_embedder  # noqa: E402
from pipeline.evaluate import load_labels, score_citations, score_details, summarise  # noqa: E402
from pipeline.timeline import ArticleInput, compute_timeline, make_finder  # noqa: E402


def main() -> None:
    emb = get_embedder()
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
        if label["split"] != "tune" or not label.get("details"):
            continue
        arts = [
            ArticleInput(
                a["id"],
                a["id"],
                a["outlet"],
                a["title"],
                "\n".join(p for p in a["paragraphs"] if not p.startswith("## ")),
                datetime.fromisoformat(a["published"].replace("Z", "+00:00")),
                None,
                "feed",
            )
            for a in label["articles"]
        ]
        stories.append((label, arts))

    def score(params: DetailParams) -> dict[str, float]:
        results = []
        for label, arts in stories:
            doc = compute_timeline(arts, embed, finder, params)
            results.append(score_details(label, doc, {a.id: a.id for a in arts}))
        return summarise(results)

    base = DetailParams()
    print("defaults:", score(base))
    rows = []
    for sc, skc, svc, svs in itertools.product(
        [0.66, 0.72, 0.78], [0.45, 0.5, 0.55], [0.25, 0.35], [0.5, 0.62]
    ):
        params = replace(
            base,
            statement_cos=sc,
            statement_key_cos=skc,
            same_value_cos=svc,
            same_value_strong_cos=svs,
        )
        s = score(params)
        mean = (
            s["one_detail"] + s["first_reporter"] + s["cited_origin"] + s["conflicts_found"]
        ) / 4
        rows.append((round(mean, 3), s, sc, skc, svc, svs))
    rows.sort(key=lambda r: r[0], reverse=True)
    for mean, s, sc, skc, svc, svs in rows[:10]:
        print(
            f"mean={mean} one={s['one_detail']:.2f} first={s['first_reporter']:.2f} "
            f"origin={s['cited_origin']:.2f} conflicts={s['conflicts_found']:.2f} | "
            f"statement_cos={sc} statement_key_cos={skc} same_value_cos={svc} "
            f"same_value_strong_cos={svs}"
        )
    _ = score_citations


if __name__ == "__main__":
    main()

"""Detail grouping cost as one story grows: a labelled sample story's articles repeated
``copies`` times (each copy its own articles, an hour apart) form one big story; the
script times ``prepare_story`` (sentences, citations, mentions) and ``finish_timeline``
(pair scores, average-linkage grouping, conflicts, JSON) with the hashing embedder, so
the figures are the grouping's CPU cost without the model.

    python bench/details_big_story.py                    # 1, 2, 4, 8 copies
    python bench/details_big_story.py --copies 1,4,8,16 --story nvidia-h20-ban
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.embed import HashingEmbedder  # noqa: E402
from pipeline.timeline import ArticleInput, finish_timeline, make_finder, prepare_story  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--story", default="deepseek-v4-ascend")
    ap.add_argument("--copies", default="1,2,4,8")
    args = ap.parse_args()
    outlets = yaml.safe_load((ROOT / "data/sample/outlets.yaml").read_text())["outlets"]
    finder = make_finder({o["name"]: o.get("aliases") or [] for o in outlets})
    story = yaml.safe_load((ROOT / f"data/sample/stories/{args.story}.yaml").read_text())
    emb = HashingEmbedder()
    for copies in [int(c) for c in args.copies.split(",")]:
        arts = [
            ArticleInput(
                f"{a['id']}~{c}",
                f"https://example.invalid/{a['id']}~{c}",
                a["outlet"],
                a["title"],
                "\n".join(p for p in a["paragraphs"] if not p.startswith("## ")),
                datetime.fromisoformat(a["published"].replace("Z", "+00:00")) + timedelta(hours=c),
                None,
                "feed",
            )
            for c in range(copies)
            for a in story["articles"]
        ]
        t0 = time.perf_counter()
        prepared = prepare_story(arts, finder)
        t1 = time.perf_counter()
        vectors = emb.encode(prepared.texts)
        t2 = time.perf_counter()
        doc = finish_timeline(prepared, vectors)
        t3 = time.perf_counter()
        print(
            f"{len(arts):4d} articles in one story, {len(prepared.mentions):5d} mentions: "
            f"prepare {t1 - t0:6.2f} s, group + finish {t3 - t2:6.2f} s "
            f"({(t3 - t2) / len(arts) * 1000:6.1f} ms per article), {len(doc['details'])} details"
        )


if __name__ == "__main__":
    main()

"""Score conflict detection on a conflict bank (bench/conflict_bank*.yaml).

A conflict bank holds mini stories: two to four short articles by different outlets on
one piece of news, and the conflicts a person found in them (the same fact given
incompatible values, with the articles on each side). Half the stories are hard
negatives: the same value written or rounded differently, a currency conversion, two
facts that share a unit, a range and a value inside it, a baseline, a revised forecast.
Helpers wrote the banks from CONTRACT.md without reading the pipeline.

Each story's timeline is computed from its articles' text with the real model, as
bench/tune_details.py does for the sample stories. A labelled conflict is *found* when
one detail shows a conflict whose sides name outlets from two of its labelled sides
(the outlets disagree where a user can see it). A shown conflict is *false* when it
matches no labelled conflict of its story (a hard negative's conflicts all are).

    python bench/conflict_bank.py                          # bank 1: found and false
    python bench/conflict_bank.py --bank FILE --misses     # every story scored wrong
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.embed import get_embedder  # noqa: E402
from pipeline.facts import DetailParams  # noqa: E402
from pipeline.sources import DEFAULT_MODEL  # noqa: E402
from pipeline.timeline import ArticleInput, compute_timeline, make_finder  # noqa: E402


def story_inputs(item: dict[str, Any]) -> list[ArticleInput]:
    """A bank story's articles as timeline inputs (article ids as URLs)."""
    return [
        ArticleInput(
            a["id"],
            a["id"],
            a["outlet"],
            None,
            str(a["text"]).strip(),
            datetime.fromisoformat(str(a["published"]).replace("Z", "+00:00")),
            None,
            "feed",
        )
        for a in item["articles"]
    ]


def shows(detail: dict[str, Any], sides: list[set[str]]) -> bool:
    """Does the detail's conflict put outlets of two labelled sides on different sides?"""
    shown = [set(c["outlets"]) for c in detail["conflicts"]]
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            for x, p in enumerate(shown):
                for q in shown[x + 1 :]:
                    if (a & p and b & q) or (a & q and b & p):
                        return True
    return False


def score_item(item: dict[str, Any], doc: dict[str, Any]) -> tuple[int, int, int, list[str]]:
    """(labelled conflicts, found, false conflicts shown, notes for --misses)."""
    outlet = {a["id"]: a["outlet"] for a in item["articles"]}
    labelled = [
        [{outlet[x] for x in side["articles"]} for side in c["sides"]]
        for c in item.get("conflicts") or []
    ]
    shown = [d for d in doc["details"] if d["conflicts"]]
    found = sum(any(shows(d, sides) for d in shown) for sides in labelled)
    false = [d for d in shown if not any(shows(d, sides) for sides in labelled)]
    notes = []
    for c, sides in zip(item.get("conflicts") or [], labelled, strict=True):
        if not any(shows(d, sides) for d in shown):
            values = "; ".join(
                f"{s['value']} ({', '.join(sorted(o))})"
                for s, o in zip(c["sides"], sides, strict=True)
            )
            notes.append(f"  missed: {c['fact']}: {values}")
    for d in false:
        sides_txt = " | ".join(f"{c['value']} ({', '.join(c['outlets'])})" for c in d["conflicts"])
        notes.append(f"  false:  {sides_txt}\n          {d['conflicts'][0]['sentence'][:150]}")
    return len(labelled), found, len(false), notes


def bank_finder() -> Any:
    """The citation finder, knowing the sample corpus's outlets and their aliases."""
    outlets = yaml.safe_load((ROOT / "data/sample/outlets.yaml").read_text())["outlets"]
    return make_finder({o["name"]: o.get("aliases") or [] for o in outlets})


def cached_encoder(model_name: str) -> Callable[[list[str]], np.ndarray]:
    """The model's encode, each distinct text encoded once per run."""
    model = get_embedder(model_name)
    cache: dict[str, np.ndarray] = {}

    def embed(texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            cache.update(zip(missing, model.encode(missing), strict=True))
        return np.stack([cache[t] for t in texts])

    return embed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--bank", type=Path, default=ROOT / "bench/conflict_bank1.yaml")
    ap.add_argument("--misses", action="store_true", help="print every story scored wrong")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    items = yaml.safe_load(args.bank.read_text(encoding="utf-8"))["items"]
    finder = bank_finder()
    embed = cached_encoder(args.model)

    labelled = found = false = 0
    negatives = clean_negatives = 0
    for item in items:
        doc = compute_timeline(story_inputs(item), embed, finder, DetailParams())
        n, f, x, notes = score_item(item, doc)
        labelled, found, false = labelled + n, found + f, false + x
        if not n:
            negatives += 1
            clean_negatives += not x
        if args.misses and notes:
            print(f"{item['id']}: {item.get('story', '')}")
            print("\n".join(notes))
    print(f"stories {len(items)}, labelled conflicts {labelled}")
    print(f"conflicts found: {found}/{labelled} = {found / max(1, labelled):.3f}")
    print(f"false conflicts shown: {false}")
    print(f"hard negatives with no conflict shown: {clean_negatives}/{negatives}")


if __name__ == "__main__":
    main()

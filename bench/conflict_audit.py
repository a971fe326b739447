"""Conflict precision on the sample corpus: every conflict firstwire shows, judged by hand.

The labelled details (bench/quality.py) count a false conflict only on a labelled detail;
the timelines show conflicts on every detail. This script computes the timelines of the
chosen splits' stories from their YAML text (as bench/tune_details.py does), lists every
conflict and looks it up in bench/conflict_judgements.yaml, where a person has marked it
true (the outlets really disagree on one fact) or false (two facts, or no disagreement).

    python bench/conflict_audit.py                 # development splits: precision
    python bench/conflict_audit.py --list          # every conflict with its verdict
    python bench/conflict_audit.py --unjudged      # only conflicts nobody judged yet

Judge only development splits: the validation and test splits' text must stay unread.
A conflict's key is its sides, "value (outlets)" joined by " | " in the order shown.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.embed import get_embedder  # noqa: E402
from pipeline.evaluate import label_inputs, load_labels  # noqa: E402
from pipeline.sources import DEFAULT_MODEL  # noqa: E402
from pipeline.timeline import compute_timeline, make_finder  # noqa: E402

DEVELOPMENT = "tune,heldout,heldout2,dev2,dev3,dev4"
JUDGEMENTS = ROOT / "bench" / "conflict_judgements.yaml"


def conflict_key(detail: dict[str, Any]) -> str:
    return " | ".join(f"{c['value']} ({', '.join(c['outlets'])})" for c in detail["conflicts"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", default=DEVELOPMENT, help=f"splits (default: {DEVELOPMENT})")
    ap.add_argument("--list", action="store_true", help="print every conflict and its verdict")
    ap.add_argument("--unjudged", action="store_true", help="print conflicts with no verdict")
    ap.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    args = ap.parse_args()
    splits = set(args.split.split(","))
    if splits - set(DEVELOPMENT.split(",")):
        print("note: judging conflicts reads the stories' text; keep held-out splits unread")

    judged: dict[str, dict[str, dict[str, Any]]] = {}
    if args.judgements.exists():
        raw = yaml.safe_load(args.judgements.read_text(encoding="utf-8")) or {}
        judged = {story: {j["key"]: j for j in items} for story, items in raw.items()}

    emb = get_embedder(DEFAULT_MODEL)
    outlets = yaml.safe_load((ROOT / "data/sample/outlets.yaml").read_text())["outlets"]
    finder = make_finder({o["name"]: o.get("aliases") or [] for o in outlets})

    counts = {"true": 0, "false": 0, "unjudged": 0}
    for label in load_labels(ROOT / "data/sample/stories"):
        if label["split"] not in splits:
            continue
        doc = compute_timeline(label_inputs(label["articles"]), emb.encode, finder)
        for d in doc["details"]:
            if not d["conflicts"]:
                continue
            key = conflict_key(d)
            verdict = judged.get(label["story"], {}).get(key)
            state = "unjudged" if verdict is None else ("true" if verdict["ok"] else "false")
            counts[state] += 1
            if args.list or (args.unjudged and verdict is None):
                why = f"  ({verdict['why']})" if verdict and verdict.get("why") else ""
                print(f"[{state}] {label['story']}: {key}{why}")
                if args.unjudged:
                    for c in d["conflicts"]:
                        print(f"      {c['value']}: {c['sentence']}")
    judged_n = counts["true"] + counts["false"]
    precision = counts["true"] / judged_n if judged_n else float("nan")
    print(
        f"conflicts shown: {sum(counts.values())}  judged: {judged_n}  true: {counts['true']}  "
        f"false: {counts['false']}  unjudged: {counts['unjudged']}  precision: {precision:.3f}"
    )


if __name__ == "__main__":
    main()

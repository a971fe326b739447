"""Score the citation finder on the phrase bank (bench/citation_bank.yaml).

The bank holds single sentences of made-up AI-hardware coverage, each with the credits it
gives (outlet or organisation, and the day resolved against the citing article's date).
It was written without reading the finder, to test phrasings the story labels do not
cover; it is development data (read it, tune on it). Each sentence is read alone: its
article's text is the sentence, and "the company said" means the item's ``subject``.

    python bench/citation_bank.py             # precision and recall of (outlet, date)
    python bench/citation_bank.py --misses    # every item scored wrong
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.timeline import make_finder  # noqa: E402


def _norm(name: str) -> str:
    """Names compare without case, a leading "the" or a possessive: the bank's writer
    chose "The Verge" and "China's Ministry of Commerce" where the finder keeps "Verge"
    and "China Ministry of Commerce" (the story labels' convention)."""
    name = re.sub(r"(?:'s|’s)\b", "", name.casefold())
    name = re.sub(r"\bu\.s\.(?=\s|$)", "us", name)  # "U.S. Commerce Department" is "US ..."
    return re.sub(r"^the\s+", "", name).strip()


def item_credits(finder: Any, item: dict[str, Any]) -> list[Any]:
    """The finder's credits in one bank item, its sentence read alone."""
    sentence = item["sentence"]
    return finder.find(
        sentence,
        date.fromisoformat(str(item["published"])),
        item["citing_outlet"],
        subject=item.get("subject"),
        article_text=sentence,
        story_text=sentence,
        orgs=finder.story_orgs(sentence),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--bank", type=Path, default=ROOT / "bench/citation_bank.yaml")
    ap.add_argument("--misses", action="store_true", help="print every item scored wrong")
    args = ap.parse_args()
    items = yaml.safe_load(args.bank.read_text())["items"]
    outlets = yaml.safe_load((ROOT / "data/sample/outlets.yaml").read_text())["outlets"]
    finder = make_finder({o["name"]: o.get("aliases") or [] for o in outlets})
    tp = fp = fn = 0
    outlet_tp = outlet_fp = outlet_fn = 0
    wrong_items = 0
    kinds: Counter[str] = Counter()
    for item in items:
        sentence = item["sentence"]
        found = item_credits(finder, item)
        got = {
            (_norm(c.cited_outlet), c.cited_date.isoformat() if c.cited_date else None)
            for c in found
        }
        want = {
            (_norm(str(e["outlet"])), str(e["date"]) if e.get("date") else None)
            for e in item.get("expect") or []
        }
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        got_o, want_o = {o for o, _ in got}, {o for o, _ in want}
        outlet_tp += len(got_o & want_o)
        outlet_fp += len(got_o - want_o)
        outlet_fn += len(want_o - got_o)
        if got != want:
            wrong_items += 1
            for o, _ in want - got:
                kinds["missed, outlet found with another date" if o in got_o else "missed"] += 1
            for o, _ in got - want:
                kinds["extra, wrong date" if o in want_o else "extra"] += 1
            if args.misses:
                print(f"{item['id']} ({item['published']}, {item['citing_outlet']}): {sentence}")
                print(f"    want {sorted(want, key=str)}\n    got  {sorted(got, key=str)}")
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    print(f"items {len(items)}, wrong {wrong_items}")
    print(f"(outlet, date): precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
    print(
        f"outlet only:    precision {outlet_tp / max(1, outlet_tp + outlet_fp):.3f} "
        f"recall {outlet_tp / max(1, outlet_tp + outlet_fn):.3f}"
    )
    for k, v in kinds.most_common():
        print(f"  {v:3d} {k}")


if __name__ == "__main__":
    main()

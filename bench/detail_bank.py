"""Score detail grouping on a detail bank (bench/detail_bank*.yaml).

A detail bank holds mini stories: three to five short articles by different outlets on
one piece of news, with every fact that two or more of them state labelled, and for each
the one sentence per article that states it. Helpers wrote the banks from CONTRACT.md
without reading the pipeline. The retellings paraphrase, pack several facts into one
sentence, wrap them in credit, and the stories hold traps: two facts that share words, a
name, a number or a unit.

Each story's timeline is computed from its articles' text with the real model, as
bench/conflict_bank.py does. For each labelled detail:

* **one detail**: some detail of the timeline holds every sentence that states it (the
  score `firstwire eval` and bench/quality.py give the sample stories);
* **first reporter**: that detail names the labelled earliest article;
* **kept apart**: that detail holds no sentence labelled only for *another* fact of the
  story (a sentence that states two facts belongs to both, and an unlabelled sentence
  is not counted: the labeller may have left out a one-article fact);
* **cited origin**, in banks whose details carry a ``cited_origin`` label (the origin
  banks, bench/origin_bank*.yaml): that detail's cited origin names the labelled party
  (see :func:`same_party`) and the labelled date, or is
  empty when the label is null. "origin outlet" scores the party alone.

The banks' outlets never disagree on a value, so every conflict shown is a false one.

    python bench/detail_bank.py --bank bench/detail_bank1.yaml
    python bench/detail_bank.py --bank FILE --misses     # every labelled detail scored wrong
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from citation_bank import _norm  # noqa: E402
from conflict_bank import bank_finder, cached_encoder, story_inputs  # noqa: E402

from pipeline.evaluate import _covers, best_detail  # noqa: E402
from pipeline.facts import DetailParams  # noqa: E402
from pipeline.sources import DEFAULT_MODEL  # noqa: E402
from pipeline.timeline import compute_timeline  # noqa: E402


def score_item(item: dict[str, Any], doc: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per labelled detail: kind, one detail, first reporter, kept apart, and
    what went wrong (for --misses)."""
    predicted = [
        (d, {(m["article_id"], m["sentence"]) for m in d.get("mentions", [])})
        for d in doc["details"]
    ]
    labels = item.get("details") or []
    rows = []
    for L in labels:
        stated = list(L["stated_in"].items())
        best, cov = best_detail(stated, predicted)
        one = best is not None and cov == len(stated)
        first_ok = bool(best is not None and best["first_reported"]["url"] == L["first"])
        intruders: list[tuple[str, str, str]] = []
        pairs = {(m["article_id"], m["sentence"]) for m in best["mentions"]} if best else set()
        if best is not None:
            for other in labels:
                if other is L:
                    continue
                for aid, sentence in other["stated_in"].items():
                    mine = L["stated_in"].get(aid)
                    if mine is not None and _covers({(aid, mine)}, aid, sentence):
                        continue  # the same sentence states both facts
                    if _covers(pairs, aid, sentence):
                        intruders.append((other["id"], aid, sentence))
        missing = [(a, s) for a, s in stated if not _covers(pairs, a, s)]
        origin = origin_row(L, best)
        rows.append(
            {
                "id": L["id"],
                "kind": L.get("kind", "statement"),
                "one_detail": one,
                "first_reporter": first_ok,
                "kept_apart": best is not None and not intruders,
                "missing": missing,
                "intruders": intruders,
                "first_got": best["first_reported"]["url"] if best is not None else None,
                "want_first": L["first"],
                "fact": L.get("fact", ""),
                "stated": len(stated),
                "covered": cov,
                **origin,
            }
        )
    return rows


_DEMONYM = {
    "japanese": "japan", "chinese": "china", "korean": "korea", "taiwanese": "taiwan",
    "indian": "india", "german": "germany", "french": "france", "british": "uk",
}  # fmt: skip


def same_party(got: str, want: str) -> bool:
    """Names of one party: equal as bench/citation_bank.py compares them, or one the
    other's first words ("Lumora" and "Lumora Systems", "LSEG SmartEstimate" and "LSEG"):
    the bank's writers give a company's full name where the articles shorten it. A
    country's adjective is its name ("Japanese Ministry of ..." is "Japan Ministry of
    ...", the story labels' convention). A leading country is optional ("India Ministry
    of Electronics ..." and "Ministry of Electronics ...": the finder names a ministry's
    country, a writer may not); a one-word acronym is the initials of the other name
    ("HPE" and "Hewlett Packard Enterprise"), and a run-together name its first two words
    ("Supermicro" and "Super Micro Computer")."""
    a, b = ([_DEMONYM.get(w, w) for w in _norm(x).split()] for x in (got, want))
    a, b = _countryless(a), _countryless(b)
    if _one_word_for(a, b) or _one_word_for(b, a):
        return True
    n = min(len(a), len(b))
    return a == b or (n > 0 and a[:n] == b[:n])


_COUNTRIES = (
    ["south", "korea"], ["us"], ["uk"], ["eu"], ["india"], ["china"], ["japan"], ["korea"],
    ["taiwan"], ["germany"], ["france"], ["singapore"], ["malaysia"],
)  # fmt: skip


def _countryless(words: list[str]) -> list[str]:
    for c in _COUNTRIES:
        if words[: len(c)] == c and len(words) > len(c):
            return words[len(c) :]
    return words


def _one_word_for(short: list[str], long: list[str]) -> bool:
    """One word that spells the other name's initials, small words left out (with or
    without a dropped "Corp"'s "c"), or runs its first two words together."""
    if len(short) != 1 or len(long) < 2:
        return False
    initials = "".join(w[0] for w in long if w not in {"of", "and", "for", "&"})
    return short[0] in (initials, initials + "c", "".join(long[:2]))


def origin_row(label: dict[str, Any], best: dict[str, Any] | None) -> dict[str, Any]:
    """Cited origin and its party alone against the label, when the bank labels it."""
    if "cited_origin" not in label:
        return {}
    want = label["cited_origin"]
    got = best.get("cited_origin") if best is not None else None
    if not want:
        return {
            "cited_origin": got is None,
            "origin_outlet": got is None,
            "credited": False,
            "origin_got": got,
            "origin_want": None,
        }
    outlet_ok = bool(got and same_party(got["outlet"], str(want["outlet"])))
    want_date = str(want["date"]) if want.get("date") else None
    return {
        "cited_origin": outlet_ok and (got or {}).get("date") == want_date,
        "origin_outlet": outlet_ok,
        "credited": True,
        "origin_got": got,
        "origin_want": want,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--bank", type=Path, default=ROOT / "bench/detail_bank1.yaml")
    ap.add_argument("--misses", action="store_true", help="print every detail scored wrong")
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument(
        "--set",
        default="",
        help="detail parameters to override, e.g. 'statement_threshold=0.65,attach_max=0.7'",
    )
    args = ap.parse_args()
    params = DetailParams(
        **{k: float(v) for k, v in (kv.split("=") for kv in args.set.split(",") if kv)}
    )
    items = yaml.safe_load(args.bank.read_text(encoding="utf-8"))["items"]
    finder = bank_finder()
    embed = cached_encoder(args.model)

    totals: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    origins: Counter[str] = Counter()
    origins_by: dict[str, Counter[str]] = {}
    false_conflicts = 0
    for item in items:
        articles = story_inputs(item)
        if any("cited_origin" in L for L in item.get("details") or []):
            # whom "the company said" means comes from the headline (pipeline.timeline): a
            # bank article's headline is its story's ("Marvell Q4 results and guidance")
            articles = [replace(a, title=item["story"]) for a in articles]
        doc = compute_timeline(articles, embed, finder, params)
        # the banks' outlets never disagree: every conflict shown is a false one
        for d in doc["details"]:
            if d["conflicts"]:
                false_conflicts += 1
                if args.misses:
                    sides = " | ".join(
                        f"{c['value']} ({', '.join(c['outlets'])})" for c in d["conflicts"]
                    )
                    print(f"{item['id']}: false conflict: {sides}")
        for row in score_item(item, doc):
            for c in (totals, by_kind.setdefault(row["kind"], Counter())):
                c["details"] += 1
                for key in ("one_detail", "first_reporter", "kept_apart"):
                    c[key] += row[key]
                c["one_and_apart"] += row["one_detail"] and row["kept_apart"]
            if "cited_origin" in row:
                for c in (
                    origins,
                    origins_by.setdefault("credited" if row["credited"] else "null", Counter()),
                ):
                    c["details"] += 1
                    c["cited_origin"] += row["cited_origin"]
                    c["origin_outlet"] += row["origin_outlet"]
            wrong = [
                k
                for k in ("one_detail", "first_reporter", "kept_apart", "cited_origin")
                if k in row and not row[k]
            ]
            if args.misses and wrong:
                print(f"{item['id']}/{row['id']} ({row['kind']}): {row['fact']}")
                print(f"  wrong: {', '.join(wrong)}; covered {row['covered']}/{row['stated']}")
                for aid, s in row["missing"]:
                    print(f"  not in it: {aid}: {s[:140]}")
                for other, aid, s in row["intruders"]:
                    print(f"  intruder ({other}): {aid}: {s[:140]}")
                if not row["first_reporter"]:
                    print(f"  first: got {row['first_got']}, want {row['want_first']}")
                if "cited_origin" in row and not row["cited_origin"]:
                    got = row["origin_got"]
                    shown = (
                        f"{got['outlet']} {got['date']} ({got['evidence'][:100]})" if got else None
                    )
                    print(f"  origin: got {shown}, want {row['origin_want']}")

    def line(name: str, c: Counter[str]) -> str:
        n = max(1, c["details"])
        return (
            f"{name:<10} details {c['details']:>3}  one detail {c['one_detail'] / n:.3f}  "
            f"first reporter {c['first_reporter'] / n:.3f}  kept apart {c['kept_apart'] / n:.3f}  "
            f"both {c['one_and_apart'] / n:.3f}"
        )

    print(f"stories {len(items)}")
    for kind in sorted(by_kind):
        print(line(kind, by_kind[kind]))
    print(line("all", totals))
    print(f"false conflicts shown: {false_conflicts}")
    for name, c in [("all", origins)] + sorted(origins_by.items()):
        if c["details"]:
            n = c["details"]
            print(
                f"cited origin ({name}): details {n:>3}  cited origin {c['cited_origin'] / n:.3f}  "
                f"origin outlet {c['origin_outlet'] / n:.3f}"
            )


if __name__ == "__main__":
    main()

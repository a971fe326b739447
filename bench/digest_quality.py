"""Digest quality on the labelled sample stories.

For every sample story with labelled details (data/sample/labels.json), the digest story
holding most of its articles is compared with the labels:

- coverage: share of labelled details the digest shows, either as a summary sentence
  (a summary sentence is one of the sentences the labels say state the detail) or in the
  story's new-details list (the listed detail's mentions include such a sentence);
- redundancy: per story the largest cosine between two summary sentences (real model),
  and the number of sentence pairs above 0.8 over all stories;
- faithfulness: every summary sentence must be a sentence of the article it cites.

Usage::

    firstwire demo                                   # builds data/demo/firstwire.duckdb
    python bench/digest_quality.py [--db PATH] [--max-details 6] [--json]

The database is opened read-only and left unchanged (sentence vectors that are not cached
are computed in memory).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.digest import build_digest, default_model, digest_embed  # noqa: E402
from pipeline.sample_server import to_sample_url  # noqa: E402
from pipeline.sentences import sentences as split_sentences  # noqa: E402
from pipeline.store import Store  # noqa: E402


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def _same(a: str, b: str) -> bool:
    x, y = _norm(a), _norm(b)
    return x == y or (len(x) > 30 and len(y) > 30 and (x in y or y in x))


def _base_url(urls: list[str]) -> str:
    parts = urlsplit(urls[0])
    return f"{parts.scheme}://{parts.netloc}"


def evaluate(db: Path, labels_path: Path, max_details: int, model: str | None) -> dict[str, Any]:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    with Store(db, read_only=True) as store:
        chosen_model = model or default_model(store)
        embed = digest_embed(store, chosen_model)
        doc = build_digest(
            store,
            since=None,
            top=10_000,
            model=chosen_model,
            max_details=max_details,
            embed=embed,
        )
        articles = {a["url"]: a for a in store.articles()}
        timelines = {s["id"]: store.timeline(s["id"]) or {"details": []} for s in doc["stories"]}
    base = _base_url(list(articles))
    to_label = {url: to_sample_url(url, base) for url in articles}
    label_story = {u: a["story"] for u, a in labels["articles"].items()}
    label_id_url = {a["id"]: u for u, a in labels["articles"].items()}
    id_of_url = {u: a["id"] for u, a in articles.items()}

    # faithfulness: every summary sentence is a sentence of the article it cites
    unfaithful = 0
    total_sentences = 0
    for s in doc["stories"]:
        for x in s["summary"]:
            total_sentences += 1
            text = articles[x["url"]]["text"] or ""
            if x["sentence"] not in {t.text for t in split_sentences(text)}:
                unfaithful += 1

    # redundancy, with the real model
    from pipeline.embed import get_embedder

    embedder = get_embedder(chosen_model)
    max_sims: list[float] = []
    pairs_over = 0
    pairs_over_07 = 0
    for s in doc["stories"]:
        sents = [x["sentence"] for x in s["summary"]]
        if len(sents) < 2:
            continue
        v = embedder.encode(sents)
        sims = [float(v[i] @ v[j]) for i, j in itertools.combinations(range(len(sents)), 2)]
        max_sims.append(max(sims))
        pairs_over += sum(1 for x in sims if x > 0.8)
        pairs_over_07 += sum(1 for x in sims if x > 0.7)

    # coverage of labelled details
    rows = []
    for story_label, details in labels["details"].items():
        if not details:
            continue
        votes: Counter[str] = Counter()
        for s in doc["stories"]:
            for a in s["coverage"]:
                if label_story.get(to_label.get(a["url"], "")) == story_label:
                    votes[s["id"]] += 1
        if not votes:
            rows.append(
                {
                    "story": story_label,
                    "labelled": len(details),
                    "summary": 0,
                    "details": 0,
                    "covered": 0,
                    "digest_story": None,
                }
            )
            continue
        sid = votes.most_common(1)[0][0]
        story = next(s for s in doc["stories"] if s["id"] == sid)
        mentions = {
            d["id"]: {(m["article_id"], m["sentence"]) for m in d.get("mentions", [])}
            for d in timelines[sid]["details"]
        }
        shown = {d["id"] for d in story["new_details"]}
        summary = [x["sentence"] for x in story["summary"]]
        n_sum = n_det = n_any = 0
        missed = []
        for L in details:
            stated = []
            for label_article, sentence in L["stated_in"].items():
                url = label_id_url[label_article]
                live = next((u for u, lu in to_label.items() if lu == url), None)
                if live is not None:
                    stated.append((id_of_url[live], sentence))
            in_summary = any(_same(s, sentence) for s in summary for _, sentence in stated)
            in_details = any(
                any(aid == a and _same(sent, sentence) for aid, sent in mentions.get(did, ()))
                for did in shown
                for a, sentence in stated
            )
            n_sum += in_summary
            n_det += in_details
            n_any += in_summary or in_details
            if not (in_summary or in_details):
                missed.append(L["id"])
        rows.append(
            {
                "story": story_label,
                "digest_story": sid,
                "labelled": len(details),
                "summary": n_sum,
                "details": n_det,
                "covered": n_any,
                "missed": missed,
            }
        )
    labelled = sum(r["labelled"] for r in rows)
    return {
        "db": str(db),
        "model": chosen_model,
        "max_details": max_details,
        "stories_in_digest": len(doc["stories"]),
        "summary_sentences": total_sentences,
        "unfaithful_sentences": unfaithful,
        "labelled_details": labelled,
        "coverage": round(sum(r["covered"] for r in rows) / labelled, 3) if labelled else None,
        "coverage_summary_only": round(sum(r["summary"] for r in rows) / labelled, 3)
        if labelled
        else None,
        "coverage_details_only": round(sum(r["details"] for r in rows) / labelled, 3)
        if labelled
        else None,
        "redundancy_max_cosine": round(max(max_sims), 3) if max_sims else 0.0,
        "redundancy_mean_max_cosine": round(sum(max_sims) / len(max_sims), 3) if max_sims else 0.0,
        "redundant_pairs_over_0.8": pairs_over,
        "pairs_over_0.7": pairs_over_07,
        "per_story": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db",
        type=Path,
        default=ROOT / "data/demo/firstwire.duckdb",
        help="a database built from the sample corpus (`firstwire demo`)",
    )
    parser.add_argument("--labels", type=Path, default=ROOT / "data/sample/labels.json")
    parser.add_argument(
        "--max-details",
        type=int,
        default=6,
        help="new details listed per story (the digest's default is 6)",
    )
    parser.add_argument("--model", default=None, help="embedding model (default: the DB's)")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db}: no database; run `firstwire demo` first or pass --db", file=sys.stderr)
        return 1
    result = evaluate(args.db, args.labels, args.max_details, args.model)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"digest quality on {result['db']} (model {result['model']}, "
        f"{result['max_details']} new details listed per story)"
    )
    print(f"  stories in digest            {result['stories_in_digest']}")
    print(
        f"  summary sentences            {result['summary_sentences']} "
        f"({result['unfaithful_sentences']} not verbatim in the cited article)"
    )
    print(f"  labelled details             {result['labelled_details']}")
    print(f"  covered (summary + details)  {result['coverage']}")
    print(f"    by summary sentences       {result['coverage_summary_only']}")
    print(f"    by new-details list        {result['coverage_details_only']}")
    print(
        f"  redundancy: max cosine       {result['redundancy_max_cosine']} "
        f"(mean of per-story max {result['redundancy_mean_max_cosine']})"
    )
    print(
        f"  summary pairs with cos > 0.8 {result['redundant_pairs_over_0.8']} "
        f"(> 0.7: {result['pairs_over_0.7']})"
    )
    for r in result["per_story"]:
        print(
            f"    {r['story']:<30} {r['covered']}/{r['labelled']} "
            f"(summary {r['summary']}, details {r['details']}) missed: "
            f"{', '.join(r.get('missed', []))}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

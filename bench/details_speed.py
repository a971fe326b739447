"""Details-stage speed: seconds per 1,000 articles for ``compute_timeline`` with a cold and
a warm sentence cache, next to the raw sentence-encode rate measured in the same run.

What it measures
----------------
1. Stories: the labelled stories of the sample corpus (``data/sample/stories/*.yaml``;
   31 stories, 115 articles at commit edf0e35; text = the paragraphs without ``## ``
   subheadings, one per line, as ``bench/tune_details.py`` builds it) are repeated until
   there are ``--articles`` articles (default 1,000): copy *c* of a story gets ids
   ``<id>~<c>``, its own URLs and dates shifted by 28 * c days (weekdays kept); the last
   story taken is cut to hit the count exactly. Each copy is a story of its own.
2. The model is loaded (``pipeline.embed.get_embedder()``, timed separately) and warmed
   up with one untimed batch.
3. Pass (a), cold cache: ``compute_timeline(articles, cached_embed(store, model, ...),
   finder)`` per story, against a fresh temporary DuckDB whose ``sentence_embeddings``
   table starts empty. The copies repeat sentences word for word, which would make every
   copy after the first a cache hit, so each copy is given its own cache namespace: the
   ``model`` argument of ``cached_embed`` is ``all-MiniLM-L6-v2#copy<c>`` (the embedder
   factory ignores the name and returns the real default model). Every story therefore
   embeds every sentence ``compute_timeline`` asks vectors for (since commit c761cf7 only
   the sentences that state something), as a story never seen before would; a sentence
   repeated *within* one story is embedded once, as in the pipeline.
4. Pass (b), warm cache: the same loop again; every vector now comes from DuckDB.
5. Pass (c), for reference: the same loop with the vectors in a Python dict (no model, no
   DB): the CPU cost of sentence splitting, citations and detail grouping alone.
6. Pass (d), the stage's batching (``details_stage``): stories are prepared and the
   distinct claims of each chunk of ~``BATCH_TEXTS`` claims are encoded in ONE call, then
   the stories are finished; no DuckDB cache (pass (a) shows its cost).
7. Raw encode rate: the distinct sentences pass (a) sent to the model (the copies repeat
   them), encoded again in one call with ``batch_size=64`` (what ``cached_embed`` uses),
   and the same at 32. sentence-transformers sorts one call's texts by length, so one big
   call pads less than the per-story calls of pass (a); the run prints both rates.

Each pass reports seconds and seconds per 1,000 articles, sentences embedded, time inside
``encode`` and inside the ``Store`` sentence-cache methods (timed by wrapping them on the
instance). The run also checks that the three passes produce identical timelines.
Writing timelines (``Store.save_timeline``) and reading articles from the DB, which the
real ``details_stage`` also does, are not included. The 1-minute load average is printed
before each pass.

Usage::

    python bench/details_speed.py
    python bench/details_speed.py --articles 1000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.evaluate import label_inputs  # noqa: E402
from pipeline.timeline import ArticleInput, sentence_hash  # noqa: E402

STORIES = ROOT / "data" / "sample" / "stories"
OUTLETS = ROOT / "data" / "sample" / "outlets.yaml"
SHIFT_DAYS = 28


def load_stories() -> list[tuple[str, list[ArticleInput]]]:
    out = []
    for path in sorted(STORIES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        arts = label_inputs(data["articles"])
        out.append((data["story"], arts))
    return out


def replicate(
    stories: list[tuple[str, list[ArticleInput]]], count: int
) -> list[tuple[int, str, list[ArticleInput]]]:
    """(copy, story id, articles) until ``count`` articles in all."""
    out: list[tuple[int, str, list[ArticleInput]]] = []
    total = 0
    copy = 0
    while total < count:
        for story, arts in stories:
            if total >= count:
                break
            shift = timedelta(days=SHIFT_DAYS * copy)
            copied = [
                ArticleInput(
                    f"{a.id}~{copy}" if copy else a.id,
                    f"https://bench.invalid/{copy}/{a.id}",
                    a.outlet,
                    a.title,
                    a.text,
                    a.published_at + shift,
                    None,
                    a.published_at_source,
                )
                for a in arts[: count - total]
            ]
            out.append((copy, f"{story}~{copy}", copied))
            total += len(copied)
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
    """Wraps the real embedder: time inside ``encode`` and every text it was given."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.seconds = 0.0
        self.calls = 0
        self.sent: list[str] = []
        self.vectors: dict[str, np.ndarray] = {}  # by sentence hash, as the cache keys them

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        t0 = time.perf_counter()
        out = self.inner.encode(texts, batch_size=batch_size)
        self.seconds += time.perf_counter() - t0
        self.calls += 1
        self.sent.extend(texts)
        self.vectors.update(zip(map(sentence_hash, texts), out, strict=True))
        return out

    def reset(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self.sent = []


def _instrument(store: Any, seconds: Counter[str]) -> None:
    for name in ("sentence_vectors", "save_sentence_vectors"):
        original = getattr(store, name)

        def wrapper(
            *args: Any, _orig: Callable[..., Any] = original, _name: str = name, **kw: Any
        ) -> Any:
            t0 = time.perf_counter()
            try:
                return _orig(*args, **kw)
            finally:
                seconds[_name] += time.perf_counter() - t0

        setattr(store, name, wrapper)


def run_pass(
    label: str,
    stories: list[tuple[int, str, list[ArticleInput]]],
    embed_for: Callable[[int], Callable[[list[str]], np.ndarray]],
    finder: Any,
    embedder: TimedEmbedder,
    store_seconds: Counter[str],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from pipeline.timeline import compute_timeline

    embedder.reset()
    store_seconds.clear()
    requested = 0

    docs = []
    load = _load()
    t0 = time.perf_counter()
    for copy, _story, arts in stories:
        inner = embed_for(copy)

        def counting(texts: list[str], _inner: Callable[..., np.ndarray] = inner) -> np.ndarray:
            nonlocal requested
            requested += len(texts)
            return _inner(texts)

        docs.append(compute_timeline(arts, counting, finder))
    seconds = time.perf_counter() - t0
    n = sum(len(a) for _, _, a in stories)
    in_store = sum(store_seconds.values())
    return {
        "pass": label,
        "articles": n,
        "stories": len(stories),
        "seconds": round(seconds, 3),
        "s_per_1000": round(seconds / n * 1000, 3),
        "sentences_requested": requested,
        "sentences_embedded": len(embedder.sent),
        "encode_calls": embedder.calls,
        "encode_s": round(embedder.seconds, 3),
        "store_s": round(in_store, 3),
        "other_s": round(seconds - embedder.seconds - in_store, 3),
        "details": sum(len(d["details"]) for d in docs),
        "load_avg_before": load,
    }, docs


def run_batched_pass(
    stories: list[tuple[int, str, list[ArticleInput]]],
    finder: Any,
    embedder: TimedEmbedder,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """What ``details_stage`` does with a cold cache: prepare stories, and once their
    claims reach ``BATCH_TEXTS``, encode the chunk's distinct claims in ONE call, then
    finish each story. Claims are kept distinct per copy (as different stories' claims
    would be); the DuckDB cache is left out (pass (a) shows its cost)."""
    from pipeline.timeline import BATCH_TEXTS, finish_timeline, prepare_story

    embedder.reset()
    docs: list[dict[str, Any]] = []
    load = _load()
    t0 = time.perf_counter()
    pending: list[tuple[int, Any]] = []

    def flush() -> None:
        keys = list(dict.fromkeys((c, t) for c, p in pending for t in p.texts))
        vectors = embedder.encode([t for _, t in keys], batch_size=64) if keys else None
        row = {k: i for i, k in enumerate(keys)}
        for copy, prepared in pending:
            rows = [row[(copy, t)] for t in prepared.texts]
            vec = vectors[rows] if rows and vectors is not None else np.zeros((0, 1), np.float32)
            docs.append(finish_timeline(prepared, vec))
        pending.clear()

    size = 0
    for copy, _story, arts in stories:
        prepared = prepare_story(arts, finder)
        pending.append((copy, prepared))
        size += len(prepared.texts)
        if size >= BATCH_TEXTS:
            flush()
            size = 0
    if pending:
        flush()
    seconds = time.perf_counter() - t0
    n = sum(len(a) for _, _, a in stories)
    return {
        "pass": "stage-batched",
        "articles": n,
        "stories": len(stories),
        "seconds": round(seconds, 3),
        "s_per_1000": round(seconds / n * 1000, 3),
        "sentences_requested": len(embedder.sent),
        "sentences_embedded": len(embedder.sent),
        "encode_calls": embedder.calls,
        "encode_s": round(embedder.seconds, 3),
        "store_s": 0.0,
        "other_s": round(seconds - embedder.seconds, 3),
        "details": sum(len(d["details"]) for d in docs),
        "load_avg_before": load,
    }, docs


def raw_rate(embedder: Any, texts: list[str], batch_size: int) -> dict[str, Any]:
    load = _load()
    t0 = time.perf_counter()
    embedder.encode(texts, batch_size=batch_size)
    seconds = time.perf_counter() - t0
    return {
        "sentences": len(texts),
        "batch_size": batch_size,
        "seconds": round(seconds, 3),
        "per_s": round(len(texts) / seconds, 1),
        "load_avg_before": load,
    }


def run(args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    import torch

    from pipeline.embed import get_embedder
    from pipeline.sources import DEFAULT_MODEL
    from pipeline.store import Store
    from pipeline.timeline import cached_embed, make_finder

    sample = load_stories()
    stories = replicate(sample, args.articles)
    outlets = yaml.safe_load(OUTLETS.read_text(encoding="utf-8"))["outlets"]
    finder = make_finder({o["name"]: o.get("aliases") or [] for o in outlets})

    log("loading model ...")
    load = _load()
    t0 = time.perf_counter()
    real = get_embedder()
    load_s = time.perf_counter() - t0
    real.encode(["Warm-up sentence for the model.", "Another one."] * 16, batch_size=64)
    embedder = TimedEmbedder(real)
    store_seconds: Counter[str] = Counter()
    result: dict[str, Any] = {
        "model": real.name,
        "cpu_count": os.cpu_count(),
        "code": code_version(),
        "torch_threads": torch.get_num_threads(),
        "model_load_s": round(load_s, 2),
        "model_load_avg_before": load,
        "copies": max(c for c, _, _ in stories) + 1,
        "sample_stories": len(sample),
    }
    with tempfile.TemporaryDirectory(prefix="firstwire-details-") as tmp:
        with Store(Path(tmp) / "bench.duckdb") as store:
            _instrument(store, store_seconds)

            def cached(copy: int) -> Callable[[list[str]], np.ndarray]:
                return cached_embed(store, f"{DEFAULT_MODEL}#copy{copy}", lambda name: embedder)

            log("pass (a): cold sentence cache ...")
            cold, cold_docs = run_pass("cold", stories, cached, finder, embedder, store_seconds)
            sent = list(embedder.sent)
            log("pass (b): warm sentence cache ...")
            warm, warm_docs = run_pass("warm", stories, cached, finder, embedder, store_seconds)
            cached_rows = store.con.execute("SELECT count(*) FROM sentence_embeddings").fetchone()
    vectors = dict(embedder.vectors)

    def in_memory(copy: int) -> Callable[[list[str]], np.ndarray]:
        return lambda texts: np.stack([vectors[sentence_hash(t)] for t in texts]).astype(np.float32)

    log("pass (c): vectors in memory ...")
    memory, memory_docs = run_pass("memory", stories, in_memory, finder, embedder, store_seconds)
    log("pass (d): the stage's batching, cold (one encode call per chunk of stories) ...")
    batched, batched_docs = run_batched_pass(stories, finder, embedder)
    distinct = list(dict.fromkeys(sent))  # the copies repeat the same sentences
    log(f"raw encode of the {len(distinct)} distinct sentences of pass (a) ...")
    result.update(
        {
            "passes": [cold, warm, memory, batched],
            "cache_rows": int(cached_rows[0]) if cached_rows else 0,
            "identical": {
                "warm_vs_cold": warm_docs == cold_docs,
                "memory_vs_cold": memory_docs == cold_docs,
                "batched_vs_cold": batched_docs == cold_docs,
            },
            "sentence_chars_mean": round(sum(len(s) for s in distinct) / max(1, len(distinct)), 1),
            "raw": [raw_rate(real, distinct, 64), raw_rate(real, distinct, 32)],
        }
    )
    raw64 = result["raw"][0]["per_s"]
    per_1000 = cold["sentences_embedded"] / cold["articles"] * 1000
    result["raw_s_per_1000"] = round(per_1000 / raw64, 3)
    result["cold_encode_per_s"] = round(cold["sentences_embedded"] / cold["encode_s"], 1)
    result["cold_encode_over_raw"] = round(result["cold_encode_per_s"] / raw64, 3)
    return result


def print_summary(r: dict[str, Any]) -> None:
    cold, warm, memory, batched = r["passes"]
    n = cold["articles"]
    print(
        f"firstwire details-stage benchmark: model {r['model']}, {r['cpu_count']} CPUs, torch "
        f"threads {r['torch_threads']}; {n} articles in {cold['stories']} stories "
        f"({r['copies']} copies of the {r['sample_stories']} sample stories), code {r['code']}"
    )
    print(
        f"  model load {r['model_load_s']:.2f} s (load avg before {r['model_load_avg_before']:.2f})"
    )
    labels = {
        "cold": "(a) cold cache",
        "warm": "(b) warm cache",
        "memory": "(c) vectors in a dict (no model, no DB)",
        "stage-batched": "(d) the stage's batching, cold (no DB cache)",
    }
    for p in (cold, warm, memory, batched):
        print(
            f"  {labels[p['pass']]}: {p['seconds']:.2f} s = {p['s_per_1000']:.2f} s per 1,000 "
            f"articles; {p['sentences_requested']} sentences passed to embed, "
            f"{p['sentences_embedded']} embedded in {p['encode_calls']} encode calls "
            f"({p['encode_s']:.2f} s), sentence cache {p['store_s']:.2f} s, rest "
            f"{p['other_s']:.2f} s; {p['details']} details; load avg before "
            f"{p['load_avg_before']:.2f}"
        )
    for raw in r["raw"]:
        print(
            f"  raw encode {raw['sentences']} short sentences (mean {r['sentence_chars_mean']:.0f} "
            f"chars), batch {raw['batch_size']}: {raw['per_s']:.1f} sentences/s "
            f"({raw['seconds']:.2f} s; load avg before {raw['load_avg_before']:.2f})"
        )
    print(
        f"  per 1,000 articles: cold {cold['s_per_1000']:.2f} s, warm {warm['s_per_1000']:.2f} s; "
        f"encoding the cold pass's {cold['sentences_embedded'] / n * 1000:.0f} sentences per "
        f"1,000 articles at the raw batch-64 rate alone would take {r['raw_s_per_1000']:.2f} s"
    )
    print(
        f"             inside pass (a)'s encode calls (one per story): "
        f"{r['cold_encode_per_s']:.1f} sentences/s = {r['cold_encode_over_raw']:.2f}x the raw "
        f"batch-64 rate (one call over all distinct sentences)"
    )
    ident = r["identical"]
    print(
        f"  checks     {r['cache_rows']} rows in sentence_embeddings after (a) and (b); "
        f"timelines identical warm vs cold: {ident['warm_vs_cold']}, dict vs cold: "
        f"{ident['memory_vs_cold']}, batched vs cold: {ident['batched_vs_cold']}"
    )
    print(
        f"  stage      (d) {batched['s_per_1000']:.2f} s per 1,000 articles cold in "
        f"{batched['encode_calls']} encode calls "
        f"({batched['sentences_embedded'] / batched['encode_s']:.1f} sentences/s inside them)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--json", action="store_true", help="print machine-readable results only")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    result = run(args, log)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_summary(result)
    return 0 if all(result["identical"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""Clustering at scale: time, peak memory and per-article cost of story clustering for
10,000 and 100,000 synthetic articles arriving over 90 days.

What it measures
----------------
1. A synthetic corpus is generated (seeded, not timed). Stories are bursts of 1-40
   articles (heavy-tailed sizes, P(k) ~ k^-1.6) published within a few days of the story's
   start (exponential offsets, mean 0.8 days, cut at 4 days); starts are uniform over 90
   days. Each story has a centroid in 384-d: the unit vector of 0.5 * one of 40 "topic"
   directions + 0.87 * a random direction, so two stories on one topic sit at cosine ~0.25
   and two on different topics at ~0.0. An article vector is the unit vector of its
   story's centroid + Gaussian noise scaled so that two articles of one story sit at
   cosine ~0.7. Event keys are invented capitalised words: 3-5 of the story's own 6 words,
   1-2 of its topic's 3 words, beat-wide common words (each in 5-40% of articles) and 2-4
   Zipf-distributed "noise" names from a 20,000-word vocabulary. The printed corpus line
   gives the measured within- and between-story cosines.
2. In-memory replay through ``pipeline.cluster.OnlineClusterer`` (default
   ``ClusterParams``) in publication order. The real stage (``pipeline.stages
   .cluster_new_articles``) bounds the active set twice: it *loads* only the stories whose
   span comes within ``window_days`` of the batch's articles (``Store.active_stories(t_min
   - window, t_max + window)``), and ``OnlineClusterer.add`` expires the stories whose
   last article is older than the window before each article (since commit b870455;
   before it a batch's active set only grew). The ``daily`` replay mirrors one stage run
   per UTC day: ``expire(t)`` at the first article of each day (what loading the window
   does), then ``add`` for each article of the day. Reported: wall time and articles/s
   of the replay loop (corpus and key generation excluded); per decile of the stream the
   mean, median and p99 wall time per article, the mean CPU time of the replaying thread
   per article (less disturbed by other processes than wall time), the active stories
   compared per article and RSS at the decile's end; peak RSS (psutil, sampled every
   20 ms by a thread, and ``ru_maxrss``); and B-cubed precision/recall/F1 against the
   synthetic truth (``pipeline.cluster.bcubed``) with a sha1 of the assignments. The
   first ~15 days (decile 1 and part of decile 2) fill the 14-day window, so flatness is
   judged from decile 3 on. For N <= ``--single-batch-max`` (default 10,000) the stream
   is also replayed as ONE batch with no explicit expiry: what one
   ``cluster_new_articles`` call over a backlog does (first ingest of old feeds,
   ``firstwire recluster --since 90d``). With expiry inside ``add`` its assignments must
   equal the daily replay's (same sha1).
3. ``tracemalloc`` pass (untimed; N <= ``--tracemalloc-max``, default 10,000, as tracing
   doubles the run time): the same daily replay again with tracemalloc started after the
   corpus exists, so the traced peak counts only what the clusterer (and the dict of
   predictions) allocates, not the corpus arrays that dominate RSS.
   BLAS threads: the replays run with OpenBLAS pinned to ``--blas-threads`` (default 1,
   through threadpoolctl; 0 leaves the library default, one thread per core). The
   pipeline does not pin it, but on a 2-core machine with other processes busy, OpenBLAS's
   threaded ``matrix @ vector`` (used from ~1,300 active stories up) can take milliseconds
   instead of microseconds, which would swamp the measurement. A probe printed with each
   run times ``matrix @ vector`` at the run's active-set size both ways.
4. Database path (N <= ``--db-max``, default 10,000): the synthetic articles are stored in
   a temporary DuckDB via ``Store.add_pending`` + ``Store.save_articles`` (titles and
   ~3 KB texts carry the event keys, so ``event_keys`` finds exactly the generated keys)
   in ``--db-batches`` consecutive time slices (default 10 of N/10). After each slice is
   inserted, the real ``cluster_new_articles`` stage runs with a fake embedder
   (``embedder_factory``) that returns the precomputed synthetic vector for each text.
   Reported per batch: stage seconds and seconds per 1,000 articles (wall, and process
   CPU time including DuckDB's threads), the history already clustered, the active
   stories the stage loaded, ``compared_per_article`` from the stage's stats, and the
   time spent in each ``Store`` method the stage calls (timed by wrapping the methods on
   the instance; nothing in pipeline/ changes). Insertion is not timed. B-cubed F1 of the
   stored story membership is reported as well.

Every run prints the 1-minute load average before it (the machine is shared; CPU-bound
loops slow down in proportion).

Usage::

    python bench/cluster_scale.py                       # N=10,000 and N=100,000, fresh process each
    python bench/cluster_scale.py --n 10000             # one N in this process
    python bench/cluster_scale.py --n 10000 --json
    python bench/cluster_scale.py --scales 10000,100000 --db-max 0   # skip the DB path
    python bench/cluster_scale.py --n 10000 --blas-threads 0   # OpenBLAS default threads
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import psutil

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.cluster import DAY, ClusterParams, OnlineClusterer, bcubed  # noqa: E402

MB = 1024 * 1024
DIM = 384
DAYS = 90
TOPICS = 40
TOPIC_SHARE = 0.5  # weight of the topic direction in a story centroid
WITHIN_COS = 0.7  # target cosine between two articles of one story
MAX_SIZE = 40
SIZE_ALPHA = 1.6
BURST_MEAN_DAYS = 0.8
BURST_MAX_DAYS = 4.0
STORY_WORDS = 6
TOPIC_WORDS = 3
COMMON_P = (0.4, 0.3, 0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.05)
NOISE_VOCAB = 20_000
OUTLETS = 20
BASE_T = datetime(2026, 1, 5, tzinfo=UTC).timestamp()
SAMPLE_INTERVAL_S = 0.02
DB_MODEL = "bench-synthetic-384"

_CONS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONS for v in _VOWELS]  # 70 two-letter syllables
_FILLER = (
    "the report said demand stayed strong while supply remained tight across the industry "
    "and executives expected the situation to last for several quarters as customers kept "
    "ordering servers for their data centres despite higher prices and longer lead times "
)


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


def word(index: int) -> str:
    """A unique capitalised pseudo-word per index (4 syllables: 24 million words)."""
    out = []
    for _ in range(4):
        index, r = divmod(index, len(_SYLLABLES))
        out.append(_SYLLABLES[r])
    return "".join(out).capitalize()


def code(index: int) -> str:
    """A unique lowercase token (no digits, so event_keys ignores it)."""
    letters = []
    while True:
        index, r = divmod(index, 26)
        letters.append(chr(ord("a") + r))
        if not index:
            break
    return "xq" + "".join(letters)


# ----------------------------------------------------------------------------- corpus


@dataclass
class Synthetic:
    n: int
    ids: list[str]
    vectors: np.ndarray  # (n, DIM) float32, unit rows, publication order
    times: np.ndarray  # (n,) float64 epoch seconds, sorted
    story: np.ndarray  # (n,) int true story index
    words: list[list[str]]  # capitalised key words per article, title words first
    keys: list[set[str]]  # what pipeline.keys.event_keys returns for the article
    sizes: np.ndarray  # articles per story

    def title_text(self, i: int) -> tuple[str, str]:
        ws = self.words[i]
        title = f"{' '.join(ws[:3])} ref {code(i)}"
        text = f"{', '.join(ws[3:])} ref {code(i)}.\n\n" + _FILLER * 12
        return title, text


def _unit(m: np.ndarray) -> np.ndarray:
    return m / np.linalg.norm(m, axis=-1, keepdims=True)


def make_corpus(n: int, seed: int) -> Synthetic:
    rng = np.random.default_rng(seed)
    ks = np.arange(1, MAX_SIZE + 1)
    p = ks**-SIZE_ALPHA
    p /= p.sum()
    sizes_list: list[int] = []
    total = 0
    while total < n:
        chunk = rng.choice(ks, size=max(64, (n - total) // 3), p=p)
        for s in chunk:
            s = int(min(s, n - total))
            sizes_list.append(s)
            total += s
            if total >= n:
                break
    sizes = np.asarray(sizes_list)
    n_stories = len(sizes)
    topics = _unit(rng.standard_normal((TOPICS, DIM)))
    topic_of = rng.integers(TOPICS, size=n_stories)
    rand = _unit(rng.standard_normal((n_stories, DIM)))
    centroids = _unit(TOPIC_SHARE * topics[topic_of] + math.sqrt(1 - TOPIC_SHARE**2) * rand).astype(
        np.float32
    )
    starts = BASE_T + rng.uniform(0, (DAYS - BURST_MAX_DAYS) * DAY, size=n_stories)
    story_of = np.repeat(np.arange(n_stories), sizes)
    offsets = np.minimum(rng.exponential(BURST_MEAN_DAYS * DAY, size=n), BURST_MAX_DAYS * DAY)
    offsets[np.r_[0, np.cumsum(sizes)[:-1]]] = 0.0  # each story's first article opens it
    times = starts[story_of] + offsets
    order = np.argsort(times, kind="stable")
    times = times[order]
    story_of = story_of[order]
    # noise with |noise| ~ sigma gives article-article cosine 1 / (1 + sigma^2)
    sigma = math.sqrt(1 / WITHIN_COS - 1)
    vectors = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 10_000):
        sl = slice(start, min(n, start + 10_000))
        noise = rng.standard_normal((sl.stop - sl.start, DIM), dtype=np.float32)
        noise *= sigma / math.sqrt(DIM)
        vectors[sl] = _unit(centroids[story_of[sl]] + noise)
    # event keys
    noise_p = 1.0 / np.arange(1, NOISE_VOCAB + 1) ** 1.1
    noise_p /= noise_p.sum()
    noise_words = rng.choice(NOISE_VOCAB, size=(n, 4), p=noise_p)
    noise_count = rng.integers(2, 5, size=n)
    spec_count = rng.integers(3, 6, size=n)
    topic_count = rng.integers(1, 3, size=n)
    common_hit = rng.random((n, len(COMMON_P))) < np.asarray(COMMON_P)
    topic_base = n_stories * STORY_WORDS
    common_base = topic_base + TOPICS * TOPIC_WORDS
    noise_base = common_base + len(COMMON_P)
    words: list[list[str]] = []
    keys: list[set[str]] = []
    for i in range(n):
        s = int(story_of[i])
        spec = rng.choice(STORY_WORDS, size=int(spec_count[i]), replace=False)
        tops = rng.choice(TOPIC_WORDS, size=int(topic_count[i]), replace=False)
        idx = [s * STORY_WORDS + int(j) for j in spec]
        idx += [topic_base + int(topic_of[s]) * TOPIC_WORDS + int(j) for j in tops]
        idx += [common_base + int(j) for j in np.flatnonzero(common_hit[i])]
        idx += [noise_base + int(j) for j in noise_words[i, : noise_count[i]]]
        ws = list(dict.fromkeys(word(j) for j in idx))
        words.append(ws)
        keys.append({"e:" + w.lower() for w in ws})
    ids = [f"a{i:07d}" for i in range(n)]
    return Synthetic(n, ids, vectors, times, story_of, words, keys, sizes)


def corpus_stats(data: Synthetic, seed: int) -> dict[str, Any]:
    """Measured cosines and key counts, and a check that event_keys sees the same keys."""
    from pipeline.keys import event_keys

    rng = np.random.default_rng(seed + 1)
    by_story: dict[int, list[int]] = {}
    for i, s in enumerate(data.story.tolist()):
        by_story.setdefault(s, []).append(i)
    multi = [m for m in by_story.values() if len(m) >= 2]
    picked = [multi[j] for j in rng.permutation(len(multi))[:2000]]
    pairs = [tuple(rng.choice(m, size=2, replace=False)) for m in picked]
    within = [float(data.vectors[a] @ data.vectors[b]) for a, b in pairs]
    rand_pairs = rng.integers(data.n, size=(4000, 2))
    between = [
        float(data.vectors[a] @ data.vectors[b])
        for a, b in rand_pairs
        if data.story[a] != data.story[b]
    ]
    checked = min(300, data.n)
    mismatched = 0
    for i in rng.choice(data.n, size=checked, replace=False):
        title, text = data.title_text(int(i))
        mismatched += event_keys(title, text) != data.keys[int(i)]
    sizes = data.sizes
    return {
        "stories": len(sizes),
        "size_mean": round(float(sizes.mean()), 2),
        "size_max": int(sizes.max()),
        "singletons": int((sizes == 1).sum()),
        "within_cos_mean": round(float(np.mean(within)), 3),
        "between_cos_mean": round(float(np.mean(between)), 3),
        "between_cos_p99": round(float(np.percentile(between, 99)), 3),
        "between_cos_max": round(float(np.max(between)), 3),
        "keys_per_article": round(float(np.mean([len(k) for k in data.keys])), 1),
        "event_keys_checked": checked,
        "event_keys_mismatched": mismatched,
        "days": round(float((data.times[-1] - data.times[0]) / DAY), 1),
    }


# ----------------------------------------------------------------------------- memory


class RssSampler:
    """Peak RSS of this process, sampled by a thread."""

    def __init__(self, interval: float = SAMPLE_INTERVAL_S) -> None:
        self.interval = interval
        self.proc = psutil.Process()
        self.peak = self.proc.memory_info().rss
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> int:
        rss = self.proc.memory_info().rss
        self.peak = max(self.peak, rss)
        self.samples += 1
        return rss

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> RssSampler:
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def _maxrss_mb() -> float:
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value / MB if sys.platform == "darwin" else value / 1024


def _load() -> float:
    return round(os.getloadavg()[0], 2)


@contextmanager
def blas_threads(n: int) -> Iterator[str]:
    """Limit OpenBLAS/MKL threads to ``n`` (0: leave the default); yields a description."""
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:  # threadpoolctl comes with scikit-learn (sentence-transformers)
        yield "library default (threadpoolctl not installed)"
        return
    default = max(
        (p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"), default=0
    )
    if n <= 0:
        yield f"library default ({default})"
        return
    with threadpool_limits(limits=n, user_api="blas"):
        yield f"{n} (pinned; library default {default})"


def gemv_probe(rows: int, reps: int = 200) -> dict[str, Any]:
    """Time ``matrix @ vector`` (OnlineClusterer.best_match's cosine step) at ``rows``
    active stories, with the BLAS library's default threads and with one thread."""
    rng = np.random.default_rng(0)
    matrix = rng.standard_normal((max(rows, 1), DIM)).astype(np.float32)
    vector = rng.standard_normal(DIM).astype(np.float32)
    out: dict[str, Any] = {"rows": rows}
    for label, threads in (("default_us", 0), ("one_thread_us", 1)):
        with blas_threads(threads):
            matrix @ vector
            t0 = time.perf_counter()
            for _ in range(reps):
                matrix @ vector
            out[label] = round((time.perf_counter() - t0) / reps * 1e6, 1)
    out["load_avg"] = _load()
    return out


# ----------------------------------------------------------------------------- in memory


def replay(data: Synthetic, mode: str, params: ClusterParams, deciles: int = 10) -> dict[str, Any]:
    """Feed every article to one OnlineClusterer in time order; ``mode`` is ``daily``
    (expire at the first article of each UTC day, like one stage run per day) or
    ``single`` (one batch, never expire)."""
    clusterer = OnlineClusterer(params)
    pred: dict[str, str] = {}
    n = data.n
    per = np.empty(n, dtype=np.float64)
    cpu = np.empty(n, dtype=np.float64)
    compared = np.empty(n, dtype=np.int64)
    rss_at: list[float] = []
    bounds = [round(n * (k + 1) / deciles) for k in range(deciles)]
    proc = psutil.Process()
    day = -1
    new_stories = 0
    batches = 0
    vectors, times, ids, keys = data.vectors, data.times, data.ids, data.keys
    load = _load()
    perf = time.perf_counter
    thread_time = time.thread_time
    with RssSampler() as mem:
        rss_before = mem.peak
        t_start = perf()
        c_start = thread_time()
        nxt = 0
        for i in range(n):
            t = float(times[i])
            c0 = thread_time()
            t0 = perf()
            if mode == "daily":
                d = int(t // DAY)
                if d != day:
                    clusterer.expire(t)
                    day = d
                    batches += 1
            before = clusterer.compared
            result = clusterer.add(ids[i], vectors[i], keys[i], t)
            per[i] = perf() - t0
            cpu[i] = thread_time() - c0
            compared[i] = clusterer.compared - before
            pred[ids[i]] = result.story_id
            new_stories += result.new_story
            if i + 1 == bounds[nxt]:
                rss_at.append(proc.memory_info().rss / MB)
                nxt += 1
        wall = perf() - t_start
        cpu_total = thread_time() - c_start
    truth = {ids[i]: str(s) for i, s in enumerate(data.story.tolist())}
    precision, recall, f1 = bcubed(pred, truth)
    digest = hashlib.sha1("\n".join(f"{a} {s}" for a, s in pred.items()).encode()).hexdigest()
    rows = []
    lo = 0
    for k, hi in enumerate(bounds):
        seg = per[lo:hi] * 1e6
        cpu_seg = cpu[lo:hi] * 1e6
        rows.append(
            {
                "decile": k + 1,
                "articles": hi - lo,
                "day_from": round(float((times[lo] - times[0]) / DAY), 1),
                "day_to": round(float((times[hi - 1] - times[0]) / DAY), 1),
                "us_mean": round(float(seg.mean()), 1),
                "us_p50": round(float(np.percentile(seg, 50)), 1),
                "us_p99": round(float(np.percentile(seg, 99)), 1),
                "cpu_us_mean": round(float(cpu_seg.mean()), 1),
                "compared_mean": round(float(compared[lo:hi].mean()), 1),
                "compared_max": int(compared[lo:hi].max()),
                "rss_mb": round(rss_at[k], 1),
            }
        )
        lo = hi
    steady = [r["us_mean"] for r in rows[2:]] or [r["us_mean"] for r in rows]
    steady_cpu = [r["cpu_us_mean"] for r in rows[2:]] or [r["cpu_us_mean"] for r in rows]
    third = rows[min(2, len(rows) - 1)]
    return {
        "mode": mode,
        "articles": n,
        "batches": batches if mode == "daily" else 1,
        "wall_s": round(wall, 3),
        "articles_per_s": round(n / wall, 1),
        "us_per_article": round(wall / n * 1e6, 1),
        "deciles": rows,
        "steady_us_min": min(steady),
        "steady_us_max": max(steady),
        "last_over_third": round(rows[-1]["us_mean"] / third["us_mean"], 2),
        "cpu_s": round(cpu_total, 3),
        "steady_cpu_us_min": min(steady_cpu),
        "steady_cpu_us_max": max(steady_cpu),
        "cpu_last_over_third": round(rows[-1]["cpu_us_mean"] / third["cpu_us_mean"], 2),
        "compared_per_article": round(float(compared.mean()), 1),
        "stories_created": new_stories,
        "active_at_end": len(clusterer.stories),
        "idf_keys_at_end": len(clusterer.idf.df),
        "bcubed": {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)},
        "assignments_sha1": digest[:12],
        "rss_before_mb": round(rss_before / MB, 1),
        "rss_peak_mb": round(mem.peak / MB, 1),
        "rss_samples": mem.samples,
        "load_avg_before": load,
    }


def traced_replay(data: Synthetic, params: ClusterParams) -> dict[str, Any]:
    """The daily replay under tracemalloc (untimed): what the clusterer itself allocates."""
    tracemalloc.start()
    t0 = time.perf_counter()
    clusterer = OnlineClusterer(params)
    pred: dict[str, str] = {}
    day = -1
    for i in range(data.n):
        t = float(data.times[i])
        d = int(t // DAY)
        if d != day:
            clusterer.expire(t)
            day = d
        pred[data.ids[i]] = clusterer.add(data.ids[i], data.vectors[i], data.keys[i], t).story_id
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "peak_mb": round(peak / MB, 1),
        "end_mb": round(current / MB, 1),
        "seconds": round(time.perf_counter() - t0, 1),
    }


# ----------------------------------------------------------------------------- database


class FakeEmbedder:
    """Returns the precomputed synthetic vector of each text (keyed by lead(title, text))."""

    def __init__(self, by_text: dict[str, np.ndarray]) -> None:
        self.name = DB_MODEL
        self.dim = DIM
        self.by_text = by_text
        self.calls = 0
        self.texts = 0

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return np.stack([self.by_text[t] for t in texts]).astype(np.float32)


class _Quiet:
    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


STORE_METHODS = (
    "unclustered_articles",
    "embeddings",
    "save_embeddings",
    "key_df",
    "active_stories",
    "add_key_docs",
    "save_story_assignments",
    "upsert_story",
    "story_member_titles",
    "set_story_title",
)


def _instrument(store: Any, seconds: Counter[str], calls: Counter[str]) -> None:
    """Time every call of the Store methods the stage uses (instance attributes shadow
    the class's methods; pipeline code is untouched)."""
    for name in STORE_METHODS:
        original = getattr(store, name)

        def wrapper(
            *args: Any, _orig: Callable[..., Any] = original, _name: str = name, **kw: Any
        ) -> Any:
            t0 = time.perf_counter()
            try:
                return _orig(*args, **kw)
            finally:
                seconds[_name] += time.perf_counter() - t0
                calls[_name] += 1

        setattr(store, name, wrapper)


def db_run(
    data: Synthetic, n_batches: int, params: ClusterParams, log: Callable[[str], None]
) -> dict[str, Any]:
    """Store the corpus in time slices and run cluster_new_articles after each one."""
    from pipeline.keys import lead
    from pipeline.stages import cluster_new_articles
    from pipeline.store import ArticleUpdate, NewArticle, Store

    texts = [data.title_text(i) for i in range(data.n)]
    fake = FakeEmbedder({lead(t, x): data.vectors[i] for i, (t, x) in enumerate(texts)})
    bounds = [round(data.n * (k + 1) / n_batches) for k in range(n_batches)]
    rows: list[dict[str, Any]] = []
    load = _load()
    with tempfile.TemporaryDirectory(prefix="firstwire-cluster-") as tmp, RssSampler() as mem:
        db_path = Path(tmp) / "bench.duckdb"
        lo = 0
        for b, hi in enumerate(bounds):
            with Store(db_path) as store:
                run_id = store.start_run("bench-cluster-scale")
                new, updates = [], []
                for i in range(lo, hi):
                    title, text = texts[i]
                    when = datetime.fromtimestamp(float(data.times[i]), UTC)
                    outlet = f"Outlet {i % OUTLETS:02d}"
                    url = f"https://bench.invalid/{i % OUTLETS}/{data.ids[i]}"
                    new.append(
                        NewArticle(
                            data.ids[i], url, outlet, f"https://bench.invalid/{i % OUTLETS}/feed",
                            None, title, None, None, when, None,
                        )
                    )  # fmt: skip
                    updates.append(
                        ArticleUpdate(
                            data.ids[i], "ok", title=title, text=text,
                            extraction="trafilatura", published_at=when,
                            published_at_source="feed", fetched_at=when,
                            content_hash=data.ids[i],
                        )
                    )  # fmt: skip
                store.add_pending(new, run_id)
                store.save_articles(updates)
                hist = store.con.execute("SELECT count(*) FROM story_articles").fetchone()
                stories_before = store.con.execute("SELECT count(*) FROM stories").fetchone()
            seconds: Counter[str] = Counter()
            calls: Counter[str] = Counter()
            stats: dict[str, Any] = {}
            active_loaded: list[int] = []
            t0 = time.perf_counter()
            with Store(db_path) as store:
                _instrument(store, seconds, calls)
                original_active = store.active_stories

                def counting_active(
                    start: Any,
                    end: Any,
                    _orig: Callable[..., Any] = original_active,
                    _sink: list[int] = active_loaded,
                ) -> Any:
                    out = _orig(start, end)
                    _sink.append(len(out))
                    return out

                store.active_stories = counting_active  # type: ignore[method-assign]
                c1 = time.process_time()
                t1 = time.perf_counter()
                cluster_new_articles(
                    store,
                    run_id,
                    stats,
                    _Quiet(),
                    model=DB_MODEL,
                    params=params,
                    embedder_factory=lambda name: fake,
                )
                stage_s = time.perf_counter() - t1
                stage_cpu_s = time.process_time() - c1
            open_close_s = time.perf_counter() - t0 - stage_s
            st = stats["stories"]
            in_store = sum(seconds.values())
            rows.append(
                {
                    "batch": b + 1,
                    "articles": hi - lo,
                    "history_articles": int(hist[0]) if hist else 0,
                    "history_stories": int(stories_before[0]) if stories_before else 0,
                    "day_from": round(float((data.times[lo] - data.times[0]) / DAY), 1),
                    "day_to": round(float((data.times[hi - 1] - data.times[0]) / DAY), 1),
                    "active_loaded": active_loaded[0] if active_loaded else 0,
                    "touched": st.get("touched", 0),
                    "new_stories": st.get("new_stories", 0),
                    "compared_per_article": st.get("compared_per_article", 0),
                    "stage_s": round(stage_s, 3),
                    "s_per_1000": round(stage_s / (hi - lo) * 1000, 3),
                    "cpu_s": round(stage_cpu_s, 3),
                    "cpu_s_per_1000": round(stage_cpu_s / (hi - lo) * 1000, 3),
                    "open_close_s": round(open_close_s, 3),
                    "store_s": round(in_store, 3),
                    "other_s": round(stage_s - in_store, 3),
                    "store_methods": {
                        k: {"s": round(seconds[k], 3), "calls": calls[k]} for k in STORE_METHODS
                    },
                }
            )
            log(
                f"  db batch {b + 1}/{n_batches}: {hi - lo} articles, "
                f"{stage_s:.2f} s, history {rows[-1]['history_articles']}"
            )
            lo = hi
        with Store(db_path, read_only=True) as store:
            pred = dict(
                store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall()
            )
        db_mb = db_path.stat().st_size / MB
    truth = {data.ids[i]: str(s) for i, s in enumerate(data.story.tolist())}
    precision, recall, f1 = bcubed(pred, truth)
    first, last = rows[0], rows[-1]
    return {
        "batches": rows,
        "articles": data.n,
        "total_stage_s": round(sum(r["stage_s"] for r in rows), 2),
        "first_s_per_1000": first["s_per_1000"],
        "last_s_per_1000": last["s_per_1000"],
        "last_over_first": round(last["s_per_1000"] / first["s_per_1000"], 2),
        "first_cpu_s_per_1000": first["cpu_s_per_1000"],
        "last_cpu_s_per_1000": last["cpu_s_per_1000"],
        "cpu_last_over_first": round(last["cpu_s_per_1000"] / first["cpu_s_per_1000"], 2),
        "embedded": fake.texts,
        "bcubed": {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4)},
        "db_mb": round(db_mb, 1),
        "rss_peak_mb": round(mem.peak / MB, 1),
        "load_avg_before": load,
    }


# ----------------------------------------------------------------------------- run


def run_once(args: argparse.Namespace, n: int, log: Callable[[str], None]) -> dict[str, Any]:
    params = ClusterParams()
    log(f"N={n}: generating synthetic corpus ...")
    t0 = time.perf_counter()
    data = make_corpus(n, args.seed)
    gen_s = time.perf_counter() - t0
    stats = corpus_stats(data, args.seed)
    log(f"  generated in {gen_s:.1f} s: {stats['stories']} stories; daily replay ...")
    result: dict[str, Any] = {
        "n": n,
        "seed": args.seed,
        "cpu_count": os.cpu_count(),
        "code": code_version(),
        "params": {"window_days": params.window_days, "min_cosine": params.min_cosine},
        "generation_s": round(gen_s, 1),
        "corpus": stats,
    }
    with blas_threads(args.blas_threads) as blas:
        result["blas_threads"] = blas
        result["daily"] = replay(data, "daily", params)
        if n <= args.single_batch_max:
            log("  single-batch replay (no expiry) ...")
            result["single"] = replay(data, "single", params)
        if n <= args.tracemalloc_max:
            log("  tracemalloc pass ...")
            result["traced"] = traced_replay(data, params)
        if n <= args.db_max:
            log(f"  database path, {args.db_batches} batches ...")
            result["db"] = db_run(data, args.db_batches, params, log)
    result["gemv"] = gemv_probe(int(round(result["daily"]["deciles"][-1]["compared_mean"])))
    result["ru_maxrss_mb"] = round(_maxrss_mb(), 1)
    return result


def print_replay(r: dict[str, Any], label: str) -> None:
    b = r["bcubed"]
    print(
        f"  {label:<10} {r['articles']} articles in {r['batches']} batch(es): "
        f"{r['wall_s']:.2f} s = {r['articles_per_s']:.0f} articles/s "
        f"({r['us_per_article']:.0f} us/article, thread CPU {r['cpu_s']:.2f} s); "
        f"{r['compared_per_article']:.0f} active "
        f"stories compared per article; {r['stories_created']} stories, "
        f"{r['active_at_end']} still active at the end; B-cubed P={b['p']:.3f} "
        f"R={b['r']:.3f} F1={b['f1']:.3f} (assignments sha1 {r['assignments_sha1']}); "
        f"load avg before {r['load_avg_before']:.2f}"
    )
    print(
        f"             peak RSS {r['rss_peak_mb']:.1f} MB (before replay "
        f"{r['rss_before_mb']:.1f} MB, +{r['rss_peak_mb'] - r['rss_before_mb']:.1f} MB; "
        f"{r['rss_samples']} samples)"
    )
    print(
        f"             {'decile':>6} {'days':>11} {'us mean':>8} {'us p50':>7} {'us p99':>8} "
        f"{'cpu us':>7} {'compared':>9} {'max':>6} {'RSS MB':>7}"
    )
    for d in r["deciles"]:
        days = f"{d['day_from']:.1f}-{d['day_to']:.1f}"
        print(
            f"             {d['decile']:>6} {days:>11} {d['us_mean']:>8.1f} {d['us_p50']:>7.1f} "
            f"{d['us_p99']:>8.1f} {d['cpu_us_mean']:>7.1f} {d['compared_mean']:>9.1f} "
            f"{d['compared_max']:>6} "
            f"{d['rss_mb']:>7.1f}"
        )
    print(
        f"             deciles 3-10: wall {r['steady_us_min']:.1f}..{r['steady_us_max']:.1f} "
        f"us/article mean, decile 10 / decile 3 = {r['last_over_third']:.2f}; thread CPU "
        f"{r['steady_cpu_us_min']:.1f}..{r['steady_cpu_us_max']:.1f} us/article, decile 10 / "
        f"decile 3 = {r['cpu_last_over_third']:.2f}"
    )


def print_summary(r: dict[str, Any]) -> None:
    c = r["corpus"]
    print(
        f"firstwire clustering scale benchmark: N={r['n']}, {r['cpu_count']} CPUs, "
        f"window {r['params']['window_days']:g} days, min_cosine {r['params']['min_cosine']}, "
        f"BLAS threads {r['blas_threads']}, code {r['code']}"
    )
    print(
        f"  corpus     {c['stories']} stories over {c['days']} days (size mean "
        f"{c['size_mean']}, max {c['size_max']}, {c['singletons']} singletons), "
        f"{c['keys_per_article']} keys/article; cosine within story {c['within_cos_mean']:.3f}, "
        f"between stories mean {c['between_cos_mean']:.3f} p99 {c['between_cos_p99']:.3f} "
        f"max {c['between_cos_max']:.3f}; event_keys == generated keys for "
        f"{c['event_keys_checked'] - c['event_keys_mismatched']}/{c['event_keys_checked']} "
        f"checked; generated in {r['generation_s']:.1f} s (not measured)"
    )
    print_replay(r["daily"], "daily")
    if "single" in r:
        print_replay(r["single"], "one batch")
    if "traced" in r:
        t = r["traced"]
        print(
            f"  tracemalloc daily replay (clusterer + predictions only, corpus excluded): "
            f"peak {t['peak_mb']:.1f} MB, {t['end_mb']:.1f} MB at the end ({t['seconds']:.1f} s "
            f"under tracing, not a timing)"
        )
    if "db" in r:
        d = r["db"]
        b = d["bcubed"]
        print(
            f"  database   cluster_new_articles in {len(d['batches'])} batches, fake embedder: "
            f"{d['total_stage_s']:.2f} s for {d['articles']} articles; first batch "
            f"{d['first_s_per_1000']:.3f} s/1000, last {d['last_s_per_1000']:.3f} s/1000 "
            f"(last/first {d['last_over_first']:.2f}); process CPU first "
            f"{d['first_cpu_s_per_1000']:.3f} s/1000, last {d['last_cpu_s_per_1000']:.3f} s/1000 "
            f"(last/first {d['cpu_last_over_first']:.2f}); B-cubed P={b['p']:.3f} R={b['r']:.3f} "
            f"F1={b['f1']:.3f}; DB {d['db_mb']:.1f} MB; peak RSS {d['rss_peak_mb']:.1f} MB; "
            f"load avg before {d['load_avg_before']:.2f}"
        )
        print(
            f"             {'batch':>5} {'days':>11} {'art':>5} {'history':>7} {'active':>6} "
            f"{'touch':>5} {'cmp/art':>7} {'stage s':>7} {'s/1000':>7} {'cpu s':>6} "
            f"{'store s':>7} {'other s':>7}  slowest Store methods"
        )
        for row in d["batches"]:
            days = f"{row['day_from']:.1f}-{row['day_to']:.1f}"
            top = sorted(row["store_methods"].items(), key=lambda kv: -kv[1]["s"])[:3]
            tops = ", ".join(f"{k} {v['s']:.2f}s/{v['calls']}" for k, v in top)
            print(
                f"             {row['batch']:>5} {days:>11} {row['articles']:>5} "
                f"{row['history_articles']:>7} {row['active_loaded']:>6} {row['touched']:>5} "
                f"{row['compared_per_article']:>7.1f} {row['stage_s']:>7.2f} "
                f"{row['s_per_1000']:>7.3f} {row['cpu_s']:>6.2f} {row['store_s']:>7.2f} "
                f"{row['other_s']:>7.2f}  {tops}"
            )
    g = r["gemv"]
    print(
        f"  BLAS probe matrix @ vector at {g['rows']} active stories: "
        f"{g['default_us']:.1f} us with the library's default threads, "
        f"{g['one_thread_us']:.1f} us with one thread (load avg {g['load_avg']:.2f})"
    )
    print(f"  ru_maxrss  {r['ru_maxrss_mb']:.1f} MB (whole process, corpus included)")


def print_scales(results: Sequence[dict[str, Any]]) -> None:
    header = (
        f"{'N':>7} {'stories':>7} {'wall s':>7} {'art/s':>7} {'us/art':>7} {'dec3 us':>8} "
        f"{'dec10 us':>8} {'cpu3 us':>8} {'cpu10 us':>8} {'cmp/art':>7} {'F1':>6} "
        f"{'RSS+ MB':>8} {'traced MB':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        d = r["daily"]
        traced = f"{r['traced']['peak_mb']:>9.1f}" if "traced" in r else f"{'-':>9}"
        print(
            f"{r['n']:>7} {r['corpus']['stories']:>7} {d['wall_s']:>7.2f} "
            f"{d['articles_per_s']:>7.0f} {d['us_per_article']:>7.1f} "
            f"{d['deciles'][2]['us_mean']:>8.1f} {d['deciles'][-1]['us_mean']:>8.1f} "
            f"{d['deciles'][2]['cpu_us_mean']:>8.1f} {d['deciles'][-1]['cpu_us_mean']:>8.1f} "
            f"{d['compared_per_article']:>7.1f} {d['bcubed']['f1']:>6.3f} "
            f"{d['rss_peak_mb'] - d['rss_before_mb']:>8.1f} {traced}"
        )


def _child_args(args: argparse.Namespace, n: int) -> list[str]:
    argv = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--n",
        str(n),
        "--json",
        "--seed",
        str(args.seed),
        "--db-max",
        str(args.db_max),
        "--db-batches",
        str(args.db_batches),
        "--single-batch-max",
        str(args.single_batch_max),
        "--tracemalloc-max",
        str(args.tracemalloc_max),
        "--blas-threads",
        str(args.blas_threads),
    ]
    return argv


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--n", type=int, help="articles (one run in this process)")
    ap.add_argument(
        "--scales",
        default="10000,100000",
        help="comma-separated Ns, each in a fresh process (default 10000,100000)",
    )
    ap.add_argument("--json", action="store_true", help="print machine-readable results only")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument(
        "--db-max", type=int, default=10_000, help="run the DuckDB path for N up to this"
    )
    ap.add_argument("--db-batches", type=int, default=10, help="stage runs on the DB path")
    ap.add_argument(
        "--single-batch-max",
        type=int,
        default=10_000,
        help="also replay as one batch without expiry for N up to this",
    )
    ap.add_argument(
        "--tracemalloc-max",
        type=int,
        default=10_000,
        help="run the (untimed, slow) tracemalloc pass for N up to this",
    )
    ap.add_argument(
        "--blas-threads",
        type=int,
        default=1,
        help="BLAS threads during the replays (default 1; 0 = library default)",
    )
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if args.n:
        result = run_once(args, args.n, log)
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            print_summary(result)
        return 0
    ns = [int(x) for x in args.scales.split(",") if x.strip()]
    results: list[dict[str, Any]] = []
    for n in ns:
        log(f"--- N={n} (fresh process) ---")
        proc = subprocess.run(_child_args(args, n), stdout=subprocess.PIPE, text=True)
        if proc.returncode != 0 or not proc.stdout.strip():
            log(f"run for N={n} failed with exit code {proc.returncode}")
            return 2
        results.append(json.loads(proc.stdout))
    if args.json:
        print(json.dumps({"scales": results}, indent=2))
    else:
        for r in results:
            print_summary(r)
            print()
        print_scales(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

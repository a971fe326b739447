"""Post-fetch stages of an ingest run: embed + cluster new articles, then details.

Each stage takes an open writable Store, the run id, the run's stats dict (it adds its
own counts, which end up in the runs table) and a progress reporter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import numpy as np

from pipeline.cluster import (
    DAY,
    IDF,
    ClusterParams,
    OnlineClusterer,
    StoryState,
    representative_title,
)
from pipeline.ingest import NoProgress
from pipeline.keys import event_keys, lead
from pipeline.sources import SourcesConfig
from pipeline.store import Store, StoreError, utc_aware

STORY_KIND = "lead"  # what the story vector embeds: headline + opening paragraph(s)
EMBED_BATCH = 64


class ModelMismatchError(StoreError):
    """Stories were built with another embedding model."""


def _ts(value: Any) -> float:
    return utc_aware(value).timestamp()  # type: ignore[union-attr]


def cluster_new_articles(
    store: Store,
    run_id: int | None,
    stats: dict[str, Any],
    progress: Any,
    *,
    model: str,
    params: ClusterParams,
    embedder_factory: Callable[[str], Any] | None = None,
) -> None:
    """Embed and assign every extracted article that has no story yet."""
    from pipeline.embed import get_embedder

    pending = store.unclustered_articles()
    counts = {"embedded": 0, "new_stories": 0, "joined": 0, "clustered": 0}
    stats["stories"] = counts
    if not pending:
        return

    # 1. embed (only what is not embedded yet under this model)
    ids = [a["id"] for a in pending]
    vectors = store.embeddings(ids, model, STORY_KIND)
    missing = [a for a in pending if a["id"] not in vectors]
    if missing:
        embedder = (embedder_factory or get_embedder)(model)
        progress.stage("embed", len(missing))
        for start in range(0, len(missing), EMBED_BATCH):
            chunk = missing[start : start + EMBED_BATCH]
            encoded = embedder.encode([lead(a["title"], a["text"]) for a in chunk])
            store.save_embeddings([a["id"] for a in chunk], encoded, model, STORY_KIND)
            for a, v in zip(chunk, encoded, strict=True):
                vectors[a["id"]] = v
            progress.advance(len(chunk))
        counts["embedded"] = len(missing)

    # 2. event keys and their document frequencies
    keys = {a["id"]: event_keys(a["title"], a["text"]) for a in pending}
    all_keys = set().union(*keys.values())
    window = timedelta(days=params.window_days)
    t_min = min(utc_aware(a["published_at"]) for a in pending)  # type: ignore[type-var]
    t_max = max(utc_aware(a["published_at"]) for a in pending)  # type: ignore[type-var]
    active = store.active_stories(t_min - window, t_max + window)  # type: ignore[operator]
    other_models = sorted({s["model"] for s in active if s["model"] != model})
    if other_models:
        raise ModelMismatchError(
            f"recent stories were built with embedding model {', '.join(other_models)}; this "
            f"run uses {model!r}. Run `firstwire recluster --since 30d` to rebuild them with "
            "it, or set settings.model back"
        )
    for s in active:
        all_keys.update(s["keys"])
    df, docs = store.key_df(all_keys)
    clusterer = OnlineClusterer(params, IDF(df, docs))
    for s in active:
        clusterer.load(
            StoryState(
                id=s["id"],
                vector_sum=np.asarray(s["vector_sum"], dtype=np.float32),
                count=int(s["article_count"]),
                keys=Counter(s["keys"]),
                first_t=_ts(s["first_published_at"]),
                last_t=_ts(s["last_published_at"]),
                members=list(s["members"]),
            )
        )

    # 3. assign in publication order
    progress.stage("cluster", len(pending))
    assignments: list[tuple[str, str, float]] = []
    for a in pending:
        t = _ts(a["published_at"])
        result = clusterer.add(a["id"], vectors[a["id"]], keys[a["id"]], t)
        assignments.append((a["id"], result.story_id, result.score))
        counts["new_stories" if result.new_story else "joined"] += 1
        progress.advance()
    counts["clustered"] = len(assignments)

    # 4. write back in one transaction
    with store.transaction():
        store.add_key_docs(keys)
        store.save_story_assignments(assignments, run_id)
        for sid in clusterer.touched:
            st = clusterer.state(sid)
            store.upsert_story(
                story_id=sid,
                model=model,
                vector_sum=st.vector_sum,
                keys=dict(st.keys),
                run_id=run_id,
            )
            update_story_title(store, sid, model, st.centroid())
    stats["stories"]["touched"] = len(clusterer.touched)
    stats["stories"]["compared_per_article"] = round(clusterer.compared / len(pending), 1)


def update_story_title(store: Store, story_id: str, model: str, centroid: np.ndarray) -> None:
    members = store.story_member_titles(story_id, model, STORY_KIND)
    titles = {m["id"]: m["title"] for m in members if m["title"]}
    vecs = {
        m["id"]: np.asarray(m["vector"], dtype=np.float32)
        for m in members
        if m["vector"] is not None
    }
    store.set_story_title(story_id, representative_title(titles, vecs, centroid))


def recluster(
    store: Store,
    *,
    start: Any,
    end: Any,
    model: str,
    params: ClusterParams,
    run_id: int | None,
    embedder_factory: Callable[[str], Any] | None = None,
) -> dict[str, Any]:
    """Rebuild stories for articles published in [start, end] from scratch.

    Old story ids are mapped to the new story holding most of their articles and the
    mapping is stored in story_redirects, so links that cite an old id still resolve.
    """
    with store.transaction():
        removed = store.delete_stories_in(start, end)
    old_of = dict(removed)
    stats: dict[str, Any] = {}
    cluster_new_articles(
        store,
        run_id,
        stats,
        NoProgress(),
        model=model,
        params=params,
        embedder_factory=embedder_factory,
    )
    new_of = {
        a: s
        for a, s in store.con.execute(
            "SELECT article_id, story_id FROM story_articles WHERE article_id IN "
            "(SELECT unnest(?))",
            [list(old_of)],
        ).fetchall()
    }
    votes: dict[str, Counter[str]] = {}
    for article_id, old in old_of.items():
        if article_id in new_of:
            votes.setdefault(old, Counter())[new_of[article_id]] += 1
    pairs = [(old, c.most_common(1)[0][0]) for old, c in votes.items()]
    pairs = [(o, n) for o, n in pairs if o != n]
    still = store.remaining_story_ids([o for o, _ in pairs])
    pairs = [(o, n) for o, n in pairs if o not in still]
    with store.transaction():
        store.add_redirects(pairs, run_id, "recluster")
    return {
        "articles": stats.get("stories", {}).get("clustered", 0),
        "old_stories": len(votes),
        "new_stories": stats.get("stories", {}).get("new_stories", 0),
        "redirects": len(pairs),
    }


def story_stages(config: SourcesConfig, model: str | None = None) -> list[Callable[..., None]]:
    chosen = model or config.settings.model
    params = ClusterParams(window_days=float(config.settings.story_window_days))

    def stories(store: Store, run_id: int, stats: dict[str, Any], progress: Any) -> None:
        cluster_new_articles(store, run_id, stats, progress, model=chosen, params=params)

    stages: list[Callable[..., None]] = [stories]
    try:
        from pipeline.timeline import details_stage
    except ImportError:
        return stages

    def details(store: Store, run_id: int, stats: dict[str, Any], progress: Any) -> None:
        details_stage(store, run_id, stats, progress, model=chosen, config=config)

    stages.append(details)
    return stages


__all__ = ["DAY", "cluster_new_articles", "recluster", "story_stages"]

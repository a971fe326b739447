"""Queries of the digest and export features, pending a move into ``pipeline/store.py``.

store.py is the home of all SQL; these functions were written while store.py was being
edited elsewhere. Each takes an open ``Store`` and only uses ``store.con`` and
``store._dicts``, so moving them in as methods is a cut-and-paste (``store`` -> ``self``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from pipeline.store import Store, utc_naive

# ---------------------------------------------------------------------------
# BEGIN digest/export SQL: move into pipeline/store.py (Store methods)
# ---------------------------------------------------------------------------


def stories_with_new_articles(
    store: Store, *, since: datetime | None, until: datetime, by: str
) -> dict[str, int]:
    """Story id -> how many of its articles are new in the window.

    ``by="published"``: articles published since ``since`` (news time; an article with a
    future date still counts). ``by="arrival"``: articles that joined their story in
    [since, until), i.e. that firstwire learned about since the previous digest."""
    if by == "arrival":
        sql = """SELECT sa.story_id, count(*) FROM story_articles sa
                 WHERE (CAST(? AS TIMESTAMP) IS NULL OR sa.joined_at >= ?) AND sa.joined_at < ?
                 GROUP BY sa.story_id"""
        params: list[Any] = [utc_naive(since), utc_naive(since), utc_naive(until)]
    elif by == "published":
        sql = """SELECT sa.story_id, count(*) FROM story_articles sa
                 JOIN articles a ON a.id = sa.article_id
                 WHERE CAST(? AS TIMESTAMP) IS NULL OR a.published_at >= ?
                 GROUP BY sa.story_id"""
        params = [utc_naive(since), utc_naive(since)]
    else:
        raise ValueError(f"by={by!r}: use 'published' or 'arrival'")
    return {r[0]: int(r[1]) for r in store.con.execute(sql, params).fetchall()}


def story_members(store: Store, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Each story's articles, oldest first, with text and when each joined its story."""
    if not story_ids:
        return {}
    rows = store._dicts(
        """SELECT sa.story_id, a.id, a.url, a.source_name AS outlet, a.title, a.text,
                  a.published_at, a.published_at_source, a.fetched_at, a.first_seen_at,
                  sa.joined_at, sa.run_id AS joined_run_id
           FROM story_articles sa JOIN articles a ON a.id = sa.article_id
           WHERE sa.story_id IN (SELECT unnest(?))
           ORDER BY a.published_at, a.fetched_at, a.id""",
        [list(story_ids)],
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r.pop("story_id"), []).append(r)
    return out


def source_weights(store: Store) -> dict[str, float]:
    rows = store.con.execute("SELECT name, weight FROM sources").fetchall()
    return {r[0]: float(r[1]) for r in rows}


# Export: what each exported table holds. Never raw_html, never vectors.
EXPORT_QUERIES: dict[str, str] = {
    "articles": """SELECT a.id, a.url, a.source_name AS outlet, sa.story_id, a.title,
                          a.author, a.language, a.published_at, a.published_at_source,
                          a.date_suspect, a.feed_url, a.feed_title, a.extraction,
                          a.status, a.first_seen_at, a.fetched_at, a.text
                   FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
                   WHERE a.status = 'ok'
                   ORDER BY a.published_at NULLS LAST, a.id""",
    "stories": """SELECT id, title, first_published_at, last_published_at, article_count,
                         outlet_count, model, created_at, updated_at
                  FROM stories ORDER BY first_published_at, id""",
    "details": """SELECT story_id, detail_id, text, kind, value, first_article_id,
                         first_outlet, first_published_at, cited_outlet, cited_date,
                         reported_by_count, conflict_count
                  FROM details ORDER BY story_id, first_published_at, detail_id""",
    "citations": """SELECT story_id, citing_article_id, citing_outlet, citing_url,
                           cited_outlet, cited_date, known_outlet, evidence
                    FROM citations ORDER BY story_id, citing_outlet, cited_outlet""",
}

_COPY_OPTIONS = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER)",
                 "jsonl": "(FORMAT json)"}


def copy_table(store: Store, table: str, fmt: str, path: Path) -> int:
    """COPY one export table to ``path``; returns its row count."""
    query = EXPORT_QUERIES[table]
    literal = "'" + str(path).replace("'", "''") + "'"
    store.con.execute(f"COPY ({query}) TO {literal} {_COPY_OPTIONS[fmt]}")
    row = store.con.execute(f"SELECT count(*) FROM ({query})").fetchone()
    return int(row[0]) if row else 0


# ---------------------------------------------------------------------------
# END digest/export SQL
# ---------------------------------------------------------------------------

"""Read-only queries of the web app (``pipeline.web``) that ``Store`` does not have yet.

Each function takes an open ``Store`` and uses ``store.con``; all of them are meant to
move into ``pipeline/store.py`` as ``Store`` methods (same names, same SQL).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pipeline.store import Store, utc_aware, utc_naive

MAX_WORDS = 12


def _like(word: str) -> str:
    """A case-insensitive LIKE pattern matching ``word`` anywhere, wildcards escaped."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_story_ids(
    store: Store,
    *,
    words: list[str] | None = None,
    outlet: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    min_articles: int = 1,
    limit: int | None = 50,
    offset: int = 0,
) -> tuple[list[str], int]:
    """Ids of the stories that match, newest activity first, and how many match in all.

    A story matches when every word occurs in its title or in one of its articles'
    titles (case-insensitive), it has an article from ``outlet``, and its activity
    overlaps [since, until): last article at or after ``since``, first before ``until``.
    """
    where = ["s.article_count >= ?"]
    params: list[Any] = [min_articles]
    if since is not None:
        where.append("s.last_published_at >= ?")
        params.append(utc_naive(since))
    if until is not None:
        where.append("s.first_published_at < ?")
        params.append(utc_naive(until))
    if outlet:
        where.append(
            """EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                       WHERE sa.story_id = s.id AND a.source_name = ?)"""
        )
        params.append(outlet)
    for word in (words or [])[:MAX_WORDS]:
        pattern = _like(word)
        where.append(
            """(coalesce(s.title, '') ILIKE ? ESCAPE '\\' OR EXISTS (
                   SELECT 1 FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                   WHERE sa.story_id = s.id AND coalesce(a.title, '') ILIKE ? ESCAPE '\\'))"""
        )
        params += [pattern, pattern]
    condition = " AND ".join(where)
    total_row = store.con.execute(
        f"SELECT count(*) FROM stories s WHERE {condition}", params
    ).fetchone()
    total = int(total_row[0]) if total_row else 0
    sql = f"SELECT s.id FROM stories s WHERE {condition} ORDER BY s.last_published_at DESC, s.id"
    page_params = list(params)
    if limit is not None:
        sql += " LIMIT ?"
        page_params.append(limit)
    if offset:
        sql += " OFFSET ?"
        page_params.append(offset)
    rows = store.con.execute(sql, page_params).fetchall()
    return [r[0] for r in rows], total


def story_outlets(store: Store) -> list[str]:
    """Every outlet with at least one article in a story, by name."""
    rows = store.con.execute(
        """SELECT DISTINCT a.source_name FROM story_articles sa
           JOIN articles a ON a.id = sa.article_id ORDER BY 1"""
    ).fetchall()
    return [r[0] for r in rows]


def run_by_id(store: Store, run_id: int) -> dict[str, Any] | None:
    """One row of ``runs`` (stats parsed, times aware UTC), or None."""
    cur = store.con.execute(
        """SELECT id, command, started_at, finished_at, status, error, stats
           FROM runs WHERE id = ?""",
        [run_id],
    )
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    if row is None:
        return None
    record = dict(zip(names, row, strict=True))
    for key in ("started_at", "finished_at"):
        record[key] = utc_aware(record[key])
    stats = record["stats"]
    record["stats"] = (json.loads(stats) if isinstance(stats, str) else stats) or {}
    return record


def digest_row(store: Store, digest_id: int) -> dict[str, Any] | None:
    """One row of ``digests`` without its document, or None."""
    cur = store.con.execute(
        """SELECT id, created_at, since, until, format, out_path, story_ids
           FROM digests WHERE id = ?""",
        [digest_id],
    )
    names = [d[0] for d in cur.description]
    row = cur.fetchone()
    if row is None:
        return None
    record = dict(zip(names, row, strict=True))
    for key in ("created_at", "since", "until"):
        record[key] = utc_aware(record[key])
    return record

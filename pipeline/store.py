"""All SQL lives here: the DuckDB schema, its migrations, and every query.

DuckDB allows one writing process per file, and a writer's lock also keeps readers of
other processes out. So connections are short-lived: the ingest job opens a writable
``Store`` per batch of work and closes it, and readers (``stories``, the web app) open
read-only stores that retry while a batch is being written. Whole-run exclusion (two
``ingest`` runs at once) is a separate advisory lock file, see ``pipeline.runlock``.

Times are stored as naive ``TIMESTAMP`` values in UTC; this module converts at the edge
so the rest of the code only ever sees timezone-aware UTC datetimes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

# ---------------------------------------------------------------------------
# Schema and migrations. Each migration is a named list of statements, applied in
# one transaction and recorded in schema_migrations. Never edit an applied migration:
# add a new one.
# ---------------------------------------------------------------------------

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "ingest: sources, feeds, articles, runs",
        [
            """CREATE TABLE sources (
                name VARCHAR PRIMARY KEY,
                aliases VARCHAR[] NOT NULL,
                weight DOUBLE NOT NULL DEFAULT 1.0,
                kind VARCHAR,
                homepage VARCHAR,
                since DATE,
                updated_at TIMESTAMP NOT NULL
            )""",
            """CREATE TABLE feeds (
                url VARCHAR PRIMARY KEY,
                source_name VARCHAR NOT NULL,
                etag VARCHAR,
                last_modified VARCHAR,
                first_fetched_at TIMESTAMP,
                last_fetched_at TIMESTAMP,
                last_ok_at TIMESTAMP,
                last_status INTEGER,
                last_error VARCHAR,
                last_entry_count INTEGER
            )""",
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY,
                url VARCHAR NOT NULL UNIQUE,
                source_name VARCHAR NOT NULL,
                feed_url VARCHAR,
                entry_id VARCHAR,
                title VARCHAR,
                feed_title VARCHAR,
                feed_summary VARCHAR,
                author VARCHAR,
                language VARCHAR,
                text VARCHAR,
                extraction VARCHAR,
                extraction_note VARCHAR,
                published_at TIMESTAMP,
                published_at_source VARCHAR,
                feed_date TIMESTAMP,
                feed_updated TIMESTAMP,
                page_date TIMESTAMP,
                page_date_kind VARCHAR,
                url_date DATE,
                date_suspect BOOLEAN NOT NULL DEFAULT FALSE,
                date_note VARCHAR,
                status VARCHAR NOT NULL,
                duplicate_of VARCHAR,
                attempts INTEGER NOT NULL DEFAULT 0,
                fetch_error VARCHAR,
                http_status INTEGER,
                final_url VARCHAR,
                content_hash VARCHAR,
                first_seen_at TIMESTAMP NOT NULL,
                fetched_at TIMESTAMP,
                updated_at TIMESTAMP NOT NULL,
                first_run_id INTEGER
            )""",
            # raw pages live apart and are only ever appended: updating a BLOB column in
            # place makes DuckDB rewrite the whole row group's blobs at every checkpoint
            """CREATE TABLE article_html (
                article_id VARCHAR NOT NULL,
                fetched_at TIMESTAMP NOT NULL,
                raw_html BLOB NOT NULL
            )""",
            """CREATE TABLE article_urls (
                url VARCHAR PRIMARY KEY,
                article_id VARCHAR NOT NULL
            )""",
            """CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                command VARCHAR NOT NULL,
                started_at TIMESTAMP NOT NULL,
                finished_at TIMESTAMP,
                status VARCHAR NOT NULL,
                error VARCHAR,
                stats JSON
            )""",
            """CREATE TABLE run_events (
                run_id INTEGER NOT NULL,
                "at" TIMESTAMP NOT NULL,
                stage VARCHAR NOT NULL,
                url VARCHAR,
                outcome VARCHAR NOT NULL,
                detail VARCHAR
            )""",
            "CREATE SEQUENCE runs_id START 1",
        ],
    ),
]

MIGRATIONS.append(
    (
        2,
        "stories: embeddings, event keys, stories, story membership, redirects",
        [
            """CREATE TABLE embeddings (
                article_id VARCHAR NOT NULL,
                model VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                dim INTEGER NOT NULL,
                vector FLOAT[] NOT NULL,
                created_at TIMESTAMP NOT NULL,
                PRIMARY KEY (article_id, model, kind)
            )""",
            """CREATE TABLE article_keys (
                article_id VARCHAR PRIMARY KEY,
                keys VARCHAR[] NOT NULL
            )""",
            """CREATE TABLE key_df (
                key VARCHAR PRIMARY KEY,
                df INTEGER NOT NULL
            )""",
            """CREATE TABLE kv (
                key VARCHAR PRIMARY KEY,
                value VARCHAR
            )""",
            """CREATE TABLE stories (
                id VARCHAR PRIMARY KEY,
                title VARCHAR,
                first_published_at TIMESTAMP NOT NULL,
                last_published_at TIMESTAMP NOT NULL,
                article_count INTEGER NOT NULL,
                outlet_count INTEGER NOT NULL,
                model VARCHAR NOT NULL,
                vector_sum FLOAT[] NOT NULL,
                keys JSON NOT NULL,
                created_at TIMESTAMP NOT NULL,
                updated_at TIMESTAMP NOT NULL,
                created_run_id INTEGER,
                updated_run_id INTEGER
            )""",
            """CREATE TABLE story_articles (
                article_id VARCHAR PRIMARY KEY,
                story_id VARCHAR NOT NULL,
                score DOUBLE,
                joined_at TIMESTAMP NOT NULL,
                run_id INTEGER
            )""",
            """CREATE TABLE story_redirects (
                old_id VARCHAR NOT NULL,
                new_id VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                run_id INTEGER,
                reason VARCHAR
            )""",
        ],
    )
)

MIGRATIONS.append(
    (
        3,
        "timelines: sentence vectors, timelines, details, citations, digests",
        [
            """CREATE TABLE sentence_embeddings (
                hash VARCHAR NOT NULL,
                model VARCHAR NOT NULL,
                vector FLOAT[] NOT NULL,
                PRIMARY KEY (hash, model)
            )""",
            """CREATE TABLE timelines (
                story_id VARCHAR PRIMARY KEY,
                computed_at TIMESTAMP NOT NULL,
                run_id INTEGER,
                article_count INTEGER NOT NULL,
                detail_count INTEGER NOT NULL,
                conflict_count INTEGER NOT NULL,
                doc JSON NOT NULL
            )""",
            """CREATE TABLE details (
                story_id VARCHAR NOT NULL,
                detail_id VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                kind VARCHAR,
                value VARCHAR,
                first_article_id VARCHAR,
                first_outlet VARCHAR,
                first_published_at TIMESTAMP,
                cited_outlet VARCHAR,
                cited_date DATE,
                reported_by_count INTEGER,
                conflict_count INTEGER,
                PRIMARY KEY (story_id, detail_id)
            )""",
            """CREATE TABLE citations (
                story_id VARCHAR NOT NULL,
                citing_article_id VARCHAR,
                citing_outlet VARCHAR,
                citing_url VARCHAR,
                cited_outlet VARCHAR NOT NULL,
                cited_date DATE,
                known_outlet BOOLEAN,
                evidence VARCHAR
            )""",
            """CREATE TABLE digests (
                id INTEGER PRIMARY KEY,
                created_at TIMESTAMP NOT NULL,
                since TIMESTAMP,
                until TIMESTAMP NOT NULL,
                format VARCHAR,
                out_path VARCHAR,
                story_ids VARCHAR[],
                doc JSON
            )""",
            "CREATE SEQUENCE digests_id START 1",
        ],
    )
)

SCHEMA_VERSION = MIGRATIONS[-1][0]

DUCKDB_MEMORY_LIMIT = "256MB"

# databases this process has already migrated: reopening per batch skips the check
_MIGRATED: set[str] = set()

_LOCK_MARKERS = ("Could not set lock", "Conflicting lock", "database is locked")


MAX_WORDS = 12


def _like(word: str) -> str:
    """A case-insensitive LIKE pattern matching ``word`` anywhere, wildcards escaped."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


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

_COPY_OPTIONS = {
    "parquet": "(FORMAT parquet)",
    "csv": "(FORMAT csv, HEADER)",
    "jsonl": "(FORMAT json)",
}


class StoreError(RuntimeError):
    """The database could not be opened or used."""


class StoreLockedError(StoreError):
    """Another process holds the database file."""


def utc_naive(value: datetime | None) -> datetime | None:
    """Aware datetime -> naive UTC for DuckDB TIMESTAMP columns."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def utc_aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None
    last_modified: str | None
    first_fetched_at: datetime | None


@dataclass(frozen=True)
class PendingArticle:
    id: str
    url: str
    source_name: str
    feed_url: str | None
    feed_title: str | None
    feed_summary: str | None
    feed_date: datetime | None
    attempts: int
    first_seen_at: datetime


@dataclass(frozen=True)
class NewArticle:
    """An article discovered in a feed, stored as pending before its page is fetched."""

    id: str
    url: str
    source_name: str
    feed_url: str
    entry_id: str | None
    feed_title: str | None
    feed_summary: str | None
    author: str | None
    feed_date: datetime | None
    feed_updated: datetime | None
    url_aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleUpdate:
    """The outcome of fetching and extracting one article page."""

    id: str
    status: str  # 'ok' | 'failed' | 'blocked'
    title: str | None = None
    author: str | None = None
    language: str | None = None
    text: str | None = None
    extraction: str | None = None  # 'trafilatura' | 'feed_summary'
    extraction_note: str | None = None
    published_at: datetime | None = None
    published_at_source: str | None = None
    page_date: datetime | None = None
    page_date_kind: str | None = None
    url_date: Any = None
    date_suspect: bool = False
    date_note: str | None = None
    fetch_error: str | None = None
    http_status: int | None = None
    final_url: str | None = None
    raw_html: bytes | None = None
    content_hash: str | None = None
    fetched_at: datetime | None = None
    extra_urls: tuple[str, ...] = ()


class Store:
    """A connection to the firstwire database. Use as a context manager."""

    def __init__(
        self,
        path: Path | str,
        *,
        read_only: bool = False,
        lock_wait_s: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.lock_wait_s = lock_wait_s
        self._sleep = sleep
        self._con: duckdb.DuckDBPyConnection | None = None
        # DuckDB caches data blocks up to its memory limit (80% of RAM by default), so a
        # long ingest's memory would grow with the database; cap it, spilling to disk.
        self.duckdb_config = {"memory_limit": DUCKDB_MEMORY_LIMIT}

    # -- connection -------------------------------------------------------------

    def open(self) -> Store:
        if self._con is not None:
            return self
        if self.read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no database yet (run `firstwire ingest` first)")
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            _MIGRATED.discard(str(self.path.resolve()))
        deadline = time.monotonic() + self.lock_wait_s
        delay = 0.05
        while True:
            try:
                self._con = duckdb.connect(
                    str(self.path), read_only=self.read_only, config=self.duckdb_config
                )
                break
            except duckdb.Error as exc:
                message = str(exc)
                if not any(marker in message for marker in _LOCK_MARKERS):
                    raise StoreError(f"{self.path}: cannot open database: {message}") from exc
                if time.monotonic() >= deadline:
                    raise StoreLockedError(
                        f"{self.path}: database is in use by another process "
                        f"(waited {self.lock_wait_s:g}s)"
                    ) from exc
                self._sleep(delay)
                delay = min(delay * 2, 0.5)
        if self.read_only:
            version = self.schema_version()
            if version < SCHEMA_VERSION:
                self.close()
                raise StoreError(
                    f"{self.path}: schema version {version} is older than this firstwire "
                    f"({SCHEMA_VERSION}); run `firstwire ingest` once to migrate"
                )
        elif str(self.path.resolve()) not in _MIGRATED:
            self.migrate()
            _MIGRATED.add(str(self.path.resolve()))
        return self

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("store is not open")
        return self._con

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")

    # -- migrations -------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction. Returns versions applied."""
        self.con.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL
            )"""
        )
        current = self.schema_version()
        applied: list[int] = []
        for version, name, statements in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction() as con:
                for statement in statements:
                    con.execute(statement)
                con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [version, name, utc_naive(now_utc())],
                )
            applied.append(version)
        return applied

    # -- sources and feeds ------------------------------------------------------

    def sync_sources(self, sources: Iterable[Any]) -> None:
        """Mirror sources.yaml into the sources table (so readers can resolve aliases)."""
        now = utc_naive(now_utc())
        with self.transaction() as con:
            for s in sources:
                con.execute(
                    """INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT (name) DO UPDATE SET aliases = excluded.aliases,
                         weight = excluded.weight, kind = excluded.kind,
                         homepage = excluded.homepage, since = excluded.since,
                         updated_at = excluded.updated_at""",
                    [s.name, list(s.aliases), s.weight, s.kind, s.homepage, s.since, now],
                )

    def source_rows(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT name, aliases, weight, kind FROM sources ORDER BY name")

    def feed_state(self, url: str) -> FeedState | None:
        row = self.con.execute(
            "SELECT url, etag, last_modified, first_fetched_at FROM feeds WHERE url = ?", [url]
        ).fetchone()
        if row is None:
            return None
        return FeedState(row[0], row[1], row[2], utc_aware(row[3]))

    def record_feed_fetch(
        self,
        url: str,
        source_name: str,
        *,
        fetched_at: datetime,
        status: int,
        ok: bool,
        etag: str | None,
        last_modified: str | None,
        error: str | None,
        entry_count: int | None,
    ) -> None:
        """Store the outcome of one feed fetch. Validators are only replaced on success,
        so a failed fetch never makes the next run skip entries it has not seen."""
        at = utc_naive(fetched_at)
        self.con.execute(
            """INSERT INTO feeds (url, source_name, etag, last_modified, first_fetched_at,
                 last_fetched_at, last_ok_at, last_status, last_error, last_entry_count)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (url) DO UPDATE SET
                 source_name = excluded.source_name,
                 etag = CASE WHEN ? THEN excluded.etag ELSE feeds.etag END,
                 last_modified = CASE WHEN ? THEN excluded.last_modified
                                 ELSE feeds.last_modified END,
                 first_fetched_at = coalesce(feeds.first_fetched_at, excluded.first_fetched_at),
                 last_fetched_at = excluded.last_fetched_at,
                 last_ok_at = CASE WHEN ? THEN excluded.last_fetched_at ELSE feeds.last_ok_at END,
                 last_status = excluded.last_status,
                 last_error = excluded.last_error,
                 last_entry_count = coalesce(excluded.last_entry_count, feeds.last_entry_count)""",
            [
                url,
                source_name,
                etag if ok else None,
                last_modified if ok else None,
                at,
                at,
                at if ok else None,
                status,
                error,
                entry_count,
                ok,
                ok,
                ok,
            ],
        )

    # -- articles ---------------------------------------------------------------

    def lookup_urls(self, urls: Sequence[str]) -> dict[str, tuple[str, datetime | None, str]]:
        """Map each known URL (canonical or alias) to (article id, stored feed_updated,
        the article's own URL)."""
        if not urls:
            return {}
        rows = self.con.execute(
            """SELECT u.url, a.id, a.feed_updated, a.url FROM article_urls u
               JOIN articles a ON a.id = u.article_id WHERE u.url IN (SELECT unnest(?))""",
            [list(urls)],
        ).fetchall()
        return {r[0]: (r[1], utc_aware(r[2]), r[3]) for r in rows}

    def _register(self, name: str, columns: dict[str, tuple[list[Any], Any]]) -> None:
        """Register an Arrow table built from {column: (values, arrow type)}."""
        import pyarrow as pa

        table = pa.table({k: pa.array(v, type=t) for k, (v, t) in columns.items()})
        self.con.register(name, table)

    def add_pending(self, articles: Sequence[NewArticle], run_id: int) -> int:
        """Insert newly discovered articles as 'pending' (bulk, through Arrow). Returns
        how many were new."""
        import pyarrow as pa

        if not articles:
            return 0
        now = utc_naive(now_utc())
        ts = pa.timestamp("us")
        self._register(
            "_new_articles",
            {
                "id": ([a.id for a in articles], pa.string()),
                "url": ([a.url for a in articles], pa.string()),
                "source_name": ([a.source_name for a in articles], pa.string()),
                "feed_url": ([a.feed_url for a in articles], pa.string()),
                "entry_id": ([a.entry_id for a in articles], pa.string()),
                "feed_title": ([a.feed_title for a in articles], pa.string()),
                "feed_summary": ([a.feed_summary for a in articles], pa.string()),
                "author": ([a.author for a in articles], pa.string()),
                "feed_date": ([utc_naive(a.feed_date) for a in articles], ts),
                "feed_updated": ([utc_naive(a.feed_updated) for a in articles], ts),
            },
        )
        urls = [(u, a.id) for a in articles for u in sorted({a.url, *a.url_aliases})]
        self._register(
            "_new_urls",
            {
                "url": ([u for u, _ in urls], pa.string()),
                "article_id": ([i for _, i in urls], pa.string()),
            },
        )
        try:
            with self.transaction() as con:
                inserted = con.execute(
                    """INSERT INTO articles (id, url, source_name, feed_url, entry_id, feed_title,
                         feed_summary, author, feed_date, feed_updated, status, attempts,
                         first_seen_at, updated_at, first_run_id)
                       SELECT DISTINCT ON (id) id, url, source_name, feed_url, entry_id,
                         feed_title, feed_summary, author, feed_date, feed_updated, 'pending',
                         0, ?, ?, ? FROM _new_articles
                       ON CONFLICT (id) DO NOTHING RETURNING id""",
                    [now, now, run_id],
                ).fetchall()
                con.execute(
                    """INSERT INTO article_urls SELECT DISTINCT ON (url) url, article_id
                       FROM _new_urls ON CONFLICT (url) DO NOTHING"""
                )
        finally:
            self.con.unregister("_new_articles")
            self.con.unregister("_new_urls")
        return len(inserted)

    def mark_for_refresh(
        self, article_ids: Sequence[str], feed_updated: dict[str, datetime]
    ) -> None:
        """An entry's feed 'updated' date moved on: fetch its page again."""
        with self.transaction() as con:
            for article_id in article_ids:
                con.execute(
                    """UPDATE articles SET status = 'pending', attempts = 0,
                         feed_updated = ?, updated_at = ? WHERE id = ?""",
                    [
                        utc_naive(feed_updated.get(article_id)),
                        utc_naive(now_utc()),
                        article_id,
                    ],
                )

    def mark_duplicate(self, article_id: str, duplicate_of: str) -> None:
        """This pending article turned out to be another URL of an article we have."""
        with self.transaction() as con:
            con.execute(
                """UPDATE articles SET status = 'duplicate', duplicate_of = ?, updated_at = ?
                   WHERE id = ?""",
                [duplicate_of, utc_naive(now_utc()), article_id],
            )
            con.execute(
                """INSERT INTO article_urls SELECT url, ? FROM articles WHERE id = ?
                   ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id""",
                [duplicate_of, article_id],
            )

    def pending_articles(self, max_attempts: int, limit: int | None = None) -> list[PendingArticle]:
        sql = """SELECT id, url, source_name, feed_url, feed_title, feed_summary, feed_date,
                        attempts, first_seen_at
                 FROM articles WHERE status = 'pending'
                    OR (status = 'failed' AND attempts < ?)
                 ORDER BY first_seen_at, id"""
        params: list[Any] = [max_attempts]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [
            PendingArticle(
                id=r[0],
                url=r[1],
                source_name=r[2],
                feed_url=r[3],
                feed_title=r[4],
                feed_summary=r[5],
                feed_date=utc_aware(r[6]),
                attempts=int(r[7]),
                first_seen_at=utc_aware(r[8]) or now_utc(),
            )
            for r in self.con.execute(sql, params).fetchall()
        ]

    def save_articles(self, updates: Sequence[ArticleUpdate]) -> dict[str, int]:
        """Write fetched/extracted articles in one transaction, in bulk through Arrow.
        Returns counts by outcome ('new' = first successful extraction, 'updated' = text
        changed, 'unchanged', 'failed')."""
        import pyarrow as pa

        counts = {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
        if not updates:
            return counts
        last: dict[str, ArticleUpdate] = {u.id: u for u in updates}  # one row per id
        updates = list(last.values())
        now = utc_naive(now_utc())
        ts, txt = pa.timestamp("us"), pa.string()
        prev = {
            r[0]: (r[1], r[2])
            for r in self.con.execute(
                "SELECT id, content_hash, fetched_at FROM articles WHERE id IN (SELECT unnest(?))",
                [[u.id for u in updates]],
            ).fetchall()
        }
        ok = [u for u in updates if u.status == "ok"]
        bad = [u for u in updates if u.status != "ok"]
        for u in ok:
            before = prev.get(u.id)
            if before is None or before[1] is None:
                counts["new"] += 1
            elif before[0] != u.content_hash:
                counts["updated"] += 1
            else:
                counts["unchanged"] += 1
        counts["failed"] = len(bad)
        registered: list[str] = []
        try:
            with self.transaction() as con:
                if ok:
                    self._register(
                        "_ok",
                        {
                            "id": ([u.id for u in ok], txt),
                            "title": ([u.title for u in ok], txt),
                            "author": ([u.author for u in ok], txt),
                            "language": ([u.language for u in ok], txt),
                            "text": ([u.text for u in ok], txt),
                            "extraction": ([u.extraction for u in ok], txt),
                            "extraction_note": ([u.extraction_note for u in ok], txt),
                            "published_at": ([utc_naive(u.published_at) for u in ok], ts),
                            "published_at_source": ([u.published_at_source for u in ok], txt),
                            "page_date": ([utc_naive(u.page_date) for u in ok], ts),
                            "page_date_kind": ([u.page_date_kind for u in ok], txt),
                            "url_date": ([u.url_date for u in ok], pa.date32()),
                            "date_suspect": ([bool(u.date_suspect) for u in ok], pa.bool_()),
                            "date_note": ([u.date_note for u in ok], txt),
                            "http_status": ([u.http_status for u in ok], pa.int32()),
                            "final_url": ([u.final_url for u in ok], txt),
                            "content_hash": ([u.content_hash for u in ok], txt),
                            "fetched_at": ([utc_naive(u.fetched_at) for u in ok], ts),
                        },
                    )
                    registered.append("_ok")
                    con.execute(
                        """UPDATE articles SET status = 'ok', attempts = articles.attempts + 1,
                             title = u.title, author = coalesce(u.author, articles.author),
                             language = u.language, text = u.text, extraction = u.extraction,
                             extraction_note = u.extraction_note,
                             published_at = u.published_at,
                             published_at_source = u.published_at_source,
                             page_date = u.page_date, page_date_kind = u.page_date_kind,
                             url_date = u.url_date, date_suspect = u.date_suspect,
                             date_note = u.date_note, fetch_error = NULL,
                             http_status = u.http_status, final_url = u.final_url,
                             content_hash = u.content_hash,
                             fetched_at = u.fetched_at, updated_at = ?
                           FROM _ok u WHERE articles.id = u.id""",
                        [now],
                    )
                    pages = [u for u in ok if u.raw_html is not None]
                    if pages:
                        self._register(
                            "_pages",
                            {
                                "article_id": ([u.id for u in pages], txt),
                                "fetched_at": (
                                    [utc_naive(u.fetched_at) or now for u in pages],
                                    ts,
                                ),
                                "raw_html": ([u.raw_html for u in pages], pa.binary()),
                            },
                        )
                        registered.append("_pages")
                        con.execute("INSERT INTO article_html SELECT * FROM _pages")
                    extra = [(url, u.id) for u in ok for url in u.extra_urls]
                    if extra:
                        self._register(
                            "_extra_urls",
                            {
                                "url": ([x for x, _ in extra], txt),
                                "article_id": ([i for _, i in extra], txt),
                            },
                        )
                        registered.append("_extra_urls")
                        con.execute(
                            """INSERT INTO article_urls SELECT DISTINCT ON (url) url, article_id
                               FROM _extra_urls ON CONFLICT (url) DO NOTHING"""
                        )
                if bad:
                    self._register(
                        "_bad",
                        {
                            "id": ([u.id for u in bad], txt),
                            "status": ([u.status for u in bad], txt),
                            "fetch_error": ([u.fetch_error for u in bad], txt),
                            "http_status": ([u.http_status for u in bad], pa.int32()),
                            "published_at": ([utc_naive(u.published_at) for u in bad], ts),
                            "published_at_source": ([u.published_at_source for u in bad], txt),
                        },
                    )
                    registered.append("_bad")
                    con.execute(
                        """UPDATE articles SET status = u.status,
                             attempts = articles.attempts + 1, fetch_error = u.fetch_error,
                             http_status = u.http_status, updated_at = ?,
                             published_at = coalesce(articles.published_at, u.published_at),
                             published_at_source = coalesce(articles.published_at_source,
                                                            u.published_at_source)
                           FROM _bad u WHERE articles.id = u.id""",
                        [now],
                    )
        finally:
            for name in registered:
                self.con.unregister(name)
        return counts

    def article_count(self, status: str | None = None) -> int:
        if status is None:
            row = self.con.execute("SELECT count(*) FROM articles").fetchone()
        else:
            row = self.con.execute(
                "SELECT count(*) FROM articles WHERE status = ?", [status]
            ).fetchone()
        return int(row[0]) if row else 0

    def articles(self, ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Stored articles (without raw HTML), oldest first."""
        sql = """SELECT id, url, source_name, title, author, language, text, extraction,
                        extraction_note, published_at, published_at_source, date_suspect,
                        date_note, feed_summary, first_seen_at, fetched_at, status
                 FROM articles"""
        params: list[Any] = []
        if ids is not None:
            sql += " WHERE id IN (SELECT unnest(?))"
            params.append(list(ids))
        sql += " ORDER BY published_at NULLS LAST, fetched_at, id"
        return self._dicts(sql, params)

    def raw_html(self, article_id: str) -> bytes | None:
        """The latest fetched page of an article, zlib-compressed."""
        row = self.con.execute(
            """SELECT raw_html FROM article_html WHERE article_id = ?
               ORDER BY fetched_at DESC LIMIT 1""",
            [article_id],
        ).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    # -- embeddings, keys, stories -------------------------------------------------

    def unclustered_articles(self) -> list[dict[str, Any]]:
        """Extracted articles that belong to no story yet, in publication order."""
        return self._dicts(
            """SELECT a.id, a.title, a.text, a.published_at, a.source_name
               FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id
               WHERE a.status = 'ok' AND sa.article_id IS NULL AND a.published_at IS NOT NULL
               ORDER BY a.published_at, a.id"""
        )

    def embeddings(self, article_ids: Sequence[str], model: str, kind: str) -> dict[str, Any]:
        import numpy as np

        if not article_ids:
            return {}
        rows = self.con.execute(
            """SELECT article_id, vector FROM embeddings
               WHERE model = ? AND kind = ? AND article_id IN (SELECT unnest(?))""",
            [model, kind, list(article_ids)],
        ).fetchall()
        return {r[0]: np.asarray(r[1], dtype=np.float32) for r in rows}

    def save_embeddings(self, ids: Sequence[str], vectors: Any, model: str, kind: str) -> None:
        """Bulk insert through Arrow (row-by-row inserts are ~100x slower)."""
        import pyarrow as pa

        if len(ids) == 0:
            return
        dim = int(vectors.shape[1])
        table = pa.table(
            {
                "article_id": pa.array(list(ids), pa.string()),
                "model": pa.array([model] * len(ids), pa.string()),
                "kind": pa.array([kind] * len(ids), pa.string()),
                "dim": pa.array([dim] * len(ids), pa.int32()),
                "vector": pa.array(list(vectors.astype("float32")), pa.list_(pa.float32())),
                "created_at": pa.array([utc_naive(now_utc())] * len(ids), pa.timestamp("us")),
            }
        )
        self.con.register("_emb_in", table)
        try:
            self.con.execute(
                """INSERT INTO embeddings SELECT * FROM _emb_in
                   ON CONFLICT (article_id, model, kind) DO UPDATE SET vector = excluded.vector,
                     dim = excluded.dim, created_at = excluded.created_at"""
            )
        finally:
            self.con.unregister("_emb_in")

    def stored_models(self) -> list[str]:
        rows = self.con.execute("SELECT DISTINCT model FROM stories").fetchall()
        return [r[0] for r in rows]

    def key_df(self, keys: Iterable[str]) -> tuple[dict[str, int], int]:
        """Document frequencies of the given keys, and the number of documents."""
        key_list = list(set(keys))
        rows = (
            self.con.execute(
                "SELECT key, df FROM key_df WHERE key IN (SELECT unnest(?))", [key_list]
            ).fetchall()
            if key_list
            else []
        )
        docs = self.con.execute("SELECT value FROM kv WHERE key = 'key_docs'").fetchone()
        return {r[0]: int(r[1]) for r in rows}, int(docs[0]) if docs else 0

    def add_key_docs(self, per_article: dict[str, Sequence[str]]) -> None:
        """Record each article's event keys and bump document frequencies (bulk)."""
        from collections import Counter

        import pyarrow as pa

        if not per_article:
            return
        counts: Counter[str] = Counter()
        for keys in per_article.values():
            counts.update(set(keys))
        ids = list(per_article)
        self._register(
            "_article_keys",
            {
                "article_id": (ids, pa.string()),
                "keys": ([sorted(per_article[i]) for i in ids], pa.list_(pa.string())),
            },
        )
        self._register(
            "_key_counts",
            {"key": (list(counts), pa.string()), "df": (list(counts.values()), pa.int32())},
        )
        try:
            self.con.execute("INSERT OR REPLACE INTO article_keys SELECT * FROM _article_keys")
            if counts:
                self.con.execute(
                    """INSERT INTO key_df SELECT * FROM _key_counts
                       ON CONFLICT (key) DO UPDATE SET df = key_df.df + excluded.df"""
                )
        finally:
            self.con.unregister("_article_keys")
            self.con.unregister("_key_counts")
        self.con.execute(
            """INSERT INTO kv VALUES ('key_docs', ?)
               ON CONFLICT (key) DO UPDATE SET
                 value = CAST(CAST(kv.value AS INTEGER) + CAST(excluded.value AS INTEGER)
                              AS VARCHAR)""",
            [str(len(per_article))],
        )

    def active_stories(self, start: datetime, end: datetime) -> list[dict[str, Any]]:
        """Stories whose span comes within [start, end]: the only ones a new article can join."""
        rows = self._dicts(
            """SELECT id, model, vector_sum, keys, article_count, first_published_at,
                      last_published_at
               FROM stories WHERE last_published_at >= ? AND first_published_at <= ?""",
            [utc_naive(start), utc_naive(end)],
        )
        for r in rows:
            r["keys"] = json.loads(r["keys"]) if isinstance(r["keys"], str) else r["keys"]
            r["members"] = [
                x[0]
                for x in self.con.execute(
                    "SELECT article_id FROM story_articles WHERE story_id = ?", [r["id"]]
                ).fetchall()
            ]
        return rows

    def save_story_assignments(
        self, assignments: Sequence[tuple[str, str, float]], run_id: int | None
    ) -> None:
        """(article_id, story_id, score) rows; an article's story never changes here."""
        import pyarrow as pa

        if not assignments:
            return
        now = utc_naive(now_utc())
        self._register(
            "_assign",
            {
                "article_id": ([a for a, _, _ in assignments], pa.string()),
                "story_id": ([st for _, st, _ in assignments], pa.string()),
                "score": ([float(sc) for _, _, sc in assignments], pa.float64()),
            },
        )
        try:
            self.con.execute(
                """INSERT INTO story_articles
                   SELECT article_id, story_id, score, ?, ? FROM _assign
                   ON CONFLICT (article_id) DO NOTHING""",
                [now, run_id],
            )
        finally:
            self.con.unregister("_assign")

    def upsert_story(
        self,
        *,
        story_id: str,
        model: str,
        vector_sum: Any,
        keys: dict[str, int],
        run_id: int | None,
    ) -> None:
        """Insert or refresh a story row; counts and dates are recomputed from members."""
        now = utc_naive(now_utc())
        self.con.execute(
            """INSERT INTO stories (id, title, first_published_at, last_published_at,
                 article_count, outlet_count, model, vector_sum, keys, created_at, updated_at,
                 created_run_id, updated_run_id)
               SELECT ?, NULL, min(a.published_at), max(a.published_at), count(*),
                      count(DISTINCT a.source_name), ?, ?, ?, ?, ?, ?, ?
               FROM story_articles sa JOIN articles a ON a.id = sa.article_id
               WHERE sa.story_id = ?
               ON CONFLICT (id) DO UPDATE SET
                 first_published_at = excluded.first_published_at,
                 last_published_at = excluded.last_published_at,
                 article_count = excluded.article_count,
                 outlet_count = excluded.outlet_count,
                 model = excluded.model, vector_sum = excluded.vector_sum,
                 keys = excluded.keys, updated_at = excluded.updated_at,
                 updated_run_id = excluded.updated_run_id""",
            [
                story_id,
                model,
                [float(x) for x in vector_sum],
                json.dumps(keys),
                now,
                now,
                run_id,
                run_id,
                story_id,
            ],
        )

    def set_story_title(self, story_id: str, title: str | None) -> None:
        self.con.execute("UPDATE stories SET title = ? WHERE id = ?", [title, story_id])

    def story_member_titles(self, story_id: str, model: str, kind: str) -> list[dict[str, Any]]:
        return self._dicts(
            """SELECT a.id, a.title, e.vector FROM story_articles sa
               JOIN articles a ON a.id = sa.article_id
               LEFT JOIN embeddings e ON e.article_id = a.id AND e.model = ? AND e.kind = ?
               WHERE sa.story_id = ?""",
            [model, kind, story_id],
        )

    def resolve_story_id(self, story_id: str) -> str | None:
        """Follow re-clustering redirects so old ids keep working."""
        seen = set()
        current = story_id
        while current not in seen:
            seen.add(current)
            row = self.con.execute("SELECT 1 FROM stories WHERE id = ?", [current]).fetchone()
            if row:
                return current
            nxt = self.con.execute(
                "SELECT new_id FROM story_redirects WHERE old_id = ? ORDER BY created_at DESC",
                [current],
            ).fetchone()
            if not nxt:
                return None
            current = nxt[0]
        return None

    def story_of_url(self, url: str) -> str | None:
        row = self.con.execute(
            """SELECT sa.story_id FROM article_urls u
               JOIN story_articles sa ON sa.article_id = u.article_id WHERE u.url = ?""",
            [url],
        ).fetchone()
        return row[0] if row else None

    def stories(
        self,
        since: datetime | None = None,
        limit: int | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Stories with their articles, newest activity first."""
        sql = """SELECT id, title, first_published_at, last_published_at, article_count,
                        outlet_count, created_at, updated_at, updated_run_id
                 FROM stories WHERE 1 = 1"""
        params: list[Any] = []
        if since is not None:
            sql += " AND last_published_at >= ?"
            params.append(utc_naive(since))
        if ids is not None:
            sql += " AND id IN (SELECT unnest(?))"
            params.append(list(ids))
        sql += " ORDER BY last_published_at DESC, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        stories = self._dicts(sql, params)
        if not stories:
            return stories
        members = self._dicts(
            """SELECT sa.story_id, a.id, a.url, a.source_name AS outlet, a.title,
                      a.published_at, a.published_at_source, a.fetched_at, a.date_suspect
               FROM story_articles sa JOIN articles a ON a.id = sa.article_id
               WHERE sa.story_id IN (SELECT unnest(?))
               ORDER BY a.published_at, a.fetched_at, a.id""",
            [[s["id"] for s in stories]],
        )
        by_story: dict[str, list[dict[str, Any]]] = {}
        for m in members:
            by_story.setdefault(m.pop("story_id"), []).append(m)
        for s in stories:
            s["articles"] = by_story.get(s["id"], [])
        return stories

    def delete_stories_in(self, start: datetime, end: datetime) -> list[tuple[str, str]]:
        """For re-clustering: drop story membership of articles published in [start, end].
        Returns the (article_id, old_story_id) pairs removed."""
        pairs = self.con.execute(
            """SELECT sa.article_id, sa.story_id FROM story_articles sa
               JOIN articles a ON a.id = sa.article_id
               WHERE a.published_at >= ? AND a.published_at <= ?""",
            [utc_naive(start), utc_naive(end)],
        ).fetchall()
        ids = [p[0] for p in pairs]
        if ids:
            self.con.execute(
                "DELETE FROM story_articles WHERE article_id IN (SELECT unnest(?))", [ids]
            )
            self.con.execute(
                """DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id
                   FROM story_articles)"""
            )
        return [(p[0], p[1]) for p in pairs]

    def remaining_story_ids(self, ids: Sequence[str]) -> set[str]:
        rows = self.con.execute(
            "SELECT id FROM stories WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def add_redirects(
        self, pairs: Sequence[tuple[str, str]], run_id: int | None, reason: str
    ) -> None:
        if not pairs:
            return
        now = utc_naive(now_utc())
        self.con.executemany(
            "INSERT INTO story_redirects VALUES (?, ?, ?, ?, ?)",
            [[o, n, now, run_id, reason] for o, n in pairs],
        )

    def redirects(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT * FROM story_redirects ORDER BY created_at, old_id")

    # -- timelines ----------------------------------------------------------------

    def sentence_vectors(self, hashes: Sequence[str], model: str) -> dict[str, Any]:
        import numpy as np

        if not hashes:
            return {}
        rows = self.con.execute(
            """SELECT hash, vector FROM sentence_embeddings
               WHERE model = ? AND hash IN (SELECT unnest(?))""",
            [model, list(hashes)],
        ).fetchall()
        return {r[0]: np.asarray(r[1], dtype=np.float32) for r in rows}

    def save_sentence_vectors(self, hashes: Sequence[str], vectors: Any, model: str) -> None:
        import pyarrow as pa

        if len(hashes) == 0:
            return
        table = pa.table(
            {
                "hash": pa.array(list(hashes), pa.string()),
                "model": pa.array([model] * len(hashes), pa.string()),
                "vector": pa.array(list(vectors.astype("float32")), pa.list_(pa.float32())),
            }
        )
        self.con.register("_sent_in", table)
        try:
            self.con.execute(
                "INSERT INTO sentence_embeddings SELECT * FROM _sent_in ON CONFLICT DO NOTHING"
            )
        finally:
            self.con.unregister("_sent_in")

    def story_articles_full(self, story_id: str) -> list[dict[str, Any]]:
        return self._dicts(
            """SELECT a.id, a.url, a.source_name AS outlet, a.title, a.text, a.published_at,
                      a.fetched_at, a.published_at_source
               FROM story_articles sa JOIN articles a ON a.id = sa.article_id
               WHERE sa.story_id = ? ORDER BY a.published_at, a.fetched_at, a.id""",
            [story_id],
        )

    def stories_touched_by_run(self, run_id: int) -> list[str]:
        rows = self.con.execute(
            "SELECT DISTINCT story_id FROM story_articles WHERE run_id = ?", [run_id]
        ).fetchall()
        return [r[0] for r in rows]

    def stories_without_timeline(self) -> list[str]:
        rows = self.con.execute(
            """SELECT s.id FROM stories s LEFT JOIN timelines t ON t.story_id = s.id
               WHERE t.story_id IS NULL OR t.article_count <> s.article_count"""
        ).fetchall()
        return [r[0] for r in rows]

    def forget_timelines(self) -> int:
        """Drop every stored timeline so the next details stage recomputes them all
        (after a change to the detail logic); returns how many were dropped."""
        with self.transaction() as con:
            n = con.execute("SELECT count(*) FROM timelines").fetchone()[0]
            con.execute("DELETE FROM timelines")
        return int(n)

    def save_timeline(self, story_id: str, doc: dict[str, Any], run_id: int | None) -> None:
        """Replace a story's timeline and its normalised details/citations rows."""
        from datetime import date as date_type

        conflicts = sum(1 for d in doc["details"] if d["conflicts"])
        now = utc_naive(now_utc())
        by_url = {a["url"]: a["id"] for a in doc["articles"]}
        with self.transaction() as con:
            con.execute(
                """INSERT OR REPLACE INTO timelines VALUES (?, ?, ?, ?, ?, ?, ?)""",
                [
                    story_id,
                    now,
                    run_id,
                    len(doc["articles"]),
                    len(doc["details"]),
                    conflicts,
                    json.dumps(doc, ensure_ascii=False),
                ],
            )
            con.execute("DELETE FROM details WHERE story_id = ?", [story_id])
            con.execute("DELETE FROM citations WHERE story_id = ?", [story_id])
            rows = []
            for d in doc["details"]:
                first = d["first_reported"]
                origin = d.get("cited_origin") or {}
                rows.append(
                    [
                        story_id,
                        d["id"],
                        d["text"],
                        d.get("kind"),
                        d.get("value"),
                        by_url.get(first["url"]),
                        first["outlet"],
                        utc_naive(
                            datetime.fromisoformat(first["published_at"].replace("Z", "+00:00"))
                        ),
                        origin.get("outlet"),
                        date_type.fromisoformat(origin["date"]) if origin.get("date") else None,
                        len(d["reported_by"]),
                        len(d["conflicts"]),
                    ]
                )
            if rows:
                con.executemany(
                    "INSERT INTO details VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
            crow = [
                [
                    story_id,
                    by_url.get(c["citing_url"]),
                    c["citing_outlet"],
                    c["citing_url"],
                    c["cited_outlet"],
                    date_type.fromisoformat(c["cited_date"]) if c["cited_date"] else None,
                    c.get("known_outlet"),
                    c["evidence"],
                ]
                for c in doc["citations"]
            ]
            if crow:
                con.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", crow)

    def timeline(self, story_id: str) -> dict[str, Any] | None:
        """The stored timeline document (CONTRACT.md JSON minus the story header)."""
        row = self.con.execute(
            "SELECT doc FROM timelines WHERE story_id = ?", [story_id]
        ).fetchone()
        if not row:
            return None
        doc = row[0]
        return json.loads(doc) if isinstance(doc, str) else doc

    # -- digests ------------------------------------------------------------------

    def last_digest(self) -> dict[str, Any] | None:
        rows = self._dicts("SELECT * FROM digests ORDER BY id DESC LIMIT 1")
        return rows[0] if rows else None

    def digests(self, limit: int = 50) -> list[dict[str, Any]]:
        return self._dicts(
            """SELECT id, created_at, since, until, format, out_path, story_ids
               FROM digests ORDER BY id DESC LIMIT ?""",
            [limit],
        )

    def digest_doc(self, digest_id: int) -> dict[str, Any] | None:
        row = self.con.execute("SELECT doc FROM digests WHERE id = ?", [digest_id]).fetchone()
        if not row or row[0] is None:
            return None
        return json.loads(row[0]) if isinstance(row[0], str) else row[0]

    def record_digest(
        self,
        *,
        since: datetime | None,
        until: datetime,
        fmt: str,
        out_path: str | None,
        story_ids: Sequence[str],
        doc: dict[str, Any],
    ) -> int:
        row = self.con.execute(
            """INSERT INTO digests VALUES (nextval('digests_id'), ?, ?, ?, ?, ?, ?, ?)
               RETURNING id""",
            [
                utc_naive(now_utc()),
                utc_naive(since),
                utc_naive(until),
                fmt,
                out_path,
                list(story_ids),
                json.dumps(doc, ensure_ascii=False, default=str),
            ],
        ).fetchone()
        assert row is not None
        return int(row[0])

    def stories_seen_in_digests(self, story_ids: Sequence[str]) -> dict[str, datetime]:
        """For each story id, when it last appeared in a digest (for 'update' marking)."""
        if not story_ids:
            return {}
        rows = self.con.execute(
            """SELECT sid, max(created_at) FROM (
                   SELECT unnest(story_ids) AS sid, created_at FROM digests)
               WHERE sid IN (SELECT unnest(?)) GROUP BY sid""",
            [list(story_ids)],
        ).fetchall()
        return {r[0]: utc_aware(r[1]) for r in rows}  # type: ignore[misc]

    # -- web app and digest/export queries -----------------------------------------

    def search_story_ids(
        self,
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
        total_row = self.con.execute(
            f"SELECT count(*) FROM stories s WHERE {condition}", params
        ).fetchone()
        total = int(total_row[0]) if total_row else 0
        sql = (
            f"SELECT s.id FROM stories s WHERE {condition} ORDER BY s.last_published_at DESC, s.id"
        )
        page_params = list(params)
        if limit is not None:
            sql += " LIMIT ?"
            page_params.append(limit)
        if offset:
            sql += " OFFSET ?"
            page_params.append(offset)
        rows = self.con.execute(sql, page_params).fetchall()
        return [r[0] for r in rows], total

    def story_outlets(self) -> list[str]:
        """Every outlet with at least one article in a story, by name."""
        rows = self.con.execute(
            """SELECT DISTINCT a.source_name FROM story_articles sa
               JOIN articles a ON a.id = sa.article_id ORDER BY 1"""
        ).fetchall()
        return [r[0] for r in rows]

    def run_by_id(self, run_id: int) -> dict[str, Any] | None:
        """One row of ``runs`` (stats parsed, times aware UTC), or None."""
        cur = self.con.execute(
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

    def digest_row(self, digest_id: int) -> dict[str, Any] | None:
        """One row of ``digests`` without its document, or None."""
        cur = self.con.execute(
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

    def stories_with_new_articles(
        self, *, since: datetime | None, until: datetime, by: str
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
        return {r[0]: int(r[1]) for r in self.con.execute(sql, params).fetchall()}

    def story_members(self, story_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
        """Each story's articles, oldest first, with text and when each joined its story."""
        if not story_ids:
            return {}
        rows = self._dicts(
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

    def source_weights(self) -> dict[str, float]:
        rows = self.con.execute("SELECT name, weight FROM sources").fetchall()
        return {r[0]: float(r[1]) for r in rows}

    # Export: what each exported table holds. Never raw_html, never vectors.

    def copy_table(self, table: str, fmt: str, path: Path) -> int:
        """COPY one export table to ``path``; returns its row count."""
        query = EXPORT_QUERIES[table]
        literal = "'" + str(path).replace("'", "''") + "'"
        self.con.execute(f"COPY ({query}) TO {literal} {_COPY_OPTIONS[fmt]}")
        row = self.con.execute(f"SELECT count(*) FROM ({query})").fetchone()
        return int(row[0]) if row else 0

    # -- runs -------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        row = self.con.execute(
            """INSERT INTO runs (id, command, started_at, status)
               VALUES (nextval('runs_id'), ?, ?, 'running') RETURNING id""",
            [command, utc_naive(now_utc())],
        ).fetchone()
        assert row is not None
        return int(row[0])

    def finish_run(
        self, run_id: int, status: str, stats: dict[str, Any], error: str | None = None
    ) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, stats = ?, error = ? WHERE id = ?",
            [utc_naive(now_utc()), status, json.dumps(stats, default=str), error, run_id],
        )

    def update_run_stats(self, run_id: int, stats: dict[str, Any]) -> None:
        self.con.execute(
            "UPDATE runs SET stats = ? WHERE id = ?", [json.dumps(stats, default=str), run_id]
        )

    def record_events(
        self, run_id: int, events: Sequence[tuple[str, str | None, str, str | None]]
    ) -> None:
        """events: (stage, url, outcome, detail)."""
        if not events:
            return
        at = utc_naive(now_utc())
        self.con.executemany(
            "INSERT INTO run_events VALUES (?, ?, ?, ?, ?, ?)",
            [[run_id, at, stage, url, outcome, detail] for stage, url, outcome, detail in events],
        )

    def runs(self, limit: int = 10) -> list[dict[str, Any]]:
        rows = self._dicts(
            """SELECT id, command, started_at, finished_at, status, error, stats
               FROM runs ORDER BY id DESC LIMIT ?""",
            [limit],
        )
        for row in rows:
            row["stats"] = json.loads(row["stats"]) if row["stats"] else {}
        return rows

    def run_events(self, run_id: int, outcome: str | None = None) -> list[dict[str, Any]]:
        sql = """SELECT "at", stage, url, outcome, detail FROM run_events WHERE run_id = ?"""
        params: list[Any] = [run_id]
        if outcome is not None:
            sql += " AND outcome = ?"
            params.append(outcome)
        return self._dicts(sql + ' ORDER BY "at", stage, url', params)

    # -- helpers ----------------------------------------------------------------

    def _dicts(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params or []))
        names = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            record = dict(zip(names, row, strict=True))
            for key, value in record.items():
                if isinstance(value, datetime):
                    record[key] = utc_aware(value)
            out.append(record)
        return out

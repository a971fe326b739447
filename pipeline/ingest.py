"""The daily job: feeds -> pending articles -> fetched, extracted, dated articles -> stages.

Crash safety comes from the order of commits:

1. A feed's new entries are committed as ``pending`` articles *before* the feed's
   ETag/Last-Modified are stored, so a run killed after a feed answered 200 fetches that
   feed again next time instead of trusting a 304 for entries it never recorded.
2. Pending articles are fetched and extracted in bounded chunks and committed in small
   batches; a killed run loses at most the batch in flight, and the next run picks up
   every article still ``pending`` (or ``failed`` with attempts left).

Fetching is asynchronous (bounded per host and overall, inside ``Fetcher``); extraction
is CPU-bound and runs in a process pool so ingest uses every core.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from pipeline.dates import resolve_published
from pipeline.extract import Extracted, extract_article, text_hash
from pipeline.feeds import ParsedFeed, parse_feed
from pipeline.fetch import Fetcher, FetchResult, FetchSettings
from pipeline.runlock import RunLock
from pipeline.sources import Source, SourcesConfig
from pipeline.store import ArticleUpdate, NewArticle, PendingArticle, Store
from pipeline.urls import canonicalize, date_from_url

MAX_ATTEMPTS = 3
CHUNK = 256
BATCH = 96


class Progress(Protocol):
    def stage(self, name: str, total: int | None) -> None: ...
    def advance(self, n: int = 1) -> None: ...


class NoProgress:
    """A Progress that shows nothing (cron runs, re-clustering, benchmarks)."""

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def stage(self, name: str, total: int | None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass


class IngestFailed(RuntimeError):
    """The run could not do its job (e.g. every feed failed)."""


@dataclass
class IngestReport:
    run_id: int
    status: str  # 'ok' | 'partial' | 'failed'
    stats: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def summary_line(self) -> str:
        f = self.stats.get("feeds", {})
        a = self.stats.get("articles", {})
        parts = [
            f"run {self.run_id} {self.status}:",
            f"feeds {f.get('fetched', 0)} fetched, {f.get('not_modified', 0)} not modified,"
            f" {f.get('failed', 0)} failed;",
            f"articles {a.get('new', 0)} new, {a.get('updated', 0)} updated,"
            f" {a.get('skipped', 0)} skipped, {a.get('failed', 0)} failed",
        ]
        for stage in ("stories", "details"):
            if stage in self.stats:
                s = self.stats[stage]
                parts.append(
                    f"; {stage} "
                    + ", ".join(f"{v} {k}" for k, v in s.items() if isinstance(v, int))
                )
        parts.append(f"in {self.stats.get('seconds', 0):.1f}s")
        return " ".join(parts)


def article_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def fetch_settings(config: SourcesConfig) -> FetchSettings:
    s = config.settings
    kwargs: dict[str, Any] = {
        "timeout_s": s.timeout_s,
        "concurrency": s.concurrency,
        "per_host": s.per_host,
        "max_body_bytes": s.max_body_bytes,
        "allow_private_hosts": s.allow_private_hosts,
        "respect_robots": s.respect_robots,
    }
    if s.user_agent:
        kwargs["user_agent"] = s.user_agent
    return FetchSettings(**kwargs)


# -- extraction job (runs in worker processes) -----------------------------------


@dataclass(frozen=True)
class _ExtractJob:
    body: bytes
    url: str
    content_type: str | None
    source_names: tuple[str, ...]


def _extract_job(job: _ExtractJob) -> tuple[Extracted, bytes]:
    extracted = extract_article(
        job.body, job.url, content_type=job.content_type, source_names=job.source_names
    )
    return extracted, zlib.compress(job.body, 6)


def _same_site(a: str, b: str) -> bool:
    from urllib.parse import urlsplit

    ha, hb = urlsplit(a).hostname or "", urlsplit(b).hostname or ""
    return ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha)


def _is_front_page(url: str) -> bool:
    """A rel=canonical pointing at a site's front page is a template bug, not an identity."""
    from urllib.parse import urlsplit

    path = urlsplit(url).path.strip("/")
    return path == "" or "/" not in path and path in ("index.html", "home", "news")


class Ingest:
    """One ingest run. Construct, then call ``run()``."""

    def __init__(
        self,
        config: SourcesConfig,
        db_path: Path,
        *,
        progress: Progress | None = None,
        lock_wait_s: float = 0.0,
        workers: int | None = None,
        transport: Any = None,
        fetch_sleep: Callable[[float], Any] | None = None,
        stages: Sequence[Callable[[Store, int, dict[str, Any], Progress], None]] = (),
        max_articles: int | None = None,
    ) -> None:
        self.config = config
        self.db_path = db_path
        self.progress: Progress = progress or NoProgress()
        self.lock_wait_s = lock_wait_s
        cpu = os.cpu_count() or 1
        self.workers = workers or config.settings.extract_workers or cpu
        self.transport = transport
        self.fetch_sleep = fetch_sleep
        self.stages = stages
        self.max_articles = max_articles
        self._sources = {s.name: s for s in config.sources}
        self.stats: dict[str, Any] = {
            "feeds": {"total": 0, "fetched": 0, "not_modified": 0, "failed": 0, "bozo": 0},
            "entries": {"seen": 0, "new": 0, "known": 0, "refreshed": 0, "no_link": 0},
            "articles": {
                "attempted": 0,
                "new": 0,
                "updated": 0,
                "skipped": 0,
                "failed": 0,
                "blocked": 0,
                "duplicates": 0,
                "feed_summary_fallback": 0,
                "date_suspect": 0,
            },
        }
        self.run_id = 0

    def _store(self) -> Store:
        return Store(self.db_path, lock_wait_s=30.0)

    # -- public -------------------------------------------------------------------

    def run(self) -> IngestReport:
        started = time.monotonic()
        with RunLock(self.db_path, self.lock_wait_s):
            with self._store() as store:
                store.sync_sources(self.config.sources)
                self.run_id = store.start_run("ingest")
            status, error = "ok", None
            try:
                asyncio.run(self._run_async())
                feeds = self.stats["feeds"]
                if feeds["total"] and feeds["failed"] == feeds["total"]:
                    status, error = "failed", f"all {feeds['total']} feeds failed"
                elif feeds["failed"] or self.stats["articles"]["failed"]:
                    status = "partial"
                for stage in self.stages:
                    t0 = time.monotonic()
                    with self._store() as store:
                        stage(store, self.run_id, self.stats, self.progress)
                    name = getattr(stage, "__name__", None) or type(stage).__name__
                    self.stats.setdefault("durations", {})[name] = round(time.monotonic() - t0, 3)
            except BaseException as exc:
                status, error = "failed", f"{type(exc).__name__}: {exc}"
                self.stats["seconds"] = round(time.monotonic() - started, 3)
                try:
                    with self._store() as store:
                        store.finish_run(self.run_id, status, self.stats, error)
                except Exception:  # noqa: BLE001 - keep the original error
                    pass
                raise
            self.stats["seconds"] = round(time.monotonic() - started, 3)
            with self._store() as store:
                store.finish_run(self.run_id, status, self.stats, error)
        return IngestReport(self.run_id, status, self.stats, error)

    # -- async body ---------------------------------------------------------------

    async def _run_async(self) -> None:
        settings = fetch_settings(self.config)
        kwargs: dict[str, Any] = {}
        if self.transport is not None:
            kwargs["transport"] = self.transport
        if self.fetch_sleep is not None:
            kwargs["sleep"] = self.fetch_sleep
        t0 = time.monotonic()
        async with Fetcher(settings, **kwargs) as fetcher:
            await self._feeds_stage(fetcher)
            t1 = time.monotonic()
            await self._articles_stage(fetcher)
            t2 = time.monotonic()
            self.stats["fetch"] = dict(fetcher.stats)
        self.stats.setdefault("durations", {}).update(
            {"feeds": round(t1 - t0, 3), "articles": round(t2 - t1, 3)}
        )

    async def _feeds_stage(self, fetcher: Fetcher) -> None:
        feeds: list[tuple[Source, str]] = [
            (source, url) for source in self.config.sources for url in source.feeds
        ]
        self.stats["feeds"]["total"] = len(feeds)
        self.progress.stage("feeds", len(feeds))
        with self._store() as store:
            states = {url: store.feed_state(url) for _, url in feeds}

        async def one(source: Source, url: str) -> tuple[Source, str, FetchResult]:
            state = states.get(url)
            result = await fetcher.fetch(
                url,
                etag=state.etag if state else None,
                last_modified=state.last_modified if state else None,
            )
            return source, url, result

        for next_done in asyncio.as_completed([one(s, u) for s, u in feeds]):
            source, url, result = await next_done
            self._record_feed(source, url, result)
            self.progress.advance()

    def _record_feed(self, source: Source, url: str, result: FetchResult) -> None:
        fstats, estats = self.stats["feeds"], self.stats["entries"]
        events: list[tuple[str, str | None, str, str | None]] = []
        parsed: ParsedFeed | None = None
        ok = False
        error = result.error
        if result.not_modified:
            fstats["not_modified"] += 1
            events.append(("feeds", url, "not_modified", None))
            ok = True
        elif result.ok:
            parsed = parse_feed(result.body, result.final_url, result.headers.get("content-type"))
            if parsed.problem:
                fstats["bozo"] += 1
                events.append(("feeds", url, "problem", parsed.problem))
            if not parsed.entries and parsed.problem:
                error = f"unusable feed: {parsed.problem}"
                fstats["failed"] += 1
                events.append(("feeds", url, "failed", error))
            else:
                ok = True
                fstats["fetched"] += 1
                events.append(("feeds", url, "fetched", f"{len(parsed.entries)} entries"))
        else:
            fstats["failed"] += 1
            events.append(("feeds", url, "failed", error))

        with self._store() as store:
            if parsed is not None and ok:
                estats["seen"] += len(parsed.entries)
                estats["no_link"] += parsed.skipped
                self._add_entries(store, source, url, parsed)
            # validators last: see module docstring
            store.record_feed_fetch(
                url,
                source.name,
                fetched_at=result.fetched_at,
                status=result.status,
                ok=ok,
                etag=result.etag,
                last_modified=result.last_modified,
                error=error,
                entry_count=len(parsed.entries) if parsed else None,
            )
            store.record_events(self.run_id, events)

    def _add_entries(self, store: Store, source: Source, feed_url: str, parsed: ParsedFeed) -> None:
        estats = self.stats["entries"]
        raw_links = {e.raw_link for e in parsed.entries}
        known = store.lookup_urls([e.link for e in parsed.entries] + list(raw_links))
        new: list[NewArticle] = []
        refresh: dict[str, datetime] = {}
        for entry in parsed.entries:
            hit = known.get(entry.link) or known.get(entry.raw_link)
            if hit is not None:
                stored_updated = hit[1]
                own_url = hit[2] == entry.link
                if own_url and entry.updated and stored_updated and entry.updated > stored_updated:
                    refresh[hit[0]] = entry.updated
                else:
                    estats["known"] += 1
                continue
            new.append(
                NewArticle(
                    id=article_id(entry.link),
                    url=entry.link,
                    source_name=source.name,
                    feed_url=feed_url,
                    entry_id=entry.entry_id,
                    feed_title=entry.title,
                    feed_summary=entry.summary,
                    author=entry.author,
                    feed_date=entry.published,
                    feed_updated=entry.updated,
                )
            )
        added = store.add_pending(new, self.run_id)
        estats["new"] += added
        estats["known"] += len(new) - added
        if refresh:
            store.mark_for_refresh(list(refresh), refresh)
            estats["refreshed"] += len(refresh)

    # -- articles -----------------------------------------------------------------

    async def _articles_stage(self, fetcher: Fetcher) -> None:
        with self._store() as store:
            pending = store.pending_articles(MAX_ATTEMPTS, limit=self.max_articles)
        self.stats["articles"]["attempted"] = len(pending)
        self.progress.stage("articles", len(pending))
        if not pending:
            return
        pool: Executor | None = None
        if self.workers > 1 and len(pending) >= 8:
            import multiprocessing

            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["pipeline.extract", "trafilatura"])
            pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        try:
            batch: list[ArticleUpdate] = []
            for start in range(0, len(pending), CHUNK):
                chunk = pending[start : start + CHUNK]
                tasks = [self._one_article(fetcher, pool, a) for a in chunk]
                for next_done in asyncio.as_completed(tasks):
                    update = await next_done
                    batch.append(update)
                    self.progress.advance()
                    if len(batch) >= BATCH:
                        self._flush(batch)
                        batch = []
            self._flush(batch)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _flush(self, batch: list[ArticleUpdate]) -> None:
        if not batch:
            return
        astats = self.stats["articles"]
        events: list[tuple[str, str | None, str, str | None]] = []
        with self._store() as store:
            # rel=canonical / redirects may reveal that two URLs are one article
            final: list[ArticleUpdate] = []
            for u in batch:
                if u.status == "ok" and u.extra_urls:
                    owners = store.lookup_urls(list(u.extra_urls))
                    other = next((o[0] for o in owners.values() if o[0] != u.id), None)
                    if other is not None:
                        store.mark_duplicate(u.id, other)
                        astats["duplicates"] += 1
                        events.append(("articles", u.final_url, "duplicate", f"same as {other}"))
                        continue
                final.append(u)
            counts = store.save_articles(final)
            for u in final:
                if u.status != "ok":
                    events.append(("articles", u.final_url, u.status, u.fetch_error))
                elif u.extraction == "feed_summary":
                    events.append(("articles", u.final_url, "feed_summary", u.extraction_note))
                if u.date_suspect:
                    events.append(("articles", u.final_url, "date_suspect", u.date_note))
            store.record_events(self.run_id, events)
        astats["new"] += counts["new"]
        astats["updated"] += counts["updated"]
        astats["skipped"] += counts["unchanged"]
        astats["failed"] += sum(1 for u in final if u.status == "failed")
        astats["blocked"] += sum(1 for u in final if u.status == "blocked")
        astats["feed_summary_fallback"] += sum(1 for u in final if u.extraction == "feed_summary")
        astats["date_suspect"] += sum(1 for u in final if u.status == "ok" and u.date_suspect)

    async def _one_article(
        self, fetcher: Fetcher, pool: Executor | None, article: PendingArticle
    ) -> ArticleUpdate:
        source = self._sources.get(article.source_name)
        names = tuple(source.all_names()) if source else (article.source_name,)
        result = await fetcher.fetch(article.url, check_robots=True)
        url_day = date_from_url(article.url)
        if not result.ok:
            blocked = bool(result.error and "robots" in result.error)
            resolved = self._resolve_date(article, None, url_day, source)
            return ArticleUpdate(
                id=article.id,
                status="blocked" if blocked else "failed",
                fetch_error=result.error or f"HTTP {result.status}",
                http_status=result.status or None,
                final_url=result.final_url or article.url,
                published_at=resolved.published_at,
                published_at_source=resolved.source,
            )
        job = _ExtractJob(result.body, result.final_url, result.headers.get("content-type"), names)
        if pool is None:
            extracted, compressed = _extract_job(job)
        else:
            loop = asyncio.get_running_loop()
            extracted, compressed = await loop.run_in_executor(pool, _extract_job, job)

        extra: set[str] = set()
        try:
            final = canonicalize(result.final_url)
            if final != article.url:
                extra.add(final)
            if extracted.canonical_url:
                canonical = canonicalize(extracted.canonical_url, base=result.final_url)
                if (
                    canonical != article.url
                    and _same_site(canonical, result.final_url)
                    and not _is_front_page(canonical)
                ):
                    extra.add(canonical)
        except ValueError:
            pass

        text, method, note = extracted.text, "trafilatura", extracted.note
        summary = article.feed_summary or ""
        too_short = not text or (len(text) < 200 and len(summary) > len(text))
        if too_short and summary:
            text, method = summary, "feed_summary"
            note = (note or "extracted text too short") + "; used the feed's summary"
        resolved = self._resolve_date(
            article, extracted.page_date, url_day or date_from_url(result.final_url), source
        )
        return ArticleUpdate(
            id=article.id,
            status="ok",
            title=extracted.title or article.feed_title,
            author=extracted.author,
            language=extracted.language,
            text=text,
            extraction=method if text else None,
            extraction_note=note,
            published_at=resolved.published_at,
            published_at_source=resolved.source,
            page_date=extracted.page_date,
            page_date_kind=extracted.page_date_kind,
            url_date=url_day,
            date_suspect=resolved.suspect,
            date_note=resolved.note,
            http_status=result.status,
            final_url=result.final_url,
            raw_html=compressed,
            content_hash=text_hash(text) if text else None,
            fetched_at=result.fetched_at,
            extra_urls=tuple(sorted(extra)),
        )

    def _resolve_date(
        self,
        article: PendingArticle,
        page_date: datetime | None,
        url_day: date | None,
        source: Source | None,
    ) -> Any:
        earliest = source.since if source else None
        return resolve_published(
            feed_date=article.feed_date,
            page_date=page_date,
            url_date=url_day,
            first_seen=article.first_seen_at,
            now=datetime.now(UTC),
            earliest=earliest,
        )

"""The read-only web app (``firstwire serve``): stories, story timelines, digests, runs,
and a JSON API that mirrors the command line's JSON (``/api/stories``,
``/api/stories/{id}/timeline``; schema at ``/openapi.json``).

Living next to the cron job. DuckDB lets one process write a file, and while the ingest
job writes a batch, other processes cannot even open it read-only (and while they read,
it cannot write). So this app never holds a connection between requests (``Reader``):

- every read opens a read-only ``Store`` that retries for a few seconds while a batch is
  being written, and closes it again; the server process never opens the file writable
  (DuckDB refuses a read-only open in a process that holds it read-write);
- reads are serialized and, after each, the server leaves the file alone for at least as
  long as it held it, so however busy the site, the writer's retries get in;
- the last answer of every route is cached with the database files' fingerprint (size,
  mtime and inode of the file and its WAL, which change with every commit): while
  nothing was committed the cache answers without opening the database, and when the
  database stays locked the cached answer is served marked stale (a banner on pages, an
  ``X-Firstwire-Stale`` header on the API), i.e. the last committed state it saw. With
  nothing cached the answer is a clean 503 "database busy, retry", never a 500.

Everything the pages need ships in the package (templates, ``static/web.css`` and
``static/web.js``); no CDN, so FastAPI's Swagger/ReDoc pages are off. Templates
autoescape everything, links out are only emitted for http(s) URLs, scripts only set
``textContent``, and a Content-Security-Policy allows only the app's own script and style.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline.store import Store, StoreError, StoreLockedError
from pipeline.timeutil import iso, parse_since

PAGE_SIZE = 50
STATIC_DIR = Path(__file__).parent / "static"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


# ---------------------------------------------------------------------------
# Reading the database: short read-only connections, retry, last-state cache
# ---------------------------------------------------------------------------


class DatabaseBusy(Exception):
    """The ingest job held the database for longer than a request waits."""


class DatabaseUnavailable(Exception):
    """No database yet, or one this firstwire cannot read."""


@dataclass(frozen=True)
class Read:
    """The result of one read and whether it came from the cache while locked."""

    value: Any
    read_at: datetime
    stale: bool


@dataclass
class _Entry:
    fingerprint: tuple[Any, ...]
    value: Any
    read_at: datetime
    monotonic: float


class Reader:
    """Reads the database in short read-only connections, with a last-answer cache.

    Readers of other processes keep a writer out as surely as a writer keeps them out,
    and the ingest job gives up after waiting 30 s. So the server is a polite reader: it
    opens one connection at a time and, after each, stays away from the file for at
    least as long as it held it (plus jitter), so under any load the file is free at
    least half of the time and the writer's retries get in.
    """

    def __init__(
        self,
        db: Path,
        *,
        lock_wait_s: float = 3.0,
        fresh_s: float = 5.0,
        max_entries: int = 256,
    ) -> None:
        self.db = Path(db)
        self.lock_wait_s = lock_wait_s
        self.fresh_s = fresh_s
        self.max_entries = max_entries
        self._cache: OrderedDict[Any, _Entry] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._db_lock = threading.Lock()  # one connection at a time
        self._next_open = 0.0  # monotonic time before which we leave the file alone
        self.opens = 0  # connections opened (for tests and curiosity)

    def fingerprint(self) -> tuple[Any, ...]:
        """Changes whenever a write is committed (the WAL grows or is checkpointed)."""
        parts: list[Any] = []
        for path in (self.db, self.db.with_name(self.db.name + ".wal")):
            try:
                st = path.stat()
            except OSError:
                parts.append(None)
            else:
                parts.append((st.st_ino, st.st_size, st.st_mtime_ns))
        return tuple(parts)

    def _cached(self, key: Any, fingerprint: tuple[Any, ...] | None) -> Read | None:
        """The cached answer: fresh only (fingerprint given), or whatever there is."""
        with self._cache_lock:
            entry = self._cache.get(key)
            if entry is None:
                return None
            if fingerprint is None:
                return Read(entry.value, entry.read_at, stale=True)
            if entry.fingerprint == fingerprint and time.monotonic() - entry.monotonic < (
                self.fresh_s
            ):
                self._cache.move_to_end(key)
                return Read(entry.value, entry.read_at, stale=False)
            return None

    def _stale_or_busy(self, key: Any, reason: str) -> Read:
        last = self._cached(key, None)
        if last is None:
            raise DatabaseBusy(reason)
        return last

    def read(self, key: Any, fn: Callable[[Store], Any]) -> Read:
        """``fn(store)`` over a fresh read-only connection, or the cached answer for ``key``
        when nothing was committed since (or, marked stale, when the database stays
        locked for longer than ``lock_wait_s``)."""
        deadline = time.monotonic() + self.lock_wait_s
        hit = self._cached(key, self.fingerprint())
        if hit is not None:
            return hit
        if not self._db_lock.acquire(timeout=self.lock_wait_s):
            return self._stale_or_busy(key, "the server is busy reading the database")
        try:
            fingerprint = self.fingerprint()  # before opening: a later commit means re-read
            hit = self._cached(key, fingerprint)  # another request may just have read it
            if hit is not None:
                return hit
            pause = self._next_open - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            store = Store(
                self.db, read_only=True, lock_wait_s=max(0.0, deadline - time.monotonic())
            )
            try:
                store.open()
            except StoreLockedError as exc:
                return self._stale_or_busy(key, str(exc))
            except StoreError as exc:
                raise DatabaseUnavailable(str(exc)) from exc
            opened = time.monotonic()
            self.opens += 1
            try:
                value = fn(store)
            finally:
                store.close()
                held = time.monotonic() - opened
                self._next_open = time.monotonic() + held * random.uniform(1.0, 1.5) + 0.005
        finally:
            self._db_lock.release()
        read_at = datetime.now(UTC)
        with self._cache_lock:
            self._cache[key] = _Entry(fingerprint, value, read_at, time.monotonic())
            self._cache.move_to_end(key)
            while len(self._cache) > self.max_entries:
                self._cache.popitem(last=False)
        return Read(value, read_at, stale=False)


# ---------------------------------------------------------------------------
# Query parameters
# ---------------------------------------------------------------------------


class BadParameter(ValueError):
    """A query parameter the app cannot use (answered with 400)."""


def parse_until(value: str | None) -> datetime | None:
    """An ISO date (the whole day counts: the end is the next midnight, UTC) or date-time."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        day = date.fromisoformat(text)
    except ValueError:
        pass
    else:
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise BadParameter(f"until {value!r}: use an ISO date like 2026-04-30") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def since_cutoff(value: str | None) -> datetime | None:
    try:
        return parse_since(value)
    except ValueError as exc:
        raise BadParameter(str(exc).replace("--since", "since")) from None


def words_of(q: str | None) -> list[str]:
    return [w for w in (q or "").split() if w]


# ---------------------------------------------------------------------------
# Shaping data for the templates
# ---------------------------------------------------------------------------


def safe_url(value: Any) -> str | None:
    """The URL if it is http(s), else None: never emit javascript: or data: links."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value if scheme in ("http", "https") else None


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _day(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d")
    return str(value or "")[:10]


def _when(value: Any) -> str:
    """'2026-04-03 13:05 UTC' from an ISO string or a datetime."""
    dt = value if isinstance(value, datetime) else _parse_time(value if value else None)
    if dt is None:
        return str(value or "")
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _short(text: Any, n: int = 120) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def stat_line(stats: Any) -> str:
    """'3 fetched, 1 failed' from a dict of counts (zeros left out)."""
    if not isinstance(stats, dict):
        return ""
    parts = [
        f"{v} {str(k).replace('_', ' ')}"
        for k, v in stats.items()
        if isinstance(v, int | float) and not isinstance(v, bool) and v
    ]
    return ", ".join(parts)


_TICK_STEPS = [
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=6),
    timedelta(hours=12),
    timedelta(days=1),
    timedelta(days=2),
    timedelta(days=7),
    timedelta(days=14),
    timedelta(days=30),
    timedelta(days=91),
    timedelta(days=365),
]


def _sentences_for(article: dict[str, Any], details: list[dict[str, Any]]) -> list[str]:
    """The sentences an article was first to report (or, failing that, any it reported)."""
    first = [
        d["first_reported"].get("sentence")
        for d in details
        if d["id"] in set(article.get("new_details") or [])
        and d.get("first_reported", {}).get("url") == article["url"]
    ]
    out = [s for s in first if s]
    if not out:
        out = [
            r.get("sentence")
            for d in details
            for r in d.get("reported_by", [])
            if r.get("url") == article["url"] and r.get("sentence")
        ][:3]
    return list(dict.fromkeys(out))[:5]


def timeline_chart(doc: dict[str, Any], width: int = 900) -> dict[str, Any] | None:
    """Geometry of the story page's SVG: one row per outlet on a time axis; articles as
    dots (the first reporter larger and labelled), cited origins as hollow dashed rings."""
    articles = doc.get("articles") or []
    details = doc.get("details") or []
    markers: list[dict[str, Any]] = []
    for i, a in enumerate(articles):
        t = _parse_time(a.get("published_at"))
        if t is None:
            continue
        markers.append(
            {
                "kind": "first" if i == 0 else "article",
                "outlet": a["outlet"],
                "t": t,
                "when": _when(t),
                "title": a.get("title") or "",
                "url": safe_url(a.get("url")),
                "sentences": _sentences_for(a, details),
                "note": "first reporter" if i == 0 else "",
            }
        )
    cited: list[dict[str, Any]] = []
    origin = doc.get("origin")
    if origin and origin.get("date"):
        cited.append(origin)
    for d in details:
        o = d.get("cited_origin")
        if o and o.get("date") and o.get("predates_first_report"):
            cited.append(o)
    seen: set[tuple[str, str]] = set()
    for o in cited:
        key = (o["outlet"], o["date"])
        if key in seen:
            continue
        seen.add(key)
        t = _parse_time(o["date"])
        if t is None:
            continue
        markers.append(
            {
                "kind": "cited",
                "outlet": o["outlet"],
                "t": t,
                "when": o["date"],
                "title": f"cited by {o.get('citing_outlet') or 'another outlet'}",
                "url": safe_url(o.get("citing_url")),
                "sentences": [o["evidence"]] if o.get("evidence") else [],
                "note": "cited origin",
            }
        )
    if not markers:
        return None
    rows: list[str] = []
    for m in sorted(markers, key=lambda m: m["t"]):
        if m["outlet"] not in rows:
            rows.append(m["outlet"])
    t0 = min(m["t"] for m in markers)
    t1 = max(m["t"] for m in markers)
    if t1 - t0 < timedelta(hours=2):
        t0, t1 = t0 - timedelta(hours=1), t1 + timedelta(hours=1)
    span = t1 - t0
    pad = span * 0.04
    t0, t1 = t0 - pad, t1 + pad
    left, right, top, row_h = 190, 30, 34, 32
    plot_w = width - left - right
    height = top + row_h * len(rows) + 12

    def x_of(t: datetime) -> float:
        return round(left + plot_w * ((t - t0) / (t1 - t0)), 1)

    step = next((s for s in _TICK_STEPS if (t1 - t0) / s <= 8), _TICK_STEPS[-1])
    fmt = "%Y-%m-%d" if step >= timedelta(days=1) else "%m-%d %H:%M"
    tick = datetime(t0.year, t0.month, t0.day, tzinfo=UTC)  # steps from a midnight, UTC
    ticks = []
    while tick <= t1:
        if tick >= t0:
            ticks.append({"x": x_of(tick), "label": tick.strftime(fmt)})
        tick += step
    for m in markers:
        m["x"] = x_of(m["t"])
        m["y"] = top + row_h * rows.index(m["outlet"]) + row_h / 2
        m["tooltip"] = " · ".join(
            p for p in (m["outlet"], m["when"], m["note"], _short(m["title"], 160)) if p
        )
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "rows": [
            {
                "outlet": o,
                "y": top + row_h * i + row_h / 2,
                "band": top + row_h * i,
                "odd": i % 2 == 1,
            }
            for i, o in enumerate(rows)
        ],
        "row_h": row_h,
        "ticks": ticks,
        "markers": sorted(markers, key=lambda m: (m["kind"] == "first", m["t"])),
    }


def digest_stories(doc: Any) -> list[dict[str, Any]]:
    """The stories listed in a digest document (``pipeline.digest.build_digest``), read
    defensively: documents written by older versions may lack any field."""
    if not isinstance(doc, dict) or not isinstance(doc.get("stories"), list):
        return []
    out = []
    for s in doc["stories"]:
        if not isinstance(s, dict):
            continue
        first = s.get("first_reported") if isinstance(s.get("first_reported"), dict) else {}
        summary = [x for x in (s.get("summary") or []) if isinstance(x, dict) and x.get("sentence")]
        details = [d for d in (s.get("new_details") or []) if isinstance(d, dict)]
        out.append(
            {
                "id": s.get("id"),
                "title": s.get("title"),
                "update": bool(s.get("is_update") or s.get("update")),
                "article_count": s.get("article_count"),
                "outlet_count": s.get("outlet_count"),
                "new_article_count": s.get("new_article_count"),
                "first_published_at": s.get("first_published_at"),
                "last_published_at": s.get("last_published_at"),
                "first_reported": first,
                "summary": summary,
                "new_details": details,
            }
        )
    return out


# ---------------------------------------------------------------------------
# JSON API models (for the OpenAPI schema; responses are the CLI's JSON verbatim)
# ---------------------------------------------------------------------------


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ArticleOut(_Open):
    id: str
    url: str
    outlet: str
    title: str | None
    published_at: str | None
    published_at_source: str | None


class StoryHeaderOut(_Open):
    id: str
    title: str | None
    first_published_at: str | None
    last_published_at: str | None
    article_count: int
    outlet_count: int


class StoryOut(StoryHeaderOut):
    articles: list[ArticleOut]


class StoriesOut(_Open):
    stories: list[StoryOut]


class TimelineArticleOut(ArticleOut):
    new_details: list[str]


class FirstReportedOut(_Open):
    outlet: str
    url: str
    published_at: str | None


class CitedOriginOut(_Open):
    outlet: str
    date: str | None
    evidence: str | None
    citing_outlet: str | None
    citing_url: str | None


class ReportedByOut(_Open):
    outlet: str
    url: str
    published_at: str | None
    sentence: str | None


class ConflictOut(_Open):
    value: str | None
    outlets: list[str]


class DetailOut(_Open):
    id: str
    text: str
    first_reported: FirstReportedOut
    cited_origin: CitedOriginOut | None
    reported_by: list[ReportedByOut]
    conflicts: list[ConflictOut]


class CitationOut(_Open):
    cited_outlet: str
    cited_date: str | None
    evidence: str | None
    citing_outlet: str | None
    citing_url: str | None


class TimelineOut(_Open):
    story: StoryHeaderOut
    articles: list[TimelineArticleOut]
    details: list[DetailOut]
    citations: list[CitationOut]


class ErrorOut(BaseModel):
    detail: str


# ---------------------------------------------------------------------------
# The app
# ---------------------------------------------------------------------------


def _template_env() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        day=_day, when=_when, short=_short, safe_url=safe_url, stat_line=stat_line, iso=iso
    )
    return env


def _json(data: Any, status_code: int = 200, stale: Read | None = None) -> Response:
    body = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    response = Response(body, status_code=status_code, media_type="application/json")
    if stale is not None and stale.stale:
        response.headers["X-Firstwire-Stale"] = iso(stale.read_at) or ""
    return response


def create_app(db: Path, *, lock_wait_s: float = 3.0, fresh_s: float = 5.0) -> FastAPI:
    """The web app over the database file ``db`` (opened read-only, per request)."""
    reader = Reader(Path(db), lock_wait_s=lock_wait_s, fresh_s=fresh_s)
    env = _template_env()
    app = FastAPI(
        title="firstwire",
        summary="Who reported it first? AI-hardware news stories and their timelines.",
        description="Read-only JSON API; the same JSON as `firstwire stories --format json` "
        "and `firstwire timeline ID --format json` (see CONTRACT.md).",
        version="0.1.0",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: only the schema is served
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.reader = reader
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/api"

    def page(
        request: Request,
        name: str,
        status_code: int = 200,
        read: Read | None = None,
        **context: Any,
    ) -> HTMLResponse:
        html = env.get_template(name).render(
            root=request.scope.get("root_path", "").rstrip("/"),
            stale_since=read.read_at if read is not None and read.stale else None,
            **context,
        )
        response = HTMLResponse(html, status_code=status_code)
        if read is not None and read.stale:
            response.headers["X-Firstwire-Stale"] = iso(read.read_at) or ""
        return response

    def error(request: Request, status_code: int, title: str, message: str) -> Response:
        if is_api(request):
            response: Response = _json({"detail": message}, status_code)
        else:
            response = page(
                request,
                "web_error.html",
                status_code,
                title=title,
                message=message,
                retry=status_code == 503,
            )
        if status_code == 503:
            response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404 and not is_api(request):
            return error(request, 404, "Not found", "There is no such page.")
        return await http_exception_handler(request, exc)

    @app.exception_handler(DatabaseBusy)
    async def busy(request: Request, exc: DatabaseBusy) -> Response:
        return error(
            request,
            503,
            "Database busy",
            "database busy, retry: an ingest run is writing to it right now; "
            "try again in a few seconds.",
        )

    @app.exception_handler(DatabaseUnavailable)
    async def unavailable(request: Request, exc: DatabaseUnavailable) -> Response:
        return error(request, 503, "Database unavailable", str(exc))

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter) -> Response:
        return error(request, 400, "Bad request", str(exc))

    # -- pages ------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(
        request: Request,
        q: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        page_no: int = Query(1, alias="page", ge=1),
    ) -> Response:
        cutoff = since_cutoff(since)
        end = parse_until(until)
        words = words_of(q)
        chosen = (outlet or "").strip() or None

        def fetch(store: Store) -> dict[str, Any]:

            ids, total = store.search_story_ids(
                words=words,
                outlet=chosen,
                since=cutoff,
                until=end,
                limit=PAGE_SIZE,
                offset=(page_no - 1) * PAGE_SIZE,
            )
            stories = store.stories(ids=ids) if ids else []
            return {"stories": stories, "total": total, "outlets": store.story_outlets()}

        read = reader.read(("stories", tuple(words), chosen, since, until, page_no), fetch)
        params = {
            k: v for k, v in {"q": q, "outlet": chosen, "since": since, "until": until}.items() if v
        }
        total = read.value["total"]
        pages = max(1, -(-total // PAGE_SIZE))
        return page(
            request,
            "web_stories.html",
            read=read,
            stories=read.value["stories"],
            total=total,
            outlets=read.value["outlets"],
            q=q or "",
            outlet=chosen or "",
            since=since or "",
            until=until or "",
            page_no=page_no,
            pages=pages,
            prev_qs=urlencode({**params, "page": page_no - 1}) if page_no > 1 else None,
            next_qs=urlencode({**params, "page": page_no + 1}) if page_no < pages else None,
            filtered=bool(params),
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        def fetch(store: Store) -> dict[str, Any] | None:
            from pipeline.timeline import load_timeline
            from pipeline.views import article_json

            resolved = store.resolve_story_id(story_id)
            if resolved is None:
                return None
            if resolved != story_id:
                return {"redirect": resolved}
            doc = load_timeline(store, resolved)
            if doc is None:
                return None
            if not doc.get("articles"):  # no timeline computed yet: list the articles
                rows = store.stories(ids=[resolved])
                doc["articles"] = [
                    {**article_json(a), "new_details": []}
                    for a in (rows[0]["articles"] if rows else [])
                ]
            return {"doc": doc}

        read = reader.read(("story", story_id), fetch)
        if read.value is None:
            return error(request, 404, "No such story", f"no story {story_id!r}")
        if "redirect" in read.value:
            root = request.scope.get("root_path", "").rstrip("/")
            return RedirectResponse(f"{root}/stories/{read.value['redirect']}", status_code=302)
        doc = read.value["doc"]
        from pipeline.render import cited_by_counts

        articles = doc.get("articles") or []
        return page(
            request,
            "web_story.html",
            read=read,
            doc=doc,
            story=doc["story"],
            first=articles[0] if articles else None,
            origin=doc.get("origin"),
            chart=timeline_chart(doc),
            cited_by=cited_by_counts(doc) if doc.get("citations") else {},
        )

    @app.get("/digests", response_class=HTMLResponse, include_in_schema=False)
    def digests_page(request: Request) -> Response:
        read = reader.read(("digests",), lambda store: store.digests(200))
        return page(request, "web_digests.html", read=read, digests=read.value)

    @app.get("/digests/{digest_id}", response_class=HTMLResponse, include_in_schema=False)
    def digest_page(request: Request, digest_id: int) -> Response:
        def fetch(store: Store) -> dict[str, Any] | None:

            row = store.digest_row(digest_id)
            if row is None:
                return None
            doc = store.digest_doc(digest_id)
            ids = list(row.get("story_ids") or [])
            known = {s["id"]: s for s in store.stories(ids=ids)} if ids else {}
            return {"row": row, "doc": doc, "known": known}

        read = reader.read(("digest", digest_id), fetch)
        if read.value is None:
            return error(request, 404, "No such digest", f"no digest {digest_id}")
        doc = read.value["doc"]
        listed = digest_stories(doc)
        if not listed:
            listed = [
                {"id": sid, "title": read.value["known"].get(sid, {}).get("title")}
                for sid in read.value["row"].get("story_ids") or []
            ]
        return page(
            request,
            "web_digest.html",
            read=read,
            row=read.value["row"],
            listed=listed,
            doc_json=json.dumps(doc, indent=2, ensure_ascii=False, default=str)
            if doc is not None
            else None,
        )

    @app.get("/runs", response_class=HTMLResponse, include_in_schema=False)
    def runs_page(request: Request, limit: int = Query(50, ge=1, le=1000)) -> Response:
        read = reader.read(("runs", limit), lambda store: store.runs(limit))
        return page(request, "web_runs.html", read=read, runs=read.value)

    @app.get("/runs/{run_id}", response_class=HTMLResponse, include_in_schema=False)
    def run_page(request: Request, run_id: int) -> Response:
        def fetch(store: Store) -> dict[str, Any] | None:

            run = store.run_by_id(run_id)
            if run is None:
                return None
            return {"run": run, "events": store.run_events(run_id)}

        read = reader.read(("run", run_id), fetch)
        if read.value is None:
            return error(request, 404, "No such run", f"no run {run_id}")
        events = read.value["events"]
        return page(
            request,
            "web_run.html",
            read=read,
            run=read.value["run"],
            events=events[:2000],
            more=max(0, len(events) - 2000),
        )

    # -- JSON API -----------------------------------------------------------------

    @app.get(
        "/api/stories",
        response_model=None,
        responses={200: {"model": StoriesOut}, 400: {"model": ErrorOut}, 503: {"model": ErrorOut}},
        tags=["stories"],
        summary="Stories, newest activity first (as `firstwire stories --format json`)",
    )
    def api_stories(
        since: str = Query("7d", description="Active since: 7d, 24h, 2w, an ISO date, or all."),
        limit: int | None = Query(None, ge=1, le=10_000, description="At most this many."),
        min_articles: int = Query(1, ge=1, description="Hide stories with fewer articles."),
        q: str | None = Query(None, description="Words that must all occur in a title."),
        outlet: str | None = Query(None, description="Only stories with an article from it."),
        until: str | None = Query(
            None, description="Only stories that began before the end of this ISO date."
        ),
    ) -> Response:
        from pipeline.views import stories_json

        cutoff = since_cutoff(since)
        end = parse_until(until)
        words = words_of(q)
        chosen = (outlet or "").strip() or None

        def fetch(store: Store) -> dict[str, Any]:

            ids, _ = store.search_story_ids(
                words=words,
                outlet=chosen,
                since=cutoff,
                until=end,
                min_articles=min_articles,
                limit=limit,
            )
            return stories_json(store.stories(ids=ids) if ids else [])

        read = reader.read(
            ("api_stories", since, limit, min_articles, tuple(words), chosen, until), fetch
        )
        return _json(read.value, stale=read)

    @app.get(
        "/api/stories/{story_id}/timeline",
        response_model=None,
        responses={200: {"model": TimelineOut}, 404: {"model": ErrorOut}, 503: {"model": ErrorOut}},
        tags=["stories"],
        summary="One story's timeline (as `firstwire timeline ID --format json`)",
    )
    def api_timeline(story_id: str) -> Response:
        from pipeline.timeline import load_timeline

        read = reader.read(("api_timeline", story_id), lambda s: load_timeline(s, story_id))
        if read.value is None:
            return _json({"detail": f"no story {story_id!r}"}, 404)
        return _json(read.value, stale=read)

    return app

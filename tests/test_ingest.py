"""End-to-end ingest: feeds and pages served by pytest-httpserver on 127.0.0.1.

Every test runs ``Ingest(config, db, workers=1, stages=[]).run()`` (no embedding model)
and inspects the database through a read-only ``Store``. Opening a Store costs tens of
milliseconds, so each check point reads everything it needs in one ``snapshot``.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import LOREM, article_html, rss, serve_site
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner
from werkzeug import Request, Response

import pipeline.ingest as ingest_module
from pipeline.cli import app
from pipeline.ingest import MAX_ATTEMPTS, Ingest, IngestReport
from pipeline.runlock import RunLock, RunLockedError
from pipeline.sources import SourcesConfig, parse_sources
from pipeline.store import ArticleUpdate, Store

MakeConfig = Callable[..., SourcesConfig]

SECOND = (
    "The accelerator pairs two compute dies with eight stacks of high-bandwidth memory, "
    "and the first systems are due to reach customers in the third quarter, the company said "
    "in a statement to investors on Thursday."
)
TITLE_SUFFIX = " | Test Outlet"


# ---------------------------------------------------------------------------- helpers


def run(
    config: SourcesConfig, db_path: Path, *, default_transport: bool = False, **kwargs: Any
) -> IngestReport:
    """One ingest run. Unless ``default_transport``, httpx gets a plain transport without a
    TLS context (every URL here is http://), which saves ~0.1 s of certificate loading per
    run; sockets, limits and everything else are what production uses."""
    if not default_transport:
        kwargs.setdefault("transport", httpx.AsyncHTTPTransport(verify=False))
    return Ingest(config, db_path, workers=1, stages=[], **kwargs).run()


def _rows(store: Store, sql: str) -> list[dict[str, Any]]:
    cur = store.con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


@dataclass
class Snapshot:
    """What the database holds after a run (raw rows: timestamps are naive UTC)."""

    articles: dict[str, dict[str, Any]]  # by URL
    url_owner: dict[str, str]  # article_urls: url -> article id
    runs: dict[int, dict[str, Any]]  # Store.runs(): stats parsed, times aware UTC
    events: list[dict[str, Any]]  # Store.run_events(run_id) of the run asked for
    feeds: list[dict[str, Any]]
    pending_ids: list[str] = field(default_factory=list)  # what the next run would fetch

    def outcome(self, outcome: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["outcome"] == outcome]

    def statuses(self) -> list[str]:
        return sorted(a["status"] for a in self.articles.values())


def snapshot(db_path: Path, run_id: int | None = None) -> Snapshot:
    with Store(db_path, read_only=True) as store:
        arts = _rows(
            store,
            """SELECT id, url, source_name, title, text, extraction, extraction_note, language,
                      published_at, published_at_source, date_suspect, date_note, status,
                      duplicate_of, fetch_error, attempts, feed_summary, first_seen_at,
                      fetched_at
               FROM articles""",
        )
        owners = _rows(store, "SELECT url, article_id FROM article_urls")
        runs = {r["id"]: r for r in store.runs(100)}
        evs = store.run_events(run_id) if run_id is not None else []
        feeds = _rows(store, "SELECT * FROM feeds ORDER BY url")
        pending = [p.id for p in store.pending_articles(MAX_ATTEMPTS)]
    return Snapshot(
        articles={a["url"]: a for a in arts},
        url_owner={o["url"]: o["article_id"] for o in owners},
        runs=runs,
        events=evs,
        feeds=feeds,
        pending_ids=pending,
    )


def requests_to(httpserver: HTTPServer, path: str) -> list[Request]:
    return [req for req, _ in httpserver.log if req.path == path]


def utc(*args: int) -> datetime:
    """A naive UTC datetime, as DuckDB TIMESTAMP columns come back from a raw query."""
    return datetime(*args)  # the DB stores naive UTC on purpose


@dataclass
class Page:
    path: str
    title: str
    body: bytes | str | None = None  # None: article_html(title, [LOREM, SECOND])
    date: str | None = "2026-04-03T10:00:00Z"  # the feed entry's date
    summary: str = "A summary of the article."
    content_type: str = "text/html; charset=utf-8"


def page_html(
    headline: str,
    paragraphs: list[str],
    *,
    footer: str = "Sign up for our newsletter. Test Outlet. All rights reserved.",
    charset: str | None = "utf-8",
) -> str:
    """An article page with boilerplate and *no* og:title, so the <title> must be cleaned."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head>{meta}
<title>{escape(headline)}{TITLE_SUFFIX}</title></head><body>
<nav><a href="/">Home</a> <a href="/chips">Chips</a> <a href="/subscribe">Subscribe now</a></nav>
<main><article><h1>{escape(headline)}</h1>{body}</article></main>
<aside><h3>Trending</h3><ul><li><a href="/x">Another headline entirely about phones</a></li></ul>
</aside><footer><p>{escape(footer)}</p></footer></body></html>"""


def serve(
    httpserver: HTTPServer,
    pages: list[Page],
    *,
    feed_path: str | None = "/feed.xml",
    robots: str | None = None,
) -> tuple[dict[str, str], str]:
    """Serve the pages, robots.txt (404 unless given) and, at ``feed_path``, an RSS feed
    listing the pages. Returns ({path: absolute URL}, the feed's XML)."""
    urls: dict[str, str] = {}
    items = []
    for p in pages:
        url = httpserver.url_for(p.path)
        urls[p.path] = url
        body = p.body if p.body is not None else article_html(p.title, [LOREM, SECOND])
        data = body.encode("utf-8") if isinstance(body, str) else body
        httpserver.expect_request(p.path).respond_with_response(
            Response(data, headers={"Content-Type": p.content_type})
        )
        item = {"title": p.title, "link": url, "summary": p.summary}
        if p.date:
            item["date"] = p.date
        items.append(item)
    feed = rss(items)
    if feed_path is not None:
        httpserver.expect_request(feed_path).respond_with_data(
            feed, content_type="application/rss+xml"
        )
    if robots is None:
        httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    else:
        httpserver.expect_request("/robots.txt").respond_with_data(
            robots, content_type="text/plain"
        )
    return urls, feed


def one_feed(make_config: MakeConfig, httpserver: HTTPServer, **settings: object) -> SourcesConfig:
    return make_config({"Test Outlet": [httpserver.url_for("/feed.xml")]}, **settings)


# ---------------------------------------------------------------------------- the basics


def test_articles_stored_with_clean_title_text_and_feed_date(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    headline = "Chipmaker ships a new accelerator to cloud buyers"
    urls, _ = serve(
        httpserver,
        [
            Page(
                "/news/a/",
                headline,
                page_html(headline, [LOREM, SECOND]),
                date="2026-04-03T10:00:00Z",
            ),
            Page(
                "/news/b/",
                "Second story about memory prices rising",
                date="2026-04-02T08:30:00+02:00",
            ),
        ],
    )
    report = run(one_feed(make_config, httpserver), db_path, default_transport=True)

    assert report.status == "ok", report
    assert report.error is None
    assert report.stats["feeds"]["fetched"] == 1
    assert report.stats["articles"]["new"] == 2
    snap = snapshot(db_path, report.run_id)
    assert set(snap.articles) == set(urls.values())

    a = snap.articles[urls["/news/a/"]]
    assert a["status"] == "ok"
    assert a["source_name"] == "Test Outlet"
    assert a["title"] == headline  # not "... | Test Outlet"
    assert a["extraction"] == "trafilatura"
    assert a["language"] == "en"
    assert "rewriting kernels for the new accelerator" in a["text"]
    assert "eight stacks of high-bandwidth memory" in a["text"]
    for boilerplate in (
        "newsletter",
        "Subscribe now",
        "Another headline entirely",
        "Trending",
        "All rights reserved",
        "Home",
    ):
        assert boilerplate not in a["text"], boilerplate
    assert a["published_at"] == utc(2026, 4, 3, 10, 0)
    assert a["published_at_source"] == "feed"

    b = snap.articles[urls["/news/b/"]]
    assert b["title"] == "Second story about memory prices rising"
    assert b["published_at"] == utc(2026, 4, 2, 6, 30)  # +02:00 stored as UTC
    assert b["published_at_source"] == "feed"
    assert not b["date_suspect"]

    row = snap.runs[report.run_id]
    assert row["status"] == "ok"
    assert row["finished_at"] is not None
    assert row["stats"]["articles"]["new"] == 2
    assert [e["outcome"] for e in snap.events] == ["fetched"]

    # the Store API hands back timezone-aware UTC
    with Store(db_path, read_only=True) as store:
        api = {r["url"]: r for r in store.articles()}
        assert store.article_count("ok") == 2
    assert api[urls["/news/b/"]]["published_at"] == datetime(2026, 4, 2, 6, 30, tzinfo=UTC)


# ---------------------------------------------------------------------------- dates


def test_page_date_with_offset_and_first_seen_fallback(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    undated = "Startup unveils a wafer-scale inference appliance"
    urls, _ = serve(
        httpserver,
        [
            Page(
                "/news/plus8/",
                "Foundry in Taiwan raises prices for advanced nodes",
                article_html(
                    "Foundry in Taiwan raises prices for advanced nodes",
                    [LOREM, SECOND],
                    published="2026-04-03T21:05:00+08:00",
                ),
                date=None,
            ),
            Page(
                "/news/zulu/",
                "Memory maker qualifies new stacks with a customer",
                article_html(
                    "Memory maker qualifies new stacks with a customer",
                    [LOREM, SECOND],
                    published="2026-04-02T07:15:00Z",
                ),
                date=None,
            ),
            # no feed date, no page metadata, nothing date-like on the page or in the URL
            Page(
                "/news/undated/",
                undated,
                page_html(undated, [LOREM, SECOND], footer="Contact us"),
                date=None,
            ),
        ],
    )
    before = datetime.now(UTC).replace(tzinfo=None)
    run(one_feed(make_config, httpserver), db_path)
    after = datetime.now(UTC).replace(tzinfo=None)
    arts = snapshot(db_path).articles

    plus8 = arts[urls["/news/plus8/"]]
    assert plus8["published_at_source"] == "page"
    assert plus8["published_at"] == utc(2026, 4, 3, 13, 5)
    zulu = arts[urls["/news/zulu/"]]
    assert zulu["published_at_source"] == "page"
    assert zulu["published_at"] == utc(2026, 4, 2, 7, 15)

    none = arts[urls["/news/undated/"]]
    assert none["status"] == "ok"
    assert none["published_at_source"] == "first_seen"
    assert none["published_at"] == none["first_seen_at"]
    assert before - timedelta(seconds=1) <= none["published_at"] <= after + timedelta(seconds=1)


def test_page_without_text_falls_back_to_feed_summary_and_url_date(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    # trafilatura finds nothing on this page, so there is no page date either: the date in
    # the URL is the best there is.
    summary = (
        "Nvidia will ship its next accelerator to three cloud providers in June, "
        "two people familiar with the plans said."
    )
    path = "/2026/04/03/nvidia-june/"
    urls, _ = serve(
        httpserver,
        [
            Page(
                path,
                "Nvidia to ship next accelerator in June",
                "<html><head></head><body></body></html>",
                summary=summary,
                date=None,
            )
        ],
    )
    report = run(one_feed(make_config, httpserver), db_path)

    snap = snapshot(db_path, report.run_id)
    a = snap.articles[urls[path]]
    assert a["status"] == "ok"
    assert a["extraction"] == "feed_summary"
    assert a["text"] == summary
    assert "feed's summary" in a["extraction_note"]
    assert a["title"] == "Nvidia to ship next accelerator in June"  # the feed's title
    assert a["published_at_source"] == "url"
    assert a["published_at"] == utc(2026, 4, 3, 0, 0)
    assert report.stats["articles"]["feed_summary_fallback"] == 1
    assert [e["url"] for e in snap.outcome("feed_summary")] == [urls[path]]


def test_dates_before_the_source_since_are_flagged(httpserver: HTTPServer, db_path: Path) -> None:
    urls, _ = serve(
        httpserver,
        [Page("/news/old/", "An old story re-listed in the feed", date="2026-04-03T10:00:00Z")],
    )
    config = parse_sources(
        "settings:\n  allow_private_hosts: true\nsources:\n  - name: Test Outlet\n"
        f"    feeds: [{httpserver.url_for('/feed.xml')}]\n    since: '2026-04-05'\n"
    )
    report = run(config, db_path)

    a = snapshot(db_path).articles[urls["/news/old/"]]
    assert a["date_suspect"] is True
    assert "before the source's feed existed (2026-04-05)" in a["date_note"]
    # feed (04-03 10:00) and page (04-03 13:05) dates are both too early: first_seen
    assert a["published_at_source"] == "first_seen"
    assert report.stats["articles"]["date_suspect"] == 1


COPYRIGHT = "Sign up for our newsletter. Copyright 2026 Test Outlet. All rights reserved."


def test_dates_htmldate_guessed_are_not_page_dates(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    headline = "Export rules tightened for accelerators"
    urls, _ = serve(
        httpserver,
        [
            Page(
                "/2026/04/03/chip-ban/",
                headline,
                page_html(headline, [LOREM, SECOND], footer="Contact us"),
                date=None,
            ),
            Page(
                "/news/undated/",
                headline,
                page_html(headline, [LOREM, SECOND], footer=COPYRIGHT),
                date=None,
            ),
            Page(
                "/news/feed-dated/",
                headline,
                page_html(headline, [LOREM, SECOND], footer=COPYRIGHT),
            ),
        ],
    )
    run(one_feed(make_config, httpserver), db_path)
    arts = snapshot(db_path).articles
    got = {
        path: (arts[u]["published_at_source"], arts[u]["published_at"], arts[u]["date_suspect"])
        for path, u in urls.items()
    }
    assert got["/2026/04/03/chip-ban/"] == ("url", utc(2026, 4, 3, 0, 0), False)
    assert got["/news/undated/"][0] == "first_seen"
    assert got["/news/feed-dated/"] == ("feed", utc(2026, 4, 3, 10, 0), False)


# ---------------------------------------------------------------------------- re-runs


def test_conditional_get_second_run_gets_304(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    pages = [
        Page(f"/news/{i}/", f"Accelerator story number {i} for the cloud market") for i in range(3)
    ]
    _, feed_body = serve(httpserver, pages, feed_path=None)

    def feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(feed_body, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    httpserver.expect_request("/feed.xml").respond_with_handler(feed)
    config = one_feed(make_config, httpserver)

    first = run(config, db_path)
    assert first.stats["articles"]["new"] == 3
    assert snapshot(db_path).feeds[0]["etag"] == '"v1"'
    second = run(config, db_path)

    feed_requests = requests_to(httpserver, "/feed.xml")
    assert len(feed_requests) == 2
    assert feed_requests[0].headers.get("If-None-Match") is None
    assert feed_requests[1].headers.get("If-None-Match") == '"v1"'
    assert second.status == "ok"
    assert second.stats["feeds"]["not_modified"] == 1
    assert second.stats["feeds"]["fetched"] == 0
    assert second.stats["articles"]["attempted"] == 0
    assert second.stats["articles"]["new"] == 0
    snap = snapshot(db_path, second.run_id)
    assert len(snap.articles) == 3
    assert [e["outcome"] for e in snap.events] == ["not_modified"]
    assert snap.feeds[0]["etag"] == '"v1"'  # kept for the next run
    for p in pages:  # no article page fetched again
        assert len(requests_to(httpserver, p.path)) == 1


def test_rerun_with_feed_200_again_is_idempotent(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    serve_site(httpserver, n=3)
    config = make_config({"Test Outlet": [httpserver.url_for("/news/feed.xml")]})
    first = run(config, db_path)
    assert first.stats["articles"]["new"] == 3
    before = snapshot(db_path)

    second = run(config, db_path)

    assert second.status == "ok"
    assert second.stats["feeds"]["fetched"] == 1
    assert second.stats["entries"]["seen"] == 3
    assert second.stats["entries"]["known"] == 3
    assert second.stats["entries"]["new"] == 0
    assert second.stats["articles"]["attempted"] == 0
    assert second.stats["articles"]["new"] == 0
    after = snapshot(db_path)
    assert after.articles == before.articles  # same rows, untouched
    assert after.url_owner == before.url_owner
    page_paths = [req.path for req, _ in httpserver.log if "/story-" in req.path]
    assert len(page_paths) == 3 and len(set(page_paths)) == 3  # fetched once, in run 1
    assert len(requests_to(httpserver, "/news/feed.xml")) == 2


# ---------------------------------------------------------------------------- broken feeds


def test_bozo_feed_keeps_usable_entries_and_records_problem(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    pages = [
        Page(f"/news/{i}/", f"Accelerator story number {i} for the cloud market") for i in range(2)
    ]
    urls, good = serve(httpserver, pages, feed_path=None)
    truncated = good.replace("</channel></rss>", "<item><title>Broken entry")
    httpserver.expect_request("/feed.xml").respond_with_data(
        truncated, content_type="application/rss+xml"
    )

    report = run(one_feed(make_config, httpserver), db_path)

    assert report.status == "ok"
    assert report.stats["feeds"]["bozo"] == 1
    assert report.stats["feeds"]["fetched"] == 1
    assert report.stats["feeds"]["failed"] == 0
    snap = snapshot(db_path, report.run_id)
    assert set(snap.articles) == set(urls.values())
    assert snap.statuses() == ["ok", "ok"]
    problems = snap.outcome("problem")
    assert len(problems) == 1
    assert problems[0]["url"] == httpserver.url_for("/feed.xml")
    assert "SAXParseException" in problems[0]["detail"]


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"<html><body>Our feeds moved. Sorry!</body></html>", 200, "unusable feed"),
        (b"\x00\x01garbage, not XML at all", 200, "unusable feed"),
        (b"Not Found", 404, "HTTP 404"),
    ],
    ids=["html", "garbage", "404"],
)
def test_totally_broken_only_feed_fails_the_run(
    httpserver: HTTPServer,
    make_config: MakeConfig,
    db_path: Path,
    body: bytes,
    status: int,
    reason: str,
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        body, status=status, content_type="text/html"
    )
    report = run(one_feed(make_config, httpserver), db_path)

    assert report.status == "failed"
    assert report.error is not None and "feeds" in report.error
    assert report.stats["feeds"]["failed"] == 1
    snap = snapshot(db_path, report.run_id)
    failed = snap.outcome("failed")
    assert len(failed) == 1
    assert failed[0]["stage"] == "feeds"
    assert failed[0]["url"] == httpserver.url_for("/feed.xml")
    assert reason in failed[0]["detail"]
    row = snap.runs[report.run_id]
    assert row["status"] == "failed"
    assert "feeds" in row["error"]
    assert snap.articles == {}
    assert len(snap.feeds) == 1
    assert reason in snap.feeds[0]["last_error"]
    assert snap.feeds[0]["last_ok_at"] is None


def test_one_broken_feed_of_two_makes_the_run_partial(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    serve_site(httpserver, n=1)
    httpserver.expect_request("/broken.xml").respond_with_data(b"nope", content_type="text/xml")
    config = make_config(
        {
            "Test Outlet": [httpserver.url_for("/news/feed.xml")],
            "Other Outlet": [httpserver.url_for("/broken.xml")],
        }
    )
    report = run(config, db_path)
    assert report.status == "partial"
    assert report.error is None
    assert report.stats["feeds"]["failed"] == 1
    assert report.stats["articles"]["new"] == 1


# ---------------------------------------------------------------------------- encodings, size


def test_non_utf8_pages_are_decoded(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    cp_headline = "Café chain pays 500 € per accelerator card"
    cp_text = "The café owner said each card cost 500 € before tax. " + LOREM
    cp1252 = page_html(cp_headline, [cp_text, SECOND], charset="windows-1252").encode("cp1252")
    latin_headline = "Résumé of the fab expansion in Dresden"
    latin_text = "The résumé of the fab project lists the café and the naïve plan. " + LOREM
    latin1 = page_html(latin_headline, [latin_text, SECOND], charset=None).encode("iso-8859-1")
    assert b"charset" not in latin1  # declared only in the HTTP header
    urls, _ = serve(
        httpserver,
        [
            Page("/news/cp1252/", cp_headline, cp1252, content_type="text/html"),
            Page(
                "/news/latin1/",
                latin_headline,
                latin1,
                content_type="text/html; charset=ISO-8859-1",
            ),
        ],
    )
    run(one_feed(make_config, httpserver), db_path)
    arts = snapshot(db_path).articles

    cp = arts[urls["/news/cp1252/"]]
    assert cp["title"] == cp_headline
    assert "The café owner said each card cost 500 € before tax." in cp["text"]
    latin = arts[urls["/news/latin1/"]]
    assert latin["title"] == latin_headline
    assert "The résumé of the fab project lists the café and the naïve plan." in latin["text"]
    for a in (cp, latin):
        assert "\ufffd" not in a["text"] and "Ã" not in a["text"] and "â‚¬" not in a["text"]


def test_oversized_page_fails_only_that_article(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    huge = article_html("A very long article about packaging", [LOREM] * 60)
    assert len(huge.encode()) > 15_000
    urls, _ = serve(
        httpserver,
        [
            Page("/news/small/", "A normal sized article about packaging"),
            Page("/news/huge/", "A very long article about packaging", huge),
        ],
    )
    report = run(one_feed(make_config, httpserver, max_body_bytes=10_000), db_path)

    assert report.status == "partial"
    assert report.error is None
    assert report.stats["articles"]["new"] == 1
    assert report.stats["articles"]["failed"] == 1
    snap = snapshot(db_path, report.run_id)
    assert snap.articles[urls["/news/small/"]]["status"] == "ok"
    big = snap.articles[urls["/news/huge/"]]
    assert big["status"] == "failed"
    assert "exceeds 10000 bytes" in big["fetch_error"]
    assert big["text"] is None
    assert big["attempts"] == 1
    assert big["published_at_source"] == "feed"  # the feed's date is kept even so
    assert snap.pending_ids == [big["id"]]  # retried next run (attempts left)
    assert [(e["stage"], e["url"]) for e in snap.outcome("failed")] == [
        ("articles", urls["/news/huge/"])
    ]
    assert snap.runs[report.run_id]["status"] == "partial"


# ---------------------------------------------------------------------------- duplicates


def test_same_link_in_two_feeds_is_stored_once(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    url = httpserver.url_for("/news/shared/")
    httpserver.expect_request("/news/shared/").respond_with_data(
        article_html("Shared story about a new chip", [LOREM, SECOND]),
        content_type="text/html; charset=utf-8",
    )
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    item = {"title": "Shared story about a new chip", "date": "2026-04-03T10:00:00Z"}
    httpserver.expect_request("/all.xml").respond_with_data(
        rss([{**item, "link": url}]), content_type="application/rss+xml"
    )
    httpserver.expect_request("/tech.xml").respond_with_data(
        rss([{**item, "link": url + "?utm_source=rss&utm_medium=feed"}]),
        content_type="application/rss+xml",
    )
    config = make_config(
        {"Test Outlet": [httpserver.url_for("/all.xml"), httpserver.url_for("/tech.xml")]}
    )
    report = run(config, db_path)

    assert report.stats["entries"]["seen"] == 2
    assert report.stats["entries"]["new"] == 1
    assert report.stats["entries"]["known"] == 1
    assert report.stats["articles"]["new"] == 1
    snap = snapshot(db_path)
    assert list(snap.articles) == [url]
    assert list(snap.url_owner) == [url]
    assert len(requests_to(httpserver, "/news/shared/")) == 1


def _canonical_site(
    httpserver: HTTPServer, items: list[dict[str, str]], canonicals: dict[str, str | None]
) -> None:
    """A page at each path of ``canonicals`` (with that rel=canonical, if any) and a feed
    listing whatever ``items`` holds at request time."""
    for path, canonical in canonicals.items():
        httpserver.expect_request(path).respond_with_data(
            article_html(
                f"Story at {path} about a new chip", [LOREM, SECOND, path], canonical=canonical
            ),
            content_type="text/html; charset=utf-8",
        )
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)

    def feed(request: Request) -> Response:
        return Response(rss(items), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(feed)


def test_rel_canonical_to_stored_article_marks_duplicate(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    original = httpserver.url_for("/news/original/")
    amp = httpserver.url_for("/amp/original/")
    items = [{"title": "The original story", "link": original, "date": "2026-04-03T10:00:00Z"}]
    _canonical_site(httpserver, items, {"/news/original/": None, "/amp/original/": original})
    config = one_feed(make_config, httpserver)
    run(config, db_path)
    original_id = snapshot(db_path).articles[original]["id"]

    items.append({"title": "The original story (AMP)", "link": amp, "date": "2026-04-03T10:00:00Z"})
    report = run(config, db_path)

    assert report.stats["articles"]["duplicates"] == 1
    assert report.stats["articles"]["new"] == 0
    snap = snapshot(db_path, report.run_id)
    assert snap.articles[amp]["status"] == "duplicate"
    assert snap.articles[amp]["duplicate_of"] == original_id
    assert snap.articles[original]["status"] == "ok"
    assert [a["url"] for a in snap.articles.values() if a["status"] == "ok"] == [original]
    dup = snap.outcome("duplicate")
    assert len(dup) == 1 and original_id in dup[0]["detail"]
    assert snap.url_owner == {original: original_id, amp: original_id}

    # a third run neither re-fetches nor resurrects the duplicate
    third = run(config, db_path)
    assert third.stats["entries"]["known"] == 2
    assert third.stats["articles"]["attempted"] == 0
    assert len(requests_to(httpserver, "/amp/original/")) == 1
    assert snapshot(db_path).articles[amp]["status"] == "duplicate"


def test_duplicate_entry_with_later_date_does_not_refresh_the_original(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    original = httpserver.url_for("/news/original/")
    amp = httpserver.url_for("/amp/original/")
    items = [{"title": "The original story", "link": original, "date": "2026-04-03T10:00:00Z"}]
    _canonical_site(httpserver, items, {"/news/original/": None, "/amp/original/": original})
    config = one_feed(make_config, httpserver)
    run(config, db_path)
    items.append({"title": "The original story (AMP)", "link": amp, "date": "2026-04-03T10:05:00Z"})
    run(config, db_path)  # the AMP URL turns out to be a duplicate

    third = run(config, db_path)  # the feed has not changed since the second run

    assert third.stats["entries"]["refreshed"] == 0
    assert third.stats["articles"]["attempted"] == 0
    assert len(requests_to(httpserver, "/news/original/")) == 1


def test_shared_non_article_canonical_does_not_merge_different_articles(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    home = httpserver.url_for("/")
    first = httpserver.url_for("/news/first/")
    second = httpserver.url_for("/news/second/")
    items = [{"title": "First story", "link": first, "date": "2026-04-03T10:00:00Z"}]
    _canonical_site(httpserver, items, {"/news/first/": home, "/news/second/": home})
    config = one_feed(make_config, httpserver)
    run(config, db_path)
    items.append(
        {"title": "Second, unrelated story", "link": second, "date": "2026-04-04T10:00:00Z"}
    )
    run(config, db_path)
    arts = snapshot(db_path).articles
    assert arts[first]["status"] == "ok"
    assert arts[second]["status"] == "ok"


# ---------------------------------------------------------------------------- robots


def test_robots_disallowed_article_is_blocked(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    urls, _ = serve(
        httpserver,
        [
            Page("/private/secret/", "A story robots.txt forbids"),
            Page("/news/open/", "A story robots.txt allows"),
        ],
        robots="User-agent: *\nDisallow: /private/\n",
    )
    report = run(one_feed(make_config, httpserver), db_path)

    snap = snapshot(db_path, report.run_id)
    blocked = snap.articles[urls["/private/secret/"]]
    assert blocked["status"] == "blocked"
    assert "robots.txt" in blocked["fetch_error"]
    assert blocked["text"] is None
    assert blocked["published_at_source"] == "feed"
    assert snap.articles[urls["/news/open/"]]["status"] == "ok"
    assert report.stats["articles"]["blocked"] == 1
    assert report.stats["articles"]["failed"] == 0
    assert requests_to(httpserver, "/private/secret/") == []
    assert [e["url"] for e in snap.outcome("blocked")] == [urls["/private/secret/"]]
    assert snap.pending_ids == []  # a blocked article is not retried


# ---------------------------------------------------------------------------- interruption


@pytest.fixture
def three_pages(httpserver: HTTPServer, make_config: MakeConfig) -> SourcesConfig:
    serve_site(httpserver, n=3)
    return make_config({"Test Outlet": [httpserver.url_for("/news/feed.xml")]})


def test_interrupted_run_is_recorded_failed_and_next_run_completes(
    three_pages: SourcesConfig, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_module, "BATCH", 1)
    real_flush = Ingest._flush
    calls: list[int] = []

    def interrupt_after_first_batch(self: Ingest, batch: list[ArticleUpdate]) -> None:
        calls.append(len(batch))
        if len(calls) > 1:
            raise KeyboardInterrupt
        real_flush(self, batch)

    monkeypatch.setattr(Ingest, "_flush", interrupt_after_first_batch)
    job = Ingest(
        three_pages, db_path, workers=1, stages=[], transport=httpx.AsyncHTTPTransport(verify=False)
    )
    with pytest.raises(KeyboardInterrupt):
        job.run()
    snap = snapshot(db_path)
    interrupted = snap.runs[job.run_id]
    assert interrupted["status"] == "failed"
    assert "KeyboardInterrupt" in interrupted["error"]
    assert interrupted["finished_at"] is not None
    assert snap.statuses() == ["ok", "pending", "pending"]
    monkeypatch.setattr(Ingest, "_flush", real_flush)

    report = run(three_pages, db_path)  # the run lock was released, too

    assert report.status == "ok"
    assert report.stats["entries"]["new"] == 0
    assert report.stats["articles"]["attempted"] == 2
    assert report.stats["articles"]["new"] == 2
    snap = snapshot(db_path)
    assert snap.statuses() == ["ok", "ok", "ok"]
    assert len({a["id"] for a in snap.articles.values()}) == 3
    assert len(snap.url_owner) == 3
    assert snap.runs[job.run_id]["status"] == "failed"  # history is not rewritten


def test_max_articles_limits_a_run(three_pages: SourcesConfig, db_path: Path) -> None:
    report = run(three_pages, db_path, max_articles=1)
    assert report.status == "ok"
    assert report.stats["entries"]["new"] == 3
    assert report.stats["articles"]["attempted"] == 1
    assert report.stats["articles"]["new"] == 1
    snap = snapshot(db_path)
    assert snap.statuses() == ["ok", "pending", "pending"]
    assert len(snap.pending_ids) == 2


# ---------------------------------------------------------------------------- run lock


def test_concurrent_run_is_refused_with_a_clear_message(
    three_pages: SourcesConfig, db_path: Path
) -> None:
    with RunLock(db_path):
        with pytest.raises(RunLockedError) as info:
            run(three_pages, db_path)
    message = str(info.value)
    assert "another firstwire run" in message
    assert str(db_path) in message
    assert f"pid {os.getpid()}" in message
    assert "--wait" in message
    assert not db_path.exists()  # refused before touching the database
    lock = RunLock(db_path)  # and the lock is free again
    lock.acquire()
    lock.release()


def test_run_lock_waits_for_the_holder(db_path: Path) -> None:
    holder = RunLock(db_path)
    holder.acquire()
    released = threading.Event()

    def release_later() -> None:
        time.sleep(0.4)
        released.set()
        holder.release()

    thread = threading.Thread(target=release_later)
    started = time.monotonic()
    thread.start()
    try:
        with RunLock(db_path, wait_s=5.0):
            waited = time.monotonic() - started
            assert released.is_set()
    finally:
        thread.join()
    assert 0.35 <= waited < 3.0


def test_run_lock_gives_up_after_wait_s(db_path: Path) -> None:
    with RunLock(db_path):
        started = time.monotonic()
        with pytest.raises(RunLockedError):
            RunLock(db_path, wait_s=0.5).acquire()
        waited = time.monotonic() - started
    assert 0.45 <= waited < 2.0


# ---------------------------------------------------------------------------- CLI on the DB


def _row_of(output: str, run_id: int) -> str:
    for line in output.splitlines():
        cells = [c.strip() for c in line.replace("┃", "│").split("│")]
        if len(cells) > 2 and cells[1] == str(run_id):
            return line
    raise AssertionError(f"no row for run {run_id} in:\n{output}")


def test_runs_and_status_commands_show_the_counts(
    three_pages: SourcesConfig, db_path: Path
) -> None:
    first = run(three_pages, db_path)
    second = run(three_pages, db_path)
    runner = CliRunner()

    for command in ("runs", "status"):
        result = runner.invoke(app, [command, "--db", str(db_path)], env={"COLUMNS": "250"})
        assert result.exit_code == 0, result.output
        row1, row2 = _row_of(result.stdout, first.run_id), _row_of(result.stdout, second.run_id)
        assert "1/0/0" in row1 and "3/0/0/0" in row1 and " ok " in row1
        assert "1/0/0" in row2 and "0/0/0/0" in row2 and " ok " in row2

    result = runner.invoke(app, ["runs", "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["id"] for r in data["runs"]] == [second.run_id, first.run_id]
    assert [r["status"] for r in data["runs"]] == ["ok", "ok"]
    assert data["runs"][1]["stats"]["articles"]["new"] == 3
    assert data["runs"][0]["stats"]["articles"]["new"] == 0
    assert data["runs"][0]["stats"]["entries"]["known"] == 3
    assert [e["outcome"] for e in data["last_run_events"]] == ["fetched"]


def test_runs_errors_lists_failed_feeds(
    httpserver: HTTPServer, make_config: MakeConfig, db_path: Path
) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(b"Gone", status=410)
    report = run(one_feed(make_config, httpserver), db_path)
    assert report.status == "failed"
    runner = CliRunner()
    result = runner.invoke(app, ["runs", "--db", str(db_path), "--errors"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "problems" in result.stdout
    assert "HTTP 410" in result.stdout
    assert "feeds failed" in _row_of(result.stdout, report.run_id)
    data = json.loads(runner.invoke(app, ["runs", "--db", str(db_path), "--json"]).stdout)
    assert data["runs"][0]["status"] == "failed"
    assert "feeds" in data["runs"][0]["error"]
    assert [e["outcome"] for e in data["last_run_events"]] == ["failed"]


def test_runs_without_database_fails_with_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["runs", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0
    assert "no database yet" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1

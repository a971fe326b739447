"""The web app's routes (``pipeline.web``) over a small database built with Store methods.

The database holds two stories of invented articles (no embedding model: timelines are
computed with the hashing embedder), a redirect from an old story id, a digest and a run.
One outlet's article carries HTML/JS in its title, text, URL and outlet name; it must
render as text on every page and in the timeline's SVG.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import html5lib
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from pipeline.cli import app as cli_app
from pipeline.store import ArticleUpdate, NewArticle, Store
from pipeline.timeline import compute_story
from pipeline.web import create_app, parse_until, safe_url, timeline_chart

MODEL = "hashing-256"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
EVIL_OUTLET = "Evil <i>Outlet</i>"
EVIL_URL = "javascript:alert(1)//" + IMG
OLD_ID = "s-old-ascend"

STORY_A = "s-ascend"
STORY_B = "s-hbm4"
XSS_TITLE = f"{SCRIPT} Ascend 950PR orders {IMG}"


@dataclass(frozen=True)
class FakeArticle:
    id: str
    url: str
    outlet: str
    title: str
    text: str
    published_at: datetime
    story: str


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


ARTICLES = [
    FakeArticle(
        "a1",
        "https://pacific.example/2026/04/04/ascend-orders",
        "Pacific Wire",
        "Chinese tech giants order Ascend 950PR chips in bulk",
        "Alibaba, ByteDance and Tencent have ordered hundreds of thousands of Ascend 950PR "
        "chips, The Compute Report reported on April 3.\n\n"
        "Each Ascend 950PR costs about $10,000, according to people familiar with the "
        "orders. Deliveries start in the third quarter.",
        _utc(2026, 4, 4, 9, 0),
        STORY_A,
    ),
    FakeArticle(
        "a2",
        "https://ledger.example/news/ascend-950pr-orders",
        "Silicon Ledger",
        "Ascend 950PR orders pile up as Alibaba, ByteDance and Tencent buy",
        "Alibaba, ByteDance and Tencent ordered hundreds of thousands of Ascend 950PR chips, "
        "according to a report from The Compute Report published on April 3.\n\n"
        "The chip costs about $10,000 per unit, and deliveries start in the third quarter.",
        _utc(2026, 4, 5, 10, 30),
        STORY_A,
    ),
    FakeArticle(
        "a3",
        EVIL_URL,
        EVIL_OUTLET,
        XSS_TITLE,
        f"{IMG} Alibaba, ByteDance and Tencent ordered hundreds of thousands of Ascend "
        f"950PR chips, The Compute Report reported on April 3. {SCRIPT}\n\n"
        f"Prices rose 20% this week {SCRIPT} as buyers queued {IMG}.",
        _utc(2026, 4, 6, 12, 0),
        STORY_A,
    ),
    FakeArticle(
        "b1",
        "https://ledger.example/news/samsung-hbm4",
        "Silicon Ledger",
        "Samsung's HBM4 clears qualification after long wait",
        "Samsung's HBM4 memory passed qualification for the next accelerator generation. "
        "Volume shipments begin in June.",
        _utc(2026, 4, 10, 8, 0),
        STORY_B,
    ),
]
OUTLETS = ["Pacific Wire", "Silicon Ledger", EVIL_OUTLET, "The Compute Report"]


def build_db(path: Path) -> dict[str, Any]:
    """A small firstwire database: story A (3 articles with a timeline), story B (one
    article, no timeline yet), a redirect OLD_ID -> A, a digest and a finished run.
    Returns the ids the tests need."""
    sources = [
        SimpleNamespace(name=n, aliases=[], weight=1.0, kind=None, homepage=None, since=None)
        for n in OUTLETS
    ]
    with Store(path) as store:
        store.sync_sources(sources)
        run_id = store.start_run("ingest")
        store.add_pending(
            [
                NewArticle(
                    id=a.id,
                    url=a.url,
                    source_name=a.outlet,
                    feed_url="https://feed.example/",
                    entry_id=a.url,
                    feed_title=a.title,
                    feed_summary=None,
                    author=None,
                    feed_date=a.published_at,
                    feed_updated=None,
                )
                for a in ARTICLES
            ],
            run_id,
        )
        store.save_articles(
            [
                ArticleUpdate(
                    id=a.id,
                    status="ok",
                    title=a.title,
                    text=a.text,
                    extraction="trafilatura",
                    published_at=a.published_at,
                    published_at_source="feed",
                    content_hash=a.id,
                    fetched_at=a.published_at,
                )
                for a in ARTICLES
            ]
        )
        store.save_story_assignments([(a.id, a.story, 1.0) for a in ARTICLES], run_id)
        for sid, title in ((STORY_A, XSS_TITLE), (STORY_B, ARTICLES[3].title)):
            store.upsert_story(
                story_id=sid, model=MODEL, vector_sum=[0.0] * 4, keys={}, run_id=run_id
            )
            store.set_story_title(sid, title)
        doc = compute_story(store, STORY_A, MODEL)
        store.save_timeline(STORY_A, doc, run_id)
        store.add_redirects([(OLD_ID, STORY_A)], run_id, "recluster")
        digest = {
            "generated_at": "2026-04-11T00:00:00Z",
            "stories": [
                {
                    "id": STORY_A,
                    "title": XSS_TITLE,
                    "is_update": False,
                    "first_reported": {
                        "outlet": EVIL_OUTLET,
                        "url": EVIL_URL,
                        "published_at": "2026-04-06T12:00:00Z",
                    },
                    "summary": [
                        {
                            "sentence": f"{IMG} ordered chips {SCRIPT}",
                            "outlet": EVIL_OUTLET,
                            "url": EVIL_URL,
                        }
                    ],
                    "article_count": 3,
                    "outlet_count": 3,
                }
            ],
        }
        digest_id = store.record_digest(
            since=None,
            until=_utc(2026, 4, 11),
            fmt="html",
            out_path=None,
            story_ids=[STORY_A],
            doc=digest,
        )
        store.record_events(
            run_id,
            [
                ("articles", EVIL_URL, "failed", f"HTTP 500 {SCRIPT}"),
                ("feeds", "https://feed.example/", "fetched", "4 entries"),
            ],
        )
        store.finish_run(
            run_id,
            "ok",
            {
                "feeds": {"total": 1, "fetched": 1},
                "articles": {"new": 4, "failed": 0},
                "seconds": 1.5,
            },
        )
    return {
        "story_a": STORY_A,
        "story_b": STORY_B,
        "old_id": OLD_ID,
        "digest_id": digest_id,
        "run_id": run_id,
        "doc": doc,
    }


# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("web") / "fw.duckdb"
    return path, build_db(path)


@pytest.fixture(scope="module")
def client(small_db: tuple[Path, dict[str, Any]]) -> Iterator[TestClient]:
    with TestClient(create_app(small_db[0])) as c:
        yield c


def page_urls(ids: dict[str, Any]) -> list[str]:
    return [
        "/",
        "/?q=ascend",
        "/?q=" + SCRIPT,
        "/?outlet=" + EVIL_OUTLET,
        f"/stories/{ids['story_a']}",
        f"/stories/{ids['story_b']}",
        "/digests",
        f"/digests/{ids['digest_id']}",
        "/runs",
        f"/runs/{ids['run_id']}",
        "/stories/" + IMG,  # a 404 page that repeats the id
        "/no/such/page" + IMG,
    ]


def parse(html: str) -> Any:
    """An ElementTree of the page as a browser parses it (SVG tags without namespace)."""
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for el in tree.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return tree


# ---------------------------------------------------------------------------- pages


def test_stories_page_lists_newest_activity_first(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    body = r.text
    assert "2 stories" in body
    # B's last article (Apr 10) is newer than A's (Apr 6)
    assert body.index(f'href="/stories/{STORY_B}"') < body.index(f'href="/stories/{STORY_A}"')
    # the outlet filter offers every outlet with a story article
    for outlet in ("Pacific Wire", "Silicon Ledger"):
        assert f'<option value="{outlet}"' in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=ascend", {STORY_A}),
        ("q=ASCEND+tencent", {STORY_A}),  # every word, case-insensitive, any article title
        ("q=hbm4", {STORY_B}),
        ("q=ascend+hbm4", set()),
        ("q=100%25", set()),  # LIKE wildcards are literal
        ("outlet=Pacific+Wire", {STORY_A}),
        ("outlet=Silicon+Ledger", {STORY_A, STORY_B}),
        ("outlet=Nobody", set()),
        ("since=2026-04-08", {STORY_B}),
        ("until=2026-04-05", {STORY_A}),
        ("until=2026-04-03", set()),
        ("since=2026-04-05&until=2026-04-06", {STORY_A}),
        ("since=all", {STORY_A, STORY_B}),
        ("q=&outlet=&since=&until=", {STORY_A, STORY_B}),  # an empty form
    ],
)
def test_stories_search_and_filters(client: TestClient, query: str, expected: set[str]) -> None:
    r = client.get("/?" + query)
    assert r.status_code == 200
    shown = {sid for sid in (STORY_A, STORY_B) if f'href="/stories/{sid}"' in r.text}
    assert shown == expected
    api = client.get("/api/stories?" + (query if "since=" in query else "since=all&" + query))
    assert api.status_code == 200
    assert {s["id"] for s in api.json()["stories"]} == expected


def test_bad_dates_are_a_400_not_a_500(client: TestClient) -> None:
    r = client.get("/?since=yesterday-ish")
    assert r.status_code == 400
    assert "since" in r.text
    assert client.get("/?until=soon").status_code == 400
    r = client.get("/api/stories?since=bogus")
    assert r.status_code == 400
    assert "since" in r.json()["detail"]


def test_story_page_shows_timeline_first_reporter_details_and_links(
    client: TestClient, small_db: tuple[Path, dict[str, Any]]
) -> None:
    doc = small_db[1]["doc"]
    r = client.get(f"/stories/{STORY_A}")
    assert r.status_code == 200
    tree = parse(r.text)
    first = tree.find(".//p[@id='first-reporter']")
    assert first is not None
    assert "Pacific Wire" in "".join(first.itertext())
    svg = tree.find(".//svg[@id='timeline']")
    assert svg is not None
    rows = [t for t in svg.iter("text") if "row-label" in t.get("class", "")]
    assert [(t.text or "").strip() for t in rows][:1] == ["The Compute Report"]
    markers = [g for g in svg.iter("g") if "mk" in g.get("class", "").split()]
    kinds = [g.get("class").split()[1] for g in markers]
    assert kinds.count("mk-first") == 1
    assert kinds.count("mk-article") == 2
    assert "mk-cited" in kinds  # The Compute Report, April 3: before the first article
    for g in markers:
        assert g.find("title") is not None and g.find("title").text
    cited = next(g for g in markers if "mk-cited" in g.get("class"))
    assert cited.get("data-outlet") == "The Compute Report"
    assert cited.get("data-when") == "2026-04-03"
    assert "The Compute Report" in cited.get("data-sentences")
    first_mk = next(g for g in markers if "mk-first" in g.get("class"))
    assert first_mk.get("data-outlet") == "Pacific Wire"
    assert first_mk.get("data-url") == ARTICLES[0].url
    # the details table: one row per detail, with the four columns
    table = tree.find(".//table[@class='details']")
    assert table is not None
    heads = ["".join(th.itertext()) for th in table.iter("th")]
    assert heads == ["detail", "first reported", "cited origin", "reported by", "conflicts"]
    assert len(table.findall("./tbody/tr")) == len(doc["details"]) > 0
    # links out to every article with a usable URL, and none to the javascript: one
    hrefs = {a.get("href") for a in tree.iter("a")}
    assert {ARTICLES[0].url, ARTICLES[1].url} <= hrefs
    assert not any(h and h.lower().startswith("javascript") for h in hrefs)


def test_story_without_a_timeline_still_lists_its_articles(client: TestClient) -> None:
    r = client.get(f"/stories/{STORY_B}")
    assert r.status_code == 200
    assert 'id="first-reporter"' in r.text
    assert f'href="{ARTICLES[3].url}"' in r.text
    assert "No details found yet." in r.text


def test_old_story_id_redirects(client: TestClient) -> None:
    r = client.get(f"/stories/{OLD_ID}", follow_redirects=False)
    assert r.status_code in (301, 302, 307, 308)
    assert r.headers["location"] == f"/stories/{STORY_A}"
    assert client.get(f"/stories/{OLD_ID}").url.path == f"/stories/{STORY_A}"
    api = client.get(f"/api/stories/{OLD_ID}/timeline")
    assert api.status_code == 200
    assert api.json()["story"]["id"] == STORY_A
    assert api.json()["story"]["redirected_from"] == OLD_ID


def test_unknown_story_is_a_404(client: TestClient) -> None:
    r = client.get("/stories/s-does-not-exist")
    assert r.status_code == 404
    assert "no story" in r.text
    r = client.get("/api/stories/s-does-not-exist/timeline")
    assert r.status_code == 404
    assert r.json() == {"detail": "no story 's-does-not-exist'"}
    assert client.get("/digests/999").status_code == 404
    assert client.get("/runs/999").status_code == 404


def test_digest_archive_and_digest_page(client: TestClient) -> None:
    r = client.get("/digests")
    assert r.status_code == 200
    assert 'href="/digests/1"' in r.text
    r = client.get("/digests/1")
    assert r.status_code == 200
    assert f'href="/stories/{STORY_A}"' in r.text
    assert "ordered chips" in r.text


def test_runs_page_says_what_each_run_did(client: TestClient) -> None:
    r = client.get("/runs")
    assert r.status_code == 200
    assert "1 fetched" in r.text
    assert "4 new" in r.text
    r = client.get("/runs/1")
    assert r.status_code == 200
    assert "failed" in r.text and "4 entries" in r.text


# ---------------------------------------------------------------------------- JSON API


def cli_json(args: list[str]) -> Any:
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_api_stories_is_the_command_lines_json(
    client: TestClient, small_db: tuple[Path, dict[str, Any]]
) -> None:
    db = str(small_db[0])
    for since in ("all", "2026-04-08"):
        api = client.get(f"/api/stories?since={since}")
        assert api.status_code == 200
        assert api.headers["content-type"].startswith("application/json")
        assert api.json() == cli_json(["stories", "--db", db, "--since", since, "--format", "json"])
    # the default window is the command line's: 7 days (these stories are older)
    assert client.get("/api/stories").json() == {"stories": []}
    assert len(client.get("/api/stories?since=all&limit=1").json()["stories"]) == 1


def test_api_timeline_is_the_command_lines_json(
    client: TestClient, small_db: tuple[Path, dict[str, Any]]
) -> None:
    api = client.get(f"/api/stories/{STORY_A}/timeline")
    assert api.status_code == 200
    assert api.json() == cli_json(
        ["timeline", STORY_A, "--db", str(small_db[0]), "--format", "json"]
    )


def test_api_uses_the_contracts_field_names(client: TestClient) -> None:
    stories = client.get("/api/stories?since=all").json()["stories"]
    story_keys = {
        "id",
        "title",
        "first_published_at",
        "last_published_at",
        "article_count",
        "outlet_count",
        "articles",
    }
    article_keys = {"id", "url", "outlet", "title", "published_at", "published_at_source"}
    for s in stories:
        assert story_keys <= set(s)
        for a in s["articles"]:
            assert article_keys <= set(a)
            assert a["published_at"].endswith("Z")
    doc = client.get(f"/api/stories/{STORY_A}/timeline").json()
    assert {"story", "articles", "details", "citations"} <= set(doc)
    assert story_keys - {"articles"} <= set(doc["story"])
    for a in doc["articles"]:
        assert article_keys | {"new_details"} <= set(a)
    assert doc["details"]
    for d in doc["details"]:
        assert {"id", "text", "first_reported", "cited_origin", "reported_by", "conflicts"} <= set(
            d
        )
        assert {"outlet", "url", "published_at"} <= set(d["first_reported"])
        if d["cited_origin"] is not None:
            assert {"outlet", "date", "evidence", "citing_outlet", "citing_url"} <= set(
                d["cited_origin"]
            )
        for r in d["reported_by"]:
            assert {"outlet", "url", "published_at", "sentence"} <= set(r)
        for c in d["conflicts"]:
            assert {"value", "outlets"} <= set(c)
    assert doc["citations"]
    for c in doc["citations"]:
        assert {"cited_outlet", "cited_date", "evidence", "citing_outlet", "citing_url"} <= set(c)


def test_openapi_schema_is_served_without_cdn_docs(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    schema = r.json()
    assert {"/api/stories", "/api/stories/{story_id}/timeline"} <= set(schema["paths"])
    assert "/" not in schema["paths"]  # pages are not API
    ok = schema["paths"]["/api/stories"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/StoriesOut")
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    assert client.get("/redoc").status_code == 404


# ---------------------------------------------------------------------------- safety


def test_html_in_titles_and_text_renders_as_text_everywhere(
    client: TestClient, small_db: tuple[Path, dict[str, Any]]
) -> None:
    for url in page_urls(small_db[1]):
        r = client.get(url)
        assert r.status_code in (200, 404), url
        body = r.text
        assert SCRIPT not in body, url
        assert "<img" not in body, url
        assert "<i>Outlet" not in body, url
        tree = parse(body)
        assert list(tree.iter("img")) == [], url
        assert list(tree.iter("i")) == [], url
        scripts = list(tree.iter("script"))
        assert [s.get("src") for s in scripts] == ["/static/web.js"], url
        assert all(not (s.text or "").strip() for s in scripts), url
        for el in tree.iter():
            for name, value in el.attrib.items():
                assert not name.lower().startswith("on"), (url, el.tag, name)
                if name in ("href", "src", "action"):
                    assert not value.strip().lower().startswith(("javascript:", "data:text")), (
                        url,
                        value,
                    )
    # ...and it is there, as text: in the page, the SVG tooltip and the click data
    r = client.get(f"/stories/{STORY_A}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    tree = parse(r.text)
    assert SCRIPT in "".join(tree.find(".//h1").itertext())
    svg = tree.find(".//svg[@id='timeline']")
    labels = ["".join(t.itertext()) for t in svg.iter("text")]
    assert any("Evil <i>Outlet</i>" in label for label in labels)
    evil = next(g for g in svg.iter("g") if g.get("data-outlet") == EVIL_OUTLET)
    assert SCRIPT in evil.find("title").text
    assert IMG in evil.get("data-title")
    assert evil.get("data-url") == ""  # a javascript: URL is never a link


def test_pages_use_no_external_assets_and_send_a_csp(client: TestClient) -> None:
    r = client.get(f"/stories/{STORY_A}")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    tree = parse(r.text)
    for el in tree.iter():
        if el.tag in ("script", "img", "iframe") or (el.tag == "link"):
            ref = el.get("src") or el.get("href") or ""
            assert ref.startswith(("/static/", "data:")), ref
    for asset in ("/static/web.css", "/static/web.js"):
        assert client.get(asset).status_code == 200


def test_helpers() -> None:
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url(None) is None
    assert parse_until("2026-04-05") == _utc(2026, 4, 6)
    assert parse_until("2026-04-05T10:00:00Z") == _utc(2026, 4, 5, 10)
    assert parse_until("") is None
    assert timeline_chart({"articles": [], "details": []}) is None


# ---------------------------------------------------------------------------- locking

LOCKER = """
import sys, time
import duckdb
con = duckdb.connect(sys.argv[1])
con.execute("INSERT INTO kv VALUES ('locker', 'x') ON CONFLICT (key) DO UPDATE SET value = 'y'")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


@contextmanager
def write_lock_held(db: Path, seconds: float) -> Iterator[None]:
    """Another process opens the database writable (and writes) and holds it for
    ``seconds``; the block runs while it does, and the process must exit cleanly."""
    with subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline().strip()
        assert line == "locked", proc.stderr.read()
        try:
            yield
        finally:
            assert proc.wait(timeout=30) == 0, proc.stderr.read()


def test_serving_while_another_process_writes_waits_then_answers(
    small_db: tuple[Path, dict[str, Any]],
) -> None:
    with TestClient(create_app(small_db[0], lock_wait_s=5.0)) as c:
        with write_lock_held(small_db[0], 1.0):
            started = time.monotonic()
            r = c.get(f"/stories/{STORY_A}")
            waited = time.monotonic() - started
        assert r.status_code == 200
        assert waited > 0.3  # it did wait for the lock
        assert "X-Firstwire-Stale" not in r.headers


def test_a_locked_database_is_a_clean_503_when_nothing_is_cached(
    small_db: tuple[Path, dict[str, Any]],
) -> None:
    with TestClient(create_app(small_db[0], lock_wait_s=0.2)) as c:
        with write_lock_held(small_db[0], 1.0):
            page = c.get("/runs")
            api = c.get("/api/stories?since=all")
        assert page.status_code == 503
        assert "database busy, retry" in page.text
        assert page.headers["retry-after"]
        assert api.status_code == 503
        assert api.json()["detail"].startswith("database busy, retry")
        assert c.get("/runs").status_code == 200  # and it recovers


def test_a_locked_database_serves_the_last_state_it_read(
    small_db: tuple[Path, dict[str, Any]],
) -> None:
    with TestClient(create_app(small_db[0], lock_wait_s=0.2, fresh_s=0.0)) as c:
        before = c.get("/api/stories?since=all")
        page_before = c.get("/")
        with write_lock_held(small_db[0], 1.0):
            during = c.get("/api/stories?since=all")
            page_during = c.get("/")
    assert during.status_code == 200
    assert during.json() == before.json()
    assert during.headers["x-firstwire-stale"].endswith("Z")
    assert page_during.status_code == 200
    assert "The database is busy" in page_during.text
    assert "The database is busy" not in page_before.text


def test_the_cache_never_hides_a_committed_write(small_db: tuple[Path, dict[str, Any]]) -> None:
    app = create_app(small_db[0])
    with TestClient(app) as c:
        assert c.get("/runs").status_code == 200
        opens = app.state.reader.opens
        assert c.get("/runs").status_code == 200
        assert app.state.reader.opens == opens  # unchanged database: no new connection
        writer = """
import sys
from pipeline.store import Store
with Store(sys.argv[1]) as store:
    run_id = store.start_run("recluster")
    store.finish_run(run_id, "ok", {})
"""
        done = subprocess.run(
            [sys.executable, "-c", writer, str(small_db[0])],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        r = c.get("/runs")
        assert "recluster" in r.text


def test_a_missing_database_is_a_503(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none.duckdb")) as c:
        r = c.get("/")
        assert r.status_code == 503
        assert "no database yet" in r.text
        assert c.get("/api/stories").status_code == 503


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "no database yet" in result.stderr

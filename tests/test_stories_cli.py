"""`firstwire stories`, `timeline` and `recluster` over a database built by the real ingest
stages: feeds and pages served by pytest-httpserver, stories clustered and timelines
computed with the deterministic hashing embedder (no model is loaded)."""

from __future__ import annotations

import functools
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import article_html, rss, serve_site
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner, Result

from pipeline.cli import app
from pipeline.cluster import ClusterParams
from pipeline.ingest import Ingest, IngestReport, NoProgress
from pipeline.sources import SourcesConfig, parse_sources
from pipeline.stages import cluster_new_articles
from pipeline.store import Store
from pipeline.timeline import compute_story, details_stage

MODEL = "hashing-256"
SCRIPT = "<script>alert(1)</script>"
ISO_Z = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

STORY_KEYS = {
    "id",
    "title",
    "first_published_at",
    "last_published_at",
    "article_count",
    "outlet_count",
    "articles",
}
ARTICLE_KEYS = {"id", "url", "outlet", "title", "published_at", "published_at_source"}
HEADER_KEYS = STORY_KEYS - {"articles"}
DETAIL_KEYS = {"id", "text", "first_reported", "cited_origin", "reported_by", "conflicts"}
ORIGIN_KEYS = {"outlet", "date", "evidence", "citing_outlet", "citing_url"}
REPORTED_KEYS = {"outlet", "url", "published_at", "sentence"}
CITATION_KEYS = {"cited_outlet", "cited_date", "evidence", "citing_outlet", "citing_url"}


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    paragraphs: list[str]
    published: str  # ISO Z


V4_CW = Page(
    "deepseek-v4",
    "DeepSeek V4 language model has about 1 trillion parameters",
    [
        "DeepSeek's new V4 language model has about 1 trillion parameters in total and "
        "was trained on 14,000 Huawei Ascend chips, the company said in a technical report.",
        "The DeepSeek V4 model costs $0.14 per million input tokens through its API, "
        "roughly half the price of the previous version.",
    ],
    "2026-04-03T10:00:00Z",
)
V4_SD = Page(
    "v4-ascend",
    f"DeepSeek V4 {SCRIPT} language model runs on Huawei Ascend chips",
    [
        "DeepSeek's new V4 language model is a 1T-parameter system trained on 14,000 Huawei "
        "Ascend chips, as first reported by Chip Wire on April 3.",
        "The DeepSeek V4 model costs $0.14 per million input tokens through its API, the "
        "company said in its technical report.",
    ],
    "2026-04-04T08:00:00Z",
)
V4_TL = Page(
    "deepseek-v4-model",
    "DeepSeek V4 language model trained on Huawei Ascend chips",
    [
        "DeepSeek's V4 language model has 1 trillion parameters and was trained on 14,000 "
        "Huawei Ascend chips, according to a report from Chip Wire.",
        "The DeepSeek V4 model costs $0.14 per million input tokens, the company said.",
    ],
    "2026-04-04T12:00:00Z",
)
H20_CW = Page(
    "h20-ban",
    "US bans Nvidia H20 chip sales to China, costing $5.5 billion",
    [
        "The US government has barred Nvidia from selling its H20 accelerator to China "
        "without a licence, and Nvidia expects a $5.5 billion charge for unsold inventory.",
        "Nvidia shares fell 6% in after-hours trading as investors weighed the export ban.",
    ],
    "2026-04-05T09:00:00Z",
)
H20_TL = Page(
    "nvidia-h20-export-ban",
    "Nvidia takes $5.5 billion charge as US bans H20 chip sales to China",
    [
        "Nvidia will take a $5.5 billion charge after the US government barred sales of its "
        "H20 accelerator to China without a licence, the company said.",
        "Nvidia shares fell 6% in after-hours trading after the H20 export ban.",
    ],
    "2026-04-05T15:00:00Z",
)
OUTLET_PAGES = {
    "Chip Wire": ("/cw", [V4_CW, H20_CW]),
    "Silicon Daily": ("/sd", [V4_SD]),
    "Tech Ledger": ("/tl", [V4_TL, H20_TL]),
}


def serve_outlet(httpserver: HTTPServer, outlet: str, prefix: str, pages: list[Page]) -> str:
    items = []
    for p in pages:
        path = f"{prefix}/2026/04/{p.published[8:10]}/{p.slug}/"
        httpserver.expect_request(path).respond_with_data(
            article_html(p.title, p.paragraphs, site=outlet, published=p.published),
            content_type="text/html; charset=utf-8",
        )
        items.append({"title": p.title, "link": httpserver.url_for(path), "date": p.published})
    httpserver.expect_request(f"{prefix}/feed.xml").respond_with_data(
        rss(items, title=outlet), content_type="application/rss+xml"
    )
    return httpserver.url_for(f"{prefix}/feed.xml")


def hashing_stages(config: SourcesConfig) -> list[Callable[..., None]]:
    """The two story stages of ``pipeline.stages.story_stages``, with the hashing model."""
    params = ClusterParams(window_days=float(config.settings.story_window_days))

    def stories(store: Store, run_id: int, stats: dict[str, Any], progress: Any) -> None:
        cluster_new_articles(store, run_id, stats, progress, model=MODEL, params=params)

    def details(store: Store, run_id: int, stats: dict[str, Any], progress: Any) -> None:
        details_stage(store, run_id, stats, progress, model=MODEL)

    return [stories, details]


def ingest(config: SourcesConfig, db: Path, stages: list[Any] | None = None) -> IngestReport:
    return Ingest(
        config,
        db,
        workers=1,
        stages=hashing_stages(config) if stages is None else stages,
        transport=httpx.AsyncHTTPTransport(verify=False),
    ).run()


@dataclass
class Site:
    config: SourcesConfig
    feeds: dict[str, list[str]]
    db: Path
    tmp: Path


def serve_all(
    httpserver: HTTPServer, extra: dict[str, list[Page]] | None = None
) -> dict[str, list[str]]:
    """Register every feed and page (plus ``extra`` pages by outlet); returns the feed
    URLs by outlet."""
    serve_site(httpserver, n=3, prefix="/news")  # "Test Outlet": three accelerator pages
    feeds = {"Test Outlet": [httpserver.url_for("/news/feed.xml")]}
    for outlet, (prefix, pages) in OUTLET_PAGES.items():
        more = (extra or {}).get(outlet, [])
        feeds[outlet] = [serve_outlet(httpserver, outlet, prefix, pages + more)]
    return feeds


def sources_yaml(feeds: dict[str, list[str]]) -> str:
    """sources.yaml text: the served outlets, local hosts allowed, the hashing model."""
    lines = ["settings:", "  allow_private_hosts: true", "  timeout_s: 2", f"  model: {MODEL}"]
    lines.append("sources:")
    for name, urls in feeds.items():
        lines += [f"  - name: {name}", f"    feeds: [{', '.join(urls)}]"]
    return "\n".join(lines) + "\n"


def config_for(feeds: dict[str, list[str]]) -> SourcesConfig:
    return parse_sources(sources_yaml(feeds))


@pytest.fixture(scope="module")
def built(make_httpserver: HTTPServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ingest run over the served site (once per module); tests get a copy."""
    make_httpserver.clear()
    feeds = serve_all(make_httpserver)
    db = tmp_path_factory.mktemp("built") / "fw.duckdb"
    report = ingest(config_for(feeds), db)
    assert report.status == "ok", report.error
    assert report.stats["articles"]["new"] == 8
    make_httpserver.clear()
    return db


@pytest.fixture
def site(built: Path, httpserver: HTTPServer, tmp_path: Path) -> Site:
    feeds = serve_all(httpserver)  # same server, same URLs: a re-run sees the same feeds
    db = tmp_path / "fw.duckdb"
    shutil.copyfile(built, db)
    wal = built.with_name(built.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, db.with_name(db.name + ".wal"))
    return Site(config_for(feeds), feeds, db, tmp_path)


@pytest.fixture
def cli() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(app, [str(a) for a in args])

    return invoke


def stories_doc(cli: Callable[..., Result], db: Path) -> dict[str, Any]:
    result = cli("stories", "--db", db, "--format", "json", "--since", "all")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def timeline_doc(cli: Callable[..., Result], db: Path, story_id: str) -> dict[str, Any]:
    result = cli("timeline", story_id, "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def story_with(doc: dict[str, Any], title_fragment: str) -> dict[str, Any]:
    [story] = [
        s for s in doc["stories"] if any(title_fragment in a["title"] for a in s["articles"])
    ]
    return story


def membership(doc: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: s["id"] for s in doc["stories"] for a in s["articles"]}


# ---------------------------------------------------------------------------- stories


def test_stories_json_has_exactly_the_contract_fields(
    site: Site, cli: Callable[..., Result]
) -> None:
    doc = stories_doc(cli, site.db)
    assert set(doc) == {"stories"}
    assert doc["stories"], "no stories were built"
    all_articles = []
    for s in doc["stories"]:
        assert set(s) == STORY_KEYS
        assert isinstance(s["id"], str) and s["id"]
        for key in ("first_published_at", "last_published_at"):
            assert ISO_Z.match(s[key]), s[key]
        assert s["article_count"] == len(s["articles"])
        assert s["outlet_count"] == len({a["outlet"] for a in s["articles"]})
        times = [a["published_at"] for a in s["articles"]]
        assert times == sorted(times), "articles are not chronological"
        assert s["first_published_at"] == times[0]
        assert s["last_published_at"] == times[-1]
        for a in s["articles"]:
            assert set(a) == ARTICLE_KEYS
            assert ISO_Z.match(a["published_at"])
            assert a["published_at_source"] in ("feed", "page", "url", "first_seen")
            assert a["url"].startswith("http://")
        all_articles += s["articles"]
    # every ingested article is in exactly one story
    assert len(all_articles) == 3 + 5
    assert len({a["id"] for a in all_articles}) == 8


def test_stories_newest_activity_first(site: Site, cli: Callable[..., Result]) -> None:
    doc = stories_doc(cli, site.db)
    last = [s["last_published_at"] for s in doc["stories"]]
    assert last == sorted(last, reverse=True)


def test_retellings_share_a_story_and_events_stay_apart(
    site: Site, cli: Callable[..., Result]
) -> None:
    doc = stories_doc(cli, site.db)
    v4 = story_with(doc, "DeepSeek V4")
    h20 = story_with(doc, "H20")
    assert v4["id"] != h20["id"]
    assert sorted(a["outlet"] for a in v4["articles"]) == [
        "Chip Wire",
        "Silicon Daily",
        "Tech Ledger",
    ]
    assert sorted(a["outlet"] for a in h20["articles"]) == ["Chip Wire", "Tech Ledger"]
    assert v4["first_published_at"] == "2026-04-03T10:00:00Z"
    assert v4["last_published_at"] == "2026-04-04T12:00:00Z"
    assert (v4["article_count"], v4["outlet_count"]) == (3, 3)
    assert all(a["published_at_source"] == "feed" for a in v4["articles"])


def test_stories_table_format_and_bad_format(site: Site, cli: Callable[..., Result]) -> None:
    table = cli("stories", "--db", site.db, "--since", "all")
    assert table.exit_code == 0, table.output
    assert "DeepSeek" in table.stdout
    bad = cli("stories", "--db", site.db, "--format", "xml")
    assert bad.exit_code != 0
    assert len(bad.stderr.strip().splitlines()) == 1


# ---------------------------------------------------------------------------- timeline


def test_timeline_json_has_the_contract_fields(site: Site, cli: Callable[..., Result]) -> None:
    story = story_with(stories_doc(cli, site.db), "DeepSeek V4")
    doc = timeline_doc(cli, site.db, story["id"])
    assert {"story", "articles", "details", "citations"} <= set(doc)
    assert HEADER_KEYS <= set(doc["story"])
    assert {k: doc["story"][k] for k in HEADER_KEYS} == {k: story[k] for k in HEADER_KEYS}

    assert [a["id"] for a in doc["articles"]] == [a["id"] for a in story["articles"]]
    for a in doc["articles"]:
        assert ARTICLE_KEYS | {"new_details"} <= set(a)
        assert ISO_Z.match(a["published_at"])
    times = [a["published_at"] for a in doc["articles"]]
    assert times == sorted(times)

    assert doc["details"], "no details found"
    detail_ids = [d["id"] for d in doc["details"]]
    new = [did for a in doc["articles"] for did in a["new_details"]]
    assert sorted(new) == sorted(detail_ids) and len(new) == len(set(new))
    for d in doc["details"]:
        assert DETAIL_KEYS <= set(d)
        assert {"outlet", "url", "published_at"} <= set(d["first_reported"])
        assert ISO_Z.match(d["first_reported"]["published_at"])
        assert d["reported_by"]
        for r in d["reported_by"]:
            assert REPORTED_KEYS <= set(r)
        assert isinstance(d["conflicts"], list)
        for c in d["conflicts"]:
            assert {"value", "outlets"} <= set(c)
        if d["cited_origin"] is not None:
            assert ORIGIN_KEYS <= set(d["cited_origin"])
    for c in doc["citations"]:
        assert CITATION_KEYS <= set(c)
        assert c["cited_date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", c["cited_date"])


def test_timeline_details_credit_the_first_reporter(site: Site, cli: Callable[..., Result]) -> None:
    story = story_with(stories_doc(cli, site.db), "DeepSeek V4")
    doc = timeline_doc(cli, site.db, story["id"])
    chips = [d for d in doc["details"] if d.get("kind") == "quantity" and "14,000" in d["text"]]
    assert len(chips) == 1
    [d] = chips
    assert d["first_reported"]["outlet"] == "Chip Wire"
    assert d["first_reported"]["published_at"] == "2026-04-03T10:00:00Z"
    assert [r["outlet"] for r in d["reported_by"]] == ["Chip Wire", "Silicon Daily", "Tech Ledger"]
    # the later articles credit Chip Wire, which is ingested and not earlier than itself
    assert d["cited_origin"]["outlet"] == "Chip Wire"
    assert d["cited_origin"]["date"] == "2026-04-03"
    cited = {(c["cited_outlet"], c["citing_outlet"]) for c in doc["citations"]}
    assert {("Chip Wire", "Silicon Daily"), ("Chip Wire", "Tech Ledger")} <= cited


def test_timeline_by_url_finds_the_same_story(site: Site, cli: Callable[..., Result]) -> None:
    story = story_with(stories_doc(cli, site.db), "DeepSeek V4")
    by_id = timeline_doc(cli, site.db, story["id"])
    for a in story["articles"]:
        result = cli("timeline", "--url", a["url"], "--db", site.db, "--format", "json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == by_id


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_timeline_renders_in_every_format(site: Site, cli: Callable[..., Result], fmt: str) -> None:
    story = story_with(stories_doc(cli, site.db), "DeepSeek V4")
    result = cli("timeline", story["id"], "--db", site.db, "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Chip Wire" in out
    assert "2026-04-03" in out
    if fmt == "html":
        assert "<html" in out.lower()


def test_timeline_html_escapes_a_script_title(site: Site, cli: Callable[..., Result]) -> None:
    doc = stories_doc(cli, site.db)
    story = story_with(doc, "DeepSeek V4")
    titles = [a["title"] for a in story["articles"]]
    assert any(SCRIPT in t for t in titles), titles  # stored as text, as written
    result = cli("timeline", story["id"], "--db", site.db, "--format", "html")
    assert result.exit_code == 0, result.output
    assert SCRIPT not in result.stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


def test_unknown_story_id_fails_with_one_line(site: Site, cli: Callable[..., Result]) -> None:
    result = cli("timeline", "s-no-such-story", "--db", site.db, "--format", "json")
    assert result.exit_code != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "s-no-such-story" in lines[0]


def test_unknown_url_and_bad_arguments_fail(site: Site, cli: Callable[..., Result]) -> None:
    result = cli("timeline", "--url", "http://example.invalid/nothing", "--db", site.db)
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1
    both = cli("timeline", "s-x", "--url", "http://example.invalid/", "--db", site.db)
    assert both.exit_code != 0
    neither = cli("timeline", "--db", site.db)
    assert neither.exit_code != 0
    bad = cli("timeline", "s-x", "--db", site.db, "--format", "pdf")
    assert bad.exit_code != 0


# ---------------------------------------------------------------------------- re-runs


def test_second_ingest_with_nothing_new_keeps_every_story_id(
    site: Site, cli: Callable[..., Result]
) -> None:
    before = stories_doc(cli, site.db)
    report = ingest(site.config, site.db)
    assert report.status == "ok", report.error
    assert report.stats["articles"]["new"] == 0
    after = stories_doc(cli, site.db)
    assert membership(after) == membership(before)
    assert [s["id"] for s in after["stories"]] == [s["id"] for s in before["stories"]]


H20_SD = Page(
    "nvidia-h20-china-ban",
    "US bars Nvidia H20 sales to China; Nvidia sees $5.5 billion charge",
    [
        "Nvidia expects a $5.5 billion charge after the US government barred sales of its "
        "H20 accelerator to China without a licence, as Chip Wire reported on April 5.",
        "Nvidia shares fell 6% after the H20 export ban was disclosed.",
    ],
    "2026-04-06T07:00:00Z",
)


def test_a_later_retelling_joins_without_moving_any_story(
    site: Site, httpserver: HTTPServer, cli: Callable[..., Result]
) -> None:
    before = stories_doc(cli, site.db)
    h20 = story_with(before, "H20")
    httpserver.clear()
    feeds = serve_all(httpserver, extra={"Silicon Daily": [H20_SD]})
    report = ingest(config_for(feeds), site.db)
    assert report.status == "ok", report.error
    assert report.stats["articles"]["new"] == 1
    after = stories_doc(cli, site.db)
    old = membership(before)
    new = membership(after)
    assert {a: new[a] for a in old} == old  # nobody moved
    [added] = set(new) - set(old)
    assert new[added] == h20["id"]
    grown = story_with(after, "H20")
    assert grown["id"] == h20["id"]
    assert (grown["article_count"], grown["outlet_count"]) == (3, 3)
    assert grown["last_published_at"] == "2026-04-06T07:00:00Z"
    # the story's timeline was recomputed with the new article
    doc = timeline_doc(cli, site.db, h20["id"])
    assert [a["outlet"] for a in doc["articles"]] == ["Chip Wire", "Tech Ledger", "Silicon Daily"]
    charge = [d for d in doc["details"] if d.get("kind") == "quantity" and "5.5" in d["text"]]
    assert len(charge) == 1
    assert charge[0]["first_reported"]["outlet"] == "Chip Wire"
    assert len(charge[0]["reported_by"]) == 3


def write_sources(site: Site) -> Path:
    path = site.tmp / "sources.yaml"
    path.write_text(sources_yaml(site.feeds), encoding="utf-8")
    return path


def rename_story(db: Path, old: str, new: str) -> None:
    """Give a story an id the clusterer would not choose: what an id from an earlier
    model or threshold looks like to `recluster`."""
    with Store(db) as store, store.transaction() as con:
        con.execute("UPDATE stories SET id = ? WHERE id = ?", [new, old])
        con.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", [new, old])
        con.execute("UPDATE timelines SET story_id = ? WHERE story_id = ?", [new, old])


def test_recluster_keeps_articles_assigned_and_redirects_vanished_ids(
    site: Site, cli: Callable[..., Result]
) -> None:
    before = stories_doc(cli, site.db)
    v4 = story_with(before, "DeepSeek V4")
    old_id = "s-from-an-older-model"
    rename_story(site.db, v4["id"], old_id)

    result = cli("recluster", "--sources", write_sources(site), "--db", site.db, "--since", "all")
    assert result.exit_code == 0, result.output
    assert "1 old ids redirected" in result.stdout

    after = stories_doc(cli, site.db)
    # every article is still in exactly one story, and the grouping is unchanged
    assert sorted(membership(after)) == sorted(membership(before))
    groups_before = sorted(sorted(a["id"] for a in s["articles"]) for s in before["stories"])
    groups_after = sorted(sorted(a["id"] for a in s["articles"]) for s in after["stories"])
    assert groups_after == groups_before
    assert old_id not in {s["id"] for s in after["stories"]}

    new_v4 = story_with(after, "DeepSeek V4")
    with Store(site.db, read_only=True) as store:
        redirects = [(r["old_id"], r["new_id"], r["reason"]) for r in store.redirects()]
    assert redirects == [(old_id, new_v4["id"], "recluster")]

    doc = timeline_doc(cli, site.db, old_id)
    assert doc["story"]["id"] == new_v4["id"]
    assert doc["story"]["redirected_from"] == old_id
    text = cli("timeline", old_id, "--db", site.db)
    assert text.exit_code == 0, text.output


def test_timeline_after_recluster_lists_the_story_articles(
    site: Site, cli: Callable[..., Result]
) -> None:
    v4 = story_with(stories_doc(cli, site.db), "DeepSeek V4")
    rename_story(site.db, v4["id"], "s-from-an-older-model")
    result = cli("recluster", "--sources", write_sources(site), "--db", site.db, "--since", "all")
    assert result.exit_code == 0, result.output
    doc = timeline_doc(cli, site.db, "s-from-an-older-model")
    assert doc["story"]["article_count"] == 3
    assert [a["id"] for a in doc["articles"]] == [a["id"] for a in v4["articles"]]
    assert doc["details"]


def test_recluster_without_changes_records_no_redirects(
    site: Site, cli: Callable[..., Result]
) -> None:
    before = stories_doc(cli, site.db)
    result = cli("recluster", "--sources", write_sources(site), "--db", site.db, "--since", "all")
    assert result.exit_code == 0, result.output
    assert "0 old ids redirected" in result.stdout
    after = stories_doc(cli, site.db)
    assert membership(after) == membership(before)
    with Store(site.db, read_only=True) as store:
        assert store.redirects() == []


def test_times_are_utc(site: Site, cli: Callable[..., Result]) -> None:
    doc = stories_doc(cli, site.db)
    for s in doc["stories"]:
        for a in s["articles"]:
            parsed = datetime.fromisoformat(a["published_at"].replace("Z", "+00:00"))
            assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0


def test_ingest_accepts_partial_stages(
    httpserver: HTTPServer, make_config: Callable[..., SourcesConfig], tmp_path: Path
) -> None:
    serve_site(httpserver, n=2)
    config = make_config({"Test Outlet": [httpserver.url_for("/news/feed.xml")]})
    params = ClusterParams()
    stages = [functools.partial(cluster_new_articles, model=MODEL, params=params)]
    report = ingest(config, tmp_path / "partial.duckdb", stages)
    assert report.status == "ok"


def test_details_stage_encodes_all_touched_stories_in_one_call(site: Site) -> None:
    """The stage embeds the uncached claims of every touched story in one model call and
    gives the same timelines as computing each story on its own."""
    from pipeline.embed import HashingEmbedder

    class Counting(HashingEmbedder):
        calls: list[int] = []

        def encode(self, texts: list[str], batch_size: int = 32) -> Any:
            self.calls.append(len(texts))
            return super().encode(texts, batch_size)

    counting = Counting()
    fresh = "hashing-256#batch-test"  # a model name with an empty sentence cache
    with Store(site.db) as store:
        n = store.forget_timelines()
        assert n >= 2 and len(store.stories_without_timeline()) == n
        stats: dict[str, Any] = {}
        details_stage(
            store, None, stats, NoProgress(), model=fresh, embedder_factory=lambda _: counting
        )
        assert stats["details"]["timelines"] == n
        assert len(counting.calls) == 1 and counting.calls[0] > 0
        assert store.stories_without_timeline() == []
        for story_id in [s["id"] for s in store.stories()]:
            alone = compute_story(store, story_id, fresh, embedder_factory=lambda _: counting)
            saved = store.timeline(story_id)
            assert saved is not None
            assert [d["text"] for d in saved["details"]] == [d["text"] for d in alone["details"]]
        assert len(counting.calls) == 1  # every vector came from the cache the stage filled


def test_recompute_rebuilds_every_timeline_with_the_current_rules(
    site: Site, cli: Callable[..., Result]
) -> None:
    story = story_with(stories_doc(cli, site.db), "DeepSeek V4")
    before = timeline_doc(cli, site.db, story["id"])
    assert before["details"]
    # a timeline computed by older rules: here, one that found nothing
    with Store(site.db) as store:
        stale = dict(before, details=[], citations=[])
        store.con.execute(
            "UPDATE timelines SET doc = ?, detail_count = 0 WHERE story_id = ?",
            [json.dumps(stale), story["id"]],
        )
    assert timeline_doc(cli, site.db, story["id"])["details"] == []
    result = cli("recompute", "--sources", write_sources(site), "--db", site.db, "--quiet")
    assert result.exit_code == 0, result.output
    assert "recomputed" in result.stdout
    after = timeline_doc(cli, site.db, story["id"])
    assert [d["text"] for d in after["details"]] == [d["text"] for d in before["details"]]
    # and the run is on record, with what it did
    runs = cli("runs", "--db", site.db, "--json")
    assert runs.exit_code == 0, runs.output
    last = json.loads(runs.stdout)["runs"][0]
    assert last["command"] == "recompute" and last["stats"]["details"]["timelines"] >= 1

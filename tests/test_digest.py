"""The digest (summary, ranking, --since last, HTML/Atom/Markdown output) and the export.

The database is written with Store methods and the timelines are computed by the real
details stage with the deterministic hashing embedder, so no model is loaded (fast).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import feedparser
import html5lib
import numpy as np
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.digest import (
    DigestError,
    build_digest,
    render_digest,
    story_tag,
    timeline_picture,
    write_digest,
)
from pipeline.embed import HashingEmbedder
from pipeline.export import EXPORT_TABLES, export
from pipeline.sentences import sentences as split_sentences
from pipeline.sources import Source
from pipeline.store import ArticleUpdate, NewArticle, Store
from pipeline.summarize import SummaryArticle, SummaryParams, summarize
from pipeline.timeline import details_stage

MODEL = "hashing-256"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
T0 = datetime(2026, 4, 3, 13, 0, tzinfo=UTC)

OUTLETS = {
    "Wire One": 1.0,
    "Trade Daily": 1.0,
    "Chip Blog": 0.5,
    "Evil Times": 1.0,
    "Fab Weekly": 3.0,
}

ACME = [
    (
        "a1",
        "Wire One",
        0,
        "Acme builds its X9 accelerator for cloud buyers",
        "Acme has built its X9 accelerator for large cloud buyers, three people familiar "
        "with the plan said on Friday. The chip packs 96 gigabytes of HBM3E memory and "
        "draws about 700 watts per card. Acme plans to ship 500,000 units in the first "
        "year, the people said.\n\nSubscribe to our newsletter for daily chip news.",
    ),
    (
        "a2",
        "Trade Daily",
        20,
        "Acme X9 confirmed: 500,000 units and HBM3E",
        "Acme confirmed on Saturday that the X9 accelerator will ship to cloud customers "
        "this summer, according to a report from Wire One on April 3. The X9 carries "
        "96 gigabytes of HBM3E and is rated at about 700 watts. Acme expects to deliver "
        "500,000 of the chips in their first year on the market. Prices were not disclosed "
        "by the company on Saturday.",
    ),
    (
        "a3",
        "Chip Blog",
        44,
        "What the Acme X9 means for the accelerator market",
        "The X9 is Acme's first serious attempt at the data-centre accelerator market. "
        "Wire One first reported the plan on April 3, and Trade Daily confirmed it a day "
        "later. Acme will ship 600,000 units in the first year, by our count of its "
        "supplier orders. Analysts expect rivals to answer with their own chips before "
        "the end of the year.",
    ),
]

GLOBEX = [
    (
        "g1",
        "Fab Weekly",
        30,
        "Globex breaks ground on a 2-nanometre fab in Ohio",
        "Globex broke ground on a 2-nanometre chip factory in Ohio on Sunday, the company "
        "said. The plant will cost about $20 billion and employ 3,000 people when it opens "
        "in 2028. Globex said the first wafers would come out of the line in late 2028.",
    ),
    (
        "g2",
        "Evil Times",
        50,
        f"{SCRIPT} Globex fab {IMG} opens",
        f"Globex will spend about $20 billion on the Ohio plant {SCRIPT} and hire 3,000 "
        f"workers, the company said on Sunday. A spokesperson said the factory {IMG} "
        "would begin production of 2-nanometre wafers in late 2028.",
    ),
]


def _article(store: Store, run_id: int, row: tuple[str, str, int, str, str]) -> None:
    aid, outlet, hours, title, text = row
    slug = hashlib.sha1(aid.encode()).hexdigest()[:8]
    url = f"https://{outlet.lower().replace(' ', '-')}.example/{slug}/"
    when = T0 + timedelta(hours=hours)
    store.add_pending(
        [
            NewArticle(
                id=aid,
                url=url,
                source_name=outlet,
                feed_url=f"{url}feed",
                entry_id=None,
                feed_title=title,
                feed_summary=None,
                author=None,
                feed_date=when,
                feed_updated=None,
            )
        ],
        run_id,
    )
    store.save_articles(
        [
            ArticleUpdate(
                id=aid,
                status="ok",
                title=title,
                text=text,
                published_at=when,
                published_at_source="feed",
                fetched_at=when,
                content_hash=hashlib.sha1(text.encode()).hexdigest(),
            )
        ]
    )


def add_story(store: Store, story_id: str, rows: list[tuple[str, str, int, str, str]]) -> None:
    """Store articles, put them in a story, and (re)compute its timeline."""
    run_id = store.start_run("test")
    for row in rows:
        _article(store, run_id, row)
    store.save_story_assignments([(r[0], story_id, 1.0) for r in rows], run_id)
    store.upsert_story(
        story_id=story_id, model=MODEL, vector_sum=np.zeros(4, np.float32), keys={}, run_id=run_id
    )
    store.set_story_title(story_id, rows[0][3])
    details_stage(store, run_id, {}, _Progress(), model=MODEL)
    store.finish_run(run_id, "ok", {})


class _Progress:
    def stage(self, name: str, total: int | None) -> None: ...

    def advance(self, n: int = 1) -> None: ...


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "digest.duckdb"
    with Store(path) as store:
        store.sync_sources(
            [
                Source(
                    name=name,
                    feeds=[f"https://{name.lower().replace(' ', '-')}.example/feed"],
                    weight=weight,
                )
                for name, weight in OUTLETS.items()
            ]
        )
        add_story(store, "s-acme", ACME)
        add_story(store, "s-globex", GLOBEX)
    return path


def _digest(db: Path, **kwargs: Any) -> dict[str, Any]:
    kwargs.setdefault("top", 10)
    with Store(db) as store:
        return build_digest(store, since=None, model=MODEL, **kwargs)


def _texts(db: Path) -> dict[str, str]:
    with Store(db, read_only=True) as store:
        return {a["url"]: a["text"] for a in store.articles()}


# ---------------------------------------------------------------------------
# summary
# ---------------------------------------------------------------------------


def test_every_summary_sentence_is_a_sentence_of_the_cited_article(db: Path) -> None:
    doc = _digest(db)
    texts = _texts(db)
    assert {s["id"] for s in doc["stories"]} == {"s-acme", "s-globex"}
    outlets = {url: url.split("//")[1].split(".")[0] for url in texts}
    for story in doc["stories"]:
        assert 2 <= len(story["summary"]) <= 4
        for x in story["summary"]:
            assert x["sentence"] in {s.text for s in split_sentences(texts[x["url"]])}
            assert outlets[x["url"]] == x["outlet"].lower().replace(" ", "-")
            assert "newsletter" not in x["sentence"].lower()


def test_summary_sentences_are_not_near_duplicates(db: Path) -> None:
    embedder = HashingEmbedder(256)
    for story in _digest(db)["stories"]:
        v = embedder.encode([x["sentence"] for x in story["summary"]])
        for i, j in itertools.combinations(range(len(v)), 2):
            assert float(v[i] @ v[j]) < 0.8


def test_summarize_drops_a_retelling_of_a_chosen_sentence() -> None:
    lead = (
        "Acme has built its X9 accelerator for large cloud buyers, three people "
        "familiar with the plan said on Friday."
    )
    copy = (
        "Acme has built its X9 accelerator for large cloud buyers, three people "
        "familiar with the plan said on Saturday."
    )
    other = "The chip packs 96 gigabytes of HBM3E memory and draws about 700 watts per card."
    third = "Analysts expect rivals to answer with their own chips before the end of the year."
    arts = [
        SummaryArticle(f"{lead} {other}", "Wire One", "https://w/1", "Acme X9"),
        SummaryArticle(f"{copy} {third}", "Trade Daily", "https://t/2", "Acme X9 again"),
    ]
    out = summarize(arts, HashingEmbedder(256).encode, SummaryParams(max_sentences=4))
    texts = [s.sentence for s in out]
    assert not (lead in texts and copy in texts)
    assert len(texts) >= 2
    assert [s.outlet for s in out if s.sentence == lead or s.sentence == copy]


def test_summarize_skips_boilerplate_short_and_long_sentences() -> None:
    long = "word " * 60 + "end."
    text = (
        "Sign up for our newsletter to get the latest chip news in your inbox. "
        "Too short here. " + long + " Acme will ship 500,000 X9 accelerators to cloud "
        "buyers in the first year, the people said."
    )
    out = summarize([SummaryArticle(text, "W", "https://w/1")], HashingEmbedder(256).encode)
    assert [s.sentence for s in out] == [
        "Acme will ship 500,000 X9 accelerators to cloud buyers in the first year, the people said."
    ]


# ---------------------------------------------------------------------------
# the document: ranking, first reporter, details, coverage
# ---------------------------------------------------------------------------


def test_story_fields_first_reporter_details_and_coverage(db: Path) -> None:
    doc = _digest(db)
    acme = next(s for s in doc["stories"] if s["id"] == "s-acme")
    assert acme["first_reported"]["outlet"] == "Wire One"
    assert acme["article_count"] == 3 and acme["outlet_count"] == 3
    assert [a["outlet"] for a in acme["coverage"]] == ["Wire One", "Trade Daily", "Chip Blog"]
    assert all(a["is_new"] for a in acme["coverage"])
    assert acme["new_details"], "details first reported in the window are listed"
    for d in acme["new_details"]:
        assert d["first_reported"]["outlet"] in {"Wire One", "Trade Daily", "Chip Blog"}
    assert not acme["is_update"]
    json.dumps(doc)  # JSON-ready


def test_cited_origin_earlier_than_the_coverage_is_credited(db: Path) -> None:
    with Store(db) as store:
        add_story(
            store,
            "s-initech",
            [
                (
                    "i1",
                    "Wire One",
                    2,
                    "Initech to buy Umbrella Chips for $4 billion",
                    "Initech agreed to buy Umbrella Chips for $4 billion, according to a report "
                    "from The Information on April 1. The deal would give Initech its own "
                    "accelerator team of 400 engineers, the people said.",
                ),
                (
                    "i2",
                    "Trade Daily",
                    26,
                    "Initech confirms Umbrella deal",
                    "Initech confirmed the $4 billion purchase of Umbrella Chips on Saturday, "
                    "which was first reported by The Information on April 1. The companies expect "
                    "the deal to close by the end of the year.",
                ),
            ],
        )
    story = next(s for s in _digest(db)["stories"] if s["id"] == "s-initech")
    assert story["origin"]["outlet"] == "The Information"
    assert story["origin"]["date"] == "2026-04-01"
    assert story["first_reported"]["outlet"] == "Wire One"
    md = render_digest({**_digest(db), "stories": [story]}, "markdown")
    assert "First reported by The Information on Apr 1, 2026, per 2 outlets" in md
    pic = timeline_picture(story)
    assert pic["points"][0]["kind"] == "cited" and pic["rows"][0]["label"].endswith("(cited)")


def test_source_weights_change_the_ranking(db: Path) -> None:
    equal = [s["id"] for s in _digest(db, weights={})["stories"]]
    assert equal[0] == "s-acme"  # three outlets and more new details beat two
    boosted = _digest(db, weights={"Fab Weekly": 10.0, "Evil Times": 10.0})
    assert [s["id"] for s in boosted["stories"]][0] == "s-globex"
    # by default the weights come from the sources table (sources.yaml)
    default = {s["id"]: s for s in _digest(db)["stories"]}
    assert default["s-globex"]["rank"]["outlets"] == pytest.approx(
        2 * math.log1p(3.0 + 1.0), abs=1e-3
    )
    assert default["s-acme"]["rank"]["outlets"] == pytest.approx(2 * math.log1p(2.5), abs=1e-3)
    assert _digest(db, top=1)["story_count"] == 1


def test_timeline_picture_marks_the_first_reporter(db: Path) -> None:
    acme = next(s for s in _digest(db)["stories"] if s["id"] == "s-acme")
    pic = timeline_picture(acme)
    kinds = [p["kind"] for p in pic["points"]]
    assert kinds.count("first") == 1
    assert [r["label"] for r in pic["rows"]][:3] == ["Wire One", "Trade Daily", "Chip Blog"]
    xs = [p["x"] for p in pic["points"]]
    assert xs == sorted(xs) and pic["x0"] <= min(xs) and max(xs) <= pic["x1"]


# ---------------------------------------------------------------------------
# output formats
# ---------------------------------------------------------------------------


def test_html_is_valid_self_contained_and_escapes_article_text(db: Path) -> None:
    html = render_digest(_digest(db), "html")
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert SCRIPT not in html and IMG not in html
    assert "<img" not in html and "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, escaped
    assert "<svg" in html and "<style>" in html
    for needle in ('src="http', 'href="//', "<link", "@import"):
        assert needle not in html  # nothing loaded from the network


def test_markdown_escapes_article_text(db: Path) -> None:
    md = render_digest(_digest(db), "markdown")
    assert SCRIPT not in md and IMG not in md
    # every "<" of article text is backslash-escaped: inert in CommonMark renderers
    assert re.search(r"(?<!\\)<(script|img|/script)", md) is None
    assert r"\<script\>alert(1)\</script\>" in md
    assert "First reported by Wire One" in md


def test_atom_parses_and_entries_are_updated_not_duplicated(db: Path) -> None:
    first = render_digest(_digest(db), "atom")
    feed = feedparser.parse(first)
    assert feed.bozo == 0, feed.get("bozo_exception")
    ids = {e.id: e for e in feed.entries}
    assert set(ids) == {story_tag("s-acme"), story_tag("s-globex")}
    assert SCRIPT not in first and "<img" not in first

    with Store(db) as store:  # the Acme story grows
        add_story(
            store,
            "s-acme",
            [
                (
                    "a4",
                    "Fab Weekly",
                    72,
                    "Acme X9 orders pile up",
                    "Cloud providers have ordered more X9 accelerators than Acme can ship this "
                    "year, two people familiar with the orders said on Monday.",
                )
            ],
        )
    feed2 = feedparser.parse(render_digest(_digest(db), "atom"))
    assert feed2.bozo == 0
    ids2 = {e.id: e for e in feed2.entries}
    assert set(ids2) == set(ids)  # same ids, nothing duplicated
    acme = story_tag("s-acme")
    assert ids2[acme].updated_parsed > ids[acme].updated_parsed
    globex = story_tag("s-globex")
    assert ids2[globex].updated == ids[globex].updated

    with Store(db) as store:  # grows again, by a late-fetched article with an old date
        add_story(
            store,
            "s-globex",
            [
                (
                    "g3",
                    "Chip Blog",
                    31,
                    "Globex Ohio fab: the numbers",
                    "Globex's Ohio factory is the largest private investment in the state's history, "
                    "state officials said on Sunday.",
                )
            ],
        )
    feed3 = feedparser.parse(render_digest(_digest(db), "atom"))
    ids3 = {e.id: e for e in feed3.entries}
    assert set(ids3) == set(ids)
    assert ids3[globex].updated_parsed > ids2[globex].updated_parsed


def test_control_characters_and_script_urls_are_neutralised(db: Path) -> None:
    doc = _digest(db)
    story = doc["stories"][0]
    story["title"] = "Acme\x0b X9\x00 ships"
    story["coverage"][0]["url"] = "javascript:alert(1)"
    story["summary"][0]["url"] = "data:text/html,<script>alert(1)</script>"
    html = render_digest(doc, "html")
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
    assert "javascript:" not in html and "data:text" not in html
    assert "Acme X9 ships" in html
    feed = feedparser.parse(render_digest(doc, "atom"))
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.entries[0].title.endswith("Acme X9 ships")


def test_json_format_round_trips(db: Path) -> None:
    doc = _digest(db)
    assert json.loads(render_digest(doc, "json")) == doc
    with pytest.raises(DigestError):
        render_digest(doc, "pdf")


# ---------------------------------------------------------------------------
# --since last
# ---------------------------------------------------------------------------


def test_since_last_never_repeats_and_marks_follow_ups_as_updates(db: Path) -> None:
    first = json.loads(
        str(write_digest(db, since="last", fmt="json", out=None, top=10, model=MODEL))
    )
    assert {s["id"] for s in first["stories"]} == {"s-acme", "s-globex"}
    second = json.loads(str(write_digest(db, since="last", fmt="json", out=None, model=MODEL)))
    assert second["stories"] == []
    assert second["since"] == first["until"]

    with Store(db) as store:
        add_story(
            store,
            "s-acme",
            [
                (
                    "a5",
                    "Fab Weekly",
                    1,
                    "Acme X9 supply is tight",
                    "Acme told suppliers to double X9 output after cloud orders exceeded its "
                    "first-year plan, two people familiar with the matter said.",
                )
            ],
        )  # published early, fetched late: still new to the reader
    third = json.loads(str(write_digest(db, since="last", fmt="json", out=None, model=MODEL)))
    assert [s["id"] for s in third["stories"]] == ["s-acme"]
    story = third["stories"][0]
    assert story["is_update"] and story["previous_digest_at"]
    assert [a["is_new"] for a in story["coverage"]].count(True) == 1
    assert story["new_article_count"] == 1


def test_unrecorded_digest_does_not_move_the_window(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "d" / "digest.html"
    assert write_digest(db, since="all", fmt="html", out=out, record=False, model=MODEL) == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    again = json.loads(str(write_digest(db, since="last", fmt="json", out=None, model=MODEL)))
    assert len(again["stories"]) == 2


def test_bad_options_and_missing_database(db: Path, tmp_path: Path) -> None:
    with pytest.raises(DigestError, match="last"):
        write_digest(db, since="yesterday", fmt="json", out=None)
    with pytest.raises(DigestError, match="format"):
        write_digest(db, since="24h", fmt="pdf", out=None)
    with pytest.raises(DigestError, match="no database"):
        write_digest(tmp_path / "missing.duckdb", since="24h", fmt="json", out=None)
    assert not (tmp_path / "missing.duckdb").exists()


def test_cli_digest_and_export(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "digest",
            "--db",
            str(db),
            "--since",
            "all",
            "--format",
            "json",
            "--model",
            MODEL,
            "--no-record",
        ],
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["stories"]) == 2
    bad = runner.invoke(app, ["digest", "--db", str(db), "--since", "soon"])
    assert bad.exit_code != 0 and "error" in bad.stderr and len(bad.stderr.splitlines()) == 1
    out = tmp_path / "csv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in EXPORT_TABLES)


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_four_files_duckdb_can_read(db: Path, tmp_path: Path, fmt: str) -> None:
    written = export(db, fmt, tmp_path / fmt)
    assert set(written) == {"articles", "stories", "details", "citations"}
    reader = {"parquet": "read_parquet", "csv": "read_csv_auto", "jsonl": "read_json_auto"}[fmt]
    con = duckdb.connect()
    with Store(db, read_only=True) as store:
        expected = {
            "articles": store.article_count("ok"),
            "stories": len(store.stories()),
            "details": int(store.con.execute("SELECT count(*) FROM details").fetchone()[0]),
            "citations": int(store.con.execute("SELECT count(*) FROM citations").fetchone()[0]),
        }
    assert expected["details"] > 0 and expected["citations"] > 0
    for table, (path, rows) in written.items():
        assert path.exists() and rows == expected[table]
        rel = con.execute(f"SELECT * FROM {reader}(?)", [str(path)])
        columns = [d[0] for d in rel.description]
        assert len(rel.fetchall()) == rows
        assert "raw_html" not in columns and "vector" not in columns
        assert "vector_sum" not in columns
    arts = con.execute(
        f"SELECT id, outlet, story_id FROM {reader}(?) ORDER BY id",
        [str(written["articles"][0])],
    ).fetchall()
    assert ("a1", "Wire One", "s-acme") in arts


def test_new_details_list_each_sentence_once() -> None:
    from pipeline.digest import _pick_details

    def detail(text: str, sentence: str, outlets: int) -> dict:
        return {
            "text": text,
            "conflicts": [],
            "first_reported": {"sentence": sentence},
            "reported_by": [{"outlet": f"O{k}", "sentence": sentence} for k in range(outlets)],
            "mentions": [{"sentence": sentence}],
        }

    release = "DeepSeek aims to release V4 in the last two weeks of April."
    details = [
        detail("the last two weeks of April", release, 5),
        detail(release, release, 4),
        detail("about one trillion parameters", "V4 has about one trillion parameters.", 3),
    ]
    shown = _pick_details(details, 2)
    assert [d["text"] for d in shown] == [
        "the last two weeks of April",
        "about one trillion parameters",
    ]

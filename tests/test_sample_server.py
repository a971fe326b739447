"""Tests for pipeline.sample_server: origin rewriting, conditional GET, 404, path traversal."""

from __future__ import annotations

import http.client
import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import feedparser
import httpx
import pytest

from pipeline.sample_server import (
    SAMPLE_ORIGIN,
    SampleServer,
    rewrite_sources,
    to_sample_url,
)

PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Chip news | Test Outlet</title>
<link rel="canonical" href="{SAMPLE_ORIGIN}/outlet/news/chip-news/"></head>
<body><article><p>Body text \u2014 caf\u00e9.</p></article></body></html>
"""

LEGACY_PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Prix \u20ac</title>
<link rel="canonical" href="{SAMPLE_ORIGIN}/legacy/"></head>
<body><p>Le prix: 12\u00a0000 \u20ac \u2014 \u201cbon march\u00e9\u201d</p></body></html>
"""

RSS = f"""<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Caf\u00e9 feed</title><link>{SAMPLE_ORIGIN}/outlet/</link>
<item><title>R\u00e9sum\u00e9</title><link>{SAMPLE_ORIGIN}/outlet/news/chip-news/</link></item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>{SAMPLE_ORIGIN}/outlet/</id></feed>
"""


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    """A tiny sample site, plus a secret file beside (outside) it."""
    root = tmp_path / "site"
    (root / "outlet" / "news" / "chip-news").mkdir(parents=True)
    (root / "outlet" / "news" / "chip-news" / "index.html").write_text(PAGE, encoding="utf-8")
    (root / "legacy").mkdir()
    (root / "legacy" / "index.html").write_bytes(LEGACY_PAGE.encode("cp1252"))
    (root / "outlet" / "rss.xml").write_bytes(RSS.encode("iso-8859-1"))
    (root / "outlet" / "atom.xml").write_text(ATOM, encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("top secret", encoding="utf-8")
    return root


@pytest.fixture()
def server(site: Path) -> Iterator[SampleServer]:
    with SampleServer(site) as srv:
        yield srv


def raw_get(server: SampleServer, path: str) -> tuple[int, bytes]:
    """GET with the path sent exactly as given (httpx would normalise '..' away)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_serves_page_with_origin_rewritten(server: SampleServer) -> None:
    assert server.base_url.startswith("http://127.0.0.1:")
    r = httpx.get(f"{server.base_url}/outlet/news/chip-news/")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert SAMPLE_ORIGIN not in r.text
    assert f'href="{server.base_url}/outlet/news/chip-news/"' in r.text
    assert "caf\u00e9" in r.text
    assert int(r.headers["content-length"]) == len(r.content)
    assert to_sample_url(f"{server.base_url}/outlet/news/chip-news/", server.base_url) == (
        f"{SAMPLE_ORIGIN}/outlet/news/chip-news/"
    )


def test_directory_without_slash_redirects(server: SampleServer) -> None:
    r = httpx.get(f"{server.base_url}/outlet/news/chip-news")
    assert r.status_code == 301
    assert r.headers["location"] == "/outlet/news/chip-news/"


def test_non_utf8_encodings_survive(server: SampleServer) -> None:
    page = httpx.get(f"{server.base_url}/legacy/")
    assert page.headers["content-type"] == "text/html; charset=windows-1252"
    assert "12\u00a0000 \u20ac \u2014 \u201cbon march\u00e9\u201d" in page.text
    assert f"{server.base_url}/legacy/" in page.text

    feed = httpx.get(f"{server.base_url}/outlet/rss.xml")
    assert feed.headers["content-type"] == "application/rss+xml; charset=ISO-8859-1"
    text = feed.content.decode("iso-8859-1")
    assert "R\u00e9sum\u00e9" in text and f"{server.base_url}/outlet/news/chip-news/" in text

    atom = httpx.get(f"{server.base_url}/outlet/atom.xml")
    assert atom.headers["content-type"] == "application/atom+xml; charset=utf-8"

    robots = httpx.get(f"{server.base_url}/robots.txt")
    assert robots.headers["content-type"] == "text/plain; charset=utf-8"
    assert "Disallow: /private/" in robots.text


def test_conditional_get_returns_304(server: SampleServer) -> None:
    url = f"{server.base_url}/outlet/rss.xml"
    first = httpx.get(url)
    etag, last_modified = first.headers["etag"], first.headers["last-modified"]
    assert etag and last_modified

    by_etag = httpx.get(url, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag.headers["etag"] == etag

    by_date = httpx.get(url, headers={"If-Modified-Since": last_modified})
    assert by_date.status_code == 304

    stale = httpx.get(url, headers={"If-None-Match": '"not-the-etag"'})
    assert stale.status_code == 200
    assert stale.content == first.content

    old = httpx.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
    assert old.status_code == 200


def test_head_has_headers_but_no_body(server: SampleServer) -> None:
    r = httpx.head(f"{server.base_url}/outlet/news/chip-news/")
    assert r.status_code == 200
    assert r.content == b""
    assert int(r.headers["content-length"]) > 0


def test_missing_is_404(server: SampleServer) -> None:
    assert httpx.get(f"{server.base_url}/outlet/no-such-article/").status_code == 404
    assert httpx.get(f"{server.base_url}/nope.xml").status_code == 404
    assert httpx.get(f"{server.base_url}/robots.txt/extra").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/outlet/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/outlet/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
    ],
)
def test_path_traversal_refused(server: SampleServer, path: str) -> None:
    status, body = raw_get(server, path)
    assert status in (403, 404)
    assert b"top secret" not in body


def test_symlink_out_of_root_refused(server: SampleServer, site: Path) -> None:
    link = site / "escape.txt"
    try:
        link.symlink_to(site.parent / "secret.txt")
    except OSError:
        pytest.skip("symlinks not supported here")
    status, body = raw_get(server, "/escape.txt")
    assert status in (403, 404)
    assert b"top secret" not in body


def test_rewrite_sources() -> None:
    text = f"sources:\n  - name: X\n    feeds: [{SAMPLE_ORIGIN}/x/feed.xml]\n"
    out = rewrite_sources(text, "http://127.0.0.1:8123/")
    assert out == "sources:\n  - name: X\n    feeds: [http://127.0.0.1:8123/x/feed.xml]\n"


def test_stop_is_idempotent(site: Path) -> None:
    srv = SampleServer(site)
    srv.start()
    base = srv.base_url
    assert httpx.get(f"{base}/robots.txt").status_code == 200
    srv.stop()
    srv.stop()
    with pytest.raises(RuntimeError):
        _ = srv.base_url


def _load_build_module() -> ModuleType:
    """data/sample/build.py is a script, not a package module: load it by path."""
    path = Path(__file__).resolve().parents[1] / "data" / "sample" / "build.py"
    spec = importlib.util.spec_from_file_location("sample_build", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


TINY_STORY = """\
story: tiny-test
split: tune
summary: "A tiny story for the server test"
articles:
  - id: tiny-byteframe
    outlet: Byteframe
    published: "2026-04-03T06:10:00Z"
    slug: tiny-chip-explained
    title: "The Tiny Chip, Explained \u2014 \u201cSmall\u201d but Fast"
    author: "Ren\u00e9e Dubois"
    section: "Explainers"
    paragraphs:
      - "Nimbus Labs says its tiny chip costs \u20ac120 and ships next month. It is fast."
      - "## Why it matters"
      - "Caf\u00e9 owners will not notice, but data centres might."
  - id: tiny-market-signal
    outlet: Market Signal
    published: "2026-04-02T21:00:00Z"
    slug: tiny-chip-stock
    title: "Nimbus Shares Jump on Tiny Chip"
    author: "Sam Ortiz"
    section: "Markets"
    paragraphs:
      - "Shares of Nimbus Labs rose 8% after the company unveiled a tiny chip. Traders cheered."
  - id: tiny-chipbrief
    outlet: ChipBrief
    published: "2026-04-03T07:00:00Z"
    slug: tiny-chip-roundup
    title: "Tiny Chip Roundup"
    author: "Ana Pereira"
    section: "News"
    paragraphs:
      - "Market Signal first reported the share move on Thursday. Here is the roundup."
citations:
  - article: tiny-chipbrief
    cited_outlet: "Market Signal"
    cited_date: "2026-04-02"
    sentence: "Market Signal first reported the share move on Thursday."
"""


def test_serves_built_sample_site(tmp_path: Path) -> None:
    """Build a one-story corpus with build.py and read it back through the server."""
    build = _load_build_module()
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "tiny-test.yaml").write_text(TINY_STORY, encoding="utf-8")
    out = tmp_path / "out"
    assert build.main(["--stories", str(stories), "--out", str(out)]) == 0
    first = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert build.main(["--stories", str(stories), "--out", str(out)]) == 0
    second = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert first == second  # deterministic

    with SampleServer(out / "site") as srv:
        # windows-1252 page: declared, served with that charset, decodes to the story text
        page = httpx.get(f"{srv.base_url}/byteframe/explainers/tiny-chip-explained/")
        assert page.headers["content-type"] == "text/html; charset=windows-1252"
        assert "\u201cSmall\u201d" in page.text and "\u20ac120" in page.text
        assert f'<link rel="canonical" href="{srv.base_url}/byteframe/' in page.text

        # ISO-8859-1 feed: parses cleanly, dates are the story's UTC instants
        feed_resp = httpx.get(f"{srv.base_url}/market-signal/rss.xml")
        assert feed_resp.headers["content-type"] == "application/rss+xml; charset=ISO-8859-1"
        feed = feedparser.parse(
            feed_resp.content,
            response_headers={
                "content-type": feed_resp.headers["content-type"],
                "content-location": f"{srv.base_url}/market-signal/rss.xml",
            },
        )
        assert not feed.bozo
        (entry,) = feed.entries
        assert entry.link == f"{srv.base_url}/market-signal/markets/tiny-chip-stock/"
        assert entry.published == "Thu, 02 Apr 2026 17:00:00 -0400"

        # relative links in ChipBrief's feed resolve against the feed URL
        chip = feedparser.parse(
            httpx.get(f"{srv.base_url}/chipbrief/rss.xml").content,
            response_headers={
                "content-type": "application/rss+xml; charset=utf-8",
                "content-location": f"{srv.base_url}/chipbrief/rss.xml",
            },
        )
        assert chip.entries[0].link == f"{srv.base_url}/chipbrief/2026/04/03/tiny-chip-roundup/"

        robots = httpx.get(f"{srv.base_url}/robots.txt")
        assert "Disallow: /private/" in robots.text

    labels = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    url = "https://sample.firstwire.invalid/chipbrief/2026/04/03/tiny-chip-roundup/"
    assert labels["articles"][url]["story"] == "tiny-test"
    assert labels["citations"]["tiny-test"][0]["article_url"] == url

"""Shared fixtures: tiny feeds and article pages served by pytest-httpserver on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from pipeline.sources import SourcesConfig, parse_sources

LOREM = (
    "Engineers at the company spent the first quarter rewriting kernels for the new "
    "accelerator, people familiar with the matter said. The work covered attention, "
    "routing and communication libraries. Analysts expect the shift to reshape orders "
    "across the supply chain over the coming year, with cloud providers adding capacity."
)


def article_html(
    title: str,
    paragraphs: list[str],
    *,
    site: str = "Test Outlet",
    published: str | None = "2026-04-03T13:05:00Z",
    canonical: str | None = None,
    charset: str = "utf-8",
) -> str:
    meta = ""
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    if canonical:
        meta += f'<link rel="canonical" href="{escape(canonical)}">'
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="{charset}">
<title>{escape(title)} | {escape(site)}</title>
<meta property="og:title" content="{escape(title)}"><meta property="og:site_name" content="{escape(site)}">
{meta}</head><body>
<nav><a href="/">Home</a> <a href="/chips">Chips</a> <a href="/subscribe">Subscribe</a></nav>
<main><article><h1>{escape(title)}</h1>{body}</article></main>
<aside><h3>Trending</h3><ul><li><a href="/x">Another headline entirely about phones</a></li></ul></aside>
<footer><p>Sign up for our newsletter. Copyright 2026 {escape(site)}. All rights reserved.</p></footer>
</body></html>"""


def rss(items: list[dict[str, str]], *, title: str = "Test Outlet") -> str:
    out = []
    for it in items:
        date = ""
        if it.get("date"):
            dt = datetime.fromisoformat(it["date"].replace("Z", "+00:00")).astimezone(UTC)
            date = f"<pubDate>{format_datetime(dt, usegmt=True)}</pubDate>"
        out.append(
            f"<item><title>{escape(it['title'])}</title><link>{escape(it['link'])}</link>"
            f"<guid>{escape(it['link'])}</guid>{date}"
            f"<description>{escape(it.get('summary', 'A summary of the article.'))}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://example.invalid/</link>"
        f"<description>test</description>{''.join(out)}</channel></rss>"
    )


@pytest.fixture
def make_config(tmp_path: Path) -> Callable[..., SourcesConfig]:
    def make(feeds: dict[str, list[str]], **settings: object) -> SourcesConfig:
        lines = ["settings:", "  allow_private_hosts: true", "  timeout_s: 2"]
        for key, value in settings.items():
            lines.append(f"  {key}: {str(value).lower() if isinstance(value, bool) else value}")
        lines.append("sources:")
        for name, urls in feeds.items():
            lines.append(f"  - name: {name}")
            lines.append(f"    feeds: [{', '.join(urls)}]")
        return parse_sources("\n".join(lines) + "\n")

    return make


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fw.duckdb"


def serve_site(httpserver: HTTPServer, n: int = 3, prefix: str = "/news") -> list[str]:
    """An RSS feed at {prefix}/feed.xml with n article pages. Returns the page URLs."""
    urls = []
    items = []
    for i in range(n):
        path = f"{prefix}/2026/04/0{i + 1}/story-{i}/"
        url = httpserver.url_for(path)
        urls.append(url)
        title = f"Chipmaker number {i} ships a new accelerator to cloud buyers"
        httpserver.expect_request(path).respond_with_data(
            article_html(title, [LOREM, f"Detail number {i}: shipments rose {10 + i}%."]),
            content_type="text/html; charset=utf-8",
        )
        items.append({"title": title, "link": url, "date": f"2026-04-0{i + 1}T10:00:00Z"})
    httpserver.expect_request(f"{prefix}/feed.xml").respond_with_data(
        rss(items), content_type="application/rss+xml"
    )
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return urls

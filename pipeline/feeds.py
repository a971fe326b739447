"""Parse feed bytes (RSS 0.9x/1.0/2.0, Atom) into entries with feedparser.

Broken feeds (feedparser's ``bozo``) are kept when usable: whatever entries parse are
returned, and the problem is reported for the run log. Content is handed over as bytes
with the feed URL as ``Content-Location`` so feedparser never touches the network and
relative links resolve against the feed.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pipeline.urls import canonicalize


@dataclass(frozen=True)
class FeedEntry:
    link: str  # canonical absolute URL
    raw_link: str
    entry_id: str | None
    title: str | None
    summary: str | None
    author: str | None
    published: datetime | None
    updated: datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    entries: list[FeedEntry]
    problem: str | None  # feedparser's bozo exception, one line
    skipped: int  # entries without a usable link


def _struct_to_dt(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _summary_text(entry: Any) -> str | None:
    raw = entry.get("summary") or ""
    if not raw and entry.get("content"):
        raw = entry["content"][0].get("value", "")
    if not raw:
        return None
    if "<" in raw:
        import lxml.html

        try:
            raw = lxml.html.fromstring(raw).text_content()
        except Exception:  # noqa: BLE001 - untrusted markup, any parse error means no summary
            return None
    return _text(raw)


def parse_feed(body: bytes, feed_url: str, content_type: str | None = None) -> ParsedFeed:
    import feedparser

    headers = {"content-location": feed_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    problem = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        problem = f"{type(exc).__name__}: {exc}".replace("\n", " ")[:300]
    entries: list[FeedEntry] = []
    skipped = 0
    seen: set[str] = set()
    for entry in parsed.entries:
        raw_link = entry.get("link") or ""
        if not raw_link:
            for link in entry.get("links", []):
                if link.get("rel", "alternate") == "alternate" and link.get("href"):
                    raw_link = link["href"]
                    break
        if not raw_link and str(entry.get("id", "")).startswith(("http://", "https://")):
            raw_link = entry["id"]
        try:
            link = canonicalize(raw_link, base=feed_url) if raw_link else ""
        except ValueError:
            link = ""
        if not link.startswith(("http://", "https://")):
            skipped += 1
            continue
        if link in seen:
            continue
        seen.add(link)
        published = _struct_to_dt(entry.get("published_parsed")) or _struct_to_dt(
            entry.get("created_parsed")
        )
        updated = _struct_to_dt(entry.get("updated_parsed"))
        entries.append(
            FeedEntry(
                link=link,
                raw_link=raw_link,
                entry_id=_text(entry.get("id")),
                title=_text(entry.get("title")),
                summary=_summary_text(entry),
                author=_text(entry.get("author")),
                published=published or updated,
                updated=updated,
            )
        )
    if not entries and problem is None and not parsed.entries and not parsed.get("version"):
        problem = "not a recognisable RSS/Atom feed"
    return ParsedFeed(_text(parsed.feed.get("title")), entries, problem, skipped)

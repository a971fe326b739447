"""Shape stored rows into the JSON documents of CONTRACT.md (stories, timelines)."""

from __future__ import annotations

from typing import Any

from pipeline.timeutil import iso


def article_json(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": a["id"],
        "url": a["url"],
        "outlet": a["outlet"],
        "title": a["title"],
        "published_at": iso(a["published_at"]),
        "published_at_source": a["published_at_source"],
    }


def story_header(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": s["id"],
        "title": s["title"],
        "first_published_at": iso(s["first_published_at"]),
        "last_published_at": iso(s["last_published_at"]),
        "article_count": s["article_count"],
        "outlet_count": s["outlet_count"],
    }


def story_json(s: dict[str, Any]) -> dict[str, Any]:
    return {**story_header(s), "articles": [article_json(a) for a in s["articles"]]}


def stories_json(stories: list[dict[str, Any]]) -> dict[str, Any]:
    return {"stories": [story_json(s) for s in stories]}

"""The digest: the stories with something new in a time window, ranked, summarised from
the articles' own sentences, with first reporters, new details, conflicts and coverage.

Windows
-------
``--since 24h|7d|<ISO date>`` is news time: articles *published* since then. ``--since
last`` is reader time: articles that *joined their story* since the previous recorded
digest (the ``until`` of the last row in ``digests``). A daily cron of ``ingest`` then
``digest --since last`` therefore never repeats an article, never misses one that was
published days ago but fetched today, and a story that was in an earlier digest comes
back marked as an update.

Ranking
-------
Per story, from its articles new in the window (weights: ``sources.weight``, default 1):
``2·ln(1 + Σ weight of new outlets) + ln(1 + Σ weight of new articles)
+ ln(1 + new details) + recency``, recency = 0.5 ** (hours behind the newest story / 48).
Every component is in the JSON (``rank``) so an odd ranking can be explained.

Formats: JSON (the document below), Markdown, a self-contained HTML page (inline CSS and
SVG, no network), and Atom (one entry per story, id stable per story, ``<updated>`` = the
story's last activity, so a feed reader updates the entry when the story grows).
"""

from __future__ import annotations

import itertools
import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import numpy as np

from pipeline.render import one_per_sentence
from pipeline.store import Store, StoreError, now_utc
from pipeline.summarize import SummaryArticle, SummaryParams, summarize
from pipeline.timeutil import iso, parse_since

FORMATS = ("markdown", "html", "json", "atom")
TAG_AUTHORITY = "tag:firstwire,2026"
ATOM_NS = "http://www.w3.org/2005/Atom"


class DigestError(RuntimeError):
    """The digest could not be produced (bad option, missing database)."""


@dataclass(frozen=True)
class RankParams:
    outlets: float = 2.0
    articles: float = 1.0
    details: float = 1.0
    recency: float = 1.0
    half_life_h: float = 48.0


# ---------------------------------------------------------------------------
# building the document
# ---------------------------------------------------------------------------


def _parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def default_model(store: Store) -> str:
    """The model the stories were built with (so cached sentence vectors are reused),
    else the bundled default."""
    from pipeline.sources import DEFAULT_MODEL

    models = store.stored_models()
    return models[0] if len(models) == 1 else DEFAULT_MODEL


def digest_embed(store: Store, model: str) -> Callable[[list[str]], np.ndarray]:
    """Sentence vectors through the shared cache; a read-only store reads the cache and
    computes the rest without saving."""
    from pipeline.timeline import cached_embed, sentence_hash

    if not store.read_only:
        return cached_embed(store, model)

    def embed(texts: list[str]) -> np.ndarray:
        from pipeline.embed import get_embedder

        hashes = [sentence_hash(t) for t in texts]
        have = store.sentence_vectors(hashes, model)
        missing = [t for h, t in zip(hashes, texts, strict=True) if h not in have]
        if missing:
            vecs = get_embedder(model).encode(missing, batch_size=64)
            for t, v in zip(missing, vecs, strict=True):
                have[sentence_hash(t)] = v
        return np.stack([have[h] for h in hashes]).astype(np.float32)

    return embed


def _origin(timeline: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The story's cited origin when it is earlier than the first ingested article (or the
    same day, from an outlet we do not ingest)."""
    origin = timeline.get("origin")
    if not origin or not origin.get("date") or not members:
        return None
    first_day = members[0]["published_at"].date().isoformat()
    outlets = {m["outlet"] for m in members}
    if origin["date"] < first_day or (
        origin["date"] == first_day and origin["outlet"] not in outlets
    ):
        return {
            "outlet": origin["outlet"],
            "date": origin["date"],
            "cited_by": origin.get("cited_by", 0),
            "evidence": origin.get("evidence"),
            "citing_outlet": origin.get("citing_outlet"),
            "citing_url": origin.get("citing_url"),
        }
    return None


def last_activity(members: list[dict[str, Any]]) -> datetime:
    """When the story last changed: its newest article's date, or the moment a later run
    added an article to it, whichever is later. A late-fetched article with an old date
    still moves this on, so a feed reader sees the grown story as updated."""
    latest = max(m["published_at"] for m in members)
    runs = [m.get("joined_run_id") for m in members]
    if all(r is not None for r in runs):
        first_run = min(runs)  # type: ignore[type-var]
        later = [m["joined_at"] for m in members if m["joined_run_id"] != first_run]
    else:
        first_join = min(m["joined_at"] for m in members)
        later = [
            m["joined_at"] for m in members if m["joined_at"] - first_join > timedelta(minutes=10)
        ]
    return max([latest, *later])


def _detail_json(d: dict[str, Any]) -> dict[str, Any]:
    fr = d["first_reported"]
    return {
        "id": d["id"],
        "text": d["text"],
        "first_reported": {
            "outlet": fr["outlet"],
            "url": fr["url"],
            "published_at": fr["published_at"],
        },
        "cited_origin": (
            {"outlet": d["cited_origin"]["outlet"], "date": d["cited_origin"].get("date")}
            if d.get("cited_origin")
            else None
        ),
        "reported_by_count": len(d.get("reported_by", [])),
        "has_conflict": bool(d.get("conflicts")),
    }


def _pick_details(
    details: list[dict[str, Any]], limit: int, summary: set[str] | None = None
) -> list[dict[str, Any]]:
    """The new details worth listing: conflicting and widely repeated ones first, then in
    order of first report (the timeline's order). Details a summary sentence already
    states are left out: the list should add to the summary, not repeat it."""
    summary = summary or set()
    if summary:
        details = [
            d
            for d in details
            if not any(m["sentence"] in summary for m in d.get("mentions", d["reported_by"]))
        ]
    ranked = sorted(
        enumerate(details),
        key=lambda p: (-bool(p[1].get("conflicts")), -len(p[1].get("reported_by", [])), p[0]),
    )
    index = {id(d): i for i, d in enumerate(details)}
    kept = itertools.islice(one_per_sentence(d for _, d in ranked), limit)
    return [details[i] for i in sorted(index[id(d)] for d in kept)]


def sentence_boost(details: list[dict[str, Any]], saturate: int = 8) -> dict[str, float]:
    """Sentence -> 0..1: how widely the details it states were repeated by other outlets
    (log-scaled, 1.0 at ``saturate`` repeats). Feeds the summariser's relevance."""
    raw: dict[str, float] = {}
    for d in details:
        repeats = len({r["outlet"] for r in d.get("reported_by", [])}) - 1
        if repeats <= 0:
            continue
        for m in d.get("mentions", d.get("reported_by", [])):
            raw[m["sentence"]] = raw.get(m["sentence"], 0.0) + repeats
    return {k: min(1.0, math.log1p(v) / math.log1p(saturate)) for k, v in raw.items()}


def build_digest(
    store: Store,
    *,
    since: datetime | None,
    top: int = 10,
    model: str | None = None,
    weights: dict[str, float] | None = None,
    until: datetime | None = None,
    by: str = "published",
    max_details: int = 6,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    rank_params: RankParams | None = None,
    summary_params: SummaryParams | None = None,
) -> dict[str, Any]:
    """The digest document (JSON-ready) of the stories with new articles in the window.

    ``by`` is ``"published"`` (news time) or ``"arrival"`` (joined since ``since``); see
    the module docstring. ``weights`` maps outlet -> ranking weight (default: the
    ``sources`` table, i.e. sources.yaml)."""
    until = until or now_utc()
    rp = rank_params or RankParams()
    new_counts = store.stories_with_new_articles(since=since, until=until, by=by)
    ids = sorted(new_counts)
    members = store.story_members(ids)
    headers = {s["id"]: s for s in store.stories(ids=ids)} if ids else {}
    w = store.source_weights() if weights is None else dict(weights)
    seen = store.stories_seen_in_digests(ids)

    def is_new(m: dict[str, Any]) -> bool:
        if by == "arrival":
            joined = m["joined_at"]
            return (since is None or joined >= since) and joined < until
        return since is None or (m["published_at"] is not None and m["published_at"] >= since)

    cands: list[dict[str, Any]] = []
    for sid in ids:
        arts = [m for m in members.get(sid, []) if m["published_at"] is not None]
        new = [m for m in arts if is_new(m)]
        if not new or sid not in headers:
            continue
        timeline = store.timeline(sid) or {"details": [], "citations": []}
        new_urls = {m["url"] for m in new}
        new_details = [d for d in timeline["details"] if d["first_reported"]["url"] in new_urls]
        new_outlets = {m["outlet"] for m in new}
        cands.append(
            {
                "id": sid,
                "members": arts,
                "new": new,
                "timeline": timeline,
                "new_details": new_details,
                "w_outlets": sum(w.get(o, 1.0) for o in new_outlets),
                "w_articles": sum(w.get(m["outlet"], 1.0) for m in new),
                "last": max(m["published_at"] for m in new),
            }
        )
    if cands:
        newest = max(c["last"] for c in cands)
        for c in cands:
            behind_h = (newest - c["last"]).total_seconds() / 3600
            recency = 0.5 ** (behind_h / rp.half_life_h)
            parts = {
                "outlets": rp.outlets * math.log1p(c["w_outlets"]),
                "articles": rp.articles * math.log1p(c["w_articles"]),
                "details": rp.details * math.log1p(len(c["new_details"])),
                "recency": rp.recency * recency,
            }
            c["rank"] = {k: round(v, 4) for k, v in parts.items()}
            c["score"] = sum(parts.values())
    cands.sort(key=lambda c: (-c["score"], -c["last"].timestamp(), c["id"]))
    chosen = cands[: max(0, top)]

    if chosen and embed is None:
        embed = digest_embed(store, model or default_model(store))
    stories = []
    for c in chosen:
        sid = c["id"]
        arts = c["members"]
        timeline = c["timeline"]
        header = headers[sid]
        first = arts[0]
        new_ids = {m["id"] for m in c["new"]}
        assert embed is not None
        summary = summarize(
            [SummaryArticle(m["text"] or "", m["outlet"], m["url"], m["title"]) for m in arts],
            embed,
            summary_params,
            boost=sentence_boost(timeline["details"]),
        )
        shown = _pick_details(c["new_details"], max_details, {x.sentence for x in summary})
        conflicts = [
            {
                "detail_id": d["id"],
                "text": d["text"],
                "values": [{"value": x["value"], "outlets": x["outlets"]} for x in d["conflicts"]],
            }
            for d in timeline["details"]
            if d.get("conflicts")
        ]
        earlier = len(arts) - len(c["new"])
        stories.append(
            {
                "id": sid,
                "title": header["title"] or first["title"] or "(untitled story)",
                "rank_score": round(c["score"], 4),
                "rank": c["rank"],
                "is_update": sid in seen or earlier > 0,
                "previous_digest_at": iso(seen[sid]) if sid in seen else None,
                "first_reported": {
                    "outlet": first["outlet"],
                    "url": first["url"],
                    "published_at": iso(first["published_at"]),
                },
                "origin": _origin(timeline, arts),
                "summary": [s.as_json() for s in summary],
                "new_details": [_detail_json(d) for d in shown],
                "more_new_details": len(c["new_details"]) - len(shown),
                "conflicts": conflicts,
                "coverage": [
                    {
                        "outlet": m["outlet"],
                        "url": m["url"],
                        "title": m["title"],
                        "published_at": iso(m["published_at"]),
                        "is_new": m["id"] in new_ids,
                    }
                    for m in arts
                ],
                "article_count": len(arts),
                "outlet_count": len({m["outlet"] for m in arts}),
                "new_article_count": len(c["new"]),
                "first_published_at": iso(first["published_at"]),
                "last_published_at": iso(max(m["published_at"] for m in arts)),
                "updated_at": iso(last_activity(arts)),
            }
        )
    return {
        "generated_at": iso(now_utc()),
        "since": iso(since),
        "until": iso(until),
        "window": by,
        "story_count": len(stories),
        "candidate_count": len(cands),
        "stories": stories,
    }


# ---------------------------------------------------------------------------
# shared formatting helpers
# ---------------------------------------------------------------------------


def safe_url(url: str | None) -> str | None:
    """Only http(s) links make it into the output (no javascript:, data:, ...)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def human_time(value: str | None, with_time: bool = True) -> str:
    """'Apr 3, 13:05 UTC' (or 'Apr 3, 2026' for a bare date)."""
    if not value:
        return ""
    if len(value) == 10:
        d = datetime.fromisoformat(value)
        return f"{d:%b} {d.day}, {d.year}"
    dt = _parse_iso(value)
    assert dt is not None
    out = f"{dt:%b} {dt.day}, {dt.year}"
    return f"{out}, {dt:%H:%M} UTC" if with_time else out


def first_line(story: dict[str, Any]) -> str:
    """'First reported by The Information on Apr 3, 2026, per 3 outlets; first ingested …'"""
    fr = story["first_reported"]
    origin = story.get("origin")
    if origin:
        per = f", per {origin['cited_by']} outlets" if origin.get("cited_by") else ""
        return (
            f"First reported by {origin['outlet']} on {human_time(origin['date'])}{per}; "
            f"earliest article we have: {fr['outlet']}, {human_time(fr['published_at'])}."
        )
    return f"First reported by {fr['outlet']}, {human_time(fr['published_at'])}."


def story_tag(story_id: str) -> str:
    """The story's Atom entry id: stable for the life of the story."""
    return f"{TAG_AUTHORITY}:story/{quote(story_id, safe='-._~')}"


# ---------------------------------------------------------------------------
# SVG timeline picture (positions computed here, drawn by the template)
# ---------------------------------------------------------------------------


def timeline_picture(story: dict[str, Any], width: int = 480) -> dict[str, Any]:
    """Rows = outlets (in order of first appearance), x = time; the first reporter and a
    cited origin that predates the coverage are marked."""
    label_w, pad, row_h, top_pad = 150, 10, 20, 8
    x0, x1 = label_w + pad, width - pad
    points: list[dict[str, Any]] = []
    rows: list[str] = []
    origin = story.get("origin")
    origin_t = None
    if origin and origin.get("date"):
        origin_t = datetime.fromisoformat(origin["date"]).replace(tzinfo=UTC)
        rows.append(f"{origin['outlet']} (cited)")
    times = [_parse_iso(a["published_at"]) for a in story["coverage"]]
    all_t = [t for t in times if t is not None] + ([origin_t] if origin_t else [])
    t_min, t_max = min(all_t), max(all_t)
    span = (t_max - t_min).total_seconds()

    def x_of(t: datetime) -> float:
        if span <= 0:
            return round((x0 + x1) / 2, 1)
        return round(x0 + (x1 - x0) * (t - t_min).total_seconds() / span, 1)

    if origin_t is not None and origin is not None:
        points.append(
            {
                "x": x_of(origin_t),
                "y": top_pad + row_h / 2,
                "kind": "cited",
                "label": f"{origin['outlet']} (cited), {origin['date']}",
            }
        )
    for i, (a, t) in enumerate(zip(story["coverage"], times, strict=True)):
        if t is None:
            continue
        if a["outlet"] not in rows:
            rows.append(a["outlet"])
        kind = "first" if i == 0 else ("new" if a.get("is_new") else "old")
        points.append(
            {
                "x": x_of(t),
                "y": top_pad + rows.index(a["outlet"]) * row_h + row_h / 2,
                "kind": kind,
                "label": f"{a['outlet']}, {human_time(a['published_at'])}: {a['title'] or ''}",
            }
        )
    axis_y = top_pad + len(rows) * row_h + 4
    fmt_time = span < 2 * 86400
    ticks = []
    for frac in (0.0, 1.0) if span > 0 else (0.5,):
        t = t_min + timedelta(seconds=span * frac)
        label = f"{t:%b} {t.day}" + (f" {t:%H:%M}" if fmt_time else "")
        anchor = "start" if frac == 0.0 and span > 0 else ("end" if frac == 1.0 else "middle")
        ticks.append(
            {
                "x": x0 + (x1 - x0) * frac if span > 0 else (x0 + x1) / 2,
                "label": label,
                "anchor": anchor,
            }
        )
    return {
        "width": width,
        "height": axis_y + 20,
        "x0": x0,
        "x1": x1,
        "axis_y": axis_y,
        "rows": [{"label": r, "y": top_pad + k * row_h + row_h / 2} for k, r in enumerate(rows)],
        "points": points,
        "ticks": ticks,
        "label_w": label_w,
    }


# ---------------------------------------------------------------------------
# renderers
# ---------------------------------------------------------------------------

# Characters XML 1.0 forbids (and HTML5 reports as parse errors): C0 controls except
# tab/newline/CR, lone surrogates, U+FFFE/U+FFFF.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: Any) -> Any:
    """Drop characters no XML/HTML document may contain; other values pass through."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return _BAD_CHARS.sub("", value)
    return value


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _md(text: str | None) -> str:
    """Article text as inert Markdown: no links, emphasis or raw HTML sneak in."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


def _md_link(label: str | None, url: str | None) -> str:
    url = safe_url(url)
    if not url:
        return _md(label)
    return f"[{_md(label)}](<{url.replace('<', '%3C').replace('>', '%3E')}>)"


def render_markdown(doc: dict[str, Any]) -> str:
    since = human_time(doc["since"]) if doc["since"] else "the beginning"
    out = [
        "# firstwire digest",
        "",
        f"*{len(doc['stories'])} stories with news since {since} "
        f"(until {human_time(doc['until'])}).*",
    ]
    if not doc["stories"]:
        out += ["", "Nothing new in this window."]
    for n, s in enumerate(doc["stories"], start=1):
        update = " *(update)*" if s["is_update"] else ""
        out += ["", f"## {n}. {_md(s['title'])}{update}", ""]
        out.append(_md(first_line(s)))
        out.append(
            f"{s['article_count']} articles from {s['outlet_count']} outlets"
            f" ({s['new_article_count']} new)."
        )
        if s["summary"]:
            out.append("")
            for x in s["summary"]:
                out.append(f"> {_md(x['sentence'])} ({_md_link(x['outlet'], x['url'])})")
                out.append(">")
            out.pop()
        if s["new_details"]:
            out += ["", "**New details**", ""]
            for d in s["new_details"]:
                fr = d["first_reported"]
                out.append(
                    f"- {_md(d['text'])}: first by {_md_link(fr['outlet'], fr['url'])}, "
                    f"{human_time(fr['published_at'], with_time=False)}"
                )
            if s["more_new_details"]:
                out.append(f"- and {s['more_new_details']} more")
        if s["conflicts"]:
            out += ["", "**Conflicts**", ""]
            for c in s["conflicts"]:
                says = "; ".join(
                    f"{_md(v['value'])} ({_md(', '.join(v['outlets']))})" for v in c["values"]
                )
                out.append(f"- {_md(c['text'])}: {says}")
        out += ["", "**Coverage**", ""]
        for a in s["coverage"]:
            new = " *new*" if a["is_new"] else ""
            out.append(
                f"- {human_time(a['published_at'])} {_md_link(a['outlet'], a['url'])}: "
                f"{_md(a['title'])}{new}"
            )
    return "\n".join(out) + "\n"


_html_env: Any = None


def _env() -> Any:
    """The shared template environment, plus the digest's filters and a finalize step
    that drops characters an HTML document may not contain."""
    global _html_env
    if _html_env is None:
        from pipeline.render import template_env

        _html_env = template_env().overlay(finalize=clean_text)
        _html_env.filters["safe_url"] = safe_url
        _html_env.filters["human_time"] = human_time
    return _html_env


def render_html(doc: dict[str, Any]) -> str:
    env = _env()
    stories = [
        {**s, "first_line": first_line(s), "picture": timeline_picture(s)} for s in doc["stories"]
    ]
    return env.get_template("digest.html").render(doc=doc, stories=stories)


def _story_html(s: dict[str, Any]) -> str:
    """The Atom entry's content: a small HTML fragment, every value escaped."""

    def link(label: str | None, url: str | None) -> str:
        u = safe_url(url)
        return f'<a href="{escape(u)}">{escape(label or "")}</a>' if u else escape(label or "")

    parts = [f"<p>{escape(first_line(s))}</p>"]
    parts.append(
        f"<p>{s['article_count']} articles from {s['outlet_count']} outlets "
        f"({s['new_article_count']} new).</p>"
    )
    if s["summary"]:
        parts.append(
            "<blockquote>"
            + "".join(
                f"<p>{escape(x['sentence'])} ({link(x['outlet'], x['url'])})</p>"
                for x in s["summary"]
            )
            + "</blockquote>"
        )
    if s["new_details"]:
        parts.append(
            "<p><strong>New details</strong></p><ul>"
            + "".join(
                f"<li>{escape(d['text'])}: first by "
                f"{link(d['first_reported']['outlet'], d['first_reported']['url'])}</li>"
                for d in s["new_details"]
            )
            + "</ul>"
        )
    if s["conflicts"]:
        parts.append(
            "<p><strong>Conflicts</strong></p><ul>"
            + "".join(
                "<li>"
                + escape(c["text"])
                + ": "
                + escape(
                    "; ".join(f"{v['value']} ({', '.join(v['outlets'])})" for v in c["values"])
                )
                + "</li>"
                for c in s["conflicts"]
            )
            + "</ul>"
        )
    parts.append(
        "<p><strong>Coverage</strong></p><ul>"
        + "".join(
            f"<li>{escape(human_time(a['published_at']))} {link(a['outlet'], a['url'])}: "
            f"{escape(a['title'] or '')}</li>"
            for a in s["coverage"]
        )
        + "</ul>"
    )
    return "".join(parts)


def render_atom(doc: dict[str, Any], feed_id: str = f"{TAG_AUTHORITY}:digest") -> str:
    """An Atom 1.0 feed: one entry per story, id stable per story, updated = last activity."""
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(
            parent, f"{{{ATOM_NS}}}{tag}", {k: clean_text(v) for k, v in attrs.items()}
        )
        if text is not None:
            el.text = clean_text(text)
        return el

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", feed_id)
    sub(feed, "title", "firstwire digest")
    sub(feed, "subtitle", "AI-hardware stories: who reported first, what is new, who disagrees")
    sub(feed, "updated", doc["generated_at"])
    author = sub(feed, "author")
    sub(author, "name", "firstwire")
    sub(feed, "generator", "firstwire")
    for s in doc["stories"]:
        entry = sub(feed, "entry")
        sub(entry, "id", story_tag(s["id"]))
        sub(entry, "title", ("Update: " if s["is_update"] else "") + s["title"])
        sub(entry, "updated", s["updated_at"])
        sub(entry, "published", s["first_published_at"])
        url = safe_url(s["first_reported"]["url"])
        if url:
            sub(entry, "link", rel="alternate", type="text/html", href=url)
        summary = " ".join(x["sentence"] for x in s["summary"]) or first_line(s)
        sub(entry, "summary", summary, type="text")
        sub(entry, "content", _story_html(s), type="html")
        if s["is_update"]:
            sub(entry, "category", term="update")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def render_digest(doc: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return render_markdown(doc)
    if fmt == "html":
        return render_html(doc)
    if fmt == "atom":
        return render_atom(doc)
    raise DigestError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")


# ---------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------


def resolve_since(store: Store, since: str, now: datetime) -> tuple[datetime | None, str]:
    """(window start, 'published' | 'arrival') for a --since value."""
    if since.strip().lower() == "last":
        last = store.last_digest()
        return (last["until"] if last else None), "arrival"
    try:
        return parse_since(since, now), "published"
    except ValueError as exc:
        raise DigestError(
            str(exc).replace("or 'all'", "'all', or 'last' (since the previous digest)")
        ) from None


def write_digest(
    db: Path,
    *,
    since: str,
    fmt: str,
    out: Path | None,
    top: int = 10,
    model: str | None = None,
    record: bool = True,
    weights: dict[str, float] | None = None,
) -> Path | str:
    """Build, render and (with ``out``) write a digest. Returns the path written, or the
    rendered text when ``out`` is None. With ``record`` the digest is remembered, so the
    next ``--since last`` starts where this one ended."""
    if fmt not in FORMATS:
        raise DigestError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if top < 1:
        raise DigestError(f"--top {top}: must be at least 1")
    if not Path(db).exists():
        raise DigestError(f"{db}: no database yet (run `firstwire ingest` first)")
    now = now_utc()
    try:
        with Store(db) as store:
            start, by = resolve_since(store, since, now)
            doc = build_digest(
                store, since=start, top=top, model=model, weights=weights, until=now, by=by
            )
            text = render_digest(doc, fmt)
            if out is not None:
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
            if record:
                store.record_digest(
                    since=start,
                    until=now,
                    fmt=fmt,
                    out_path=str(out) if out is not None else None,
                    story_ids=[s["id"] for s in doc["stories"]],
                    doc=doc,
                )
    except StoreError as exc:
        raise DigestError(str(exc)) from None
    return out if out is not None else text


def digest_sentences(doc: dict[str, Any]) -> Sequence[tuple[str, str]]:
    """(story id, summary sentence) pairs; for tests and benchmarks."""
    return [(s["id"], x["sentence"]) for s in doc["stories"] for x in s["summary"]]

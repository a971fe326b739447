"""Render a timeline document (CONTRACT.md JSON) as text, Markdown or HTML.

The text form reads like a newsroom timeline:

    2026-04-03  The Compute Report (cited by 9 outlets)  first: runs on Ascend 950PR; ...
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


def _day(value: str | None) -> str:
    return (value or "")[:10]


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def cited_by_counts(doc: dict[str, Any]) -> Counter[str]:
    """How many distinct outlets cite each outlet in this story."""
    pairs = {(c["cited_outlet"], c["citing_outlet"]) for c in doc.get("citations", [])}
    return Counter(cited for cited, _ in pairs)


def one_per_sentence(details: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The details, keeping the first of those first reported in the same sentence: a
    sentence that gives a value is both a value detail ("the last two weeks of April")
    and a statement detail (the sentence), and a list of news should not say it twice."""
    seen: set[str] = set()
    for d in details:
        sentence = (d.get("first_reported") or {}).get("sentence")
        if sentence and sentence in seen:
            continue
        if sentence:
            seen.add(sentence)
        yield d


def timeline_entries(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Chronological entries: every article with the details it was first to report, and
    the cited origins (marked as cited) of details they predate, each on its own day (a
    cited origin before the articles of its day: it predates the detail's first report)."""
    details = {d["id"]: d for d in doc["details"]}
    cited = cited_by_counts(doc)
    entries: list[dict[str, Any]] = []
    first_day = _day(doc["articles"][0]["published_at"]) if doc["articles"] else ""
    ingested = {a["outlet"] for a in doc["articles"]}
    seen_origins: set[tuple[str, str]] = set()
    origin = doc.get("origin")
    if origin and origin.get("date") and origin["date"] < first_day:
        key = (origin["outlet"], origin["date"])
        seen_origins.add(key)
        entries.append(
            {
                "date": origin["date"],
                "outlet": origin["outlet"],
                "cited": True,
                "cited_by": cited.get(origin["outlet"], 0),
                "first": [],
                "evidence": origin["evidence"],
                "citing_outlet": origin["citing_outlet"],
                "url": None,
                "title": None,
            }
        )
    for d in doc["details"]:
        o = d.get("cited_origin")
        if o and o.get("date") and o.get("predates_first_report") and o["outlet"] not in ingested:
            key = (o["outlet"], o["date"])
            if key in seen_origins:
                for e in entries:
                    if e["cited"] and (e["outlet"], e["date"]) == key:
                        e["first"].append(d["text"])
                continue
            seen_origins.add(key)
            entries.append(
                {
                    "date": o["date"],
                    "outlet": o["outlet"],
                    "cited": True,
                    "cited_by": cited.get(o["outlet"], 0),
                    "first": [d["text"]],
                    "evidence": o["evidence"],
                    "citing_outlet": o["citing_outlet"],
                    "url": None,
                    "title": None,
                }
            )
    for a in doc["articles"]:
        entries.append(
            {
                "date": _day(a["published_at"]),
                "time": a["published_at"],
                "outlet": a["outlet"],
                "cited": False,
                "cited_by": cited.get(a["outlet"], 0),
                # the details most outlets went on to repeat first: the scoop's news
                # before its background
                "first": [
                    d["text"]
                    for d in one_per_sentence(
                        details[i]
                        for i in sorted(
                            (i for i in a.get("new_details", []) if i in details),
                            key=lambda i: -len(details[i].get("reported_by", [])),
                        )
                    )
                ],
                "url": a["url"],
                "title": a["title"],
            }
        )
    # stable: the articles keep their order (publication time) within a day
    entries.sort(key=lambda e: (e["date"], not e["cited"]))
    return entries


def render_text(doc: dict[str, Any], max_first: int = 4) -> str:
    story = doc["story"]
    lines = [
        f"{story['title']}",
        f"story {story['id']} · {story['article_count']} articles from "
        f"{story['outlet_count']} outlets · {_day(story['first_published_at'])} → "
        f"{_day(story['last_published_at'])}",
        "",
    ]
    origin = doc.get("origin")
    if origin:
        lines.append(
            f"Credited origin: {origin['outlet']} on {origin['date']} "
            f"(cited by {origin['cited_by']} outlet{'s' if origin['cited_by'] != 1 else ''})"
        )
        lines.append("")
    for e in timeline_entries(doc):
        n = e["cited_by"]
        cited = f" (cited by {n} outlet{'s' if n != 1 else ''})" if n else ""
        marker = "  [cited, not ingested]" if e["cited"] else ""
        first = "; ".join(_short(t, 60) for t in e["first"][:max_first])
        more = f"; +{len(e['first']) - max_first} more" if len(e["first"]) > max_first else ""
        head = f"{e['date']}  {e['outlet']}{cited}{marker}"
        lines.append(f"{head}  first: {first}{more}" if first else head)
        if e["cited"]:
            lines.append(f"            per {e['citing_outlet']}: “{_short(e['evidence'], 110)}”")
    conflicts = [d for d in doc["details"] if d["conflicts"]]
    if conflicts:
        lines += ["", "Conflicts:"]
        for d in conflicts:
            says = "; ".join(f"{c['value']} ({', '.join(c['outlets'])})" for c in d["conflicts"])
            lines.append(f"  {d['id']} {_short(d['text'], 50)}: {says}")
    return "\n".join(lines)


def render_markdown(doc: dict[str, Any]) -> str:
    story = doc["story"]
    out = [f"# {story['title']}", ""]
    out.append(
        f"*{story['article_count']} articles from {story['outlet_count']} outlets, "
        f"{_day(story['first_published_at'])} to {_day(story['last_published_at'])}. "
        f"Story `{story['id']}`.*"
    )
    out += ["", "## Timeline", ""]
    for e in timeline_entries(doc):
        who = f"[{e['outlet']}]({e['url']})" if e.get("url") else f"**{e['outlet']}** (cited)"
        first = "; ".join(e["first"][:5])
        out.append(f"- **{e['date']}** {who}" + (f": first to report {first}" if first else ""))
    out += [
        "",
        "## Details",
        "",
        "| detail | first reported | cited origin | repeated by | conflict |",
        "| --- | --- | --- | --- | --- |",
    ]
    for d in doc["details"]:
        fr = d["first_reported"]
        o = d.get("cited_origin")
        origin = f"{o['outlet']} {o['date'] or ''}".strip() if o else ""
        conflict = "; ".join(f"{c['value']} ({', '.join(c['outlets'])})" for c in d["conflicts"])
        cell = _short(d["text"], 90).replace("|", "\\|")
        out.append(
            f"| {cell} | {fr['outlet']} {_day(fr['published_at'])} | {origin} | "
            f"{len(d['reported_by'])} | {conflict.replace('|', '/')} |"
        )
    return "\n".join(out) + "\n"


_env: Environment | None = None


def template_env() -> Environment:
    global _env
    if _env is None:
        _env = Environment(
            loader=PackageLoader("pipeline", "templates"),
            autoescape=select_autoescape(["html", "xml", "j2"], default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        _env.filters["day"] = _day
        _env.filters["short"] = _short
    return _env


def render_html(doc: dict[str, Any]) -> str:
    return (
        template_env()
        .get_template("timeline.html")
        .render(doc=doc, story=doc["story"], entries=timeline_entries(doc))
    )

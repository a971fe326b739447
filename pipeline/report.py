"""Terminal rendering of run history (``firstwire runs``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.console import Console
from rich.table import Table


def _fmt_time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%SZ") if value else "-"


def print_runs(rows: list[dict[str, Any]], events: list[dict[str, Any]] | None) -> None:
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    if not rows:
        console.print("No runs yet: run `firstwire ingest`.")
        return
    table = Table(title="Recent runs", show_lines=False)
    for col in (
        "run",
        "started (UTC)",
        "took",
        "status",
        "feeds ok/304/failed",
        "articles new/upd/skip/failed",
        "stories",
        "note",
    ):
        table.add_column(col)
    for row in rows:
        s = row["stats"] or {}
        f, a = s.get("feeds", {}), s.get("articles", {})
        st = s.get("stories", {})
        took = f"{s.get('seconds', 0):.1f}s" if s.get("seconds") is not None else "-"
        table.add_row(
            str(row["id"]),
            _fmt_time(row["started_at"]),
            took,
            row["status"],
            f"{f.get('fetched', 0)}/{f.get('not_modified', 0)}/{f.get('failed', 0)}",
            f"{a.get('new', 0)}/{a.get('updated', 0)}/{a.get('skipped', 0)}/{a.get('failed', 0)}",
            f"{st.get('new_stories', 0)} new, {st.get('joined', 0)} joined" if st else "-",
            (row["error"] or _run_note(row))[:60],
        )
    console.print(table)
    if events is not None:
        bad = [e for e in events if e["outcome"] not in ("fetched", "not_modified")]
        if not bad:
            console.print(f"Run {rows[0]['id']}: no failures.")
            return
        t2 = Table(title=f"Run {rows[0]['id']}: problems")
        for col in ("stage", "outcome", "url", "detail"):
            t2.add_column(col)
        for e in bad:
            t2.add_row(e["stage"], e["outcome"], e["url"] or "", e["detail"] or "")
        console.print(t2)


def _run_note(row: dict[str, Any]) -> str:
    """What a run that was not an ingest did: "recompute: 47 timelines"."""
    command = row.get("command") or "ingest"
    if command == "ingest":
        return ""
    d = (row["stats"] or {}).get("details") or {}
    return f"{command}: {d.get('timelines', 0)} timelines" if d else command


def print_stories(stories: list[dict[str, Any]], since: str) -> None:
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)  # logs and pipes: one row per story
    if not stories:
        console.print(f"No stories since {since}. Try --since all.")
        return
    table = Table(title=f"Stories (since {since}), newest activity first")
    table.add_column("id", no_wrap=True)
    table.add_column("last article (UTC)", no_wrap=True)
    table.add_column("arts", justify="right")
    table.add_column("outlets", justify="right")
    table.add_column("title", ratio=1)
    table.add_column("first reported by")
    for s in stories:
        first = s["articles"][0] if s["articles"] else None
        table.add_row(
            s["id"],
            _fmt_time(s["last_published_at"])[:16],
            str(s["article_count"]),
            str(s["outlet_count"]),
            s["title"] or "",
            f"{first['outlet']} {first['published_at']:%Y-%m-%d}" if first else "",
        )
    console.print(table)

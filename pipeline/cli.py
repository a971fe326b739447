"""The ``firstwire`` command. Thin: each command parses options, calls one function, prints.

Heavy imports (trafilatura, torch, sentence-transformers) happen inside commands so
``firstwire --help`` and the read-only commands start instantly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    name="firstwire",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    help="Who reported it first? Clusters AI-hardware news into stories and traces each "
    "detail to the outlet that first reported it.",
)

SourcesOpt = Annotated[
    Path, typer.Option("--sources", "-s", help="sources.yaml: outlets, feeds and settings.")
]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
DEFAULT_SOURCES = Path("sources.yaml")
DEFAULT_DB = Path("data/firstwire.duckdb")


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line reason on stderr and return the Exit to raise."""
    typer.echo(f"firstwire: error: {message}", err=True)
    return typer.Exit(code)


def _json_out(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


# ---------------------------------------------------------------------------
# ingest / runs
# ---------------------------------------------------------------------------


@app.command()
def ingest(
    sources: SourcesOpt = DEFAULT_SOURCES,
    db: DbOpt = DEFAULT_DB,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar; one summary line.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the run's statistics as JSON (for logs).")
    ] = False,
    wait: Annotated[
        float,
        typer.Option(help="Seconds to wait if another run holds the database, then give up."),
    ] = 0.0,
    workers: Annotated[
        int | None, typer.Option(help="Extraction processes (default: one per core).")
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help="sentence-transformers model (overrides settings.model)."),
    ] = None,
) -> None:
    """Fetch every feed, extract new articles, embed, cluster into stories, find details.

    The daily cron job: incremental (only new articles cost anything), idempotent (a second
    run over unchanged feeds stores nothing), and safe to kill (the next run resumes).
    Exit status is non-zero, with a one-line reason, when the run could not do its job.
    """
    from pipeline.runner import IngestError, run_ingest

    try:
        report = run_ingest(
            sources,
            db,
            quiet=quiet or as_json,
            wait=wait,
            workers=workers,
            model=model,
        )
    except IngestError as exc:
        raise fail(str(exc)) from None
    if as_json:
        _json_out(
            {
                "run_id": report.run_id,
                "status": report.status,
                "error": report.error,
                **report.stats,
            }
        )
    else:
        typer.echo(report.summary_line())
    if report.status == "failed":
        raise fail(report.error or "ingest failed")


@app.command()
def runs(
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many runs.")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List the failed feeds/articles of the last run.")
    ] = False,
) -> None:
    """What the last runs did: feeds fetched, not modified, failed; articles new/updated/skipped."""
    from pipeline.report import print_runs
    from pipeline.store import Store, StoreError

    try:
        with Store(db, read_only=True) as store:
            rows = store.runs(limit)
            events = store.run_events(rows[0]["id"]) if rows and (errors or as_json) else []
    except StoreError as exc:
        raise fail(str(exc)) from None
    if as_json:
        _json_out({"runs": rows, "last_run_events": events})
        return
    print_runs(rows, events if errors else None)


app.command("status", help="Alias of runs: what the last runs did.")(runs)


# ---------------------------------------------------------------------------
# stories / recluster
# ---------------------------------------------------------------------------


@app.command()
def stories(
    db: DbOpt = DEFAULT_DB,
    since: Annotated[
        str, typer.Option(help="Stories active since: 7d, 24h, 2w, an ISO date, or 'all'.")
    ] = "7d",
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table or json (the contract's JSON).")
    ] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many stories.")] = None,
    min_articles: Annotated[
        int, typer.Option(help="Hide stories with fewer articles than this.")
    ] = 1,
) -> None:
    """Stories, newest activity first, with article and outlet counts."""
    from pipeline.store import Store, StoreError
    from pipeline.timeutil import parse_since
    from pipeline.views import stories_json

    if fmt not in ("table", "json"):
        raise fail(f"--format {fmt!r}: choose table or json")
    try:
        cutoff = parse_since(since)
    except ValueError as exc:
        raise fail(str(exc)) from None
    try:
        with Store(db, read_only=True) as store:
            rows = store.stories(since=cutoff, limit=limit)
    except StoreError as exc:
        raise fail(str(exc)) from None
    rows = [r for r in rows if r["article_count"] >= min_articles]
    if fmt == "json":
        _json_out(stories_json(rows))
        return
    from pipeline.report import print_stories

    print_stories(rows, since)


@app.command()
def recluster(
    sources: SourcesOpt = DEFAULT_SOURCES,
    db: DbOpt = DEFAULT_DB,
    since: Annotated[
        str, typer.Option(help="Rebuild stories of articles published since (e.g. 30d, all).")
    ] = "30d",
    model: Annotated[
        str | None, typer.Option(help="Embedding model to rebuild with (default: settings).")
    ] = None,
    wait: Annotated[float, typer.Option(help="Seconds to wait for a running ingest.")] = 0.0,
) -> None:
    """Rebuild stories from scratch for a window (after a model or threshold change).

    Old story ids that disappear are recorded as redirects to the new story holding most
    of their articles, so bookmarks and digests citing them still resolve.
    """
    from datetime import UTC, datetime

    from pipeline.cluster import ClusterParams
    from pipeline.runlock import RunLock, RunLockedError
    from pipeline.sources import SourcesError, load_sources
    from pipeline.stages import recluster as do_recluster
    from pipeline.store import Store, StoreError
    from pipeline.timeline import details_stage
    from pipeline.timeutil import parse_since

    try:
        config = load_sources(sources)
        start = parse_since(since) or datetime(1970, 1, 1, tzinfo=UTC)
    except (SourcesError, ValueError) as exc:
        raise fail(str(exc)) from None
    chosen = model or config.settings.model
    params = ClusterParams(window_days=float(config.settings.story_window_days))
    try:
        with RunLock(db, wait), Store(db) as store:
            run_id = store.start_run("recluster")
            result = do_recluster(
                store,
                start=start,
                end=datetime.now(UTC),
                model=chosen,
                params=params,
                run_id=run_id,
            )
            stats: dict[str, Any] = {"recluster": result}
            # new story ids need their timelines (details, citations) computed
            details_stage(store, run_id, stats, None, model=chosen, config=config)
            store.finish_run(run_id, "ok", stats)
    except (RunLockedError, StoreError) as exc:
        raise fail(str(exc)) from None
    typer.echo(
        f"reclustered {result['articles']} articles: {result['old_stories']} old stories -> "
        f"{result['new_stories']} new; {result['redirects']} old ids redirected"
    )


@app.command()
def recompute(
    sources: SourcesOpt = DEFAULT_SOURCES,
    db: DbOpt = DEFAULT_DB,
    model: Annotated[
        str | None, typer.Option(help="Embedding model for the claims (default: settings).")
    ] = None,
    wait: Annotated[float, typer.Option(help="Seconds to wait for a running ingest.")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Recompute every story's timeline (details, citations, first reporters, conflicts)
    with the current rules: after upgrading firstwire or adding outlet aliases.

    The daily ingest only recomputes stories that gained articles, so older timelines
    keep the rules they were computed with. Stories and articles are untouched; claim
    vectors come from the sentence cache, so this costs about 15 s per 1,000 articles
    plus the encoding of claims the new rules read differently.
    """
    import sys
    import time

    from pipeline.ingest import NoProgress
    from pipeline.runlock import RunLock, RunLockedError
    from pipeline.runner import RichProgress
    from pipeline.sources import SourcesError, load_sources
    from pipeline.store import Store, StoreError
    from pipeline.timeline import details_stage

    try:
        config = load_sources(sources)
    except SourcesError as exc:
        raise fail(str(exc)) from None
    chosen = model or config.settings.model
    display = RichProgress() if not quiet and sys.stderr.isatty() else NoProgress()
    try:
        with RunLock(db, wait), Store(db) as store, display:
            started = time.monotonic()
            run_id = store.start_run("recompute")
            dropped = store.forget_timelines()
            stats: dict[str, Any] = {"recompute": {"timelines_dropped": dropped}}
            details_stage(store, run_id, stats, display, model=chosen, config=config)
            stats["seconds"] = round(time.monotonic() - started, 2)
            store.finish_run(run_id, "ok", stats)
    except (RunLockedError, StoreError) as exc:
        raise fail(str(exc)) from None
    d = stats["details"]
    typer.echo(
        f"recomputed {d['timelines']} timelines ({dropped} before): {d['details']} details, "
        f"{d['citations']} citations, {d['conflicts']} conflicts"
    )


@app.command()
def timeline(
    story_id: Annotated[
        str | None, typer.Argument(help="Story id (from `firstwire stories`).")
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", help="Pick the story of this article URL instead.")
    ] = None,
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, json, markdown or html.")
    ] = "text",
) -> None:
    """One story's timeline: who reported it first, and which outlet first reported each
    detail, with cited origins and conflicts."""
    from pipeline.render import render_html, render_markdown, render_text
    from pipeline.store import Store, StoreError
    from pipeline.timeline import load_timeline
    from pipeline.urls import canonicalize

    if fmt not in ("text", "json", "markdown", "html"):
        raise fail(f"--format {fmt!r}: choose text, json, markdown or html")
    if (story_id is None) == (url is None):
        raise fail("give a STORY_ID or --url URL (one of them)")
    try:
        with Store(db, read_only=True) as store:
            if url is not None:
                sid = store.story_of_url(canonicalize(url)) or store.story_of_url(url)
                if sid is None:
                    raise fail(f"no stored article has the URL {url}")
            else:
                sid = story_id
            assert sid is not None
            doc = load_timeline(store, sid)
    except StoreError as exc:
        raise fail(str(exc)) from None
    if doc is None:
        raise fail(f"no story {sid!r} (see `firstwire stories --since all`)")
    if fmt == "json":
        _json_out(doc)
    elif fmt == "markdown":
        typer.echo(render_markdown(doc))
    elif fmt == "html":
        typer.echo(render_html(doc))
    else:
        typer.echo(render_text(doc))


# ---------------------------------------------------------------------------
# serve
# ---------------------------------------------------------------------------


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Interface to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port to listen on.")] = 8000,
    lock_wait: Annotated[
        float,
        typer.Option(
            help="Seconds a request waits while an ingest run writes the database "
            "before it shows the last state it read (or answers 503, busy)."
        ),
    ] = 3.0,
) -> None:
    """Serve a read-only web app: stories, story timelines, digests, runs, and a JSON API
    (/api/stories, /api/stories/ID/timeline, /openapi.json).

    It never writes the database and holds it only for the moment of each request, so it
    keeps serving while `firstwire ingest` runs.
    """
    import uvicorn

    from pipeline.web import create_app

    if not db.exists():
        raise fail(f"{db}: no database yet (run `firstwire ingest` first)")
    typer.echo(f"firstwire: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(create_app(db, lock_wait_s=lock_wait), host=host, port=port, log_level="warning")


# ---------------------------------------------------------------------------
# digest / export
# ---------------------------------------------------------------------------


@app.command()
def digest(
    db: DbOpt = DEFAULT_DB,
    since: Annotated[
        str,
        typer.Option(
            help="Window: 24h, 7d, an ISO date, 'all' (articles published since), or 'last' "
            "(articles that arrived since the previous digest; for a daily cron)."
        ),
    ] = "24h",
    top: Annotated[int, typer.Option(help="At most this many stories, best ranked first.")] = 10,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="markdown, html, json or atom.")
    ] = "markdown",
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file (default: stdout).")
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            "-s",
            help="Take ranking weights from this sources.yaml (default: as last ingested).",
        ),
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="Sentence model for summaries (default: the stories').")
    ] = None,
    record: Annotated[
        bool,
        typer.Option(help="Remember this digest, so the next `--since last` starts after it."),
    ] = True,
) -> None:
    """The digest: stories with news in the window, ranked, each with an extractive
    summary, who reported it first, new details, conflicts and the coverage list."""
    from pipeline.digest import DigestError, write_digest
    from pipeline.embed import EmbeddingModelError
    from pipeline.sources import SourcesError, load_sources

    try:
        weights = {s.name: s.weight for s in load_sources(sources).sources} if sources else None
        result = write_digest(
            db,
            since=since,
            fmt=fmt,
            out=out,
            top=top,
            model=model,
            record=record,
            weights=weights,
        )
    except (DigestError, SourcesError, EmbeddingModelError) as exc:
        raise fail(str(exc)) from None
    if out is None:
        typer.echo(str(result), nl=False)
    else:
        typer.echo(f"digest written to {result}", err=True)


@app.command("export")
def export_cmd(
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Directory for the four files (created).")
    ] = Path("data/export"),
) -> None:
    """Export articles, stories, details and citations (one file each) for pandas, polars
    or DuckDB. Raw HTML and vectors are never exported."""
    from pipeline.export import ExportError, export
    from pipeline.store import StoreError

    try:
        written = export(db, fmt, out)
    except (ExportError, StoreError) as exc:
        raise fail(str(exc)) from None
    for table, (path, rows) in written.items():
        typer.echo(f"{table:<10} {rows:>7} rows  {path}")


# ---------------------------------------------------------------------------
# demo
# ---------------------------------------------------------------------------


@app.command()
def demo(
    sample: Annotated[
        Path | None, typer.Option(help="Sample corpus directory (default: the bundled one).")
    ] = None,
    db: Annotated[Path, typer.Option(help="Demo database (recreated).")] = Path(
        "data/demo/firstwire.duckdb"
    ),
    out: Annotated[Path, typer.Option(help="Where to write the HTML digest.")] = Path(
        "data/demo/digest.html"
    ),
) -> None:
    """Serve the bundled sample corpus on 127.0.0.1, ingest it, and show what firstwire finds."""
    from pipeline.demo import DemoError, run_demo

    try:
        run_demo(sample, db, out)
    except DemoError as exc:
        raise fail(str(exc)) from None


def main() -> None:  # pragma: no cover - console entry point
    app(prog_name="firstwire")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

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
        _json_out({"run_id": report.run_id, "status": report.status, "error": report.error,
                   **report.stats})
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
            events = (
                store.run_events(rows[0]["id"]) if rows and (errors or as_json) else []
            )
    except StoreError as exc:
        raise fail(str(exc)) from None
    if as_json:
        _json_out({"runs": rows, "last_run_events": events})
        return
    print_runs(rows, events if errors else None)


app.command("status", help="Alias of `runs`.")(runs)


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

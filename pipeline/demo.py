"""`firstwire demo`: the whole pipeline on the bundled sample corpus, offline.

Serves data/sample/site on 127.0.0.1 (a random free port), points a copy of the sample
sources.yaml at it, ingests into a fresh demo database, then prints the stories, the
timeline of the biggest story, and writes the HTML digest.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from rich.console import Console

DEFAULT_SAMPLE = Path(__file__).resolve().parent.parent / "data" / "sample"


class DemoError(RuntimeError):
    pass


def run_demo(sample: Path | None, db: Path, out: Path) -> None:
    from pipeline.runner import IngestError, run_ingest
    from pipeline.sample_server import SampleServer, rewrite_sources

    console = Console()
    sample = sample or DEFAULT_SAMPLE
    site = sample / "site"
    sources_file = sample / "sources.yaml"
    if not site.is_dir() or not sources_file.is_file():
        raise DemoError(
            f"{sample}: no sample corpus (expected site/ and sources.yaml; "
            "build it with `python data/sample/build.py`)"
        )
    for path in (db, Path(str(db) + ".wal")):
        if path.exists():
            path.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with SampleServer(site) as server, tempfile.TemporaryDirectory() as tmp:
        console.print(f"[bold]firstwire demo[/]: serving the sample corpus at {server.base_url}")
        local_sources = Path(tmp) / "sources.yaml"
        local_sources.write_text(
            rewrite_sources(sources_file.read_text(encoding="utf-8"), server.base_url),
            encoding="utf-8",
        )
        try:
            report = run_ingest(local_sources, db)
        except IngestError as exc:
            raise DemoError(str(exc)) from None
    console.print(report.summary_line())
    console.print()
    _show(db, out, console)
    console.print(
        f"\nDone in {time.monotonic() - started:.0f}s. Database: {db} "
        f"(try `firstwire stories --db {db} --since all`)."
    )


def _show(db: Path, out: Path, console: Console) -> None:
    from pipeline.render import render_text
    from pipeline.report import print_stories
    from pipeline.store import Store
    from pipeline.timeline import load_timeline

    with Store(db, read_only=True) as store:
        stories = store.stories()
        print_stories(stories, "all")
        if not stories:
            return
        main = max(stories, key=lambda s: (s["article_count"], s["outlet_count"]))
        doc = load_timeline(store, main["id"])
    console.print()
    console.rule(f"Timeline of the biggest story ({main['id']})")
    if doc:
        console.print(render_text(doc), markup=False, highlight=False)
    try:
        from pipeline.digest import write_digest
    except ImportError:
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    path = write_digest(db, since="all", fmt="html", out=out, record=False)
    console.print()
    console.print(f"HTML digest written to [bold]{path}[/] (open it in a browser).")


__all__ = ["DemoError", "run_demo"]

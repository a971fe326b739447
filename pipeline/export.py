"""`firstwire export`: the articles, stories, details and citations tables as files for
pandas, polars or DuckDB users.

One file per table (``articles.parquet``, ``stories.parquet``, ...), written by DuckDB's
COPY, so even a large database streams to disk without passing through Python. ``jsonl``
is DuckDB's newline-delimited JSON. Times are UTC (naive timestamps). Never exported:
raw HTML and vectors (the articles' ``text`` is included).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.store import EXPORT_QUERIES, Store

EXPORT_FORMATS = ("parquet", "csv", "jsonl")
EXPORT_TABLES = tuple(EXPORT_QUERIES)


class ExportError(RuntimeError):
    """The export could not be written (bad format, missing database)."""


def export(db: Path, fmt: str, out_dir: Path) -> dict[str, tuple[Path, int]]:
    """Write every export table to ``out_dir``; returns table -> (path, row count)."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"--format {fmt!r}: choose one of {', '.join(EXPORT_FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, tuple[Path, int]] = {}
    with Store(db, read_only=True) as store:
        for table in EXPORT_TABLES:
            path = out_dir / f"{table}.{fmt}"
            written[table] = (path, store.copy_table(table, fmt, path))
    return written

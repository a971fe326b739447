"""Wire a full ingest run together: config, lock, progress display, and the stages."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from pipeline.ingest import Ingest, IngestReport, NoProgress, Progress
from pipeline.runlock import RunLockedError
from pipeline.sources import SourcesConfig, SourcesError, load_sources
from pipeline.store import StoreError


class IngestError(RuntimeError):
    """One-line reason the run could not start or finish."""


class RichProgress:
    """A progress bar per stage on stderr (only used on a terminal)."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._progress = Progress(
            TextColumn("{task.description:>10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task: Any = None

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def stage(self, name: str, total: int | None) -> None:
        self._task = self._progress.add_task(name, total=total)

    def advance(self, n: int = 1) -> None:
        if self._task is not None:
            self._progress.advance(self._task, n)


def default_stages(config: SourcesConfig, model: str | None = None) -> list[Any]:
    """The stages after fetching: embedding + clustering, then details and citations."""
    stages: list[Any] = []
    try:
        from pipeline.stages import story_stages
    except ImportError:  # stages not available in a minimal install
        return stages
    stages.extend(story_stages(config, model))
    return stages


def run_ingest(
    sources: Path,
    db: Path,
    *,
    quiet: bool = False,
    wait: float = 0.0,
    workers: int | None = None,
    model: str | None = None,
    config: SourcesConfig | None = None,
    stages: list[Any] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    try:
        config = config or load_sources(sources)
    except SourcesError as exc:
        raise IngestError(str(exc)) from None
    if stages is None:
        stages = default_stages(config, model)
    show = progress is None and not quiet and sys.stderr.isatty()
    display = RichProgress() if show else NoProgress()
    try:
        with display:
            job = Ingest(
                config,
                db,
                progress=progress or display,
                lock_wait_s=wait,
                workers=workers,
                stages=stages,
            )
            return job.run()
    except RunLockedError as exc:
        raise IngestError(str(exc)) from None
    except StoreError as exc:
        raise IngestError(str(exc)) from None

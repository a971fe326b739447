"""One ingest at a time: an advisory lock file beside the database.

DuckDB's own file lock only lasts as long as a connection, and ingest deliberately keeps
connections short (so readers can get in between batches). Two cron runs overlapping
would otherwise interleave their batches; this lock makes the second one wait, then
refuse with a message naming the holder.
"""

from __future__ import annotations

import fcntl
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType


class RunLockedError(RuntimeError):
    """Another ingest run holds the lock."""


class RunLock:
    def __init__(self, db_path: Path, wait_s: float = 0.0) -> None:
        self.path = Path(str(db_path) + ".lock")
        self.wait_s = wait_s
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
                    os.close(fd)
                    raise RunLockedError(
                        f"another firstwire run is using {self.path.with_suffix('')} "
                        f"({holder or 'holder unknown'}); try again later or pass --wait"
                    ) from exc
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        started = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        os.pwrite(fd, f"pid {os.getpid()}, started {started}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

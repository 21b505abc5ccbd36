"""One writer per store, and a way for readers to tell that a writer is at work."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import StoreBusyError

PID_FILE = ".write.pid"


class WriteLock:
    """One writer per store: a second one gets a clear message instead of waiting or corrupting."""

    def __init__(self, store_dir: Path) -> None:
        from filelock import FileLock

        store_dir.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(store_dir / ".write.lock"), timeout=0)
        self._pid_file = store_dir / PID_FILE

    def __enter__(self) -> WriteLock:
        from filelock import Timeout

        try:
            self._lock.acquire()
        except Timeout:
            pid = self._pid_file.read_text().strip() if self._pid_file.exists() else "unknown"
            raise StoreBusyError(f"the store is in use by PID {pid} (another ingestion is running)") from None
        self._pid_file.write_text(str(os.getpid()))
        return self

    def __exit__(self, *exc: object) -> None:
        self._pid_file.unlink(missing_ok=True)
        self._lock.release()


def ingest_running(store_dir: Path) -> bool:
    """Whether a live process holds the store's write lock (its PID file names a running process).

    Read without touching the lock itself, so a reader never makes a starting ingestion fail as busy."""
    try:
        pid = int((store_dir / PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False  # a writer that died without cleaning up
    except PermissionError:
        return True
    return True

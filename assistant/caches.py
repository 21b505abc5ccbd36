"""Files a later process reuses instead of recomputing (prompt-head states, screen verdicts): keyed by the
model file they came from, and written whole or not at all, so a reader never sees half a file."""

from __future__ import annotations

import os
from pathlib import Path


def file_identity(path: Path) -> str:
    """Name, size and modification time: a replaced or rebuilt model file gets new cache entries."""
    stat = path.stat()
    return f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}"


def write_cache(path: Path, data: bytes) -> bool:
    """Write `path` atomically; False when the disk refuses (read-only, full): a cache that cannot be
    written only costs the next process the work again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(path)
    except OSError:
        return False
    return True

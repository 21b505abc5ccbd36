"""The articles folder managed from the browser: list, add uploaded files, delete, re-index.

Uploaded files are checked with ingestion's own reader (`ingest.read_article`), so they are refused for
exactly the reasons `assistant ingest` skips a file; only files that pass are copied into the articles
folder, then the folder is synced as `assistant ingest` would. A deleted or replaced file is moved into
`<articles>/.deleted/` (ingestion ignores hidden folders), never destroyed.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import IngestError
from .ingest import SUPPORTED, Skipped, article_id, read_article, read_raw, skip_reason

if TYPE_CHECKING:
    from ..app import App
    from .ingest import IngestResult

TRASH = ".deleted"


@dataclass(frozen=True)
class ArticleInfo:
    file: str
    title: str
    sentences: int


@dataclass(frozen=True)
class Duplicate:
    """An upload whose text is an indexed article's (or an earlier upload's of the same batch)."""

    file: str
    same_as: str


@dataclass
class UploadResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected: list[Skipped] = field(default_factory=list)
    sentences: int = 0


def list_articles(app: App) -> list[ArticleInfo]:
    return sorted(
        (ArticleInfo(a.file, a.title, len(a.spans)) for a in app.index.articles().values()),
        key=lambda a: a.file.lower(),
    )


def safe_name(name: str) -> str:
    """The file name alone (no folders), refused when it could not be an article file of the folder."""
    base = Path(name.replace("\\", "/")).name.strip()
    if not base or base.startswith(".") or any(ord(ch) < 32 for ch in base):
        raise IngestError("not a usable file name")
    if Path(base).suffix.lower() not in SUPPORTED:
        raise IngestError(f"unsupported file type (use {', '.join(sorted(SUPPORTED))})")
    return base


def check_upload(path: Path, name: str, max_mb: float) -> str:
    """The file name to store `path` under, or IngestError with ingestion's reason for skipping it."""
    base = safe_name(name)
    # read_article judges by the name's suffix (HTML is reduced to text), so it sees the file under its name.
    with tempfile.TemporaryDirectory(prefix="upload-") as tmp:
        named = Path(tmp) / base
        try:
            named.symlink_to(path.resolve())
            read_article(named, max_mb, folder=path.resolve().parent)  # the link is ours: let it lead there
        except (IngestError, OSError) as err:
            raise IngestError(skip_reason(err)) from None
    return base


def add_files(
    app: App, uploads: Sequence[tuple[Path, str]], progress: Callable[[int, int], None] | None = None
) -> UploadResult:
    """Check each (path, original name); copy the good ones into the articles folder and index them.
    If indexing fails, the folder is put back as it was."""
    folder = app.settings.articles_dir
    folder.mkdir(parents=True, exist_ok=True)
    result = UploadResult()
    accepted: dict[str, Path] = {}
    # Same text under another name is refused before anything is copied: the folder sync would otherwise
    # keep one of the two names for the indexed article, and the upload could rename what is indexed.
    texts = {a.doc_id: a.file for a in app.index.articles().values()}
    for path, name in uploads:
        try:
            base = check_upload(path, name, app.settings.max_file_mb)
            doc_id = article_id(read_raw(path.resolve(), app.settings.max_file_mb))
        except (IngestError, OSError) as err:
            result.rejected.append(Skipped(Path(name).name or name, skip_reason(err)))
            continue
        same = texts.get(doc_id)
        if same == base:
            result.unchanged.append(base)
        elif same is not None:
            result.duplicates.append(Duplicate(base, same))
        else:
            texts[doc_id] = base
            accepted[base] = path
    if not accepted:
        return result
    undo: list[tuple[Path, Path | None]] = []  # (placed file, the file it replaced, kept in the trash)
    try:
        for base, path in accepted.items():
            target = folder / base
            replaced = _to_trash(target) if target.exists() else None
            shutil.copyfile(path, target)
            undo.append((target, replaced))
        synced = app.ingest(folder, progress)
    except BaseException:
        for target, replaced in reversed(undo):
            target.unlink(missing_ok=True)
            if replaced is not None:
                replaced.replace(target)
        raise
    _collect(result, synced, set(accepted))
    return result


def _collect(result: UploadResult, synced: IngestResult, names: set[str]) -> None:
    r = synced.report
    result.added = [f for f in r.added if f in names]
    result.updated = [f for f in r.updated if f in names]
    result.rejected += [s for s in synced.skipped if s.file in names]
    result.sentences = r.sentences_added


def delete_article(app: App, file: str) -> IngestResult:
    """Move the article's file out of the folder and drop it from the index."""
    folder = app.settings.articles_dir
    if file not in {a.file for a in app.index.articles().values()}:
        raise IngestError(f"no indexed article named {file!r}")
    target = folder / Path(file).name
    if not target.is_file():
        raise IngestError(f"{file} is indexed but not in {folder}; re-index the folder")
    moved = _to_trash(target)
    try:
        return app.ingest(folder)
    except BaseException:
        moved.replace(target)
        raise


def reindex(app: App, progress: Callable[[int, int], None] | None = None) -> IngestResult:
    return app.ingest(app.settings.articles_dir, progress)


def _to_trash(path: Path) -> Path:
    trash = path.parent / TRASH
    trash.mkdir(exist_ok=True)
    kept = trash / f"{time.strftime('%Y%m%d-%H%M%S')}-{time.monotonic_ns()}-{path.name}"
    path.replace(kept)
    return kept

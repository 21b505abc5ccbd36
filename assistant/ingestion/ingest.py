"""Read a folder of articles: decode each file, reject bad ones with a reason, and split the good ones."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import IngestError
from ..schema import Article
from .chunking import CHUNKER_VERSION, split, strip_controls
from .index import Index, SyncReport, WriteLock

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm"}


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


@dataclass(frozen=True)
class DroppedSentence:
    """A sentence of an article indexed in this run that was kept out of the index, and why."""

    file: str
    start: int
    end: int
    sentence: str
    reason: str


@dataclass
class IngestResult:
    report: SyncReport
    skipped: list[Skipped]
    # Sentences of the articles (re)indexed in this run that were not kept; `assistant ingest -v` lists them.
    dropped: list[DroppedSentence] = field(default_factory=list)


def ingest_folder(
    folder: Path, index: Index, max_mb: float, progress: Callable[[int, int], None] | None = None
) -> IngestResult:
    """Bring the index in line with `folder`: new and changed files indexed, removed ones deleted.

    A bad file is skipped with its reason; it never stops the others or touches what is indexed.
    """
    if not folder.is_dir():
        raise IngestError(f"articles folder not found: {folder}")
    skipped: list[Skipped] = []
    dropped: list[DroppedSentence] = []
    found: list[tuple[str, str]] = []
    for path in article_files(folder):
        try:
            found.append((path.name, article_id(read_raw(path, max_mb, folder))))
        except (IngestError, OSError) as err:
            skipped.append(Skipped(path.name, skip_reason(err)))

    def parse(file: str) -> Article | None:
        try:
            article, lost = parse_article(folder / file, max_mb, folder)
        except (IngestError, OSError) as err:
            skipped.append(Skipped(file, skip_reason(err)))
            return None
        dropped.extend(lost)
        return article

    with WriteLock(index.settings.store_dir):
        report = index.sync(found, parse, progress, keep_files=[s.file for s in skipped])
    return IngestResult(report, skipped, dropped)


def skip_reason(err: Exception) -> str:
    return str(err) if isinstance(err, IngestError) else f"unreadable: {err.strerror or err}"


def article_files(folder: Path) -> Iterator[Path]:
    """Candidate article files of a folder, symbolic links included (`read_raw` refuses those that lead
    outside it)."""
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix.lower() not in SUPPORTED:
            continue
        if path.is_file() or path.is_symlink():
            yield path


def resolve_inside(path: Path, folder: Path | None) -> Path:
    """The file `path` names, refusing a symbolic link that resolves outside `folder` (a link such as
    `passwd.txt -> /etc/passwd` would otherwise put that file's text into the index and the answers)."""
    if not path.is_symlink():
        return path
    root = (folder or path.parent).resolve()
    target = path.resolve()
    if not target.is_relative_to(root):
        raise IngestError(f"symbolic link to a file outside the articles folder ({target}), not read")
    if not target.is_file():
        raise IngestError("symbolic link to something that is not a file, not read")
    return target


def read_raw(path: Path, max_mb: float, folder: Path | None = None) -> bytes:
    path = resolve_inside(path, folder)
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file")
    if size > max_mb * 1024 * 1024:
        raise IngestError(f"file too large ({size / 1e6:.1f} MB; limit ASSISTANT_MAX_FILE_MB={max_mb:g})")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise IngestError("binary file (contains NUL bytes), not text")
    return raw


def article_id(raw: bytes) -> str:
    """Content hash: identical texts share one id. The chunker version is part of it so that changed
    cleaning rules re-index old articles."""
    return hashlib.sha256(CHUNKER_VERSION.encode() + raw).hexdigest()[:16]


def read_article(path: Path, max_mb: float = 10.0, folder: Path | None = None) -> Article:
    """One file as an `Article`; raises `IngestError` naming the problem."""
    return parse_article(path, max_mb, folder)[0]


def parse_article(
    path: Path, max_mb: float = 10.0, folder: Path | None = None
) -> tuple[Article, list[DroppedSentence]]:
    """One file as an `Article`, with the sentences of its prose that were kept out and why."""
    raw = read_raw(path, max_mb, folder)
    text = decode(raw)
    title = ""
    if path.suffix.lower() in {".html", ".htm"}:
        title, text = html_to_text(text)
    text = strip_controls(text)
    parts = split(text)
    if not parts.spans:
        raise IngestError("no article sentences found (only boilerplate, markup or fragments)")
    article = Article(
        doc_id=article_id(raw), file=path.name, title=title or parts.title or path.stem, text=text, spans=parts.spans
    )
    dropped = [DroppedSentence(path.name, d.start, d.end, text[d.start : d.end], d.reason) for d in parts.dropped]
    return article, dropped


def decode(raw: bytes) -> str:
    """UTF-8 when it is; otherwise Windows-1252/Latin-1, the usual encoding of older web pages.

    Offsets are character offsets into this decoded text. A UTF-8 byte-order mark is kept (as U+FEFF,
    character 0), exactly as `open(path, encoding="utf-8").read()` returns it, so spans computed here index
    the file as any UTF-8 reader sees it; the chunker reads the mark as a space."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace") if _mostly_cp1252(raw) else raw.decode("latin-1")
    if _control_share(text) > 0.05:
        raise IngestError("binary file (not decodable as text)")
    return text


def _mostly_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def _control_share(text: str) -> float:
    sample = text[:8192]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))


def html_to_text(html: str) -> tuple[str, str]:
    """(headline, article text) of an HTML page; citations point into this extracted text.

    trafilatura finds the main text and leaves out navigation, share bars, teasers and comments; on the
    realistic pages of tests/data/html/ it kept all 15 article sentences and let 3 of 16 boilerplate
    sentences through, against 8 of 16 for the BeautifulSoup rules it replaced (bench/html_extraction.py).
    Paragraphs are joined by blank lines, the chunker's paragraph separator."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, include_images=False, with_metadata=True
    )
    if doc is None:
        return "", ""
    lines = (_squash(line) for line in (doc.text or "").splitlines())
    return _squash(doc.title or ""), "\n\n".join(line for line in lines if line)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()

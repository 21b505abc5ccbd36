"""Evaluated prompt heads (system turns) kept as llama.cpp context states, in memory and on disk.

One llama context serves several fixed system prompts: the answer's, and the judge's three (support,
answerability, instruction screen). Re-evaluating a 250-token head each time the prompt changes costs
seconds on a small CPU, and a fresh process paid it again before its first token. A state is the context
right after its head was evaluated alone from an empty cache, so restoring it gives exactly what
evaluating the head would: answers stay independent of what ran before (see `local_llm`).

The disk copy is keyed by everything that shapes the numbers: the model file (name, size, mtime), the
context size, the thread count, the llama.cpp build and the head's tokens. A file that does not load is
ignored and written again.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
from collections import OrderedDict
from pathlib import Path

from ..caches import file_identity, write_cache

KEPT = 4  # heads held in memory per context: the answer's system turn and the judge's three
ON_DISK = 16  # state files kept in the folder, newest first: old prompts and models do not pile up


class HeadStates:
    def __init__(self, llama, model: Path, folder: Path | None, threads: int) -> None:
        import llama_cpp

        self._llama = llama
        self._lib = llama_cpp
        self._memory: OrderedDict[tuple[int, ...], bytes] = OrderedDict()
        self._folder = folder
        self._identity = f"{file_identity(model)}|{llama.n_ctx()}|{threads}|"
        self._identity += getattr(llama_cpp, "__version__", "")

    def restore(self, head: list[int]) -> bool:
        """Put the context in the state right after `head`; False when no state of it is kept."""
        key = tuple(head)
        data = self._memory.get(key)
        if data is None:
            data = self._read(key)
        if data is None or not self._set(data):
            return False
        self._keep(key, data)
        self._llama.n_tokens = len(head)
        self._llama.input_ids[: len(head)] = head
        return True

    def save(self, head: list[int]) -> None:
        """Keep the context's current state as the state after `head` (just evaluated from empty)."""
        size = self._lib.llama_state_get_size(self._llama._ctx.ctx)
        buffer = (ctypes.c_uint8 * int(size))()
        written = self._lib.llama_state_get_data(self._llama._ctx.ctx, buffer, size)
        data = bytes(buffer)[: int(written)]
        key = tuple(head)
        self._keep(key, data)
        self._write(key, data)

    # --- memory and disk ---------------------------------------------------------------------------------

    def _set(self, data: bytes) -> bool:
        buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        return self._lib.llama_state_set_data(self._llama._ctx.ctx, buffer, len(data)) == len(data)

    def _keep(self, key: tuple[int, ...], data: bytes) -> None:
        self._memory[key] = data
        self._memory.move_to_end(key)
        while len(self._memory) > KEPT:
            self._memory.popitem(last=False)

    def _path(self, key: tuple[int, ...]) -> Path | None:
        if self._folder is None:
            return None
        digest = hashlib.sha256((self._identity + "|" + ",".join(map(str, key))).encode()).hexdigest()
        return self._folder / f"{digest[:32]}.state"

    def _read(self, key: tuple[int, ...]) -> bytes | None:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        with contextlib.suppress(OSError):
            return path.read_bytes()
        return None

    def _write(self, key: tuple[int, ...], data: bytes) -> None:
        path = self._path(key)
        if path is None:
            return
        if not write_cache(path, data):
            return
        with contextlib.suppress(OSError):
            saved = sorted(self._folder.glob("*.state"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in saved[ON_DISK:]:
                old.unlink(missing_ok=True)

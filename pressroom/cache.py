"""Results of slow steps, kept by the content they came from: never stale, only unused.

A key is the SHA-256 of everything a result depends on (the input's bytes,
the ICC profile, the settings), so an edited picture or profile simply has
another key. Results live in memory for the process (``watch``, a second
profile, a test building twice) and on disk in ``PROJECT/.pressroom-cache/``
so the next ``pressroom build`` process finds them; ``--no-cache`` uses
neither. The disk folder must be a real folder inside the project: a link
out of it is refused, and files are opened without following links, so a
project cannot make the builder write or read elsewhere through its cache.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError

FOLDER = ".pressroom-cache"
MEMORY_BYTES = 512 * 2**20  # what the in-process cache holds before it forgets the oldest

_memory: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()


def key_of(*parts: bytes | str) -> str:
    """The hex SHA-256 of *parts*, each length-prefixed (so no two part lists collide)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class Cache:
    """Where results are kept: ``folder`` on disk (None: memory only), or nowhere (``enabled``)."""

    folder: Path | None = None
    enabled: bool = True

    @classmethod
    def for_project(cls, project: Path, enabled: bool = True) -> "Cache":
        """The cache of *project* (``.pressroom-cache/``), or a disabled one (``--no-cache``).

        Raises :class:`BuildError` at the folder when it is a link, or not a folder.
        """
        if not enabled:
            return cls(None, enabled=False)
        folder = project / FOLDER
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            raise BuildError(folder, 0, "is a link or a file, not the build cache's folder — "
                                        "remove it (or build with --no-cache)")
        return cls(folder)

    def get(self, kind: str, key: str) -> bytes | None:
        """The result kept for *key* (from :func:`key_of`), or None."""
        if not self.enabled:
            return None
        with _lock:
            if f"{kind}/{key}" in _memory:
                _memory.move_to_end(f"{kind}/{key}")
                return _memory[f"{kind}/{key}"]
        data = self._read(kind, key)
        if data is not None:
            _remember(f"{kind}/{key}", data)
        return data

    def put(self, kind: str, key: str, data: bytes) -> None:
        """Keep *data* for *key*; a disk that cannot be written only loses the copy there."""
        if not self.enabled:
            return
        _remember(f"{kind}/{key}", data)
        folder = self._folder(kind)
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if self._folder(kind) is None:  # made a link meanwhile
                return
            handle, name = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(name, folder / key)
        except OSError:
            pass  # a read-only project still builds; the memory copy serves this process

    def _folder(self, kind: str) -> Path | None:
        """``folder/kind`` if it is (or would be) a real folder in its place, else None."""
        if self.folder is None:
            return None
        real = Path(os.path.realpath(self.folder / kind))
        return real if real == Path(os.path.realpath(self.folder)) / kind else None

    def _read(self, kind: str, key: str) -> bytes | None:
        folder = self._folder(kind)
        if folder is None:
            return None
        try:
            descriptor = os.open(folder / key, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return None
        with os.fdopen(descriptor, "rb") as stream:
            return stream.read()


def _remember(key: str, data: bytes) -> None:
    with _lock:
        _memory[key] = data
        _memory.move_to_end(key)
        total = sum(len(value) for value in _memory.values())
        while total > MEMORY_BYTES and len(_memory) > 1:
            total -= len(_memory.popitem(last=False)[1])


def forget() -> None:
    """Empty the in-process cache (tests compare warm builds with cold ones)."""
    with _lock:
        _memory.clear()

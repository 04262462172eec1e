"""The one place that decides what a build may read.

Every file a build opens — ``publication.yml``, sections, templates,
stylesheets, images, fonts, the ICC profile, and every URL WeasyPrint asks
for while laying out — is resolved, checked and read by a :class:`ReadGate`:

- a reference is percent-decoded exactly once, ``..`` is collapsed and
  symlinks are resolved (``os.path.realpath``) before anything is checked;
- the real path must lie inside the project, the theme's ``templates/`` or
  ``styles/``, or the theme's font files, and no part of it below that root
  may be hidden (``.git``, ``.env``: CI checkouts keep tokens there);
- the file that was checked is the file that is opened (``O_NOFOLLOW`` on
  the real path), and its bytes are what WeasyPrint gets: a URL is never
  fetched again by anyone else;
- only ``data:`` URLs and host-less ``file:`` URLs are served; no other
  scheme is fetched and no name is ever resolved on the network.

Every read is recorded (path and SHA-256) for the build report; watching
and caching key on that list.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from ..errors import BuildError

# Above this a file is not a manuscript or a picture but a mistake (or an attack).
MAX_FILE_BYTES = 256 * 1024 * 1024


class Refused(Exception):
    """A path or URL the gate will not read; the message says why (no location).

    *kind* says which rule refused it, for callers that word their own
    message: ``missing``, ``outside``, ``remote`` or ``other``.
    """

    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.kind = kind


class BlockedFetch(FatalURLFetchingError):
    """Raised inside WeasyPrint (stopping the layout) for a URL the gate refused."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{reason}: {url}")
        self.url, self.reason = url, reason


@dataclass(frozen=True)
class Read:
    """One file the build read: its real path and the SHA-256 of its bytes."""

    path: Path
    sha256: str


KEEP_BYTES = 512 * 1024  # files up to this size are read once per gate and kept


class ReadGate:
    """Resolve, check, read and record; see the module docstring for the rules."""

    def __init__(self, roots: tuple[Path, ...], earlier: tuple[Read, ...] = ()):
        """*roots*: the folders files may come from (the project, theme folders, font folders).

        *earlier*: what an earlier stage's gate read (a manuscript's reads):
        they count as read, so the build's read list, and the search for the
        line that named a refused URL, cover every stage.
        """
        self.roots = tuple(Path(os.path.realpath(root)) for root in roots)
        self._cache: dict[Path, bytes] = {}
        self._reads: dict[Path, Read] = {read.path: read for read in earlier}
        self._read_here: set[Path] = set()  # read by this gate (not only by an earlier stage)
        # WeasyPrint's SVG drawing swallows even fatal errors and leaves a
        # gap: every refusal is kept so the build can still stop.
        self.refusals: list[BlockedFetch] = []

    def refused(self, blocked: BlockedFetch) -> BlockedFetch:
        """Remember *blocked* (see :attr:`refusals`) and return it to be raised."""
        self.refusals.append(blocked)
        return blocked

    @property
    def reads(self) -> tuple[Read, ...]:
        """Every file read so far, in the order first read."""
        return tuple(self._reads.values())

    # --- deciding --------------------------------------------------------

    def check(self, path: Path | str) -> Path:
        """The real path of *path* if it may be read; raises :class:`Refused`."""
        try:
            real = Path(os.path.realpath(path))
            exists, is_file = real.exists(), real.is_file()
        except (ValueError, OSError) as exc:  # a NUL byte, a name too long
            raise Refused(f"not a usable file name ({getattr(exc, 'strerror', None) or exc})") \
                from None
        # A font root may lie inside the project (a virtualenv in the checkout):
        # the path is allowed if any root holds it without a hidden part.
        holders = [real.relative_to(root).parts for root in self.roots if real.is_relative_to(root)]
        if not holders:
            raise Refused("outside the project and the theme", "outside")
        hidden = [next((p for p in parts if p.startswith(".")), None) for parts in holders]
        if all(hidden):
            raise Refused(f"hidden file or folder '{hidden[0]}' may not be read")
        if not is_file:
            raise Refused("not found", "missing") if not exists else Refused("not a file")
        return real

    def reference(self, reference: str, base: Path) -> Path:
        """A relative reference written in the file *base* → its checked real path.

        The reference is percent-decoded once (as a browser would) and taken
        relative to *base*'s folder; ``?query`` and ``#fragment`` are dropped.
        Raises :class:`Refused` for URLs with a scheme, host or absolute path
        leaving the roots, and for missing files.
        """
        parts = _split(reference)
        if parts.scheme or parts.netloc:
            raise Refused("remote or absolute URLs are not allowed", "remote")
        return self.check(base.parent / unquote(parts.path))

    def url(self, url: str) -> Path:
        """A ``file:`` URL (as WeasyPrint joins them) → its checked real path."""
        parts = _split(url)
        if parts.scheme.lower() != "file":
            raise Refused("remote URLs are not allowed", "remote")
        if parts.netloc not in ("", "localhost"):
            # file://HOST/… would make urllib look HOST up on the network.
            raise Refused("file URLs with a host are not allowed", "remote")
        return self.check(url2pathname(parts.path))  # url2pathname decodes, once

    # --- reading ---------------------------------------------------------

    def read_bytes(self, path: Path | str) -> bytes:
        """Check *path*, read it and record it (with the SHA-256 of its first reading).

        Small files are kept and reused. A large one (photographs) is read again
        when asked again: WeasyPrint keeps the bytes of every picture it places,
        so a second copy here would double a long brochure's memory. A file
        changed between two readings still shows as changed to ``watch``, whose
        record is of the first.
        """
        real = self.check(path)
        if real in self._cache:
            return self._cache[real]
        data = _read_regular_file(real)
        if real not in self._reads or real not in self._read_here:
            self._reads[real] = Read(real, hashlib.sha256(data).hexdigest())
            self._read_here.add(real)
        if len(data) <= KEEP_BYTES:
            self._cache[real] = data
        return data

    def read_text(self, path: Path) -> str:
        """*path* as UTF-8 text (a leading byte-order mark is dropped).

        Raises :class:`BuildError` at *path* when it is refused and at the
        line of the first bad byte when it is not UTF-8.
        """
        try:
            data = self.read_bytes(path)
        except Refused as exc:
            raise BuildError(path, 1, f"cannot read this file: {exc}") from None
        try:
            return data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise BuildError(path, line, f"not UTF-8 text (byte 0x{data[exc.start]:02X}) — "
                                         "save the file with UTF-8 encoding") from None

    def fetcher(self) -> "GateFetcher":
        return GateFetcher(self)


def _split(url: str):
    try:
        return urlsplit(url)
    except ValueError as exc:  # e.g. "http://[::1/x": an unclosed IPv6 host
        raise Refused(f"not a valid URL ({exc})") from None


def _read_regular_file(real: Path) -> bytes:
    """Open the already resolved *real* path without following a symlink swapped in since."""
    descriptor = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(descriptor, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not a file")
        if info.st_size > MAX_FILE_BYTES:
            raise Refused(f"larger than {MAX_FILE_BYTES // 2**20} MB")
        return stream.read()


class GateFetcher(URLFetcher):
    """WeasyPrint's URL fetcher: ``data:`` URLs, and ``file:`` URLs read through the gate."""

    def __init__(self, gate: ReadGate):
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, fail_on_errors=True)
        self.gate = gate

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)  # decoded in memory by urllib's DataHandler
        try:
            path = self.gate.url(url)
            body = self.gate.read_bytes(path)
        except Refused as exc:
            raise self.gate.refused(BlockedFetch(url, str(exc))) from None
        except OSError as exc:
            raise self.gate.refused(BlockedFetch(url, f"cannot read ({exc.strerror})")) from None
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body, {"Content-Type": kind})

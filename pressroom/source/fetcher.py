"""Where a URL refused during layout was asked for.

The gate (:mod:`pressroom.gate`) refuses a URL deep inside WeasyPrint, which
does not know the source line that named it. The gate does know every file
the build has read; :func:`locate_url` finds the first line among them that
mentions the refused file: SVG pictures first (a reference inside a
picture), then stylesheets, sections and templates.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator
from urllib.parse import unquote

from ..errors import BuildError
from .gate import BlockedFetch, ReadGate

# Text files a URL can be written in, in the order they are searched.
SEARCHED = (".svg", ".css", ".md", ".html")


@contextmanager
def located_fetches(gate: ReadGate) -> Iterator[None]:
    """Turn a :class:`BlockedFetch` into a :class:`BuildError` at the line that asked for it."""
    try:
        yield
    except BlockedFetch as exc:
        raise locate_url(exc.url, exc.reason, gate) from None


def locate_url(url: str, reason: str, gate: ReadGate) -> BuildError:
    """``reason: url`` at the first line of the files *gate* read that mentions the URL's file.

    When no file mentions it (a URL built by CSS, say), the error names
    ``publication.yml`` without a line.
    """
    written = url.rstrip("/").rsplit("/", 1)[-1].split("#")[0]
    names = [name for name in {written, unquote(written)} if name]
    for suffix in SEARCHED:
        for read in gate.reads:
            if read.path.suffix.lower() != suffix:
                continue
            text = gate.read_bytes(read.path).decode("utf-8", "replace")
            for number, line in enumerate(text.splitlines(), 1):
                if url in line or any(name in line for name in names):
                    return BuildError(read.path, number, f"{reason}: {url}")
    roots = gate.roots[0] / "publication.yml"
    return BuildError(roots, 0, f"{reason}: {url}")

"""Where a URL refused during layout was asked for.

The gate (:mod:`pressroom.gate`) refuses a URL deep inside WeasyPrint, which
does not know the source line that named it; :func:`located_fetches` turns
the refusal into a :class:`BuildError` at the first line of the sources that
mentions the file.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator
from urllib.parse import unquote

from .errors import BuildError
from .gate import BlockedFetch

Source = tuple  # (path, text): a file the build read, with its text


@contextmanager
def located_fetches(sources: tuple[Source, ...]) -> Iterator[None]:
    """Turn a :class:`BlockedFetch` into a :class:`BuildError` at the line that asked for it."""
    try:
        yield
    except BlockedFetch as exc:
        raise locate_url(exc.url, exc.reason, sources) from None


def locate_url(url: str, reason: str, sources: tuple[Source, ...]) -> BuildError:
    """``reason: url`` at the first line of *sources* that mentions the URL's file."""
    name = unquote(url.rstrip("/").rsplit("/", 1)[-1])
    for path, text in sources:
        for number, line in enumerate(text.splitlines(), 1):
            if name and (name in line or url in line):
                return BuildError(path, number, f"{reason}: {url}")
    where = sources[-1][0] if sources else "publication.yml"
    return BuildError(where, 0, f"{reason}: {url}")

"""A URL fetcher that only reads files inside the project and the theme.

WeasyPrint's default fetcher reads any local file and any remote URL, so a
``<link rel=attachment href=/etc/passwd>`` in a Markdown file would end up
inside the PDF. Everything the layout loads goes through :class:`SafeFetcher`.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher

from .errors import BuildError


class BlockedFetch(FatalURLFetchingError):
    """Raised (and stopping the layout) for a URL outside the allowed roots."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{reason}: {url}")
        self.url, self.reason = url, reason


class SafeFetcher(URLFetcher):
    """Allow ``data:`` URLs and ``file:`` URLs below one of *roots*; block the rest."""

    def __init__(self, roots: tuple[Path, ...]):
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.roots = tuple(root.resolve() for root in roots)

    def fetch(self, url: str, headers: dict | None = None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise BlockedFetch(url, "remote URLs are not allowed")
        path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise BlockedFetch(url, "file outside the project and theme is not allowed")
        if not path.is_file():
            raise BlockedFetch(url, "file not found")
        return super().fetch(url, headers)


@contextmanager
def located_fetches(sources: tuple[Path, ...]) -> Iterator[None]:
    """Turn a :class:`BlockedFetch` into a :class:`BuildError` at the line that asked for it.

    WeasyPrint does not know which source line referenced a URL, so the
    first of *sources* (stylesheets, then sections) mentioning the file wins.
    """
    try:
        yield
    except BlockedFetch as exc:
        raise _located(exc, sources) from None


def _located(exc: BlockedFetch, sources: tuple[Path, ...]) -> BuildError:
    return locate_url(exc.url, exc.reason, sources)


def locate_url(url: str, reason: str, sources: tuple[Path, ...]) -> BuildError:
    """``reason: url`` at the first line of *sources* that mentions the URL's file."""
    name = unquote(url.rstrip("/").rsplit("/", 1)[-1])
    for path in sources:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if name and (name in line or url in line):
                return BuildError(path, number, f"{reason}: {url}")
    return BuildError(sources[-1] if sources else Path("."), 1, f"{reason}: {url}")

"""The records the pipeline's stages hand each other: frozen, picklable, no live library objects.

Each stage's own records live with it (``Section`` in source, ``RenderedSection``
in markup, ``HtmlDocument`` in document); this module holds the ones that join
the stages: which PDF to make (:class:`Variant`, :class:`Gate`), a project
ready to be pressed in any profile (:class:`Manuscript`), and what a build made
(:class:`BuildReport`). A manuscript can be pickled, sent to another process
and cached.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .cache import Cache
from .document.html import HtmlDocument
from .markup.convert import RenderedSection
from .messages import Finding, merged
from .source.config import Publication
from .source.gate import Read
from .source.sections import Section
from .source.theme import Theme


@dataclass(frozen=True)
class Gate:
    """Whether preflight findings stop the build: errors when enabled, warnings too if strict."""

    enabled: bool = True
    strict: bool = False


@dataclass(frozen=True)
class Variant:
    """Which PDF of a project: an output profile of an edition, padded for imposition or not."""

    profile: str = "print"
    edition: str | None = None  # None: the first declared edition (or a project without)
    impose: bool = False  # pad to a multiple of 4 pages, as booklet imposition needs


@dataclass(frozen=True)
class Manuscript:
    """One edition of a project after steps 1–4, the same for every output profile."""

    project: Path  # resolved
    theme: Theme
    publication: Publication  # the edition's (the project's, without editions)
    sections: tuple[Section, ...]  # in reading order, in the edition's language
    rendered: tuple[RenderedSection, ...]  # their bodies as HTML fragments
    html: HtmlDocument  # the document, every contents entry with its range end
    notes: tuple[Finding, ...]  # found while reading (missing translations)
    reads: tuple[Read, ...]  # every file read so far, with its SHA-256
    cache: Cache = Cache(enabled=False)  # where pressing keeps slow results (converted images)


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    profile: str
    output: Path
    pages: int
    size: int
    seconds: float
    warnings: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    reads: tuple[Read, ...] = ()  # every file the build read, with its SHA-256
    edition: str = ""  # the edition's key, '' for a project without editions
    blank_pages: int = 0  # added before the back cover for saddle stitching
    machine: tuple[Finding, ...] = ()  # facts about this machine (which font subsetter)
    sections: tuple[tuple[str, str], ...] = ()  # (path as printed, title) in reading order

    @property
    def messages(self) -> tuple[Finding, ...]:
        """Every record of the build, repeats merged: findings, then facts about the machine."""
        return merged((*self.findings, *self.machine))

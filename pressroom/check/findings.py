"""Preflight results and what the checks read."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import display_path
from ..layout.fonts import THEME_FONTS
from ..layout.pages import Layout
from ..messages import Finding
from ..source.outputs import OutputProfile
from ..source.sections import Section



@dataclass(frozen=True)
class PreflightInput:
    """What the checks read: the layout, the PDF written from it, the profile, the sources."""

    layout: Layout
    pdf: Path
    profile: OutputProfile
    sections: tuple[Section, ...]
    warnings: tuple[str, ...] = ()  # WeasyPrint's, from layout and writing
    fonts: tuple[str, ...] = THEME_FONTS
    # page.marks as the profile applies it ("crop", "cross", "crop cross", "none");
    # '' when not told: the checks then read the marks WeasyPrint laid out.
    marks: str = ""


class Sources:
    """Names the Markdown line a laid-out thing came from, by its source-map stamp.

    Stamps (``data-src``) are written while parsing (:mod:`sourcemap`); a
    box with none nearer than its ``<section>`` is blamed on the section's
    title line.
    """

    def __init__(self, sections: tuple[Section, ...]):
        self.by_id = {section.id: section for section in sections}
        self.by_source = {section.source_name: section for section in sections}

    def of(self, stamp: str, section_id: str = "") -> str:
        """``path:line`` of *stamp* (``content/03-history.md:41``), else of the section's title."""
        source, _, line = stamp.rpartition(":")
        if (section := self.by_source.get(source)) is not None and line.isdigit():
            return f"{display_path(section.path)}:{line}"
        if (section := self.by_id.get(section_id)) is not None:
            return f"{display_path(section.path)}:{section.data_lines.get('title', 1)}"
        return ""

    def picture(self, src: str, stamp: str, section_id: str = "") -> str:
        """Where a picture is named: its front-matter key (cover backgrounds), else its stamp."""
        section = self.by_id.get(section_id)
        if section is not None:
            path = Path(unquote(urlsplit(src).path))
            relative = os.path.relpath(path, section.path.parent)
            for key, value in section.data.items():
                if str(value) == relative:
                    return f"{display_path(section.path)}:{section.data_lines.get(key, 1)}"
        return self.of(stamp, section_id)


def once_per_message(findings: list[Finding]) -> list[Finding]:
    """Keep the first page of each repeated message (shared resources repeat on every page)."""
    seen, unique = set(), []
    for finding in findings:
        if (finding.check, finding.message) not in seen:
            seen.add((finding.check, finding.message))
            unique.append(finding)
    return unique


def picture_name(src: str) -> str:
    """A picture's file name as messages show it; a ``data:`` URI (a knocked-out copy) has none."""
    if src.startswith("data:"):
        return "a knocked-out picture"
    return Path(unquote(urlsplit(src).path)).name or "a picture"

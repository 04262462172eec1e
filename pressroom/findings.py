"""Preflight results and what the checks read."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .errors import display_path
from .fonts import THEME_FONTS
from .layout import Layout
from .outputs import OutputProfile
from .sections import Section



@dataclass(frozen=True)
class Finding:
    """One preflight result; ``page`` is 1-based, ``source`` is ``path:line`` or ''."""

    severity: str  # "error" or "warning"
    check: str
    message: str
    page: int = 0
    source: str = ""

    def __str__(self) -> str:
        where = self.source or "publication"
        page = f" (page {self.page})" if self.page else ""
        return f"{where}: {self.severity}: {self.message}{page} [{self.check}]"

    def as_dict(self) -> dict:
        return asdict(self)


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


# Rendered text differs from its source by smart quotes, dashes and CSS capitals.
_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "--", "\u2014": "---", "\u00a0": " ", "\u00ad": ""})


def _plain(text: str) -> str:
    return " ".join(text.translate(_PLAIN).casefold().split())


class SourceIndex:
    """Finds the Markdown line a rendered thing came from, by searching the sources."""

    def __init__(self, sections: tuple[Section, ...]):
        self.sections = sections

    def in_section(self, section_id: str, needle: str) -> str:
        """``path:line`` of *needle* in the section *section_id*: its title, else its body.

        Falls back to the section's first body line: a finding always names
        the file it comes from, even when the text was rewritten past finding.
        """
        section = next((s for s in self.sections if s.id == section_id), None)
        if section is None:
            return self.text(needle)
        wanted = _plain(needle)
        for offset, line in enumerate(section.body.splitlines()):
            if wanted and wanted in _plain(line):
                return f"{display_path(section.path)}:{section.body_line + offset}"
        # Titles are set in openers, running heads and the contents page.
        for titled in (section, *self.sections):
            if wanted and wanted in _plain(titled.title):
                return f"{display_path(titled.path)}:{titled.data_lines.get('title', 1)}"
        return f"{display_path(section.path)}:{section.body_line}"

    def text(self, needle: str) -> str:
        wanted = _plain(needle)
        for section in self.sections:
            for offset, line in enumerate(section.body.splitlines()):
                if wanted and wanted in _plain(line):
                    return f"{display_path(section.path)}:{section.body_line + offset}"
        return ""

    def image(self, src: str, section_id: str = "") -> str:
        """Where an image file is referenced: a Markdown image, a fence or front matter.

        With *section_id*, only that section's file is searched (a picture used
        in several sections is blamed on the one it was seen in).
        """
        path = Path(unquote(urlsplit(src).path))
        for section in self.sections:
            if section_id and section.id != section_id:
                continue
            relative = os.path.relpath(path, section.path.parent)
            # Markdown "(path", raw HTML src="path", src='path' or src=path.
            found = next(filter(None, (SourceIndex((section,)).text(form.format(relative))
                                       for form in ("({}", '"{}"', "'{}'", "={}"))), "")
            if found:
                return found
            for key, value in section.data.items():
                if str(value) == relative:
                    return f"{display_path(section.path)}:{section.data_lines.get(key, 1)}"
        return ""


def once_per_message(findings: list[Finding]) -> list[Finding]:
    """Keep the first page of each repeated message (shared resources repeat on every page)."""
    seen, unique = set(), []
    for finding in findings:
        if (finding.check, finding.message) not in seen:
            seen.add((finding.check, finding.message))
            unique.append(finding)
    return unique

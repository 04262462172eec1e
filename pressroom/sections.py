"""Stage 2: ``content/*.md`` → :class:`Section` tuples, ordered by file name.

Each file starts with YAML front matter between ``---`` lines. ``title`` is
required; ``layout`` picks ``templates/layouts/<layout>.html``; ``in_toc``
says whether the contents page lists it; every other key is passed to the
layout template untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import BuildError, BuildErrors
from .yamlsource import load_mapping

CONTENT_DIR = "content"
DEFAULT_LAYOUT = "section"
# Layouts that are not part of the running text; they stay out of the contents.
FRONT_AND_BACK = frozenset({"cover", "toc", "back"})
FENCE = re.compile(r"^---\s*$")


@dataclass(frozen=True)
class Section:
    """One Markdown file: its metadata, its Markdown body and where that starts."""

    path: Path
    id: str
    number: int
    title: str
    layout: str
    in_toc: bool
    data: Mapping[str, Any]
    data_lines: Mapping[str, int]
    body: str
    body_line: int

    def line_of(self, needle: str, default: int | None = None) -> int:
        """First line of the file containing *needle* (for errors found after parsing)."""
        for offset, line in enumerate(self.body.splitlines()):
            if needle in line:
                return self.body_line + offset
        return default if default is not None else self.body_line


def load_sections(root: Path, layouts: frozenset[str]) -> tuple[Section, ...]:
    """Read every ``ROOT/content/*.md`` in file-name order.

    *layouts* are the layout names the theme provides. Raises
    :class:`BuildErrors` with every bad front matter found, or
    :class:`BuildError` when there is no content at all.
    """
    content = root / CONTENT_DIR
    paths = sorted(content.glob("*.md")) if content.is_dir() else []
    if not paths:
        raise BuildError(content, 1, "no Markdown sections found (expected content/*.md)")
    sections, errors, seen = [], [], set()
    for number, path in enumerate(paths, start=1):
        try:
            section = read_section(path, number, layouts)
        except BuildErrors as exc:
            errors.extend(exc.errors)
            continue
        except BuildError as exc:
            errors.append(exc)
            continue
        if section.id in seen:  # "01-intro.md" and "02-intro.md" share a slug
            section = _with_id(section, f"{section.id}-{number}")
        seen.add(section.id)
        sections.append(section)
    if errors:
        raise BuildErrors(errors)
    return tuple(sections)


def read_section(path: Path, number: int, layouts: frozenset[str]) -> Section:
    """Parse one section file; raises :class:`BuildErrors` on bad front matter."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if not lines or not FENCE.match(lines[0]):
        raise BuildError(path, 1, "missing front matter: start the file with '---', "
                                  "a 'title:' line and '---'")
    end = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if end is None:
        raise BuildError(path, 1, "front matter is not closed: add a '---' line after it")
    front = load_mapping("".join(lines[1:end]), path, line_offset=1)
    data = dict(front.data)
    errors = []
    title = data.pop("title", None)
    if not isinstance(title, str) or not title.strip():
        errors.append(BuildError(path, front.line(("title",)), "front matter needs a 'title'"))
    layout = data.pop("layout", DEFAULT_LAYOUT)
    if layout not in layouts:
        errors.append(BuildError(path, front.line(("layout",)),
                                 f"unknown layout '{layout}' (known: {', '.join(sorted(layouts))})"))
    in_toc = data.pop("in_toc", layout not in FRONT_AND_BACK)
    if not isinstance(in_toc, bool):
        errors.append(BuildError(path, front.line(("in_toc",)), "in_toc: expected true or false"))
    if errors:
        raise BuildErrors(errors)
    return Section(
        path=path, id=slug_from_name(path.stem), number=number, title=title.strip(),
        layout=layout, in_toc=in_toc, data=MappingProxyType(data),
        data_lines=MappingProxyType({key[0]: line for key, line in front.lines.items()
                                     if len(key) == 1}),
        body="".join(lines[end + 1:]), body_line=end + 2,
    )


def slug_from_name(stem: str) -> str:
    """``02-History of the Quay`` → ``history-of-the-quay`` (stable HTML id)."""
    stem = re.sub(r"^\d+[-_ .]*", "", stem)
    words = re.findall(r"\w+", stem.lower())
    return "-".join(words) or "section"


def _with_id(section: Section, new_id: str) -> Section:
    return replace(section, id=new_id)

"""Stage 2: ``content/*.md`` → :class:`Section` tuples, ordered by file name.

A file may start with YAML front matter between ``---`` lines: ``title``
(else the first ``# heading`` is the title), ``layout`` picks
``templates/layouts/<layout>.html`` (default ``section``), ``in_toc`` says
whether the contents page lists it, ``lang`` is the section's language;
every other key is passed to the layout template untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping

from .config import LANG
from ..errors import BuildError, BuildErrors
from .gate import ReadGate
from .yamlsource import load_mapping
from .values import FrozenDict

CONTENT_DIR = "content"
DEFAULT_LAYOUT = "section"
# Layouts that are not part of the running text; they stay out of the contents.
FRONT_AND_BACK = frozenset({"cover", "toc", "back"})
FENCE = re.compile(r"^---\s*$")
CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# "# Title", "# Title #", "# Title {#id .class}": the attribute list is not part of the title.
ATX_H1 = re.compile(r"^ {0,3}#(?!#)[ \t]+(.*?)(?:[ \t]+#+)?(?:[ \t]*\{[^{}]*\})?[ \t]*$")
SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")


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
    title_from_heading: bool = False  # no front-matter title: the first '# heading' gave it
    source: str = ""  # the path as the source map names it: project-relative, '/'-separated

    @property
    def source_name(self) -> str:
        return self.source or self.path.name

    def line_of(self, needle: str, default: int | None = None, start: int = 0) -> int:
        """First line of the file from line *start* on (the block a source-map stamp
        names; 0: the body's start) that contains *needle*, else *default*."""
        first = max(start - self.body_line, 0)
        for offset, line in enumerate(self.body.splitlines()[first:], start=first):
            if needle in line:
                return self.body_line + offset
        return default if default is not None else self.body_line


def load_sections(root: Path, layouts: frozenset[str], gate: ReadGate,
                  files=None) -> tuple[Section, ...]:
    """Read every ``ROOT/content/*.md`` in file-name order, through *gate*.

    Hidden files (``.#x.md``, ``._x.md``: editor and OS droppings) are
    skipped. *files* (:class:`editions.SectionFiles`), when given, lists an
    edition's files instead, with the names their ids come from (a
    translation ``03-history.ru.md`` keeps the id ``history``). *layouts* are
    the layout names the theme provides. Section ids
    are unique by construction (see :func:`unique_ids`). Raises
    :class:`BuildErrors` with every bad front matter found, or
    :class:`BuildError` when there is no content at all.
    """
    if files is None:
        content = root / CONTENT_DIR
        paths = sorted(p for p in content.glob("*.md") if not p.name.startswith(".")) \
            if content.is_dir() else []
        stems = [path.stem for path in paths]
    else:
        content, paths, stems = files.folder, list(files.paths), list(files.stems)
    if not paths:
        raise BuildError(content, 1, f"no Markdown sections found (expected {content.name}/*.md)")
    sections = read_all(paths, layouts, gate)
    headed = [section.title for section in sections if section.title_from_heading]
    if len(headed) > 1 and len(set(headed)) == 1:
        # Every file opens with the same '# Book title' line (a book's own
        # running title): each chapter's title is its next '# heading'.
        sections = read_all(paths, layouts, gate, skip_headings=1)
    ids = unique_ids([section.id if section.path.stem == stem else slug_from_name(stem)
                      for section, stem in zip(sections, stems)])
    return tuple(replace(section, id=new, source=_relative(section.path, root))
                 for section, new in zip(sections, ids))


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # an edition's folder outside the project is refused earlier
        return path.name


def read_all(paths: list[Path], layouts: frozenset[str], gate: ReadGate,
             skip_headings: int = 0) -> list[Section]:
    """Every file of *paths* as a :class:`Section`; raises :class:`BuildErrors` with all problems."""
    sections, errors = [], []
    for number, path in enumerate(paths, start=1):
        try:
            sections.append(read_section(path, number, layouts, gate.read_text(path),
                                         skip_headings))
        except BuildErrors as exc:
            errors.extend(exc.errors)
        except BuildError as exc:
            errors.append(exc)
    if errors:
        raise BuildErrors(errors)
    return sections


def unique_ids(slugs: list[str]) -> list[str]:
    """Make section slugs unique: a repeated slug gets the first free ``-2``, ``-3``…

    Every slug is a run of word characters joined by single hyphens, so it
    never contains ``--`` or ``.``: ids of elements inside a section
    (``SECTION--ID``) and its end anchor (``SECTION.end``, see :mod:`document`)
    cannot collide with each other or with another section's.
    """
    taken, result = set(slugs), []
    seen: set[str] = set()
    for slug in slugs:
        new, suffix = slug, 2
        while new in seen or (new != slug and new in taken):
            new, suffix = f"{slug}-{suffix}", suffix + 1
        seen.add(new)
        result.append(new)
    return result


def read_section(path: Path, number: int, layouts: frozenset[str], text: str,
                 skip_headings: int = 0) -> Section:
    """Parse the section file *path* whose contents are *text*.

    Front matter is optional: without a ``title:`` the first level-1
    heading (``# Title`` or a setext ``===`` heading) is the title, and its
    lines are blanked in the body so it is not printed twice (the line
    numbers of everything after it stay those of the file); with
    *skip_headings* the title is a later level-1 heading (those before it are
    blanked too). Raises
    :class:`BuildErrors` on bad front matter or a file with no title at all.
    """
    lines = text.splitlines(keepends=True)
    end = front_matter_end(path, lines)
    front = load_mapping("".join(lines[1:end]), path, line_offset=1) if end else None
    data = dict(front.data) if front else {}
    title_line = front.line(("title",)) if front else 1
    body = lines[end + 1:] if end else lines
    body_line = end + 2 if end else 1
    errors = []
    title = data.pop("title", None)
    from_heading = title is None
    if from_heading:
        title, body, title_line = heading_title(body, body_line, title_line, skip_headings)
    if title is None and front is None:
        errors.append(BuildError(path, 1, "no title: start the file with a '# Title' line, "
                                          "or front matter with 'title:'"))
    elif title is None:
        errors.append(BuildError(path, title_line, "front matter needs a 'title' "
                                                   "(or start the text with a '# Title' line)"))
    elif not isinstance(title, str) or not title.strip():
        errors.append(BuildError(path, title_line, "front matter needs a 'title'"))
    layout = data.pop("layout", DEFAULT_LAYOUT)
    if not isinstance(layout, str):
        errors.append(BuildError(path, front.line(("layout",)),
                                 f"layout: expected a layout name such as 'section', got {layout!r}"))
        layout = DEFAULT_LAYOUT
    elif layout not in layouts:
        errors.append(BuildError(path, front.line(("layout",)) if front else 1,
                                 f"unknown layout '{layout}' (known: {', '.join(sorted(layouts))})"))
    in_toc = data.pop("in_toc", layout not in FRONT_AND_BACK)
    if not isinstance(in_toc, bool):
        errors.append(BuildError(path, front.line(("in_toc",)), "in_toc: expected true or false"))
    lang = data.get("lang")
    if lang is not None and not (isinstance(lang, str) and LANG.match(lang)):
        errors.append(BuildError(path, front.line(("lang",)),
                                 f"lang: expected a language tag such as 'en' or 'ru', got {lang!r}"))
    if errors:
        raise BuildErrors(errors)
    lines_of = {key[0]: line for key, line in front.lines.items() if len(key) == 1} if front else {}
    lines_of.setdefault("title", title_line)
    return Section(
        path=path, id=slug_from_name(path.stem), number=number, title=title.strip(),
        layout=layout, in_toc=in_toc, data=FrozenDict(data),
        data_lines=FrozenDict(lines_of), body="".join(body), body_line=body_line,
        title_from_heading=from_heading,
    )


def front_matter_end(path: Path, lines: list[str]) -> int:
    """Index of the line closing the front matter, or 0 when the file has none.

    Raises :class:`BuildError` when a ``---`` first line is never closed.
    """
    if not lines or not FENCE.match(lines[0]):
        return 0
    end = next((i for i in range(1, len(lines)) if FENCE.match(lines[i])), None)
    if end is None:
        raise BuildError(path, 1, "front matter is not closed: add a '---' line after it")
    return end


def heading_title(body: list[str], first_line: int, default_line: int, skip: int = 0):
    """The first level-1 heading of *body* (outside code) as ``(title, body, line)``.

    With *skip*, the heading after the first *skip* ones (or the last, when
    there are fewer). The chosen heading's lines, and those of the headings
    skipped, are blanked in the returned body. ``(None, body, default_line)``
    when there is none.
    """
    found = list(level_one_headings(body))[:skip + 1]
    if not found:
        return None, body, default_line
    blanked = list(body)
    for index, size, _ in found:
        blanked[index:index + size] = ["\n"] * size
    index, _, title = found[-1]
    return title, blanked, first_line + index


def level_one_headings(body: list[str]):
    """``(index, lines, text)`` of each ATX ``# heading`` and setext ``===`` heading of *body*."""
    fence = None
    for index, line in enumerate(body):
        marker = CODE_FENCE.match(line)
        if marker:
            if fence is None:
                fence = marker.group(1)[0] * 3
            elif marker.group(1).startswith(fence):
                fence = None
            continue
        if fence is not None or line.startswith(("    ", "\t")):
            continue
        atx = ATX_H1.match(line)
        following = body[index + 1] if index + 1 < len(body) else ""
        if atx and atx.group(1).strip():
            yield index, 1, atx.group(1).strip()
        elif line.strip() and SETEXT_H1.match(following) and not line.lstrip().startswith(
                ("-", "*", "+", ">", "|", "#")):
            yield index, 2, line.strip()


def slug_from_name(stem: str) -> str:
    """``02-History of the Quay`` → ``history-of-the-quay`` (stable HTML id)."""
    stem = re.sub(r"^\d+[-_ .]*", "", stem)
    words = re.findall(r"\w+", stem.lower())
    return "-".join(words) or "section"


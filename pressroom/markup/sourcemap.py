"""The source map: every block of a section's HTML names the Markdown line that made it.

Python-Markdown's block parser keeps no line numbers, so they are stamped
while parsing, in three steps:

1. :class:`SourceLinePreprocessor` reads the raw lines, where line numbers
   are still true, and puts a one-line marker block ``⁠§41`` before every
   block that starts a line of the file (not inside fenced code, not an
   indented continuation);
2. :class:`SourceLineBlockProcessor`, first of the block processors,
   takes each marker out and remembers where in the tree the next element
   will go;
3. :class:`SourceMapTreeprocessor` writes ``data-src="content/03-history.md:41"``
   on those elements — into the stashed HTML for fenced code and raw HTML.

Later stages read the attribute back: :func:`source_of` gives the stamp of
the nearest stamped ancestor of a laid-out box, so a finding on a page names
the line that made it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE

from ..errors import BuildError, display_path

ATTRIBUTE = "data-src"
MARK = "\u2060\u00a7"  # invisible marker + "§": its line holds "⁠§LINE" and nothing else
MARKED = re.compile(rf"^{MARK}(\d+)$")
# What the preprocessor inserts before a line after a blank one: the marker, a blank line.
INSERTED = re.compile(rf"^{MARK}\d+\n\n", re.MULTILINE)
MARK_LINE = re.compile(rf"^{MARK}\d+\n?", re.MULTILINE)
CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")  # Python-Markdown's fences start at column 0
DIV_FENCE = re.compile(r"^ {0,3}:{3,}")
INDENTED = re.compile(r"^(?: {4}|\t)")
# Blocks whose indented blocks after a blank line continue them: list items,
# footnotes, definitions.
ITEM = re.compile(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|\[\^[^\]]+\]:|:[ \t])")
FIRST_TAG = re.compile(r"^(\s*<[A-Za-z][\w-]*)")
# Runs before whitespace normalisation (30) and before fenced code and raw
# HTML are stashed (25, 20), while the lines are the file's own.
PREPROCESSOR_PRIORITY = 40
BLOCK_PRIORITY = 200  # before every other block processor
# After codehilite (30) has stashed code blocks, before inline patterns (20).
TREE_PRIORITY = 25


def stamp(source: str, line: int) -> str:
    """The attribute value for *line* of the file *source* (project-relative)."""
    return f"{source}:{line}"


def line_of_mark(text: str) -> int | None:
    """The line a marker line stands for, or None for any other line."""
    match = MARKED.match(text)
    return int(match[1]) if match else None


def strip_marks(text: str) -> str:
    """*text* as the file has it, without the markers (raw HTML blocks may have swallowed some)."""
    return MARK_LINE.sub("", INSERTED.sub("", text))


def stamp_line(html: str) -> int:
    """The line stamped on the first element of *html* (0 for none)."""
    match = re.match(rf'^\s*<[A-Za-z][\w-]*\s+{ATTRIBUTE}="[^"]*:(\d+)"', html)
    return int(match[1]) if match else 0


def stamped_lines(root: etree.Element):
    """``(element, line)`` for *root* and every element below it, in document order: the line
    stamped on it or on its nearest stamped ancestor (0 for none)."""
    def down(element: etree.Element, line: int):
        for child in element:
            value = child.get(ATTRIBUTE, "")
            here = int(value.rpartition(":")[2]) if value else line
            yield child, here
            yield from down(child, here)
    yield root, 0
    yield from down(root, 0)


def stamp_html(html: str, value: str) -> str:
    """*html* with ``data-src`` on its first element (stashed or rendered HTML)."""
    if not value or ATTRIBUTE in html.split(">", 1)[0]:
        return html
    return FIRST_TAG.sub(lambda m: f'{m[1]} {ATTRIBUTE}="{value}"', html, count=1)


class SourceLinePreprocessor(Preprocessor):
    """Put a marker block ``⁠§N`` before every block starting at line N of the file."""

    def __init__(self, md, path: Path, first_line: int):
        super().__init__(md)
        self.path, self.first_line = path, first_line

    def run(self, lines: list[str]) -> list[str]:
        """The lines with markers; raises :class:`BuildError` where the file holds one itself."""
        out: list[str] = []
        fence, blank, continued = "", True, False
        for offset, text in enumerate(lines):
            if MARK in text:
                raise BuildError(self.path, self.first_line + offset,
                                 "the invisible character U+2060 followed by '§' is reserved "
                                 "by pressroom — remove it")
            if fence:
                fence = "" if text.rstrip(" ") == fence else fence  # closed by the same run
                out.append(text)
                continue
            # A ':::' line is a block of its own (fences.py puts blank lines
            # around it), and so is the line after it.
            divided = bool(DIV_FENCE.match(text))
            starts = (blank or divided) and text.strip()
            indented = bool(INDENTED.match(text))
            if starts and not indented:
                continued = bool(ITEM.match(text))
            # An indented block goes on the list item, footnote or definition
            # above it (a marker between would cut it off); else it is code.
            if starts and not (indented and continued):
                # A blank line before the marker only where there is none (after a
                # ':::' line): a block that starts with a newline would be read as
                # a blank line more (in a code block, one line more).
                out.extend([*([""] * (not blank)), f"{MARK}{self.first_line + offset}", ""])
            if code := CODE_FENCE.match(text):
                fence = code[1]
            blank = not text.strip() or divided
            out.append(text)
        return out


class SourceLineBlockProcessor(BlockProcessor):
    """Take marker blocks out; note which child of which parent the next block becomes."""

    def __init__(self, parser):
        super().__init__(parser)
        self.places: list[tuple[etree.Element, int, int]] = []  # (parent, index, line)

    def test(self, parent: etree.Element, block: str) -> bool:
        return line_of_mark(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        self.places.append((parent, len(parent), line_of_mark(blocks.pop(0))))


class SourceMapTreeprocessor(Treeprocessor):
    """Write ``data-src`` on every element a marked block made."""

    def __init__(self, md, source: str, places: SourceLineBlockProcessor):
        super().__init__(md)
        self.source, self.places = source, places

    def run(self, root: etree.Element) -> None:
        # A block that joined the element before it (a list item, a code
        # block's next part) made no element: the next marker names the same
        # place, and the last one is the block that made it.
        made: dict[tuple[int, int], tuple[etree.Element, int, int]] = {}
        for parent, index, line in self.places.places:
            made[(id(parent), index)] = (parent, index, line)
        stash = self.md.htmlStash.rawHtmlBlocks
        for parent, index, line in made.values():
            if index >= len(parent):
                continue
            element, value = parent[index], stamp(self.source, line)
            held = HTML_PLACEHOLDER_RE.fullmatch((element.text or "").strip())
            if held and len(element) == 0 and isinstance(stash[int(held[1])], str):
                # Fenced code and raw HTML wait in the stash; the placeholder
                # paragraph must stay bare for Python-Markdown to swap it back.
                stash[int(held[1])] = stamp_html(stash[int(held[1])], value)
            elif not held:
                element.set(ATTRIBUTE, value)


@dataclass(frozen=True)
class SourceMap:
    """Turns ``data-src`` stamps into ``path:line`` as messages print them."""

    project: Path

    def where(self, value: str) -> str:
        """``content/03-history.md:41`` → that path as the terminal shows it, with its line."""
        if not value:
            return ""
        source, _, line = value.rpartition(":")
        return f"{display_path(self.project / source)}:{line}"


def source_of(box) -> str:
    """The ``data-src`` of *box*'s element or of its nearest stamped ancestor element."""
    element = getattr(box, "element", None)
    while element is not None:
        if value := element.get(ATTRIBUTE):
            return value
        element = element.getparent() if hasattr(element, "getparent") else None
    return ""

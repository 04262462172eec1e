"""Break opportunities in long table-cell words: URLs, long numbers, compounds.

A table column is at least as wide as its longest word. The theme lets body
text break such a word anywhere (``overflow-wrap: anywhere``), but in a cell
that also shrinks every column to a single letter; so cells keep whole words
(``break-word``), and here a word too long for any column gets ``<wbr>``
opportunities: after URL punctuation, and every few characters of a long run.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

LONG = 16  # a word this long may not fit a column of a narrow page
RUN = 6    # characters between opportunities in a run longer than two of them
# A segment of a long word: letters or digits up to and including URL punctuation.
SEGMENT = re.compile(r"[^/._\-?&=#:,]*[/._\-?&=#:,]+|[^/._\-?&=#:,]+")
PRIORITY = 2  # after attr_list (8) and task lists (3), before pressroom's own (1)


class CellBreaksTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        cells = [e for e in root.iter() if e.tag in ("td", "th")]
        for parent in [e for cell in cells for e in cell.iter()]:
            # The parent's own text, then each child's tail (the text after it).
            parent.text, before = _split(parent.text)
            for offset, piece in enumerate(before):
                parent.insert(offset, _wbr(piece))
            for child in list(parent):
                child.tail, after = _split(child.tail)
                position = list(parent).index(child) + 1
                for offset, piece in enumerate(after):
                    parent.insert(position + offset, _wbr(piece))


def _split(value: str | None) -> tuple[str | None, list[str]]:
    """*value* as its first piece and the pieces that each follow a ``<wbr>``."""
    if not value or not any(len(word) >= LONG for word in value.split()):
        return value, []
    pieces: list[str] = [""]
    for token in re.split(r"(\s+)", value):
        # A word holding one of Python-Markdown's placeholders (\x02…\x03: a
        # stashed entity, smart quote or inline HTML) is left whole: a cut
        # inside the placeholder would print its control characters.
        if len(token) < LONG or "\x02" in token:
            pieces[-1] += token
            continue
        first, *rest = _pieces(token)
        pieces[-1] += first
        pieces.extend(rest)
    return pieces[0], pieces[1:]


def _pieces(word: str) -> list[str]:
    """*word* cut after URL punctuation, and every :data:`RUN` characters of a long run."""
    pieces = []
    for segment in SEGMENT.findall(word):
        if len(segment) <= 2 * RUN:
            pieces.append(segment)
        else:
            pieces.extend(segment[i:i + RUN] for i in range(0, len(segment), RUN))
    return pieces


def _wbr(tail: str) -> etree.Element:
    element = etree.Element("wbr")
    element.tail = tail
    return element

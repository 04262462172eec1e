"""Numeric table columns: right-aligned, in tabular lining figures.

A column of figures reads down its units, so it is set flush right in
figures of one width. Here a column whose every non-empty body cell is a
number gets ``class="num"`` on each of its cells, header included; the
theme sets ``.num`` right-aligned, ``lining-nums tabular-nums``, on one
line. A number is what a table of figures holds:

- digits with an optional sign (``+ - − ±``), thousands separated by
  ``,`` ``.`` a space, a thin or a no-break space (``1,900``, ``4 500``),
  decimals (``0.4``, ``4,2``);
- a currency sign before or after (any of Unicode's: ``£ € $ ₼ ₽``, also
  ``US$``) or a currency code before (``EUR 5``); a percent or per-mille
  sign, or a unit of up to four letters, after (``6.2 km``, ``48 ha``,
  ``120 m²``, ``30 km/h``, ``1.14 bn``, ``12 млн``, ``5 EUR``);
- a range of two such (``2008–2013``, ``£5–10``), a leading ``~ ≈ < >``,
  accounting brackets (``(1,200)``), a short note in brackets after it
  (``9,700 (2025)``, ``1.3 million (expected)``), a footnote reference.

A dash alone (``–``, ``—``, ``-``), ``n/a`` or ``none`` stands for "no
figure" and counts as an empty cell. Bold or italic figures count (a totals
row). The author's own alignment (``---:``, ``:---:``, ``:---``) stays: it
is set on the cell and wins over the class.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator

from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

PRIORITY = 4  # after inline patterns (20), attr_list (8), smarty (6); before task lists (3)

STASHED = re.compile(f"{STX}wzxhzdk:(\\d+){ETX}")  # an entity, smart quote or inline HTML
ESCAPED = re.compile(f"{STX}(\\d{{1,7}}){ETX}")  # a backslash escape, by code point
TAG = re.compile(r"<[^>]*>")
SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u200a\u202f]+")
LONGEST = 48  # no figure in a cell is longer: longer text is words, and is not scanned
NUMBER = r"(?:\d{1,3}(?:[,. ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|[.,]\d+)"
LETTERS = r"[^\W\d_]{1,4}\.?[²³]?"  # km, ha, m², bn, млн, тыс.
UNIT = rf"(?:%|‰|°[CF]?|×|thousand|million|billion|trillion|{LETTERS}(?:/{LETTERS})?)"
SIGN = r"[+\-−±]"
CODE = r"(?:[A-Z]{0,3}¤ ?|[A-Z]{3} )"  # £, US$, EUR before the figure (¤: any currency sign)
VALUE = rf"(?:{SIGN} ?)?{CODE}?(?:{SIGN} ?)?{NUMBER}(?: ?(?:¤|{UNIT}))?"
NOTE = r"(?: \([^()]{1,20}\))?"  # "9,700 (2025)", "1.3 million (expected)"
FIGURE = re.compile(rf"[~≈<>≤≥]? ?(?:{VALUE}(?: ?[–—-] ?{VALUE})?{NOTE}|\({VALUE}\))")
# What stands in a column of figures for "no figure" counts as an empty cell.
NONE = frozenset({"–", "—", "-", "−", "…", "?", "n/a", "n.a.", "none", "nil"})


class TableColumnsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            body = [row for part in table if part.tag == "tbody" for row in part if row.tag == "tr"]
            for column in numeric_columns(body, self.cell_text):
                for row in table.iter("tr"):  # the header row too
                    cells = [cell for cell in row if cell.tag in ("td", "th")]
                    if column < len(cells):
                        _add_class(cells[column], "num")

    def cell_text(self, cell: etree.Element) -> str:
        """The text a reader sees in *cell*, without footnote references."""
        text = "".join(_inner(cell))
        stash = self.md.htmlStash.rawHtmlBlocks
        text = STASHED.sub(lambda m: TAG.sub("", str(stash[int(m[1])]))
                           if int(m[1]) < len(stash) else "", text)
        text = ESCAPED.sub(lambda m: chr(min(int(m[1]), 0x10FFFF)), text)
        return html.unescape(text)


def numeric_columns(rows: list[etree.Element], text: Callable[[etree.Element], str]) -> list[int]:
    """Indices of the columns whose every non-empty cell in *rows* is a number."""
    columns: dict[int, bool] = {}
    for row in rows:
        for index, cell in enumerate(c for c in row if c.tag in ("td", "th")):
            value = text(cell).strip()
            if value and value.casefold() not in NONE:
                columns[index] = columns.get(index, True) and is_number(value)
    return sorted(index for index, numeric in columns.items() if numeric)


def is_number(text: str) -> bool:
    """Whether *text* is a figure, a measure, an amount or a range of them."""
    text = SPACES.sub(" ", text).strip()
    if len(text) > LONGEST:
        return False
    text = "".join("¤" if unicodedata.category(char) == "Sc" else char for char in text)
    return bool(FIGURE.fullmatch(text))


def _inner(element: etree.Element) -> Iterator[str]:
    """The text inside *element*, skipping footnote references (``<sup>`` of footnotes)."""
    yield element.text or ""
    for child in element:
        if not (child.tag == "sup" and any("footnote-ref" in (c.get("class") or "").split()
                                           for c in child)):
            yield from _inner(child)
        yield child.tail or ""


def _add_class(element: etree.Element, name: str) -> None:
    classes = (element.get("class") or "").split()
    if name not in classes:
        element.set("class", " ".join([*classes, name]))

"""Which table cells read as numbers (pressroom/markup/tablecols.py); the marking is in the
Markdown fixtures table-numbers and table."""

from __future__ import annotations

import pytest

import xml.etree.ElementTree as etree

from pressroom.markup.tablecols import is_number, numeric_columns

NUMBERS = ["620", "1,900", "2008–2013", "2008 – 2013", "0.4 km", "48 ha", "120 m²", "30 km/h",
           "€1.14 bn", "£5–10", "−3.5", "+12 %", "30\u00a0%", "4 500", "4\u202f500", "1\u2009200",
           "₼ 250", "250 ₼", "(1,200)", "~40", "1.140,5", "12 млн", "$3", "2–4 km", "10–20 %",
           "1 000 000", ".5", "≈ 2", "US$ 5", "EUR 1,200", "5 EUR",
           "9,700 (2025)", "1.3 million (expected)"]
WORDS = ["none", "Total", "5 + cellar", "1.3 million people", "9,700 (see the note on page 4)",
         "1-in-500-year storm surge", "6 to 8", "35 minutes", "Phase 1 (2008–2013)", "A1",
         "2 3", "12:30", "2024-05-01", "1 in 3", "%", "km", "1,2,3", "v2"]


@pytest.mark.parametrize("text", NUMBERS)
def test_numbers(text: str):
    assert is_number(text)


@pytest.mark.parametrize("text", WORDS)
def test_words(text: str):
    assert not is_number(text)


def test_a_column_is_numeric_when_every_figure_cell_is_a_number():
    rows = [["One", "1,100", "–", "x", "", "n/a"], ["Two", "none", "12", "3", "", "n/a"],
            ["Three", "0.4 km", "", "y", "", "—"]]
    elements = []
    for row in rows:
        tr = etree.Element("tr")
        for text in row:
            etree.SubElement(tr, "td").text = text
        elements.append(tr)
    # A placeholder ("–", "none", "n/a") is no figure; a column of nothing but them is not numeric.
    assert numeric_columns(elements, lambda cell: cell.text) == [1, 2]

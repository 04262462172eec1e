"""Footnotes at the foot of the page.

Python-Markdown's footnotes extension collects notes at the end of the text;
printed brochures set them at the foot of the page, which WeasyPrint does for
elements with ``float: footnote``. :func:`float_footnotes` moves each note to
its call site as ``<span class="footnote">``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions.footnotes import NBSP_PLACEHOLDER


def float_footnotes(root: etree.Element) -> None:
    """Replace each ``<sup><a class="footnote-ref">`` by its note; drop the notes list."""
    notes_div = next((d for d in root.iter("div") if d.get("class") == "footnote"), None)
    if notes_div is None:
        return
    notes = {li.get("id"): li for li in notes_div.iter("li")}
    for parent in list(root.iter()):
        for index, child in enumerate(list(parent)):
            link = child.find("a") if child.tag == "sup" else None
            if link is None or link.get("class") != "footnote-ref":
                continue
            note = notes.get(link.get("href", "#")[1:])
            if note is None:
                continue
            span = _note_span(note)
            span.tail = child.tail
            parent.remove(child)
            parent.insert(index, span)
    root.remove(notes_div)


def _note_span(note: etree.Element) -> etree.Element:
    """The note's paragraphs as one inline span, without the back link."""
    span = etree.Element("span", {"class": "footnote"})
    for number, paragraph in enumerate(list(note)):
        for backref in paragraph.findall("a"):
            if backref.get("class") == "footnote-backref":
                tail = backref.tail or ""
                paragraph.remove(backref)
                _append_text(paragraph, tail)
        if number:
            _append_text(span, " ")
        _append_text(span, paragraph.text or "")
        for child in paragraph:
            span.append(child)
    _strip_trailing(span)
    return span


def _append_text(element: etree.Element, text: str) -> None:
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _strip_trailing(element: etree.Element) -> None:
    # The removed back link leaves a (placeholder) non-breaking space behind.
    def strip(text: str | None) -> str:
        return (text or "").replace(NBSP_PLACEHOLDER, " ").rstrip()
    if len(element):
        element[-1].tail = strip(element[-1].tail)
    else:
        element.text = strip(element.text)

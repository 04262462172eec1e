"""Stage 3: each :class:`Section`'s Markdown → HTML, one section at a time.

Python-Markdown with tables, footnotes, attribute lists, definition lists,
smart quotes and unicode heading ids, plus :class:`SectionTreeprocessor`,
which makes the HTML safe to combine into one document: ids are prefixed
with the section id, images are checked and resolved against the section
file, and footnotes become ``<span class="footnote">`` for ``float: footnote``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import NBSP_PLACEHOLDER
from markdown.extensions.toc import slugify_unicode
from markdown.treeprocessors import Treeprocessor

from .errors import BuildError
from .sections import Section

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|//)")
EXTENSIONS = ("tables", "footnotes", "attr_list", "def_list", "smarty", "md_in_html")


@dataclass(frozen=True)
class RenderedSection:
    """A section with its body as an HTML fragment (ids unique in the document)."""

    section: Section
    html: str


def render_sections(sections: tuple[Section, ...], root: Path) -> tuple[RenderedSection, ...]:
    """Convert every section; *root* is the project directory images must stay in."""
    return tuple(render_section(section, root) for section in sections)


def render_section(section: Section, root: Path) -> RenderedSection:
    """Markdown → HTML for one section; raises :class:`BuildError` at the offending line."""
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, "toc", SectionExtension(section, root)],
        extension_configs={"toc": {"slugify": slugify_unicode, "permalink": False},
                           "footnotes": {"BACKLINK_TEXT": ""}},
        output_format="html",
    )
    return RenderedSection(section, md.convert(section.body))


def resolve_asset(reference: str, section: Section, root: Path, line: int) -> Path:
    """Resolve a file reference written in *section* to an absolute path inside *root*.

    Raises :class:`BuildError` at *line* for remote URLs, paths leaving the
    project and missing files.
    """
    if SCHEME.match(reference):
        raise BuildError(section.path, line,
                         f"remote or absolute URL '{reference}' is not allowed: "
                         "copy the file into the project and use a relative path")
    path = (section.path.parent / unquote(reference)).resolve()
    if not path.is_relative_to(root.resolve()):
        raise BuildError(section.path, line,
                         f"'{reference}' is outside the project directory")
    if not path.is_file():
        raise BuildError(section.path, line, f"file '{reference}' not found")
    return path


class SectionExtension(Extension):
    def __init__(self, section: Section, root: Path):
        super().__init__()
        self.section, self.root = section, root

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Priority 1: after inline patterns (20), attr_list (8) and toc (5), so
        # every id and image exists by the time we rewrite them.
        md.treeprocessors.register(SectionTreeprocessor(md, self.section, self.root),
                                   "pressroom-section", 1)


class SectionTreeprocessor(Treeprocessor):
    def __init__(self, md: markdown.Markdown, section: Section, root: Path):
        super().__init__(md)
        self.section, self.root = section, root

    def run(self, root: etree.Element) -> None:
        self.float_footnotes(root)
        for element in root.iter():
            if element.tag == "img":
                self.resolve_image(element)
            if "id" in element.attrib:
                element.set("id", self.prefixed(element.get("id")))
            href = element.get("href", "")
            if href.startswith("#"):
                element.set("href", "#" + self.prefixed(href[1:]))

    def prefixed(self, anchor: str) -> str:
        return f"{self.section.id}-{anchor}"

    def resolve_image(self, image: etree.Element) -> None:
        src = image.get("src", "")
        if src.startswith("data:"):
            return
        line = self.section.line_of(f"]({src}") if src else self.section.body_line
        image.set("src", resolve_asset(src, self.section, self.root, line).as_uri())

    def float_footnotes(self, root: etree.Element) -> None:
        """Move each endnote into its call site as ``<span class="footnote">``.

        Printed brochures set notes at the foot of the page; WeasyPrint does
        that for elements with ``float: footnote``.
        """
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
                span = self.note_span(note)
                span.tail = child.tail
                parent.remove(child)
                parent.insert(index, span)
        root.remove(notes_div)

    @staticmethod
    def note_span(note: etree.Element) -> etree.Element:
        span = etree.Element("span", {"class": "footnote"})
        paragraphs = list(note)
        for number, paragraph in enumerate(paragraphs):
            for backref in paragraph.findall("a"):
                if backref.get("class") == "footnote-backref":
                    tail = (backref.tail or "")
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
    # The removed backlink leaves a (placeholder) non-breaking space behind.
    def strip(text: str | None) -> str:
        return (text or "").replace(NBSP_PLACEHOLDER, " ").rstrip()
    if len(element):
        element[-1].tail = strip(element[-1].tail)
    else:
        element.text = strip(element.text)

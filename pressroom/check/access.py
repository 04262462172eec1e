"""Accessibility: what a screen reader needs, checked on the pages and in the written PDF.

- ``alt-text``: every picture in the flow has a description (``alt``: the
  caption, or ``{alt="…"}``) or is declared decorative (``{.decorative}``, a cover
  without ``background_alt``). Missing or placeholder text ("image", the file
  name) is an error in an accessible profile, a warning elsewhere.
- ``headings`` (accessible profiles): heading levels go down one at a time
  (a screen reader's outline of the document has no holes).
- ``structure`` (accessible profiles): the written file has a structure tree, a
  language, alternative text on every ``/Figure`` and text on every link.
"""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
from weasyprint.formatting_structure import boxes

from .findings import Finding, PreflightInput, Sources, picture_name
from .pageflow import flow, pages, sourced
from ..press.artifacts import structure_kids
from ..press.tagging import DECORATIVE_ROLES

# Alt text that names the kind of thing, not what it shows (English, Russian, Azerbaijani).
PLACEHOLDER = re.compile(
    r"^(image|img|picture|pic|photo|photograph|figure|fig|graphic|chart|diagram|logo|icon|"
    r"illustration|untitled|alt|alt text|placeholder|screenshot|изображение|картинка|фото|"
    r"рисунок|иллюстрация|şəkil|foto|rəsm)(\s*[-_#.]?\s*\d+)?$", re.IGNORECASE)
HEADING = re.compile(r"^h([1-6])$")
# The structure check says this without a line; alt-text says it with one.
NO_FIGURE_ALT = "a /Figure has no /Alt text"


def check_accessibility(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Alt text always; heading levels and the structure tree in accessible profiles."""
    findings = check_alt_text(given, sources)
    if given.profile.accessible:
        findings += check_heading_levels(given, sources)
        # A figure the alt-text check located is not reported again without its line.
        located = {finding.page for finding in findings if finding.check == "alt-text"}
        findings += [finding for finding in check_structure(given.pdf)
                     if not (finding.message == NO_FIGURE_ALT and finding.page in located)]
    return findings


def check_alt_text(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Pictures without a description a screen reader can say instead of them."""
    severity = "error" if given.profile.accessible else "warning"
    findings, seen = [], set()
    for number, page in pages(given):
        owner = {id(box): (section_id, stamp) for box, section_id, stamp in sourced(page)}
        for box in flow(page):
            element = box.element
            if not isinstance(box, boxes.ReplacedBox) or element is None or id(element) in seen:
                continue
            seen.add(id(element))
            if element.get("aria-hidden") == "true" or element.get("role") in DECORATIVE_ROLES:
                continue  # declared decorative: an artifact, nothing to say
            src = element.get("src", "")
            problem = alt_problem(described(element), src)
            if problem:
                section_id, stamp = owner.get(id(box), ("", ""))
                findings.append(Finding(severity, "alt-text", problem, number,
                                        sources.picture(src, stamp, section_id)))
    return findings


def described(element) -> str | None:
    """An image's alt text; an inline SVG's ``<title>`` (WeasyPrint's /Alt for it)."""
    if element.tag.endswith("svg"):
        title = next((child for child in element if str(child.tag).endswith("title")), None)
        if title is not None and (title.text or "").strip():
            return title.text
    return element.get("alt")


def alt_problem(alt: str | None, src: str) -> str:
    """What is wrong with *alt* as the description of the picture at *src* ('' if nothing)."""
    name = picture_name(src)
    text = " ".join((alt or "").split())
    fix = "describe it (the caption, or {alt=\"…\"}) or mark it {.decorative}"
    if not text:
        return f"{name} has no alt text — {fix}"
    if PLACEHOLDER.match(text) or text.lower() in (name.lower(), Path(name).stem.lower()):
        return f"{name} has the alt text '{text}', which says nothing of what it shows — {fix}"
    return ""


def check_heading_levels(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Headings that skip a level after the one before them (an ``h2`` then an ``h4``)."""
    findings, seen, previous = [], set(), 1
    for number, page in pages(given):
        for box, section_id, stamp in sourced(page):
            match = HEADING.match(box.element_tag or "") if box.element is not None else None
            if match is None or id(box.element) in seen:
                continue
            seen.add(id(box.element))
            level = int(match[1])
            if level > previous + 1:
                findings.append(Finding(
                    "error", "headings", f"heading level {level} follows level {previous}: a "
                    f"screen reader's outline skips a level — use {'#' * (previous + 1)}",
                    number, sources.of(stamp, section_id)))
            previous = level
    return findings


def check_structure(pdf_path: Path) -> list[Finding]:
    """The written PDF's structure tree, as a PDF/UA validator reads it (no page boxes)."""
    findings = []
    with pikepdf.open(pdf_path) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None or not pdf.Root.get("/MarkInfo", {}).get("/Marked", False):
            return [Finding("error", "structure", "the PDF has no structure tree")]
        if not str(pdf.Root.get("/Lang", "")):
            findings.append(Finding("error", "structure", "the PDF names no language "
                                    "(set lang in publication.yml)"))
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        for element in structure_elements(root):
            if element.get("/S") == "/Figure" and not str(element.get("/Alt", "")).strip():
                page = element.get("/Pg")
                findings.append(Finding("error", "structure", NO_FIGURE_ALT,
                                        pages.get(page.objgen, 0) if page is not None else 0))
        for number, page in enumerate(pdf.pages, start=1):
            for annotation in page.obj.get("/Annots", []):
                if annotation.get("/Subtype") == "/Link" and \
                        not str(annotation.get("/Contents", "")).strip():
                    findings.append(Finding("error", "structure", "a link has no text "
                                            "(/Contents)", number))
    return findings


def structure_elements(root: pikepdf.Object):
    """Every structure element below *root*, depth first (the reading order)."""
    for kid in structure_kids(root):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from structure_elements(kid)

"""Preflight: what a print shop checks, found before the PDF leaves the house.

:func:`preflight` reads the laid-out pages (WeasyPrint boxes) and the written
PDF and returns :class:`Finding` s, each with a severity, the page and, where
the problem comes from content, the Markdown ``path:line``. Checks on the laid-out boxes live here,
checks of how content flows over the pages in :mod:`pageflow`, checks on the written file in
:mod:`pdfchecks` and, for printer's marks, :mod:`slugcheck`.
"""

from __future__ import annotations

import re

from weasyprint.formatting_structure import boxes

from .access import check_accessibility
from .findings import Finding, PreflightInput, Sources, picture_name
from ..messages import logged
from .pageflow import check_page_flow, classes, flow, pages, sourced, walk
from .pdfchecks import check_pdf, read_contents
from .slugcheck import check_marks_in_bleed

PX_PER_INCH = 96
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
MISSING_ANCHOR = re.compile(r"No anchor #(\S+) for internal URI reference")
NO_GLYPH = re.compile(r'^\.notdef glyph rendered for Unicode string unsupported by fonts: '
                      r'"(.+)" \(U\+([0-9A-F]+)\)$', re.DOTALL)
NO_ALT = re.compile(r'^Image ".*" has no required alt description$', re.DOTALL)  # access.py's
NO_LANG = re.compile(r'^Missing required "lang" attribute')  # access.check_structure says so
READ_BY_CHECKS = (MISSING_ANCHOR, NO_GLYPH, NO_ALT, NO_LANG)


def preflight(given: PreflightInput) -> tuple[Finding, ...]:
    """Run every check; findings come sorted by page."""
    sources = Sources(given.sections)
    findings = [
        *check_pdf(given),
        *check_images(given, sources),
        *check_overflow(given, sources),
        *check_contents(given),
        *check_links(given, sources),
        *check_stranded_headings(given, sources),
        *check_empty_before_figures(given, sources),
        *check_page_flow(given, sources),
        *check_marks_in_bleed(given),
        *check_missing_glyphs(given, sources),
        *check_accessibility(given, sources),
        *unread_warnings(given),
    ]
    return tuple(sorted(findings, key=lambda f: (f.page, f.severity != "error", f.check)))


def check_images(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Effective resolution of every placed raster image, and full-bleed reach."""
    findings = []
    for number, page in pages(given):
        # The page box's origin is the trim corner; the bleed lies outside it.
        bleed = page.bleed
        left, top = -bleed["left"], -bleed["top"]
        right = page.margin_width() + bleed["right"]
        bottom = page.margin_height() + bleed["bottom"]
        owner = {id(box): (section_id, stamp) for box, section_id, stamp in sourced(page)}
        for box, around in walk(page, frozenset()):
            if not isinstance(box, boxes.ReplacedBox) or box.element is None:
                continue
            src = box.element.get("src", "")
            section_id, stamp = owner.get(id(box), ("", ""))
            where = sources.picture(src, stamp, section_id)
            ppi = effective_ppi(box)
            if ppi is not None:
                name = picture_name(src)
                if ppi < given.profile.min_dpi_error:
                    findings.append(Finding("error", "image-resolution",
                                            f"{name} is placed at {ppi:.0f} ppi (needs "
                                            f"{given.profile.min_dpi_error})", number, where))
                elif ppi < given.profile.min_dpi_warning:
                    findings.append(Finding("warning", "image-resolution",
                                            f"{name} is placed at {ppi:.0f} ppi (wants "
                                            f"{given.profile.min_dpi_warning})", number, where))
            if "full-bleed" in around and given.profile.bleed:
                x, y = box.position_x, box.position_y
                if x > left + 0.5 or y > top + 0.5 or x + box.width < right - 0.5 \
                        or y + box.height < bottom - 0.5:
                    findings.append(Finding("error", "full-bleed",
                                            "a .full-bleed figure does not reach the bleed edge",
                                            number, where))
    return findings


def effective_ppi(box) -> float | None:
    """Pixels per inch of a raster image as placed, honouring ``object-fit``; None for vectors."""
    image = box.replacement
    width, height = getattr(image, "width", None), getattr(image, "height", None)
    if not width or not height or not box.width or not box.height:
        return None
    across = width / (box.width / PX_PER_INCH)
    down = height / (box.height / PX_PER_INCH)
    # cover scales to the larger ratio (fewer pixels per inch), contain to the smaller.
    return max(across, down) if box.style["object_fit"] in ("contain", "scale-down") \
        else min(across, down)


def check_overflow(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Text lines that run past the page's content area (long words, wide tables)."""
    findings = []
    for number, page in pages(given):
        limit = page.content_box_x() + page.width + 1
        for box, section_id, stamp in sourced(page):
            if isinstance(box, boxes.LineBox) and box.position_x + box.width > limit + 1:
                text = "".join(child.text for child in box.descendants()
                               if isinstance(child, boxes.TextBox))[:40]
                if text.strip():
                    findings.append(Finding("error", "overflow",
                                            f"text runs past the page margin: '{text.strip()}'",
                                            number, sources.of(stamp, section_id)))
    return findings


def check_contents(given: PreflightInput) -> list[Finding]:
    """Printed contents numbers and ranges against the pages the sections really occupy."""
    if not any(section.layout == "toc" for section in given.sections):
        return []  # no contents page to check
    layout = given.layout
    first_page: dict[str, int] = {}
    for index, page in enumerate(layout.document.pages, start=1):
        for anchor in page.anchors:
            first_page.setdefault(anchor, index)
    # By entry, in order: two sections may share a title, never an id.
    printed = read_contents(given.pdf, [entry.title for entry in layout.html.toc])
    findings = []
    for entry, shown in zip(layout.html.toc, printed):
        start, end = first_page.get(entry.id), first_page.get(entry.end_id)
        real = str(start) if start == end else f"{start}–{end}"
        expected = {real, str(start)}  # ranges off shows the first page only
        if shown is None:  # e.g. a title so long that no leader dots are left
            findings.append(Finding("warning", "contents", f"could not read the contents "
                                    f"line for '{entry.title}'", start or 0))
        elif shown not in expected:
            findings.append(Finding("error", "contents",
                                    f"contents says {shown} for '{entry.title}', the section "
                                    f"runs {real}", start or 0))
    return findings


def unread_warnings(given: PreflightInput) -> list[Finding]:
    """WeasyPrint's log records that no check reports in its own words, as records."""
    return [logged(warning) for warning in given.warnings
            if not any(known.search(warning) for known in READ_BY_CHECKS)]


def check_missing_glyphs(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Characters no font has (WeasyPrint draws an empty box), where they are first set."""
    findings = []
    for warning in dict.fromkeys(given.warnings):
        if (match := NO_GLYPH.match(warning)) is None:
            continue
        number, where = _first_box(given, sources, lambda box: isinstance(box, boxes.TextBox)
                                   and match[1] in box.text)
        findings.append(Finding("error", "missing-glyph",
                                f'no font has "{match[1]}" (U+{match[2]}): it prints as an empty '
                                "box — remove it, or add a font that has it to the theme",
                                number, where))
    return findings


def _first_box(given: PreflightInput, sources: Sources, wanted) -> tuple[int, str]:
    """Page and ``path:line`` of the first box for which ``wanted(box)`` holds ((0, '') for none)."""
    for number, page in pages(given):
        for box, section_id, stamp in sourced(page):
            if wanted(box):
                return number, sources.of(stamp, section_id)
    return 0, ""


def check_links(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Links to anchors nowhere in the document, at the line of the first link to each."""
    findings = []
    for warning in given.warnings:
        match = MISSING_ANCHOR.search(warning)
        if match:
            anchor = match[1]
            # Element ids are SECTION--ID and section slugs never contain "--".
            local = anchor.partition("--")[2] or anchor
            number, where = _first_box(given, sources, lambda box: getattr(
                box, "element", None) is not None and box.element.get("href") == f"#{anchor}")
            findings.append(Finding("error", "links", f"link to a missing anchor #{local}",
                                    number, where))
    return findings


def check_stranded_headings(given: PreflightInput, sources: Sources) -> list[Finding]:
    """A subheading that is the last thing on its page, its text on the next."""
    findings = []
    for number, page in pages(given):
        last, stamps = None, {id(box): (section, stamp) for box, section, stamp in sourced(page)}
        for box in flow(page):
            if isinstance(box, boxes.BlockBox) and box.element is not None \
                    and box.style["position"] == "static" and box.style["float"] == "none" \
                    and box.element_tag not in ("html", "body", "section") \
                    and box.height and box.height > 0.5:
                last = box
        if last is not None and last.element_tag in HEADINGS and number < len(given.layout.document.pages):
            # No-break spaces (tied words) read as spaces in a message.
            section_id, stamp = stamps.get(id(last), ("", ""))
            text = " ".join("".join(child.text for child in last.descendants()
                                    if isinstance(child, boxes.TextBox)).split())
            findings.append(Finding("warning", "stranded-heading",
                                    f"heading '{text.strip()}' is stranded at the foot of the page",
                                    number, sources.of(stamp, section_id)))
    return findings


def check_empty_before_figures(given: PreflightInput, sources: Sources) -> list[Finding]:
    """A figure pushed to the next page that leaves more than half of this one empty.

    The finding names the line of the figure's picture.
    """
    findings = []
    laid_out = list(pages(given))
    for (number, page), (_, following) in zip(laid_out, laid_out[1:]):
        blocks = [b for b in flow(page) if isinstance(b, boxes.LineBox)]
        first = _first_flow_classes(following)
        # Full-page and full-bleed figures take a page of their own by design.
        if not blocks or "figure" not in first or first & {"full-page", "full-bleed"}:
            continue
        used = max(b.position_y + b.height for b in blocks) - page.content_box_y()
        if used < page.height / 2:
            findings.append(Finding("warning", "figure-gap",
                                    f"a figure moved to page {number + 1} leaves "
                                    f"{100 - used / page.height * 100:.0f} % of this page empty",
                                    number, _first_picture(following, sources)))
    return findings


def _first_picture(page, sources: Sources) -> str:
    """``path:line`` of the first picture in *page*'s content, in its own section ('' if none)."""
    for box, section_id, stamp in sourced(page):
        if box.element_tag == "img" and box.element is not None:
            return sources.picture(box.element.get("src", ""), stamp, section_id)
    return ""


FLOW_TAGS = {"figure", "p", "h1", "h2", "h3", "h4", "ul", "ol", "dl", "table", "blockquote",
             "aside"}


def _first_flow_classes(page) -> set[str]:
    """Tag and classes of the first content block on *page*."""
    for box in flow(page):
        if isinstance(box, boxes.BlockBox) and box.element is not None and (
                box.element_tag in FLOW_TAGS
                or (box.element_tag == "div" and "section-body" not in classes(box))):
            return classes(box) | {box.element_tag}
    return set()



"""Preflight checks that read the written PDF: fonts, colour, page count, contents text."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from .findings import Finding, PreflightInput, once_per_message


def check_fonts(given: PreflightInput) -> list[Finding]:
    """Fonts must be embedded; a font outside the theme's is a fallback for a missing glyph."""
    findings = []
    with pikepdf.open(given.pdf) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for font in page.Resources.get("/Font", {}).values():
                name = str(font.get("/BaseFont", ""))[1:]
                descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = descendant.get("/FontDescriptor", {})
                if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    findings.append(Finding("error", "fonts", f"font {name} is not embedded",
                                            number))
                family = name.split("+", 1)[-1]
                if given.fonts and not family.startswith(given.fonts):
                    findings.append(Finding(
                        "warning", "fonts", f"font {family} stands in for glyphs the theme fonts "
                                            "lack (tofu risk: check the characters used)", number))
    return once_per_message(findings)


def read_contents(pdf_path: Path, titles: list[str]) -> dict[str, str]:
    """Title → the page or range printed after it and its leader dots.

    Titles may wrap over lines, so each is searched word by word across the
    whole text of every page; the first page showing it with a leader wins.
    """
    patterns = {title: re.compile(r"\s+".join(map(re.escape, title.split()))
                                  + r"\s*\.[\s.]*(\d+(?:–\d+)?)(?!\d)") for title in titles}
    entries: dict[str, str] = {}
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        for page in document:
            text = page.get_textpage().get_text_range()
            for title, pattern in patterns.items():
                if title not in entries and (match := pattern.search(text)):
                    entries[title] = match[1]
    finally:
        document.close()
    return entries


def check_page_count(given: PreflightInput) -> list[Finding]:
    count = len(given.layout.document.pages) if not given.pdf.is_file() else _pdf_pages(given.pdf)
    if given.profile.binding == "saddle-stitch" and count % 4:
        return [Finding("error", "page-count",
                        f"{count} pages: saddle stitching needs a multiple of 4 "
                        f"(add {4 - count % 4} pages, or set pad: true)")]
    return []


def _pdf_pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


RGB_OPERATOR = re.compile(rb"(?<![\w/])(rg|RG)(?![\w])")


def check_rgb(given: PreflightInput) -> list[Finding]:
    """RGB left in a CMYK profile: colour operators, images, shadings, groups."""
    if not given.profile.cmyk:
        return []
    findings = []
    with pikepdf.open(given.pdf) as pdf:
        seen: set = set()
        for number, page in enumerate(pdf.pages, start=1):
            for what in _rgb_in(page.obj, seen):
                findings.append(Finding("error", "rgb", f"RGB {what} in a CMYK output", number))
    return once_per_message(findings)


def _rgb_in(holder, seen: set) -> list[str]:
    if holder.objgen in seen and holder.objgen != (0, 0):
        return []
    seen.add(holder.objgen)
    found = []
    contents = holder.get("/Contents") if "/Contents" in holder else None
    streams = [holder] if isinstance(holder, pikepdf.Stream) else \
        ([contents] if isinstance(contents, pikepdf.Stream) else list(contents or []))
    for stream in streams:
        data = stream.read_bytes()
        if RGB_OPERATOR.search(data) or b"/DeviceRGB" in data:
            found.append("colour operators")
    group = holder.get("/Group")
    if group is not None and group.get("/CS") == pikepdf.Name("/DeviceRGB"):
        found.append("transparency group")
    resources = holder.get("/Resources", {})
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Image":
            if xobject.get("/ColorSpace") == pikepdf.Name("/DeviceRGB"):
                found.append("image")
        elif xobject.get("/Subtype") == "/Form":
            found.extend(_rgb_in(xobject, seen))
    shadings = list(resources.get("/Shading", {}).values())
    for pattern in resources.get("/Pattern", {}).values():
        if pattern.get("/Shading") is not None:
            shadings.append(pattern.Shading)
        if isinstance(pattern, pikepdf.Stream):
            found.extend(_rgb_in(pattern, seen))
    if any(_rgb_shading(shading) for shading in shadings):
        found.append("gradient (CSS gradients stay RGB: use an image)")
    return found


def _rgb_shading(shading) -> bool:
    """An RGB shading, or one WeasyPrint labels CMYK while its colours have 3 components."""
    space = shading.get("/ColorSpace")
    if space == pikepdf.Name("/DeviceRGB"):
        return True
    function = shading.get("/Function")
    functions = list(function.get("/Functions", [function])) if function is not None else []
    return space == pikepdf.Name("/DeviceCMYK") and any(
        len(f.get("/C0", [0] * 4)) == 3 for f in functions)



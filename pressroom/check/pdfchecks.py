"""Preflight checks that read the written PDF: fonts, colour, page count, contents text."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from .findings import Finding, PreflightInput, once_per_message


def used_by_page(page: pikepdf.Page) -> dict[str, list]:
    """What one page really draws: content streams, fonts, images, forms, shadings.

    WeasyPrint shares one resource dictionary between all pages, so listing a
    page's resources says nothing about the page; following its operators does.
    """
    used: dict[str, list] = {"streams": [], "fonts": [], "images": [], "forms": [],
                             "shadings": []}
    _follow(page.obj, page.obj.get("/Resources", pikepdf.Dictionary()), used, set())
    return used


def _follow(holder, resources, used: dict, seen: set) -> None:
    used["streams"].append(holder)
    names = {"Tf": ("/Font", "fonts"), "Do": ("/XObject", None), "sh": ("/Shading", "shadings"),
             "scn": ("/Pattern", "shadings"), "SCN": ("/Pattern", "shadings")}
    for operands, operator in pikepdf.parse_content_stream(holder):
        kind = names.get(str(operator))
        if kind is None or not operands or not isinstance(operands[-1 if str(operator) in
                                                                   ("scn", "SCN") else 0],
                                                          pikepdf.Name):
            continue
        name = operands[-1] if str(operator) in ("scn", "SCN") else operands[0]
        target = resources.get(kind[0], {}).get(name)
        if target is None:
            continue
        if str(operator) == "Do":
            if target.get("/Subtype") == "/Image":
                used["images"].append(target)
            elif target.objgen not in seen:
                seen.add(target.objgen)
                used["forms"].append(target)
                _follow(target, target.get("/Resources", resources), used, seen)
        elif kind[0] == "/Pattern":
            if target.get("/Shading") is not None:
                used["shadings"].append(target.Shading)
            elif isinstance(target, pikepdf.Stream) and target.objgen not in seen:
                seen.add(target.objgen)
                _follow(target, target.get("/Resources", resources), used, seen)
        else:
            used[kind[1]].append(target)


def check_pdf(given: PreflightInput) -> list[Finding]:
    """Fonts, page count and RGB, from one pass over the written file."""
    fonts, rgb = [], []
    with pikepdf.open(given.pdf) as pdf:
        count = page_count_findings(given, len(pdf.pages))
        for number, page in enumerate(pdf.pages, start=1):
            used = used_by_page(page)  # parsing streams is the costly part: once per page
            fonts += font_findings(used["fonts"], given.fonts, number)
            if given.profile.cmyk:
                rgb += [Finding("error", "rgb", f"RGB {what} in a CMYK output", number)
                        for what in rgb_on_page(page, used)]
    return [*once_per_message(fonts), *count, *rgb]


def font_findings(fonts: list, theme: tuple[str, ...], number: int) -> list[Finding]:
    """Fonts must be embedded; a font outside the theme's is a fallback for a missing glyph."""
    findings = []
    for font in fonts:
        name = str(font.get("/BaseFont", ""))[1:]
        descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
        descriptor = descendant.get("/FontDescriptor", {})
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            findings.append(Finding("error", "fonts", f"font {name} is not embedded", number))
        family = name.split("+", 1)[-1]
        if theme and not family.startswith(theme):
            # A machine font, not the theme's: the PDF would differ from machine to
            # machine, and the font file was read from outside the project.
            findings.append(Finding(
                "error", "fonts", f"font {family} stands in for glyphs the theme fonts "
                                  "lack — it is this machine's, not the theme's: use characters "
                                  "the theme covers, or add a font to the theme", number))
    return findings


def read_contents(pdf_path: Path, titles: list[str]) -> list[str | None]:
    """The page or range printed after each of *titles* and its leader dots, in their order.

    One answer per title, None where its line cannot be read. The contents
    lists its entries in order and titles may repeat, so each title is
    searched from where the previous entry's line was read, never before.
    Titles may wrap over lines, so each is searched word by word across the
    whole text of a page; the first page (from there) showing it with a leader wins.
    """
    patterns = [re.compile(r"\s+".join(map(re.escape, title.split()))
                           + r"\s*\.[\s.]*(\d+(?:–\d+)?)(?!\d)") for title in titles]
    entries: list[str | None] = [None] * len(titles)
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        texts = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    page, offset = 0, 0  # where the last entry read ends
    for index, pattern in enumerate(patterns):
        for number in range(page, len(texts)):
            match = pattern.search(texts[number], offset if number == page else 0)
            if match:
                entries[index], page, offset = match[1], number, match.end()
                break
    return entries


def page_count_findings(given: PreflightInput, count: int) -> list[Finding]:
    if given.profile.binding == "saddle-stitch" and count % 4:
        return [Finding("error", "page-count",
                        f"{count} pages: saddle stitching needs a multiple of 4 "
                        f"(add {4 - count % 4} pages, or set pad: true)")]
    return []


RGB_OPERATOR = re.compile(rb"(?<![\w/])(rg|RG)(?![\w])")


def rgb_on_page(page: pikepdf.Page, used: dict | None = None) -> list[str]:
    """What this page draws in RGB (each kind once); *used* is :func:`used_by_page`'s answer."""
    used = used or used_by_page(page)
    streams = [s.read_bytes() for s in used["streams"] if isinstance(s, pikepdf.Stream)]
    found = []
    if any(RGB_OPERATOR.search(data) or b"/DeviceRGB" in data
           for data in (*streams, *_page_content(page))):
        found.append("colour operators")
    if any(_rgb_group(holder) for holder in (page.obj, *used["forms"])):
        found.append("transparency group")
    if any(image.get("/ColorSpace") == pikepdf.Name("/DeviceRGB") for image in used["images"]):
        found.append("image")
    if any(_rgb_shading(shading) for shading in used["shadings"]):
        found.append("gradient (CSS gradients stay RGB: use an image)")
    return found


def _page_content(page: pikepdf.Page) -> list[bytes]:
    contents = page.obj.get("/Contents")
    streams = [contents] if isinstance(contents, pikepdf.Stream) else list(contents or [])
    return [stream.read_bytes() for stream in streams]


def _rgb_group(holder) -> bool:
    group = holder.get("/Group")
    return group is not None and group.get("/CS") == pikepdf.Name("/DeviceRGB")


def _rgb_shading(shading) -> bool:
    """An RGB shading, or one WeasyPrint labels CMYK while its colours have 3 components."""
    space = shading.get("/ColorSpace")
    if space == pikepdf.Name("/DeviceRGB"):
        return True
    function = shading.get("/Function")
    functions = list(function.get("/Functions", [function])) if function is not None else []
    return space == pikepdf.Name("/DeviceCMYK") and any(
        len(f.get("/C0", [0] * 4)) == 3 for f in functions)



"""Printer's marks in a slug outside the bleed, drawn on the written PDF.

WeasyPrint draws ``marks: crop`` inside the bleed (its MediaBox is the
BleedBox), where they are short and, on a full-bleed page, printed over the
picture. A print shop expects what InDesign and Acrobat make: the MediaBox
grows by a slug beyond the bleed, TrimBox and BleedBox stay exact, and each
mark starts outside the bleed — at least the bleed's width from the trim —
so the trimming knife never meets it. Marks are drawn in the registration
colour (``/Separation /All``: every plate).
"""

from __future__ import annotations

import pikepdf

MM = 72 / 25.4
SLUG = 10 * MM       # beyond the bleed: room for the marks
OFFSET = 1 * MM      # between the bleed edge and the start of a crop mark
LENGTH = 6 * MM      # of a crop mark
CROSS = 3 * MM       # radius of a registration target
LINE = 0.25          # pt, the usual hairline of marks


def add_marks(pdf: pikepdf.Pdf, kinds: str) -> None:
    """Grow every page of *pdf* by the slug and draw *kinds* ("crop", "cross", "crop cross").

    The page's TrimBox and BleedBox (written by WeasyPrint) are kept; the
    MediaBox and CropBox become the bleed plus :data:`SLUG` on each side. A
    page without a TrimBox is left alone.
    """
    words = set(kinds.split())
    if not words & {"crop", "cross"}:
        return
    space = pdf.make_indirect(registration_space(pdf))
    for page in pdf.pages:
        if "/TrimBox" not in page.obj:
            continue
        trim = [float(v) for v in page.obj.TrimBox]
        bleed = [float(v) for v in page.obj.get("/BleedBox", page.obj.TrimBox)]
        width = max(trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
        media = [bleed[0] - SLUG, bleed[1] - SLUG, bleed[2] + SLUG, bleed[3] + SLUG]
        page.obj.MediaBox = pikepdf.Array(media)
        if "/CropBox" in page.obj:
            page.obj.CropBox = pikepdf.Array(media)
        drawing = (crop_marks(trim, width) if "crop" in words else "") + \
            (cross_marks(trim, width) if "cross" in words else "")
        _draw(pdf, page, drawing, space)


def crop_marks(trim: list[float], bleed: float) -> str:
    """Content-stream operators for eight crop marks around the *trim* box."""
    left, bottom, right, top = trim
    start, end = bleed + OFFSET, bleed + OFFSET + LENGTH
    lines = []
    for x, outward in ((left, -1), (right, 1)):
        for y in (bottom, top):
            lines.append((x + outward * start, y, x + outward * end, y))  # horizontal
    for y, outward in ((bottom, -1), (top, 1)):
        for x in (left, right):
            lines.append((x, y + outward * start, x, y + outward * end))  # vertical
    return "".join(f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l S\n" for x1, y1, x2, y2 in lines)


def cross_marks(trim: list[float], bleed: float) -> str:
    """A registration target (circle and cross) centred in the slug on each side."""
    left, bottom, right, top = trim
    reach = bleed + OFFSET + CROSS
    middle_x, middle_y = (left + right) / 2, (bottom + top) / 2
    centres = ((middle_x, bottom - reach), (middle_x, top + reach),
               (left - reach, middle_y), (right + reach, middle_y))
    out = []
    for x, y in centres:
        out.append(f"{x - CROSS:.3f} {y:.3f} m {x + CROSS:.3f} {y:.3f} l S\n"
                   f"{x:.3f} {y - CROSS:.3f} m {x:.3f} {y + CROSS:.3f} l S\n")
        out.append(_circle(x, y, CROSS * 0.6))
    return "".join(out)


def _circle(x: float, y: float, r: float) -> str:
    k = 0.5523 * r  # four Bézier quarters
    return (f"{x + r:.3f} {y:.3f} m "
            f"{x + r:.3f} {y + k:.3f} {x + k:.3f} {y + r:.3f} {x:.3f} {y + r:.3f} c "
            f"{x - k:.3f} {y + r:.3f} {x - r:.3f} {y + k:.3f} {x - r:.3f} {y:.3f} c "
            f"{x - r:.3f} {y - k:.3f} {x - k:.3f} {y - r:.3f} {x:.3f} {y - r:.3f} c "
            f"{x + k:.3f} {y - r:.3f} {x + r:.3f} {y - k:.3f} {x + r:.3f} {y:.3f} c S\n")


def _draw(pdf: pikepdf.Pdf, page: pikepdf.Page, drawing: str, space: pikepdf.Object) -> None:
    """Append *drawing* to *page* in the registration colour, isolated from its graphics state."""
    if "/Resources" not in page.obj:
        page.obj.Resources = pikepdf.Dictionary()
    if "/ColorSpace" not in page.obj.Resources:  # WeasyPrint shares one dictionary: set once
        page.obj.Resources.ColorSpace = pikepdf.Dictionary()
    page.obj.Resources.ColorSpace.PressroomAll = space
    page.contents_add(pdf.make_stream(b"q\n"), prepend=True)
    # An artifact: marks are not content, and a tagged PDF must say so of all it draws.
    marks = f"Q\n/Artifact BMC q /PressroomAll CS 1 SCN {LINE} w 0 J [] 0 d\n{drawing}Q EMC\n"
    page.contents_add(pdf.make_stream(marks.encode("ascii")))


def registration_space(pdf: pikepdf.Pdf) -> pikepdf.Array:
    """``[/Separation /All /DeviceCMYK tint→CMYK]``: marks print on every plate."""
    function = pdf.make_indirect(pikepdf.Dictionary(
        FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1))
    return pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name.All, pikepdf.Name.DeviceCMYK,
                          function])

"""Preflight of printer's marks: they need a slug outside the bleed.

Crop marks drawn inside the bleed (WeasyPrint's ``marks: crop`` makes the
MediaBox the BleedBox) are short, fall where the knife cuts and, on a
full-bleed page, are printed on the picture. The written PDF must give them
paper of their own: a MediaBox reaching at least twice the bleed (and
:data:`MIN_SLUG_MM`) beyond the TrimBox on every side.
"""

from __future__ import annotations

import pikepdf

from .findings import Finding, PreflightInput

MM = 72 / 25.4  # PDF points per millimetre
MIN_SLUG_MM = 3  # marks need at least this much paper outside the trim
MARK_NAMES = {"crop": "crop marks", "cross": "registration marks"}


def check_marks_in_bleed(given: PreflightInput) -> list[Finding]:
    """Marks that would fall inside the bleed, from the written PDF's page boxes.

    Runs only when the profile prints marks. One finding per kind of problem,
    on the first page that has it, saying which pages do.
    """
    marks = marks_in_effect(given)
    if not marks:
        return []
    problems: dict[tuple[str, float], list[int]] = {}
    with pikepdf.open(given.pdf) as pdf:
        total = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            media = _rectangle(page, "/MediaBox", [0.0, 0.0, 0.0, 0.0])
            bleed = _rectangle(page, "/BleedBox", media)
            problem = marks_clearance(media, _rectangle(page, "/TrimBox", bleed), bleed)
            if problem:
                problems.setdefault(problem, []).append(number)
    return [Finding("error", "marks-in-bleed",
                    f"{marks} fall {where} {_on_pages(numbers, total)} — they would be trimmed "
                    f"or printed on the picture: the MediaBox must reach {need:g} mm beyond the "
                    "trim on each side", numbers[0])
            for (where, need), numbers in problems.items()]


def marks_in_effect(given: PreflightInput) -> str:
    """The printer's marks of this output, in words ('' for none).

    ``given.marks`` when the build says; else the ``marks`` WeasyPrint laid out.
    """
    if not given.profile.marks:
        return ""
    if given.marks:
        kinds = [] if given.marks == "none" else given.marks.split()
    else:
        pages = given.layout.document.pages
        kinds = list(pages[0]._page_box.style["marks"]) if pages else []  # noqa: SLF001
    return " and ".join(MARK_NAMES.get(kind, f"{kind} marks") for kind in kinds)


def marks_clearance(media: list[float], trim: list[float],
                    bleed: list[float]) -> tuple[str, float] | None:
    """Where marks would fall on a page with these boxes (in points), or None if they clear.

    Returns where they fall, in words, and the reach beyond the trim they
    need, in millimetres.
    """
    width = max(_beyond(bleed, trim))
    need = max(2 * width, MIN_SLUG_MM * MM)
    reach = min(_beyond(media, trim))
    if reach >= need - 0.01:
        return None
    if all(abs(a - b) < 0.01 for a, b in zip(media, bleed)):
        detail = "MediaBox = BleedBox" if width > 0.01 else "MediaBox = TrimBox"
    else:
        detail = f"the MediaBox reaches {reach / MM:.1f} mm beyond the trim"
    if width > 0.01:
        return f"inside the {width / MM:.3g} mm bleed ({detail})", round(need / MM, 1)
    return f"on the trimmed page (no bleed; {detail})", round(need / MM, 1)


def _rectangle(page: pikepdf.Page, name: str, fallback: list[float]) -> list[float]:
    """A page box as [left, bottom, right, top] in points (*fallback* when it is missing)."""
    box = page.obj.get(name)
    if box is None:
        return fallback
    x0, y0, x1, y1 = (float(v) for v in box)
    return [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]


def _beyond(outer: list[float], trim: list[float]) -> list[float]:
    """How far *outer* reaches past *trim* on each side (left, bottom, right, top), in points."""
    return [trim[0] - outer[0], trim[1] - outer[1], outer[2] - trim[2], outer[3] - trim[3]]


def _on_pages(numbers: list[int], total: int) -> str:
    if len(numbers) == total:
        return "on every page"
    shown = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")
    return f"on page{'s' if len(numbers) > 1 else ''} {shown}"

"""Saddle-stitch imposition: printer spreads from the trimmed pages.

Each sheet side carries two pages side by side on a sheet twice the trim
width, in booklet order (n, 1), (2, n−1), (n−2, 3), … so that the printed,
folded and nested sheets read 1…n. Inner sheets may be shifted towards the
spine by *creep* per sheet, compensating for the paper's thickness.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf


MM = 72 / 25.4


def booklet_order(pages: int) -> list[tuple[int, int]]:
    """1-based (left, right) page numbers for every sheet side, front then back."""
    if pages % 4:
        raise ValueError(f"{pages} pages: saddle stitching needs a multiple of 4")
    order = []
    for sheet in range(pages // 4):
        outer, inner = pages - 2 * sheet, 1 + 2 * sheet
        order.append((outer, inner))            # front of the sheet
        order.append((inner + 1, outer - 1))    # back of the sheet
    return order


def impose(source: Path, target: Path, creep_mm: float = 0.0) -> int:
    """Write the printer spreads of *source* to *target*; return the number of sheet sides.

    Raises :class:`ValueError` when the page count is not a multiple of 4.
    """
    with pikepdf.open(source) as pdf, pikepdf.new() as out:
        order = booklet_order(len(pdf.pages))
        trim = [float(v) for v in pdf.pages[0].obj.get("/TrimBox", pdf.pages[0].MediaBox)]
        width, height = trim[2] - trim[0], trim[3] - trim[1]
        forms = [out.copy_foreign(page.as_form_xobject()) for page in pdf.pages]
        for side, (left, right) in enumerate(order):
            shift = (side // 2) * creep_mm * MM  # sheet index from the outside
            content, resources = [], pikepdf.Dictionary()
            for slot, (number, towards_spine) in enumerate(((left, shift), (right, -shift))):
                name = f"/P{slot}"
                form = forms[number - 1]
                page_trim = [float(v) for v in pdf.pages[number - 1].obj.get("/TrimBox", trim)]
                form.BBox = pikepdf.Array(page_trim)  # clip the bleed away
                x = slot * width - page_trim[0] + towards_spine
                content.append(f"q 1 0 0 1 {x:.3f} {-page_trim[1]:.3f} cm {name} Do Q")
                resources[name] = form
            sheet = pikepdf.Dictionary(
                Type=pikepdf.Name.Page, MediaBox=pikepdf.Array([0, 0, 2 * width, height]),
                Resources=pikepdf.Dictionary(XObject=resources),
                Contents=out.make_stream("\n".join(content).encode()))
            out.pages.append(pikepdf.Page(sheet))
        target.parent.mkdir(parents=True, exist_ok=True)
        out.save(target, deterministic_id=True)
        return len(order)

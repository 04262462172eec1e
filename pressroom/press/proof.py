"""Proofs: PNG reader spreads (1, 2–3, 4–5, …) and a contact sheet of every page."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

GAP = 24
BACKGROUND = "#d9d4cc"


def reader_spreads(pages: int) -> list[tuple[int, ...]]:
    """1-based page numbers per spread: the cover alone, then facing pairs."""
    spreads: list[tuple[int, ...]] = [(1,)]
    spreads += [tuple(range(first, min(first + 2, pages + 1))) for first in range(2, pages + 1, 2)]
    return spreads


def write_proofs(pdf_path: Path, folder: Path, page_width: int = 600,
                 thumb_width: int = 160) -> list[Path]:
    """Render spreads and ``contact-sheet.png`` into *folder*; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = [_render(pdf[i], page_width) for i in range(len(pdf))]
    finally:
        pdf.close()
    written = []
    for spread in reader_spreads(len(pages)):
        images = [pages[n - 1] for n in spread]
        if spread == (1,):  # the cover is a right-hand page
            images = [Image.new("RGB", images[0].size, BACKGROUND), *images]
        name = "spread-" + "-".join(f"{n:02d}" for n in spread) + ".png"
        written.append(_save(_row(images, gap=0), folder / name))
    written.append(_save(contact_sheet(pages, thumb_width), folder / "contact-sheet.png"))
    return written


def contact_sheet(pages: list[Image.Image], thumb_width: int, columns: int = 8) -> Image.Image:
    thumbs = [page.resize((thumb_width, round(page.height * thumb_width / page.width)))
              for page in pages]
    rows = [_row(thumbs[i:i + columns], gap=GAP // 2) for i in range(0, len(thumbs), columns)]
    sheet = Image.new("RGB", (max(r.width for r in rows) + GAP,
                              sum(r.height for r in rows) + GAP * (len(rows) + 1)), BACKGROUND)
    y = GAP
    for row in rows:
        sheet.paste(row, (GAP // 2, y))
        y += row.height + GAP
    return sheet


def _render(page, width: int) -> Image.Image:
    """The trimmed page (bleed cut off) at *width* pixels."""
    media, trim = page.get_mediabox(), page.get_trimbox()
    scale = width / (trim[2] - trim[0])
    crop = (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])
    return page.render(scale=scale, crop=crop).to_pil().convert("RGB")


def _row(images: list[Image.Image], gap: int) -> Image.Image:
    row = Image.new("RGB", (sum(i.width for i in images) + gap * (len(images) - 1),
                            max(i.height for i in images)), BACKGROUND)
    x = 0
    for image in images:
        row.paste(image, (x, 0))
        x += image.width + gap
    return row


def _save(image: Image.Image, path: Path) -> Path:
    image.save(path, optimize=True)
    return path

"""Render chosen pages of a PDF into one PNG: a strip, or a contact sheet.

Usage: python tools/render_pages.py PDF OUT.png [PAGES] [--width PX] [--columns N]
PAGES is a comma list of 1-based page numbers, or "all" (default: 1,2,3,4).
With --columns the pages are laid out in rows of N, each numbered below, so a
whole publication can be looked at page by page. Needs pypdfium2 (installed
with the test extra).
"""

from __future__ import annotations

import argparse

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

GAP = 16
LABEL = 14  # height of the page-number strip under each page on a sheet


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("out")
    parser.add_argument("pages", nargs="?", default="1,2,3,4")
    parser.add_argument("--width", type=int, default=300, help="width of one page in px")
    parser.add_argument("--columns", type=int, default=0, help="pages per row (a contact sheet)")
    args = parser.parse_args()
    pdf = pdfium.PdfDocument(args.pdf)
    numbers = (range(1, len(pdf) + 1) if args.pages == "all"
               else [int(n) for n in args.pages.split(",")])
    images = [_render(pdf[number - 1], args.width) for number in numbers]
    columns = args.columns or len(images)
    label = LABEL if args.columns else 0
    cell_w = max(i.width for i in images) + GAP
    cell_h = max(i.height for i in images) + GAP + label
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (cell_w * columns + GAP, cell_h * rows + GAP), "#d9d4cc")
    draw = ImageDraw.Draw(sheet)
    for index, (number, image) in enumerate(zip(numbers, images)):
        x, y = GAP + cell_w * (index % columns), GAP + cell_h * (index // columns)
        sheet.paste(image, (x, y))
        if label:
            draw.text((x, y + image.height + 2), f"p{number}", fill="#3c3833")
    sheet.save(args.out, optimize=True)


def _render(page, width: int) -> Image.Image:
    """The trimmed page (bleed and slug cut off) at *width* pixels."""
    trim = page.get_trimbox()
    media = page.get_mediabox()
    crop = (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])
    return page.render(scale=width / (trim[2] - trim[0]), crop=crop).to_pil()


if __name__ == "__main__":
    main()

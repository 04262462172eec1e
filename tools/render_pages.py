"""Render chosen pages of a PDF side by side into one PNG (for README and reviews).

Usage: python tools/render_pages.py PDF OUT.png [PAGES] [--width PX]
PAGES is a comma list of 1-based page numbers (default: 1,2,3,4). Needs pypdfium2
(installed with the test extra).
"""

from __future__ import annotations

import argparse

import pypdfium2 as pdfium
from PIL import Image


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf")
    parser.add_argument("out")
    parser.add_argument("pages", nargs="?", default="1,2,3,4")
    parser.add_argument("--width", type=int, default=300, help="width of one page in px")
    args = parser.parse_args()
    pdf = pdfium.PdfDocument(args.pdf)
    images = []
    for number in (int(n) for n in args.pages.split(",")):
        page = pdf[number - 1]
        trim = page.get_trimbox()
        scale = args.width / (trim[2] - trim[0])
        images.append(page.render(scale=scale, crop=_bleed(page, trim)).to_pil())
    gap = 16
    sheet = Image.new("RGB", (sum(i.width for i in images) + gap * (len(images) + 1),
                              max(i.height for i in images) + 2 * gap), "#d9d4cc")
    x = gap
    for image in images:
        sheet.paste(image, (x, gap))
        x += image.width + gap
    sheet.save(args.out, optimize=True)


def _bleed(page, trim):
    """Crop amounts (left, bottom, right, top) that cut the bleed off."""
    media = page.get_mediabox()
    return (trim[0] - media[0], trim[1] - media[1], media[2] - trim[2], media[3] - trim[3])


if __name__ == "__main__":
    main()

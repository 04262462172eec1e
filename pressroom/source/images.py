"""Raster pictures are checked when they are named, not discovered broken on the page.

WeasyPrint copies a JPEG into the PDF without decoding it, so a photograph
cut short in transfer prints with its lower part grey or black; and it
refuses a picture of too many pixels with a message that calls it damaged.
:func:`image_problem` reads the header (Pillow opens lazily) and the file's
end marker, which costs microseconds, not a decode.
"""

from __future__ import annotations

import base64
import io
import warnings
from pathlib import Path

from PIL import Image

from .gate import ReadGate

RASTER = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff", ".bmp"}
# Pillow's own decompression-bomb threshold (≈ 89 megapixels): decoding more
# takes gigabytes of memory, far beyond any printed picture (A3 at 300 ppi is 17).
MAX_PIXELS = Image.MAX_IMAGE_PIXELS or 89_478_485


def image_problem(path: Path, gate: ReadGate) -> str | None:
    """What is wrong with the picture at *path* (read through *gate*), or None.

    Files whose suffix is not a raster format are not looked at.
    """
    if path.suffix.lower() not in RASTER:
        return None
    data = gate.read_bytes(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height, kind = image.width, image.height, image.format
    except Image.DecompressionBombError:
        return _too_many_pixels(data)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a bad file
        return "cannot read this image (damaged, or not an image) — export it again"
    if width * height > MAX_PIXELS:
        return _pixels_message(width, height)
    if _truncated(data, kind):
        return "the image file is cut short (truncated) — copy or export it again"
    return None


def _too_many_pixels(data: bytes) -> str:
    """The message for a picture so large that Pillow will not even open it."""
    Image.MAX_IMAGE_PIXELS, limit = None, Image.MAX_IMAGE_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    return _pixels_message(width, height)


def _pixels_message(width: int, height: int) -> str:
    return (f"the image is {width}×{height} pixels ({width * height / 1e6:.0f} megapixels); "
            f"the limit is {MAX_PIXELS / 1e6:.0f} megapixels, because decoding it needs "
            "gigabytes of memory — scale it down (300 ppi at its printed size is enough)")


def _truncated(data: bytes, kind: str | None) -> bool:
    """A JPEG must end with its EOI marker, a PNG with its IEND chunk."""
    tail = data.rstrip(b"\x00\r\n ")[-16:]
    if kind == "JPEG":
        return not tail.endswith(b"\xff\xd9")
    if kind == "PNG":
        return b"IEND" not in tail
    return False


def reversed_picture(path: Path, gate: ReadGate) -> str:
    """The raster picture at *path* knocked out to white, as a ``data:`` URL (PNG).

    For a signature or a logo in dark ink that goes on a dark ground: the
    ink's darkness becomes the opacity of white, the paper becomes
    transparent (an existing alpha channel is kept). Raises ``ValueError``
    for a file that is not a raster picture (an SVG is drawn in white by
    its author instead).
    """
    if path.suffix.lower() not in RASTER:
        raise ValueError("only a raster picture (PNG, JPEG) can be reversed — "
                         "for an SVG, draw it in white")
    with Image.open(io.BytesIO(gate.read_bytes(path))) as image:
        rgba = image.convert("RGBA")
    ink = Image.eval(rgba.convert("L"), lambda value: 255 - value)
    alpha = Image.composite(ink, Image.new("L", rgba.size, 0), rgba.getchannel("A"))
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 0))
    white.putalpha(alpha)
    buffer = io.BytesIO()
    white.save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")

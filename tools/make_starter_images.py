"""Draw the pictures of the `pressroom new` starter (pressroom/starter/content/assets/).

    python tools/make_starter_images.py

Pillow only, no randomness: running it again gives the same files. Both are
one flat-colour landscape at dusk (smooth gradients and plain shapes compress
well, so each stays near 100 kB or under), composed for its place:

* hills.jpg, 1600 x 1000 px: a figure at the A4 column width (about 130 mm),
  so 310 ppi, above the print profile's 300 ppi warning threshold;
* cover.jpg, 2560 x 3590 px: the cover's background, A4 plus 3 mm bleed
  (216 x 303 mm) at 300 ppi; dark sky at the top for the title, dark hills at
  the foot for the cover's text, the path on the right, clear of it, and
  the birds below the title.

The back cover's mark (mark.svg) is written by hand, not by this script.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ASSETS = Path(__file__).resolve().parent.parent / "pressroom" / "starter" / "content" / "assets"
SCALE = 2  # drawn at twice the size and reduced: smooth edges without noise
NAVY, CORAL = (18, 52, 77), (228, 87, 46)


def mix(a: tuple, b: tuple, t: float) -> tuple:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def ridge(width: int, base: float, waves: list[tuple[float, float, float]]) -> list[tuple]:
    """Points of a hill line: *base* height plus sine waves (amplitude, period, phase)."""
    return [(x, base + sum(a * math.sin(2 * math.pi * x / p + ph) for a, p, ph in waves))
            for x in range(0, width + 1, 8)]


def landscape(width: int, height: int, horizon: float, sun: tuple[float, float],
              path_x: float, birds: tuple[float, float]) -> Image.Image:
    """The scene at *width* x *height* px; *horizon*, *sun*, *path_x* and *birds* (x, y) are shares.

    Lengths (hill waves, sun, birds) follow the width, so the portrait cover
    and the landscape figure show the same hills, not stretched ones.
    """
    w, h = width * SCALE, height * SCALE
    u = w / 3200  # one unit: the figure's width at SCALE is 3200
    img = Image.new("RGB", (w, h))
    draw = ImageDraw.Draw(img)
    # Sky: a deep teal above, sand at the horizon.
    top, low = (28, 86, 104), (246, 214, 170)
    for y in range(h):
        draw.line([(0, y), (w, y)], fill=mix(top, low, min(1.0, y / (h * horizon)) ** 1.6))
    # Sun, low over the hills, with a soft glow.
    sx, sy, r = w * sun[0], h * sun[1], 170 * u
    glow = Image.new("L", (w, h), 0)
    ImageDraw.Draw(glow).ellipse([sx - r * 2.6, sy - r * 2.6, sx + r * 2.6, sy + r * 2.6], fill=120)
    img.paste(Image.new("RGB", (w, h), (250, 200, 150)), mask=glow.filter(ImageFilter.GaussianBlur(r)))
    draw.ellipse([sx - r, sy - r, sx + r, sy + r], fill=(240, 138, 93))
    # Hills, far to near, each nearer ridge darker; *base* is a share of the land below the horizon.
    hills = [(0.0, [(56, 1800, 0.4), (28, 760, 1.3)], (196, 160, 140)),
             (0.15, [(92, 2600, 2.0), (36, 940, 0.2)], (122, 132, 132)),
             (0.37, [(120, 3400, 4.1), (44, 1040, 1.1)], (54, 104, 116)),
             (0.63, [(140, 4600, 0.9), (52, 1220, 2.7)], (31, 74, 94)),
             (0.9, [(100, 5800, 2.2), (40, 1400, 0.5)], NAVY)]
    land = h * (1 - horizon * 0.9)
    for base, waves, colour in hills:
        line = ridge(w, h * horizon * 0.9 + land * base * 0.8, [(a * u, p * u, ph) for a, p, ph in waves])
        draw.polygon([*line, (w, h), (0, h)], fill=colour)
    # A path winding down towards the viewer, in coral: one polygon, from a point in
    # the distance to its full width at the foot (strokes would show their joins).
    y0 = h * horizon * 0.9 + land * 0.4
    centre = [(w * (path_x + 0.10 * math.sin(t * 2.4)) + t * w * 0.05, y0 + (h - y0) * t)
              for t in [i / 80 for i in range(81)]]
    left, right = [], []
    for i, (x, y) in enumerate(centre):
        (xa, ya), (xb, yb) = centre[max(i - 1, 0)], centre[min(i + 1, 80)]
        length = math.hypot(xb - xa, yb - ya)
        half = 34 * u * (i / 80) ** 1.5
        nx, ny = -(yb - ya) / length * half, (xb - xa) / length * half
        left.append((x + nx, y + ny))
        right.append((x - nx, y - ny))
    draw.polygon(left + right[::-1], fill=CORAL)
    # Three birds, two strokes each.
    for dx, dy, s in [(0, 0, 1.0), (170, 120, 0.8), (300, -60, 0.65)]:
        x, y, span = w * birds[0] + dx * u, h * birds[1] + dy * u, 68 * u * s
        for end in (x - span, x + span):
            draw.line([(end, y - span * 0.35), (x, y)], fill=NAVY, width=round(8 * u))
    return img.resize((width, height), Image.LANCZOS)


def main() -> None:
    ASSETS.mkdir(parents=True, exist_ok=True)
    pictures = {"hills.jpg": (landscape(1600, 1000, 0.62, (0.68, 0.5), 0.42, (0.22, 0.2)), 84),
                "cover.jpg": (landscape(2560, 3590, 0.66, (0.7, 0.6), 0.7, (0.56, 0.44)), 76)}
    for name, (img, quality) in pictures.items():
        out = ASSETS / name
        img.save(out, "JPEG", quality=quality, optimize=True, dpi=(300, 300))
        print(f"{out}: {img.width} x {img.height} px, {out.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()

"""Draw the default theme's raster assets (deterministic, Pillow only).

styles/img/cover-shade.png: harbour navy with a vertical alpha ramp, dark at the
top and bottom of the cover so white type stays legible over any photograph.
A CSS gradient would do the same on screen, but WeasyPrint writes gradients in
RGB, which a CMYK print output cannot carry; an image with an alpha mask can.
"""

from pathlib import Path

from PIL import Image

NAVY = (10, 30, 45)
STOPS = ((0.0, 0.82), (0.45, 0.15), (0.6, 0.10), (1.0, 0.88))  # (position, opacity)


def opacity(position: float) -> float:
    for (x0, a0), (x1, a1) in zip(STOPS, STOPS[1:]):
        if x0 <= position <= x1:
            return a0 + (a1 - a0) * (position - x0) / (x1 - x0)
    return STOPS[-1][1]


def main() -> None:
    height = 512
    shade = Image.new("RGBA", (8, height))
    for y in range(height):
        alpha = round(255 * opacity(y / (height - 1)))
        for x in range(8):
            shade.putpixel((x, y), (*NAVY, alpha))
    out = Path(__file__).resolve().parent.parent / "styles" / "img" / "cover-shade.png"
    shade.save(out, optimize=True)


if __name__ == "__main__":
    main()

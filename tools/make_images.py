"""Generate the original images of the sample publication (Kesteven Bay, fictional).

    python tools/make_images.py [--only NAME ...]

Pure Python + Pillow. Every image is drawn from code with fixed random seeds,
so running the script again gives byte-identical files in content/assets/:

* SVG (hand-written markup): map-harbour, chart-tonnage, chart-residents,
  chart-investment, signature, logo. Labels use "Fira Sans Condensed", which the
  PDF build loads with @font-face; only plain SVG elements are used so that
  WeasyPrint's SVG renderer draws them faithfully.
* JPEG (painted with Pillow, drawn at 2x and downsampled): cover, quay-1890,
  promenade, promenade-tall, bonded-stores, marsh, and the two portraits for
  "Voices" (portrait-abernethy, portrait-malhotra; stylised illustrations,
  quality 82). cover and promenade-tall are placed full-bleed on A4 plus 3 mm
  bleed (216 x 303 mm), so they are 2560 x 3590 px: 300 ppi at that size.

All numbers come from the fact sheet and the text of the sample publication
(the investment split by phase is the table in content/09-figures.md); only the
yearly tonnage curve is invented, shaped to the known points (4.1 Mt in 1957,
the fall after 1979, closure in 1998). The map is schematic: 600 units = 1 km.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "content" / "assets"

# Brochure palette.
NAVY = "#12344d"
TEAL = "#1f6f82"
CORAL = "#e4572e"
SAND = "#f3ead9"
SAND2 = "#f6f1e8"
INK = "#1d1b19"
GRID = "#e3dccf"
MUTED = "#6b6359"
FONT = "Fira Sans Condensed, sans-serif"


# ---------------------------------------------------------------------------
# SVG helpers
# ---------------------------------------------------------------------------

def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def f(v: float) -> str:
    """Compact number for SVG coordinates."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def pts(points) -> str:
    return " ".join(f"{f(x)},{f(y)}" for x, y in points)


def text(x, y, s, size=16, weight=500, fill=INK, anchor="start", spacing=None,
         italic=False, extra=""):
    attrs = [f'x="{f(x)}"', f'y="{f(y)}"', f'font-family="{FONT}"', f'font-size="{f(size)}"',
             f'font-weight="{weight}"', f'fill="{fill}"', f'text-anchor="{anchor}"']
    if spacing:
        attrs.append(f'letter-spacing="{spacing}"')
    if italic:
        attrs.append('font-style="italic"')
    if extra:
        attrs.append(extra)
    return f"<text {' '.join(attrs)}>{esc(s)}</text>"


def svg_doc(w: int, h: int, body: list[str], title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}">\n<title>{esc(title)}</title>\n'
            + "\n".join(body) + "\n</svg>\n")


def thousands(n: float) -> str:
    return f"{n:,.0f}"


def smooth_path(points, closed=False) -> str:
    """Catmull-Rom spline through *points* as cubic Bezier path data."""
    p = list(points)
    if closed:
        p = [p[-1]] + p + [p[0], p[1]]
    else:
        p = [p[0]] + p + [p[-1]]
    d = [f"M{f(p[1][0])},{f(p[1][1])}"]
    for i in range(1, len(p) - 2):
        p0, p1, p2, p3 = p[i - 1], p[i], p[i + 1], p[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d.append(f"C{f(c1[0])},{f(c1[1])} {f(c2[0])},{f(c2[1])} {f(p2[0])},{f(p2[1])}")
    if closed:
        d.append("Z")
    return " ".join(d)


# ---------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------

def tonnage_series() -> dict[int, float]:
    """Cargo through the old port, million tonnes a year, 1870-1998 (invented curve)."""
    anchors = [(1870, 0.35), (1880, 0.92), (1890, 1.45), (1900, 1.86), (1907, 2.2), (1913, 2.48),
               (1915, 1.72), (1918, 1.46), (1920, 2.08), (1926, 2.3), (1929, 2.58), (1932, 1.74),
               (1937, 2.32), (1940, 1.62), (1944, 1.38), (1946, 2.0), (1950, 2.86), (1954, 3.55),
               (1957, 4.10), (1960, 3.78), (1965, 3.72), (1970, 3.48), (1975, 3.08), (1978, 2.86),
               (1979, 2.14), (1980, 1.52), (1985, 1.06), (1990, 0.70), (1995, 0.31), (1997, 0.17),
               (1998, 0.04)]
    rng = random.Random(1957)
    out = {}
    for year in range(1870, 1999):
        for (y0, v0), (y1, v1) in zip(anchors, anchors[1:]):
            if y0 <= year <= y1:
                v = v0 + (v1 - v0) * (year - y0) / (y1 - y0)
                break
        if year not in (1957, 1998, 1870):
            v *= 1 + rng.uniform(-0.045, 0.045)
            v = min(v, 3.96)
        out[year] = round(v, 2)
    return out


def chart_tonnage() -> str:
    W, H = 800, 450
    x0, x1, y0, y1 = 62, 780, 52, 392       # plot box (y0 top, y1 baseline)
    vmax = 4.5
    data = tonnage_series()

    def X(year):
        return x0 + (year - 1869.5) / (1998.5 - 1869.5) * (x1 - x0)

    def Y(v):
        return y1 - v / vmax * (y1 - y0)

    b = [f'<rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>']
    # Grid and y labels.
    for v in range(0, 5):
        y = Y(v)
        b.append(f'<line x1="{x0}" y1="{f(y)}" x2="{x1}" y2="{f(y)}" stroke="{GRID}" '
                 f'stroke-width="1"/>')
        b.append(text(x0 - 10, y + 5.5, f"{v}", 16, 500, MUTED, "end"))
    b.append(text(x0 - 10, 24, "MILLION TONNES PER YEAR", 14, 600, TEAL, "start", "1.2"))
    # Bars.
    bw = (x1 - x0) / 129 * 0.72
    bars_old, bars_late = [], []
    for year, v in data.items():
        if year == 1957:
            continue
        rect = (f'<rect x="{f(X(year) - bw / 2)}" y="{f(Y(v))}" width="{f(bw)}" '
                f'height="{f(y1 - Y(v))}"/>')
        (bars_late if year >= 1979 else bars_old).append(rect)
    b.append(f'<g fill="{TEAL}">' + "".join(bars_old) + "</g>")
    b.append(f'<g fill="#8fbac4">' + "".join(bars_late) + "</g>")
    v = data[1957]
    b.append(f'<rect x="{f(X(1957) - bw / 2)}" y="{f(Y(v))}" width="{f(bw)}" '
             f'height="{f(y1 - Y(v))}" fill="{CORAL}"/>')
    # Baseline and x ticks.
    b.append(f'<line x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}" stroke="{INK}" stroke-width="1.2"/>')
    for year in range(1870, 2000, 10):
        x = X(year)
        b.append(f'<line x1="{f(x)}" y1="{y1}" x2="{f(x)}" y2="{y1 + 6}" stroke="{INK}" '
                 f'stroke-width="1"/>')
        b.append(text(x, y1 + 25, str(year), 16, 500, INK, "middle"))
    b.append(text(x1, y1 + 50, "YEAR", 14, 600, TEAL, "end", "1.2"))
    # Annotations.
    xp, yp = X(1957), Y(4.10)
    b.append(f'<line x1="{f(xp - 6)}" y1="{f(yp - 4)}" x2="{f(xp - 40)}" y2="{f(yp - 4)}" '
             f'stroke="{INK}" stroke-width="0.8"/>')
    b.append(text(xp - 46, yp - 12, "1957 PEAK", 15, 700, CORAL, "end", "0.6"))
    b.append(text(xp - 46, yp + 6, "4.1 million t · 2,870 ship calls", 15, 500, INK, "end"))
    xc, yc = X(1979), Y(data[1979])
    b.append(f'<line x1="{f(xc)}" y1="{f(yc - 5)}" x2="{f(xc)}" y2="{f(Y(2.62))}" '
             f'stroke="{INK}" stroke-width="0.8"/>')
    b.append(f'<line x1="{f(xc)}" y1="{f(Y(2.62))}" x2="{f(xc + 12)}" y2="{f(Y(2.62))}" '
             f'stroke="{INK}" stroke-width="0.8"/>')
    b.append(text(xc + 16, Y(2.62) - 12, "1979", 15, 700, INK, "start"))
    b.append(text(xc + 16, Y(2.62) + 5, "containers move", 15, 500, INK, "start"))
    b.append(text(xc + 16, Y(2.62) + 22, "to Holm Point", 15, 500, INK, "start"))
    xd = X(1998)
    b.append(f'<line x1="{f(xd)}" y1="{f(Y(0.12))}" x2="{f(xd)}" y2="{f(Y(1.15))}" '
             f'stroke="{INK}" stroke-width="0.8"/>')
    b.append(text(xd, Y(1.15) - 24, "1998", 15, 700, INK, "end"))
    b.append(text(xd, Y(1.15) - 7, "port closes", 15, 500, INK, "end"))
    return svg_doc(W, H, b, "Cargo tonnage through the old port of Kesteven Bay, 1870-1998")


def chart_residents() -> str:
    W, H = 800, 450
    x0, x1, y0, y1 = 70, 770, 92, 392
    data = [(2001, 1100), (2010, 2400), (2018, 6900), (2025, 9700)]

    def X(year):
        return x0 + (year - 2000) / 26 * (x1 - x0)

    def Y(v):
        return y1 - v / 10000 * (y1 - y0)

    b = [f'<rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>']
    # Phase bands.
    phases = [(2008, 2013, "PHASE 1", "2008–13"), (2014, 2020, "PHASE 2", "2014–20"),
              (2021, 2026, "PHASE 3", "2021–26")]
    fills = ["#f6f1e8", "#efe6d4", "#f6f1e8"]
    for (a, z, name, yrs), fill in zip(phases, fills):
        xa, xz = X(a - 0.5), X(min(z + 0.5, 2026))
        b.append(f'<rect x="{f(xa)}" y="38" width="{f(xz - xa)}" height="{f(y1 - 38)}" '
                 f'fill="{fill}"/>')
        b.append(text((xa + xz) / 2, 56, name, 14, 700, TEAL, "middle", "1.2"))
        b.append(text((xa + xz) / 2, 73, yrs, 14, 500, MUTED, "middle"))
    # Grid, y labels.
    for v in range(0, 10001, 2000):
        y = Y(v)
        b.append(f'<line x1="{x0}" y1="{f(y)}" x2="{x1}" y2="{f(y)}" stroke="{GRID}" '
                 f'stroke-width="1"/>')
        b.append(text(x0 - 10, y + 5.5, thousands(v), 16, 500, MUTED, "end"))
    b.append(text(x0 - 10, 26, "RESIDENTS OF THE HARBOUR DISTRICT", 14, 600, TEAL, "start", "1.2"))
    # Area and line.
    line = [(X(yr), Y(v)) for yr, v in data]
    area = [(X(2001), y1)] + line + [(X(2025), y1)]
    b.append(f'<polygon points="{pts(area)}" fill="{TEAL}" fill-opacity="0.14"/>')
    b.append(f'<polyline points="{pts(line)}" fill="none" stroke="{NAVY}" stroke-width="3" '
             f'stroke-linejoin="round" stroke-linecap="round"/>')
    for (yr, v), (x, y) in zip(data, line):
        b.append(f'<circle cx="{f(x)}" cy="{f(y)}" r="6" fill="#ffffff" stroke="{CORAL}" '
                 f'stroke-width="3"/>')
        if yr == 2025:
            b.append(text(x - 12, y + 5, thousands(v), 19, 700, NAVY, "end"))
        else:
            b.append(text(x - 4, y - 16, thousands(v), 19, 700, NAVY, "middle"))
    # Axis.
    b.append(f'<line x1="{x0}" y1="{y1}" x2="{x1}" y2="{y1}" stroke="{INK}" stroke-width="1.2"/>')
    for yr in range(2000, 2027, 2):
        x = X(yr)
        b.append(f'<line x1="{f(x)}" y1="{y1}" x2="{f(x)}" y2="{y1 + 6}" stroke="{INK}" '
                 f'stroke-width="1"/>')
        if yr % 4 == 0 or yr == 2026:
            b.append(text(x, y1 + 25, str(yr), 16, 500, INK, "middle"))
    b.append(text(x1, y1 + 50, "YEAR", 14, 600, TEAL, "end", "1.2"))
    b.append(text(X(2001) + 4, y1 + 50, "2001: Harbour Trust founded", 14, 500, MUTED, "start"))
    return svg_doc(W, H, b, "Residents of the harbour district, 2001-2025")


# Investment by phase, EUR million, as in the table of content/09-figures.md
# (1,140.0 in all: 433.2 public = 38 %, 706.8 private = 62 %).
INVESTMENT = [("Phase 1", "2008–2013", 132.0, 108.0), ("Phase 2", "2014–2020", 136.8, 223.2),
              ("Phase 3", "2021–2026", 164.4, 375.6)]


def chart_investment() -> str:
    W, H = 800, 450
    lx, x0, x1 = 24, 178, 742
    vmax = 1200

    def X(v):
        return x0 + v / vmax * (x1 - x0)

    b = [f'<rect x="0" y="0" width="{W}" height="{H}" fill="#ffffff"/>']
    # Legend.
    b.append(f'<rect x="{x0}" y="18" width="16" height="16" fill="{NAVY}"/>')
    b.append(text(x0 + 24, 32, "Public (city, region, port authority)", 16, 500, INK))
    b.append(f'<rect x="{x0 + 270}" y="18" width="16" height="16" fill="{TEAL}"/>')
    b.append(text(x0 + 294, 32, "Private", 16, 500, INK))
    # Grid.
    top, bottom = 58, 392
    for v in range(0, vmax + 1, 200):
        x = X(v)
        b.append(f'<line x1="{f(x)}" y1="{top}" x2="{f(x)}" y2="{bottom}" stroke="{GRID}" '
                 f'stroke-width="1"/>')
        b.append(text(x, bottom + 24, thousands(v), 16, 500, MUTED, "middle"))
    b.append(text(x1, bottom + 50, "EUR MILLION", 14, 600, TEAL, "end", "1.2"))
    rows = [(n, yrs, pub, pri, False) for n, yrs, pub, pri in INVESTMENT]
    tp = sum(r[2] for r in INVESTMENT)
    tv = sum(r[3] for r in INVESTMENT)
    rows.append(("Total", "2008–2026", tp, tv, True))
    bar_h = 42
    ys = [76, 148, 220, 318]
    for (name, yrs, pub, pri, total), y in zip(rows, ys):
        b.append(text(lx, y + 19, name.upper(), 17, 700, NAVY if not total else CORAL, "start", "1"))
        b.append(text(lx, y + 38, yrs, 15, 500, MUTED))
        b.append(f'<rect x="{x0}" y="{y}" width="{f(X(pub) - x0)}" height="{bar_h}" '
                 f'fill="{NAVY}"/>')
        b.append(f'<rect x="{f(X(pub))}" y="{y}" width="{f(X(pub + pri) - X(pub))}" '
                 f'height="{bar_h}" fill="{TEAL}"/>')
        if total:
            lab_pub = f"{pub:,.1f}  ·  {round(100 * pub / (pub + pri))} %"
            lab_pri = f"{pri:,.1f}  ·  {round(100 * pri / (pub + pri))} %"
        else:
            lab_pub, lab_pri = f"{pub:,.1f}", f"{pri:,.1f}"
        b.append(text(x0 + 10, y + 27, lab_pub, 17, 600, "#ffffff"))
        b.append(text(X(pub) + 10, y + 27, lab_pri, 17, 600, "#ffffff"))
        tot = f"€{thousands(pub + pri)} m" if not total else "€1.14 bn"
        b.append(text(X(pub + pri) + 10, y + 27, tot, 18, 700, INK))
    b.append(f'<line x1="{lx}" y1="{f((ys[2] + bar_h + ys[3]) / 2)}" x2="{x1}" '
             f'y2="{f((ys[2] + bar_h + ys[3]) / 2)}" stroke="{INK}" stroke-width="0.8"/>')
    b.append(f'<line x1="{x0}" y1="{top}" x2="{x0}" y2="{bottom}" stroke="{INK}" '
             f'stroke-width="1.2"/>')
    return svg_doc(W, H, b, "Investment in the harbour renewal by phase and source, 2008-2026")


# ---------------------------------------------------------------------------
# Map
# ---------------------------------------------------------------------------

WATER = "#d3e0e5"
WATER_DEEP = "#c3d4db"
LAND = "#f3ead9"
LAND_CITY = "#ece0c9"
BLOCK = "#e0d1b5"
ROAD = "#ffffff"


def map_harbour() -> str:
    """Schematic map: 600 map units = 1 km; north is up; the Ashby flows west."""
    W, H = 1200, 900
    rng = random.Random(2006)
    b = [f'<rect x="0" y="0" width="{W}" height="{H}" fill="{WATER}"/>']

    # Deeper channel of the River Ashby.
    channel = [(1200, 470), (900, 478), (640, 486), (420, 500), (250, 540), (120, 610),
               (0, 640), (0, 700), (130, 672), (270, 604), (440, 558), (660, 540), (900, 528),
               (1200, 522)]
    b.append(f'<path d="{smooth_path(channel, closed=True)}" fill="{WATER_DEEP}"/>')

    # North bank: city, Old Dock with its lock, North Quay.
    north = [(0, 0), (1200, 0), (1200, 380), (1120, 380), (1120, 392), (960, 392), (960, 380),
             (742, 380), (742, 352), (880, 352), (880, 236), (612, 236), (612, 352), (700, 352),
             (700, 380), (470, 380), (470, 370), (420, 370)]
    coast_w = [(420, 370), (380, 346), (330, 322), (262, 300), (200, 292), (140, 270),
               (80, 262), (30, 246), (0, 240)]
    sp = smooth_path(coast_w)
    d = "M" + " L".join(f"{f(x)},{f(y)}" for x, y in north) + " " + sp[sp.index("C"):] + " Z"
    b.append(f'<path d="{d}" fill="{LAND}"/>')

    # South bank: ferry terminal, South Basin; the marsh lies west of the barrier.
    coast_s = [(0, 790), (60, 770), (130, 736), (210, 700), (300, 668), (390, 642), (470, 626),
               (540, 616), (590, 610)]
    sp = smooth_path(coast_s)
    quay_s = [(680, 604), (680, 700), (960, 700), (960, 604), (1200, 604), (1200, 900), (0, 900)]
    d = (f"M0,900 L0,790 " + sp[sp.index("C"):] + " L"
         + " L".join(f"{f(x)},{f(y)}" for x, y in quay_s) + " Z")
    b.append(f'<path d="{d}" fill="{LAND}"/>')

    # City blocks on the north bank.
    blocks = []
    for row, (ya, yb) in enumerate([(18, 70), (86, 138)]):
        x = 8 + (row * 37) % 60
        while x < 1190:
            wdt = rng.choice([70, 84, 96, 110])
            blocks.append((x, ya, min(x + wdt, 1192), yb))
            x += wdt + 16
    b.append(f'<g fill="{BLOCK}">' + "".join(
        f'<rect x="{a}" y="{c}" width="{z - a}" height="{e - c}"/>' for a, c, z, e in blocks)
        + "</g>")
    # New homes: phase 1 west of the dock, phase 2 behind the stores, phase 3 in the South Basin.
    homes = [(430, 300, 470, 334), (482, 300, 530, 334), (542, 300, 592, 334),
             (430, 250, 470, 284), (482, 250, 530, 284), (542, 250, 592, 284),
             (330, 262, 372, 290), (384, 258, 416, 294),
             (130, 196, 188, 236), (200, 196, 260, 240), (272, 196, 330, 240),
             (342, 196, 400, 236), (412, 196, 470, 236), (482, 196, 540, 236)]
    for r, y in enumerate((176, 240, 304)):
        for i, (xa, xb) in enumerate(((972, 1032), (1044, 1108), (1120, 1190))):
            homes.append((xa, y, xb, y + 50))
    for r, y in enumerate((718, 770, 822)):
        for i in range(6):
            x = 690 + i * 46 + (r % 2) * 10
            homes.append((x, y, x + 36, y + 38))
    for i in range(3):
        homes += [(980 + i * 72, 624, 1040 + i * 72, 664), (980 + i * 72, 680, 1040 + i * 72, 720)]
    homes += [(620, 690, 664, 730), (620, 744, 664, 784), (620, 798, 664, 838), (980, 740, 1190, 760),
              (540, 700, 596, 736), (540, 752, 596, 788), (470, 800, 596, 830)]
    b.append('<g fill="#d8c6a6">' + "".join(
        f'<rect x="{a}" y="{c}" width="{z - a}" height="{e - c}"/>' for a, c, z, e in homes)
        + "</g>")
    # The Bonded Stores: eleven warehouses along the east side of the Old Dock.
    bonded = [(890, 172 + i * 18, 942, 172 + i * 18 + 15) for i in range(11)]
    b.append('<g fill="#c9744f" stroke="#a85a3a" stroke-width="1">' + "".join(
        f'<rect x="{a}" y="{c}" width="{z - a}" height="{e - c}"/>' for a, c, z, e in bonded)
        + "</g>")
    # Ferry terminal: waiting hall on the quay, gangway and pontoon.
    b.append(f'<rect x="600" y="614" width="46" height="24" fill="{NAVY}"/>')
    b.append(f'<rect x="619" y="590" width="6" height="24" fill="#ffffff" stroke="{NAVY}" stroke-width="1.2"/>')
    b.append(f'<rect x="592" y="578" width="64" height="13" fill="#ffffff" stroke="{NAVY}" stroke-width="1.5"/>')

    # Ashby Marsh on the seaward side of the barrier: marsh, creeks, tufts, boardwalk.
    marsh = [(0, 790), (60, 770), (130, 736), (210, 700), (300, 668), (372, 648), (416, 642),
             (430, 700), (420, 780), (380, 850), (300, 900), (0, 900)]
    b.append(f'<path d="{smooth_path(marsh, closed=True)}" fill="#dfe6d0"/>')
    creeks = [[(130, 740), (180, 770), (170, 810), (230, 840), (250, 900)],
              [(300, 670), (330, 710), (300, 750), (346, 790), (336, 840)]]
    for c in creeks:
        b.append(f'<path d="{smooth_path(c)}" fill="none" stroke="{WATER}" stroke-width="7" '
                 f'stroke-linecap="round"/>')
    tufts = []
    for _ in range(170):
        x, y = rng.uniform(20, 420), rng.uniform(660, 890)
        if y < 790 - x * 0.36 or x > 400 and y > 780 or x > 330 and y > 850:
            continue
        if 150 < x < 392 and 806 < y < 876:      # keep the label clear
            continue
        tufts.append(f"M{f(x - 5)},{f(y)} h10 M{f(x - 3)},{f(y)} v-4 M{f(x)},{f(y)} v-6 "
                     f"M{f(x + 3)},{f(y)} v-4")
    b.append(f'<path d="{" ".join(tufts)}" fill="none" stroke="#8aa17c" stroke-width="1.3" '
             f'stroke-linecap="round"/>')
    boardwalk = [(470, 700), (410, 716), (360, 740), (300, 760), (230, 790), (150, 800)]
    b.append(f'<path d="{smooth_path(boardwalk)}" fill="none" stroke="#a0835e" stroke-width="4" '
             f'stroke-dasharray="2 3"/>')

    # Streets.
    roads = [[(0, 160), (1200, 160)], [(0, 78), (1200, 78)], [(600, 160), (600, 236)],
             [(954, 0), (954, 370)], [(318, 160), (318, 310)], [(1108, 160), (1108, 380)]]
    b.append(f'<g stroke="{ROAD}" stroke-width="7" stroke-linecap="round" fill="none">'
             + "".join(f'<polyline points="{pts(r)}"/>' for r in roads) + "</g>")
    roads_s = [[(670, 712), (970, 712)], [(670, 764), (970, 764)], [(670, 816), (970, 816)],
               [(606, 900), (606, 640)], [(972, 604), (972, 900)], [(470, 740), (606, 740)]]
    b.append(f'<g stroke="{ROAD}" stroke-width="6" stroke-linecap="round" fill="none">'
             + "".join(f'<polyline points="{pts(r)}"/>' for r in roads_s) + "</g>")

    # Public waterfront (teal quay edges).
    quays = [[(420, 370), (470, 370), (470, 380), (700, 380)],
             [(742, 380), (960, 380), (960, 392), (1120, 392), (1120, 380), (1200, 380)],
             [(612, 352), (612, 236), (880, 236), (880, 352)],
             [(680, 604), (680, 700), (960, 700), (960, 604), (1200, 604)]]
    b.append(f'<g stroke="{TEAL}" stroke-width="4" fill="none" stroke-linejoin="round">'
             + "".join(f'<polyline points="{pts(q)}"/>' for q in quays) + "</g>")
    # Old Dock lock gates; boatyard slipways and pontoons; the Harbour Steps.
    b.append(f'<line x1="700" y1="372" x2="742" y2="372" stroke="{NAVY}" stroke-width="3"/>')
    b.append(f'<line x1="700" y1="358" x2="742" y2="358" stroke="{NAVY}" stroke-width="3"/>')
    b.append(f'<g fill="#ffffff" stroke="{NAVY}" stroke-width="1">'
             '<rect x="640" y="300" width="4" height="48"/><rect x="660" y="300" width="4" height="48"/>'
             '<rect x="800" y="292" width="70" height="5"/><rect x="800" y="320" width="70" height="5"/>'
             '</g>')
    b.append(f'<g fill="{NAVY}">' + "".join(
        f'<rect x="{424 + i * 5}" y="372" width="3" height="9"/>' for i in range(8)) + "</g>")

    # Ferry routes: across the bay to Carrick Sands and down the river to Holm Point.
    ferry = [(592, 584), (520, 566), (446, 530), (330, 508), (200, 512), (80, 528), (-10, 534)]
    b.append(f'<path d="{smooth_path(ferry)}" fill="none" stroke="{NAVY}" stroke-width="2" '
             f'stroke-dasharray="10 6"/>')
    ferry2 = [(330, 508), (220, 470), (120, 444), (-10, 430)]
    b.append(f'<path d="{smooth_path(ferry2)}" fill="none" stroke="{NAVY}" stroke-width="2" '
             f'stroke-dasharray="10 6"/>')

    # Ashby flood barrier, just downstream of the South Basin and the terminal.
    bx = [(392, 352), (404, 450), (418, 548), (432, 640)]
    b.append(f'<polyline points="{pts(bx)}" fill="none" stroke="{NAVY}" stroke-width="5"/>')
    for x, y in bx:
        b.append(f'<rect x="{f(x - 7)}" y="{f(y - 7)}" width="14" height="14" fill="{NAVY}"/>')
    for y in (498, 528):
        b.append(f'<circle cx="{f(404 + (y - 450) * 14 / 98)}" cy="{y}" r="6" fill="{NAVY}"/>')

    # Planned Swing Bridge (2029): Bonded Stores to the South Basin.
    b.append(f'<line x1="990" y1="392" x2="990" y2="604" stroke="{NAVY}" stroke-width="4" '
             f'stroke-dasharray="3 5" stroke-linecap="round"/>')
    b.append(f'<circle cx="990" cy="498" r="7" fill="#ffffff" stroke="{NAVY}" stroke-width="2"/>')

    # Tram line 4: down Quay Road past the stores, over the lock, along North Quay.
    tram = [(954, 0), (954, 360), (942, 372), (760, 372), (700, 368), (556, 366)]
    b.append(f'<polyline points="{pts(tram)}" fill="none" stroke="{CORAL}" stroke-width="5" '
             f'stroke-dasharray="14 7" stroke-linejoin="round"/>')
    stops = [(954, 60), (954, 272), (800, 372), (560, 366)]
    for x, y in stops:
        b.append(f'<circle cx="{x}" cy="{y}" r="8" fill="#ffffff" stroke="{CORAL}" '
                 f'stroke-width="3.5"/>')

    # --- Labels -----------------------------------------------------------
    halo = 'stroke="#ffffff" stroke-width="5" stroke-linejoin="round"'

    def label(x, y, s, size=22, weight=700, fill=NAVY, anchor="start", spacing="1.5",
              italic=False, with_halo=False):
        out = text(x, y, s, size, weight, fill, anchor, spacing, italic)
        if with_halo:  # a white outline drawn underneath (no paint-order in WeasyPrint)
            out = text(x, y, s, size, weight, "#ffffff", anchor, spacing, italic, halo) + out
        return out

    water = "#5c8594"
    b.append(label(800, 462, "RIVER ASHBY", 24, 500, water, "middle", "6", True))
    b.append(label(40, 318, "KESTEVEN", 26, 500, water, "start", "6", True))
    b.append(label(40, 348, "BAY", 26, 500, water, "start", "6", True))
    b.append(label(746, 292, "OLD", 18, 700, water, "middle", "3"))
    b.append(label(746, 312, "DOCK", 18, 700, water, "middle", "3"))
    b.append(label(820, 660, "SOUTH BASIN", 22, 700, NAVY, "middle", "2"))

    b.append(label(942, 152, "BONDED STORES", 20, 700, "#a34a2c", "end", "1.5", with_halo=True))
    b.append(label(590, 414, "NORTH QUAY", 22, 700, NAVY, "middle", "2"))
    b.append(label(230, 840, "ASHBY MARSH", 24, 700, "#4f6b45", "middle", "2"))
    b.append(label(230, 862, "incl. 2 ha of new salt marsh", 16, 500, "#4f6b45", "middle", "0"))
    b.append(label(150, 60, "CITY CENTRE", 22, 700, "#8a7b63", "start", "3"))
    b.append(label(820, 880, "SOUTH BASIN HOMES", 16, 600, MUTED, "middle", "1.5"))
    b.append(label(1080, 346, "homes 2015–20", 14, 600, MUTED, "middle", "0.5", with_halo=True))

    b.append(label(666, 582, "Ferry terminal", 17, 600, NAVY, "start", "0.3"))
    b.append(label(666, 599, "opened 2025", 15, 500, MUTED, "start", "0"))
    b.append(label(380, 596, "Ashby flood", 17, 600, NAVY, "end", "0.3"))
    b.append(label(380, 614, "barrier (2024)", 17, 600, NAVY, "end", "0.3"))
    b.append(label(1002, 492, "Swing Bridge", 17, 600, NAVY, "start", "0.3"))
    b.append(label(1002, 510, "planned 2029", 15, 500, MUTED, "start", "0"))
    b.append(label(628, 284, "Boatyard", 14, 600, NAVY, "start", "0.3"))
    b.append(label(424, 362, "Harbour Steps", 15, 600, NAVY, "start", "0.3", with_halo=True))
    b.append(label(12, 556, "to Holm Point (9 km)", 15, 500, NAVY, "start", "0.3"))
    b.append(label(12, 418, "to Carrick Sands", 15, 500, NAVY, "start", "0.3"))

    b.append(label(966, 64, "Quay Road", 16, 600, CORAL, "start", "0.3", with_halo=True))
    b.append(label(966, 276, "Bonded Stores", 16, 600, CORAL, "start", "0.3", with_halo=True))
    b.append(label(800, 400, "Old Dock", 16, 600, CORAL, "middle", "0.3", with_halo=True))
    b.append(label(566, 350, "North Quay", 16, 600, CORAL, "middle", "0.3", with_halo=True))
    b.append(label(966, 22, "to Station Square", 15, 500, CORAL, "start", "0.3", with_halo=True))

    # North arrow.
    nx, ny = 1146, 106
    b.append(f'<circle cx="{nx}" cy="{ny}" r="30" fill="#ffffff" stroke="{NAVY}" stroke-width="1.5"/>')
    b.append(f'<path d="M{nx},{ny - 24} L{nx + 10},{ny + 12} L{nx},{ny + 6} Z" fill="{NAVY}"/>')
    b.append(f'<path d="M{nx},{ny - 24} L{nx - 10},{ny + 12} L{nx},{ny + 6} Z" fill="#ffffff" '
             f'stroke="{NAVY}" stroke-width="1.2"/>')
    b.append(label(nx, ny - 36, "N", 18, 800, NAVY, "middle", "0"))

    # Legend panel with scale bar.
    lx, ly, lw, lh = 988, 752, 200, 138
    b.append(f'<rect x="{lx}" y="{ly}" width="{lw}" height="{lh}" fill="#ffffff" '
             f'fill-opacity="0.94" stroke="{GRID}" stroke-width="1"/>')
    yy = ly + 22
    b.append(f'<line x1="{lx + 12}" y1="{yy - 5}" x2="{lx + 52}" y2="{yy - 5}" stroke="{CORAL}" '
             f'stroke-width="5" stroke-dasharray="14 7"/>')
    b.append(f'<circle cx="{lx + 32}" cy="{yy - 5}" r="6" fill="#ffffff" stroke="{CORAL}" stroke-width="3"/>')
    b.append(label(lx + 62, yy, "Tram line 4, stop", 15, 500, INK, "start", "0"))
    yy += 24
    b.append(f'<line x1="{lx + 12}" y1="{yy - 5}" x2="{lx + 52}" y2="{yy - 5}" stroke="{TEAL}" stroke-width="4"/>')
    b.append(label(lx + 62, yy, "Public waterfront", 15, 500, INK, "start", "0"))
    yy += 24
    b.append(f'<line x1="{lx + 12}" y1="{yy - 5}" x2="{lx + 52}" y2="{yy - 5}" stroke="{NAVY}" '
             f'stroke-width="2" stroke-dasharray="10 6"/>')
    b.append(label(lx + 62, yy, "Ferry routes", 15, 500, INK, "start", "0"))
    # Scale bar: 600 map units = 1 km, so 100 m = 60 units.
    yy += 16
    sx = lx + 14
    b.append(f'<rect x="{sx}" y="{yy}" width="60" height="6" fill="{NAVY}"/>')
    b.append(f'<rect x="{sx + 60}" y="{yy}" width="60" height="6" fill="#ffffff"/>')
    b.append(f'<rect x="{sx}" y="{yy}" width="120" height="6" fill="none" stroke="{NAVY}" stroke-width="1"/>')
    for i, lab in enumerate(("0", "100", "200 m")):
        b.append(label(sx + 60 * i + (8 if i == 2 else 0), yy + 24, lab, 14, 600, INK, "middle", "0"))
    return svg_doc(W, H, b, "Map of the Kesteven Bay harbour")


# ---------------------------------------------------------------------------
# Signature and logo
# ---------------------------------------------------------------------------

def _cursive(x0, base, cycles, adv=15.0):
    """Pen trace of looped cursive: each cycle is (height, loop width, advance)."""
    out = []
    x = x0
    for h, wloop, a in cycles:
        a = a or adv
        n = 28
        for i in range(n + 1):
            t = 2 * math.pi * i / n
            px = x + a * t / (2 * math.pi) + wloop * math.sin(t) * (1 if h >= 0 else -1)
            py = base - h * (1 - math.cos(t)) / 2
            out.append((px, py))
        x += a
    return out


def _slant(points, base, k=0.28):
    return [(x + (base - y) * k, y) for x, y in points]


# The signature sits on the navy cover, so it is written in light "ink".
# For use on a white page, set this to a dark ink such as "#1c2d4f".
SIGNATURE_INK = "#f6f1e8"


def signature() -> str:
    W, H = 420, 150
    base = 96
    ink = SIGNATURE_INK
    strokes = []
    # "H": two stems and a crossbar that runs on into "elen".
    strokes.append([(42, 34), (40, 52), (37, 72), (33, 92), (30, 104)])
    stem2 = [(74, 24), (72, 48), (69, 72), (66, 94), (63, 106), (60, 110)]
    strokes.append(stem2)
    cross = [(18, 78), (40, 70), (62, 66), (84, 68), (96, 78), (100, 90), (104, 96)]
    run = _cursive(104, base, [(16, 6, 14), (46, 9, 15), (15, 6, 13), (14, 2, 14), (13, 2, 15)])
    run += [(run[-1][0] + 8, base + 2), (run[-1][0] + 16, base - 4)]
    strokes.append(cross + _slant(run, base)[1:])
    # "O": one and a quarter turns of a slanted oval.
    oval = []
    for i in range(46):
        t = -0.9 + 2 * math.pi * 1.2 * i / 45
        x = 222 + 26 * math.cos(t) + (1 - math.sin(t)) * 0
        y = 62 - 36 * math.sin(t)
        oval.append((x, y))
    strokes.append(_slant(oval, base, 0.18))
    # "kafor" with a looped f descender, then a flourish under the whole name.
    run2 = _cursive(246, base, [(14, 3, 10), (52, 8, 16), (16, 7, 14), (15, 3, 13),
                                (58, 9, 16), (-34, 8, 10), (15, 6, 14), (13, 2, 14)])
    run2 = _slant(run2, base)
    ex = run2[-1][0]
    tail = [(ex + 9, base - 9), (ex + 13, base + 3), (ex - 10, base + 21), (ex - 90, base + 33),
            (190, base + 36), (44, base + 25)]
    strokes.append([(232, 96)] + run2 + tail)
    body = []
    for s in strokes:
        d = smooth_path(s)
        body.append(f'<path d="{d}" fill="none" stroke="{ink}" stroke-width="3" '
                    f'stroke-linecap="round" stroke-linejoin="round"/>')
    return svg_doc(W, H, body, "Signature of Helen Okafor")


def logo() -> str:
    """Harbour Trust logo, drawn for the navy cover and back page."""
    W, H = 392, 100
    b = []
    cx, cy, r = 50, 50, 46
    b.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{CORAL}"/>')
    # A level-luffing harbour crane: portal, machinery house, A-frame, jib, hook.
    b.append('<g fill="#ffffff">'
             '<path d="M30,64 L37,50 L49,50 L56,64 L50.5,64 L45.5,55 L40.5,55 L35.5,64 Z"/>'
             '<rect x="34" y="40" width="18" height="10"/>'
             '<path d="M37,40 L43,21 L49,40 Z"/>'
             '<rect x="23" y="29" width="9" height="8"/>'
             '</g>')
    b.append('<g stroke="#ffffff" fill="none" stroke-linecap="round">'
             '<path d="M47,38 L77,19" stroke-width="4"/>'
             '<path d="M43,22 L63,28" stroke-width="1.6"/>'
             '<path d="M43,23 L29,31" stroke-width="2.4"/>'
             '<path d="M77,19 L77,40" stroke-width="1.4"/>'
             '<path d="M74.5,40 L79.5,40 L79.5,44 Q77,48 74.5,44" stroke-width="1.8"/>'
             '</g>')
    # Waves, kept inside the disc.
    for y, xa, xb in ((71, 12, 88), (81, 22, 78)):
        n = int((xb - xa) // 12)
        x = cx - n * 6
        d = f"M{x},{y}" + " q3,-5 6,0 q3,5 6,0" * n
        b.append(f'<path d="{d}" fill="none" stroke="#ffffff" stroke-width="3" '
                 f'stroke-linecap="round" stroke-linejoin="round"/>')
    b.append(text(112, 40, "KESTEVEN BAY", 22, 600, SAND, "start", "4.5"))
    b.append(text(110, 80, "HARBOUR TRUST", 34, 800, "#ffffff", "start", "0.8"))
    return svg_doc(W, H, b, "Kesteven Bay Harbour Trust")


SVGS = {
    "map-harbour.svg": map_harbour,
    "chart-tonnage.svg": chart_tonnage,
    "chart-residents.svg": chart_residents,
    "chart-investment.svg": chart_investment,
    "signature.svg": signature,
    "logo.svg": logo,
}


# PHOTOS-START
# ---------------------------------------------------------------------------
# Painting helpers (Pillow only; everything is drawn at SS x size, then reduced)
# ---------------------------------------------------------------------------

SS = 2


def rgb(c) -> tuple:
    if isinstance(c, tuple):
        return c
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t: float) -> tuple:
    a, b = rgb(a), rgb(b)
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))


def rgba(c, a: float) -> tuple:
    return (*rgb(c), int(round(255 * a)))


def gradient(w: int, h: int, stops, horizontal=False) -> Image.Image:
    """Linear gradient through (position 0..1, colour) stops."""
    n = w if horizontal else h
    stops = [(t, rgb(c)) for t, c in stops]
    data = []
    for i in range(n):
        t = i / max(1, n - 1)
        if t <= stops[0][0]:
            data.append(stops[0][1])
            continue
        for (t0, c0), (t1, c1) in zip(stops, stops[1:]):
            if t0 <= t <= t1:
                data.append(mix(c0, c1, (t - t0) / (t1 - t0) if t1 > t0 else 0))
                break
        else:
            data.append(stops[-1][1])
    strip = Image.new("RGB", (n, 1) if horizontal else (1, n))
    strip.putdata(data)
    return strip.resize((w, h), Image.NEAREST)


_RADIAL = None


def glow(img, cx, cy, rx, ry, color, strength=1.0, power=2.0):
    """Soft elliptical light of *color* added over *img* (normal blend by mask)."""
    global _RADIAL
    if _RADIAL is None:
        _RADIAL = Image.radial_gradient("L")
    lut = [int(255 * strength * max(0.0, 1 - v / 255) ** power) for v in range(256)]
    m = _RADIAL.point(lut).resize((max(1, int(2 * rx)), max(1, int(2 * ry))), Image.BILINEAR)
    layer = Image.new("RGB", m.size, rgb(color))
    img.paste(layer, (int(cx - rx), int(cy - ry)), m)


def soft(img, draw_fn, color, blur, opacity=1.0):
    """Draw shapes into a mask with *draw_fn(ImageDraw)*, blur it, paint *color* through it."""
    m = Image.new("L", img.size, 0)
    draw_fn(ImageDraw.Draw(m))
    if blur:
        m = m.filter(ImageFilter.GaussianBlur(blur))
    if opacity < 1:
        m = m.point(lambda v: int(v * opacity))
    img.paste(rgb(color), (0, 0), m)


def noise(size, rng, amount, blur=0.0, mono=True) -> Image.Image:
    """Grain centred on 128 (for ImageChops.add with offset -128)."""
    w, h = size
    g = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    if blur:
        g = g.filter(ImageFilter.GaussianBlur(blur))
        g = ImageOps.autocontrast(g, cutoff=1)
    g = g.point(lambda v: int(128 + (v - 128) * amount))
    return Image.merge("RGB", (g, g, g))


def add_grain(img, rng, amount, blur=0.0):
    return ImageChops.add(img, noise(img.size, rng, amount, blur), 1.0, -128)


def vignette(img, strength=0.35, power=2.2):
    w, h = img.size
    m = Image.radial_gradient("L").resize((w, h), Image.BILINEAR)
    m = m.point(lambda v: int(255 * (1 - strength * min(1.0, v / 255 * 1.25) ** power)))
    return ImageChops.multiply(img, Image.merge("RGB", (m, m, m)))


def reflect(img, hz, rng, amp=4.0, band=(2, 12), tint="#000000", tint_amt=0.3, dark=0.8,
            blur=2.0, squash=1.0, unit=SS):
    """Mirror everything above the waterline *hz* into the water, broken into ripples.

    *amp* and *band* are in output pixels; *unit* is canvas pixels per output pixel
    (SS, or more for a picture drawn larger than its design size)."""
    w, h = img.size
    wh = h - hz
    src_h = min(hz, int(wh * squash) + 2)
    src = img.crop((0, hz - src_h, w, hz)).transpose(Image.FLIP_TOP_BOTTOM)
    if squash != 1.0:
        src = src.resize((w, max(1, int(src_h / squash))), Image.BILINEAR)
    if src.height < wh:
        pad = Image.new("RGB", (w, wh), src.getpixel((w // 2, src.height - 1)))
        pad.paste(src, (0, 0))
        src = pad
    src = src.filter(ImageFilter.GaussianBlur(blur))
    out = Image.new("RGB", (w, wh))
    y = 0
    while y < wh:
        t = y / wh
        bh = max(1, int((band[0] + (band[1] - band[0]) * t * t) * unit * rng.uniform(0.6, 1.4)))
        dx = int(rng.gauss(0, amp * unit * (0.25 + 1.5 * t)))
        strip = src.crop((0, y, w, min(wh, y + bh)))
        out.paste(strip, (0, y))
        out.paste(strip, (dx, y))
        y += bh
    out = Image.blend(out, Image.new("RGB", out.size, rgb(tint)), tint_amt)
    out = out.point(lambda v: int(v * dark))
    img.paste(out, (0, hz))


def ripples(img, hz, rng, count, colors, alpha=(0.15, 0.45), length=(20, 160), xs=None, unit=SS):
    """Thin horizontal glints/shadows on the water, denser and shorter near the horizon.

    *length* is in output pixels; *unit* is canvas pixels per output pixel (as in reflect)."""
    w, h = img.size
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(count):
        t = rng.random() ** 1.7
        y = hz + 2 + t * (h - hz - 2)
        if xs:
            x = rng.gauss(*xs)
        else:
            x = rng.uniform(-50 * unit, w)
        ln = rng.uniform(*length) * unit * (0.3 + 1.4 * t)
        th = max(1, int(unit * (0.6 + 2.2 * t)))
        c = rng.choice(colors)
        d.line([(x, y), (x + ln, y)], fill=rgba(c, rng.uniform(*alpha)), width=th)


def finish(img, size) -> Image.Image:
    """Reduce the supersampled painting to its final size."""
    return img.resize(size, Image.LANCZOS)


def crane(d, x, y, s, ang, facing=1, col=(0, 0, 0), cab=None, hook=9.0):
    """A level-luffing harbour crane standing on rails at (x, y); s = pixels per metre."""
    col = rgb(col)

    def P(mx, my):
        return (x + facing * mx * s, y - my * s)

    def L(a, b, wm):
        d.line([P(*a), P(*b)], fill=col, width=max(1, int(round(wm * s))))

    def poly(points):
        d.polygon([P(*p) for p in points], fill=col)

    poly([(-4.7, 0), (-3.8, 0), (-2.9, 10), (-3.8, 10)])
    poly([(4.7, 0), (3.8, 0), (2.9, 10), (3.8, 10)])
    poly([(-5.6, 0), (-2.8, 0), (-2.8, 0.9), (-5.6, 0.9)])
    poly([(5.6, 0), (2.8, 0), (2.8, 0.9), (5.6, 0.9)])
    L((-4.2, 1.4), (3.2, 9.4), 0.22)
    L((4.2, 1.4), (-3.2, 9.4), 0.22)
    L((-4.3, 5), (4.3, 5), 0.3)
    poly([(-4.6, 10), (4.6, 10), (4.6, 11.4), (-4.6, 11.4)])
    poly([(-1.8, 11.4), (1.8, 11.4), (1.8, 12.3), (-1.8, 12.3)])
    poly([(-5.0, 12.3), (3.2, 12.3), (3.2, 17.4), (-5.0, 17.4)])
    poly([(3.2, 12.6), (5.4, 12.6), (5.8, 16.4), (3.2, 16.4)])
    if cab:
        d.polygon([P(3.8, 13.8), P(5.2, 13.8), P(5.45, 15.7), P(3.8, 15.7)], fill=rgb(cab))
    L((-2.6, 17.4), (-0.1, 29), 0.55)
    L((2.4, 17.4), (0.1, 29), 0.55)
    L((-2.0, 21), (1.9, 21), 0.25)
    L((-1.3, 25), (1.2, 25), 0.22)
    a = math.radians(ang)
    ln = 32.0
    px, py = 2.8, 16.8
    tx, ty = px + ln * math.cos(a), py + ln * math.sin(a)
    nx, ny = -math.sin(a), math.cos(a)

    def J(t, side):
        wdt = (0.95 - 0.6 * t) * side
        return (px + (tx - px) * t + nx * wdt, py + (ty - py) * t + ny * wdt)

    L(J(0, 1), J(1, 1), 0.26)
    L(J(0, -1), J(1, -1), 0.26)
    steps = 16
    for i in range(steps):
        L(J(i / steps, 1 if i % 2 else -1), J((i + 1) / steps, -1 if i % 2 else 1), 0.13)
    poly([J(1, 1), J(1, -1), (tx + 1.2 * math.cos(a), ty + 1.2 * math.sin(a) - 0.4)])
    L((0, 29), (px + 0.62 * (tx - px), py + 0.62 * (ty - py)), 0.16)
    L((0, 29), (-7.8, 22.6), 0.4)
    L((-5.0, 17.4), (-7.8, 22.6), 0.4)
    poly([(-9.6, 20.4), (-6.4, 20.4), (-6.4, 24.4), (-9.6, 24.4)])
    if hook:
        L((tx + 0.8 * math.cos(a), ty), (tx + 0.8 * math.cos(a), ty - hook), 0.09)
        hx = tx + 0.8 * math.cos(a)
        poly([(hx - 0.45, ty - hook), (hx + 0.45, ty - hook), (hx + 0.35, ty - hook - 1.1),
              (hx - 0.35, ty - hook - 1.1)])


# ---------------------------------------------------------------------------
# cover.jpg: the harbour at dusk
# ---------------------------------------------------------------------------

def paint_cover() -> Image.Image:
    # Full-bleed A4 + 3 mm bleed (216 x 303 mm) at 300 ppi. The scene was designed on a
    # 1654 px wide canvas; *u* (canvas pixels per design pixel) scales every fixed size
    # with the width, so the picture stays the same at any resolution, only sharper.
    W, H = 2560, 3590
    w, h = W * SS, H * SS
    u = SS * W / 1654
    rng = random.Random(1868)
    hz = int(h * 0.655)
    img = Image.new("RGB", (w, h))
    img.paste(gradient(w, hz, [(0, "#0a1626"), (0.28, "#132843"), (0.52, "#2e3656"),
                              (0.70, "#5d4260"), (0.83, "#a4555a"), (0.92, "#df7a4f"),
                              (0.975, "#f3a55f"), (1.0, "#f7c37c")]), (0, 0))
    # Evening glow where the sun has just set.
    glow(img, w * 0.63, hz, w * 0.75, h * 0.16, "#ffc27a", 0.75, 1.6)
    glow(img, w * 0.63, hz, w * 0.28, h * 0.05, "#ffe2a6", 0.85, 1.4)
    # Stars in the darkest part of the sky.
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(160):
        x, y = rng.uniform(0, w), rng.uniform(0, h * 0.3) ** 1.0
        r = rng.choice([1, 1, 1.5, 2]) * u
        d.ellipse([x - r, y - r, x + r, y + r], fill=rgba("#ffffff", rng.uniform(0.2, 0.7) * (1 - y / (h * 0.32))))
    # Long stratus clouds: dark bodies with sunlit undersides.
    for cy, cx, length, thick in [(0.34, 0.2, 0.55, 0.012), (0.39, 0.72, 0.7, 0.010),
                                  (0.455, 0.35, 0.8, 0.008), (0.50, 0.85, 0.5, 0.006),
                                  (0.53, 0.15, 0.45, 0.005), (0.27, 0.8, 0.4, 0.010)]:
        parts = []
        for _ in range(34):
            px = (cx + rng.uniform(-length / 2, length / 2)) * w
            py = (cy + rng.gauss(0, thick * 0.9)) * h
            rx = rng.uniform(0.04, 0.12) * w
            ry = rng.uniform(0.4, 1.0) * thick * h
            parts.append((px, py, rx, ry))
        warm = mix("#f08a5d", "#ffd199", max(0.0, (cy - 0.3) / 0.25))
        soft(img, lambda dr: [dr.ellipse([px - rx, py - ry + thick * h * 0.45, px + rx,
                                          py + ry + thick * h * 0.45], fill=255)
                              for px, py, rx, ry in parts], warm, 16 * u, 0.5)
        body = mix("#241f3b", "#5a3d55", max(0.0, (cy - 0.27) / 0.28))
        soft(img, lambda dr: [dr.ellipse([px - rx, py - ry, px + rx, py + ry], fill=255)
                              for px, py, rx, ry in parts], body, 12 * u, 0.6)

    d = ImageDraw.Draw(img, "RGBA")
    # Far shore: Holm Point and low hills, with a few lights.
    far = "#3b3552"
    ridge = [(0, hz - 28 * u)]
    x = 0
    while x < w:
        x += rng.uniform(30, 90) * u
        ridge.append((x, hz - rng.uniform(14, 40) * u))
    ridge += [(w, hz), (0, hz)]
    d.polygon(ridge, fill=rgb(far))
    for _ in range(40):
        x = rng.uniform(0, w)
        y = hz - rng.uniform(5, 16) * u
        d.rectangle([x, y, x + 1.5 * u, y + 1.5 * u], fill=rgba("#ffd79a", rng.uniform(0.5, 0.9)))
    # Distant container cranes at Holm Point (tiny A-frames).
    for cx in (0.08, 0.13, 0.17):
        bx, by, ss = cx * w, hz - 10 * u, 3.2 * u
        lw = max(1, round(2 * u))
        d.line([(bx, by), (bx + 3 * ss, by - 14 * ss)], fill=rgb("#2e2a44"), width=lw)
        d.line([(bx + 6 * ss, by), (bx + 3 * ss, by - 14 * ss)], fill=rgb("#2e2a44"), width=lw)
        d.line([(bx - 6 * ss, by - 11 * ss), (bx + 14 * ss, by - 11 * ss)], fill=rgb("#2e2a44"), width=lw)

    sil = rgb("#0f1824")
    s = 12 * u               # pixels per metre at the quay
    yq = hz - int(1.8 * s)   # quay surface
    lights = []              # (x, y, radius, colour) for glows
    # Quay wall.
    d.rectangle([0, yq, w, hz], fill=sil)
    # Bonded Stores: gabled brick warehouses on the left, windows partly lit.
    x = -0.02 * w
    for wm, hm in [(15, 21), (13, 18), (16, 23), (12, 17)]:
        x0, x1 = x, x + wm * s
        top = yq - hm * s
        peak = top - 5 * s
        d.polygon([(x0, yq), (x0, top), ((x0 + x1) / 2, peak), (x1, top), (x1, yq)], fill=sil)
        # hoist beam under the gable
        d.rectangle([(x0 + x1) / 2 - 0.3 * s, top - 2.4 * s, (x0 + x1) / 2 + 1.6 * s, top - 1.8 * s], fill=sil)
        floors = int((hm - 3) // 3.3)
        cols = int(wm // 2.6)
        for fl in range(floors):
            for c in range(cols):
                wx = x0 + (c + 0.5) * wm * s / cols
                wy = yq - (2.6 + fl * 3.3) * s
                ww, whh = 0.55 * s, 1.15 * s
                if rng.random() < 0.42:
                    col = rng.choice(["#ffcf7a", "#ffbb63", "#ffe3a8", "#f7a85a"])
                    d.rectangle([wx - ww, wy - whh, wx + ww, wy + whh], fill=rgb(col))
                    lights.append((wx, wy, 2.2 * s, col, 0.25))
                else:
                    d.rectangle([wx - ww, wy - whh, wx + ww, wy + whh], fill=rgb("#1c2736"))
        x = x1 + 0.4 * s
    # Cranes.
    for cx, ang, face, sc in [(0.46, 50, 1, 1.0), (0.64, 66, 1, 0.94), (0.92, 72, -1, 0.9)]:
        crane(d, cx * w, yq, s * sc, ang, face, sil, cab="#ffc877")
        lights.append((cx * w + face * 4.5 * s * sc, yq - 14.7 * s * sc, 1.4 * s, "#ffc877", 0.5))
    # A moored coaster to the right of the first crane.
    bx0, bx1 = 0.55 * w, 0.83 * w
    deck = hz - 3.4 * s
    hull = [(bx0, deck - 1.2 * s), (bx0 + 1.5 * s, hz + 0.6 * s), (bx1 - 3 * s, hz + 0.6 * s),
            (bx1, deck - 2.2 * s), (bx1 - 6 * s, deck)]
    d.polygon(hull, fill=rgb("#0b121c"))
    d.rectangle([bx0 + 2 * s, deck - 7.5 * s, bx0 + 9 * s, deck], fill=rgb("#0b121c"))
    d.rectangle([bx0 + 2.8 * s, deck - 9.2 * s, bx0 + 7.5 * s, deck - 7.5 * s], fill=rgb("#0b121c"))
    for i in range(4):
        wx = bx0 + (3.2 + i * 1.4) * s
        d.rectangle([wx, deck - 6.6 * s, wx + 0.8 * s, deck - 5.7 * s], fill=rgb("#ffd994"))
        lights.append((wx, deck - 6.2 * s, 1.2 * s, "#ffd994", 0.3))
    mx = bx0 + 13 * s
    d.line([(mx, deck), (mx, deck - 17 * s)], fill=rgb("#0b121c"), width=int(0.35 * s))
    d.line([(mx - 3 * s, deck - 13 * s), (mx + 3 * s, deck - 13 * s)], fill=rgb("#0b121c"), width=int(0.25 * s))
    d.line([(mx, deck - 17 * s), (bx0, deck - 1.2 * s)], fill=rgb("#0b121c"), width=max(1, int(0.08 * s)))
    d.line([(mx, deck - 17 * s), (bx1 - 1 * s, deck - 2.2 * s)], fill=rgb("#0b121c"), width=max(1, int(0.08 * s)))
    lights.append((mx, deck - 17.4 * s, 0.9 * s, "#fff2d0", 0.8))
    # Lamp posts along the quay.
    for lx in [0.05, 0.16, 0.27, 0.37, 0.86, 0.97]:
        px = lx * w
        d.line([(px, yq), (px, yq - 6.5 * s)], fill=sil, width=int(0.25 * s))
        d.line([(px, yq - 6.5 * s), (px + 0.9 * s, yq - 6.5 * s)], fill=sil, width=int(0.2 * s))
        d.ellipse([px + 0.5 * s, yq - 6.5 * s, px + 1.3 * s, yq - 5.9 * s], fill=rgb("#fff0c8"))
        lights.append((px + 0.9 * s, yq - 6.1 * s, 3.2 * s, "#ffd08a", 0.55))
    # Bollards.
    for bx in range(0, w, int(9 * s)):
        d.rectangle([bx, yq - 0.8 * s, bx + 0.55 * s, yq], fill=sil)
    for lx, ly, r, col, st in lights:
        glow(img, lx, ly, r, r, col, st, 2.2)

    # Water.
    reflect(img, hz, rng, amp=7, band=(2, 18), tint="#0d1a2a", tint_amt=0.36, dark=0.8, blur=2 * u, unit=u)
    ripples(img, hz, rng, 1400, ["#f7b26b", "#ffd59a", "#e4572e"], (0.15, 0.5), (8, 70),
            xs=(w * 0.63, w * 0.12), unit=u)
    ripples(img, hz, rng, 1400, ["#0a1420", "#1a2a40", "#3e4a6a"], (0.2, 0.5), (20, 140), unit=u)
    # Lamp reflections: vertical broken streaks below each light near the quay.
    d = ImageDraw.Draw(img, "RGBA")
    for lx, ly, r, col, st in lights:
        if st < 0.25 or ly < hz - 40 * s:
            continue
        depth = (hz - ly) * 1.0
        yy = hz + depth * 0.7
        while yy < min(h, hz + depth * 1.4 + 30 * s):
            seg = rng.uniform(0.2, 0.8) * s
            wd = rng.uniform(0.6, 1.8) * s
            d.line([(lx - wd / 2 + rng.gauss(0, 0.3 * s), yy), (lx + wd / 2, yy)],
                   fill=rgba(col, rng.uniform(0.25, 0.6)), width=max(1, int(seg * 0.6)))
            yy += seg * rng.uniform(1.5, 3.5)
    # The water darkens towards the viewer.
    shade = gradient(1, h - hz, [(0, "#ffffff"), (1, "#8a8a8a")]).resize((w, h - hz))
    img.paste(ImageChops.multiply(img.crop((0, hz, w, h)), shade), (0, hz))
    return finish(img, (W, H))


# ---------------------------------------------------------------------------
# Warehouses, people and boats (daylight scenes)
# ---------------------------------------------------------------------------

def label_font(size: int, weight="SemiBold"):
    """Fira Sans Condensed from its pip package when available, else Pillow's default font."""
    from PIL import ImageFont
    try:
        from importlib import resources
        path = resources.files("fontpkg_barlow_condensed") / "files" / f"BarlowCondensed-{weight}.ttf"
        return ImageFont.truetype(str(path), size)
    except Exception:  # noqa: BLE001 - any failure: fall back to the built-in font
        return ImageFont.load_default(size)


def wall_polygon(wh):
    x0, x1, top, yb, s = wh["x0"], wh["x1"], wh["top"], wh["yb"], wh["s"]
    if wh["gable"]:
        return [(x0, yb), (x0, top), ((x0 + x1) / 2, wh["peak"]), (x1, top), (x1, yb)]
    return [(x0, yb), (x0, top - 1.2 * s), (x1, top - 1.2 * s), (x1, yb)]


def bricks_on(img, whs, s, rng, contrast=14):
    """Brick texture on the walls of the warehouses *whs* only."""
    textured = brick_texture(img, [wh["box"] for wh in whs], s, rng, contrast)
    m = Image.new("L", img.size, 0)
    md = ImageDraw.Draw(m)
    for wh in whs:
        md.polygon(wall_polygon(wh), fill=255)
    return Image.composite(textured, img, m)


def brick_texture(img, boxes, s, rng, contrast=14, course=None):
    """Overlay a running-bond brick pattern on the rectangles in *boxes*."""
    tex = Image.new("L", img.size, 128)
    d = ImageDraw.Draw(tex)
    ch = course or max(4, int(0.16 * s))          # a little larger than real bricks
    bw = ch * 3
    for x0, y0, x1, y1 in boxes:
        x0, y0, x1, y1 = int(x0), int(y0), int(x1), int(y1)
        row = 0
        for y in range(y0, y1, ch):
            off = (row % 2) * bw // 2
            for x in range(x0 - off, x1, bw):
                v = 128 + int(rng.gauss(0, contrast))
                d.rectangle([x + 1, y + 1, x + bw - 1, y + ch - 1], fill=v)
            d.line([(x0, y), (x1, y)], fill=150)
            row += 1
    tex = tex.filter(ImageFilter.GaussianBlur(0.6))
    return ImageChops.overlay(img, Image.merge("RGB", (tex, tex, tex)))


def sash_window(d, x, y, ww, wh, s, glass, frame="#ece4d2", panes=(2, 3), arch=True,
                stone="#d8c9ad", shadow=(40, 20, 10, 90)):
    """Window opening with stone lintel and sill, glazing bars, reveal shadow."""
    if arch:
        d.pieslice([x - 0.12 * s, y - 0.45 * s, x + ww + 0.12 * s, y + 0.45 * s], 180, 360,
                   fill=rgb(stone))
        d.pieslice([x, y - 0.3 * s, x + ww, y + 0.3 * s], 180, 360, fill=rgb(glass))
    else:
        d.rectangle([x - 0.15 * s, y - 0.35 * s, x + ww + 0.15 * s, y], fill=rgb(stone))
    d.rectangle([x, y, x + ww, y + wh], fill=rgb(glass))
    # glass reflection: lighter upper half
    d.rectangle([x, y, x + ww, y + wh * 0.45], fill=(255, 255, 255, 28))
    d.rectangle([x, y, x + ww * 0.12, y + wh], fill=shadow)
    d.rectangle([x, y, x + ww, y + 0.1 * s], fill=shadow)
    fw = max(2, int(0.06 * s))
    d.rectangle([x, y, x + ww, y + wh], outline=rgb(frame), width=fw)
    cols, rows = panes
    for i in range(1, cols):
        xx = x + ww * i / cols
        d.line([(xx, y), (xx, y + wh)], fill=rgb(frame), width=max(1, fw // 2))
    for j in range(1, rows):
        yy = y + wh * j / rows
        d.line([(x, yy), (x + ww, yy)], fill=rgb(frame), width=max(1, fw // 2 if j != rows // 2 else fw))
    d.rectangle([x - 0.12 * s, y + wh, x + ww + 0.12 * s, y + wh + 0.16 * s], fill=rgb(stone))
    d.rectangle([x - 0.12 * s, y + wh + 0.16 * s, x + ww + 0.12 * s, y + wh + 0.24 * s],
                fill=(40, 20, 10, 60))


def warehouse(img, x0, width, yb, s, rng, height, gable=True, brick="#9b4a32",
              ground="arches", sign=None, door="#1f6f82", year=None, era="today",
              light="#fff4e0", stone="#d9c8a8"):
    """A 19th-century brick warehouse seen square-on; returns its wall boxes."""
    d = ImageDraw.Draw(img, "RGBA")
    x1 = x0 + width * s
    top = yb - height * s
    peak = top - (0.32 * width) * s
    col = rgb(brick)
    if gable:
        d.polygon([(x0, yb), (x0, top), ((x0 + x1) / 2, peak), (x1, top), (x1, yb)], fill=col)
    else:
        d.rectangle([x0, top - 1.2 * s, x1, yb], fill=col)
    return {"x0": x0, "x1": x1, "top": top, "peak": peak, "yb": yb, "gable": gable,
            "s": s, "width": width, "height": height, "ground": ground, "sign": sign,
            "door": door, "year": year, "era": era, "stone": stone, "brick": brick,
            "box": (x0, peak if gable else top - 1.2 * s, x1, yb)}


def warehouse_details(img, wh, rng):
    d = ImageDraw.Draw(img, "RGBA")
    s, x0, x1, top, yb = wh["s"], wh["x0"], wh["x1"], wh["top"], wh["yb"]
    stone, era = rgb(wh["stone"]), wh["era"]
    width = wh["width"]
    # Gable coping / cornice.
    if wh["gable"]:
        mid = (x0 + x1) / 2
        d.line([(x0 - 0.3 * s, top + 0.2 * s), (mid, wh["peak"] - 0.3 * s), (x1 + 0.3 * s, top + 0.2 * s)],
               fill=stone, width=int(0.45 * s))
        d.line([(x0, top + 0.55 * s), (mid, wh["peak"] + 0.1 * s), (x1, top + 0.55 * s)],
               fill=(30, 15, 8, 70), width=int(0.2 * s))
    else:
        d.rectangle([x0 - 0.3 * s, top - 1.5 * s, x1 + 0.3 * s, top - 0.9 * s], fill=stone)
        d.rectangle([x0 - 0.3 * s, top - 0.9 * s, x1 + 0.3 * s, top - 0.7 * s], fill=(30, 15, 8, 90))
    # Pilasters at the corners.
    for px in (x0, x1 - 0.7 * s):
        d.rectangle([px, top, px + 0.7 * s, yb], fill=(255, 235, 210, 18))
    # String courses between floors.
    floor_h = 3.4
    ground_h = 4.6
    floors = int((wh["height"] - ground_h) // floor_h)
    for fl in range(floors + 1):
        y = yb - (ground_h + fl * floor_h) * s
        d.rectangle([x0, y - 0.12 * s, x1, y + 0.12 * s], fill=stone)
        d.rectangle([x0, y + 0.12 * s, x1, y + 0.2 * s], fill=(30, 15, 8, 60))
    # Upper windows; the middle bay carries the loading doors (gabled stores).
    bays = max(3, int(width // 2.9)) | 1
    bay_w = (x1 - x0) / bays
    centre = bays // 2
    for fl in range(floors):
        ybase = yb - (ground_h + fl * floor_h) * s
        for b in range(bays):
            bx = x0 + b * bay_w
            if wh["gable"] and b == centre:
                dw, dh = 1.5 * s, 2.6 * s
                dx = bx + (bay_w - dw) / 2
                dy = ybase - 0.3 * s - dh
                d.rectangle([dx - 0.15 * s, dy - 0.3 * s, dx + dw + 0.15 * s, dy], fill=stone)
                if era == "today":
                    # restored: glazed with a painted frame
                    sash_window(d, dx, dy, dw, dh, s, rng.choice(["#6e8796", "#58707f"]),
                                frame=wh["door"], panes=(2, 4), arch=False, stone=stone)
                else:
                    d.rectangle([dx, dy, dx + dw, dy + dh], fill=rgb("#3a2a1e"))
                    for k in range(1, 4):
                        d.line([(dx, dy + dh * k / 4), (dx + dw, dy + dh * k / 4)],
                               fill=(0, 0, 0, 90), width=max(1, int(0.05 * s)))
                continue
            ww, whh = 1.15 * s, 1.95 * s
            wx = bx + (bay_w - ww) / 2
            wy = ybase - 0.75 * s - whh
            glass = rng.choice(["#5b7482", "#4a6070", "#7d95a2", "#3e5261"]) if era == "today" \
                else rng.choice(["#2a2420", "#3a322a", "#4a4036"])
            sash_window(d, wx, wy, ww, whh, s, glass, stone=stone,
                        frame="#efe8da" if era == "today" else "#b9ad98")
    # Hoist beam under the gable.
    if wh["gable"]:
        mid = (x0 + x1) / 2
        hy = top - 0.2 * s
        d.rectangle([mid - 0.25 * s, hy - 0.5 * s, mid + 1.8 * s, hy], fill=rgb("#2b2520"))
        d.line([(mid + 1.6 * s, hy), (mid + 1.6 * s, hy + (1.8 if era == "today" else 9) * s)],
               fill=rgb("#2b2520"), width=max(2, int(0.06 * s)))
        if wh["year"]:
            lines = wh["year"].split("|")
            f = label_font(int(0.9 * s), "Bold")
            tw = max(d.textlength(t, font=f) for t in lines) + 1.0 * s
            ty = top - 1.4 * s - 0.55 * s * (len(lines) - 1)
            ph = 0.6 * s + 0.55 * s * (len(lines) - 1)
            d.rounded_rectangle([mid - tw / 2, ty - ph, mid + tw / 2, ty + ph],
                                radius=int(0.25 * s), fill=stone)
            for k, t in enumerate(lines):
                d.text((mid, ty - 0.55 * s * (len(lines) - 1) + 1.1 * s * k), t, font=f, anchor="mm",
                       fill=rgb("#6a5440"))
    # Ground floor.
    gy = yb - ground_h * s
    if wh["ground"] == "arches":
        n = max(2, int(width // 4.2))
        aw = (x1 - x0) / n
        for i in range(n):
            ax = x0 + i * aw + 0.45 * s
            bw_ = aw - 0.9 * s
            d.pieslice([ax - 0.25 * s, gy + 0.4 * s, ax + bw_ + 0.25 * s, gy + 0.4 * s + bw_ + 0.5 * s],
                       180, 360, fill=stone)
            d.pieslice([ax, gy + 0.65 * s, ax + bw_, gy + 0.65 * s + bw_], 180, 360,
                       fill=rgb("#2f3f48"))
            d.rectangle([ax, gy + 0.65 * s + bw_ / 2, ax + bw_, yb], fill=rgb("#2f3f48"))
            # warm interior + mullions
            d.rectangle([ax + 0.1 * s, yb - 1.6 * s, ax + bw_ - 0.1 * s, yb], fill=(255, 214, 150, 40))
            for k in (1, 2):
                xx = ax + bw_ * k / 3
                d.line([(xx, gy + 0.7 * s + bw_ * 0.05), (xx, yb)], fill=rgb("#1d2a30"), width=int(0.1 * s))
            d.line([(ax, yb - 2.2 * s), (ax + bw_, yb - 2.2 * s)], fill=rgb("#1d2a30"), width=int(0.1 * s))
    elif wh["ground"] == "glass":
        d.rectangle([x0 + 0.7 * s, gy + 0.9 * s, x1 - 0.7 * s, yb], fill=rgb("#34464f"))
        d.rectangle([x0 + 0.7 * s, yb - 2.0 * s, x1 - 0.7 * s, yb], fill=(255, 210, 150, 45))
        n = int(width // 2.2)
        for i in range(n + 1):
            xx = x0 + 0.7 * s + i * ((x1 - x0) - 1.4 * s) / n
            d.line([(xx, gy + 0.9 * s), (xx, yb)], fill=rgb("#20282c"), width=int(0.14 * s))
        d.line([(x0 + 0.7 * s, gy + 1.6 * s), (x1 - 0.7 * s, gy + 1.6 * s)], fill=rgb("#20282c"), width=int(0.12 * s))
    elif wh["ground"] == "doors":
        n = max(2, int(width // 4.0))
        aw = (x1 - x0) / n
        for i in range(n):
            ax = x0 + i * aw + 0.6 * s
            bw_ = aw - 1.2 * s
            d.rectangle([ax - 0.2 * s, gy + 0.5 * s, ax + bw_ + 0.2 * s, gy + 0.9 * s], fill=stone)
            dc = rgb(wh["door"]) if era == "today" else rgb("#4a3a2a")
            d.rectangle([ax, gy + 0.9 * s, ax + bw_, yb], fill=dc)
            d.line([(ax + bw_ / 2, gy + 0.9 * s), (ax + bw_ / 2, yb)], fill=(0, 0, 0, 110), width=int(0.08 * s))
            for k in range(1, 6):
                yy = gy + 0.9 * s + (yb - gy - 0.9 * s) * k / 6
                d.line([(ax, yy), (ax + bw_, yy)], fill=(0, 0, 0, 40), width=max(1, int(0.03 * s)))
            if era == "today":
                d.rectangle([ax + 0.2 * s, gy + 1.2 * s, ax + bw_ - 0.2 * s, gy + 2.0 * s], fill=rgb("#8fa8b4"))
    if wh["sign"]:
        f = label_font(int(0.95 * s), "Bold")
        ty = gy + 0.1 * s
        tw = d.textlength(wh["sign"], font=f) + 1.4 * s
        mid = (x0 + x1) / 2
        d.rectangle([mid - tw / 2, ty - 0.05 * s, mid + tw / 2, ty + 1.15 * s], fill=rgb("#12344d"))
        d.text((mid, ty + 0.55 * s), wh["sign"], font=f, anchor="mm", fill=rgb("#f3ead9"))


def person(d, x, yfoot, s, rng, palette, era="today"):
    """A small standing or walking figure; *s* pixels per metre."""
    H = rng.uniform(1.62, 1.86) * s
    coat = rgb(rng.choice(palette))
    coat_dark = mix(coat, "#000000", 0.25)
    legs = rgb(rng.choice(["#2a2d35", "#3b3f4a", "#4d4034", "#23262b", "#5a6270"]))
    skin = rgb(rng.choice(["#e0b89a", "#c8936e", "#8d5a3c", "#f0c8a8", "#6e4630"]))
    hair = rgb(rng.choice(["#2a2018", "#5a3a22", "#111111", "#8a6a4a", "#c9b08a", "#777777"]))
    stride = rng.uniform(-0.09, 0.09) * H
    sw = rng.choice([-1, 1])

    def Y(f):
        return yfoot - f * H

    # legs (tapered) and shoes
    for side in (-1, 1):
        hx = x + side * 0.045 * H
        fx = x + side * 0.04 * H + side * sw * stride * 0.5
        d.polygon([(hx - 0.042 * H, Y(0.5)), (hx + 0.042 * H, Y(0.5)), (fx + 0.026 * H, Y(0.03)),
                   (fx - 0.026 * H, Y(0.03))], fill=legs)
        d.ellipse([fx - 0.04 * H, Y(0.045), fx + 0.05 * H, yfoot], fill=rgb("#1c1c1c"))
    # arms behind the torso
    for side in (-1, 1):
        sx_ = x + side * 0.11 * H
        hx = sx_ + side * 0.02 * H - side * sw * stride * 0.35
        d.polygon([(sx_ - 0.03 * H, Y(0.8)), (sx_ + 0.03 * H, Y(0.8)), (hx + 0.024 * H, Y(0.47)),
                   (hx - 0.024 * H, Y(0.47))], fill=coat_dark)
        d.ellipse([hx - 0.024 * H, Y(0.49), hx + 0.024 * H, Y(0.44)], fill=skin)
    # torso: shoulders to hem
    hem = 0.44 if era == "today" else 0.3
    d.polygon([(x - 0.12 * H, Y(0.8)), (x + 0.12 * H, Y(0.8)), (x + 0.1 * H, Y(hem)),
               (x - 0.1 * H, Y(hem))], fill=coat)
    d.ellipse([x - 0.125 * H, Y(0.83), x + 0.125 * H, Y(0.76)], fill=coat)
    # neck and head
    d.rectangle([x - 0.02 * H, Y(0.86), x + 0.02 * H, Y(0.81)], fill=skin)
    hr = 0.062 * H
    hy = Y(0.925)
    d.ellipse([x - hr * 0.85, hy - hr, x + hr * 0.85, hy + hr], fill=skin)
    if era == "today":
        d.chord([x - hr * 0.9, hy - hr * 1.08, x + hr * 0.9, hy + hr * 0.5], 180, 360, fill=hair)
    else:
        d.rectangle([x - hr * 1.25, hy - hr * 0.9, x + hr * 1.25, hy - hr * 0.6], fill=legs)
        d.rectangle([x - hr * 0.8, hy - hr * 1.7, x + hr * 0.8, hy - hr * 0.7], fill=legs)


def boat_layer(size, x, yw, s, hull="#e4572e", cabin="#f3ead9", length=7.0, mast=False, deck="#b9905e"):
    """A small moored boat on a transparent layer; returns (layer, waterline y)."""
    lay = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    L = length * s
    d.polygon([(x, yw - 1.1 * s), (x + L, yw - 1.3 * s), (x + L - 0.5 * s, yw + 0.1 * s),
               (x + 0.6 * s, yw + 0.1 * s)], fill=rgb(hull))
    d.line([(x, yw - 1.1 * s), (x + L, yw - 1.3 * s)], fill=rgb(deck), width=max(2, int(0.15 * s)))
    d.line([(x + 0.3 * s, yw - 0.45 * s), (x + L - 0.25 * s, yw - 0.55 * s)], fill=(255, 255, 255, 200),
           width=max(1, int(0.07 * s)))
    if cabin:
        d.rectangle([x + 0.35 * L, yw - 2.3 * s, x + 0.68 * L, yw - 1.15 * s], fill=rgb(cabin))
        for i in range(3):
            wx = x + 0.38 * L + i * 0.1 * L
            d.rectangle([wx, yw - 2.0 * s, wx + 0.07 * L, yw - 1.6 * s], fill=rgb("#3d5360"))
    if mast:
        d.line([(x + 0.3 * L, yw - 1.2 * s), (x + 0.3 * L, yw - 7.5 * s)], fill=rgb("#d8d0c0"), width=max(2, int(0.09 * s)))
        d.line([(x + 0.3 * L, yw - 7.5 * s), (x + L, yw - 1.3 * s)], fill=(80, 80, 80, 180), width=1)
        d.line([(x + 0.3 * L, yw - 7.5 * s), (x, yw - 1.1 * s)], fill=(80, 80, 80, 180), width=1)
    return lay


def place_with_reflection(img, lay, yw, rng, dark=0.6, alpha=0.55, amp=2.0):
    """Composite a layer whose waterline is *yw* and add its rippled reflection."""
    base = img.convert("RGBA")
    bbox = lay.getbbox()
    if bbox:
        x0, y0, x1, y1 = bbox
        part = lay.crop((x0, y0, x1, int(yw))).transpose(Image.FLIP_TOP_BOTTOM)
        r, g, b, a = part.split()
        rgbp = Image.merge("RGB", (r, g, b)).point(lambda v: int(v * dark))
        a = a.point(lambda v: int(v * alpha))
        part = Image.merge("RGBA", (*rgbp.split(), a))
        rip = Image.new("RGBA", part.size, (0, 0, 0, 0))
        y = 0
        while y < part.height:
            bh = max(1, int(rng.uniform(2, 6) * SS))
            rip.paste(part.crop((0, y, part.width, y + bh)), (int(rng.gauss(0, amp * SS)), y))
            y += bh
        refl = Image.new("RGBA", img.size, (0, 0, 0, 0))
        refl.paste(rip, (x0, int(yw)))
        base = Image.alpha_composite(base, refl)
    base = Image.alpha_composite(base, lay)
    return base.convert("RGB")


# ---------------------------------------------------------------------------
# bonded-stores.jpg: restored brick warehouses across the Old Dock
# ---------------------------------------------------------------------------

def paint_bonded_stores() -> Image.Image:
    W, H = 1800, 1200
    w, h = W * SS, H * SS
    rng = random.Random(1872)
    hz = int(h * 0.74)
    s = 26 * SS
    yq = hz - int(1.7 * s)
    img = Image.new("RGB", (w, h))
    img.paste(gradient(w, hz, [(0, "#6f9cc0"), (0.45, "#a9c5d8"), (1, "#e6ece9")]), (0, 0))
    # Fair-weather clouds.
    for cx, cy, sc in [(0.18, 0.1, 1.0), (0.62, 0.06, 0.8), (0.88, 0.16, 0.6), (0.4, 0.2, 0.5)]:
        blobs = [(cx * w + rng.gauss(0, 0.06 * w * sc), cy * h + rng.gauss(0, 0.02 * h * sc),
                  rng.uniform(0.03, 0.07) * w * sc) for _ in range(14)]
        soft(img, lambda dr: [dr.ellipse([x - r, y - r * 0.6, x + r, y + r * 0.6], fill=255)
                              for x, y, r in blobs], "#f7f8f6", 10 * SS, 0.9)
        soft(img, lambda dr: [dr.ellipse([x - r, y, x + r, y + r * 0.5], fill=255)
                              for x, y, r in blobs], "#c9d3da", 14 * SS, 0.35)
    # The warehouses.
    specs = [dict(width=15, height=18.2, gable=True, brick="#a85b3d", ground="arches", year="TEA STORE|1879"),
             dict(width=17, height=18.6, gable=True, brick="#9a4a33", ground="arches", sign="HARBOUR LIBRARY",
                  year="TOBACCO STORE|1877"),
             dict(width=19, height=18.2, gable=False, brick="#874130", ground="glass", sign="MARKET HALL"),
             dict(width=17, height=18.6, gable=True, brick="#8e4631", ground="doors", door="#1f6f82",
                  year="WINE STORE|1873")]
    gaps = [5.0, 4.0, 0.0, 0.0]     # glazed bridge, covered lane
    x = -4.0 * s
    whs = []
    d = ImageDraw.Draw(img, "RGBA")
    for sp, gap in zip(specs, gaps):
        whs.append(warehouse(img, x, yb=yq, s=s, rng=rng, **sp))
        x = whs[-1]["x1"]
        if gap:
            # the recess between two stores: a shaded back wall
            d.rectangle([x, yq - 15.5 * s, x + gap * s, yq], fill=rgb("#5e3426"))
            if gap == 5.0:   # glazed bridge at second-floor level
                by0, by1 = yq - 11.4 * s, yq - 8.0 * s
                d.rectangle([x, by0, x + gap * s, by1], fill=rgb("#9fb8c4"))
                d.rectangle([x, by0, x + gap * s, by0 + 0.35 * s], fill=rgb("#d9dcd8"))
                d.rectangle([x, by1 - 0.35 * s, x + gap * s, by1], fill=rgb("#d9dcd8"))
                for k in range(1, 5):
                    xx = x + gap * s * k / 5
                    d.line([(xx, by0), (xx, by1)], fill=rgb("#5d6a70"), width=max(2, int(0.08 * s)))
                d.rectangle([x, by0 + 0.35 * s, x + gap * s, by0 + 1.4 * s], fill=(255, 255, 255, 50))
            else:            # covered lane, lit at its far end
                d.rectangle([x + 0.4 * s, yq - 5.0 * s, x + (gap - 0.4) * s, yq], fill=rgb("#2e2a28"))
                d.rectangle([x + 1.2 * s, yq - 3.4 * s, x + (gap - 1.2) * s, yq], fill=rgb("#c9b99a"))
                d.rectangle([x, yq - 5.4 * s, x + gap * s, yq - 5.0 * s], fill=rgb("#cfd8da"))
            x += gap * s
    img = bricks_on(img, whs, s, rng)
    # Late afternoon light from the left: each facade a little warmer toward its left.
    for wh in whs:
        x0, y0, x1, y1 = [int(v) for v in wh["box"]]
        m = gradient(x1 - x0, 1, [(0, "#404040"), (1, "#000000")], horizontal=True).convert("L").resize((x1 - x0, y1 - y0))
        img.paste(rgb("#ffd9a0"), (x0, y0), m.point(lambda v: v // 3))
    for wh in whs:
        warehouse_details(img, wh, rng)
    d = ImageDraw.Draw(img, "RGBA")
    # Quay: paving edge, granite coping, quay wall, bollards, lamps, people.
    d.rectangle([0, yq, w, hz], fill=rgb("#8e8a82"))
    d.rectangle([0, yq, w, yq + 0.35 * s], fill=rgb("#c9c2b4"))
    for bx in range(int(rng.uniform(0, 2 * s)), w, int(1.6 * s)):
        d.line([(bx, yq + 0.35 * s), (bx, hz)], fill=rgb("#7d796f"), width=max(1, int(0.05 * s)))
    d.line([(0, yq + 1.0 * s), (w, yq + 1.0 * s)], fill=rgb("#7d796f"), width=max(1, int(0.05 * s)))
    for lx in (0.14, 0.47, 0.8):
        px = lx * w
        d.rectangle([px - 0.08 * s, yq - 5.5 * s, px + 0.08 * s, yq], fill=rgb("#2c3035"))
        d.rectangle([px - 0.35 * s, yq - 5.9 * s, px + 0.35 * s, yq - 5.4 * s], fill=rgb("#2c3035"))
    for bx in (0.05, 0.3, 0.6, 0.93):
        px = bx * w
        d.rounded_rectangle([px - 0.25 * s, yq - 0.75 * s, px + 0.25 * s, yq + 0.1 * s], radius=int(0.2 * s), fill=rgb("#1e2226"))
    palette = ["#e4572e", "#1f6f82", "#12344d", "#d9c8a8", "#6b7f3a", "#b23a48", "#f3ead9", "#4b5d6b"]
    for px in sorted(rng.uniform(0.03, 0.97) * w for _ in range(9)):
        person(d, px, yq + 0.15 * s, s, rng, palette)
    # Water of the Old Dock.
    reflect(img, hz, rng, amp=5, band=(2, 12), tint="#2f5560", tint_amt=0.42, dark=0.78, blur=3)
    ripples(img, hz, rng, 900, ["#e8eef0", "#c9d6dc"], (0.12, 0.4), (20, 120))
    ripples(img, hz, rng, 700, ["#1f3640", "#2c4751"], (0.15, 0.4), (30, 160))
    # Two moored boats.
    for bx, yw, hull, cabin, ln, mast in [(0.06, hz + 0.1 * (h - hz), "#e4572e", "#f3ead9", 8.0, False),
                                         (0.62, hz + 0.22 * (h - hz), "#12344d", None, 6.5, True)]:
        lay = boat_layer(img.size, bx * w, yw, s * 1.15, hull, cabin, ln, mast)
        img = place_with_reflection(img, lay, yw, rng)
    return finish(img, (W, H))


# ---------------------------------------------------------------------------
# quay-1890.jpg: sepia archive photograph of the Old Dock, c. 1890
# ---------------------------------------------------------------------------

def sailing_ship(d, x, yw, s, length, rng, masts=(0.2, 0.47, 0.74), heights=(30, 34, 31),
                 hull="#1e1b18", band="#d8d2c4", barque=True, furled="#cfc8b8", line=(40, 36, 32)):
    """A square-rigged sailing ship, bow to the right, in elevation; yw = waterline."""
    L = length * s
    sheer = lambda t: yw - (3.6 + 1.3 * (t - 0.45) ** 2 * 4) * s  # noqa: E731 - deck curve
    deck = [(x + L * t, sheer(t)) for t in [i / 20 for i in range(21)]]
    hullp = deck + [(x + L + 0.6 * s, yw - 2.0 * s), (x + L - 1.6 * s, yw + 0.3 * s),
                    (x + 1.2 * s, yw + 0.3 * s), (x - 0.4 * s, sheer(0) + 1.0 * s)]
    d.polygon(hullp, fill=rgb(hull))
    # painted band with ports
    bt = [(px, py + 0.9 * s) for px, py in deck[1:-1]]
    d.line(bt, fill=rgb(band), width=max(2, int(0.55 * s)))
    for i in range(3, 18):
        px, py = deck[i]
        d.rectangle([px - 0.3 * s, py + 0.65 * s, px + 0.3 * s, py + 1.15 * s], fill=rgb(hull))
    lw = max(1, int(0.08 * s))
    col = line
    # bowsprit and jib-boom
    bx, by = x + L - 0.2 * s, sheer(1) - 0.2 * s
    tip = (bx + 0.24 * L, by - 0.09 * L)
    d.line([(bx, by), tip], fill=rgb(hull), width=max(2, int(0.45 * s)))
    mast_tops = []
    for i, (mt, mh) in enumerate(zip(masts, heights)):
        mx = x + L * mt
        base = sheer(mt)
        top = base - mh * s
        mast_tops.append((mx, top))
        d.line([(mx, base), (mx, top)], fill=rgb(hull), width=max(2, int(0.5 * s)))
        d.line([(mx, top + 0.35 * mh * s), (mx, top)], fill=rgb(hull), width=max(2, int(0.3 * s)))
        # shrouds
        for k in (-1, 1):
            for j in range(4):
                d.line([(mx, base - 0.62 * mh * s), (mx + k * (1.0 + j * 0.5) * s, base - 0.2 * s)],
                       fill=col, width=lw)
        # stays to the next mast forward / jib-boom
        fwd = (x + L * masts[i + 1], sheer(masts[i + 1]) - 1.0 * s) if i + 1 < len(masts) else tip
        d.line([(mx, top + 0.5 * s), fwd], fill=col, width=lw)
        d.line([(mx, top + 0.25 * mh * s), fwd], fill=col, width=lw)
        if i == len(masts) - 1:
            for f in (0.15, 0.3, 0.45):
                d.line([(mx, top + f * mh * s), (bx + (tip[0] - bx) * f * 2, by + (tip[1] - by) * f * 2)],
                       fill=col, width=lw)
        if i == 0:
            d.line([(mx, top + 0.3 * s), (x + 0.3 * s, sheer(0) - 0.5 * s)], fill=col, width=lw)
        square = not (barque and i == 0)
        if square:
            for j, f in enumerate((0.30, 0.47, 0.62, 0.76, 0.88)):
                yy = base - f * mh * s
                half = (8.6 - j * 1.4) * s
                d.line([(mx - half, yy), (mx + half, yy)], fill=rgb(hull), width=max(2, int(0.22 * s)))
                d.line([(mx - half * 0.93, yy - 0.3 * s), (mx + half * 0.93, yy - 0.3 * s)],
                       fill=rgb(furled), width=max(2, int(0.4 * s)))
                # lifts from the yard-arms to the mast above
                d.line([(mx - half, yy), (mx, yy - 0.12 * mh * s)], fill=col, width=lw)
                d.line([(mx + half, yy), (mx, yy - 0.12 * mh * s)], fill=col, width=lw)
        else:
            # spanker: gaff and boom with the sail brailed up
            d.line([(mx, base - 0.55 * mh * s), (mx - 7 * s, base - 0.45 * mh * s)], fill=rgb(hull),
                   width=max(2, int(0.22 * s)))
            d.line([(mx, base - 2.4 * s), (mx - 9 * s, base - 2.0 * s)], fill=rgb(hull), width=max(2, int(0.25 * s)))
            d.polygon([(mx, base - 0.54 * mh * s), (mx - 1.2 * s, base - 0.5 * mh * s), (mx - 0.9 * s, base - 2.6 * s),
                       (mx, base - 2.6 * s)], fill=rgb(furled))
        # pennant
        d.polygon([(mx, top), (mx + rng.uniform(2, 3.5) * s, top + 0.4 * s), (mx, top + 0.8 * s)],
                  fill=rgb(hull))


def steam_tug(d, x, yw, s, hull="#1c1a17", house="#8a8275", funnel="#2a2622"):
    L = 22 * s
    d.polygon([(x, yw - 2.2 * s), (x + L, yw - 3.0 * s), (x + L - 1.0 * s, yw + 0.3 * s), (x + 1.0 * s, yw + 0.3 * s)],
              fill=rgb(hull))
    d.rectangle([x + 0.35 * L, yw - 5.2 * s, x + 0.62 * L, yw - 2.4 * s], fill=rgb(house))
    for i in range(4):
        wx = x + 0.37 * L + i * 0.06 * L
        d.rectangle([wx, yw - 4.6 * s, wx + 0.035 * L, yw - 3.8 * s], fill=rgb("#2a2622"))
    d.rectangle([x + 0.45 * L, yw - 11 * s, x + 0.53 * L, yw - 5.2 * s], fill=rgb(funnel))
    d.rectangle([x + 0.45 * L, yw - 9.6 * s, x + 0.53 * L, yw - 8.9 * s], fill=rgb("#cfc8b8"))
    d.line([(x + 0.75 * L, yw - 3 * s), (x + 0.75 * L, yw - 12 * s)], fill=rgb(hull), width=max(2, int(0.25 * s)))
    return (x + 0.49 * L, yw - 11 * s)


def paint_quay_1890() -> Image.Image:
    W, H = 1800, 1200
    w, h = W * SS, H * SS
    rng = random.Random(1890)
    hz = int(h * 0.73)
    img = Image.new("RGB", (w, h))
    img.paste(gradient(w, hz, [(0, "#dedad2"), (0.6, "#efebe3"), (1, "#f4f1ea")]), (0, 0))
    # faint cloud texture typical of the emulsion
    for _ in range(6):
        cx, cy = rng.uniform(0, w), rng.uniform(0, hz * 0.4)
        blobs = [(cx + rng.gauss(0, 0.08 * w), cy + rng.gauss(0, 0.02 * h), rng.uniform(0.03, 0.08) * w)
                 for _ in range(10)]
        soft(img, lambda dr: [dr.ellipse([x - r, y - r * 0.4, x + r, y + r * 0.4], fill=255) for x, y, r in blobs],
             "#f6f3ec", 18 * SS, 0.7)
    # Far side of the dock: town roofs and a church spire, hazy.
    d = ImageDraw.Draw(img, "RGBA")
    s_far = 9 * SS
    yq = hz - int(1.8 * 20 * SS / 2)
    x = 0
    while x < w:
        bw_ = rng.uniform(8, 16) * s_far
        bh = rng.uniform(12, 22) * s_far
        d.polygon([(x, yq), (x, yq - bh), (x + bw_ / 2, yq - bh - 4 * s_far), (x + bw_, yq - bh), (x + bw_, yq)],
                  fill=rgb("#b5ada0"))
        for c in range(int(bw_ // (3 * s_far))):
            d.rectangle([x + (c + 0.4) * 3 * s_far, yq - bh - 2 * s_far - 4 * s_far * 0.2,
                         x + (c + 0.4) * 3 * s_far + 0.6 * s_far, yq - bh - 0.5 * s_far], fill=rgb("#a39b8e"))
        x += bw_
    sx = 0.86 * w
    d.polygon([(sx - 2.5 * s_far, yq - 26 * s_far), (sx, yq - 58 * s_far), (sx + 2.5 * s_far, yq - 26 * s_far)],
              fill=rgb("#a9a194"))
    d.rectangle([sx - 3 * s_far, yq - 27 * s_far, sx + 3 * s_far, yq - 12 * s_far], fill=rgb("#a9a194"))
    # The Bonded Stores as built, darker and sootier than today.
    s = 11 * SS
    specs = [dict(width=16, height=18.6, gable=True), dict(width=18, height=18.2, gable=False),
             dict(width=15, height=18.2, gable=True), dict(width=17, height=18.6, gable=True),
             dict(width=16, height=18.2, gable=True), dict(width=19, height=18.2, gable=False),
             dict(width=15, height=18.6, gable=True)]
    x = -3 * s
    whs = []
    for sp in specs:
        wh = warehouse(img, x, yb=yq, s=s, rng=rng, brick=rng.choice(["#5a4a3e", "#645244", "#54463b"]),
                       ground="doors", era="1890", stone="#9c9284", **sp)
        whs.append(wh)
        x = wh["x1"]
    img = bricks_on(img, whs, s, rng, contrast=10)
    for wh in whs:
        warehouse_details(img, wh, rng)
    d = ImageDraw.Draw(img, "RGBA")
    # Quay with barrels, carts and dock workers.
    d.rectangle([0, yq, w, hz], fill=rgb("#6e675e"))
    d.rectangle([0, yq, w, yq + 0.4 * s], fill=rgb("#a39b8e"))
    for _ in range(16):
        bx = rng.uniform(0, w)
        for k in range(rng.randint(1, 4)):
            d.ellipse([bx + k * 0.9 * s, yq - 1.2 * s, bx + k * 0.9 * s + 0.85 * s, yq], fill=rgb("#4a4038"))
    for px in sorted(rng.uniform(0, w) for _ in range(26)):
        person(d, px, yq + 0.1 * s, s, rng, ["#3a342e", "#4a423a", "#2a2622", "#6a6056"], era="1890")
    # Cart with horse (simple silhouette).
    cx = 0.33 * w
    d.ellipse([cx, yq - 1.6 * s, cx + 1.6 * s, yq], outline=rgb("#2a2622"), width=max(2, int(0.2 * s)))
    d.rectangle([cx - 1.0 * s, yq - 2.4 * s, cx + 3.0 * s, yq - 1.0 * s], fill=rgb("#3a322a"))
    d.ellipse([cx + 3.2 * s, yq - 2.6 * s, cx + 5.6 * s, yq - 1.3 * s], fill=rgb("#2a2420"))
    for lx in (3.5, 3.9, 5.0, 5.4):
        d.line([(cx + lx * s, yq - 1.6 * s), (cx + lx * s, yq)], fill=rgb("#2a2420"), width=max(2, int(0.18 * s)))
    d.polygon([(cx + 5.3 * s, yq - 2.4 * s), (cx + 6.4 * s, yq - 3.4 * s), (cx + 6.7 * s, yq - 2.9 * s),
               (cx + 5.7 * s, yq - 1.9 * s)], fill=rgb("#2a2420"))
    # Sailing ships at the quay.
    sails = [(0.02, 48, (0.2, 0.47, 0.74), (30, 34, 31), True, 1.05),
             (0.53, 40, (0.25, 0.6), (27, 29), False, 1.0)]
    for sx_, ln, masts, hts, barque, sc in sails:
        sailing_ship(d, sx_ * w, hz, s * 1.5 * sc, ln, rng, masts, hts, barque=barque)
    # Water and reflections.
    reflect(img, hz, rng, amp=4, band=(2, 14), tint="#5a5650", tint_amt=0.3, dark=0.85, blur=3)
    ripples(img, hz, rng, 1200, ["#e9e4da", "#cfc9bd"], (0.1, 0.35), (20, 140))
    ripples(img, hz, rng, 900, ["#2e2a26", "#45403a"], (0.15, 0.4), (30, 160))
    # A steam tug coming in, nearer to the camera.
    lay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    tyw = hz + 0.075 * h
    smoke_from = steam_tug(ImageDraw.Draw(lay), 0.72 * w, tyw, s * 2.1)
    img = place_with_reflection(img, lay, tyw, rng, dark=0.75, alpha=0.6)
    # Its smoke drifting left.
    px, py = smoke_from
    for i in range(40):
        t = i / 40
        px -= rng.uniform(0.5, 1.2) * s * 2.0
        py -= rng.uniform(0.0, 0.8) * s * 1.3 * (1 - t)
        puffs = [(px + rng.gauss(0, (1 + 6 * t) * s), py + rng.gauss(0, (1 + 4 * t) * s),
                  (1.0 + t * 6) * s * rng.uniform(0.6, 1.2)) for _ in range(3)]
        soft(img, lambda dr: [dr.ellipse([x - r, y - r, x + r, y + r], fill=255) for x, y, r in puffs],
             mix("#4a4540", "#c9c3b8", t), (3 + 10 * t) * SS, 0.5 * (1 - t) + 0.08)
    # A rowing boat with two men in the foreground.
    lay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    ld = ImageDraw.Draw(lay)
    bx, yw, bs = 0.22 * w, h * 0.945, 34 * SS
    prng = random.Random(5)
    person(ld, bx + 1.6 * bs, yw + 0.2 * bs, bs, prng, ["#1a1612"], era="1890")
    person(ld, bx + 3.7 * bs, yw + 0.2 * bs, bs, prng, ["#2a2420"], era="1890")
    ld.line([(bx + 1.5 * bs, yw - 0.9 * bs), (bx - 1.2 * bs, yw + 0.2 * bs)], fill=rgb("#2a2420"), width=max(2, int(0.09 * bs)))
    ld.polygon([(bx - 0.2 * bs, yw - 0.65 * bs), (bx + 5.7 * bs, yw - 0.8 * bs), (bx + 5.1 * bs, yw + 0.1 * bs),
                (bx + 0.5 * bs, yw + 0.1 * bs)], fill=rgb("#2e2822"))
    ld.line([(bx - 0.2 * bs, yw - 0.62 * bs), (bx + 5.7 * bs, yw - 0.77 * bs)], fill=rgb("#b8ae9c"), width=max(2, int(0.1 * bs)))
    img = place_with_reflection(img, lay, yw, rng, dark=0.7, alpha=0.5)
    # Photographic treatment: soft lens, sepia toning, vignette, grain, dust and scratches.
    img = img.filter(ImageFilter.GaussianBlur(1.2 * SS))
    img = finish(img, (W, H))
    g = ImageOps.grayscale(img)
    g = ImageOps.autocontrast(g, cutoff=0.5)
    img = ImageOps.colorize(g, black="#24170d", mid="#8c6a45", white="#f0e2c4")
    img = vignette(img, 0.45, 2.4)
    # uneven exposure: lighter towards the top left
    glow(img, W * 0.3, H * 0.2, W * 0.7, H * 0.5, "#f7ecd4", 0.18, 1.5)
    grng = random.Random(18901)
    img = add_grain(img, grng, 0.09, blur=0.9)
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(160):
        x, y = grng.uniform(0, W), grng.uniform(0, H)
        r = grng.uniform(0.4, 1.6)
        d.ellipse([x - r, y - r, x + r, y + r], fill=(250, 240, 220, grng.randint(60, 170))
                  if grng.random() < 0.6 else (30, 20, 10, grng.randint(60, 140)))
    for _ in range(5):
        x = grng.uniform(0, W)
        y0 = grng.uniform(0, H * 0.5)
        d.line([(x, y0), (x + grng.uniform(-6, 6), y0 + grng.uniform(200, 700))], fill=(245, 235, 215, 60), width=1)
    for _ in range(3):
        x, y = grng.uniform(0, W), grng.uniform(0, H)
        d.arc([x, y, x + grng.uniform(20, 60), y + grng.uniform(10, 40)], 0, grng.uniform(90, 240), fill=(245, 235, 215, 90))
    return img


# ---------------------------------------------------------------------------
# promenade.jpg: North Quay promenade today (one-point perspective)
# ---------------------------------------------------------------------------

class Cam:
    """Pinhole camera at x=0, height *eye*, looking along +z (x right, y up)."""

    def __init__(self, f, cx, cy, eye):
        self.f, self.cx, self.cy, self.eye = f, cx, cy, eye

    def p(self, x, y, z):
        z = max(z, 0.05)
        return (self.cx + self.f * x / z, self.cy + self.f * (self.eye - y) / z)

    def quad(self, d, corners, fill):
        d.polygon([self.p(*c) for c in corners], fill=fill)


# Landscape view, 1800 x 1200: the design view; fixed pixel sizes are scaled to its focal length.
PROMENADE_WIDE = dict(
    W=1800, H=1200, f=0.72, cx=0.40, cy=0.5,
    clouds=[(0.12, 0.12, 1.0), (0.42, 0.2, 0.7), (0.7, 0.07, 0.8), (0.28, 0.33, 0.45), (0.05, 0.36, 0.4)],
    sun=(0.05, 0.45, 0.5, 0.35), near=2.0, near_rows=0, cranes=((58.0, 55), (128.0, 68)), people=(),
)
# Portrait view for a full-bleed page (216 x 303 mm at 300 ppi): the same promenade seen through
# a camera turned upright, with the same angle of view across, so it shows more sky and the crane
# over the horizon and the near paving below, which is left plain for a caption panel.
PROMENADE_TALL = dict(
    W=2560, H=3590, f=0.60, cx=0.50, cy=0.5,
    clouds=[(0.16, 0.09, 1.0), (0.78, 0.17, 0.8), (0.40, 0.27, 0.7), (0.90, 0.36, 0.5), (0.08, 0.40, 0.45)],
    sun=(0.02, 0.46, 0.75, 0.22), near=1.0, near_rows=2, cranes=((40.0, 55), (128.0, 68)),
    people=((5.0, -1.45), (5.4, -0.85), (7.2, 4.3)),
)


def paint_promenade(view=None) -> Image.Image:
    """North Quay promenade on a spring evening, looking along the quay (PROMENADE_WIDE or _TALL).

    f, cx, cy: focal length and horizon point as fractions of the width and height; clouds:
    (x, y, scale) as fractions; sun: glow centre and radii as fractions of the width and height;
    near: the nearest distance drawn (m), near_rows:
    paving rows added in front of the first (2.4 m); cranes: (distance, jib angle); people: (distance,
    x) of walkers added near the camera (dressed by their own generator)."""
    v = view or PROMENADE_WIDE
    W, H = v["W"], v["H"]
    w, h = W * SS, H * SS
    rng = random.Random(2013)
    cam = Cam(v["f"] * w, v["cx"] * w, v["cy"] * h, 1.65)
    zoom = cam.f / (0.72 * 1800 * SS)   # scale relative to the design view (1.0 for it)
    u = SS * zoom                       # canvas pixels per design pixel
    cw, ch = 1800 * SS * zoom, 1200 * SS * zoom
    near = v["near"]
    hz = int(cam.cy)
    haze = rgb("#dbe4e8")

    def hazed(c, z, k=500.0, cap=0.75):
        return mix(c, haze, min(cap, z / k))

    img = Image.new("RGB", (w, h))
    img.paste(gradient(w, hz, [(0, "#4f86b4"), (0.55, "#9bbad0"), (0.9, "#e6e2d6"), (1, "#f2dcc0")]), (0, 0))
    for cx, cy, sc in v["clouds"]:
        blobs = [(cx * w + rng.gauss(0, 0.05 * cw * sc), cy * h + rng.gauss(0, 0.018 * ch * sc),
                  rng.uniform(0.025, 0.06) * cw * sc) for _ in range(16)]
        soft(img, lambda dr: [dr.ellipse([x - r, y - r * 0.55, x + r, y + r * 0.55], fill=255)
                              for x, y, r in blobs], "#fbfbf8", 7 * u, 0.95)
        soft(img, lambda dr: [dr.ellipse([x - r * 0.9, y + r * 0.05, x + r * 0.9, y + r * 0.5], fill=255)
                              for x, y, r in blobs], "#b9c6d0", 10 * u, 0.45)
    img.paste(gradient(w, h - hz, [(0, "#aebfc6"), (0.25, "#7f9caa"), (1, "#3f6475")]), (0, hz))
    d = ImageDraw.Draw(img, "RGBA")
    # Far shore: South Basin housing and the ferry terminal, low on the horizon.
    z = 700.0
    while z < 5000:
        ln = rng.uniform(30, 90)
        ht = rng.uniform(10, 28)
        col = hazed(rng.choice(["#c8b8a0", "#e8e2d6", "#8c9aa2", "#b4785a"]), z, 900, 0.7)
        cam.quad(d, [(-330, 0, z), (-330, ht, z), (-330, ht, z + ln), (-330, 0, z + ln)], col)
        z += ln + rng.uniform(0, 20)
    # A ferry on the river.
    fz, fx = 420.0, -140.0
    fs = cam.f / fz
    fxp, fyp = cam.p(fx, 0, fz)
    d.polygon([(fxp, fyp - 3 * fs), (fxp + 46 * fs, fyp - 3 * fs), (fxp + 43 * fs, fyp + 0.6 * fs), (fxp + 2 * fs, fyp + 0.6 * fs)],
              fill=rgb("#f4f2ec"))
    d.rectangle([fxp + 8 * fs, fyp - 7 * fs, fxp + 34 * fs, fyp - 3 * fs], fill=rgb("#f4f2ec"))
    d.line([(fxp + 8 * fs, fyp - 5 * fs), (fxp + 34 * fs, fyp - 5 * fs)], fill=rgb("#1f3e55"), width=max(1, int(1.0 * fs)))
    d.line([(fxp + 1 * fs, fyp - 1.2 * fs), (fxp + 45 * fs, fyp - 1.2 * fs)], fill=rgb("#12344d"), width=max(1, int(0.9 * fs)))
    d.rectangle([fxp + 20 * fs, fyp - 10 * fs, fxp + 23 * fs, fyp - 7 * fs], fill=rgb("#e4572e"))
    ripples(img, hz, rng, 1800, ["#e6eef1", "#c8d7de"], (0.12, 0.45), (10, 120), unit=u)
    ripples(img, hz, rng, 1300, ["#2b4d5d", "#36596a"], (0.15, 0.45), (20, 160), unit=u)
    d = ImageDraw.Draw(img, "RGBA")
    # The promenade deck.
    XQ, XB = -6.0, 13.0
    cam.quad(d, [(XQ, 0, near), (XB, 0, near), (XB, 0, 6000), (XQ, 0, 6000)], rgb("#cbc3b5"))
    cam.quad(d, [(XB - 3.2, 0, near), (XB, 0, near), (XB, 0, 6000), (XB - 3.2, 0, 6000)], rgb("#a99f92"))
    cam.quad(d, [(XQ, 0, near), (XQ + 0.7, 0, near), (XQ + 0.7, 0, 6000), (XQ, 0, 6000)], rgb("#e4dfd5"))
    cam.quad(d, [(XQ, 0, near), (XQ, -0.25, near), (XQ, -0.25, 6000), (XQ, 0, 6000)], rgb("#8d877d"))
    # paving slabs with slight tonal variation near the camera (rows in front of the
    # first one take their tones from their own generator, so the rest of the scene stays)
    z_first = 3.0 - 1.2 * v["near_rows"]
    rng_near = random.Random(2014)
    for zi in range(-v["near_rows"], 40):
        z0 = 3.0 + zi * 1.2
        for xi in range(13):
            x0 = XQ + 0.7 + xi * 1.2
            tone = (rng if zi >= 0 else rng_near).randint(-5, 5)
            d.polygon([cam.p(x0, 0, z0), cam.p(x0 + 1.2, 0, z0), cam.p(x0 + 1.2, 0, z0 + 1.2), cam.p(x0, 0, z0 + 1.2)],
                      fill=(255, 255, 255, 3 * tone) if tone > 0 else (60, 50, 40, -3 * tone))
    # timber deck along the quay edge
    cam.quad(d, [(XQ + 0.7, 0, near), (XQ + 3.4, 0, near), (XQ + 3.4, 0, 6000), (XQ + 0.7, 0, 6000)],
             rgb("#a08a6c"))
    for i in range(1, 18):
        xk = XQ + 0.7 + i * 0.15
        d.line([cam.p(xk, 0, near + 0.5), cam.p(xk, 0, 600)], fill=(70, 55, 40, 60 if i % 2 else 35),
               width=max(1, int(u / 2)))
    # paving joints
    for xj in [XQ + 0.7 + i * 1.2 for i in range(14)]:
        d.line([cam.p(xj, 0, min(3, z_first)), cam.p(xj, 0, 800)], fill=(120, 110, 98, 70), width=max(1, int(u)))
    zj = z_first
    while zj < 160:
        a = int(70 * (1 - zj / 160))
        d.line([cam.p(XQ + 0.7, 0, zj), cam.p(XB - 3.2, 0, zj)], fill=(120, 110, 98, a), width=max(1, int(u)))
        zj += 1.2
    # Crane rails (9 m gauge) and the old dock railway, set into the paving.
    for xr in (XQ + 0.6, XQ + 10.0, XB - 6.2, XB - 4.8):
        for z0, z1, wd in ((near + 0.5, 12, 4), (12, 40, 3), (40, 900, 2)):
            d.line([cam.p(xr, 0, z0), cam.p(xr, 0, z1)], fill=(62, 64, 68, 220), width=int(wd * u / 2) + 1)
            d.line([cam.p(xr + 0.09, 0, z0), cam.p(xr + 0.09, 0, z1)], fill=(240, 236, 228, 170),
                   width=max(1, int(wd * u / 4)))
    # Gradient haze over the far deck (its depth fixed in the design view's pixels).
    hh = min(h - hz, round(1200 * u / 2))
    haze_mask = gradient(1, hh, [(0, "#b0b0b0"), (0.12, "#303030"), (0.3, "#000000"), (1, "#000000")]).convert("L")
    img.paste(haze, (0, hz), haze_mask.resize((w, hh)).point(lambda a: int(a * 0.8)))
    d = ImageDraw.Draw(img, "RGBA")
    # Buildings along the promenade (drawn far to near).
    blocks = []
    z = 8.0
    styles = ["brick", "render", "dark", "brick", "sand", "render", "brick", "dark"]
    i = 0
    while z < 900:
        ln = rng.uniform(18, 34)
        blocks.append((z, z + ln, rng.uniform(15, 26), styles[i % len(styles)]))
        z += ln + (rng.uniform(4, 8) if rng.random() < 0.3 else 0)
        i += 1
    colours = {"brick": "#9a4c35", "render": "#e9e1d2", "dark": "#4a5560", "sand": "#cfb48c"}
    for z0, z1, ht, st in reversed(blocks):
        base = rgb(colours[st])
        lit = mix(base, "#fff1dc", 0.12)
        shade = mix(base, "#20262c", 0.45)
        # end wall facing the camera (in shade)
        cam.quad(d, [(XB, 0, z0), (XB + 25, 0, z0), (XB + 25, ht, z0), (XB, ht, z0)], hazed(shade, z0))
        cam.quad(d, [(XB, 0, z0), (XB, 0, z1), (XB, ht, z1), (XB, ht, z0)], hazed(lit, z0))
        cam.quad(d, [(XB, ht, z0), (XB, ht, z1), (XB - 0.4, ht + 0.6, z1), (XB - 0.4, ht + 0.6, z0)],
                 hazed(mix(lit, "#ffffff", 0.3), z0))
        if z0 > 400:
            continue
        # windows
        glass = ["#3e5664", "#56707e", "#6f8996", "#2f4350"]
        yy = 4.8
        while yy + 2.0 < ht - 0.6:
            zz = z0 + 1.2
            while zz + 1.4 < z1 - 0.6:
                gc = hazed(rng.choice(glass), zz)
                if st in ("render", "dark"):
                    cam.quad(d, [(XB - 0.01, yy, zz), (XB - 0.01, yy, zz + 1.8), (XB - 0.01, yy + 2.3, zz + 1.8),
                                 (XB - 0.01, yy + 2.3, zz)], gc)
                    if st == "render" and zz < 200:
                        # balcony slab and rail
                        cam.quad(d, [(XB, yy - 0.05, zz - 0.2), (XB - 1.2, yy - 0.05, zz - 0.2),
                                     (XB - 1.2, yy - 0.05, zz + 2.0), (XB, yy - 0.05, zz + 2.0)], hazed("#f5f2ea", zz))
                        cam.quad(d, [(XB - 1.2, yy, zz - 0.2), (XB - 1.2, yy, zz + 2.0), (XB - 1.2, yy + 1.0, zz + 2.0),
                                     (XB - 1.2, yy + 1.0, zz - 0.2)], (*hazed("#8fa3ad", zz), 130))
                    zz += 2.6
                else:
                    cam.quad(d, [(XB - 0.01, yy, zz), (XB - 0.01, yy, zz + 1.2), (XB - 0.01, yy + 2.0, zz + 1.2),
                                 (XB - 0.01, yy + 2.0, zz)], gc)
                    cam.quad(d, [(XB - 0.01, yy + 2.0, zz - 0.1), (XB - 0.01, yy + 2.0, zz + 1.3),
                                 (XB - 0.01, yy + 2.25, zz + 1.3), (XB - 0.01, yy + 2.25, zz - 0.1)], hazed("#e4d8c2", zz))
                    zz += 2.4
            yy += 3.3
        # ground floor: shop glazing and awnings
        cam.quad(d, [(XB - 0.01, 0, z0 + 0.8), (XB - 0.01, 0, z1 - 0.8), (XB - 0.01, 3.6, z1 - 0.8),
                     (XB - 0.01, 3.6, z0 + 0.8)], hazed("#33454f", z0))
        cam.quad(d, [(XB - 0.01, 0, z0 + 0.8), (XB - 0.01, 0, z1 - 0.8), (XB - 0.01, 1.4, z1 - 0.8),
                     (XB - 0.01, 1.4, z0 + 0.8)], (*hazed("#d9a86a", z0), 60))
        if rng.random() < 0.7:
            ac = rng.choice(["#e4572e", "#1f6f82", "#12344d", "#f3ead9"])
            cam.quad(d, [(XB, 3.4, z0 + 1.5), (XB, 3.4, z1 - 1.5), (XB - 2.2, 2.7, z1 - 1.5),
                         (XB - 2.2, 2.7, z0 + 1.5)], hazed(ac, z0))
    # Objects on the promenade, far to near.
    objs = []
    for zt in range(16, 260, 11):
        objs.append((zt + rng.uniform(-1, 1), "tree", XB - 5.0 + rng.uniform(-0.3, 0.3)))
    for zl in range(10, 400, 17):
        objs.append((float(zl), "lamp", XQ + 1.3))
    for zb in range(9, 300, 9):
        objs.append((float(zb), "bollard", XQ + 0.35))
    for zb in (13.0, 30.0, 64.0, 98.0):
        objs.append((zb, "bench", XQ + 4.0))
    objs += [(8.6, "person", 2.2), (9.4, "person", 2.95), (11.5, "person", 7.4)]
    objs += [(zp, "walker", xp) for zp, xp in v["people"]]
    rng_people = random.Random(2030)
    for zc, _ in v["cranes"]:
        objs.append((zc, "crane", XQ + 5.3))
    jib = dict(v["cranes"])
    for _ in range(26):
        zp = 13 + rng.random() ** 1.5 * 150
        objs.append((zp, "person", rng.uniform(XQ + 3.8, XB - 2.0) if zp < 40 else rng.uniform(XQ + 1.2, XB - 2.0)))
    objs.sort(key=lambda o: -o[0])
    palette = ["#e4572e", "#1f6f82", "#12344d", "#f3ead9", "#6b7f3a", "#b23a48", "#ffffff", "#4b5d6b", "#e0b040"]
    for z, kind, x in objs:
        sc = cam.f / z
        if kind == "tree":
            gx, gy = cam.p(x, 0, z)
            shadow_c = cam.p(x - 1.5, 0, z + 1.0)
            d.ellipse([shadow_c[0] - 2.8 * sc, shadow_c[1] - 0.5 * sc * 0.9, shadow_c[0] + 2.8 * sc, shadow_c[1] + 0.5 * sc * 0.9],
                      fill=(60, 55, 50, 70))
            d.line([(gx, gy), (gx, gy - 3.2 * sc)], fill=hazed("#4a3b2e", z), width=max(1, int(0.28 * sc)))
            cx_, cy_ = gx, gy - 5.6 * sc
            d.line([(gx, gy - 3.0 * sc), (gx - 0.8 * sc, gy - 5.0 * sc)], fill=hazed("#4a3b2e", z), width=max(1, int(0.12 * sc)))
            d.line([(gx, gy - 3.0 * sc), (gx + 0.9 * sc, gy - 4.8 * sc)], fill=hazed("#4a3b2e", z), width=max(1, int(0.12 * sc)))
            n = 150 if sc > 40 * u else 50
            tones = ["#2f4a22", "#3f5a2c", "#4f6d37", "#5d7d3e", "#6f8f48", "#86a356", "#9ab85e"]
            leaves = []
            for k in range(n):
                ang = rng.uniform(0, 2 * math.pi)
                rad = rng.random() ** 0.6
                ox, oy = math.cos(ang) * rad * 2.3, math.sin(ang) * rad * 1.9
                light_ = (-ox * 0.5 - oy * 0.8) / 2.5 + rng.gauss(0, 0.25)   # lit from upper left
                leaves.append((oy + rng.random() * 0.3, ox, oy, light_))
            leaves.sort(key=lambda t: t[3])          # darker leaves first, lit ones on top
            for _, ox, oy, light_ in leaves:
                r = rng.uniform(0.35, 0.75 if n > 60 else 1.1) * sc
                ti = max(0, min(len(tones) - 1, int((light_ + 0.9) / 1.8 * len(tones))))
                d.ellipse([cx_ + ox * sc - r, cy_ + oy * sc - r * 0.85, cx_ + ox * sc + r, cy_ + oy * sc + r * 0.85],
                          fill=hazed(tones[ti], z))
        elif kind == "lamp":
            gx, gy = cam.p(x, 0, z)
            top = gy - 6.5 * sc
            d.line([(gx, gy), (gx, top)], fill=hazed("#2d3338", z), width=max(1, int(0.14 * sc)))
            d.line([(gx, top), (gx + 1.0 * sc, top)], fill=hazed("#2d3338", z), width=max(1, int(0.12 * sc)))
            d.rectangle([gx + 0.7 * sc, top, gx + 1.3 * sc, top + 0.25 * sc], fill=hazed("#2d3338", z))
        elif kind == "bollard":
            gx, gy = cam.p(x, 0, z)
            d.rounded_rectangle([gx - 0.2 * sc, gy - 0.6 * sc, gx + 0.2 * sc, gy], radius=max(1, int(0.15 * sc)),
                                fill=hazed("#25292d", z))
        elif kind == "bench":
            cam.quad(d, [(x - 0.3, 0.45, z), (x + 0.3, 0.45, z), (x + 0.3, 0.45, z + 2.2), (x - 0.3, 0.45, z + 2.2)],
                     hazed("#8a6a48", z))
            cam.quad(d, [(x + 0.3, 0.45, z), (x + 0.3, 0.9, z), (x + 0.3, 0.9, z + 2.2), (x + 0.3, 0.45, z + 2.2)],
                     hazed("#6e5238", z))
            cam.quad(d, [(x - 0.3, 0.0, z), (x - 0.3, 0.45, z), (x + 0.3, 0.45, z), (x + 0.3, 0.0, z)], hazed("#3a3f44", z))
        elif kind == "crane":
            gx, gy = cam.p(x, 0, z)
            crane(d, gx, gy, sc, jib[z], -1, hazed("#1f6f82", z, 900), cab="#e4572e", hook=7)
        elif kind == "person":
            gx, gy = cam.p(x, 0, z)
            person(d, gx, gy, sc, rng, palette)
        elif kind == "walker":
            gx, gy = cam.p(x, 0, z)
            person(d, gx, gy, sc, rng_people, palette)
    # Spring evening: a warm low sun over everything.
    img = Image.blend(img, Image.new("RGB", img.size, rgb("#ffc98a")), 0.08)
    gx_, gy_, grx, gry = v["sun"]
    glow(img, w * gx_, h * gy_, w * grx, h * gry, "#ffe2b0", 0.35, 1.8)
    return finish(img, (W, H))


def paint_promenade_tall() -> Image.Image:
    return paint_promenade(PROMENADE_TALL)


# ---------------------------------------------------------------------------
# marsh.jpg: the Ashby Marsh with its boardwalk
# ---------------------------------------------------------------------------

def paint_marsh() -> Image.Image:
    W, H = 1800, 1200
    w, h = W * SS, H * SS
    rng = random.Random(2024)
    cam = Cam(0.62 * w, 0.5 * w, 0.45 * h, 2.1)
    hz = int(cam.cy)
    img = Image.new("RGB", (w, h))
    img.paste(gradient(w, hz, [(0, "#5d8cb3"), (0.5, "#9dbad0"), (0.85, "#e3e4dc"), (1, "#f1e6d2")]), (0, 0))
    # Clouds: a long bank of soft cumulus.
    for cx, cy, sc in [(0.15, 0.16, 1.0), (0.45, 0.09, 1.2), (0.8, 0.2, 0.9), (0.62, 0.3, 0.5),
                       (0.3, 0.34, 0.45), (0.93, 0.33, 0.4)]:
        blobs = [(cx * w + rng.gauss(0, 0.06 * w * sc), cy * h + rng.gauss(0, 0.02 * h * sc),
                  rng.uniform(0.02, 0.05) * w * sc) for _ in range(22)]
        soft(img, lambda dr: [dr.ellipse([x - r, y - r * 0.6, x + r, y + r * 0.6], fill=255)
                              for x, y, r in blobs], "#fdfbf6", 6 * SS, 0.95)
        soft(img, lambda dr: [dr.ellipse([x - r * 0.9, y + r * 0.1, x + r * 0.9, y + r * 0.55], fill=255)
                              for x, y, r in blobs], "#b7c2cc", 9 * SS, 0.5)
    d = ImageDraw.Draw(img, "RGBA")
    # Birds.
    for _ in range(7):
        bx, by, bs = rng.uniform(0.25, 0.7) * w, rng.uniform(0.12, 0.3) * h, rng.uniform(6, 11) * SS
        d.line([(bx - bs, by - bs * 0.3), (bx - bs * 0.4, by - bs * 0.5), (bx, by)], fill=rgb("#3a3f46"), width=SS)
        d.line([(bx, by), (bx + bs * 0.4, by - bs * 0.5), (bx + bs, by - bs * 0.3)], fill=rgb("#3a3f46"), width=SS)
    # Distant skyline: the harbour, its cranes and the flood barrier, blue in the haze.
    far = rgb("#a9b5bd")
    x = 0.46 * w
    while x < 0.98 * w:
        bw_ = rng.uniform(8, 30) * SS
        bh = rng.uniform(6, 30) * SS
        d.rectangle([x, hz - bh, x + bw_, hz], fill=far)
        x += bw_ + rng.uniform(0, 6) * SS
    for cx in (0.62, 0.67, 0.71):
        crane(d, cx * w, hz - 4 * SS, 2.2 * SS, 55, 1, mix(far, "#7f8e98", 0.4), hook=0)
    for bx in (0.22, 0.28, 0.34, 0.40):
        d.rectangle([bx * w, hz - 16 * SS, bx * w + 5 * SS, hz], fill=mix(far, "#7f8e98", 0.3))
    d.line([(0.2 * w, hz - 5 * SS), (0.42 * w, hz - 5 * SS)], fill=mix(far, "#7f8e98", 0.3), width=3 * SS)
    # Ground: marsh colours fading into haze.
    img.paste(gradient(w, h - hz, [(0, "#a7a88a"), (0.06, "#8e915e"), (0.3, "#7d8046"), (1, "#6a6a35")]), (0, hz))
    d = ImageDraw.Draw(img, "RGBA")

    def xc(z):                              # boardwalk centre line, an S-curve
        return 0.2 + (1 + 0.12 * z) * math.sin(z / 16.0) * min(1.0, z / 12.0)

    def creek(z):
        return -3.8 - 0.25 * z + 4 * math.sin(z / 12.0)

    def creek2(z):
        return 14 + 8 * math.sin(z / 23.0 + 1) + z * 0.25

    def on_walk(x, z):
        return abs(x - xc(z)) < 1.25

    def in_creek(x, z):
        return abs(x - creek(z)) < 1.5 + z * 0.01 or abs(x - creek2(z)) < 1.2 + z * 0.01

    # Colour streaks of the far marsh (sea lavender, samphire, spartina).
    streak_cols = ["#8e915e", "#9f9a5a", "#7a7a40", "#a98a5a", "#8d6f82", "#b0a46a", "#6e7a48", "#9a5e4a"]
    for _ in range(5000):
        z = 20 + rng.random() ** 2.2 * 900
        x = rng.uniform(-0.9, 0.9) * z * cam.cx / cam.f
        px, py = cam.p(x, 0, z)
        ln = rng.uniform(1.5, 6) * cam.f / z
        th = max(1, int(rng.uniform(0.2, 0.6) * cam.f / z))
        col = mix(rng.choice(streak_cols), "#b7b9a6", min(0.7, z / 900))
        d.line([(px, py), (px + ln, py)], fill=(*col, 150), width=th)
    # Creeks reflecting the sky, with muddy banks.
    water_mask = Image.new("L", img.size, 0)
    wm = ImageDraw.Draw(water_mask)
    for fn, wd in ((creek, 1.4), (creek2, 1.1)):
        left, right, bl, br = [], [], [], []
        z = 3.0
        while z < 700:
            ww = wd + z * 0.01 + 0.25 * math.sin(z * 1.7) + 0.15 * math.sin(z * 4.1)
            left.append(cam.p(fn(z) - ww, 0, z))
            right.append(cam.p(fn(z) + ww, 0, z))
            bl.append(cam.p(fn(z) - ww - 0.45, 0, z))
            br.append(cam.p(fn(z) + ww + 0.45, 0, z))
            z *= 1.03
        d.polygon(bl + br[::-1], fill=rgb("#5b5038"))
        wm.polygon(left + right[::-1], fill=255)
    water = gradient(w, h, [(0, "#e8ecea"), (0.45, "#e8ecea"), (0.5, "#c9d8df"), (0.7, "#9fb9c7"), (1, "#6f93a8")])
    ripples(water, hz, rng, 2500, ["#f4f6f4", "#dce6ea"], (0.3, 0.7), (10, 90))
    ripples(water, hz, rng, 1200, ["#5a7a8c", "#6b8797"], (0.2, 0.5), (10, 90))
    img.paste(water, (0, 0), water_mask)
    d = ImageDraw.Draw(img, "RGBA")
    # Near marsh: grass clumps and boardwalk, drawn far to near.
    items = []
    grass = ["#6f7a3c", "#84903f", "#9aa152", "#b3a95c", "#7c6d3a", "#a38a4f", "#5e6b34", "#c0b26a"]
    for _ in range(16000):
        z = 1.6 + rng.random() ** 1.8 * 90
        x = rng.uniform(-1.0, 1.0) * z * cam.cx / cam.f * 1.05
        if on_walk(x, z) or in_creek(x, z):
            continue
        items.append((z, "grass", x))
    for _ in range(900):
        z = 3 + rng.random() * 60
        x = rng.uniform(-1.0, 1.0) * z * cam.cx / cam.f
        if on_walk(x, z) or in_creek(x, z):
            continue
        items.append((z, "lavender", x))
    z = 1.0
    while z < 320:
        items.append((z, "plank", z))
        z += 0.3
    z = 1.2
    while z < 260:
        items.append((z + 0.01, "post", z))
        z += 2.4
    items.sort(key=lambda t: -t[0])
    deck_y = 0.5
    rail_prev = None
    for z, kind, x in items:
        sc = cam.f / z
        if kind == "grass":
            bx, by = cam.p(x, 0, z)
            n = 3 if z > 30 else 6
            base_col = rng.choice(grass)
            for _ in range(n):
                hgt = rng.uniform(0.25, 0.75) * sc
                lean = rng.gauss(0.12, 0.18) * hgt
                col = mix(base_col, "#b9b9a4", min(0.6, z / 150))
                col = mix(col, "#e9dca0", 0.25) if rng.random() < 0.2 else col
                ox = rng.uniform(-0.12, 0.12) * sc
                d.line([(bx + ox, by), (bx + ox + lean * 0.4, by - hgt * 0.55), (bx + ox + lean, by - hgt)],
                       fill=col, width=max(1, int(0.025 * sc)))
        elif kind == "lavender":
            bx, by = cam.p(x, 0, z)
            r = 0.18 * sc
            for _ in range(5):
                ox, oy = rng.gauss(0, 0.15) * sc, rng.uniform(0.1, 0.35) * sc
                d.ellipse([bx + ox - r * 0.3, by - oy - r * 0.2, bx + ox + r * 0.3, by - oy + r * 0.2],
                          fill=mix(rng.choice(["#9a7aa8", "#8e6d9c", "#b391bd"]), "#b9b9a4", min(0.6, z / 150)))
        elif kind == "plank":
            c = xc(z)
            zz = z + 0.26
            tone = rng.uniform(-1, 1)
            col = mix("#9c8b74", "#c6b79e" if tone > 0 else "#6e604e", abs(tone) * 0.5)
            col = mix(col, "#b9b9a4", min(0.55, z / 300))
            cam.quad(d, [(c - 0.9, deck_y, z), (c + 0.9, deck_y, z), (xc(zz) + 0.9, deck_y, zz), (xc(zz) - 0.9, deck_y, zz)], col)
            gap = mix("#3e3528", "#9a9a88", min(0.6, z / 300))
            a, b = cam.p(c - 0.9, deck_y, z), cam.p(c + 0.9, deck_y, z)
            d.line([a, b], fill=gap, width=max(1, int(0.02 * sc)))
            # edge beams
            for side in (-1, 1):
                cam.quad(d, [(c + side * 0.92, deck_y, z), (xc(zz) + side * 0.92, deck_y, zz),
                             (xc(zz) + side * 0.92, deck_y - 0.22, zz), (c + side * 0.92, deck_y - 0.22, z)],
                         mix("#4a3f31", "#a6a795", min(0.6, z / 300)))
        elif kind == "post":
            c = xc(z) + 0.95
            top = cam.p(c, deck_y + 1.0, z)
            bot = cam.p(c, deck_y - 0.2, z)
            col = mix("#5a4b3a", "#a6a795", min(0.6, z / 250))
            d.line([bot, top], fill=col, width=max(1, int(0.1 * sc)))
            if rail_prev is not None:
                d.line([rail_prev, top], fill=mix("#6e5e4a", "#a6a795", min(0.6, z / 250)), width=max(1, int(0.07 * sc)))
            rail_prev = top
    img = finish(img, (W, H))
    return img


# ---------------------------------------------------------------------------
# portrait-*.jpg: painted head-and-shoulders portraits for "Voices"
# ---------------------------------------------------------------------------
#
# A sitter is laid out in "figure" units: x from the centre line, y down from
# the top, 900 x 1100 at scale 1. fig() places these on the supersampled canvas
# (scaled by PK and moved by PDY), so the whole figure can be framed at once.
# Outlines are Catmull-Rom splines. The background is painted first and blurred
# as if by a portrait lens; light comes from the upper left.

PW, PH = 900, 1100
PCX, PK, PDY = 450, 1.1, -50


def fig(x, y):
    """Figure units -> supersampled canvas pixels."""
    return ((PCX + PK * x) * SS, (PK * y + PDY) * SS)


def curve(points, closed=True, steps=10):
    """Catmull-Rom spline through *points* (figure units), as canvas pixels for Pillow."""
    p = list(points)
    n = len(p)
    if n < 3:
        return [fig(x, y) for x, y in p]
    out = []
    for i in range(n if closed else n - 1):
        if closed:
            p0, p1, p2, p3 = p[i - 1], p[i], p[(i + 1) % n], p[(i + 2) % n]
        else:
            p0, p1, p2, p3 = p[max(i - 1, 0)], p[i], p[i + 1], p[min(i + 2, n - 1)]
        for k in range(steps):
            t = k / steps
            out.append(fig(*(0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - e) * t * t
                                    + (3 * b - a - 3 * c + e) * t ** 3)
                             for a, b, c, e in zip(p0, p1, p2, p3))))
    if not closed:
        out.append(fig(*p[-1]))
    return out


def flip(points):
    """The same outline on the other side of the centre line."""
    return [(-x, y) for x, y in points]


class Pen:
    """Draws on an RGB image or an L mask in figure units."""

    def __init__(self, img):
        self.d = ImageDraw.Draw(img, "RGBA") if img.mode == "RGB" else ImageDraw.Draw(img)

    def shape(self, pts, fill=255, smooth=True):
        self.d.polygon(curve(pts) if smooth else [fig(x, y) for x, y in pts], fill=fill)

    def stroke(self, pts, width, fill=255):
        self.d.line(curve(pts, False), fill=fill, width=max(1, int(round(width * PK * SS))), joint="curve")

    def oval(self, x, y, rx, ry, fill=255):
        (x0, y0), (x1, y1) = fig(x - rx, y - ry), fig(x + rx, y + ry)
        self.d.ellipse([x0, y0, x1, y1], fill=fill)

    def taper(self, pts, widths, fill=255):
        """A stroke whose width runs through *widths* (start, middle, end) along the curve."""
        c = curve(pts, False, 6)
        lens = [0.0]
        for a, b in zip(c, c[1:]):
            lens.append(lens[-1] + math.dist(a, b))
        total = lens[-1] or 1.0
        w0, w1, w2 = widths
        left, right = [], []
        for i, (x, y) in enumerate(c):
            a, b = c[max(i - 1, 0)], c[min(i + 1, len(c) - 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            ln = math.hypot(dx, dy) or 1.0
            t = lens[i] / total
            wd = (w0 + (w1 - w0) * 2 * t if t < 0.5 else w1 + (w2 - w1) * (2 * t - 1)) * PK * SS / 2
            left.append((x - dy / ln * wd, y + dx / ln * wd))
            right.append((x + dy / ln * wd, y - dx / ln * wd))
        self.d.polygon(left + right[::-1], fill=fill)


def pmask(size, fn, blur=0.0):
    """An L mask drawn by *fn(Pen)*, softened by *blur* figure units."""
    m = Image.new("L", size, 0)
    fn(Pen(m))
    if blur:
        m = m.filter(ImageFilter.GaussianBlur(blur * PK * SS))
    return m


def paint(img, fn, color, blur=0.0, opacity=1.0, clip=None):
    """Paint *color* through a mask drawn by *fn(Pen)*, softened by *blur*, limited to *clip*."""
    m = pmask(img.size, fn, blur)
    if clip is not None:
        m = ImageChops.multiply(m, clip)
    if opacity < 1:
        m = m.point(lambda v: int(v * opacity))
    img.paste(rgb(color), (0, 0), m)


def locks(img, clip, strokes, color):
    """Hair drawn as tapered locks of one colour: *strokes* = [(points, width, alpha)], clipped."""
    m = Image.new("L", img.size, 0)
    pen = Pen(m)
    for pts, wd, a in strokes:
        pen.taper(pts, (wd * 0.35, wd, wd * 0.15), fill=int(255 * a))
    img.paste(rgb(color), (0, 0), ImageChops.multiply(m, clip))


def arc_path(cx, cy, rx, ry, a0, a1, n=7):
    """Points along an ellipse from angle *a0* to *a1* (degrees, y down)."""
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * k / (n - 1))),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * k / (n - 1)))) for k in range(n)]


def bristles(img, rng, clip, n, area, direction, length, colors, width=(0.8, 1.6), alpha=(0.3, 0.7)):
    """Short straight hairs for beards and brows: *area(rng)* -> (x, y), *direction(x, y)* -> angle."""
    for col in colors:
        m = Image.new("L", img.size, 0)
        pen = Pen(m)
        for _ in range(n // len(colors)):
            x, y = area(rng)
            a = direction(x, y) + rng.gauss(0, 0.18)
            ln = rng.uniform(*length)
            wd = rng.uniform(*width)
            pen.taper([(x, y), (x + math.cos(a) * ln / 2, y + math.sin(a) * ln / 2),
                       (x + math.cos(a) * ln, y + math.sin(a) * ln)], (wd, wd, wd * 0.3),
                      fill=int(255 * rng.uniform(*alpha)))
        img.paste(rgb(col), (0, 0), ImageChops.multiply(m, clip))


def cast_shadow(img, caster, onto, drop, blur, color, opacity):
    """The soft shadow that *caster* (a mask) throws *drop* figure units down onto the mask *onto*."""
    m = ImageChops.offset(caster, 0, int(drop * PK * SS)).filter(ImageFilter.GaussianBlur(blur * PK * SS))
    m = ImageChops.subtract(ImageChops.multiply(m, onto), caster)
    img.paste(rgb(color), (0, 0), m.point(lambda v: int(v * opacity)))


def model_face(img, sp):
    """Ears, neck and the face with its light and shade; returns (face mask, neck mask)."""
    size = img.size
    pen = Pen(img)
    face, neck = sp["face"], sp["neck"]
    pen.shape(neck, fill=rgb(sp["skin"]))
    nm = pmask(size, lambda p: p.shape(neck))
    paint(img, lambda p: p.shape([(x + 5, y + 30) for x, y in face]), sp["skin_deep"], 7, 0.85, nm)
    paint(img, lambda p: p.oval(75, 680, 40, 140), sp["skin_deep"], 14, 0.5, nm)
    for s in (-1, 1):
        ear = [(s * x, y) for x, y in sp["ear"]]
        pen.shape(ear, fill=rgb(sp["skin"] if s < 0 else mix(sp["skin"], sp["skin_shadow"], 0.4)))
        em = pmask(size, lambda p: p.shape(ear))
        ex, ey = sp["ear"][2]
        paint(img, lambda p: p.taper([(s * (ex - 7), ey + 2), (s * (ex - 5), ey + 24), (s * (ex - 12), ey + 56)],
                                     (1, 6, 1.5)), sp["skin_deep"], 2, 0.6, em)
        paint(img, lambda p: p.oval(s * (ex - 22), ey + 40, 12, 40), sp["skin_deep"], 5, 0.55, em)
    pen.shape(face, fill=rgb(sp["skin"]))
    fm = pmask(size, lambda p: p.shape(face))
    sh, lt = sp["skin_shadow"], sp["skin_light"]
    # The turned-away side, the jaw and the temples.
    paint(img, lambda p: p.shape([(150, 230), (190, 420), (170, 660), (40, 660), (56, 600), (76, 540), (64, 470),
                                  (74, 400), (62, 320), (34, 250)]), sh, 9, 0.85, fm)
    paint(img, lambda p: p.shape([(150, 230), (190, 420), (170, 660), (80, 640), (104, 540), (110, 430), (100, 320),
                                  (80, 250)]), sp["skin_deep"], 12, 0.3, fm)
    jaw = ImageChops.subtract(fm, pmask(size, lambda p: p.shape([(x, y - 26) for x, y in face])))
    img.paste(rgb(sh), (0, 0), ImageChops.multiply(jaw.filter(ImageFilter.GaussianBlur(9 * PK * SS)), fm)
              .point(lambda v: int(v * 0.55)))
    paint(img, lambda p: [p.oval(s * 112, 350, 24, 50) for s in (-1, 1)], sh, 14, 0.35, fm)
    paint(img, lambda p: [p.oval(s * 92, 520, 26, 42) for s in (-1, 1)], sh, 16, sp.get("hollow", 0.2), fm)
    # Lit planes: forehead, cheekbone, chin.
    paint(img, lambda p: p.oval(-32, 320, 64, 34), lt, 18, 0.45, fm)
    paint(img, lambda p: p.oval(-74, 468, 30, 22), lt, 12, 0.4, fm)
    paint(img, lambda p: [p.oval(s * 70, 490, 32, 22) for s in (-1, 1)], sp["blush"], 14, sp["blush_amt"], fm)
    paint(img, lambda p: p.oval(-6, 590, 24, 10), lt, 8, 0.3, fm)
    return fm, nm


def face_features(img, sp, clip):
    """Eyes, brows, nose and mouth; *sp* holds the sitter's colours and proportions."""
    size = img.size
    pen = Pen(img)
    ey, ex = sp["eye_y"], sp["eye_x"]
    sh = sp["skin_shadow"]
    # Eye sockets under the brow ridge.
    paint(img, lambda p: [p.oval(s * ex, ey - 8, 36, 19) for s in (-1, 1)], sh, 8, 0.32, clip)
    paint(img, lambda p: p.oval(-ex, ey - 20, 26, 7), sp["skin_light"], 5, 0.35, clip)
    for s in (-1, 1):
        eye = [(s * 28, ey + 4), (s * 40, ey - 8), (s * 55, ey - 12), (s * 71, ey - 9), (s * 83, ey - 1),
               (s * 70, ey + 7), (s * 55, ey + 10), (s * 40, ey + 9)]
        eye = [(x + s * (ex - 55), ey + (y - ey) * sp["eye_open"]) for x, y in eye]
        emask = pmask(size, lambda p: p.shape(eye))
        img.paste(rgb(mix(sp["eye_white"], sh, 0.08 if s < 0 else 0.2)), (0, 0), emask)
        ix = s * ex + sp["gaze"]
        iris = pmask(size, lambda p: p.oval(ix, ey - 1, sp["iris_r"], sp["iris_r"]))
        img.paste(rgb(sp["iris"]), (0, 0), ImageChops.multiply(iris, emask))
        inner = pmask(size, lambda p: p.oval(ix + 1, ey + 2, 7, 6), 2)
        img.paste(rgb(mix(sp["iris"], "#ffffff", 0.22)), (0, 0),
                  ImageChops.multiply(ImageChops.multiply(inner, iris), emask).point(lambda v: v // 2))
        img.paste(rgb("#141010"), (0, 0), ImageChops.multiply(pmask(size, lambda p: p.oval(ix, ey - 1, 4.4, 4.4)),
                                                                 emask))
        paint(img, lambda p: p.oval(s * ex, ey - 12, 34, 8), "#5a3e32", 2.5, 0.4, emask)
        pen.oval(ix - 3.2, ey - 4.5, 2.0, 2.0, fill=(255, 255, 255, 225))
        # Upper lid line, thickening outwards; the crease above; a faint lower lid.
        pen.taper(eye[:5], sp["lid_w"], fill=rgb(sp["lash"]))
        crease = [(x, y - sp["crease"] + abs(x - s * ex) * 0.06) for x, y in eye[1:5]]
        pen.taper(crease, (0.6, 1.8, 0.8), fill=rgba(sh, 0.6))
        pen.taper([eye[4], eye[5], eye[6], eye[7], eye[0]], (1.6, 1.2, 0.4), fill=rgba(sp["lash"], 0.3))
        if sp.get("age"):
            pen.taper([(s * (ex - 20), ey + 17), (s * ex, ey + 22), (s * (ex + 22), ey + 16)], (0.3, 1.5, 0.3),
                      fill=rgba(sh, 0.5))
            for k in (-1, 0, 1):
                pen.taper([(s * (ex + 32), ey + k * 6), (s * (ex + 44), ey + k * 10)], (0.9, 0.9, 0.2),
                          fill=rgba(sh, 0.4))
        # Brow: a tapered shape, then fine hairs along it.
        by = sp["brow_y"]
        arch = sp["brow_arch"]
        brow = [(s * (ex - 30), by + 7), (s * (ex - 12), by - arch * 0.4), (s * (ex + 12), by - arch),
                (s * (ex + 34), by + 4)]
        pen.taper(brow, sp["brow_w"], fill=rgba(sp["brow"], 0.9))
        r = random.Random(sp["seed"] + s)
        for _ in range(46):
            t = r.random()
            x0 = s * (ex - 30 + 62 * t)
            y0 = by + 6 - (arch + 6) * math.sin(math.pi * min(1.0, t * 1.15)) + r.gauss(0, 1.6)
            pen.taper([(x0, y0 + 2), (x0 + s * 6, y0 - 1.5 + 3 * t)], (0.7, 1.1, 0.3), fill=rgba(sp["brow_hair"], 0.75))
    # Nose: shaded side, lit bridge, tip, wings and nostrils.
    ny, nw = sp["nose_y"], sp["nose_w"]
    paint(img, lambda p: p.stroke([(9, ey - 10), (14, ey + 30), (nw - 4, ny - 14)], 10), sh, 5, 0.55, clip)
    paint(img, lambda p: p.stroke([(-10, ey + 4), (-8, ey + 40)], 7), sp["skin_light"], 4, 0.5, clip)
    paint(img, lambda p: p.oval(6, ny + 9, nw + 4, 7), sh, 4, 0.6, clip)
    paint(img, lambda p: p.oval(-3, ny - 10, 11, 9), sp["skin_light"], 4, 0.6, clip)
    for s in (-1, 1):
        pen.taper([(s * (nw - 9), ny - 19), (s * nw, ny - 8), (s * (nw - 3), ny + 1), (s * (nw - 13), ny + 3)],
                  (0.6, 2.4, 0.8), fill=rgba(sp["nose_line"], 0.75 if s > 0 else 0.55))
        pen.taper([(s * 4, ny + 1), (s * 9, ny - 0.5), (s * 14, ny + 1)], (0.8, 3.2, 1.0),
                  fill=rgba(sp["nostril"], 0.45 if s < 0 else 0.6))
    pen.taper([(-9, ny + 3), (0, ny + 5), (9, ny + 3)], (0.4, 1.4, 0.4), fill=rgba(sp["nose_line"], 0.35))
    # Mouth: a closed, gentle smile.
    my, mw, lift = sp["mouth_y"], sp["mouth_w"], sp["smile"]
    lu, ll = sp["lip_up_h"], sp["lip_low_h"]
    paint(img, lambda p: p.oval(0, my + ll + 12, 22, 7), sh, 5, 0.4, clip)
    paint(img, lambda p: p.stroke([(0, ny + 8), (0, my - lu)], 8), sh, 4, 0.25, clip)
    upper = [(-mw, my - lift), (-mw * 0.5, my - lu * 0.8), (-mw * 0.14, my - lu), (0, my - lu * 0.72),
             (mw * 0.14, my - lu), (mw * 0.5, my - lu * 0.8), (mw, my - lift), (mw * 0.5, my + 1), (0, my + 2),
             (-mw * 0.5, my + 1)]
    lower = [(-mw * 0.9, my - lift + 1), (-mw * 0.5, my + 1.5), (0, my + 2), (mw * 0.5, my + 1.5),
             (mw * 0.9, my - lift + 1), (mw * 0.5, my + ll * 0.8), (0, my + ll), (-mw * 0.5, my + ll * 0.8)]
    pen.shape(lower, fill=rgb(sp["lip_low"]))
    pen.shape(upper, fill=rgb(sp["lip_up"]))
    lm = pmask(size, lambda p: p.shape(lower))
    paint(img, lambda p: p.oval(-5, my + ll * 0.5, mw * 0.38, ll * 0.25), sp["lip_hi"], 2, 0.6, lm)
    paint(img, lambda p: p.oval(mw * 0.6, my + 3, mw * 0.4, ll * 0.6), sh, 3, 0.35, lm)
    pen.taper([(-mw - 2, my - lift - 1), (-mw * 0.5, my + 1), (0, my + 2), (mw * 0.5, my + 1), (mw + 2, my - lift - 1)],
              (1.0, 2.0, 1.0), fill=rgb(sp["lip_line"]))
    for s in (-1, 1):
        pen.taper([(s * (mw - 1), my - lift - 5), (s * (mw + 4), my - lift), (s * (mw + 2), my - lift + 5)],
                  (0.3, 1.3, 0.3), fill=rgba(sh, 0.55))
    if sp.get("age"):
        for s in (-1, 1):
            pen.taper([(s * (nw + 6), ny - 8), (s * (nw + 18), ny + 14), (s * (mw + 9), my + 8)], (0.4, 2.2, 0.4),
                      fill=rgba(sh, 0.45))


def shoulders(img, sp):
    """Jacket body with its light, shade, seams and creases; returns the body mask."""
    size = img.size
    body = sp["body"]
    Pen(img).shape(body, fill=rgb(sp["coat"]))
    clip = pmask(size, lambda p: p.shape(body))
    sh, lt = sp["coat_shadow"], sp["coat_light"]
    paint(img, lambda p: p.shape([(130, 700), (520, 760), (520, 1160), (110, 1160), (50, 900)]), sh, 40, 0.55, clip)
    paint(img, lambda p: p.oval(-270, 800, 120, 40), lt, 30, 0.45, clip)
    paint(img, lambda p: p.oval(20, 760, 150, 70), sh, 30, 0.35, clip)
    sx = sp["seam_x"]
    for s in (-1, 1):
        seam = [(s * sx, 782), (s * (sx + 14), 860), (s * (sx + 30), 980), (s * (sx + 40), 1160)]
        paint(img, lambda p: p.stroke(seam, 3), sh, 1, 0.55, clip)
        paint(img, lambda p: p.taper([(s * (sx + 28), 820), (s * (sx - 40), 782), (s * (sx - 130), 752)],
                                     (2, 16, 2)), lt, 5, sp["sheen"] if s < 0 else sp["sheen"] * 0.35, clip)
        paint(img, lambda p: p.taper([(s * (sx - 56), 880), (s * (sx - 80), 980), (s * (sx - 86), 1150)], (2, 12, 4)),
              lt, 6, sp["sheen"] * 0.8 if s < 0 else sp["sheen"] * 0.25, clip)
        paint(img, lambda p: p.taper([(s * (sx - 22), 850), (s * (sx - 62), 930), (s * (sx - 74), 1060)], (1, 5, 1)),
              sh, 2, 0.45, clip)
        paint(img, lambda p: p.taper([(s * (sx + 4), 880), (s * (sx + 24), 990)], (1, 4, 1)), sh, 2, 0.35, clip)
    return clip


def quay_backdrop(rng) -> Image.Image:
    """North Quay on a bright overcast morning: water, the far shore and a preserved crane."""
    w, h = PW * SS, PH * SS
    hz = int(0.5 * h)
    img = Image.new("RGB", (w, h))
    img.paste(gradient(w, hz, [(0, "#8ea9bd"), (0.5, "#bccbd2"), (0.85, "#e4e2da"), (1, "#efe6d6")]), (0, 0))
    for cx, cy, sc in [(0.18, 0.12, 1.0), (0.7, 0.07, 1.2), (0.5, 0.3, 0.7), (0.92, 0.34, 0.6)]:
        blobs = [(cx * w + rng.gauss(0, 0.09 * w * sc), cy * h + rng.gauss(0, 0.02 * h * sc),
                  rng.uniform(0.04, 0.09) * w * sc) for _ in range(14)]
        soft(img, lambda dr: [dr.ellipse([x - r, y - r * 0.55, x + r, y + r * 0.55], fill=255)
                              for x, y, r in blobs], "#f7f4ee", 10 * SS, 0.85)
    d = ImageDraw.Draw(img, "RGBA")
    # Far shore: sheds of the south bank and two small cranes, blue in the haze.
    far = rgb("#9fb0ba")
    x = -10.0
    while x < w:
        bw_ = rng.uniform(20, 60) * SS
        bh = rng.uniform(8, 34) * SS
        d.rectangle([x, hz - bh, x + bw_, hz + 2], fill=mix(far, "#8a9ca8", rng.random() * 0.5))
        x += bw_ + rng.uniform(0, 14) * SS
    crane(d, 0.14 * w, hz - 6 * SS, 3.0 * SS, 50, 1, mix(far, "#7d909c", 0.5), hook=0)
    crane(d, 0.3 * w, hz - 6 * SS, 2.6 * SS, 62, -1, mix(far, "#7d909c", 0.4), hook=0)
    # Water.
    img.paste(gradient(w, h - hz, [(0, "#aebfc4"), (0.12, "#87a4ae"), (0.6, "#5f8694"), (1, "#4a7282")]), (0, hz))
    ripples(img, hz, rng, 900, ["#dfe7e8", "#c6d5d9"], (0.25, 0.6), (30, 160))
    ripples(img, hz, rng, 600, ["#3f6472", "#4b717f"], (0.2, 0.5), (30, 160))
    d = ImageDraw.Draw(img, "RGBA")
    # The quay she stands on, running off to the right, with a preserved crane.
    x0, x1, y1 = 0.58 * w, 0.9 * w, hz + 16 * SS
    d.polygon([(x0 - 0.03 * w, h), (x1 - 0.005 * w, y1), (x1, y1 + 6 * SS), (x0 + 0.02 * w, h)], fill=rgb("#5d5952"))
    d.polygon([(x0, h), (x1, y1), (w, y1 - 4 * SS), (w, h)], fill=rgb("#cfc5b3"))
    for k in range(1, 14):
        t = (k / 14) ** 1.8
        ya = h + (y1 - h) * (1 - t)
        d.line([(x0 + (x1 - x0) * (1 - t), ya), (w, ya - (ya - hz) * 0.05)], fill=rgba("#b8ad99", 0.6),
               width=max(1, int(SS * 3 * t)))
    crane(d, 0.84 * w, hz + 58 * SS, 7.4 * SS, 66, -1, rgb("#2a7487"), cab="#e4572e", hook=5)
    img = img.filter(ImageFilter.GaussianBlur(4.5 * SS))
    glow(img, 0.15 * w, 0.25 * h, 0.6 * w, 0.5 * h, "#fff3dc", 0.35, 1.6)
    return img


def marsh_backdrop(rng) -> Image.Image:
    """The Ashby Marsh under a big sky: grass bands, a silver creek, the harbour far off."""
    w, h = PW * SS, PH * SS
    hz = int(0.58 * h)
    img = Image.new("RGB", (w, h))
    img.paste(gradient(w, hz, [(0, "#5b8ab2"), (0.45, "#94b4cc"), (0.85, "#dfe3df"), (1, "#efe8d8")]), (0, 0))
    for cx, cy, sc in [(0.2, 0.1, 1.1), (0.78, 0.16, 1.0), (0.5, 0.33, 0.6), (0.08, 0.38, 0.5),
                       (0.95, 0.42, 0.45)]:
        blobs = [(cx * w + rng.gauss(0, 0.08 * w * sc), cy * h + rng.gauss(0, 0.018 * h * sc),
                  rng.uniform(0.04, 0.08) * w * sc) for _ in range(16)]
        soft(img, lambda dr: [dr.ellipse([x - r, y - r * 0.6, x + r, y + r * 0.6], fill=255)
                              for x, y, r in blobs], "#fbf9f3", 8 * SS, 0.95)
        soft(img, lambda dr: [dr.ellipse([x - r * 0.9, y + r * 0.1, x + r * 0.9, y + r * 0.55], fill=255)
                              for x, y, r in blobs], "#b4c0cb", 10 * SS, 0.45)
    d = ImageDraw.Draw(img, "RGBA")
    far = rgb("#a8b4bb")
    x = 0.6 * w
    while x < w:
        bw_ = rng.uniform(10, 30) * SS
        bh = rng.uniform(5, 20) * SS
        d.rectangle([x, hz - bh, x + bw_, hz + 2], fill=far)
        x += bw_ + rng.uniform(0, 8) * SS
    for cx in (0.7, 0.76):
        crane(d, cx * w, hz - 3 * SS, 1.8 * SS, 55, 1, mix(far, "#80909a", 0.4), hook=0)
    img.paste(gradient(w, h - hz, [(0, "#a9aa8c"), (0.08, "#90935f"), (0.35, "#7f8248"), (1, "#6c6c37")]), (0, hz))
    d = ImageDraw.Draw(img, "RGBA")
    cols = ["#8e915e", "#a09a5a", "#7a7a40", "#a98a5a", "#8d6f82", "#b0a46a", "#6e7a48", "#9a5e4a"]
    for _ in range(1800):
        t = rng.random() ** 1.6
        y = hz + t * (h - hz)
        x = rng.uniform(-50, w)
        ln = (20 + 260 * t) * SS * rng.uniform(0.4, 1.2)
        col = mix(rng.choice(cols), "#b5b7a2", 0.6 * (1 - t) ** 3)
        d.line([(x, y), (x + ln, y)], fill=(*col, 170), width=max(1, int((1 + 10 * t) * SS)))
    # A creek catching the sky, winding in from the horizon.
    left, right = [], []
    for k in range(60):
        t = k / 59
        y = hz + 4 * SS + (h - hz) * t ** 1.7
        cxk = w * (0.72 - 0.5 * t + 0.08 * math.sin(t * 7))
        ww = (3 + 90 * t ** 1.5) * SS
        left.append((cxk - ww, y))
        right.append((cxk + ww, y))
    d.polygon(left + right[::-1], fill=rgb("#c9d8df"))
    d.line(left, fill=rgb("#5b5038"), width=3 * SS)
    # The sea beyond the marsh, a silver line under the sky.
    d.rectangle([0, hz - 2 * SS, 0.55 * w, hz + 3 * SS], fill=rgb("#d5dde0"))
    # Sea lavender and samphire in patches, then grass tufts nearer the camera.
    for _ in range(260):
        t = rng.random() ** 1.3
        y = hz + (0.05 + 0.95 * t) * (h - hz)
        x = rng.uniform(0, w)
        r = (4 + 40 * t) * SS * rng.uniform(0.5, 1.2)
        col = rng.choice(["#9a7aa8", "#8e6d9c", "#a0505a", "#c0b26a"])
        d.ellipse([x - r * 2, y - r * 0.35, x + r * 2, y + r * 0.35], fill=(*mix(col, "#b5b7a2", 0.5 * (1 - t)), 150))
    grass = ["#6f7a3c", "#84903f", "#9aa152", "#b3a95c", "#7c6d3a", "#c0b26a"]
    for _ in range(1400):
        t = rng.random() ** 0.7
        y = hz + (0.2 + 0.8 * t) * (h - hz)
        x = rng.uniform(0, w)
        hgt = (6 + 60 * t) * SS * rng.uniform(0.6, 1.2)
        lean = rng.gauss(0.15, 0.2) * hgt
        d.line([(x, y), (x + lean * 0.4, y - hgt * 0.55), (x + lean, y - hgt)], fill=(*rgb(rng.choice(grass)), 200),
               width=max(1, int((1 + 3 * t) * SS)))
    img = img.filter(ImageFilter.GaussianBlur(4.5 * SS))
    glow(img, 0.3 * w, 0.2 * h, 0.7 * w, 0.5 * h, "#fff6e4", 0.3, 1.6)
    return img


def paint_portrait_abernethy() -> Image.Image:
    """Ruth Abernethy on North Quay: grey bob, waxed jacket with a cord collar, teal roll-neck."""
    rng = random.Random(1964)
    img = quay_backdrop(rng)
    size = img.size
    pen = Pen(img)
    sp = dict(
        seed=1958,
        face=[(0, 264), (64, 272), (104, 305), (120, 360), (121, 430), (114, 488), (98, 532), (72, 570),
              (38, 596), (0, 604), (-38, 596), (-72, 570), (-98, 532), (-114, 488), (-121, 430), (-120, 360),
              (-104, 305), (-64, 272)],
        neck=[(-56, 520), (56, 520), (60, 620), (68, 700), (-68, 700), (-60, 620)],
        ear=[(112, 400), (128, 390), (142, 405), (142, 440), (134, 478), (118, 500), (110, 480)],
        eye_y=430, eye_x=55, brow_y=396, brow_arch=7, nose_y=505, nose_w=23, mouth_y=548, mouth_w=40,
        lip_up_h=9, lip_low_h=12, smile=4.5, crease=12, gaze=-1, eye_open=0.85, iris_r=9.5, lid_w=(1.0, 2.6, 3.4),
        skin="#efcbb0", skin_shadow="#cf9d84", skin_deep="#b9846c", skin_light="#fbe6d4", blush="#e79a8c",
        blush_amt=0.3, eye_white="#eee6df", iris="#58778b", lash="#4a3a34", brow="#a39890",
        brow_hair="#7f736b", brow_w=(1.6, 4.2, 1.4), nose_line="#b07e68", nostril="#8a5a4a",
        lip_up="#b56e66", lip_low="#c98279", lip_hi="#e6ada1", lip_line="#7e4540", age=True, hollow=0.15,
        body=[(-392, 1160), (-386, 1000), (-368, 900), (-340, 830), (-298, 790), (-226, 760), (-144, 730),
              (-70, 694), (70, 694), (144, 730), (226, 760), (298, 790), (340, 830), (368, 900), (386, 1000),
              (392, 1160)],
        seam_x=276, coat="#56583a", coat_shadow="#2f311c", coat_light="#8d8f64", sheen=0.55,
    )
    hair_c, hair_sh, hair_hi, hair_dk = "#bab7b2", "#8b8782", "#eae7e1", "#6f6b67"
    outer = [(-126, 556), (-150, 540), (-163, 500), (-168, 440), (-168, 380), (-160, 320), (-142, 268), (-110, 226),
             (-62, 198), (-10, 188), (46, 190), (100, 208), (142, 246), (166, 300), (176, 370), (176, 440),
             (168, 500), (152, 540), (132, 560)]
    inner = [(120, 540), (119, 480), (117, 420), (113, 370), (104, 338), (84, 327), (50, 314), (14, 299), (-20, 289),
             (-50, 287), (-80, 297), (-102, 318), (-114, 368), (-119, 430), (-121, 490), (-120, 540)]
    # Hair behind the head and neck.
    pen.shape(outer[3:-3] + [(150, 520), (100, 556), (0, 566), (-100, 556), (-150, 520)],
              fill=rgb(mix(hair_sh, hair_dk, 0.5)))
    shoulders(img, sp)
    # Cord collar, inside of the band behind the neck.
    pen.shape([(-92, 712), (-86, 640), (-58, 622), (58, 622), (86, 640), (92, 712)], fill=rgb("#4b3220"))
    fm, _ = model_face(img, sp)
    # Teal roll-neck in the opening of the jacket.
    knit, knit_sh = "#2a7386", "#1b5566"
    vee = [(-92, 690), (92, 690), (40, 842), (0, 878), (-40, 842)]
    pen.shape(vee, fill=rgb(knit))
    paint(img, lambda p: p.oval(0, 730, 90, 30), knit_sh, 12, 0.6, pmask(size, lambda p: p.shape(vee)))
    roll = [(-64, 624), (-30, 636), (30, 636), (64, 624), (80, 700), (40, 714), (0, 718), (-40, 714), (-80, 700)]
    pen.shape(roll, fill=rgb(mix(knit, "#ffffff", 0.06)))
    rclip = pmask(size, lambda p: p.shape(roll))
    paint(img, lambda p: [p.stroke([(x, 630), (x * 1.12, 712)], 2.2) for x in range(-72, 76, 9)], knit_sh, 0.6, 0.7,
          rclip)
    paint(img, lambda p: p.oval(30, 640, 70, 22), knit_sh, 8, 0.6, rclip)
    paint(img, lambda p: p.oval(40, 690, 60, 30), knit_sh, 12, 0.5, rclip)
    paint(img, lambda p: p.oval(-36, 676, 26, 24), "#5fa2b2", 10, 0.35, rclip)
    # Cord collar turned down over the shoulders.
    cord, cord_sh = "#74502f", "#4f3521"
    for s in (-1, 1):
        col = [(s * x, y) for x, y in [(86, 630), (112, 672), (152, 738), (122, 790), (80, 840), (62, 790), (72, 712)]]
        pen.shape(col, fill=rgb(cord if s < 0 else mix(cord, cord_sh, 0.4)))
        cm = pmask(size, lambda p: p.shape(col))
        paint(img, lambda p: [p.stroke([(s * (70 + k * 8), 640 + k * 3), (s * (80 + k * 6), 760 - k * 12)], 1.6)
                              for k in range(-3, 12)], cord_sh, 0.4, 0.5, cm)
        paint(img, lambda p: p.stroke([(s * 150, 740), (s * 120, 792), (s * 80, 842)], 8), cord_sh, 3, 0.6, cm)
        pen.taper([(s * 152, 740), (s * 122, 792), (s * 80, 842), (s * 60, 880), (s * 24, 906)], (2, 3, 1.5),
                  fill=rgba(sp["coat_shadow"], 0.8))
    # Jacket front: storm flap with press studs.
    pen.taper([(6, 882), (10, 980), (12, 1160)], (3, 3, 3), fill=rgba(sp["coat_shadow"], 0.9))
    for y in (935, 1035):
        pen.oval(30, y, 7, 7, fill=rgb("#9c7d4e"))
        pen.oval(28, y - 2, 3, 3, fill=rgb("#d8bf8a"))
    face_features(img, sp, fm)
    # Faint lines on the forehead, mostly under the fringe.
    for y in (340, 356):
        pen.taper([(-60, y + 4), (-20, y), (20, y), (60, y + 4)], (0.3, 1.4, 0.3), fill=rgba(sp["skin_shadow"], 0.35))
    # Grey bob from a parting on her right, swept across the forehead, ends turned under.
    right = []
    for _ in range(70):
        v = rng.random()
        path = arc_path(rng.uniform(-4, 4), 402, 116 + 58 * v, 214 + 8 * v, rng.uniform(-112, -98),
                        rng.uniform(32, 40))
        path = [(-42 + rng.uniform(-5, 5), 200 + rng.uniform(0, 6))] + path[1:]
        x, y = path[-1]
        path.append((x - 10, y + 10))
        right.append(path)
    left = []
    for _ in range(50):
        v = rng.random()
        path = arc_path(rng.uniform(-4, 4), 402, 116 + 54 * v, 212 + 8 * v, rng.uniform(-95, -84),
                        rng.uniform(-218, -210))
        path = [(-48 + rng.uniform(-5, 5), 200 + rng.uniform(0, 6))] + path[2:]
        x, y = path[-1]
        path.append((x + 10, y + 10))
        left.append(path)
    fringe = []
    for _ in range(30):
        v = rng.random()
        oy = 40 * v
        fringe.append([(-46 + rng.uniform(-4, 4), 202 + oy * 0.2), (-6, 236 + oy * 0.8), (44, 268 + oy * 0.9),
                       (90, 300 + oy * 0.7), (118, 346 + oy * 0.5), (126, 390 + oy * 0.4)])
    edge = [p for p in right + left if abs(p[3][0]) > 150]
    crown_locks = []
    for i in range(60):
        v = rng.random()
        if i % 3:
            path = arc_path(rng.uniform(-4, 4), 402, 70 + 60 * v, 168 + 40 * v, rng.uniform(-108, -98), 30)
        else:
            path = arc_path(rng.uniform(-4, 4), 402, 70 + 60 * v, 168 + 40 * v, rng.uniform(-92, -84), -205)
        crown_locks.append([(-45 + rng.uniform(-5, 5), 200 + rng.uniform(0, 6))] + path[1:])
    paths = crown_locks + right + left + fringe

    def hair_shape(p):
        p.shape(outer + inner)
        for e in edge:
            p.taper(e, (4, 16, 6))

    hm = pmask(size, hair_shape, 0.8)
    img.paste(rgb(hair_c), (0, 0), hm)
    locks(img, hm, [(p, rng.uniform(10, 20), rng.uniform(0.25, 0.45)) for p in paths[::2]], hair_sh)
    locks(img, hm, [(p, rng.uniform(8, 16), rng.uniform(0.35, 0.6)) for p in paths[1::3]], hair_hi)
    locks(img, hm, [(p, rng.uniform(3, 6), rng.uniform(0.3, 0.5)) for p in paths[::3]], hair_dk)
    locks(img, hm, [(p, rng.uniform(2, 4), rng.uniform(0.4, 0.7)) for p in paths[2::4]], "#f6f4ef")
    paint(img, lambda p: p.shape([(70, 240), (200, 300), (200, 600), (120, 600), (108, 380)]), hair_sh, 24, 0.55, hm)
    paint(img, lambda p: [p.oval(s * 140, 540, 34, 22) for s in (-1, 1)], hair_sh, 12, 0.5, hm)
    paint(img, lambda p: p.oval(-64, 246, 64, 30), hair_hi, 16, 0.55, hm)
    # A few loose locks breaking the outline.
    wisps = []
    for i in range(14):
        side = 1 if i % 2 else -1
        a0 = rng.uniform(-100, -70) if side > 0 else rng.uniform(-110, -80)
        a1 = rng.uniform(-30, 25) if side > 0 else rng.uniform(-205, -150)
        wisps.append(arc_path(rng.uniform(-3, 3), 402, rng.uniform(168, 180), rng.uniform(212, 222), a0, a1))
    wm = Image.new("L", size, 0)
    wpen = Pen(wm)
    for w_ in wisps:
        wpen.taper(w_, (0.5, rng.uniform(2.5, 5), 0.3), fill=int(255 * rng.uniform(0.5, 0.8)))
    img.paste(rgb(mix(hair_c, hair_hi, 0.4)), (0, 0), wm)
    # The hair's soft shadow on the forehead and cheeks.
    cast_shadow(img, hm, fm, 9, 6, sp["skin_shadow"], 0.5)
    return finish(img, (PW, PH))


def paint_portrait_malhotra() -> Image.Image:
    """Dev Malhotra at the Ashby Marsh: short dark hair, trimmed beard, navy field jacket over a shirt."""
    rng = random.Random(2020)
    img = marsh_backdrop(rng)
    size = img.size
    pen = Pen(img)
    sp = dict(
        seed=2023,
        face=[(0, 264), (62, 270), (102, 300), (119, 360), (123, 430), (120, 495), (106, 548), (76, 588),
              (38, 610), (0, 616), (-38, 610), (-76, 588), (-106, 548), (-120, 495), (-123, 430), (-119, 360),
              (-102, 300), (-62, 270)],
        neck=[(-70, 530), (70, 530), (76, 640), (60, 694), (0, 752), (-60, 694), (-76, 640)],
        ear=[(116, 398), (131, 388), (144, 404), (144, 440), (137, 478), (122, 500), (114, 480)],
        eye_y=432, eye_x=55, brow_y=398, brow_arch=4, nose_y=510, nose_w=27, mouth_y=555, mouth_w=41,
        lip_up_h=8, lip_low_h=12, smile=4, crease=10, gaze=-1, eye_open=0.85, iris_r=9.8, lid_w=(1.2, 3.0, 3.8),
        skin="#b97f57", skin_shadow="#93603f", skin_deep="#774a31", skin_light="#d7a17a", blush="#b0654a",
        blush_amt=0.18, eye_white="#ebe1d8", iris="#3a271d", lash="#1f1612", brow="#2a1f1a",
        brow_hair="#1a1310", brow_w=(3.4, 7.2, 3.0), nose_line="#7d4e35", nostril="#4a2a1e",
        lip_up="#86503f", lip_low="#a0614f", lip_hi="#c08472", lip_line="#4a2820", age=False, hollow=0.3,
        body=[(-414, 1160), (-408, 1000), (-392, 900), (-364, 828), (-318, 786), (-238, 754), (-156, 724),
              (-76, 694), (76, 694), (156, 724), (238, 754), (318, 786), (364, 828), (392, 900), (408, 1000),
              (414, 1160)],
        seam_x=294, coat="#2c4a5f", coat_shadow="#172a38", coat_light="#557b92", sheen=0.35,
    )
    clip = shoulders(img, sp)
    for s in (-1, 1):
        # Chest pocket with a buttoned flap.
        pk = [(s * 124, 950), (s * 276, 950), (s * 276, 1160), (s * 124, 1160)]
        paint(img, lambda p: p.shape(pk, smooth=False), sp["coat_shadow"], 0, 0.18, clip)
        flap = [(s * 118, 938), (s * 282, 938), (s * 282, 982), (s * 200, 996), (s * 118, 982)]
        paint(img, lambda p: p.shape([(x, y + 6) for x, y in flap], smooth=False), sp["coat_shadow"], 3, 0.6, clip)
        pen.shape(flap, fill=rgb(mix(sp["coat"], sp["coat_light"], 0.12 if s < 0 else 0.0)), smooth=False)
        for pts in ([(s * 126, 946), (s * 274, 946)], [(s * 126, 976), (s * 200, 988), (s * 274, 976)],
                    [(s * 132, 990), (s * 132, 1160)], [(s * 268, 990), (s * 268, 1160)]):
            pen.taper(pts, (1.4, 1.4, 1.4), fill=rgba("#8fb0c2", 0.45))
        pen.oval(s * 200, 976, 7, 7, fill=rgb("#1c2a33"))
        pen.oval(s * 198, 974, 2.5, 2.5, fill=rgba("#6f8796", 0.8))
    # Shirt in the open neck.
    shirt, shirt_sh = "#e8dcc5", "#b9aa8f"
    vee = [(-96, 680), (96, 680), (50, 860), (0, 902), (-50, 860)]
    pen.shape(vee, fill=rgb(shirt))
    paint(img, lambda p: p.oval(20, 760, 80, 60), shirt_sh, 16, 0.7, pmask(size, lambda p: p.shape(vee)))
    fm, nm = model_face(img, sp)
    # Shirt collar, then the jacket collar over it.
    for s in (-1, 1):
        sc = [(s * x, y) for x, y in [(70, 628), (98, 672), (110, 730), (70, 792), (40, 752), (60, 700)]]
        pen.shape(sc, fill=rgb(shirt if s < 0 else mix(shirt, shirt_sh, 0.45)))
        pen.taper([(s * 60, 700), (s * 40, 752), (s * 70, 792)], (1.2, 1.6, 1.2), fill=rgba(shirt_sh, 0.9))
        jc = [(s * x, y) for x, y in [(90, 624), (124, 674), (172, 736), (140, 800), (98, 884), (76, 820), (96, 720)]]
        pen.shape(jc, fill=rgb(mix(sp["coat"], sp["coat_shadow"], 0.25 if s < 0 else 0.55)))
        jm = pmask(size, lambda p: p.shape(jc))
        paint(img, lambda p: p.stroke([(s * 170, 738), (s * 140, 802), (s * 98, 884)], 10), sp["coat_shadow"], 3, 0.6,
              jm)
        pen.taper([(s * 172, 738), (s * 140, 802), (s * 98, 884), (s * 50, 900), (s * 10, 912)], (2, 3, 1.5),
                  fill=rgba(sp["coat_shadow"], 0.9))
    pen.taper([(6, 908), (10, 1000), (12, 1160)], (3, 3, 3), fill=rgba(sp["coat_shadow"], 0.9))
    # Short trimmed beard following the jaw; it shades the neck below.
    beard_out = [(-123, 440), (-126, 492), (-116, 548), (-92, 590), (-56, 618), (0, 630), (56, 618), (92, 590),
                 (116, 548), (126, 492), (123, 440)]
    beard_in = [(112, 442), (108, 482), (96, 514), (74, 534), (54, 542), (44, 532), (26, 526), (0, 527),
                (-26, 526), (-44, 532), (-54, 542), (-74, 534), (-96, 514), (-108, 482), (-112, 442)]
    paint(img, lambda p: p.shape([(x, y + 22) for x, y in beard_out] + [(60, 600), (-60, 600)]), sp["skin_deep"], 8,
          0.7, nm)
    paint(img, lambda p: p.shape([(x * 1.02, y - 16) for x, y in beard_in[1:-1]] + beard_in[-2:0:-1]), "#5e3a28", 5,
          0.35, fm)
    bm = pmask(size, lambda p: p.shape(beard_out + beard_in), 1.8)
    img.paste(rgb("#2b201b"), (0, 0), bm.point(lambda v: int(v * 0.88)))
    paint(img, lambda p: p.oval(84, 570, 60, 80), "#120c09", 18, 0.5, bm)
    paint(img, lambda p: p.oval(-62, 566, 46, 36), "#5a4536", 16, 0.4, bm)

    def beard_area(r):
        return r.uniform(-130, 130), r.uniform(436, 640)

    bristles(img, rng, bm.filter(ImageFilter.MaxFilter(9)), 1500, beard_area,
             lambda x, y: math.pi / 2 - 0.7 * x / 130, (4, 10),
             ["#0f0a08", "#4d3b2f", "#6b5646"], width=(0.8, 1.4), alpha=(0.35, 0.7))
    face_features(img, sp, ImageChops.subtract(fm, bm))
    # Moustache over the top of the upper lip.
    must = [(-50, 550), (-36, 535), (-14, 527), (0, 530), (14, 527), (36, 535), (50, 550), (30, 546), (0, 548),
            (-30, 546)]
    mm = pmask(size, lambda p: p.shape(must), 1.0)
    img.paste(rgb("#271c17"), (0, 0), mm.point(lambda v: int(v * 0.9)))
    bristles(img, rng, mm, 220, lambda r: (r.uniform(-48, 48), r.uniform(527, 544)),
             lambda x, y: math.pi / 2 + 0.9 * x / 48, (5, 10), ["#0f0a08", "#4d3b2f"], alpha=(0.4, 0.7))
    # Short dark hair: close at the sides, fuller on top, brushed from a parting on his right.
    hair = [(-117, 446), (-124, 400), (-129, 340), (-129, 286), (-115, 242), (-86, 212), (-42, 197), (10, 193),
            (60, 198), (100, 216), (125, 250), (134, 298), (132, 350), (126, 400), (119, 446), (115, 446),
            (113, 392), (108, 344), (100, 314), (78, 302), (40, 301), (0, 304), (-40, 301), (-78, 302),
            (-100, 314), (-108, 344), (-113, 392), (-114, 446)]

    def flow(x, y):
        """Direction the hair is brushed at (x, y): away from the parting, then down the sides."""
        if x >= -50:
            return math.radians(-8 + 80 * min(1.0, (x + 50) / 185) ** 1.6 + 10 * max(0.0, (y - 300) / 60))
        return math.radians(188 - 80 * min(1.0, (-50 - x) / 80) ** 1.3)

    tufts = []
    for _ in range(26):
        x0 = rng.uniform(-110, 120)
        y0 = 214 + 0.0022 * (x0 + 5) ** 2 + rng.uniform(-4, 6)
        a = flow(x0, y0) - 0.25
        tufts.append([(x0, y0 + 6), (x0 + math.cos(a) * 14, y0 + math.sin(a) * 14 - 4),
                      (x0 + math.cos(a) * 28, y0 + math.sin(a) * 28 - 6)])

    def hair_shape(p):
        p.shape(hair)
        for t in tufts:
            p.taper(t, (10, 8, 1))

    hm = pmask(size, hair_shape, 0.7)
    img.paste(rgb("#231a16"), (0, 0), hm)
    sides = pmask(size, lambda p: [p.oval(s * 124, 392, 16, 66) for s in (-1, 1)], 8)
    img.paste(rgb(mix("#3b2d25", sp["skin"], 0.25)), (0, 0),
              ImageChops.multiply(hm, sides).point(lambda v: int(v * 0.7)))
    paint(img, lambda p: p.shape([(60, 230), (180, 300), (180, 460), (100, 460), (96, 330)]), "#0e0a08", 18, 0.5, hm)
    paint(img, lambda p: p.oval(-40, 226, 70, 26), "#6d5748", 14, 0.5, hm)
    short = {"#0c0807": [], "#4e3d32": [], "#7a6251": []}
    for _ in range(700):
        x, y = rng.uniform(-130, 135), rng.uniform(192, 330)
        pts = [(x, y)]
        ln = rng.uniform(16, 38)
        for _ in range(3):
            a = flow(x, y) + rng.gauss(0, 0.08)
            x, y = x + math.cos(a) * ln / 3, y + math.sin(a) * ln / 3
            pts.append((x, y))
        lit = (pts[0][1] < 250) and (pts[0][0] < 60)
        key = "#7a6251" if lit and rng.random() < 0.35 else ("#4e3d32" if rng.random() < 0.45 else "#0c0807")
        short[key].append((pts, rng.uniform(2.5, 6) if key != "#7a6251" else rng.uniform(1.6, 3.2),
                           rng.uniform(0.35, 0.7)))
    for col, strokes in short.items():
        locks(img, hm, strokes, col)
    bristles(img, rng, ImageChops.multiply(hm, sides), 500, lambda r: (r.choice((-1, 1)) * r.uniform(108, 134),
                                                                         r.uniform(300, 446)),
             lambda x, y: math.pi / 2 - 0.3 * (1 if x > 0 else -1), (4, 8), ["#0f0a08", "#6b5646"],
             width=(0.8, 1.3), alpha=(0.3, 0.6))
    cast_shadow(img, hm, fm, 8, 5, sp["skin_shadow"], 0.45)
    return finish(img, (PW, PH))


PHOTOS = {
    "cover.jpg": paint_cover,
    "quay-1890.jpg": paint_quay_1890,
    "promenade.jpg": paint_promenade,
    "promenade-tall.jpg": paint_promenade_tall,
    "bonded-stores.jpg": paint_bonded_stores,
    "marsh.jpg": paint_marsh,
    "portrait-abernethy.jpg": paint_portrait_abernethy,
    "portrait-malhotra.jpg": paint_portrait_malhotra,
}
# JPEG quality where it differs from the default of 80.
QUALITY = {"portrait-abernethy.jpg": 82, "portrait-malhotra.jpg": 82}
# PHOTOS-END


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="file names to (re)generate")
    args = parser.parse_args(argv)
    ASSETS.mkdir(parents=True, exist_ok=True)
    wanted = set(args.only or [])
    for name, fn in SVGS.items():
        if wanted and name not in wanted:
            continue
        (ASSETS / name).write_text(fn(), encoding="utf-8", newline="\n")
        print(f"{name:24s} {(ASSETS / name).stat().st_size:>8,d} bytes")
    for name, fn in PHOTOS.items():
        if wanted and name not in wanted:
            continue
        img = fn()
        img.save(ASSETS / name, "JPEG", quality=QUALITY.get(name, 80), optimize=True, progressive=False)
        print(f"{name:24s} {(ASSETS / name).stat().st_size:>8,d} bytes  {img.size[0]}x{img.size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

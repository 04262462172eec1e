"""Generate the original images of the sample publication (Kesteven Bay, fictional).

    python tools/make_images.py [--only NAME ...]

Pure Python + Pillow. Every image is drawn from code with fixed random seeds,
so running the script again gives byte-identical files in content/assets/:

* SVG (hand-written markup): map-harbour, chart-tonnage, chart-residents,
  chart-investment, signature, logo. Labels use "Barlow Condensed", which the
  PDF build loads with @font-face; only plain SVG elements are used so that
  WeasyPrint's SVG renderer draws them faithfully.
* JPEG (painted with Pillow, drawn at 2x and downsampled): cover, quay-1890,
  promenade, bonded-stores, marsh.

All numbers come from the fact sheet of the sample publication; the split of
the investment by phase and the yearly tonnage curve are invented to match its
totals (EUR 1.14 bn, 38 % public; peak 4.1 Mt in 1957).
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
FONT = "Barlow Condensed, sans-serif"


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


# Investment by phase, EUR million (invented split; totals match the fact sheet:
# 1,140 in all, 433 public = 38 %, 707 private = 62 %).
INVESTMENT = [("Phase 1", "2008–2013", 122, 118), ("Phase 2", "2014–2020", 126, 234),
              ("Phase 3", "2021–2026", 185, 355)]


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
            lab_pub = f"{thousands(pub)}  ·  {round(100 * pub / (pub + pri))} %"
            lab_pri = f"{thousands(pri)}  ·  {round(100 * pri / (pub + pri))} %"
        else:
            lab_pub, lab_pri = thousands(pub), thousands(pri)
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
    W, H = 1200, 900
    rng = random.Random(2006)
    b = [f'<rect x="0" y="0" width="{W}" height="{H}" fill="{WATER}"/>']

    # Deeper channel of the River Ashby.
    channel = [(1200, 470), (900, 478), (640, 486), (420, 500), (250, 540), (120, 610),
               (0, 640), (0, 700), (130, 672), (270, 604), (440, 558), (660, 540), (900, 528),
               (1200, 522)]
    b.append(f'<path d="{smooth_path(channel, closed=True)}" fill="{WATER_DEEP}"/>')

    # North bank: city, North Quay, Old Dock.
    north = [(0, 0), (1200, 0), (1200, 380), (1120, 380), (1120, 392), (960, 392),
             (960, 380),
             # Old Dock entrance (lock) at x 700-740
             (742, 380), (742, 352), (880, 352), (880, 236), (612, 236), (612, 352), (700, 352),
             (700, 380),
             (470, 380), (470, 370), (420, 370)]
    coast_w = [(420, 370), (380, 346), (330, 322), (262, 300), (200, 292), (140, 270),
               (80, 262), (30, 246), (0, 240)]
    d = "M" + " L".join(f"{f(x)},{f(y)}" for x, y in north)
    d += " " + smooth_path(coast_w)[smooth_path(coast_w).index("C"):] + " Z"
    b.append(f'<path d="{d}" fill="{LAND}"/>')

    # South bank: South Basin, Ashby Marsh.
    south = [(1200, 900), (0, 900), (0, 790)]
    coast_s = [(0, 790), (60, 770), (130, 736), (210, 700), (300, 668), (390, 642), (470, 626),
               (540, 616)]
    d = "M" + " L".join(f"{f(x)},{f(y)}" for x, y in south)
    sp = smooth_path(coast_s)
    d += " " + sp[sp.index("C"):]
    quay_s = [(590, 608), (680, 604), (680, 700), (960, 700), (960, 604), (1200, 604)]
    d += " L" + " L".join(f"{f(x)},{f(y)}" for x, y in quay_s) + " Z"
    b.append(f'<path d="{d}" fill="{LAND}"/>')

    # City blocks on the north bank (grid of streets).
    blocks = []
    for row, (ya, yb) in enumerate([(18, 70), (86, 138)]):
        x = 8 + (row * 37) % 60
        while x < 1190:
            wdt = rng.choice([70, 84, 96, 110])
            blocks.append((x, ya, min(x + wdt, 1192), yb))
            x += wdt + 16
    # Bonded Stores: 11 listed warehouses around the Old Dock.
    bonded = []
    for i in range(7):
        bonded.append((616 + i * 38, 172, 616 + i * 38 + 30, 220))
    for i in range(4):
        bonded.append((896, 244 + i * 30, 944, 244 + i * 30 + 22))
    # Other north-bank buildings (new homes of phase 1, west of the dock).
    homes_n = [(430, 300, 470, 334), (482, 300, 530, 334), (542, 300, 592, 334),
               (480, 250, 530, 284), (542, 250, 592, 284), (430, 250, 470, 284),
               (330, 262, 372, 290), (384, 260, 416, 294),
               (960, 244, 1020, 288), (1034, 244, 1100, 288), (1114, 244, 1190, 288),
               (960, 302, 1020, 346), (1034, 302, 1100, 346), (1114, 302, 1190, 346),
               (200, 200, 260, 240), (272, 200, 330, 240), (130, 200, 188, 236),
               (342, 196, 400, 236), (412, 196, 470, 236), (482, 196, 540, 236)]
    b.append(f'<g fill="{BLOCK}">' + "".join(
        f'<rect x="{a}" y="{c}" width="{z - a}" height="{e - c}"/>' for a, c, z, e in blocks)
        + "</g>")
    b.append('<g fill="#d8c6a6">' + "".join(
        f'<rect x="{a}" y="{c}" width="{z - a}" height="{e - c}"/>' for a, c, z, e in homes_n)
        + "</g>")
    b.append(f'<g fill="#c9744f" stroke="#a85a3a" stroke-width="1">' + "".join(
        f'<rect x="{a}" y="{c}" width="{z - a}" height="{e - c}"/>' for a, c, z, e in bonded)
        + "</g>")

    # South Basin housing (phase 3).
    homes_s = []
    for r, y in enumerate([718, 770, 822]):
        for i in range(6):
            x = 690 + i * 46 + (r % 2) * 10
            homes_s.append((x, y, x + 36, y + 38))
    for i in range(3):
        homes_s += [(980 + i * 72, 624, 1040 + i * 72, 664), (980 + i * 72, 680, 1040 + i * 72, 720)]
    for i in range(4):
        homes_s.append((600, 630 + i * 52, 660, 670 + i * 52))
    homes_s += [(980, 740, 1190, 760)]
    b.append('<g fill="#d8c6a6">' + "".join(
        f'<rect x="{a}" y="{c}" width="{z - a}" height="{e - c}"/>' for a, c, z, e in homes_s)
        + "</g>")

    # Ashby Marsh: green-grey marsh with creeks and tufts.
    marsh = [(0, 790), (60, 770), (130, 736), (210, 700), (300, 668), (390, 642), (470, 626),
             (540, 616), (560, 680), (520, 760), (470, 830), (380, 880), (240, 900), (0, 900)]
    b.append(f'<path d="{smooth_path(marsh, closed=True)}" fill="#dfe6d0"/>')
    creeks = [[(130, 740), (180, 770), (170, 810), (230, 840), (260, 900)],
              [(300, 672), (330, 710), (300, 750), (350, 790), (340, 840)],
              [(420, 636), (440, 680), (410, 720), (460, 760)]]
    for c in creeks:
        b.append(f'<path d="{smooth_path(c)}" fill="none" stroke="{WATER}" stroke-width="7" '
                 f'stroke-linecap="round"/>')
    tufts = []
    for _ in range(190):
        x, y = rng.uniform(20, 540), rng.uniform(640, 890)
        # keep inside the marsh roughly (above the diagonal edge on the left)
        if y < 790 - x * 0.33 or y > 880 - (x - 240) * 0.55 and x > 240:
            continue
        if 170 < x < 392 and 806 < y < 874:      # keep the label clear
            continue
        tufts.append(f"M{f(x - 5)},{f(y)} h10 M{f(x - 3)},{f(y)} v-4 M{f(x)},{f(y)} v-6 "
                     f"M{f(x + 3)},{f(y)} v-4")
    b.append(f'<path d="{" ".join(tufts)}" fill="none" stroke="#8aa17c" stroke-width="1.3" '
             f'stroke-linecap="round"/>')
    boardwalk = [(548, 650), (500, 700), (430, 716), (372, 760), (300, 790), (220, 806)]
    b.append(f'<path d="{smooth_path(boardwalk)}" fill="none" stroke="#a0835e" stroke-width="4" '
             f'stroke-dasharray="2 3"/>')

    # Streets.
    roads = [[(0, 160), (1200, 160)], [(0, 78), (1200, 78)], [(600, 160), (600, 380)],
             [(1108, 160), (1108, 380)], [(318, 160), (318, 310)]]
    b.append(f'<g stroke="{ROAD}" stroke-width="7" stroke-linecap="round" fill="none">'
             + "".join(f'<polyline points="{pts(r)}"/>' for r in roads) + "</g>")
    b.append(f'<polyline points="{pts([(0, 160), (1200, 160)])}" stroke="#e9dcc3" '
             f'stroke-width="1" fill="none"/>')
    roads_s = [[(670, 712), (970, 712)], [(600, 900), (600, 608)], [(972, 604), (972, 900)],
               [(670, 764), (970, 764)], [(670, 816), (970, 816)]]
    b.append(f'<g stroke="{ROAD}" stroke-width="6" stroke-linecap="round" fill="none">'
             + "".join(f'<polyline points="{pts(r)}"/>' for r in roads_s) + "</g>")

    # Quay edges (public waterfront) in teal.
    quays = [[(420, 370), (470, 370), (470, 380), (700, 380)],
             [(742, 380), (960, 380), (960, 392), (1120, 392), (1120, 380), (1200, 380)],
             [(612, 352), (612, 236), (880, 236), (880, 352)],
             [(590, 608), (680, 604), (680, 700), (960, 700), (960, 604), (1200, 604)]]
    b.append(f'<g stroke="{TEAL}" stroke-width="4" fill="none" stroke-linejoin="round">'
             + "".join(f'<polyline points="{pts(q)}"/>' for q in quays) + "</g>")
    # Old Dock lock gates.
    b.append(f'<line x1="700" y1="372" x2="742" y2="372" stroke="{NAVY}" stroke-width="3"/>')
    b.append(f'<line x1="700" y1="358" x2="742" y2="358" stroke="{NAVY}" stroke-width="3"/>')
    # Boatyard slipways and pontoons in the Old Dock.
    b.append(f'<g fill="#ffffff" stroke="{NAVY}" stroke-width="1">'
             '<rect x="640" y="300" width="4" height="48"/><rect x="660" y="300" width="4" height="48"/>'
             '<rect x="800" y="292" width="70" height="5"/><rect x="800" y="320" width="70" height="5"/>'
             '</g>')

    # Ferry terminal pier and ferry route.
    b.append(f'<path d="M404,360 L370,420 L382,426 L416,366 Z" fill="#ffffff" stroke="{NAVY}" '
             f'stroke-width="1.5"/>')
    b.append(f'<rect x="356" y="416" width="40" height="18" fill="{NAVY}" transform="rotate(30 376 425)"/>')
    ferry = [(366, 440), (300, 500), (200, 520), (60, 520), (-10, 520)]
    b.append(f'<path d="{smooth_path(ferry)}" fill="none" stroke="{NAVY}" stroke-width="2" '
             f'stroke-dasharray="10 6"/>')

    # Ashby flood barrier across the estuary mouth.
    bx = [(266, 296), (254, 438), (242, 560), (232, 684)]
    b.append(f'<polyline points="{pts(bx)}" fill="none" stroke="{NAVY}" stroke-width="5"/>')
    for x, y in bx:
        b.append(f'<rect x="{f(x - 8)}" y="{f(y - 8)}" width="16" height="16" fill="{NAVY}"/>')
    for t in (0.28, 0.72):
        x = 254 + (242 - 254) * t
        y = 438 + (560 - 438) * t
        b.append(f'<circle cx="{f(x)}" cy="{f(y)}" r="6" fill="{NAVY}"/>')

    # Planned Swing Bridge (2029).
    b.append(f'<line x1="1060" y1="392" x2="1060" y2="604" stroke="{NAVY}" stroke-width="4" '
             f'stroke-dasharray="3 5" stroke-linecap="round"/>')

    # Tram line 4.
    tram = [(1000, 0), (1000, 140), (980, 160), (612, 160), (600, 172), (600, 350),
            (588, 362), (450, 362), (432, 352)]
    b.append(f'<polyline points="{pts(tram)}" fill="none" stroke="{CORAL}" stroke-width="5" '
             f'stroke-dasharray="14 7" stroke-linejoin="round"/>')
    stops = [(900, 160, "Bonded Stores"), (600, 260, "Old Dock"), (530, 362, "North Quay"),
             (440, 357, "Ferry Terminal")]
    for x, y, _ in stops:
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

    # Water names.
    b.append(label(800, 466, "RIVER ASHBY", 24, 500, "#5c8594", "middle", "6", True))
    b.append(label(36, 404, "KESTEVEN", 26, 500, "#5c8594", "start", "6", True))
    b.append(label(36, 434, "BAY", 26, 500, "#5c8594", "start", "6", True))
    b.append(label(746, 306, "OLD", 18, 700, "#5c8594", "middle", "3"))
    b.append(label(746, 326, "DOCK", 18, 700, "#5c8594", "middle", "3"))
    b.append(label(820, 660, "SOUTH BASIN", 22, 700, NAVY, "middle", "2"))

    # Districts.
    b.append(label(958, 226, "BONDED STORES", 22, 700, "#a34a2c", "start", "2"))
    b.append(label(840, 404 + 18, "NORTH QUAY", 22, 700, NAVY, "start", "2"))
    b.append(label(280, 838, "ASHBY MARSH", 24, 700, "#4f6b45", "middle", "2"))
    b.append(label(280, 860, "incl. 2 ha of new salt marsh", 16, 500, "#4f6b45", "middle", "0"))
    b.append(label(150, 60, "CITY CENTRE", 22, 700, "#8a7b63", "start", "3"))
    b.append(label(820, 880, "SOUTH BASIN HOMES", 16, 600, MUTED, "middle", "1.5"))

    # Features.
    b.append(label(392, 462, "Ferry terminal", 17, 600, NAVY, "start", "0.3"))
    b.append(label(392, 480, "opened 2025", 15, 500, MUTED, "start", "0"))
    b.append(label(262, 610, "Ashby flood", 17, 600, NAVY, "start", "0.3"))
    b.append(label(262, 628, "barrier (2024)", 17, 600, NAVY, "start", "0.3"))
    b.append(label(1068, 470, "Swing Bridge", 17, 600, NAVY, "start", "0.3"))
    b.append(label(1068, 488, "planned 2029", 15, 500, MUTED, "start", "0"))
    b.append(label(628, 284, "Boatyard", 14, 600, NAVY, "start", "0.3"))
    b.append(label(500, 410, "Harbour Steps", 15, 600, NAVY, "start", "0.3"))
    b.append(f'<g fill="{NAVY}"><rect x="486" y="382" width="6" height="3"/>'
             '<rect x="486" y="387" width="6" height="3"/><rect x="486" y="392" width="6" height="3"/>'
             '</g>')

    # Tram stop labels (white halo so they read over streets and blocks).
    b.append(label(900, 146, "Bonded Stores", 16, 600, CORAL, "middle", "0.3", with_halo=True))
    b.append(label(588, 265, "Old Dock", 16, 600, CORAL, "end", "0.3", with_halo=True))
    b.append(label(530, 345, "North Quay", 16, 600, CORAL, "middle", "0.3", with_halo=True))
    b.append(label(432, 336, "Ferry Terminal", 16, 600, CORAL, "end", "0.3", with_halo=True))
    b.append(label(1010, 24, "to city centre", 15, 500, CORAL, "start", "0.3", with_halo=True))
    b.append(label(12, 546, "to Holm Point (9 km)", 15, 500, NAVY, "start", "0.3"))

    # North arrow.
    nx, ny = 1146, 90
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
    b.append(label(lx + 62, yy, "Ferry route", 15, 500, INK, "start", "0"))
    # Scale bar: 800 map units = 1 km, so 100 m = 80 units.
    yy += 16
    sx = lx + 14
    b.append(f'<rect x="{sx}" y="{yy}" width="80" height="6" fill="{NAVY}"/>')
    b.append(f'<rect x="{sx + 80}" y="{yy}" width="80" height="6" fill="#ffffff"/>')
    b.append(f'<rect x="{sx}" y="{yy}" width="160" height="6" fill="none" stroke="{NAVY}" stroke-width="1"/>')
    for i, lab in enumerate(("0", "100", "200 m")):
        b.append(label(sx + 80 * i, yy + 24, lab, 14, 600, INK, "middle", "0"))
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


def signature() -> str:
    W, H = 420, 150
    base = 96
    ink = "#1c2d4f"
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
        body.append(f'<path d="{d}" fill="none" stroke="{ink}" stroke-width="2.6" '
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
    b.append(text(110, 80, "HARBOUR TRUST", 40, 800, "#ffffff", "start", "1.5"))
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
PHOTOS: dict = {}
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
        img.save(ASSETS / name, "JPEG", quality=80, optimize=True, progressive=False)
        print(f"{name:24s} {(ASSETS / name).stat().st_size:>8,d} bytes  {img.size[0]}x{img.size[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

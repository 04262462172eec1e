"""Footnotes on the page of their call: WeasyPrint 70's footnote-area check, without float noise.

When a footnote is added to a page, WeasyPrint lays out the footnote area and
reports an overflow if the last note's bottom lies below the area's bottom
(``LayoutContext._update_footnote_area``). The two sides are the same sum
added up in another order, so with a top margin, border and padding on
``@footnote`` they can differ in the last bit, and the note is moved to the
next page although it fits — on every page (the theme's 4 mm + 0.4 pt + 2 mm
did it). :func:`install` keeps WeasyPrint's result but re-checks a reported
overflow with a tolerance of a thousandth of a pixel.
"""

from __future__ import annotations

from math import inf

from weasyprint import layout as weasyprint_layout
from weasyprint.formatting_structure import build as weasyprint_build
from weasyprint.layout.block import block_level_layout

TOLERANCE = 1e-3  # px: far below anything drawn, far above float noise
ORIGINAL = getattr(weasyprint_layout.LayoutContext._update_footnote_area, "original",
                   weasyprint_layout.LayoutContext._update_footnote_area)


def install() -> None:
    """Route WeasyPrint's footnote-area update through :func:`_update_footnote_area` (idempotent)."""
    _update_footnote_area.original = ORIGINAL
    weasyprint_layout.LayoutContext._update_footnote_area = _update_footnote_area


def _update_footnote_area(context) -> bool:
    """WeasyPrint's update; an overflow it reports stands only if it is more than noise."""
    overflow = ORIGINAL(context)
    if not overflow or not context.current_page_footnotes:
        return overflow
    return _overflow(context) > TOLERANCE


def _overflow(context) -> float:
    """How far (px) the last footnote's bottom passes the bottom of the footnote area."""
    template = context.current_footnote_area
    area = block_level_layout(context, weasyprint_build.create_anonymous_boxes(template.deepcopy()),
                              -inf, None, template.page)[0]
    last = area.children[-1]
    last_bottom = last.position_y + last.margin_height() - last.margin_bottom
    area_bottom = area.position_y + area.margin_height() - area.margin_bottom
    return last_bottom - area_bottom

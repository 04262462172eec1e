"""Page flow by picture sizing: the layout is measured, pictures are resized, pages laid out again.

CSS cannot float a picture to the next page and let the text run on, nor
know how much room a section's last page needs; so two defects a designer
fixes by resizing pictures are fixed here the same way, from the measured
pages of a first layout:

- a figure pushed to the next page that leaves its page :data:`GAP` or more
  empty is shrunk to fit that gap;
- a section whose last page holds less than :data:`SHORT_END` of a page
  (a line or two) gets the pictures of its previous pages shrunk by what that
  last page holds, so the section ends a page earlier.

A picture is never made smaller than :data:`MIN_SCALE` of its height; what
cannot be fixed so is left to preflight (``pageflow``), which reports it.
The result is CSS: one ``max-height`` per figure id, applied by a second
layout. :func:`fit_css` is empty when nothing needs fixing (no second pass).
"""

from __future__ import annotations

from dataclasses import dataclass

from weasyprint.formatting_structure import boxes

PX_PER_MM = 96 / 25.4
GAP = 0.25        # of the page height, left empty above the fold by a pushed figure
SHORT_END = 0.15  # of the page height: a section's last page holding less looks left behind
MIN_SCALE = 0.6   # a picture keeps at least this share of its height
SAFETY = 2 * PX_PER_MM  # rounding and line-box slack


@dataclass(frozen=True)
class Shrink:
    """One figure's picture limited to *height_px* (CSS px) high."""

    figure_id: str
    height_px: float


@dataclass(frozen=True)
class PageFacts:
    """What the fitting needs of one laid-out page (CSS px, from the page's content top)."""

    used_top: float     # top of the first content, or 0 on an empty page
    used_bottom: float  # bottom of the last content
    limit: float        # bottom of the room for content (above footnotes)
    figures: tuple[tuple[str, float, float, float], ...]  # (id, top, outer height, picture height)
    sections: tuple[str, ...]  # ids of the sections with content on the page
    designed: bool      # an opener, full-page figure, cover, contents or back page


def fit_css(document) -> str:
    """CSS that resizes pictures for a better page flow of *document* ('' if none needed)."""
    facts = [page_facts(page._page_box) for page in document.pages]  # noqa: SLF001
    shrinks = {**_section_ends(facts), **_pushed_figures(facts)}
    return "".join(f"#{figure_id} .figure-frame img {{ max-height: {height:.1f}px; width: auto; "
                   f"margin: 0 auto; }}\n" for figure_id, height in sorted(shrinks.items()))


def _pushed_figures(facts: list[PageFacts]) -> dict[str, float]:
    """A figure at the top of a page whose previous page has room: fit it in that room."""
    out = {}
    for before, page in zip(facts, facts[1:]):
        if not page.figures or set(before.sections) != set(page.sections):
            continue
        figure_id, top, outer, picture = page.figures[0]
        room = before.limit - before.used_bottom
        if top > page.used_top + SAFETY or room < GAP * before.limit:
            continue
        height = picture - (outer - room) - SAFETY
        if height >= MIN_SCALE * picture:
            out[figure_id] = height
    return out


def _section_ends(facts: list[PageFacts]) -> dict[str, float]:
    """A section's last page with a line or two: shrink the pictures of the page before it."""
    out = {}
    for index in range(1, len(facts)):
        last, before = facts[index], facts[index - 1]
        held = last.used_bottom - last.used_top
        if last.designed or not last.sections or held <= 0 or held >= SHORT_END * last.limit:
            continue
        section = last.sections[0]
        if section not in before.sections or (index + 1 < len(facts)
                                              and section in facts[index + 1].sections):
            continue
        needed = held - (before.limit - before.used_bottom) + SAFETY
        spare = sum(picture * (1 - MIN_SCALE) for _, _, _, picture in before.figures)
        if before.figures and 0 < needed <= spare:
            for figure_id, _, _, picture in before.figures:
                out[figure_id] = picture - needed * picture * (1 - MIN_SCALE) / spare
    return out


def page_facts(page) -> PageFacts:
    """Measure one WeasyPrint page box (the flow only; margin boxes and footnotes apart)."""
    origin = page.content_box_y()
    limit = page.height
    footnotes = getattr(page, "footnote_area", None)
    if footnotes is not None and footnotes.children:
        limit = footnotes.position_y - origin
    tops, bottoms, figures, sections, designed = [], [], [], [], False
    for box in _descendants(page.children[0] if page.children else None):
        element = getattr(box, "element", None)
        names = set((element.get("class") or "").split()) if element is not None else set()
        tag = getattr(box, "element_tag", "")
        if tag == "section" and isinstance(box, boxes.BlockBox) and element.get("id"):
            sections.append(element.get("id"))
            designed |= bool(names & {"layout-cover", "layout-toc", "layout-back"})
        if (tag == "header" and "opener" in names) or (tag == "figure" and names & {
                "full-page", "full-bleed"}) or (tag == "div" and {"callout", "closing"} <= names):
            designed = True
        if tag == "figure" and "figure" in names and element.get("id") \
                and isinstance(box, boxes.BlockBox) and not names & {"full-page", "full-bleed"}:
            picture = next((b.height for b in _descendants(box) if isinstance(b, boxes.ReplacedBox)), 0)
            figures.append((element.get("id"), box.position_y - origin, box.margin_height(), picture))
        if isinstance(box, (boxes.LineBox, boxes.ReplacedBox)) and box.height:
            tops.append(box.position_y - origin)
            bottoms.append(box.position_y - origin + box.height)
    return PageFacts(min(tops, default=0), max(bottoms, default=0), limit, tuple(figures),
                     tuple(dict.fromkeys(sections)), designed)


def _descendants(box):
    if box is None:
        return
    for child in getattr(box, "children", ()):
        yield child
        yield from _descendants(child)

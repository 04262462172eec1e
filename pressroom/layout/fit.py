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

- a full-page or full-bleed figure that follows a page left mostly empty
  (a few lines, then the figure's own page) is moved past the paragraphs
  that fill that page, as a page float would be.

A picture is never made smaller than :data:`MIN_SCALE` of its height; what
cannot be fixed so is left to preflight (``pageflow``), which reports it.
The result is a :class:`FitPlan` — one ``max-height`` per figure id and the
figures to move — applied by a second layout; an empty plan means none.
"""

from __future__ import annotations

from dataclasses import dataclass

from weasyprint.formatting_structure import boxes

PX_PER_MM = 96 / 25.4
GAP = 0.25        # of the page height, left empty above the fold by a pushed figure
SHORT_END = 0.15  # of the page height: a section's last page holding less looks left behind
SHORT_PAGE = 0.5  # a page before a page figure holding less than this share is worth filling
MIN_SCALE = 0.6   # a picture keeps at least this share of its height
SAFETY = 2 * PX_PER_MM  # rounding and line-box slack


@dataclass(frozen=True)
class FitPlan:
    """Pictures to resize (figure id → height in CSS px) and figures to move later.

    ``moves`` holds ``(figure id, n)``: the figure goes after the *n* blocks
    that follow it in its section.
    """

    heights: tuple[tuple[str, float], ...] = ()
    moves: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.heights or self.moves)

    @property
    def css(self) -> str:
        return "".join(f"#{figure_id} .figure-frame img {{ max-height: {height:.1f}px; "
                       f"width: auto; margin: 0 auto; }}\n" for figure_id, height in self.heights)

    def apply(self, root) -> None:
        """Move figures in the parsed document *root* (an ElementTree), before layout."""
        parents = {child: parent for parent in root.iter() for child in parent}
        for figure_id, count in self.moves:
            figure = next((e for e in root.iter() if e.get("id") == figure_id), None)
            if figure is None or figure not in parents:
                continue
            parent = parents[figure]
            index = list(parent).index(figure)
            parent.remove(figure)
            parent.insert(min(index + count, len(parent)), figure)


@dataclass(frozen=True)
class PageFacts:
    """What the fitting needs of one laid-out page (CSS px, from the page's content top)."""

    used_top: float     # top of the first content, or 0 on an empty page
    used_bottom: float  # bottom of the last content
    limit: float        # bottom of the room for content (above footnotes)
    figures: tuple[tuple[str, float, float, float], ...]  # (id, top, outer height, picture height)
    sections: tuple[str, ...]  # ids of the sections with content on the page
    designed: bool      # an opener, full-page figure, cover, contents or back page
    page_figure: str = ""  # id of the full-page or full-bleed figure filling the page
    blocks: tuple[float, ...] = ()  # outer heights of the section-body blocks starting here


def fit_plan(document) -> FitPlan:
    """What to resize and move for a better page flow of the laid-out *document*."""
    facts = [page_facts(page._page_box) for page in document.pages]  # noqa: SLF001
    heights = {**_section_ends(facts), **_pushed_figures(facts)}
    return FitPlan(tuple(sorted(heights.items())), _deferred_figures(facts))


def _deferred_figures(facts: list[PageFacts]) -> tuple[tuple[str, int], ...]:
    """A page figure after a page holding a few lines: move it past what fills that page."""
    moves = []
    for index in range(len(facts) - 2):
        before, page, after = facts[index:index + 3]
        if not page.page_figure or before.sections != page.sections \
                or page.sections != after.sections:
            continue
        room = before.limit - before.used_bottom
        if room < (1 - SHORT_PAGE) * before.limit:
            continue
        # As many whole blocks as the room takes: one cut in two would leave
        # its end, and a half-empty page, before the figure.
        filled, count = 0.0, 0
        for height in after.blocks:
            if filled + height > room:
                break
            filled, count = filled + height, count + 1
        if count:
            moves.append((page.page_figure, count))
    return tuple(moves)


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
    flow = list(page.children[0].descendants()) if page.children else []
    lines = [b for b in flow if isinstance(b, (boxes.LineBox, boxes.ReplacedBox)) and b.height]
    sections = [b for b in flow if _tag(b) == "section" and isinstance(b, boxes.BlockBox)]
    page_figures = [b for b in flow if _tag(b) == "figure" and _names(b) & PAGE_FIGURES]
    bodies = [b for b in flow if "section-body" in _names(b) and isinstance(b, boxes.BlockBox)]
    designed = any(_names(b) & {"layout-cover", "layout-toc", "layout-back"} for b in sections) \
        or bool(page_figures) or any(_tag(b) == "header" and "opener" in _names(b) for b in flow) \
        or any({"callout", "closing"} <= _names(b) for b in flow)
    return PageFacts(
        used_top=min((b.position_y - origin for b in lines), default=0),
        used_bottom=max((b.position_y - origin + b.height for b in lines), default=0),
        limit=_limit(page, origin),
        figures=tuple(_figure(b, origin) for b in flow if _resizable(b)),
        sections=tuple(dict.fromkeys(b.element.get("id") for b in sections if b.element.get("id"))),
        designed=designed,
        page_figure=next((b.element.get("id") or "" for b in page_figures), ""),
        blocks=tuple(c.margin_height() for body in bodies[:1] for c in body.children
                     if isinstance(c, boxes.BlockLevelBox)))


PAGE_FIGURES = {"full-page", "full-bleed"}


def _limit(page, origin: float) -> float:
    """Bottom of the room for the flow: the page's content bottom, or the top of its footnotes."""
    for area in page.children[1:]:  # [root, footnote area, note area] once laid out
        if isinstance(area, boxes.FootnoteAreaBox) and area.children:
            return area.position_y - origin
    return page.height


def _resizable(box) -> bool:
    """A picture figure (not a page figure) with an id, as a block."""
    return _tag(box) == "figure" and "figure" in _names(box) and bool(box.element.get("id")) \
        and isinstance(box, boxes.BlockBox) and not _names(box) & PAGE_FIGURES


def _figure(box, origin: float) -> tuple[str, float, float, float]:
    picture = next((b.height for b in box.descendants() if isinstance(b, boxes.ReplacedBox)), 0)
    return box.element.get("id"), box.position_y - origin, box.margin_height(), picture


def _tag(box) -> str:
    return getattr(box, "element_tag", "") or ""


def _names(box) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


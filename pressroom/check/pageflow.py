"""The laid-out pages as boxes, and checks of how the content flows over them.

WeasyPrint gives each page a box tree: the ``<html>`` box holds the page's
flow, margin boxes hold the running heads and folios. The helpers here walk
those trees (for :mod:`preflight` too); the checks find pages left empty or
nearly so, and headings whose last line is one short word.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from weasyprint.formatting_structure import boxes

from .findings import Finding, PreflightInput, Sources
from ..markup.sourcemap import ATTRIBUTE as SOURCE

MIN_FILL = 0.15  # a page whose content covers less of its height looks left behind
LONE_WORD = 8  # a heading's last line of one word this short (or shorter) is a widow
HEADING_TAGS = {"h1", "h2", "h3", "h4"}
TITLE_CLASSES = {"opener-title", "cover-title"}
# Pages drawn by design, however little they hold: (tag, class) of a box on them.
DESIGNED = {("header", "opener"), ("figure", "full-page"), ("figure", "full-bleed"),
            ("section", "layout-cover"), ("section", "layout-toc"), ("section", "layout-back")}
WRAPPERS = {"html", "body", "section"}  # their boxes span the page, whatever it holds


def pages(given: PreflightInput):
    """``(number, page box)`` of every laid-out page, numbered from 1."""
    for number, page in enumerate(given.layout.document.pages, start=1):
        yield number, page._page_box  # noqa: SLF001 - WeasyPrint exposes boxes only here


def classes(box) -> set[str]:
    element = getattr(box, "element", None)
    return set((element.get("class") or "").split()) if element is not None else set()


def walk(box, around: frozenset):
    """Every box below *box* with the classes of its ancestors (boxes have no parent link)."""
    for child in getattr(box, "children", ()):
        child = getattr(child, "_box", child)  # absolutely positioned boxes sit in placeholders
        yield child, around
        yield from walk(child, around | classes(child))


def in_sections(page):
    """Flow boxes of *page* with the id of the ``<section>`` each sits in ('' outside one)."""
    return ((box, section_id) for box, section_id, _ in sourced(page))


def sourced(page):
    """Flow boxes of *page* with their section's id and their source-map stamp.

    The stamp (``data-src``, see :mod:`sourcemap`) is the box's element's own,
    else that of the nearest stamped element around it ('' for none).
    """
    def down(box, section_id: str, stamp: str):
        for child in getattr(box, "children", ()):
            element = getattr(child, "element", None)
            inside, mark = section_id, stamp
            if element is not None:
                if child.element_tag == "section" and element.get("id"):
                    inside = element.get("id")
                mark = element.get(SOURCE) or stamp
            yield child, inside, mark
            yield from down(child, inside, mark)
    if page.children:
        yield from down(page.children[0], "", "")


def flow(page):
    """Boxes of the page's content, without the running heads and folios (margin boxes)."""
    return page.children[0].descendants() if page.children else ()


def check_page_flow(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Empty and underfilled pages, and headings whose last line is one short word."""
    surveyed = survey(given)
    return [*check_empty_pages(surveyed, sources),
            *check_underfilled_pages(surveyed, sources),
            *check_heading_last_words(given, sources)]


@dataclass(frozen=True)
class PageFlow:
    """What one laid-out page holds, as the page-flow checks see it."""

    number: int
    section: str  # id of the section its content belongs to ('' outside one)
    title: str  # that section's title
    shows: bool  # any text or picture in its flow or footnote area
    fill: float  # share of the content height its in-flow blocks cover
    lines: int  # lines of visible text in its flow
    first_text: str  # the first words on it
    ends_section: bool  # it holds the end of its section
    designed: bool  # see :func:`designed`
    breaker: str  # 'pagebreak', 'full-page' or 'full-bleed': what breaks the page after it
    pagebreak: str  # source-map stamp of its last page break ('' for none)
    first_source: str  # stamp of the block its first text comes from
    last_source: str  # stamp of the last stamped block on it


def survey(given: PreflightInput) -> list[PageFlow]:
    """:class:`PageFlow` of every page, in order."""
    titles = {section.id: section.title for section in given.sections}
    surveyed = []
    for number, page in pages(given):
        owned = [(getattr(box, "_box", box), section_id, stamp)
                 for box, section_id, stamp in sourced(page) if section_id]
        section_id = owned[-1][1] if owned else ""
        breaks = [stamp for box, _, stamp in owned
                  if box.element_tag == "div" and "pagebreak" in classes(box)]
        lines = [(_line_text(line).strip(), stamp) for line, stamp in _lines(page)]
        first = next(((text, stamp) for text, stamp in lines if text), ("", ""))
        surveyed.append(PageFlow(
            number, section_id, titles.get(section_id, section_id), _shows_anything(page),
            fill(page), len(lines), first[0][:30],
            any("section-end" in classes(box) for box, _, _ in owned), designed(page),
            _breaker(page), breaks[-1] if breaks else "", first[1],
            next((stamp for _, _, stamp in reversed(owned) if stamp), "")))
    return surveyed


def _visible(box) -> bool:
    """Text or a picture with a size: what a reader sees of a box."""
    if box.style["visibility"] != "visible":
        return False
    if isinstance(box, boxes.TextBox):
        return bool(box.text.strip()) and bool(box.height)
    return isinstance(box, boxes.ReplacedBox) and bool(box.width) and bool(box.height)


def _shows_anything(page) -> bool:
    """Whether the page's flow or footnote area shows text or a picture."""
    return any(_visible(box) for root in page.children if not isinstance(root, boxes.MarginBox)
               for box, _ in walk(root, frozenset()))


def _in_flow(box):
    """Boxes below *box* in normal flow or floated: absolutely placed ones are left out."""
    for child in getattr(box, "children", ()):
        child = getattr(child, "_box", child)
        if child.style["position"] not in ("absolute", "fixed"):
            yield child
            yield from _in_flow(child)


def _lines(page) -> list:
    """``(line box, stamp)`` of the page's flow lines that show text or a picture, top to bottom."""
    stamps = {id(box): stamp for box, _, stamp in sourced(page)}
    return [(box, stamps.get(id(box), ""))
            for box in (_in_flow(page.children[0]) if page.children else ())
            if isinstance(box, boxes.LineBox) and any(map(_visible, box.descendants()))]


def fill(page) -> float:
    """Share of the content area's height from the top of the first in-flow block that
    shows something to the bottom of the last (0 for a page with none)."""
    shown = [box for box in (_in_flow(page.children[0]) if page.children else ())
             if isinstance(box, boxes.BlockLevelBox) and box.element_tag not in WRAPPERS
             and "section-body" not in classes(box) and any(map(_visible, box.descendants()))]
    if not shown or not page.height:
        return 0.0
    top = max(min(box.border_box_y() for box in shown), page.content_box_y())
    bottom = min(max(box.border_box_y() + box.border_height() for box in shown),
                 page.content_box_y() + page.height)
    return max(0.0, bottom - top) / page.height


def designed(page) -> bool:
    """A page laid out as it is by design: an opener, a full-page figure, a cover,
    contents or back page, or a section's designed closing (``.callout.closing``)."""
    for box, _ in walk(page, frozenset()):
        tag, names = box.element_tag, classes(box)
        if any((tag, name) in DESIGNED for name in names) \
                or (tag == "div" and {"callout", "closing"} <= names):
            return True
    return False


def _breaker(page) -> str:
    """What on *page* forces a page break after it: 'pagebreak', 'full-page', 'full-bleed'
    (nothing follows these on their page), or ''."""
    found = ""
    for box in flow(page):
        names = classes(box)
        if box.element_tag == "div" and "pagebreak" in names:
            found = "pagebreak"
        elif box.element_tag == "figure" and names & {"full-page", "full-bleed"}:
            found = min(names & {"full-page", "full-bleed"})
    return found


def _line_text(line) -> str:
    return "".join(box.text for box in line.descendants() if isinstance(box, boxes.TextBox))


def check_empty_pages(surveyed: list[PageFlow], sources: Sources) -> list[Finding]:
    """Pages on which nothing is printed but running heads and folios.

    Blank pages padded in for saddle stitching come after the layout and are
    not seen here. The finding names what broke the page: a page break that
    follows another one, or what ends the section before its end spills over.
    """
    findings = []
    for before, page in zip([None, *surveyed], surveyed):
        if page.shows:
            continue
        message = f"page {page.number} is empty, nothing but running heads and folios"
        where = sources.of(page.last_source, page.section)
        if page.pagebreak:  # its own break: the one before broke the page already
            message += f": a page break in '{page.title}' follows another break — remove it"
            where = sources.of(page.pagebreak, page.section)
        elif before is not None and before.breaker == "pagebreak" and page.ends_section:
            message += f": the page break at the end of '{page.title}' pushes the section's " \
                       "end onto it — remove that break"
            where = sources.of(before.pagebreak, page.section)
        elif before is not None and before.breaker and page.ends_section:
            message += f": '{page.title}' ends with a {before.breaker} figure, which breaks " \
                       "the page after it — place the figure before the section's last text"
        elif page.title:
            message += f": the end of '{page.title}' spills onto it"
        findings.append(Finding("warning", "empty-page", message, page.number, where))
    return findings


def check_underfilled_pages(surveyed: list[PageFlow], sources: Sources) -> list[Finding]:
    """Pages whose content covers less than :data:`MIN_FILL` of their height.

    Designed pages (see :func:`designed`) and empty pages (:func:`check_empty_pages`)
    are left out. The finding names the page break before the page, if one
    broke it, else the line the page's first text comes from.
    """
    findings = []
    for before, page, after in zip([None, *surveyed], surveyed, [*surveyed[1:], None]):
        if page.fill >= MIN_FILL or not page.lines or page.designed:
            continue
        broken = before is not None and before.breaker == "pagebreak"
        where = sources.of(before.pagebreak if broken else page.first_source, page.section)
        findings.append(Finding("warning", "underfilled-page",
                                f"page {page.number} is {page.fill * 100:.0f} % filled: "
                                f"{_underfill_cause(before, page, after)}", page.number, where))
    return findings


def _underfill_cause(before: PageFlow | None, page: PageFlow, after: PageFlow | None) -> str:
    """Why *page* holds so little, and what to do about it."""
    lines = f"{page.lines} line{'s' if page.lines != 1 else ''} of '{page.title}'"
    stand = "stands" if page.lines == 1 else "stand"
    if before is not None and before.breaker == "pagebreak":
        return f"{lines} {stand} after a page break — remove the break or add text"
    if before is not None and before.breaker:
        return (f"{lines} {stand} after the {before.breaker} figure on page {before.number} "
                "— place the figure later, or add text")
    if page.ends_section:
        count = f"{page.lines} line{'s' if page.lines != 1 else ''}"
        return (f"the end of '{page.title}' ({count}) runs onto it — let the section end on "
                f"page {page.number - 1} (cut about {count} or size a figure smaller), or add "
                "text to fill this page")
    if page.breaker == "pagebreak":
        return f"{lines} {stand} before a page break — remove the break or add text"
    if after is not None and after.breaker and after.designed:
        return (f"{lines} {stand} alone before the {after.breaker} figure on page "
                f"{after.number}, which takes a page of its own — move the figure a few "
                "paragraphs later, or add text")
    return (f"{lines} {stand} before a block too tall to follow on this page — shorten or "
            f"split what starts page {page.number + 1}, or add text")


def _headings(page):
    """``(box, section id, stamp)`` of each heading on *page* (its outermost box only)."""
    seen = set()
    for box, section_id, stamp in sourced(page):
        box = getattr(box, "_box", box)
        element = getattr(box, "element", None)
        if not isinstance(box, boxes.BlockBox) or element is None or id(element) in seen:
            continue
        if box.element_tag in HEADING_TAGS or classes(box) & TITLE_CLASSES:
            seen.add(id(element))
            yield box, section_id, stamp


def lone_last_word(lines: list[str]) -> str | None:
    """The last line's word when a heading set on *lines* ends in one short word, else None.

    A heading set one word to a line (a stacked title, a narrow measure) has
    nothing to rebalance and passes.
    """
    lines = [line for line in (line.strip() for line in lines) if line]
    if len(lines) < 2 or len(lines[-1].split()) != 1 or len(lines[-2].split()) < 2:
        return None
    word = lines[-1]
    return word if len(word.strip(string.punctuation + "“”‘’«»…")) <= LONE_WORD else None


def check_heading_last_words(given: PreflightInput, sources: Sources) -> list[Finding]:
    """Headings of two lines or more whose last line is a single short word.

    The cover title comes from ``publication.yml``: its finding has no source line.
    """
    findings = []
    for number, page in pages(given):
        for box, section_id, stamp in _headings(page):
            lines = [_line_text(line) for line in box.descendants()
                     if isinstance(line, boxes.LineBox)]
            word = lone_last_word(lines)
            if word is None:
                continue
            text = " ".join(" ".join(lines).split())
            where = "" if "cover-title" in classes(box) else sources.of(stamp, section_id)
            findings.append(Finding("warning", "heading-last-word",
                                    f"heading '{text}' leaves '{word}' alone on its last line "
                                    "— reword or shorten it so that line holds two words or "
                                    "more", number, where))
    return findings

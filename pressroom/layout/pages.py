"""Stage 5: WeasyPrint lays the HTML document out into pages.

Fonts come from the theme's pip packages, page size/bleed/marks from
``publication.yml``, and every file access goes through :class:`SafeFetcher`.
WeasyPrint's warnings are collected and returned, not just logged.
"""

from __future__ import annotations

import gc

import logging
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import uharfbuzz
import weasyprint
from weasyprint.text.fonts import FontConfiguration

from ..source.config import PageSetup
from ..document.html import HtmlDocument
from ..errors import BuildError
from .fit import FitPlan, fit_plan
from .footnotes import install as install_footnote_check
from .subsetting import install as install_subsetter
from ..source.fetcher import locate_url, located_fetches
from ..source.gate import ReadGate
from ..messages import MACHINE, Finding
from ..source.outputs import OutputProfile
from ..source.values import page_size_mm

UNREADABLE_IMAGE = re.compile(r"Failed to load image at '([^']+)'")
UNDRAWABLE_SVG = re.compile(r"Failed to render SVG image (\S+)")
CSS_PROBLEM = re.compile(r"^(.*?) at (\d+):(\d+)[,:.]?\s*(.*)$", re.DOTALL)


@dataclass(frozen=True)
class LayoutSetup:
    """What the layout needs besides the HTML: geometry, fonts, where files may come from."""

    page: PageSetup
    profile: OutputProfile
    icc: Path | None  # CMYK output intent (print profiles), already checked by the gate
    base_dir: Path
    font_css: str
    fit: FitPlan = FitPlan()  # pictures resized and moved for the page flow, after a first layout


@dataclass(frozen=True)
class Layout:
    """The paginated document and what the layout noticed."""

    document: weasyprint.Document
    html: HtmlDocument
    warnings: tuple[str, ...]
    fit: FitPlan = FitPlan()  # the picture sizes and moves it was laid out with

    @property
    def page_count(self) -> int:
        return len(self.document.pages)

    def single_page_sections(self) -> frozenset[str]:
        """Ids of contents entries whose start and end anchors share a page."""
        first_page: dict[str, int] = {}
        for index, page in enumerate(self.document.pages):
            for anchor in page.anchors:
                first_page.setdefault(anchor, index)
        return frozenset(entry.id for entry in self.html.toc
                         if first_page.get(entry.id) == first_page.get(entry.end_id))


def page_css(page: PageSetup, profile: OutputProfile) -> str:
    """The ``@page`` rule for the configured geometry; it wins over the theme's.

    Bleed applies only where the output profile asks for it. WeasyPrint's
    marks would fall inside the bleed: pressroom draws them itself, in a slug
    outside it, when finishing (:mod:`marks`).
    """
    bleed = page.bleed if profile.bleed else "0mm"
    width, height = page_size_mm(page.size)
    # --bleed lets the theme run pictures exactly to the bleed edge; the page's
    # size lets it derive margins and measure from the page, as CSS cannot.
    return (f"@page {{ size: {page.size}; bleed: {bleed}; marks: none; }}\n"
            f":root {{ --bleed: {bleed}; --page-width: {width:g}mm; --page-height: {height:g}mm; }}")


def color_profile_css(icc: Path) -> str:
    """Declare the CMYK output intent (``components`` is required, or WeasyPrint crashes)."""
    return (f'@color-profile device-cmyk {{ src: url("{icc.as_uri()}"); '
            "components: C, M, Y, K; }")


def paginate(html: HtmlDocument, setup: LayoutSetup, gate: ReadGate,
             relabelled: Callable[[frozenset[str]], HtmlDocument] | None = None) -> Layout:
    """Lay *html* out until the pages agree with what they were laid out with.

    A first layout tells which figures to resize or move (:func:`fit.fit_plan`)
    and — when *relabelled* renders the document for a set of one-page
    sections, whose contents entries drop the range end — which sections fit
    on one page; both go into one second layout, kept only if fitting adds
    no pages. A third layout happens only when the second disagrees about the
    one-page sections. Raises as :func:`lay_out`.
    """
    styles = parsed_styles(html, setup, gate)
    layout = lay_out(html, setup, gate, styles)
    plan = fit_plan(layout.document)
    singles = layout.single_page_sections() if relabelled else frozenset()
    if not plan and not singles:
        return layout
    # One layout alive at a time: a layout's pages hold every box of the document, and
    # two at once double the peak memory (1.8 GB at 800 pages). Each is let go, and the
    # cycles WeasyPrint's boxes leave collected, before the next starts.
    first_pages = layout.page_count
    labelled = relabelled(singles) if singles else html
    layout = None
    gc.collect()
    layout = lay_out(labelled, replace(setup, fit=plan), gate, styles)
    if plan and layout.page_count > first_pages:  # fitting added a page: the first, relabelled
        layout = None
        gc.collect()
        layout = lay_out(labelled, setup, gate, styles)
    if relabelled and (found := layout.single_page_sections()) != singles:
        fit, layout = layout.fit, None
        gc.collect()
        layout = lay_out(relabelled(found), replace(setup, fit=fit), gate, styles)
    return layout


@dataclass(frozen=True)
class Styles:
    """The stylesheets of one press, parsed once and shared by each of its layouts.

    Live WeasyPrint objects: they stay inside the layout stage. The fonts
    are registered with ``fonts`` by the ``@font-face`` rules, so the two go
    together.
    """

    fonts: FontConfiguration
    sheets: tuple[weasyprint.CSS, ...]
    profiles: dict  # one dict shared by the CSS and the render, or PDF/X gets no OutputIntent
    warnings: tuple[str, ...]


def parsed_styles(html: HtmlDocument, setup: LayoutSetup, gate: ReadGate) -> Styles:
    """The theme's stylesheets of *html* and the generated fonts, page and colour rules.

    Raises :class:`BuildError` at the stylesheet line for CSS that WeasyPrint
    rejects, and at the line that named a refused file.
    """
    fonts, profiles = FontConfiguration(), {}
    generated = "\n".join((setup.font_css, page_css(setup.page, setup.profile)))
    if setup.icc is not None:
        generated += "\n" + color_profile_css(setup.icc)
    with captured_warnings() as warnings, located_fetches(gate):
        sheets = [_stylesheet(path, gate, fonts, profiles) for path in html.stylesheets]
        sheets.append(weasyprint.CSS(string=generated, font_config=fonts,
                                     url_fetcher=gate.fetcher(), color_profiles=profiles))
    stop_on_gaps(gate, warnings)
    return Styles(fonts, tuple(sheets), profiles, tuple(warnings))


def lay_out(html: HtmlDocument, setup: LayoutSetup, gate: ReadGate,
            styles: Styles | None = None) -> Layout:
    """Paginate *html*, every file read through *gate*, with *styles* (parsed here if None).

    Raises :class:`BuildError` at the source line when a refused file is
    requested or a picture cannot be read, and at the stylesheet line for
    CSS that WeasyPrint rejects.
    """
    install_subsetter()  # the PDF is written from this layout: its fonts subset by uharfbuzz
    install_footnote_check()  # a footnote that fits stays on the page of its call
    styles = styles or parsed_styles(html, setup, gate)
    fetcher, fonts, profiles = gate.fetcher(), styles.fonts, styles.profiles
    with captured_warnings() as warnings, located_fetches(gate):
        stylesheets = [*styles.sheets]
        if setup.fit.css:
            stylesheets.append(weasyprint.CSS(string=setup.fit.css, font_config=fonts,
                                              url_fetcher=fetcher, color_profiles=profiles))
        try:
            parsed = weasyprint.HTML(string=html.html, base_url=setup.base_dir.as_uri() + "/",
                                     url_fetcher=fetcher)
            setup.fit.apply(parsed.etree_element)
            # Presentational hints: raw HTML <img width=…> keeps the size its author gave
            # (the theme's max-width still holds it to the measure).
            document = parsed.render(font_config=fonts, stylesheets=stylesheets,
                                     color_profiles=profiles, dpi=setup.profile.dpi,
                                     presentational_hints=True)
        except RecursionError:
            # The section checks refuse deep nesting at its line; this is the last guard.
            raise BuildError(setup.base_dir / "content", 0, "the document is nested too deeply "
                             "to lay out (lists, quotes or HTML elements inside each other) — "
                             "reduce the nesting") from None
    stop_on_gaps(gate, warnings)
    return Layout(document, html, (*styles.warnings, *warnings), setup.fit)


def stop_on_gaps(gate: ReadGate, warnings: list[str]) -> None:
    """Raise a located :class:`BuildError` for a picture WeasyPrint left out with a warning.

    A refused file inside an SVG and an unreadable or undrawable picture
    are only logged by WeasyPrint; the page would have a hole.
    """
    if gate.refusals:
        refused = gate.refusals[0]
        raise locate_url(refused.url, refused.reason, gate)
    for warning in warnings:
        if unreadable := UNREADABLE_IMAGE.match(warning):
            raise locate_url(unreadable[1], "cannot read this image (damaged, or not an image)",
                             gate)
        if undrawable := UNDRAWABLE_SVG.match(warning):
            raise locate_url(undrawable[1], "cannot draw this SVG picture (broken, or it names "
                             "a file it may not read)", gate)


def _stylesheet(path: Path, gate: ReadGate, fonts: FontConfiguration,
                profiles: dict) -> weasyprint.CSS:
    """Parse one stylesheet read through *gate*; what WeasyPrint ignores is an error at its line.

    An ignored declaration is a silent fallback: the page would differ from
    what the CSS says with nothing but a log line to tell.
    """
    with captured_warnings() as problems:
        css = weasyprint.CSS(string=gate.read_text(path), base_url=path.as_uri(),
                             url_fetcher=gate.fetcher(), font_config=fonts,
                             color_profiles=profiles)
    for problem in problems:
        if match := CSS_PROBLEM.match(problem):
            raise BuildError(path, int(match[2]), f"WeasyPrint rejects this CSS: {match[1]}"
                             + (f" ({match[4].rstrip('.')})" if match[4] else "")
                             + " — fix or remove it")
    return css


class captured_warnings:
    """Collect WeasyPrint's warnings for the build report (and the tests)."""

    def __enter__(self) -> list[str]:
        self.records: list[str] = []
        self.handler = _ListHandler(self.records)
        self.logger = logging.getLogger("weasyprint")
        self.logger.addHandler(self.handler)
        self.propagate, self.logger.propagate = self.logger.propagate, False
        return self.records

    def __exit__(self, *exc_info) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.propagate = self.propagate


class _ListHandler(logging.Handler):
    def __init__(self, records: list[str]):
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


def machine_facts() -> tuple[Finding, ...]:
    """What the machine contributes to the PDF: which library subsets the fonts.

    Every machine subsets with the HarfBuzz of the ``uharfbuzz`` wheel
    (:mod:`.subsetting`), whether or not it has libharfbuzz-subset.
    """
    return (Finding("note", "font-subsetter",
                    f"fonts are subset by HarfBuzz {uharfbuzz.version_string()} (uharfbuzz "
                    f"{uharfbuzz.__version__})", about=MACHINE),)

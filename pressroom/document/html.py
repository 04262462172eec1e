"""Stage 4: Jinja renders the sections into one HTML document.

``templates/layouts/<layout>.html`` renders each section's inside;
``templates/document.html`` wraps them in ``<section>`` elements with the
stable ids and end anchors the contents page points at.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup

from ..source.config import Publication
from ..source.gate import ReadGate, Refused
from ..markup.convert import RenderedSection, resolve_asset
from ..markup.sourcemap import stamp
from ..markup.templating import get_template, run_template
from ..source.values import page_class


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents page; ``single_page`` hides the range end."""

    id: str
    end_id: str
    title: str  # plain text (what the preflight reads back from the page)
    number: int
    single_page: bool
    title_html: Markup  # the title's inline Markdown (emphasis, code) as HTML


@dataclass(frozen=True)
class SectionView:
    """What a layout template sees as ``section``; ``number`` counts contents entries (0: none)."""

    id: str
    end_id: str
    title: str  # plain text: running head, PDF outline
    number: int
    layout: str
    in_toc: bool
    data: Any
    html: Markup
    title_html: Markup  # the title's inline Markdown as HTML: opener, contents
    source: str = ""  # source-map stamp of the title's line, for what the section itself makes


@dataclass(frozen=True)
class PublicationView:
    """What templates see as ``pub``: plain values only (no paths, nothing to call)."""

    title: str
    subtitle: str
    short_title: str
    authors: tuple[str, ...]
    date: Any
    lang: str
    page: Any
    toc: Any
    page_class: str  # page-small (A5, A6), page-medium (B5), page-large (A4, Letter and up)

    @classmethod
    def of(cls, pub: Publication) -> "PublicationView":
        return cls(pub.title, pub.subtitle, pub.short_title, pub.authors, pub.date, pub.lang,
                   pub.page, pub.toc, page_class(pub.page.size))


@dataclass(frozen=True)
class Templates:
    """The sandboxed environment and the gate that ``asset()`` checks files with."""

    env: jinja2.Environment
    gate: ReadGate
    stylesheets: tuple[Path, ...]


@dataclass(frozen=True)
class HtmlDocument:
    """The whole publication as HTML plus the stylesheets that lay it out."""

    html: str
    stylesheets: tuple[Path, ...]
    toc: tuple[TocEntry, ...]


def render_document(pub: Publication, sections: tuple[RenderedSection, ...],
                    templates: Templates,
                    single_pages: frozenset[str] = frozenset()) -> HtmlDocument:
    """Render *sections* through the theme's templates.

    *single_pages* holds ids of sections known (from a previous layout) to fit
    on one page, so the contents shows "7" rather than "7–7". Raises
    :class:`BuildError` at the template line for template errors.
    """
    env, view_of_pub = templates.env, PublicationView.of(pub)
    toc = tuple(
        TocEntry(r.section.id, end_id(r.section.id), r.title.text, number,
                 r.section.id in single_pages, Markup(r.title.html))
        for number, r in enumerate((r for r in sections if r.section.in_toc), start=1))
    numbers = {entry.id: entry.number for entry in toc}
    views = [_view(r, numbers.get(r.section.id, 0)) for r in sections]
    bodies = []
    for rendered, view in zip(sections, views):
        asset = _asset_function(rendered, templates.gate)
        template = get_template(env, f"layouts/{view.layout}.html")
        bodies.append(Markup(run_template(template.render, pub=view_of_pub, section=view,
                                          toc=toc, asset=asset)))
    document = get_template(env, "document.html")
    html = run_template(document.render, pub=view_of_pub, sections=list(zip(views, bodies)),
                        toc=toc)
    return HtmlDocument(html, templates.stylesheets, toc)


def end_id(section_id: str) -> str:
    """The anchor after a section's last page; no element id has a '.' after the section slug."""
    return f"{section_id}.end"


def _view(rendered: RenderedSection, number: int) -> SectionView:
    s = rendered.section
    return SectionView(s.id, end_id(s.id), rendered.title.text, number, s.layout, s.in_toc,
                       s.data, Markup(rendered.html), Markup(rendered.title.html),
                       stamp(s.source_name, s.data_lines.get("title", s.body_line)))


def _asset_function(rendered: RenderedSection, gate: ReadGate) -> Callable[[str], str]:
    """``asset(path)`` for templates: a front-matter file path → checked file URI.

    A path from the front matter is blamed on its line there; any other
    path was written in the template, so the error is raised as a template
    error (located at the template line by :func:`run_template`).
    """
    section = rendered.section

    def asset(reference: Any) -> str:
        reference = str(reference)
        key = next((k for k, v in section.data.items() if str(v) == reference), None)
        if key is None:
            try:
                return gate.reference(reference, section.path).as_uri()
            except Refused as exc:
                raise ValueError(f"asset('{reference}'): {exc}") from None
        return resolve_asset(reference, section.path, section.data_lines.get(key, 1),
                             gate).as_uri()
    return asset

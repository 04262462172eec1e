"""Stage 4: Jinja renders the sections into one HTML document.

``templates/layouts/<layout>.html`` renders each section's inside;
``templates/document.html`` wraps them in ``<section>`` elements with the
stable ids and end anchors the contents page points at.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup

from .config import Publication
from .errors import BuildError
from .markup import RenderedSection, resolve_asset
from .theme import Theme


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents page; ``single_page`` hides the range end."""

    id: str
    end_id: str
    title: str
    number: int
    single_page: bool


@dataclass(frozen=True)
class SectionView:
    """What a layout template sees as ``section``; ``number`` counts contents entries (0: none)."""

    id: str
    end_id: str
    title: str
    number: int
    layout: str
    in_toc: bool
    data: Any
    html: Markup


@dataclass(frozen=True)
class HtmlDocument:
    """The whole publication as HTML plus the stylesheets that lay it out."""

    html: str
    stylesheets: tuple[Path, ...]
    toc: tuple[TocEntry, ...]


def render_document(pub: Publication, sections: tuple[RenderedSection, ...], theme: Theme,
                    single_pages: frozenset[str] = frozenset()) -> HtmlDocument:
    """Render *sections* through the theme's templates.

    *single_pages* holds ids of sections known (from a previous layout) to fit
    on one page, so the contents shows "7" rather than "7–7". Raises
    :class:`BuildError` at the template line for template errors.
    """
    env = _environment(theme)
    toc = tuple(
        TocEntry(r.section.id, end_id(r.section.id), r.section.title, number,
                 r.section.id in single_pages)
        for number, r in enumerate((r for r in sections if r.section.in_toc), start=1))
    numbers = {entry.id: entry.number for entry in toc}
    views = [_view(r, numbers.get(r.section.id, 0)) for r in sections]
    bodies = []
    for rendered, view in zip(sections, views):
        asset = _asset_function(rendered, pub.root)
        template = _template(env, f"layouts/{view.layout}.html")
        bodies.append(Markup(_run(template.render, pub=pub, section=view, toc=toc, asset=asset)))
    document = _template(env, "document.html")
    html = _run(document.render, pub=pub, sections=list(zip(views, bodies)), toc=toc)
    return HtmlDocument(html, theme.stylesheets(), toc)


def end_id(section_id: str) -> str:
    return f"{section_id}--end"


def _view(rendered: RenderedSection, number: int) -> SectionView:
    s = rendered.section
    return SectionView(s.id, end_id(s.id), s.title, number, s.layout, s.in_toc, s.data,
                       Markup(rendered.html))


def _environment(theme: Theme) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in theme.template_dirs]),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.ChainableUndefined)


def _asset_function(rendered: RenderedSection, root: Path) -> Callable[[str], str]:
    """``asset(path)`` for templates: a front-matter file path → checked file URI."""
    section = rendered.section

    def asset(reference: Any) -> str:
        reference = str(reference)
        key = next((k for k, v in section.data.items() if str(v) == reference), None)
        line = section.data_lines.get(key, 1) if key else 1
        return resolve_asset(reference, section, root, line).as_uri()
    return asset


def _template(env: jinja2.Environment, name: str) -> jinja2.Template:
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(exc.filename or name, exc.lineno, f"template error: {exc.message}") \
            from None
    except jinja2.TemplateNotFound:
        raise BuildError(Path("templates") / name, 1, "template not found in the theme") from None


def _run(render: Callable[..., str], **context: Any) -> str:
    """Call a template's render; turn runtime errors into ``template:line`` errors."""
    try:
        return render(**context)
    except BuildError:
        raise
    except Exception as exc:  # noqa: BLE001 - any template runtime error is the template's
        path, line = _template_frame(exc)
        raise BuildError(path, line, f"template error: {exc}") from None


def _template_frame(exc: BaseException) -> tuple[str, int]:
    """The innermost traceback frame that belongs to a template file."""
    found = ("templates", 1)
    tb = exc.__traceback__ or sys.exc_info()[2]
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found

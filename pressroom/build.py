"""The build pipeline: one function whose body is its stages."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .components import load_components
from .config import load_config
from .document import render_document
from .fetcher import located_fetches
from .finish import write_pdf
from .layout import LayoutSetup, lay_out
from .markup import render_sections
from .sections import load_sections
from .theme import Theme

Progress = Callable[[int, str], None]
STEPS = 7


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    output: Path
    pages: int
    size: int
    seconds: float
    warnings: tuple[str, ...]


def build(project: Path, output: Path | None = None,
          progress: Progress = lambda step, text: None) -> BuildReport:
    """Build the publication in *project* into a PDF.

    Steps: load config → load sections → Markdown to HTML → HTML document →
    layout → write PDF → report. *output* defaults to
    ``PROJECT/output/<slug of the title>.pdf``. *progress* is called with the
    step number (1–7) and a description. Raises :class:`BuildError` (or
    :class:`BuildErrors`) for any problem in the input; the previous PDF at
    *output* is then left untouched.
    """
    started = time.perf_counter()
    project = project.resolve()
    theme = Theme.for_project(project)

    progress(1, "Loading publication.yml")
    pub = load_config(project)
    progress(2, "Loading sections")
    sections = load_sections(project, theme.layouts)
    progress(3, "Converting Markdown")
    rendered = render_sections(sections, project, load_components(theme.environment()))
    progress(4, "Rendering the HTML document")
    singles = frozenset() if pub.toc.ranges else frozenset(s.id for s in sections)
    html = render_document(pub, rendered, theme, singles)
    progress(5, "Laying out pages")
    setup = LayoutSetup(pub.page, project, (*theme.dirs, *theme.font_dirs()), theme.font_css(),
                        (*theme.stylesheets(), *(s.path for s in sections)))
    layout = lay_out(html, setup)
    if pub.toc.ranges and layout.single_page_sections() != singles:
        # Only the layout knows which sections fit on one page; their
        # contents entries drop the range end and the pages are laid out again.
        singles = layout.single_page_sections()
        layout = lay_out(render_document(pub, rendered, theme, singles), setup)
    progress(6, "Writing PDF")
    target = output or project / "output" / f"{pub.slug}.pdf"
    with located_fetches(setup.sources):  # attachments are fetched while writing
        size = write_pdf(layout.document, target, epoch=pub.epoch)
    progress(7, "Done")
    return BuildReport(target, layout.page_count, size, time.perf_counter() - started,
                       layout.warnings)

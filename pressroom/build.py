"""The build pipeline: one function whose body is its stages."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .components import load_components
from .config import Publication, load_config
from .errors import BuildError
from .document import render_document
from .fetcher import located_fetches
from .finish import WriteOptions, write_pdf
from .layout import Layout, LayoutSetup, captured_warnings, lay_out
from .markup import render_sections
from .outputs import OutputProfile
from .findings import Finding, PreflightInput
from .preflight import preflight
from .prepress import finish_pdf
from .sections import load_sections
from .theme import Theme

Progress = Callable[[int, str], None]
STEPS = 7


@dataclass(frozen=True)
class Gate:
    """Whether preflight findings stop the build: errors when enabled, warnings too if strict."""

    enabled: bool = True
    strict: bool = False


@dataclass(frozen=True)
class BuildReport:
    """What a build produced."""

    profile: str
    output: Path
    pages: int
    size: int
    seconds: float
    warnings: tuple[str, ...]
    findings: tuple[Finding, ...] = ()


class PreflightFailed(BuildError):
    """Preflight found errors (or warnings, when strict); the PDF was not written."""

    def __init__(self, findings: tuple[Finding, ...]):
        super().__init__("preflight", 0, "preflight failed")
        self.findings = findings

    def __str__(self) -> str:
        return "\n".join(str(finding) for finding in self.findings)


def failing(findings: tuple[Finding, ...], strict: bool) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.severity == "error" or strict)


def build(project: Path, output: Path | None = None,
          progress: Progress = lambda step, text: None, profile: str = "print",
          gate: Gate = Gate()) -> BuildReport:
    """Build the publication in *project* into a PDF for the output *profile*.

    Steps: load config → load sections → Markdown to HTML → HTML document →
    layout → write PDF (with press finishing) → report. *output* defaults to
    ``PROJECT/output/<slug of the title>.pdf`` (``<slug>-<profile>.pdf`` for
    profiles other than print). *progress* is called with the step number
    (1–7) and a description. Raises :class:`BuildError` (or
    :class:`BuildErrors`) for any problem in the input; the previous PDF at
    *output* is then left untouched. Preflight runs on every PDF; with
    ``gate.enabled`` its errors (and, if ``gate.strict``, its warnings) raise
    :class:`PreflightFailed` and the PDF is not written.
    """
    started = time.perf_counter()
    project = project.resolve()
    theme = Theme.for_project(project)

    progress(1, "Loading publication.yml")
    pub = load_config(project)
    out = output_profile(pub, profile)
    icc = theme.find(out.icc, pub.config_path) if out.cmyk else None
    progress(2, "Loading sections")
    sections = load_sections(project, theme.layouts)
    progress(3, "Converting Markdown")
    rendered = render_sections(sections, project, load_components(theme.environment))
    progress(4, "Rendering the HTML document")
    singles = frozenset() if pub.toc.ranges else frozenset(s.id for s in sections)
    html = render_document(pub, rendered, theme, singles)
    progress(5, "Laying out pages")
    setup = LayoutSetup(pub.page, out, icc, project, (*theme.dirs, *theme.font_dirs()),
                        theme.font_css(), (*theme.stylesheets(), *(s.path for s in sections)))
    layout = lay_out(html, setup)
    if pub.toc.ranges and layout.single_page_sections() != singles:
        # Only the layout knows which sections fit on one page; their
        # contents entries drop the range end and the pages are laid out again.
        singles = layout.single_page_sections()
        layout = lay_out(render_document(pub, rendered, theme, singles), setup)
    progress(6, "Writing PDF")
    target = output or project / "output" / out.file_name(pub.slug)
    press = PressJob(out, icc, gate, pub.epoch, sections, setup.sources)
    size, pages, findings, written = write_and_preflight(layout, target, press, progress)
    return BuildReport(out.name, target, pages, size,
                       time.perf_counter() - started, (*layout.warnings, *written), findings)


@dataclass(frozen=True)
class PressJob:
    """How a laid-out publication becomes a checked file for one output profile."""

    profile: OutputProfile
    icc: Path | None
    gate: Gate
    epoch: int
    sections: tuple
    sources: tuple[Path, ...]


def write_and_preflight(layout: Layout, target: Path, job: PressJob,
                        progress: Progress) -> tuple[int, int, tuple[Finding, ...], tuple[str, ...]]:
    """Write, finish (CMYK, padding, stable ids) and preflight; rename only if it passes.

    Returns the size, the page count of the file (padding included), the
    findings and WeasyPrint's warnings while writing.
    Raises :class:`PreflightFailed` when the gate closes.
    """
    findings: list[Finding] = []
    pages: list[int] = []
    out = job.profile

    def finish_and_check(path: Path) -> None:
        pages.append(finish_pdf(path, job.icc, stable_id=out.pdf_variant is not None,
                   pad=out.pad and out.binding == "saddle-stitch"))
        progress(7, "Preflight")
        noticed = (*layout.warnings, *written)
        findings.extend(preflight(PreflightInput(layout, path, out, job.sections, noticed)))
        if job.gate.enabled and failing(tuple(findings), job.gate.strict):
            raise PreflightFailed(tuple(findings))

    options = WriteOptions(job.epoch, out.pdf_variant, post=finish_and_check)
    # Attachments are fetched and links resolved while writing.
    with located_fetches(job.sources), captured_warnings() as written:
        size = write_pdf(layout.document, target, options)
    return size, pages[0], tuple(findings), tuple(written)


def output_profile(pub: Publication, name: str) -> OutputProfile:
    """The named profile; raises :class:`BuildError` listing the known ones."""
    if name not in pub.outputs:
        raise BuildError(pub.config_path, 1, f"unknown output '{name}' "
                                             f"(known: {', '.join(pub.outputs)})")
    return pub.outputs[name]




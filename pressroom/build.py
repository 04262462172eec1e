"""The build pipeline: one function whose body is its stages."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from .markup.components import load_components
from .source.config import Publication, load_config
from .document.html import Templates, render_document
from .source.editions import (edition_publication, in_base_language, missing_translations,
                       section_files)
from .errors import BuildError, UsageError, display_path
from .source.fetcher import located_fetches
from .check.findings import Finding, PreflightInput
from .messages import merged
from .press.finish import WriteOptions, check_target, write_pdf
from .source.gate import Read, ReadGate, Refused
from .layout.pages import (Layout, LayoutSetup, captured_warnings, lay_out, machine_facts, paginate,
                     stop_on_gaps)
from .markup.convert import render_sections
from .source.outputs import OutputProfile
from .check.preflight import preflight
from .progress import Progress, pages_counted
from .press.prepress import Finishing, finish_pdf
from .source.sections import load_sections
from .markup.templating import environment
from .source.theme import Theme



@dataclass(frozen=True)
class Gate:
    """Whether preflight findings stop the build: errors when enabled, warnings too if strict."""

    enabled: bool = True
    strict: bool = False


@dataclass(frozen=True)
class Variant:
    """Which PDF of a project: an output profile of an edition, padded for imposition or not."""

    profile: str = "print"
    edition: str | None = None  # None: the first declared edition (or a project without)
    impose: bool = False  # pad to a multiple of 4 pages, as booklet imposition needs


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
    reads: tuple[Read, ...] = ()  # every file the build read, with its SHA-256
    edition: str = ""  # the edition's key, '' for a project without editions
    blank_pages: int = 0  # added before the back cover for saddle stitching
    machine: tuple[Finding, ...] = ()  # facts about this machine (which font subsetter)
    sections: tuple[tuple[str, str], ...] = ()  # (path as printed, title) in reading order

    @property
    def messages(self) -> tuple[Finding, ...]:
        """Every record of the build, repeats merged: findings, then facts about the machine."""
        return merged((*self.findings, *self.machine))


class PreflightFailed(BuildError):
    """Preflight found errors (or warnings, when strict); the PDF was not written."""

    def __init__(self, findings: tuple[Finding, ...]):
        super().__init__("preflight", 0, "preflight failed")
        self.findings = findings

    def __str__(self) -> str:
        return "\n".join(str(finding) for finding in self.findings)


def failing(findings: tuple[Finding, ...], strict: bool) -> tuple[Finding, ...]:
    """The findings that stop a build: errors, and warnings too when *strict* (never notes)."""
    return tuple(f for f in findings
                 if f.severity == "error" or (strict and f.severity == "warning"))


def build(project: Path, output: Path | None = None,
          progress: Progress = Progress(), profile: str | Variant = "print",
          gate: Gate = Gate()) -> BuildReport:
    """Build the publication in *project* into a PDF for the output *profile*.

    *profile* names the output profile, or is a :class:`Variant` that also
    names the edition and whether the PDF is padded for imposition.
    Steps: load config → load sections → Markdown to HTML → HTML document →
    layout → write PDF (with press finishing) → report. *output* defaults to
    ``PROJECT/output/<slug of the title>.pdf`` (``<slug>-<profile>.pdf`` for
    profiles other than print; ``<slug>-<edition>…`` for an edition).
    *progress* is told of each step (1–7) as it starts, and of the pages laid out.
    Raises :class:`BuildError` (or :class:`BuildErrors`) for any problem in
    the input; the previous PDF at *output* is then left untouched. Preflight runs on every PDF; with
    ``gate.enabled`` its errors (and, if ``gate.strict``, its warnings) raise
    :class:`PreflightFailed` and the PDF is not written.
    """
    try:
        report = _build(project, output, progress,
                        profile if isinstance(profile, Variant) else Variant(profile), gate)
    except BaseException:
        progress.done(ok=False)
        raise
    progress.done()
    return report


def _build(project: Path, output: Path | None, progress: Progress, variant: Variant,
           gate: Gate) -> BuildReport:
    """The steps of :func:`build`."""
    started = time.perf_counter()
    project = project.resolve()
    theme = Theme.for_project(project)
    files = ReadGate(theme.roots())

    progress.stage(1, "Loading publication.yml")
    base = load_config(project, files)
    pub = edition_publication(base, variant.edition)
    out = output_profile(pub, variant.profile)
    out = replace(out, pad=True) if variant.impose else out
    icc = output_intent(pub, out, theme, files)
    target = check_target(output or project / "output" / out.file_name(pub.file_stem), project,
                          inside=output is None)
    progress.stage(2, "Loading sections")
    chosen = section_files(pub)
    sections = in_base_language(load_sections(project, theme.layouts, files, chosen), chosen,
                                base.lang)
    progress.stage(3, "Converting Markdown")
    env = environment(theme.template_dirs, files)
    rendered = render_sections(sections, files, load_components(env))
    progress.stage(4, "Rendering the HTML document")
    templates = Templates(env, files, theme.stylesheets())
    singles = frozenset() if pub.toc.ranges else frozenset(s.id for s in sections)
    html = render_document(pub, rendered, templates, singles)
    progress.stage(5, "Laying out pages")
    setup = LayoutSetup(pub.page, out, icc, project, theme.font_css())
    with pages_counted(progress):
        layout = paginate(html, setup, files)
        if pub.toc.ranges and layout.single_page_sections() != singles:
            # Only the layout knows which sections fit on one page; their contents
            # entries drop the range end and the pages are laid out again.
            singles = layout.single_page_sections()
            layout = lay_out(render_document(pub, rendered, templates, singles),
                             replace(setup, fit=layout.fit), files)
    progress.stage(6, "Writing PDF")
    press = PressJob(out, files.read_bytes(icc) if icc else None, gate, pub.epoch, sections,
                     files, missing_translations(chosen),
                     marks=pub.page.marks if out.marks else "none")
    size, pages, findings, written = write_and_preflight(layout, target, press, progress)
    return BuildReport(out.name, target, pages, size, time.perf_counter() - started,
                       (*layout.warnings, *written), findings, files.reads,
                       pub.edition.key if pub.edition else "", pages - layout.page_count,
                       machine_facts(),
                       tuple((display_path(s.path), s.title) for s in sections))


def output_intent(pub: Publication, out: OutputProfile, theme: Theme,
                  files: ReadGate) -> Path | None:
    """The checked ICC profile of a CMYK profile (None for RGB).

    Raises :class:`BuildError` at the ``icc`` line of publication.yml (or
    its first line, for the shipped default) when the file is missing,
    outside the project or not an ICC profile.
    """
    if not out.cmyk:
        return None
    line = pub.line_of(f"outputs.{out.name}.icc")
    try:
        path = theme.find(out.icc, files)
        data = files.read_bytes(path)
    except Refused as exc:
        raise BuildError(pub.config_path, line, f"icc '{out.icc}': {exc}") from None
    if len(data) < 132 or data[36:40] != b"acsp":  # the ICC header's signature field
        raise BuildError(pub.config_path, line, f"icc '{out.icc}' is not an ICC colour profile "
                                                "— give the path of a CMYK .icc file")
    return path


@dataclass(frozen=True)
class PressJob:
    """How a laid-out publication becomes a checked file for one output profile."""

    profile: OutputProfile
    icc: bytes | None  # the output intent's ICC profile, for CMYK conversion
    gate: Gate
    epoch: int
    sections: tuple
    files: ReadGate  # pictures are drawn, and SVG files read, while writing
    notes: tuple[Finding, ...] = ()  # found before writing (missing translations)
    marks: str = "none"  # printer's marks drawn in the slug (page.marks, if the profile has them)


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
        stop_on_gaps(job.files, written)
        pages.append(finish_pdf(path, Finishing(
            job.icc, stable_id=out.pdf_variant is not None,
            pad=out.pad and out.binding == "saddle-stitch", marks=job.marks)))
        progress.stage(7, "Preflight")
        noticed = (*layout.warnings, *written)
        findings.extend((*job.notes,
                         *preflight(PreflightInput(layout, path, out, job.sections, noticed,
                                                 marks=job.marks))))
        if job.gate.enabled and failing(tuple(findings), job.gate.strict):
            raise PreflightFailed(tuple(findings))

    options = WriteOptions(job.epoch, out.pdf_variant, post=finish_and_check)
    # Attachments are fetched and links resolved while writing.
    with located_fetches(job.files), captured_warnings() as written:
        size = write_pdf(layout.document, target, options)
    return size, pages[0], tuple(findings), tuple(written)


def output_profile(pub: Publication, name: str) -> OutputProfile:
    """The named profile; raises :class:`UsageError` listing the known ones."""
    if name not in pub.outputs:
        raise UsageError(pub.config_path, pub.line_of("outputs"),
                         f"unknown output '{name}' (known: {', '.join(pub.outputs)})")
    return pub.outputs[name]


def load_publication(project: Path) -> Publication:
    """``publication.yml`` of *project*, read through a gate of its own (to plan a run)."""
    project = project.resolve()
    return load_config(project, ReadGate(Theme.for_project(project).roots()))


def planned_profiles(pub: Publication, requested: str | None, one_file: bool,
                     impose: bool) -> tuple[tuple[str, bool], ...]:
    """``(profile, impose it)`` for a ``pressroom build`` run.

    *requested* names one profile, else every declared one is built (only
    the first when *one_file*: ``-o`` names one file). With *impose*, the
    profiles bound by saddle stitch are imposed. Raises :class:`UsageError`
    for an unknown profile, or when *impose* finds nothing to impose.
    """
    names = [requested] if requested else list(pub.declared_outputs)
    names = names[:1] if one_file else names
    profiles = [output_profile(pub, name) for name in names]
    bound = [p.binding == "saddle-stitch" for p in profiles]
    if impose and (not any(bound) or (requested and not bound[0])):
        unbound = ", ".join(p.name for p, b in zip(profiles, bound) if not b)
        raise UsageError(pub.config_path, pub.line_of("outputs"),
                         f"--impose saddle-stitch: output {unbound} has no binding — set "
                         f"outputs.{profiles[0].name}.binding: saddle-stitch (and pad: true)")
    return tuple((p.name, impose and b) for p, b in zip(profiles, bound))




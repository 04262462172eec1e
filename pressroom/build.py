"""The build pipeline: :func:`prepare` (steps 1–4, once per edition) and :func:`press` (5–7, per profile)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterator

from .cache import Cache
from .check.findings import Finding, PreflightInput
from .check.preflight import preflight
from .document.html import HtmlDocument, Templates, render_document
from .errors import BuildError, UsageError, display_path
from .layout.pages import (Layout, LayoutSetup, captured_warnings, machine_facts, paginate,
                           stop_on_gaps)
from .markup.components import load_components
from .markup.convert import render_sections
from .markup.templating import environment
from .model import BuildReport, Gate, Manuscript, Variant
from .press.finish import atomic_output, check_target, write_pdf
from .press import thumbnails
from .press.prepress import Finishing, finish_pdf
from .progress import Progress, pages_counted
from .source.config import Publication, load_config
from .source.editions import (edition_publication, in_base_language, missing_translations,
                              section_files)
from .source.fetcher import located_fetches
from .source.gate import ReadGate, Refused
from .source.outputs import OutputProfile
from .source.sections import load_sections
from .source.theme import Theme


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
          gate: Gate = Gate(), cache: bool = True) -> BuildReport:
    """Build the publication in *project* into a PDF for the output *profile*.

    *profile* names the output profile, or is a :class:`Variant` that also
    names the edition and whether the PDF is padded for imposition.
    Steps: load config → load sections → Markdown to HTML → HTML document
    (:func:`prepare`) → layout → write PDF and finish it for press →
    preflight and report (:func:`press`). *output* defaults to
    ``PROJECT/output/<slug of the title>.pdf`` (``<slug>-<profile>.pdf`` for
    profiles other than print; ``<slug>-<edition>…`` for an edition).
    *progress* is told of each step (1–7) as it starts, and of the pages laid out.
    Raises :class:`BuildError` (or :class:`BuildErrors`) for any problem in
    the input; the previous PDF at *output* is then left untouched. Preflight runs on every PDF; with
    ``gate.enabled`` its errors (and, if ``gate.strict``, its warnings) raise
    :class:`PreflightFailed` and the PDF is not written. With *cache*, slow
    results are kept and reused by content (:mod:`pressroom.cache`).
    """
    variant = profile if isinstance(profile, Variant) else Variant(profile)
    return _reported(progress, lambda: press(
        prepare(project, variant.edition, progress, cache), variant, output, progress, gate))


def build_all(project: Path, variants: tuple[Variant, ...], output: Path | None = None,
              progress: Callable[[], Progress] = Progress,
              gate: Gate = Gate(), cache: bool = True) -> Iterator[BuildReport]:
    """Build each of *variants*, preparing each edition once; yields each report as it is made.

    *progress* makes one :class:`Progress` per PDF (a profile after the
    first of its edition starts at step 5). Raises as :func:`build`; the
    PDFs already made are kept.
    """
    manuscripts: dict[str | None, Manuscript] = {}
    for variant in variants:
        told = progress()

        def one() -> BuildReport:
            if variant.edition not in manuscripts:
                manuscripts[variant.edition] = prepare(project, variant.edition, told, cache)
            return press(manuscripts[variant.edition], variant, output, told, gate)

        yield _reported(told, one)


def _reported(progress: Progress, run: Callable[[], BuildReport]) -> BuildReport:
    """*run*, telling *progress* whether it succeeded."""
    try:
        report = run()
    except BaseException:
        progress.done(ok=False)
        raise
    progress.done()
    return report


def prepare(project: Path, edition: str | None = None,
            progress: Progress = Progress(), cache: bool = True) -> Manuscript:
    """Steps 1–4 for one *edition* of *project*: everything an output profile does not change.

    *cache* chooses ``PROJECT/.pressroom-cache/`` (and memory) for the slow
    results of pressing, or none. Raises :class:`BuildError` (or
    :class:`BuildErrors`) at the line of publication.yml, a section, a
    component or a template that is wrong, or at a cache folder that is a link.
    """
    project = project.resolve()
    theme = Theme.for_project(project)
    files = ReadGate(theme.roots())
    progress.stage(1, "Loading publication.yml")
    base = load_config(project, files)
    pub = edition_publication(base, edition)
    progress.stage(2, "Loading sections")
    chosen = section_files(pub)
    sections = in_base_language(load_sections(project, theme.layouts, files, chosen), chosen,
                                base.lang)
    progress.stage(3, "Converting Markdown")
    env = environment(theme.template_dirs, files)
    rendered = render_sections(sections, files, load_components(env))
    progress.stage(4, "Rendering the HTML document")
    singles = frozenset() if pub.toc.ranges else frozenset(s.id for s in sections)
    html = render_document(pub, rendered, Templates(env, files, theme.stylesheets()), singles)
    return Manuscript(project, theme, pub, sections, rendered, html,
                      missing_translations(chosen), files.reads,
                      Cache.for_project(project, cache))


def press(manuscript: Manuscript, variant: Variant, output: Path | None = None,
          progress: Progress = Progress(), gate: Gate = Gate()) -> BuildReport:
    """Steps 5–7: lay *manuscript* out for *variant*'s profile, write, finish, preflight.

    The PDF is written to a temporary file beside *output* and renamed over
    it only when finishing and (with ``gate.enabled``) preflight pass.
    Raises :class:`BuildError` for a bad profile, icc or target, and
    :class:`PreflightFailed` when the gate closes.
    """
    started = time.perf_counter()
    pub = manuscript.publication
    files = ReadGate(manuscript.theme.roots(), manuscript.reads)
    out = output_profile(pub, variant.profile)
    out = replace(out, pad=True) if variant.impose else out
    icc = output_intent(pub, out, manuscript.theme, files)
    target = check_target(output or manuscript.project / "output" / out.file_name(pub.file_stem),
                          manuscript.project, inside=output is None)
    progress.stage(5, "Laying out pages")
    with pages_counted(progress):
        layout = laid_out(manuscript, LayoutSetup(pub.page, out, icc, manuscript.project,
                                                  manuscript.theme.font_css()), files)
    marks = pub.page.marks if out.marks else "none"
    with atomic_output(target) as written_to:
        progress.stage(6, "Writing PDF")
        with located_fetches(files), captured_warnings() as written, \
                thumbnails.kept_in(manuscript.cache):
            # Attachments are fetched, links resolved and pictures shrunk while writing.
            write_pdf(layout.document, written_to, pub.epoch, out.written_variant, out.accessible)
        stop_on_gaps(files, written)
        pages = finish_pdf(written_to, Finishing(
            files.read_bytes(icc) if icc else None, stable_id=out.written_variant is not None,
            tagged=out.accessible,
            pad=out.pad and out.binding == "saddle-stitch", marks=marks,
            cache=manuscript.cache))
        progress.stage(7, "Preflight")
        findings = (*manuscript.notes, *preflight(PreflightInput(
            layout, written_to, out, manuscript.sections, (*layout.warnings, *written),
            marks=marks)))
        if gate.enabled and failing(findings, gate.strict):
            raise PreflightFailed(findings)
    return BuildReport(out.name, target, pages, target.stat().st_size,
                       time.perf_counter() - started, (*layout.warnings, *written), findings,
                       files.reads,
                       pub.edition.key if pub.edition else "", pages - layout.page_count,
                       machine_facts(),
                       tuple((display_path(s.path), s.title) for s in manuscript.sections))


def laid_out(manuscript: Manuscript, setup: LayoutSetup, files: ReadGate) -> Layout:
    """Step 5: the pages, with pictures fitted and the contents' ranges settled.

    Only the layout knows which sections fit on one page; the document is
    rendered again with those contents entries showing one page, not a range.
    """
    def relabelled(singles: frozenset[str]) -> HtmlDocument:
        env = environment(manuscript.theme.template_dirs, files)
        return render_document(manuscript.publication, manuscript.rendered,
                               Templates(env, files, manuscript.theme.stylesheets()), singles)

    ranges = manuscript.publication.toc.ranges
    return paginate(manuscript.html, setup, files, relabelled if ranges else None)


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




"""Command line: ``pressroom build|check|proof|watch|new …``.

:func:`main` takes ``argv`` and returns the exit code (0 built, 1 build
error, 2 usage error) so tests call it directly. Each command is a few
calls into the library; what is printed is :mod:`report`'s.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from . import __version__
from .build import build, build_all, failing, load_publication, planned_profiles
from .model import BuildReport, Gate, Variant
from .source.editions import planned_editions
from .errors import BuildError, UsageError, display_path
from .press.impose import impose
from .messages import MACHINE
from .source.outputs import OutputProfile
from .progress import Printed, Progress
from .press.proof import write_proofs
from .report import label, print_machine, print_records, print_report
from .source.values import millimetres


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="pressroom", description="Build print-ready PDFs from Markdown sections.")
    root.add_argument("--version", action="version", version=f"pressroom {__version__}")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="build the publication PDF")
    build_cmd.add_argument("project", nargs="?", default=".", type=Path, metavar="PROJECT_DIR",
                           help="directory with publication.yml and content/ (default: .)")
    # "-o" only: "--output" names a profile (the command line is a contract).
    build_cmd.add_argument("-o", dest="out_file", type=Path, metavar="OUT.pdf",
                           help="PDF to write (default: PROJECT_DIR/output/<title>.pdf)")
    build_cmd.add_argument("--output", dest="profile", metavar="NAME",
                           help="build one output profile (default: every profile "
                                "publication.yml declares, or print)")
    _edition_option(build_cmd, "build one edition (default: every edition "
                               "publication.yml declares)")
    _talk_options(build_cmd)
    build_cmd.add_argument("--strict", action="store_true",
                           help="preflight warnings stop the build too")
    build_cmd.add_argument("--impose", choices=["saddle-stitch"],
                           help="also write <name>-imposed.pdf: printer spreads in booklet order")
    _cache_option(build_cmd)
    build_cmd.add_argument("--traceback", action="store_true",
                           help="show the traceback of an internal error")
    check_cmd = _one_profile(commands, "check", "preflight the publication (nothing is kept)")
    check_cmd.add_argument("--json", action="store_true", help="machine-readable report")
    check_cmd.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    proof_cmd = _one_profile(commands, "proof", "PNG reader spreads and a contact sheet")
    proof_cmd.add_argument("-o", dest="folder", type=Path, required=True, metavar="FOLDER")
    _one_profile(commands, "watch", "build, then build again whenever a source changes")
    new_cmd = commands.add_parser("new", help="start a publication in an empty folder")
    new_cmd.add_argument("folder", type=Path, metavar="DIR", help="folder to create (empty or new)")
    new_cmd.add_argument("--title", help="the publication's title (default: from DIR's name)")
    new_cmd.add_argument("--traceback", action="store_true", help=argparse.SUPPRESS)
    return root


def _one_profile(commands, name: str, text: str) -> argparse.ArgumentParser:
    """A command on one profile of one edition: ``check``, ``proof``, ``watch``."""
    command = commands.add_parser(name, help=text)
    command.add_argument("project", nargs="?", default=".", type=Path, metavar="PROJECT_DIR")
    command.add_argument("--output", dest="profile", metavar="NAME",
                         help=f"profile to {name} (default: the first declared, or print)")
    _edition_option(command, f"edition to {name} (default: the first declared)")
    command.add_argument("--traceback", action="store_true", help=argparse.SUPPRESS)
    _talk_options(command)
    _cache_option(command)
    return command


def _edition_option(command: argparse.ArgumentParser, text: str) -> None:
    command.add_argument("--edition", metavar="KEY", help=text)


def _cache_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--no-cache", action="store_true",
                         help="neither read nor keep results in PROJECT_DIR/.pressroom-cache/ "
                              "(a cold build)")


def _talk_options(command: argparse.ArgumentParser) -> None:
    talk = command.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true",
                      help="no progress and no final line: only problems (and paths written)")
    talk.add_argument("-v", "--verbose", action="store_true",
                      help="also facts about this machine (which font subsetter runs)")


def _progress(args: argparse.Namespace) -> Progress:
    """Numbered stages with timings on stderr (a live line on a terminal), none with -q."""
    return Progress() if args.quiet else Printed()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "new":
        return _guarded(args, lambda: new(args))
    if not args.project.is_dir():
        print(f"pressroom: error: {args.project} is not a directory", file=sys.stderr)
        return 2
    if args.command == "check":
        return _guarded(args, lambda: check(args))
    if args.command == "proof":
        return _guarded(args, lambda: proof(args))
    if args.command == "watch":
        return _guarded(args, lambda: watch(args))
    return _guarded(args, lambda: build_command(args))


def build_command(args: argparse.Namespace) -> int:
    """``pressroom build``: each requested profile of each requested edition, gated by preflight."""
    pub = load_publication(args.project)
    editions = planned_editions(pub, args.edition, bool(args.out_file))
    plan = planned_profiles(pub, args.profile, bool(args.out_file), bool(args.impose))
    variants = tuple(Variant(profile, edition, impose_it)
                     for edition in editions for profile, impose_it in plan)
    for report, variant in zip(build_all(args.project, variants, args.out_file,
                                         lambda: _progress(args), Gate(strict=args.strict),
                                         not args.no_cache),
                               variants):
        print_report(report, args.quiet)
        if variant.impose:
            _impose(report, pub.outputs[variant.profile])
    print_machine(report.machine, args.verbose)
    return 0


def watch(args: argparse.Namespace) -> int:
    """``pressroom watch``: build one profile of one edition, again on every change."""
    from .watch import watch as watch_project  # imports watchfiles only when watching

    def build_once() -> BuildReport:
        # Preflight errors are shown, not gated: the author is looking at the pages.
        return build(args.project, None, _progress(args), _one_variant(args),
                     Gate(enabled=False), not args.no_cache)

    def show(report: BuildReport) -> None:
        print_report(report, args.quiet)
        print_machine(report.machine, args.verbose)

    return watch_project(args.project, build_once, show)


def _impose(report: BuildReport, profile: OutputProfile) -> None:
    """Write ``<name>-imposed.pdf`` beside the PDF (built padded to a multiple of 4 pages)."""
    if report.blank_pages and not profile.pad:
        before = report.pages - report.blank_pages
        print(f"note: added {report.blank_pages} blank page{'s' * (report.blank_pages > 1)} "
              f"before the back cover for saddle stitching ({before} → {report.pages})",
              file=sys.stderr)
    imposed = report.output.with_name(f"{report.output.stem}-imposed.pdf")
    sides = impose(report.output, imposed, millimetres(profile.creep))
    print(display_path(imposed))
    print(f"{label(report)}: {sides} sheet sides, saddle-stitch", file=sys.stderr)


def proof(args: argparse.Namespace) -> int:
    """``pressroom proof``: reader spreads and a contact sheet as PNG files."""
    with tempfile.TemporaryDirectory() as scratch:
        report = build(args.project, Path(scratch) / "proof.pdf", _progress(args),
                       _one_variant(args), Gate(enabled=False), not args.no_cache)
        print_records(report.messages, report.sections, sys.stderr)
        written = write_proofs(report.output, args.folder)
    print_machine(report.machine, args.verbose)
    for path in written:
        print(display_path(path))
    return 0


def new(args: argparse.Namespace) -> int:
    """``pressroom new DIR``: a small publication that builds at once; what to edit next."""
    from .scaffold import create_project, next_steps
    written = create_project(args.folder, args.title)
    for path in written:
        print(display_path(path))
    print(next_steps(args.folder), file=sys.stderr)
    return 0


def check(args: argparse.Namespace) -> int:
    """``pressroom check``: build into a temporary file and report every finding.

    With ``--json`` a report is printed even when the project does not load:
    its input errors are findings of the check ``input``.
    """
    try:
        variant = _one_variant(args)
        with tempfile.TemporaryDirectory() as scratch:
            report = build(args.project, Path(scratch) / "check.pdf", _progress(args),
                           variant, Gate(enabled=False), not args.no_cache)
    except BuildError as exc:
        if not args.json:
            raise
        _print_json(args.profile, 0, [_input_finding(e) for e in getattr(exc, "errors", (exc,))])
        return 2 if isinstance(exc, UsageError) else 1
    records = tuple(r for r in report.messages if r.about != MACHINE)
    errors = sum(r.severity == "error" for r in records)
    warnings = sum(r.severity == "warning" for r in records)
    if args.json:
        _print_json(report.profile, report.pages, [r.as_dict() for r in report.messages])
    else:
        print_records(records, report.sections, sys.stdout)
        print(f"{label(report)}: {report.pages} pages, {errors} errors, {warnings} warnings")
        print_machine(report.machine, args.verbose)
    return 1 if failing(records, args.strict) else 0


def _one_variant(args: argparse.Namespace) -> Variant:
    """What ``check`` and ``proof`` build: the named (else first) profile and edition."""
    pub = load_publication(args.project)
    return Variant(args.profile or pub.declared_outputs[0],
                   planned_editions(pub, args.edition, one_file=True)[0])


def _input_finding(error: BuildError) -> dict:
    source = f"{display_path(error.path)}:{error.line}" if error.line else display_path(error.path)
    return {"severity": "error", "check": "input", "message": error.message, "page": 0,
            "source": source}


def _print_json(profile: str | None, pages: int, findings: list[dict]) -> None:
    errors = sum(f["severity"] == "error" for f in findings)
    warnings = sum(f["severity"] == "warning" for f in findings)
    print(json.dumps({"profile": profile, "pages": pages, "errors": errors,
                      "warnings": warnings, "findings": findings},
                     indent=2, ensure_ascii=False))


def _guarded(args: argparse.Namespace, run) -> int:
    """Run a command; input problems exit 1 with their located lines, bugs too (briefly)."""
    try:
        return run()
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in pressroom or WeasyPrint, not in the input
        if args.traceback:
            raise
        print(f"pressroom: internal error: {type(exc).__name__}: {exc} "
              "(run with --traceback and report it)", file=sys.stderr)
        return 1


"""Command line: ``pressroom build [PROJECT_DIR] [-o OUT.pdf]``.

:func:`main` takes ``argv`` and returns the exit code (0 built, 1 build
error, 2 usage error) so tests call it directly.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from . import __version__
from .build import STEPS, BuildReport, Gate, build, failing
from .config import load_config
from .errors import BuildError, display_path
from .impose import impose
from .proof import write_proofs


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
    build_cmd.add_argument("-v", "--verbose", action="store_true",
                           help="print numbered progress steps")
    build_cmd.add_argument("--strict", action="store_true",
                           help="preflight warnings stop the build too")
    build_cmd.add_argument("--impose", choices=["saddle-stitch"],
                           help="also write <name>-imposed.pdf: printer spreads in booklet order")
    build_cmd.add_argument("--traceback", action="store_true",
                           help="show the traceback of an internal error")
    check_cmd = commands.add_parser("check", help="preflight the publication (nothing is kept)")
    check_cmd.add_argument("project", nargs="?", default=".", type=Path, metavar="PROJECT_DIR")
    check_cmd.add_argument("--output", dest="profile", metavar="NAME",
                           help="profile to check (default: the first declared, or print)")
    check_cmd.add_argument("--json", action="store_true", help="machine-readable report")
    check_cmd.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check_cmd.add_argument("--traceback", action="store_true", help=argparse.SUPPRESS)
    proof_cmd = commands.add_parser("proof", help="PNG reader spreads and a contact sheet")
    proof_cmd.add_argument("project", nargs="?", default=".", type=Path, metavar="PROJECT_DIR")
    proof_cmd.add_argument("-o", dest="folder", type=Path, required=True, metavar="FOLDER")
    proof_cmd.add_argument("--output", dest="profile", metavar="NAME",
                           help="profile to proof (default: the first declared, or print)")
    proof_cmd.add_argument("--traceback", action="store_true", help=argparse.SUPPRESS)
    return root


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not args.project.is_dir():
        print(f"pressroom: error: {args.project} is not a directory", file=sys.stderr)
        return 2
    if args.command == "check":
        return _guarded(args, lambda: check(args))
    if args.command == "proof":
        return _guarded(args, lambda: proof(args))
    return _guarded(args, lambda: build_all(args))


def build_all(args: argparse.Namespace) -> int:
    """``pressroom build``: every requested profile, each gated by preflight."""
    progress = _print_step if args.verbose else (lambda step, text: None)
    pub = load_config(args.project.resolve())
    profiles = [args.profile] if args.profile else list(pub.declared_outputs)
    if args.out_file:  # one file holds one profile: the named one, else the first declared
        profiles = profiles[:1]
    for profile in profiles:
        report = build(args.project, args.out_file, progress, profile, Gate(strict=args.strict))
        _print_report(report)
        # A bare build imposes the profiles bound by saddle stitch; a named one is imposed as asked.
        if args.impose and (args.profile or pub.outputs[profile].binding == "saddle-stitch"):
            _impose(report, pub.config_path, pub.outputs[profile].creep)
    return 0


def _impose(report: BuildReport, config: Path, creep: str) -> None:
    """Write ``<name>-imposed.pdf`` beside the PDF; a wrong page count is the config's to fix."""
    imposed = report.output.with_name(f"{report.output.stem}-imposed.pdf")
    try:
        sides = impose(report.output, imposed, _millimetres(creep))
    except ValueError as exc:
        raise BuildError(config, 1, f"outputs.{report.profile}: {exc} "
                                    "(set binding: saddle-stitch and pad: true)") from None
    print(display_path(imposed))
    print(f"{report.profile}: {sides} sheet sides, saddle-stitch", file=sys.stderr)


def proof(args: argparse.Namespace) -> int:
    """``pressroom proof``: reader spreads and a contact sheet as PNG files."""
    profile = args.profile or load_config(args.project.resolve()).declared_outputs[0]
    with tempfile.TemporaryDirectory() as scratch:
        report = build(args.project, Path(scratch) / "proof.pdf", profile=profile,
                       gate=Gate(enabled=False))
        for finding in report.findings:
            print(finding, file=sys.stderr)
        written = write_proofs(report.output, args.folder)
    for path in written:
        print(display_path(path))
    return 0


def _millimetres(length: str) -> float:
    """A CSS length from the config ("0.1mm", "0.3pt") in millimetres."""
    units = {"mm": 1, "cm": 10, "in": 25.4, "pt": 25.4 / 72, "pc": 25.4 / 6, "px": 25.4 / 96,
             "q": 0.25}
    number = length.rstrip("abcdefghijklmnopqrstuvwxyz")
    return float(number) * units.get(length[len(number):].lower(), 1) if number else 0.0


def check(args: argparse.Namespace) -> int:
    """``pressroom check``: build into a temporary file and report every finding."""
    profile = args.profile or load_config(args.project.resolve()).declared_outputs[0]
    with tempfile.TemporaryDirectory() as scratch:
        report = build(args.project, Path(scratch) / "check.pdf", profile=profile,
                       gate=Gate(enabled=False))
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = len(report.findings) - errors
    if args.json:
        print(json.dumps({"profile": report.profile, "pages": report.pages, "errors": errors,
                          "warnings": warnings,
                          "findings": [f.as_dict() for f in report.findings]}, indent=2,
                         ensure_ascii=False))
    else:
        for finding in report.findings:
            print(finding)
        print(f"{report.profile}: {report.pages} pages, {errors} errors, {warnings} warnings")
    return 1 if failing(report.findings, args.strict) else 0


def _guarded(args: argparse.Namespace, run) -> int:
    """Run a command; input problems exit 1 with their located lines, bugs too (briefly)."""
    try:
        return run()
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in pressroom or WeasyPrint, not in the input
        if args.traceback:
            raise
        print(f"pressroom: internal error: {type(exc).__name__}: {exc} "
              "(run with --traceback and report it)", file=sys.stderr)
        return 1


def _print_report(report: BuildReport) -> None:
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for finding in report.findings:
        print(finding, file=sys.stderr)
    print(display_path(report.output))
    print(f"{report.profile}: {report.pages} pages, {report.size / 1e6:.1f} MB "
          f"in {report.seconds:.1f} s", file=sys.stderr)


def _print_step(step: int, text: str) -> None:
    print(f"Step {step}/{STEPS} - {text}", file=sys.stderr)


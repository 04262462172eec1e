"""Command line: ``pressroom build [PROJECT_DIR] [-o OUT.pdf]``.

:func:`main` takes ``argv`` and returns the exit code (0 built, 1 build
error, 2 usage error) so tests call it directly.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .build import STEPS, build
from .errors import BuildError, display_path


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(
        prog="pressroom", description="Build print-ready PDFs from Markdown sections.")
    root.add_argument("--version", action="version", version=f"pressroom {__version__}")
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_cmd = commands.add_parser("build", help="build the publication PDF")
    build_cmd.add_argument("project", nargs="?", default=".", type=Path, metavar="PROJECT_DIR",
                           help="directory with publication.yml and content/ (default: .)")
    build_cmd.add_argument("-o", "--output", type=Path, metavar="OUT.pdf",
                           help="PDF to write (default: PROJECT_DIR/output/<title>.pdf)")
    build_cmd.add_argument("-v", "--verbose", action="store_true",
                           help="print numbered progress steps")
    build_cmd.add_argument("--traceback", action="store_true",
                           help="show the traceback of an internal error")
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
    progress = _print_step if args.verbose else (lambda step, text: None)
    try:
        report = build(args.project, args.output, progress)
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    except Exception as exc:  # a bug in pressroom or WeasyPrint, not in the input
        if args.traceback:
            raise
        print(f"pressroom: internal error: {type(exc).__name__}: {exc} "
              "(run with --traceback and report it)", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(display_path(report.output))
    print(f"{report.pages} pages, {report.size / 1e6:.1f} MB in {report.seconds:.1f} s",
          file=sys.stderr)
    return 0


def _print_step(step: int, text: str) -> None:
    print(f"Step {step}/{STEPS} - {text}", file=sys.stderr)

"""How a build's records reach the terminal: grouped by section, machine facts apart.

Shared by ``pressroom build``, ``check``, ``proof`` and ``watch``. Records
print one per line as ``path:line: severity: message (page N) [kind]``; when
they come from more than one section file, each group is headed by
``── Title (path)``. The final line of a build names its profile, pages,
file and size.
"""

from __future__ import annotations

import sys
from typing import TextIO

from .model import BuildReport
from .errors import display_path
from .messages import MACHINE, Finding, grouped

HEADING = "── "


def print_records(records: tuple[Finding, ...], sections: tuple[tuple[str, str], ...],
                  stream: TextIO) -> None:
    """Print the records about the pages, grouped by section (machine facts are left out)."""
    groups = grouped([r for r in records if r.about != MACHINE], sections)
    for heading, members in groups:
        if len(groups) > 1:
            print(f"{HEADING}{heading}", file=stream)
        for record in members:
            print(record, file=stream)


def print_machine(facts: tuple[Finding, ...], verbose: bool) -> None:
    """Machine facts as ``note:`` lines on stderr, with -v (*verbose*): facts, not advice."""
    for fact in facts if verbose else ():
        print(f"note: {fact.message}", file=sys.stderr)


def label(report: BuildReport) -> str:
    """``print``, or ``print (ru)`` for an edition."""
    return f"{report.profile} ({report.edition})" if report.edition else report.profile


def print_report(report: BuildReport, quiet: bool = False) -> None:
    """Records on stderr, the PDF's path on stdout, then (unless *quiet*) the final line."""
    print_records(report.messages, report.sections, sys.stderr)
    print(display_path(report.output))
    if not quiet:
        print(final_line(report), file=sys.stderr)


def final_line(report: BuildReport) -> str:
    """``print (en): 40 pages, output/x-en.pdf, 5.2 MB in 11.3 s``."""
    return (f"{label(report)}: {report.pages} pages, {display_path(report.output)}, "
            f"{report.size / 1e6:.1f} MB in {report.seconds:.1f} s")

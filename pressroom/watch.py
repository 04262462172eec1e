"""``pressroom watch``: build, then build again whenever a file the build read changes.

A rebuild follows a change to a file in the read list of the last good
build (every file its gate let through, with its SHA-256), or to any other
file of the project but what builds write (the output folder, PDFs, hidden
temporary files), so a new section file or the picture a failed build
missed is seen too. A file saved with the same bytes does not rebuild. A broken edit
prints its error and the last good PDF stays (it is only ever replaced by
a rename); the next good edit rebuilds it. Ctrl-C stops with status 0.
"""

from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import watchfiles

from .model import BuildReport
from .errors import BuildError, display_path
from .source.theme import Theme

PRIVATE = ("__pycache__",)
DEBOUNCE_MS = 300  # editors save in bursts (write, rename, touch): one rebuild for a burst


@dataclass(frozen=True)
class Watched:
    """What a rebuild depends on: the files the last good build read, with their digests."""

    project: Path
    digests: dict  # real path → SHA-256 of the bytes the last good build read

    def changed(self, paths: Iterable[Path]) -> list[Path]:
        """The paths among *paths* whose change can change the PDF."""
        return [path for path in paths if self._matters(path)]

    def _matters(self, path: Path) -> bool:
        if path in self.digests:
            return _digest(path) != self.digests[path]
        if not path.is_relative_to(self.project) or not path.exists():
            return False  # a file never read that is gone (an editor's temporary file)
        # Any other file of the project may be one a fixed build will read (a
        # new section, the picture a failed build missed) — but not what
        # builds write: PDFs, the output folder, hidden temporary files.
        inside = path.relative_to(self.project)
        return not (inside.parts[0] in ("output", *PRIVATE) or path.suffix.lower() == ".pdf"
                    or any(part.startswith(".") for part in inside.parts))


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # removed, or being replaced
        return None


def watched_folders(project: Path) -> list[Path]:
    """The folders whose files a build may read: the project and the theme's own folders."""
    theme = Theme.for_project(project)
    fonts = set(theme.font_dirs())  # pip packages: nothing an author edits
    return [folder for folder in theme.roots() if folder not in fonts and folder.is_dir()]


def watch(project: Path, build_once: Callable[[], BuildReport],
          show: Callable[[BuildReport], None],
          changes: Callable[[list[Path]], Iterable] | None = None) -> int:
    """Build with *build_once*, print with *show*, and rebuild on every change that matters.

    *changes* yields sets of ``(change, path)`` for the given folders (the
    default is :func:`watchfiles.watch`, whose watcher keeps collecting
    while a rebuild runs, so no save is missed). Returns 0 when stopped by
    Ctrl-C (or when *changes* runs out).
    """
    project = project.resolve()
    changes = changes or (lambda folders: watchfiles.watch(
        *folders, debounce=DEBOUNCE_MS, raise_interrupt=True))
    try:
        watched = _attempt(project, build_once, show, Watched(project, {}), [])
        for batch in changes(watched_folders(project)):
            touched = watched.changed(sorted({Path(path).resolve() for _, path in batch}))
            if touched:
                watched = _attempt(project, build_once, show, watched, touched)
        return 0
    except KeyboardInterrupt:
        print("\nstopped watching", file=sys.stderr)
        return 0


def _attempt(project: Path, build_once: Callable[[], BuildReport],
             show: Callable[[BuildReport], None], watched: Watched,
             touched: list[Path]) -> Watched:
    """One build after a change to *touched*; returns what to watch next.

    After a failed build the old list stays, with *touched* marked changed:
    saving them again rebuilds, even with the bytes the last good build read.
    """
    names = ", ".join(display_path(path) for path in touched[:3])
    if names:
        print(f"changed: {names} — rebuilding", file=sys.stderr)
    started = time.perf_counter()
    try:
        report = build_once()
    except BuildError as exc:
        print(exc, file=sys.stderr)
    except Exception as exc:  # a bug, not the input: say so, and keep watching
        print(f"pressroom: internal error: {type(exc).__name__}: {exc} "
              "(run pressroom build --traceback and report it)", file=sys.stderr)
    else:
        show(report)
        print(f"{'rebuilt' if names else 'built'} in {report.seconds:.1f} s; watching for "
              "changes (Ctrl-C stops)", file=sys.stderr)
        return Watched(project, {Path(read.path).resolve(): read.sha256 for read in report.reads})
    print(f"build failed in {time.perf_counter() - started:.1f} s; the last good PDF is kept "
          "— fix the line above and save", file=sys.stderr)
    return Watched(project, {**watched.digests, **dict.fromkeys(touched)})

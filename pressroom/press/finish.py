"""Stage 6: write the laid-out document as a PDF, atomically.

The PDF goes to a temporary file beside the target (:func:`atomic_output`)
and is renamed over it only once written, finished and checked, so a failed
build never replaces the last good PDF.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import weasyprint

from ..errors import BuildError, display_path
from . import tagging

# Folders of a project that hold its sources: a PDF written there could
# overwrite a manuscript, template or stylesheet.
SOURCE_FOLDERS = ("content", "templates", "styles")

def check_target(target: Path, project: Path, inside: bool = False) -> Path:
    """*target* as an absolute path, if a PDF may be written there.

    Raises :class:`BuildError` (at *target*, no line) when it lies among the
    project's sources, is a folder, sits below a file or in a folder that
    cannot be written, or — with *inside*, for the default path, which the
    project (not the command line) decides — leaves the project through a
    symlink: found before the layout, not after it.
    """
    target = Path(os.path.abspath(target))
    real, project = Path(os.path.realpath(target)), Path(os.path.realpath(project))
    if inside and not real.is_relative_to(project):
        raise BuildError(target, 0, "refusing to write outside the project (output/ is a link "
                                    "out of it) — remove the link, or choose a path with -o")
    for folder in SOURCE_FOLDERS:
        if real.is_relative_to(project / folder):
            raise BuildError(target, 0, f"refusing to write the PDF inside {folder}/, among the "
                                        "sources — choose a path outside it with -o")
    if real == project / "publication.yml" or real.suffix.lower() in (".md", ".yml", ".yaml"):
        raise BuildError(target, 0, "refusing to overwrite a source file — the PDF needs a "
                                    "name ending in .pdf")
    if real.is_dir():
        raise BuildError(target, 0, "is a folder — give a file name such as "
                                    f"{display_path(target / 'publication.pdf')}")
    folder = real.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        raise BuildError(target, 0, f"'{display_path(folder)}' is a file, not a folder — "
                                    "choose another path with -o")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BuildError(target, 0, f"folder '{display_path(folder)}' is not writable — "
                                    "choose another path with -o")
    return target


def write_pdf(document: weasyprint.Document, path: Path, epoch: int,
              pdf_variant: str | None, tagged: bool = False) -> None:
    """Write *document* to *path* as a PDF of *pdf_variant*, dated *epoch*, not the clock.

    *tagged* writes the structure tree, with pressroom's amendments (:mod:`tagging`).
    """
    if tagged:
        tagging.install()
    with open(path, "wb") as stream, source_date_epoch(epoch):
        # No identifier from pydyf: to hash one it serialises, and so compresses, every
        # stream a second time; finish_pdf has qpdf write the trailer /ID from the content.
        document.write_pdf(stream, pdf_variant=pdf_variant, pdf_tags=tagged,
                           pdf_identifier=False)


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A temporary file beside *target*, renamed over it when the ``with`` body succeeds.

    Creates the target's folder. On any exception (Ctrl-C included) the
    temporary file is removed and *target* is left as it was. Raises
    :class:`BuildError` (at *target*) when the folder cannot be written.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:
        raise BuildError(target, 0, f"cannot write the PDF here ({exc.strerror}) — "
                                    "choose another path with -o") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private
        _replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _replace(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as exc:
        raise BuildError(target, 0, f"cannot write the PDF here ({exc.strerror}) — "
                                    "choose another path with -o") from None


@contextmanager
def source_date_epoch(epoch: int) -> Iterator[None]:
    """Set ``SOURCE_DATE_EPOCH`` while writing.

    fontTools stamps the ``head.modified`` field of every subset font with
    the current time unless this variable is set; without it two builds a
    second apart differ.
    """
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current

"""Stage 6: write the laid-out document as a PDF, atomically.

The PDF goes to a temporary file beside the target and is renamed over it
only once complete, so a failed build never replaces the last good PDF.
Post-processing hooks are WeasyPrint ``finisher`` callables applied in order.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pydyf
import weasyprint

Finisher = Callable[[weasyprint.Document, pydyf.PDF], None]


@dataclass(frozen=True)
class WriteOptions:
    """How to write: *epoch* replaces the clock; *post* rewrites the finished file."""

    epoch: int = 0
    pdf_variant: str | None = None
    finishers: tuple[Finisher, ...] = ()
    post: Callable[[Path], None] | None = None


def write_pdf(document: weasyprint.Document, target: Path, options: WriteOptions) -> int:
    """Write *document* to *target*; return the file size in bytes.

    The PDF is written with *options* (variant, timestamps, finishers), then
    post-processed by ``options.post`` (press finishing on the file). Creates
    the target's directory. On any error the temporary file is removed and
    *target* is left as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    chain = tuple(options.finishers)

    def finish(doc: weasyprint.Document, pdf: pydyf.PDF) -> None:
        for finisher in chain:
            finisher(doc, pdf)

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream, source_date_epoch(options.epoch):
            document.write_pdf(stream, finisher=finish if chain else None,
                               pdf_variant=options.pdf_variant)
        if options.post is not None:
            options.post(Path(temporary))
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target.stat().st_size


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

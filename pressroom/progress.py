"""Progress of a build on stderr: numbered stages with their timings.

A build calls :meth:`Progress.stage` as each stage starts and
:meth:`Progress.item` as a stage with many items advances (WeasyPrint lays
out one page after another); :meth:`Progress.done` ends the last stage. On
a terminal :class:`Printed` keeps one live line — the stage, the seconds it
has taken so far and a bar of the items — redrawn a few times a second by
a thread, so a long layout never sits silent. A build that succeeds then
prints one line per stage (on a terminal and in a CI log alike)::

    [5/7] Laying out pages  4.82 s  (40 pages)

A build that fails prints none: its error stays the one line it is.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
from typing import TextIO

STAGES = 7
TICK = 0.25  # seconds between redraws of the live line
BAR = 24  # characters of the bar
# WeasyPrint logs each page it lays out (or finds up to date, when it paginates again).
PAGE_RECORD = re.compile(r"^Step 5 - Creating layout - Page (\d+)(?: \(up-to-date\))?$")
PROGRESS_LINE = re.compile(r"^\[\d+/\d+\] ")  # how a finished stage's line starts


class Progress:
    """A build's progress, told to nobody (the base class is silent)."""

    def stage(self, number: int, text: str) -> None:
        """Stage *number* (1 to :data:`STAGES`) starts; the one before has ended."""

    def item(self, done: int, total: int = 0, unit: str = "pages") -> None:
        """*done* of *total* items (0: unknown) of the current stage are done."""

    def done(self, ok: bool = True) -> None:
        """The build has ended, well (*ok*) or with an error: the last stage has ended."""


class Printed(Progress):
    """Stages on *stream* with their timings; a live line with a bar when it is a terminal."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.lock = threading.Lock()
        self.current: tuple[int, str] | None = None
        self.started = 0.0
        self.count: tuple[int, int, str] = (0, 0, "")
        self.ticker: threading.Thread | None = None
        self.stopped = threading.Event()
        self.finished: list[str] = []

    def stage(self, number: int, text: str) -> None:
        with self.lock:
            self._end()
            self.current, self.started, self.count = (number, text), time.perf_counter(), (0, 0, "")
            if self.live:
                self._draw()
        if self.live and self.ticker is None:
            self.stopped.clear()
            self.ticker = threading.Thread(target=self._tick, daemon=True)
            self.ticker.start()

    def item(self, done: int, total: int = 0, unit: str = "pages") -> None:
        with self.lock:
            self.count = (done, total, unit)

    def done(self, ok: bool = True) -> None:
        self.stopped.set()
        if self.ticker is not None:
            self.ticker.join()
            self.ticker = None
        with self.lock:
            self._end()
            if self.live:
                self.stream.write("\r\033[K")
            if ok:
                self.stream.write("".join(f"{line}\n" for line in self.finished))
            self.stream.flush()
            self.finished.clear()

    def _tick(self) -> None:
        while not self.stopped.wait(TICK):
            with self.lock:
                if self.current is not None:
                    self._draw()

    def _line(self) -> tuple[str, tuple[int, int]]:
        number, text = self.current
        seconds = time.perf_counter() - self.started
        done, total, unit = self.count
        items = f"  ({max(done, total)} {unit})" if done else ""
        return f"[{number}/{STAGES}] {text}  {seconds:.2f} s{items}", (done, total)

    def _draw(self) -> None:
        line, (done, total) = self._line()
        if total:
            filled = min(BAR, round(BAR * done / total))
            line += f"  {'█' * filled}{'░' * (BAR - filled)} {done}/{total}"
        self.stream.write(f"\r\033[K{line}")
        self.stream.flush()

    def _end(self) -> None:
        """Keep the finished stage's line for :meth:`done`; call with the lock held."""
        if self.current is None:
            return
        self.finished.append(self._line()[0])
        self.current = None


class pages_counted:
    """Within the block, each page WeasyPrint lays out advances *progress*.

    The first pass counts pages with no total; a layout done again (the
    page-flow fitting, the contents ranges) has the first pass's count as
    its total, so the bar fills.
    """

    def __init__(self, progress: Progress):
        self.handler = _PageHandler(progress)
        self.logger = logging.getLogger("weasyprint.progress")

    def __enter__(self) -> None:
        self.level = self.logger.level
        self.logger.setLevel(logging.INFO)
        self.logger.addHandler(self.handler)

    def __exit__(self, *exc_info) -> None:
        self.logger.removeHandler(self.handler)
        self.logger.setLevel(self.level)


class _PageHandler(logging.Handler):
    def __init__(self, progress: Progress):
        super().__init__(logging.INFO)
        self.progress, self.last, self.total = progress, 0, 0

    def emit(self, record: logging.LogRecord) -> None:
        if page := PAGE_RECORD.match(record.getMessage()):
            done = int(page[1])
            if done <= self.last:  # a new pass begins: the last one's count is its total
                self.total = max(self.total, self.last)
            self.last = done
            self.progress.item(done, self.total)

"""``pressroom watch``: an edit, a broken edit and a fix, driven through a real process."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import ROOT, page_texts, section, write
from pressroom.watch import Watched

WAIT = 180  # seconds for one build on a slow machine


def text_of(pdf: Path) -> str:
    """Page 3's text, case folded: a first line is set in all small caps, whose glyphs
    serve a capital and a small letter alike (the PDF maps each glyph to one of them)."""
    return page_texts(pdf)[2].casefold()


class Session:
    """A ``pressroom watch`` process whose stderr lines are read as they come."""

    def __init__(self, project: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pressroom", "watch", str(project)], cwd=project,
            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))

    def stop(self) -> tuple[int, str]:
        """Ctrl-C: the exit status and everything printed on stderr."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=60)
        time.sleep(0.2)  # the reader drains the pipe
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        self.process.stdout.close()
        self.process.stderr.close()
        return code, "\n".join(self.seen)

    def until(self, pattern: str) -> list[str]:
        """The lines printed up to and including the first matching *pattern*."""
        deadline, got = time.monotonic() + WAIT, []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                assert self.process.poll() is None, f"watch exited: {self.seen}"
                continue
            got.append(line)
            self.seen.append(line)
            if re.search(pattern, line):
                return got
        raise AssertionError(f"no line matching {pattern!r} in {self.seen}")


def test_watch_rebuilds_on_edits_keeps_the_pdf_on_a_broken_edit_and_recovers(project):
    pdf = project / "output" / "test-booklet.pdf"
    one = project / "content" / "02-one.md"
    session = Session(project)
    try:
        session.until(r"^built in \d+\.\d s")
        assert "alpha text." in text_of(pdf)

        time.sleep(0.5)  # the watcher is set up once the first build is shown
        write(one, section("First Part", "Gamma text.\n"))
        printed = session.until(r"^rebuilt in \d+\.\d s")
        assert printed[0] == "changed: content/02-one.md — rebuilding"
        assert "gamma text." in text_of(pdf)
        good = pdf.read_bytes()

        write(one, section("First Part", "Text.\n\n::: nosuch\nx\n:::\n"))
        printed = session.until(r"^build failed in \d+\.\d s; the last good PDF is kept")
        assert "content/02-one.md:6: unknown component 'nosuch'" in printed
        assert pdf.read_bytes() == good

        # The fix restores the bytes the last good build read: it rebuilds all the same.
        write(one, section("First Part", "Gamma text.\n"))
        assert session.until(r"^rebuilt in \d+\.\d s")[0] == (
            "changed: content/02-one.md — rebuilding")
        assert "gamma text." in text_of(pdf)

        write(one, section("First Part", "Delta text.\n"))
        session.until(r"^rebuilt in \d+\.\d s")
        assert "delta text." in text_of(pdf)
    finally:
        code, printed = session.stop()
    assert code == 0
    assert "Traceback" not in printed and printed.endswith("stopped watching")
    assert sorted(p.name for p in (project / "output").iterdir()) == ["test-booklet.pdf"]


def test_ctrl_c_during_a_rebuild_exits_0_and_leaves_no_temporary_file(project):
    session = Session(project)
    try:
        session.until(r"^built in")
        time.sleep(0.5)
        write(project / "content" / "03-two.md", section("Second Part", "Changed.\n"))
        session.until(r"^changed: content/03-two\.md")
    finally:
        code, printed = session.stop()
    assert code == 0
    assert "Traceback" not in printed and printed.endswith("stopped watching")
    assert sorted(p.name for p in (project / "output").iterdir()) == ["test-booklet.pdf"]


def test_what_counts_as_a_change(tmp_path):
    project = tmp_path.resolve()
    read = write(project / "content" / "01-a.md", "# A\n")
    import hashlib
    digest = hashlib.sha256(read.read_bytes()).hexdigest()
    watched = Watched(project, {read: digest})
    assert watched.changed([read]) == []  # saved with the same bytes
    read.write_text("# A changed\n", encoding="utf-8")
    assert watched.changed([read]) == [read]
    new = project / "content" / "02-b.md"
    theme = Path("/elsewhere/styles/20-type.css")
    picture = write(project / "content" / "assets" / "x.png", "not read yet")
    assert watched.changed([new, picture]) == [picture]  # *new* is gone: an editor's temporary
    written = [project / "output" / "x.pdf", project / "output" / ".x.pdf.1234.tmp",
               project / "proof.pdf", project / ".git" / "index", theme]
    assert watched.changed(written) == []

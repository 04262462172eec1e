"""Records (messages.py) and progress (progress.py) as the terminal shows them."""

from __future__ import annotations

import io
import logging

from pressroom.messages import MACHINE, Finding, grouped, merged
from pressroom.progress import Printed, pages_counted

SECTIONS = (("content/02-one.md", "One"), ("content/03-two.md", "Two"))


def test_repeats_merge_into_one_record_with_every_page():
    font = Finding("error", "fonts", "font X is not embedded", 3)
    records = merged([font, Finding("warning", "overflow", "long", 2, "content/02-one.md:4"),
                      Finding("error", "fonts", "font X is not embedded", 1),
                      Finding("error", "fonts", "font X is not embedded", 3)])
    assert [(r.check, r.page, r.pages) for r in records] == [("fonts", 1, (1, 3)),
                                                              ("overflow", 2, (2,))]
    assert str(records[0]) == "publication: error: font X is not embedded (pages 1, 3) [fonts]"
    many = merged([Finding("warning", "rgb", "RGB", page) for page in range(1, 10)])
    assert str(many[0]) == "publication: warning: RGB (pages 1, 2, 3, 4, 5, 6 and 3 more) [rgb]"


def test_records_group_by_section_in_reading_order_machine_facts_last():
    records = [Finding("note", "font-subsetter", "fonts by fontTools", about=MACHINE),
               Finding("warning", "a", "late", 9, "content/03-two.md:2"),
               Finding("error", "b", "early", 5, "content/03-two.md:8"),
               Finding("error", "contents", "contents says 4", 2),
               Finding("warning", "c", "first", 3, "content/02-one.md:7"),
               Finding("warning", "d", "theme", 1, "/theme/styles/x.css:3")]
    assert [(heading, [r.check for r in members]) for heading, members in
            grouped(records, SECTIONS)] == [
        ("publication", ["contents"]), ("One (content/02-one.md)", ["c"]),
        ("Two (content/03-two.md)", ["b", "a"]), ("/theme/styles/x.css", ["d"]),
        ("machine", ["font-subsetter"])]
    assert str(records[0]) == "machine: note: fonts by fontTools [font-subsetter]"


def test_a_terminal_gets_a_live_line_with_a_bar_and_the_stages_once_done():
    stream = io.StringIO()
    progress = Printed(stream, live=True)
    progress.stage(5, "Laying out pages")
    progress.item(20, 40)
    progress._draw()
    assert stream.getvalue().endswith("(40 pages)  " + "█" * 12 + "░" * 12 + " 20/40")
    progress.stage(6, "Writing PDF")
    progress.done()
    lines = stream.getvalue().rsplit("\r\033[K", 1)[1].splitlines()
    assert [line[:22] for line in lines] == ["[5/7] Laying out pages", "[6/7] Writing PDF  0.0"]


def test_a_failed_build_prints_no_stage_and_a_pipe_no_live_line():
    stream = io.StringIO()
    progress = Printed(stream, live=False)
    progress.stage(1, "Loading publication.yml")
    progress.done(ok=False)
    assert stream.getvalue() == ""
    progress.stage(1, "Loading publication.yml")
    progress.done()
    assert stream.getvalue().startswith("[1/7] Loading publication.yml  0.0")
    assert "\r" not in stream.getvalue()


def test_pages_are_counted_from_weasyprints_progress_records():
    seen = []

    class Recorder(Printed):
        def item(self, done, total=0, unit="pages"):
            seen.append((done, total))

    logger = logging.getLogger("weasyprint.progress")
    with pages_counted(Recorder(io.StringIO(), live=False)):
        for page in (1, 2, 3, 1, 2, 3):
            logger.info("Step 5 - Creating layout - Page %d", page)
        logger.info("Step 5 - Creating layout - Page %d (up-to-date)", 1)
        logger.info("Step 6 - Creating PDF")
    # The second pass knows the first one's count: the bar can fill.
    assert seen == [(1, 0), (2, 0), (3, 0), (1, 3), (2, 3), (3, 3), (1, 3)]

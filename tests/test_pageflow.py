"""Page-flow preflight: empty and underfilled pages, lone last words of headings, marks in the bleed.

Each purpose-made project has exactly one defect, forced by structure (page
breaks, a block taller than any page, a line break) rather than by how much
text fits a page, so the theme's measure and margins may change freely.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from conftest import LONG_TEXT, MINIMAL_CONFIG, section, write
from pressroom.build import Gate, build
from pressroom.check.findings import PreflightInput
from pressroom.source.outputs import DEFAULT_OUTPUTS
from pressroom.check.pageflow import lone_last_word
from pressroom.check.slugcheck import MM, check_marks_in_bleed, marks_clearance

PAGE_FLOW = ("empty-page", "underfilled-page", "heading-last-word")
TEXT = "\n\n".join(LONG_TEXT.split("\n\n")[:2])  # two paragraphs: well over 15 % of a page
BREAK = "::: pagebreak\n:::\n"
TALL = "A block taller than any page.\n{: .tall}\n"  # pushes what follows to a new page
TEST_CSS = (".section-body p.tall { height: 400mm; margin: 0; }\n"
            # A compact closing: its page would be underfilled were it not designed.
            "div.callout.closing { margin: 0; padding: 0; border: 0; }\n")

PROJECTS = {  # name → body of the section "First Part" (front matter: 3 lines, body from line 4)
    "control": f"Alpha text.\n\n## A heading of several words\n\n{BREAK}\nOne last line.\n\n"
               "::: {.callout .closing}\nThe end, closed by design.\n:::\n",
    "empty": f"Alpha text.\n\n{BREAK}\n{BREAK}\n{TEXT}\n",
    "end-underfilled": f"Alpha text.\n\n{TALL}\nThe one line that runs over.\n",
    "mid-underfilled": f"Alpha text.\n\n{TALL}\nOne line alone.\n\n{BREAK}\n{TEXT}\n",
    "lone-word": f"## The quays and<br>piers\n\n{TEXT}\n",
}


def make_project(root: Path, body: str, config: str = MINIMAL_CONFIG) -> Path:
    write(root / "publication.yml", config)
    write(root / "styles" / "90-test.css", TEST_CSS)
    write(root / "content" / "00-cover.md", section("Cover", "Slogan.\n", layout="cover"))
    write(root / "content" / "01-toc.md", section("Contents", "", layout="toc"))
    write(root / "content" / "02-one.md", section("First Part", body))
    write(root / "content" / "03-back.md", section("Back", "Imprint.\n", layout="back"))
    return root


@pytest.fixture(scope="module")
def flow_findings(tmp_path_factory):
    """Project name → its page-flow findings, as (severity, check, page, line, message)."""
    found = {}
    for name, body in PROJECTS.items():
        root = make_project(tmp_path_factory.mktemp(name), body)
        report = build(root, root / "out.pdf", gate=Gate(enabled=False))
        found[name] = [(f.severity, f.check, f.page, f.source.rpartition(":")[2], f.message)
                       for f in report.findings if f.check in PAGE_FLOW]
    return found


def test_control_project_has_no_page_flow_findings(flow_findings):
    # An opener page, a page ending in a designed closing, a heading the ties keep whole.
    assert flow_findings["control"] == []


def test_a_page_break_after_another_leaves_an_empty_page(flow_findings):
    assert flow_findings["empty"] == [
        ("warning", "empty-page", 4, "9", "page 4 is empty, nothing but running heads and "
         "folios: a page break in 'First Part' follows another break — remove it")]


def test_the_end_of_a_section_run_onto_a_page_of_its_own(flow_findings):
    [(severity, check, page, line, message)] = flow_findings["end-underfilled"]
    assert (severity, check, page, line) == ("warning", "underfilled-page", 5, "9")
    # All but the percentage, which is how much of a page one line fills: the
    # theme's to change (see the module's docstring).
    assert message.startswith("page 5 is ") and message.endswith(
        " % filled: the end of 'First Part' (1 line) runs onto it — let the section end on "
        "page 4 (cut about 1 line or size a figure smaller), or add text to fill this page")


def test_a_line_held_alone_before_a_page_break(flow_findings):
    [(severity, check, page, line, message)] = flow_findings["mid-underfilled"]
    assert (severity, check, page, line) == ("warning", "underfilled-page", 5, "9")
    assert message.startswith("page 5 is ") and message.endswith(
        " % filled: 1 line of 'First Part' stands before a page break — remove the break or "
        "add text")


def test_a_heading_ending_in_one_short_word(flow_findings):
    assert flow_findings["lone-word"] == [
        ("warning", "heading-last-word", 3, "4", "heading 'The quays and piers' leaves 'piers' "
         "alone on its last line — reword or shorten it so that line holds two words or more")]


@pytest.mark.parametrize("lines, word", [
    (["The quays and", "piers"], "piers"),
    (["The quays and", "piers."], "piers."),
    (["The quays and", "waterfronts"], None),  # longer than 8 characters
    (["HARBOUR", "RENEWAL"], None),  # set one word to a line: nothing to rebalance
    (["The quays", "and the piers"], None),
    (["The quays and piers"], None),
    (["The quays and", "piers", ""], "piers"),
])
def test_lone_last_word(lines, word):
    assert lone_last_word(lines) == word


TRIM = [0.0, 0.0, 420.0, 595.0]


def around(box: list[float], mm: float) -> list[float]:
    return [box[0] - mm * MM, box[1] - mm * MM, box[2] + mm * MM, box[3] + mm * MM]


def test_marks_clearance_of_page_boxes():
    bleed = around(TRIM, 3)
    assert marks_clearance(bleed, TRIM, bleed) == ("inside the 3 mm bleed (MediaBox = BleedBox)",
                                                   6.0)
    assert marks_clearance(around(TRIM, 4), TRIM, bleed) == (
        "inside the 3 mm bleed (the MediaBox reaches 4.0 mm beyond the trim)", 6.0)
    assert marks_clearance(around(TRIM, 6), TRIM, bleed) is None  # exactly twice the bleed
    assert marks_clearance(around(TRIM, 13), TRIM, bleed) is None  # bleed + a 10 mm slug
    assert marks_clearance(TRIM, TRIM, TRIM) == (
        "on the trimmed page (no bleed; MediaBox = TrimBox)", 3.0)
    assert marks_clearance(around(TRIM, 3), TRIM, TRIM) is None  # no bleed: 3 mm at least


def write_boxes(path: Path, medias: list[list[float]]) -> Path:
    """A PDF of blank pages with the given MediaBoxes, each with a 3 mm bleed."""
    pdf = pikepdf.new()
    for media in medias:
        pdf.add_blank_page()
        page = pdf.pages[-1].obj
        page.MediaBox, page.TrimBox = pikepdf.Array(media), pikepdf.Array(TRIM)
        page.BleedBox = pikepdf.Array(around(TRIM, 3))
    pdf.save(path)
    return path


def marks_check(path: Path, marks: str, profile_marks: bool = True):
    profile = DEFAULT_OUTPUTS["print"]
    if not profile_marks:
        profile = DEFAULT_OUTPUTS["screen"]
    return check_marks_in_bleed(PreflightInput(None, path, profile, (), marks=marks))


def test_marks_inside_the_bleed_are_an_error_naming_the_pages(tmp_path):
    pdf = write_boxes(tmp_path / "boxes.pdf", [around(TRIM, 3), around(TRIM, 3), around(TRIM, 13)])
    [finding] = marks_check(pdf, "crop")
    assert (finding.severity, finding.check, finding.page) == ("error", "marks-in-bleed", 1)
    assert finding.message == (
        "crop marks fall inside the 3 mm bleed (MediaBox = BleedBox) on pages 1, 2 — they "
        "would be trimmed or printed on the picture: the MediaBox must reach 6 mm beyond the "
        "trim on each side")
    every = marks_check(write_boxes(tmp_path / "all.pdf", [around(TRIM, 3)] * 2), "crop cross")
    assert [f.message.split(" — ")[0] for f in every] == [
        "crop marks and registration marks fall inside the 3 mm bleed (MediaBox = BleedBox) "
        "on every page"]


def test_marks_in_a_slug_or_no_marks_pass(tmp_path):
    slug = write_boxes(tmp_path / "slug.pdf", [around(TRIM, 13)] * 2)
    tight = write_boxes(tmp_path / "tight.pdf", [around(TRIM, 3)])
    assert marks_check(slug, "crop") == []
    assert marks_check(tight, "none") == []
    assert marks_check(tight, "crop", profile_marks=False) == []


def test_a_build_with_crop_marks_draws_them_in_a_slug_and_is_not_reported(tmp_path):
    # pressroom draws the marks itself, in a 10 mm slug beyond the bleed
    # (pressroom/press/marks.py), so the written boxes leave them twice the bleed and
    # more: no page is tight and neither check reports one. (That a tight page
    # is reported is tested above, on written boxes.)
    config = MINIMAL_CONFIG + "page: {size: A5, bleed: 3mm, marks: crop}\n"
    root = make_project(tmp_path, "Alpha text.\n", config)
    report = build(root, root / "out.pdf", gate=Gate(enabled=False))
    with pikepdf.open(report.output) as pdf:
        boxes = [[[round(float(v) / MM, 2) for v in page.obj[name]]
                  for name in ("/MediaBox", "/TrimBox", "/BleedBox")] for page in pdf.pages]
    # In mm: media = bleed + slug, trim, bleed; on each of the four pages.
    assert boxes == [[[-13, -13, 161, 223], [0, 0, 148, 210], [-3, -3, 151, 213]]] * 4
    assert [number for number, (media, trim, bleed) in enumerate(boxes, start=1)
            if marks_clearance([v * MM for v in media], [v * MM for v in trim],
                               [v * MM for v in bleed])] == []
    assert marks_check(report.output, "crop") == []
    assert [f for f in report.findings if f.check == "marks-in-bleed"] == []

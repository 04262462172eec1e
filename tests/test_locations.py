"""Input that is odd but valid builds; findings and errors name the file and line they come from."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from conftest import drawn_images, outline, page_texts, real_ranges, section, toc_numbers, write
from pressroom.build import Gate, build
from pressroom.cli import main


def test_editor_droppings_and_a_byte_order_mark_are_harmless(project: Path):
    write(project / "content" / ".#02-one.md", "lock file of an editor, not Markdown\n")
    (project / "content" / "._02-one.md").write_bytes(b"\x00\x05\x16\x07 resource fork")
    (project / "content" / "02-one.md").write_bytes(
        "\ufeff".encode() + section("First Part", "Alpha text.\n").encode())
    report = build(project, project / "out.pdf", profile="screen")
    assert [title for title, _ in outline(report.output)] == [
        "Cover", "Contents", "First Part", "Second Part", "Back"]
    assert not {r.path.name for r in report.reads} & {".#02-one.md", "._02-one.md"}


def test_section_ids_are_unique_by_construction(project: Path):
    """"intro", "intro-4" and a second "intro" (with a heading "4") keep their own anchors."""
    for path in (project / "content").glob("0[23]-*.md"):
        path.unlink()
    write(project / "content" / "02-intro.md", section("Intro A", "## 4\n\n" + "Words. " * 900))
    write(project / "content" / "03-intro-4.md", section("Intro B", "Text.\n"))
    write(project / "content" / "04-intro.md", section("Intro C", "## 4\n\nText.\n"))
    write(project / "content" / "05-back.md", section("Back", "Imprint.\n", layout="back"))
    (project / "content" / "04-back.md").unlink()
    report = build(project, project / "out.pdf", profile="screen")
    assert report.warnings == ()  # no "anchor defined twice", nor anything else
    printed, real = toc_numbers(report.output), real_ranges(report.output)
    assert printed == {title: real[title] for title in ("Intro A", "Intro B", "Intro C")}
    assert printed == {"Intro A": "3–5", "Intro B": "6", "Intro C": "7"}


def test_raw_html_paths_are_relative_to_the_section_file(project: Path):
    Image.new("RGB", (900, 600), "#1f6f82").save(project / "content" / "pic.png")
    write(project / "content" / "02-one.md",
          section("First Part", 'Alpha.\n\n<img src="pic.png" alt="A picture" width="300">\n'))
    report = build(project, project / "out.pdf", profile="screen")
    assert project / "content" / "pic.png" in {r.path for r in report.reads}
    # Drawn on its page (300 CSS px at the screen's 150 ppi: 468 px), after the cover's shade.
    assert drawn_images(report.output) == [[(8, 512)], [], [(468, 312)], [], []]


def test_overflow_in_a_title_names_the_section_file_and_title_line(project: Path):
    write(project / "publication.yml", "title: Test\npage:\n  size: A5\n")
    write(project / "content" / "02-one.md",
          section("Naberezhnayaembankmentwithoutanyspaceforlinebreaking", "Text.\n"))
    # The theme breaks and hyphenates long words; a house style that forbids
    # it makes the title overflow for real.
    write(project / "styles" / "90-house.css", ".opener-title { white-space: nowrap; }")
    report = build(project, project / "out.pdf", profile="screen", gate=Gate(enabled=False))
    overflow = [f for f in report.findings if f.check == "overflow"]
    assert [(f.severity, f.page) for f in overflow] == [("error", 3)]
    assert {f.source for f in overflow} == {
        f"{project / 'content' / '02-one.md'}:2"}


def test_check_json_reports_a_project_that_does_not_load(project: Path, capsys):
    write(project / "publication.yml", "title: T\npage:\n  size: B7\n")
    assert main(["check", str(project), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1 and report["pages"] == 0
    assert report["findings"] == [{
        "severity": "error", "check": "input", "page": 0,
        "source": f"{project / 'publication.yml'}:3",
        "message": "page.size: expected A4, A5, Letter or 'WIDTH HEIGHT' such as '148mm 210mm', "
                   "got 'B7'"}]


def test_check_json_unknown_output_is_a_usage_error(project: Path, capsys):
    assert main(["check", str(project), "--json", "--output", "nosuch"]) == 2
    assert json.loads(capsys.readouterr().out)["findings"][0]["message"] == (
        "unknown output 'nosuch' (known: print, screen)")


def test_text_of_a_bom_section_has_no_stray_character(project: Path):
    (project / "content" / "02-one.md").write_bytes(
        "\ufeff".encode() + section("First Part", "Alpha text.\n").encode())
    report = build(project, project / "out.pdf", profile="screen")
    assert "\ufeff" not in "".join(page_texts(report.output))

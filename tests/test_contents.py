"""The contents page shows each section's real first page, and a range when it spans more."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import LONG_TEXT as LONG
from conftest import MINIMAL_CONFIG, build_clean, outline, page_texts, real_ranges, section, \
    toc_numbers, write

from pressroom.check.pdfchecks import read_contents


def test_ranges_for_multi_page_sections_and_single_numbers_otherwise(project: Path):
    write(project / "content" / "03-two.md", section("Second Part", LONG))
    report = build_clean(project)
    printed = toc_numbers(report.output)
    real = real_ranges(report.output)
    assert printed == {"First Part": real["First Part"], "Second Part": real["Second Part"]}
    assert printed == {"First Part": "3", "Second Part": "4–13"}


def test_ranges_off_shows_first_pages_only(project: Path):
    write(project / "content" / "03-two.md", section("Second Part", LONG))
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("toc:\n  ranges: false\n  title: In this issue\n")
    report = build_clean(project)
    printed = toc_numbers(report.output)
    real = real_ranges(report.output)
    assert printed["Second Part"] == real["Second Part"].split("–")[0]
    assert (printed, real["Second Part"]) == ({"First Part": "3", "Second Part": "4"}, "4–13")
    assert page_texts(report.output)[1].splitlines()[0] == "IN THIS ISSUE"


def test_in_toc_false_leaves_the_section_out(project: Path):
    write(project / "content" / "02-one.md", section("First Part", in_toc="false"))
    report = build_clean(project)
    assert list(toc_numbers(report.output)) == ["Second Part"]
    assert toc_numbers(report.output)["Second Part"] == real_ranges(report.output)["Second Part"]


# A title that wraps on an A4 contents page.
WRAPPED = ("A very long title for the renewal of the harbour, its quays, basins and bonded "
           "stores, that runs well past the end of one contents line")
LEADER_AND_PAGE = re.compile(r"\.{3,}\s*(\d+(?:–\d+)?)$")


def page_lines(pdf: Path, page_index: int) -> list[list[tuple[str, tuple[float, ...]]]]:
    """The text lines of a page, each as its characters with their boxes (left, bottom, right, top)."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        textpage = document[page_index].get_textpage()
        text = textpage.get_text_range()
        chars = [(char, textpage.get_charbox(index)) for index, char in enumerate(text)]
    finally:
        document.close()
    lines, line = [], []
    for char, box in chars:
        if char in "\r\n":
            if line:
                lines.append(line)
            line = []
        else:
            line.append((char.replace("\xa0", " "), box))
    return [*lines, line] if line else lines


def entry(lines, number: str):
    """The lines of the contents entry *number* ("02"): its first to the one ending in its page."""
    texts = ["".join(char for char, _ in line).strip() for line in lines]
    start = next(i for i, text in enumerate(texts) if text.startswith(f"{number} "))
    end = next(i for i in range(start, len(texts)) if LEADER_AND_PAGE.search(texts[i]))
    return lines[start:end + 1], texts[start:end + 1]


def test_a_wrapped_title_keeps_its_leader_and_page_on_its_last_line(project: Path):
    write(project / "content" / "02-one.md", section(WRAPPED, LONG))
    report = build_clean(project)
    assert not [f for f in report.findings if f.check == "contents"]
    real = real_ranges(report.output)
    lines, texts = entry(page_lines(report.output, 1), "01")
    assert len(texts) == 3, texts  # the title wraps onto three lines
    # Leader and page on the entry's last line, read right: the page the section starts on.
    leader = LEADER_AND_PAGE.search(texts[-1])
    assert leader and leader[1] == real[WRAPPED] and "–" in leader[1]
    assert " ".join([texts[0][3:], *texts[1:-1], texts[-1][:leader.start()]]).split() \
        == WRAPPED.split()
    assert not any(LEADER_AND_PAGE.search(text) or "..." in text for text in texts[:-1])
    assert read_contents(report.output, [WRAPPED]) == [real[WRAPPED]]
    assert toc_numbers(report.output)["Second Part"] == real["Second Part"]

    # The wrapped lines hang under the title's first letter, right of its number.
    number_left = lines[0][0][1][0]
    title_left = next(box[0] for char, box in lines[0][2:] if char.strip())
    # 14 mm ≈ 40 pt (less the side bearings of '0' and 'A').
    assert title_left - number_left == pytest.approx(14 * 72 / 25.4, abs=0.5)
    for line in lines[1:]:
        assert abs(line[0][1][0] - title_left) < 0.5
    # The page is right-aligned with the one-line entry's page, on the last line's
    # baseline, and clear of every letter of the title.
    page = [box for char, box in lines[-1] if char.isdigit() or char == "–"]
    one_line, _ = entry(page_lines(report.output, 1), "02")
    assert abs(page[-1][2] - [box for char, box in one_line[-1] if char.isdigit()][-1][2]) < 0.5
    letters = [box for line in lines for char, box in line if char.isalpha()]
    # A bound, the rule itself: how far clear depends on where the title's lines end.
    assert page[0][0] > max(box[2] for box in letters) + 5
    last_letters = [box for char, box in lines[-1] if char in "nei"]  # letters on the baseline
    assert abs(min(box[1] for box in last_letters) - page[0][1]) < 0.6


def test_every_fill_of_a_last_line_keeps_three_dots_and_the_page(project: Path):
    # Titles a letter longer each, so one of them ends its last line at every
    # point of the last few millimetres before the page number.
    base = "The harbour renewal and the waterfront plan of the town and its quays, "
    titles = [base + "x" * n + " end" for n in range(14, 30)]
    for n, title in enumerate(titles):
        write(project / "content" / f"03-{n:02d}.md", section(title, "Text.\n"))
    report = build_clean(project)
    assert not [f for f in report.findings if f.check == "contents"]
    real = real_ranges(report.output)
    contents = page_lines(report.output, 1) + page_lines(report.output, 2)
    for number, title in enumerate(titles, start=2):  # after First Part
        _, texts = entry(contents, f"{number:02d}")
        leader = LEADER_AND_PAGE.search(texts[-1])  # three dots at least, then the page
        assert leader and leader[1] == real[title], texts
        assert " ".join([texts[0][3:], *texts[1:-1], texts[-1][:leader.start()]]).split() \
            == title.split()


def printed_entries(pdf: Path, page_index: int = 1) -> list[tuple[str, str]]:
    """(title, page text) of every contents line, in the order printed (titles may repeat)."""
    lines = page_texts(pdf)[page_index].splitlines()
    return [(match[1], match[2]) for line in lines
            if (match := re.match(r"^\d\d\s+(.+?)\s*\.{3,}\s*(\d+(?:–\d+)?)\s*$", line.strip()))]


def real_entries(pdf: Path) -> list[tuple[str, str]]:
    """(title, "start" or "start–end") of every bookmark, in order (titles may repeat)."""
    marks, texts = outline(pdf), page_texts(pdf)
    ranges = []
    for (title, start), following in zip(marks, [*marks[1:], (None, len(texts))]):
        end = max(i for i in range(start, following[1]) if texts[i].strip() or i == start)
        ranges.append((title, str(start + 1) if end == start else f"{start + 1}–{end + 1}"))
    return ranges


def test_two_sections_with_one_title_each_show_their_own_pages(tmp_path: Path):
    write(tmp_path / "publication.yml",
          MINIMAL_CONFIG + "toc:\n  title: Contents\n  ranges: true\n")
    write(tmp_path / "content" / "00-cover.md", section("Cover", "Slogan.\n", layout="cover"))
    write(tmp_path / "content" / "01-toc.md", section("Contents", "", layout="toc"))
    write(tmp_path / "content" / "02-orchard.md", section("The Open Orchard", LONG))
    write(tmp_path / "content" / "03-between.md", section("In Between", LONG))
    write(tmp_path / "content" / "04-orchard.md", section("The Open Orchard", LONG))
    write(tmp_path / "content" / "05-back.md", section("Back", "Imprint.\n", layout="back"))
    report = build_clean(tmp_path)  # no false contents error stops the build
    assert not [f for f in report.findings if f.check == "contents"]
    real = dict(enumerate(r for t, r in real_entries(report.output) if t == "The Open Orchard"))
    printed = printed_entries(report.output)
    assert [title for title, _ in printed] == ["The Open Orchard", "In Between", "The Open Orchard"]
    first, second = printed[0][1], printed[2][1]
    assert (first, second) == (real[0], real[1])
    assert "–" in first and "–" in second and first != second
    assert read_contents(report.output, ["The Open Orchard", "In Between", "The Open Orchard"]) \
        == [first, printed[1][1], second]

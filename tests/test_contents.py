"""The contents page shows each section's real first page, and a range when it spans more."""

from __future__ import annotations

from pathlib import Path

from conftest import LONG_TEXT as LONG
from conftest import build_clean, page_texts, real_ranges, section, toc_numbers, write


def test_ranges_for_multi_page_sections_and_single_numbers_otherwise(project: Path):
    write(project / "content" / "03-two.md", section("Second Part", LONG))
    report = build_clean(project)
    printed = toc_numbers(report.output)
    real = real_ranges(report.output)
    assert printed == {"First Part": real["First Part"], "Second Part": real["Second Part"]}
    assert "–" in printed["Second Part"] and "–" not in printed["First Part"]


def test_ranges_off_shows_first_pages_only(project: Path):
    write(project / "content" / "03-two.md", section("Second Part", LONG))
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("toc:\n  ranges: false\n  title: In this issue\n")
    report = build_clean(project)
    printed = toc_numbers(report.output)
    real = real_ranges(report.output)
    assert printed["Second Part"] == real["Second Part"].split("–")[0]
    assert "In this issue".upper() in page_texts(report.output)[1].upper()


def test_in_toc_false_leaves_the_section_out(project: Path):
    write(project / "content" / "02-one.md", section("First Part", in_toc="false"))
    report = build_clean(project)
    assert list(toc_numbers(report.output)) == ["Second Part"]
    assert toc_numbers(report.output)["Second Part"] == real_ranges(report.output)["Second Part"]

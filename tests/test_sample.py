"""The sample publication in the repository root, built end to end."""

from __future__ import annotations

import re
import time

import pikepdf
import pytest

from conftest import ROOT, build_clean, outline, page_texts, real_ranges, toc_numbers
from pressroom.build import load_publication
from pressroom.findings import THEME_FONTS
from pressroom.gate import ReadGate
from pressroom.sections import load_sections
from pressroom.theme import Theme


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    report = build_clean(ROOT, tmp_path_factory.mktemp("sample") / "sample.pdf")
    return report


@pytest.fixture(scope="module")
def sections():
    theme = Theme.for_project(ROOT)
    return load_sections(ROOT, theme.layouts, ReadGate(theme.roots()))


def test_sample_is_a_brochure_of_at_least_24_pages_and_8_sections(sample, sections):
    assert sample.pages >= 24
    assert sum(s.in_toc for s in sections) >= 8


def test_contents_numbers_and_ranges_match_the_real_pages(sample, sections):
    printed = toc_numbers(sample.output)
    real = real_ranges(sample.output)
    listed = [s.title for s in sections if s.in_toc]
    assert list(printed) == listed
    assert printed == {title: real[title] for title in listed}
    assert any("–" in pages for pages in printed.values())


def test_outline_lists_every_section_at_its_opening_page(sample, sections):
    marks = outline(sample.output)
    assert [title for title, _ in marks] == [s.title for s in sections]
    texts = page_texts(sample.output)
    for section, (_, index) in zip(sections, marks):
        if section.layout == "section":
            first_words = section.title.upper().split()[0]
            assert first_words in texts[index].upper(), section.title


def test_print_geometry_from_the_config(sample):
    page = load_publication(ROOT).page
    assert (page.size, page.bleed) == ("A4", "3mm")
    with pikepdf.open(sample.output) as pdf:
        for pdf_page in pdf.pages:
            media = [float(v) for v in pdf_page.MediaBox]
            trim = [float(v) for v in pdf_page.TrimBox]
            assert round(trim[2] - trim[0], 1) == 595.3 and round(trim[3] - trim[1], 1) == 841.9
            # 3 mm bleed and a 10 mm slug for the crop marks, on each side.
            assert round(media[2] - media[0] - (trim[2] - trim[0]), 1) == 73.7


def test_every_picture_is_in_the_pdf_and_no_markup_leaks(sample):
    assets = {p.name for p in (ROOT / "content" / "assets").iterdir()
              if p.suffix in (".jpg", ".png")}
    with pikepdf.open(sample.output) as pdf:
        raster = sum(len(page.get_images()) for page in pdf.pages)
    assert raster >= len(assets)
    text = "\n".join(page_texts(sample.output))
    for leak in ("[^", "](", "{.", "{{", "{%", ":::"):
        assert leak not in text


def test_sample_shows_every_component_and_placement():
    markdown = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "content").glob("*.md"))
    used = set(re.findall(r"^:{3,}\s*\{?\.?([\w-]+)", markdown, re.MULTILINE))
    declared = {p.stem for p in (ROOT / "templates" / "components").glob("*.html")} - {"figure"}
    assert declared <= used, declared - used
    placements = set(re.findall(r"\)\{\.([\w-]+)\}", markdown))
    assert {"half", "full-page", "full-bleed", "plain"} <= placements
    assert re.search(r"^numeral: ", markdown, re.MULTILINE)
    assert re.search(r"^::: \{\.callout \.caps\}", markdown, re.MULTILINE)
    assert re.search(r"^::: \{\.callout \.closing\}", markdown, re.MULTILINE)


def test_sample_pdf_carries_the_components_text(sample):
    text = "".join("".join(page_texts(sample.output)).split()).lower()
    for words in ["€1.14 bn", "03.08.1868", "Notice to mariners No. 7 of 1998",
                  "Every metre of the water's edge", "What listing means", "Ruth Abernethy",
                  "Harbour Steps · April 2026", "Keeping them open is the work",
                  "years of the harbour"]:
        assert "".join(words.split()).lower().replace("'", "’") in text, words


def test_only_theme_fonts_are_embedded(sample):
    with pikepdf.open(sample.output) as pdf:
        names = {str(font.BaseFont)[8:] for page in pdf.pages
                 for font in page.Resources.get("/Font", {}).values()}
    assert names and all(name.startswith(THEME_FONTS) for name in names), names


def test_rebuild_is_byte_identical(sample, tmp_path):
    time.sleep(1.1)
    again = build_clean(ROOT, tmp_path / "again.pdf")
    assert again.output.read_bytes() == sample.output.read_bytes()


def test_table_columns_keep_their_words_whole(sample):
    # Cells break only words too long for any column: the header and the
    # figures of the phases table stay whole (a one-letter column would not).
    text = " ".join(page_texts(sample.output)).replace("\r\n", " ")
    assert "PHASE YEARS MAIN WORKS HOMES" in text
    assert "1,900" in text and "3,400" in text and "Total" in text

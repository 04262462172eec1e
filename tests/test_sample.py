"""The sample publication in the repository root, built end to end."""

from __future__ import annotations

import re

import pikepdf
import pytest

from conftest import (ROOT, drawn_images, images_drawn, missing_glyphs, outline,
                      page_texts, real_ranges, toc_numbers)
from pressroom.build import load_publication
from pressroom.check.findings import THEME_FONTS
from pressroom.source.gate import ReadGate
from pressroom.source.sections import load_sections
from pressroom.source.theme import Theme


@pytest.fixture(scope="module")
def sample(sample_print):
    """The session's one build of the sample (conftest.sample_print), read-only."""
    return sample_print


@pytest.fixture(scope="module")
def sections():
    theme = Theme.for_project(ROOT)
    return load_sections(ROOT, theme.layouts, ReadGate(theme.roots()))


# The sample's contents page: every section listed, each with the pages it runs.
CONTENTS = {
    "Foreword": "3–4", "A harbour since 1868": "5–9", "Timeline": "10–12",
    "The Open Quays plan": "13–17", "North Quay and the Harbour Steps": "18–21",
    "The Bonded Stores": "22–25", "South Basin and the Ashby barrier": "26–29",
    "The harbour in figures": "30–33", "Voices from the quay": "34–36", "Outlook 2040": "37–39",
}


def test_sample_is_a_brochure_of_40_pages_and_10_sections(sample, sections):
    # The brief asks for 24 pages or more and 8 sections or more; these are the sample's.
    assert sample.pages == 40 and len(page_texts(sample.output)) == 40
    assert [s.title for s in sections if s.in_toc] == list(CONTENTS)
    assert [s.layout for s in sections] == ["cover", "toc", *["section"] * 10, "back"]


def test_contents_numbers_and_ranges_match_the_real_pages(sample, sections):
    printed = toc_numbers(sample.output)
    real = real_ranges(sample.output)
    listed = [s.title for s in sections if s.in_toc]
    assert list(printed) == listed
    assert printed == {title: real[title] for title in listed}
    assert printed == CONTENTS


def test_outline_lists_every_section_at_its_opening_page(sample, sections):
    marks = outline(sample.output)
    assert [title for title, _ in marks] == [s.title for s in sections]
    texts = page_texts(sample.output)
    openers = [index for section, (_, index) in zip(sections, marks) if section.layout == "section"]
    assert [index + 1 for index in openers] == [int(pages.split("–")[0])
                                                for pages in CONTENTS.values()]
    for section, (_, index) in zip(sections, marks):
        if section.layout == "section":
            # The whole title, in capitals, on the opener (it may wrap over lines).
            opener = " ".join(texts[index].split())
            assert " ".join(section.title.upper().split()) in opener, (section.title, opener[:80])


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


# Where each raster picture the sample places is drawn: 1-based page, and its
# pixels after the print profile brought it down to 300 ppi at its placed size.
# The cover also draws the theme's shade (styles/img/cover-shade.png, 8 × 512).
PICTURES = [
    ("cover.jpg", 1, (2552, 3579)), ("quay-1890.jpg", 6, (1530, 1020)),
    ("promenade-tall.jpg", 20, (2552, 3579)), ("bonded-stores.jpg", 23, (734, 489)),
    ("marsh.jpg", 28, (1024, 683)), ("portrait-abernethy.jpg", 35, (543, 664)),
    ("portrait-malhotra.jpg", 36, (543, 664)),
]
SHADE = (8, 512)


def test_every_picture_is_drawn_on_its_page_and_no_markup_leaks(sample):
    markdown = "\n".join(p.read_text(encoding="utf-8")
                         for p in sorted((ROOT / "content").glob("*.md")))
    # Every raster the Markdown places (figures, the cover's background, portraits).
    assert re.findall(r"assets/([\w-]+\.(?:jpg|png))", markdown) == [
        name for name, _, _ in PICTURES]
    # Counted as drawn by each page's content, not listed in the resources
    # (one dictionary shared by every page lists every image on each of them).
    expected = [[] for _ in range(sample.pages)]
    for _, page, pixels in PICTURES:
        expected[page - 1].append(pixels)
    expected[0].append(SHADE)  # drawn over the cover photo
    assert drawn_images(sample.output) == expected
    assert images_drawn(sample.output) == [len(page) for page in expected]
    text = "\n".join(page_texts(sample.output))
    for leak in ("[^", "](", "{.", "{{", "{%", ":::"):
        assert leak not in text


def test_sample_shows_every_component_and_placement():
    markdown = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "content").glob("*.md"))
    # An opening fence names its component on its own line ([ \t], not \s: a
    # closing ':::' is followed by a line break and the next paragraph's first word).
    used = set(re.findall(r"^:{3,}[ \t]*\{?\.?([\w-]+)", markdown, re.MULTILINE))
    declared = {p.stem for p in (ROOT / "templates" / "components").glob("*.html")} - {"figure"}
    assert used == declared, (declared - used, used - declared)
    placements = set(re.findall(r"\)\{\.([\w-]+)\}", markdown))
    # Every figure variant but .reversed (a signature on a dark ground: the cover's is SVG).
    assert placements == {"half", "full-page", "full-bleed", "plain", "signature"}
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
    assert missing_glyphs(sample.output) == {}  # and no empty box of one either


def test_rebuild_is_byte_identical(sample, sample_checked):
    # The rebuild is the session's `pressroom check ROOT --strict` (conftest.sample_checked):
    # the sample built again, 1.1 s after the first build at least, its PDF kept.
    again = sample_checked.report
    assert again.warnings == (), f"unexpected layout warnings: {again.warnings}"
    assert again.output.read_bytes() == sample.output.read_bytes()


def test_table_columns_keep_their_words_whole(sample):
    # Cells break only words too long for any column: the header and the
    # figures of the phases table stay whole (a one-letter column would not).
    text = " ".join(page_texts(sample.output)).replace("\r\n", " ")
    assert "PHASE YEARS MAIN WORKS HOMES" in text
    assert "1,900" in text and "3,400" in text and "Total" in text

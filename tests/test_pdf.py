"""End-to-end builds of small projects, checked by reading the PDF."""

from __future__ import annotations

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from conftest import (LONG_TEXT, after_the_clock_moved_on, build_clean, drawn_images,
                      images_drawn, make_minimal, missing_glyphs, outline, page_texts,
                      plant_machine_font, plant_no_machine_fonts, section, write)
from pressroom.build import Gate, build
from pressroom.check.findings import THEME_FONTS

MM = 72 / 25.4


def boxes(pdf_path):
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        return page.get_mediabox(), page.get_trimbox(), page.get_bleedbox()
    finally:
        pdf.close()


def size_mm(box):
    return round((box[2] - box[0]) / MM, 1), round((box[3] - box[1]) / MM, 1)


def crop_marks_config(size: str) -> str:
    return f"page:\n  size: {size}\n  bleed: 3mm\n  marks: crop\n"


@pytest.fixture(scope="module")
def a4_crop_marks(tmp_path_factory):
    """The minimal project at A4 with 3 mm bleed and crop marks, built once for two tests."""
    project = make_minimal(tmp_path_factory.mktemp("a4-crop"))
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write(crop_marks_config("A4"))
    return build_clean(project)


@pytest.mark.parametrize("size, expected", [
    ("A4", (210.0, 297.0)), ("A5", (148.0, 210.0)), ("Letter", (215.9, 279.4)),
    ('"170mm 240mm"', (170.0, 240.0)),
])
def test_page_size_bleed_and_slug_boxes(request, size, expected):
    if size == "A4":  # the build test_crop_marks_are_drawn_outside_the_bleed reads too
        report = request.getfixturevalue("a4_crop_marks")
    else:
        project = request.getfixturevalue("project")
        with open(project / "publication.yml", "a", encoding="utf-8") as config:
            config.write(crop_marks_config(size))
        report = build_clean(project)
    media, trim, bleed = boxes(report.output)
    assert size_mm(trim) == expected
    assert size_mm(bleed) == (expected[0] + 6, expected[1] + 6)
    # The marks need a slug: 10 mm beyond the bleed on every side.
    assert size_mm(media) == (expected[0] + 26, expected[1] + 26)
    assert trim[0] - bleed[0] == pytest.approx(3 * MM, abs=0.01)
    assert bleed[0] - media[0] == pytest.approx(10 * MM, abs=0.01)


def mark_lines(pdf_path, index: int = 0) -> list[tuple[float, float, float, float]]:
    """Bounds of the path objects drawn outside the BleedBox of one page."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[index]
        left, bottom, right, top = page.get_bleedbox()
        paths = [o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
        return [b for b in paths
                if b[2] < left or b[0] > right or b[3] < bottom or b[1] > top]
    finally:
        pdf.close()


def test_crop_marks_are_drawn_outside_the_bleed(a4_crop_marks):
    report = a4_crop_marks  # A4 (the default size, written out), 3 mm bleed, crop marks
    media, trim, bleed = boxes(report.output)
    marks = mark_lines(report.output)
    assert len(marks) == 8  # two at each corner
    half_stroke = 0.25  # the bounds of a 0.5 pt line reach half its width past its ends
    for x1, y1, x2, y2 in marks:
        horizontal = y2 - y1 < 1
        # Each mark lies on a trim line and starts 1 mm beyond the 3 mm bleed
        # (pressroom/press/marks.py): 4 mm from the trim, and is 6 mm long.
        if horizontal:
            assert min(abs(y1 - trim[1]), abs(y1 - trim[3])) < 0.5
            gap, length = min(abs(x1 - trim[2]), abs(trim[0] - x2)), x2 - x1
        else:
            assert min(abs(x1 - trim[0]), abs(x1 - trim[2])) < 0.5
            gap, length = min(abs(y1 - trim[3]), abs(trim[1] - y2)), y2 - y1
        assert gap == pytest.approx(4 * MM - half_stroke, abs=0.01)
        assert length == pytest.approx(6 * MM + 2 * half_stroke, abs=0.01)
        assert media[0] < x1 and x2 < media[2] and media[1] < y1 and y2 < media[3]
    with pikepdf.open(report.output) as pdf:
        assert "/PressroomAll" in pdf.pages[0].Resources.ColorSpace  # registration colour


def test_bleed_without_marks_has_no_slug(project):
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("page:\n  bleed: 3mm\n  marks: none\n")
    report = build_clean(project)
    media, trim, bleed = boxes(report.output)
    assert media == bleed and size_mm(media) == (216.0, 303.0)
    assert mark_lines(report.output) == []


def test_no_bleed_by_default(minimal_print):
    _, report = minimal_print  # the untouched project, built once a session
    media, trim, _ = boxes(report.output)
    assert media == trim and size_mm(trim) == (210.0, 297.0)


@pytest.fixture(scope="module")
def long_first_part(tmp_path_factory):
    """The minimal project with a First Part of LONG_TEXT (ten pages), built once."""
    project = make_minimal(tmp_path_factory.mktemp("long"))
    write(project / "content" / "02-one.md", section("First Part", LONG_TEXT))
    return build_clean(project)


def test_outline_has_one_entry_per_section_at_its_first_page(long_first_part):
    report = long_first_part
    marks = outline(report.output)
    assert [title for title, _ in marks] == ["Cover", "Contents", "First Part", "Second Part", "Back"]
    texts = page_texts(report.output)
    for title, index in marks[2:4]:
        assert title.upper() in texts[index].upper()
    # The long section took ten pages (3–12), the short one its opener alone.
    assert [index for _, index in marks] == [0, 1, 2, 12, 13] and len(texts) == 14


def test_running_head_and_folios(long_first_part):
    report = long_first_part
    texts = page_texts(report.output)
    start = dict(outline(report.output))["First Part"]
    # Opener page: title band, no running head; following pages: running head
    # (letter-spaced, so the PDF text spaces its letters) and the folio outside.
    assert texts[start].upper().count("FIRST PART") == 1
    assert "F I R S T" not in texts[start]
    assert texts[start].splitlines()[-1] == "T E S T B O O K L E T 3"  # a recto: folio right
    verso, recto = texts[start + 1].splitlines(), texts[start + 2].splitlines()
    assert verso[-2:] == ["F I R S T PA R T", "4 T E S T B O O K L E T"]
    assert recto[-2:] == ["F I R S T PA R T", "T E S T B O O K L E T 5"]
    # Cover: neither folio nor running footer.
    assert "1" not in texts[0].split() and "TEST BOOKLET" in texts[0].upper()


def test_metadata_comes_from_the_config(project):
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("lang: de-CH\nsubtitle: A subtitle\n")
    report = build_clean(project)
    with pikepdf.open(report.output) as pdf:
        info = pdf.docinfo
        assert str(info["/Title"]) == "Test Booklet"
        assert str(info["/Author"]) == "Test Author"
        assert str(info["/CreationDate"]).startswith("D:20260102")
        assert str(info["/ModDate"]).startswith("D:20260102")
        assert str(pdf.Root.Lang) == "de-CH"


def test_fonts_are_embedded_subset_theme_fonts(minimal_print):
    _, report = minimal_print
    with pikepdf.open(report.output) as pdf:
        fonts = {}
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                fonts[str(font.BaseFont)] = font
        assert fonts
        families = set()
        for name, font in fonts.items():
            descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), name
            assert name[7:8] == "+" and name[1:7].isupper(), f"{name} is not subset"
            families.add(str(descriptor.get("/FontFamily", name)))
        # Only the theme's pip-packaged families: a fallback to a machine font
        # (a glyph missing from the theme fonts) would make builds machine-dependent.
        for name in fonts:
            assert name[8:].startswith(THEME_FONTS), name
        assert families == {"Source Serif 4", "Fira Sans Condensed"}  # text and display faces
    assert missing_glyphs(report.output) == {}


CLEF = "\U0001d11e"  # the G clef: in no theme font, in Noto Music (conftest.plant_machine_font)


def test_the_font_checks_see_a_glyph_the_theme_lacks_on_any_machine(project, tmp_path,
                                                                   monkeypatch):
    """What the "only theme fonts, no missing glyph" checks of the suite read, seen failing.

    A missing glyph is drawn either in a machine font that has it, or, when
    none has it, as an empty box of a theme font; both fonts are planted here,
    so this does not depend on the machine's fonts.
    """
    write(project / "content" / "02-one.md", section("First Part", f"A clef: {CLEF}.\n"))
    monkeypatch.setenv("FONTCONFIG_FILE", str(plant_machine_font(tmp_path)))
    fallback = build(project, tmp_path / "fallback.pdf", gate=Gate(enabled=False))
    assert missing_glyphs(fallback.output) == {}
    with pikepdf.open(fallback.output) as pdf:
        fonts = {str(font.BaseFont)[8:] for font in pdf.pages[2].Resources.Font.values()}
    assert [name for name in fonts if not name.startswith(THEME_FONTS)] == [
        "Noto-Music-All-Small-Caps"]
    monkeypatch.setenv("FONTCONFIG_FILE", str(plant_no_machine_fonts(tmp_path)))
    boxed = build(project, tmp_path / "boxed.pdf", gate=Gate(enabled=False))
    assert missing_glyphs(boxed.output) == {CLEF: {"Source-Serif-4,"}}
    # WeasyPrint says so too (the suite's builds assert no warnings); the fallback is silent.
    assert boxed.warnings == (f'.notdef glyph rendered for Unicode string unsupported by fonts: '
                              f'"{CLEF}" (U+1D11E)',)
    assert fallback.warnings == ()
    with pikepdf.open(boxed.output) as pdf:
        fonts = {str(font.BaseFont)[8:] for font in pdf.pages[2].Resources.Font.values()}
    assert fonts and all(name.startswith(THEME_FONTS) for name in fonts), fonts
    # And the preflight finds each: a machine font, then the empty box.
    assert [(f.severity, f.check, f.page) for f in fallback.findings] == [("error", "fonts", 3)]
    assert [(f.severity, f.check, f.page) for f in boxed.findings] == [
        ("error", "missing-glyph", 3)]


def test_two_builds_are_byte_identical(minimal_print, tmp_path):
    project, shared = minimal_print  # the first build: the session's, never written to
    first = shared.output.read_bytes()
    after_the_clock_moved_on(shared.output)  # timestamps taken from the clock would now differ
    second = build_clean(project, tmp_path / "b.pdf").output.read_bytes()
    assert first == second


def test_project_overrides_theme_file_by_file(project):
    write(project / "templates" / "layouts" / "back.html",
          '<p class="custom-back">Printed on recycled paper</p>\n')
    # A project replacing the typography file keeps a theme face (a machine font is an error).
    write(project / "styles" / "20-type.css",
          'html { font-size: 9pt; font-family: "Source Serif 4", serif; }\n')
    write(project / "styles" / "95-extra.css", ".custom-back { color: red; }\n")
    report = build_clean(project)
    texts = page_texts(report.output)
    assert "Printed on recycled paper" in texts[-1]
    assert "TEST BOOKLET" in texts[0].upper()  # the cover still uses the default theme


def test_default_output_path_uses_the_title_slug(minimal_print):
    project, report = minimal_print
    assert report.output == project.resolve() / "output" / "test-booklet.pdf"
    assert report.output.is_file() and report.pages == len(page_texts(report.output))


def test_images_in_content_are_embedded(project):
    from PIL import Image
    Image.new("RGB", (2000, 1500), "#1f6f82").save(project / "content" / "pic.png")
    write(project / "content" / "02-one.md", section("First Part", "![A photo](pic.png)\n"))
    report = build_clean(project)
    # Drawn where it is placed, once: page 3 (the cover draws the theme's shade).
    assert images_drawn(report.output) == [1, 0, 1, 0, 0]
    (width, height), = drawn_images(report.output)[2]
    assert (width, height) == (1529, 1147)  # 2000 × 1500 at 300 ppi of its 129.5 mm width


def test_a_publication_without_a_back_section_ends_on_the_themes_back_cover(project):
    (project / "content" / "04-back.md").unlink()
    report = build_clean(project)
    texts = page_texts(report.output)
    assert "TEST BOOKLET" in texts[-1].upper() and "SECOND PART" not in texts[-1]
    assert "SECOND PART" in texts[-2]
    # The generated cover is no part of the author's outline.
    assert [title for title, _ in outline(report.output)] == [
        "Cover", "Contents", "First Part", "Second Part"]

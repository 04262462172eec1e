"""Fonts subset by the uharfbuzz wheel (pressroom/layout/subsetting.py), and remembered."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont

from pressroom.layout import subsetting
from pressroom.layout.fonts import FONT_FACES

SERIF = next(face for face in FONT_FACES if face.source.startswith("SourceSerif4["))


def glyph_outline(font: TTFont, gid: int):
    glyph = font["glyf"][font.getGlyphOrder()[gid]]
    return glyph.getCoordinates(font["glyf"])[0].array.tolist() if glyph.numberOfContours else []


def test_subset_keeps_glyph_ids_and_drops_the_rest():
    data = SERIF.path().read_bytes()
    original = TTFont(io.BytesIO(data))
    cmap = original.getBestCmap()
    order = original.getGlyphOrder()
    kept = sorted(order.index(cmap[ord(c)]) for c in "Harbour")
    other = order.index(cmap[ord("Z")])
    assert other < max(kept)  # an unused glyph below the last kept one
    cut = TTFont(io.BytesIO(subsetting.subset_font(data, 0, kept, False, False)))
    assert len(cut.getGlyphOrder()) == max(kept) + 1  # glyphs after the last one used are gone
    for gid in kept:  # the PDF's text refers to glyph ids: each still draws its letter
        assert glyph_outline(cut, gid) == glyph_outline(original, gid) != []
    assert glyph_outline(cut, other) == []
    assert "GPOS" not in cut and "GSUB" not in cut  # tables a PDF never reads
    assert len(cut.reader.file.getvalue()) < len(data) / 20


def test_a_built_face_is_remembered_and_reused(project, tmp_path):
    from pressroom import build

    subsetting.forget()
    first = build(project, tmp_path / "a.pdf")
    faces = subsetting.cached_faces()
    assert faces > 3  # text, display, mono and a symbol face at least
    second = build(project, tmp_path / "b.pdf")
    assert subsetting.cached_faces() == faces  # the same pages: no new face cleaned
    assert second.output.read_bytes() == first.output.read_bytes()


def test_weasyprint_subsets_through_pressroom(minimal_print):
    from weasyprint.pdf.fonts import Font

    # After a build (the session's build of the minimal project has run):
    assert Font.subset is subsetting._subset and Font.clean is subsetting._clean


def test_variable_faces_are_embedded_as_static_instances(minimal_print):
    import pikepdf

    _, report = minimal_print  # the minimal project's print build, shared and read-only
    embedded = {}
    with pikepdf.open(report.output) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and "/FontFile2" in obj:
                embedded[str(obj.FontName)] = TTFont(io.BytesIO(obj.FontFile2.read_bytes()))
    serif = [font for name, font in embedded.items() if "Source-Serif-4" in name]
    assert serif  # the text face is one of the theme's variable fonts
    for name, font in embedded.items():
        assert "fvar" not in font and "gvar" not in font, name
        assert "GPOS" not in font and "GSUB" not in font, name


def test_instance_location_pins_every_axis_within_its_range():
    class Face:  # what instance_location reads of WeasyPrint's Font
        file_content = SERIF.path().read_bytes()
        index, variations, weight, style = 0, {}, 600, 0
        font_size = 72.0  # above the optical-size axis's 60

    assert subsetting.instance_location(Face()) == {"wght": 600.0, "opsz": 60.0}
    Face.variations = {"wght": 350.0}
    Face.font_size = 9.5
    assert subsetting.instance_location(Face()) == {"wght": 350.0, "opsz": 9.5}

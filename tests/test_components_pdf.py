"""Components end to end: every component's text reaches the PDF, placements hold."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from conftest import build_clean, drawn_images, make_minimal, page_texts, section, write
from pressroom.cli import main

BODY = """\
Opening paragraph.

::: {.pullquote by="Ada Lovelace" role="Mathematician"}
Engines weave patterns.
:::

::: {.callout .caps}
Callout statement here.
:::

::: {.aside title="Side note"}
Aside words.
:::

::: stats
- **34,500** families resettled
- **6.2 km** public waterfront
:::

::: timeline
- **04.10.2020** Old quay reopened
- **2021** Ferry arrived
:::

::: {.facsimile title="Notice No. 7" source="City Archive"}
The lock will be closed.
:::

::: {.portrait-quote by="Ruth Abernethy" role="Resident" date="May 2026" place="North Quay" image="face.png"}
Never thought I'd see the day.
:::

![Column figure caption](photo.png "Column credit")

::: pagebreak
:::

After the break.

![Full page caption](photo.png "Map office"){.full-page}

![Bleeding caption](photo.png "Photo desk"){.full-bleed}

::: {.callout .closing}
Closing line words.
:::
"""


def squash(text: str) -> str:
    """Page text without spaces or line breaks (letter-spaced labels come out spaced)."""
    return "".join(text.split()).lower()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The minimal project with every component in First Part, built once; read-only."""
    project = make_minimal(tmp_path_factory.mktemp("components"))
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("page:\n  bleed: 3mm\n")
    # Big enough for 300 ppi even full-bleed, so the preflight gate passes.
    Image.new("RGB", (2600, 3600), "#1f6f82").save(project / "content" / "photo.png")
    Image.new("RGB", (600, 750), "#e4572e").save(project / "content" / "face.png")
    write(project / "content" / "02-one.md", section("First Part", BODY))
    report = build_clean(project)
    return report, page_texts(report.output)


def test_every_component_text_is_in_the_pdf(built):
    _, texts = built
    everything = squash("\n".join(texts))
    for words in ["Engines weave patterns", "Ada Lovelace", "Mathematician",
                  "Callout statement here", "Side note", "Aside words", "34,500",
                  "families resettled", "6.2 km", "04.10.2020", "Old quay reopened",
                  "Notice No. 7", "The lock will be closed", "City Archive",
                  "Never thought I", "Ruth Abernethy", "North Quay · May 2026",
                  "Column figure caption", "Column credit", "Full page caption",
                  "Bleeding caption", "Closing line words"]:
        assert squash(words) in everything, words
    assert ":::" not in everything and "**" not in everything


def test_pagebreak_and_full_page_figure_take_their_own_pages(built):
    report, texts = built
    after = next(i for i, t in enumerate(texts) if "After the break" in t)
    assert "Opening paragraph" not in texts[after]
    full = next(i for i, t in enumerate(texts) if "Full page caption" in t)
    bleeding = next(i for i, t in enumerate(texts) if "Bleeding caption" in t)
    # The break starts page 5; the two page figures follow it, each a page of its own.
    assert (after, bleeding, full, len(texts)) == (4, 5, 6, 10)
    photo = (2585, 3579)  # photo.png at 300 ppi of the column's width
    assert drawn_images(report.output)[:7] == [
        [(8, 512)], [], [], [(543, 679), photo], [], [photo], [photo]]  # 3: portrait, figure
    # Own page: nothing else from the section, no running head, no folio.
    assert squash(texts[full]) == squash("Full page caption Map office")


def test_full_bleed_figure_reaches_the_bleed_edge(built):
    report, texts = built
    index = next(i for i, t in enumerate(texts) if "Bleeding caption" in t)
    pdf = pdfium.PdfDocument(str(report.output))
    try:
        page = pdf[index]
        media = page.get_bleedbox()
        (image,) = [obj.get_bounds() for obj in page.get_objects(
            filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
        left, bottom, right, top = image
        # It covers the bleed box: as tall as it, and as wide as its proportions
        # make it (2600 × 3600 is narrower than the box), centred over both edges.
        assert (bottom, top) == pytest.approx((media[1], media[3]), abs=0.01)
        assert right - left == pytest.approx((top - bottom) * 2600 / 3600, abs=0.01)
        assert left - media[0] == pytest.approx(media[2] - right, abs=0.01)
        assert left < media[0] - 3  # wider than the box, so cropped at both sides
    finally:
        pdf.close()


def test_a_project_declares_its_own_component_without_python(project: Path):
    write(project / "templates" / "components" / "note.html",
          "{#- component\nattributes: {who: required}\n-#}\n"
          '<div class="{{ classes }}"><p>Note by {{ attrs.who }}:</p>{{ content }}</div>\n')
    write(project / "styles" / "90-note.css", ".note { border: 1pt solid red; }\n")
    write(project / "content" / "02-one.md",
          section("First Part", "::: {.note who=\"Grace\"}\nShip it.\n:::\n"))
    texts = page_texts(build_clean(project).output)
    assert "Note by Grace:" in texts[2] and "Ship it." in texts[2]


def test_a_signature_in_dark_ink_is_reversed_to_white_and_set_40_mm_wide(project: Path):
    from PIL import ImageDraw

    signature = Image.new("RGB", (900, 300), "white")
    ImageDraw.Draw(signature).line([(40, 250), (300, 60), (450, 240), (860, 80)], fill="black",
                                   width=14)
    signature.save(project / "content" / "sig.png")
    write(project / "content" / "00-cover.md", section(
        "Cover", "Slogan.\n\n![Signature of the chair](sig.png){.signature .reversed}\n",
        layout="cover"))
    report = build_clean(project)
    pdf = pdfium.PdfDocument(str(report.output))
    try:
        # max_depth 0: the page's own images (the cover shade sits in a form).
        (drawn,) = pdf[0].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=0)
        left, _, right, _ = drawn.get_bounds()
        assert (right - left) / (72 / 25.4) == pytest.approx(40, abs=0.2)
        bitmap = drawn.get_bitmap(render=True).to_pil().convert("RGBA")
    finally:
        pdf.close()
    # The ink is white now, the paper transparent: nothing dark is drawn.
    # (Fully opaque pixels: the antialiased edge is mixed with the render's ground.)
    opaque = [bitmap.getpixel((x, y)) for x in range(0, bitmap.width, 3)
              for y in range(0, bitmap.height, 3) if bitmap.getpixel((x, y))[3] == 255]
    # Bounds, as measurements of a raster: 270 opaque samples of the stroke, whites of
    # 245 to 255 after the CMYK round trip; dark ink would be far below either.
    assert len(opaque) > 100 and min(min(pixel[:3]) for pixel in opaque) > 230
    assert "Signature of the chair" not in page_texts(report.output)[0]  # no caption


def test_reversing_an_svg_is_a_located_error(project: Path, capsys):
    (project / "content" / "sig.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    write(project / "content" / "00-cover.md", section(
        "Cover", "Slogan.\n\n![Signature](sig.svg){.signature .reversed}\n", layout="cover"))
    assert main(["build", str(project)]) == 1
    error = capsys.readouterr().err.strip()
    assert error == (f"{project / 'content' / '00-cover.md'}:7: sig.svg: only a raster picture "
                     "(PNG, JPEG) can be reversed — for an SVG, draw it in white")


CALLOUTS = """\
Text before.

::: {.callout .caps}
The quays are **open to all**, at *every* hour.
:::

::: {.callout .caps}
Every metre of the water's edge belongs to the public, at every hour of the day and night, \
and no building, fence or gate will ever be allowed to close any part of it.
:::
"""
# The display face's PDF font names, lightest to heaviest.
WEIGHTS = ("-Condensed", "Medium", "Semi-Bold", "-Bold-", "Ultra-Bold")


def set_in(pdf: Path, page_index: int, words: str) -> list[tuple[int, tuple[int, int, int]]]:
    """(weight rank, RGB fill) of each letter of *words* where it first appears on the page."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        textpage = document[page_index].get_textpage()
        text = textpage.get_text_range()
        start = text.index(words)
        found = []
        for index in range(start, start + len(words)):
            if not text[index].isalpha():
                continue
            name = ctypes.create_string_buffer(128)
            flags = ctypes.c_int()
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, 128, ctypes.byref(flags))
            weight = max(rank for rank, part in enumerate(WEIGHTS) if part in name.value.decode())
            channels = [ctypes.c_uint() for _ in range(4)]
            pdfium_c.FPDFText_GetFillColor(textpage.raw, index, *map(ctypes.byref, channels))
            found.append((weight, tuple(channel.value for channel in channels[:3])))
        return found
    finally:
        document.close()


@pytest.fixture(scope="module")
def callouts(tmp_path_factory):
    """The minimal project with CALLOUTS as First Part, built once for two tests; read-only."""
    project = make_minimal(tmp_path_factory.mktemp("callouts"))
    write(project / "content" / "02-one.md", section("First Part", CALLOUTS))
    return build_clean(project)


def test_emphasis_in_a_capitals_callout_is_coloured_never_lighter(callouts):
    report = callouts
    text = page_texts(report.output)[2]
    assert "THE QUAYS ARE OPEN TO ALL, AT EVERY HOUR." in text
    plain, strong, em = (set_in(report.output, 2, words) for words in ("QUAYS", "OPEN", "EVERY"))
    # One weight and colour for each: the statement bold navy, strong heavier
    # (ultra bold, 800) and coral, em as heavy as the statement and teal.
    navy, coral, teal = (3, 49, 80), (228, 95, 55), (21, 110, 128)
    assert set(plain) == {(WEIGHTS.index("-Bold-"), navy)}
    assert set(strong) == {(WEIGHTS.index("Ultra-Bold"), coral)}
    assert set(em) == {(WEIGHTS.index("-Bold-"), teal)}


def test_a_long_capitals_callout_is_set_in_sentence_case(callouts):
    report = callouts
    text = " ".join(page_texts(report.output)[2].split())
    assert "Every metre of the water’s edge belongs to the public" in text
    assert "EVERY METRE" not in text


STATS = """\
::: stats
- **3,400** homes
- **9,800** jobs
- **€1.14 bn** invested
:::
"""


def test_big_stat_figures_stand_apart_and_clear_their_labels(project: Path):
    write(project / "content" / "02-one.md", section("First Part", STATS))
    report = build_clean(project)
    document = pdfium.PdfDocument(str(report.output))
    try:
        textpage = document[2].get_textpage()
        text = textpage.get_text_range()
        for value, label in (("3,400", "homes"), ("9,800", "jobs")):
            start = text.index(value)
            glyphs = [textpage.get_charbox(start + k) for k in range(len(value))]
            # At 30pt a gap under 1.2pt (0.04em) reads as touching.
            assert min(b[0] - a[2] for a, b in zip(glyphs, glyphs[1:])) > 1.2, value
            below = textpage.get_charbox(text.index(label, start))
            assert min(box[1] for box in glyphs) - below[3] > 2 * 72 / 25.4, value  # 2 mm clear
    finally:
        document.close()

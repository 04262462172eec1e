"""Output profiles: print is PDF/X-4 CMYK with bleed, screen is light RGB; both deterministic."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from conftest import (after_the_clock_moved_on, build_clean, drawn_images, finished, make_minimal,
                      section, write)
from pressroom.build import build
from pressroom.cli import main
from pressroom.check.pdfchecks import rgb_on_page

MM = 72 / 25.4


def make_pictured(project: Path) -> Path:
    """The small project with a large photo placed at column width, and 3 mm bleed."""
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("page:\n  bleed: 3mm\n  marks: crop\n")
    picture = Image.new("RGB", (3000, 2000), "#1f6f82")
    for x in range(0, 3000, 40):  # some detail, so the JPEG is not trivial
        picture.paste((228, 87, 46), (x, 0, x + 20, 2000))
    picture.save(project / "content" / "photo.jpg", quality=90)
    write(project / "content" / "02-one.md",
          section("First Part", "Text in *colour*.\n\n![A photo](photo.jpg \"Credit\")\n"))
    return project


@pytest.fixture
def pictured(project: Path) -> Path:
    """The pictured project of this test alone (it may build into it and edit it)."""
    return make_pictured(project)


@pytest.fixture(scope="module")
def pictured_print(tmp_path_factory):
    """The pictured project and ``build_clean`` of its print PDF (default path), built once.

    Read-only: no test edits the project or writes into its output folder.
    """
    project = make_pictured(make_minimal(tmp_path_factory.mktemp("pictured")))
    return project, finished(build_clean(project))


SHADE = (8, 512)  # the theme's cover shade (styles/img/cover-shade.png), drawn on the cover


def image_objects(pdf: pikepdf.Pdf) -> list[pikepdf.Stream]:
    """Every picture in the file, once: not per page (the pages share one resource
    dictionary that lists them all), and not the soft masks (DeviceGray by rule)
    that carry a picture's transparency."""
    images = [obj for obj in pdf.objects
              if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"]
    masks = {image.SMask.objgen for image in images if "/SMask" in image}
    return [image for image in images if image.objgen not in masks]


def test_print_is_pdfx4_cmyk_with_bleed_and_300_ppi(pictured_print):
    _, report = pictured_print
    assert report.output.name == "test-booklet.pdf" and report.findings == ()
    with pikepdf.open(report.output) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFX"
        assert b"acsp" in intent.DestOutputProfile.read_bytes()[:64]  # an ICC profile
        assert b"PDF/X-4" in pdf.Root.Metadata.read_bytes()
        page = pdf.pages[2]
        trim, bleed = [float(v) for v in page.TrimBox], [float(v) for v in page.BleedBox]
        assert round((trim[0] - bleed[0]) / MM, 2) == 3.0
        assert round((trim[0] - float(page.MediaBox[0])) / MM, 2) == 13.0  # and the marks' slug
        assert [rgb_on_page(p) for p in pdf.pages] == [[]] * 5
        images = image_objects(pdf)
        assert sorted((int(x.Width), int(x.Height)) for x in images) == [SHADE, (1530, 1020)]
        assert [x.ColorSpace for x in images] == ["/DeviceCMYK"] * 2
    # 3000 px placed 129.5 mm wide (the A4 measure, ~590 ppi) come down to 300 ppi: 1530 px.
    assert drawn_images(report.output) == [[SHADE], [], [(1530, 1020)], [], []]


def test_screen_is_rgb_without_bleed_at_150_ppi(pictured: Path, pictured_print, capsys):
    assert main(["build", str(pictured), "--output", "screen"]) == 0
    out = Path(capsys.readouterr().out.strip())
    assert out.name == "test-booklet-screen.pdf"
    with pikepdf.open(pictured / "output" / out.name) as pdf:
        assert "/OutputIntents" not in pdf.Root
        page = pdf.pages[2]
        assert [float(v) for v in page.MediaBox] == [float(v) for v in page.TrimBox]
        # The detector sees RGB where it is left: the text's colours and the photo.
        assert rgb_on_page(page) == ["colour operators", "image"]
    assert drawn_images(pictured / "output" / out.name) == [[SHADE], [], [(765, 510)], [], []]
    # A bound, not a size: what is asserted is the photo's halving at 150 ppi.
    print_size = pictured_print[1].size  # the same project's print build (shared)
    assert (pictured / "output" / out.name).stat().st_size < print_size / 2


def test_print_builds_are_byte_identical(pictured_print, tmp_path: Path):
    project, shared = pictured_print  # the first build: the module's, never written to
    first = shared.output.read_bytes()
    after_the_clock_moved_on(shared.output)  # timestamps from the clock now differ
    assert build_clean(project, tmp_path / "b.pdf").output.read_bytes() == first


def test_profiles_are_configurable(project: Path, capsys):
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("outputs:\n  print: {dpi: 200}\n  proof: {base: screen, marks: true}\n")
    assert main(["build", str(project)]) == 0
    printed = capsys.readouterr().out.split()
    assert [Path(p).name for p in printed] == ["test-booklet.pdf", "test-booklet-proof.pdf"]
    # -o takes one profile: the first declared (the issue 2 command line keeps working).
    assert main(["build", str(project), "-o", str(project / "x.pdf")]) == 0
    assert capsys.readouterr().out.split() == [str(project / "x.pdf")]


def test_output_errors_are_located(project: Path, capsys, monkeypatch):
    monkeypatch.chdir(project)
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("outputs:\n  print:\n    dpi: lots\n    colour: cmyk\n  web: {base: tv}\n")
    assert main(["build"]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "publication.yml:6: outputs.print.dpi: expected a resolution in ppi between 36 and 2400, "
        "got 'lots'",
        "publication.yml:7: unknown key 'outputs.print.colour' (known: base, pdf_variant, color, "
        "bleed, marks, dpi, min_dpi_warning, min_dpi_error, icc, binding, pad, creep, "
            "accessible)",
        "publication.yml:8: outputs.web.base: expected print or screen, got 'tv'",
    ]
    assert main(["build", "--output", "nope"]) == 1


def test_pad_adds_blank_pages_before_the_back_cover(project: Path):
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("outputs:\n  print: {binding: saddle-stitch, pad: true}\n")
    report = build(project)
    with pikepdf.open(report.output) as pdf:
        assert len(pdf.pages) == 8 and report.pages == 8  # the report counts the file
        assert pdf.pages[-2].Contents.read_bytes() == b""
        assert "Imprint" in _text(report.output, -1)


def _text(path: Path, index: int) -> str:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[index % len(pdf)].get_textpage().get_text_range()
    finally:
        pdf.close()

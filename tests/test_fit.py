"""Page flow by picture sizing (fit.py): measured on the PDF a build writes."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from conftest import build_clean, images_drawn, page_texts, section, write

MM = 72 / 25.4
PARAGRAPH = "Words that fill the measure of the page and then some more. " * 10


def pictures(pdf_path) -> list[tuple[int, float]]:
    """(page index, drawn height in mm) of every image drawn, page by page."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [(index, (b[3] - b[1]) / MM) for index, page in enumerate(pdf)
                for b in (o.get_bounds() for o in page.get_objects(
                    filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))]
    finally:
        pdf.close()


def opener_page(texts: list[str]) -> int:
    """The page of First Part's opener (not its contents entry)."""
    return next(i for i, t in enumerate(texts) if "FIRST PART" in t.upper() and "....." not in t)


def figure_project(project, paragraphs: int, height_px: int):
    """'First Part': *paragraphs* of text, a square-ish picture, more text."""
    Image.new("RGB", (1200, height_px), "#1f6f82").save(project / "content" / "pic.png")
    body = "\n\n".join([PARAGRAPH] * paragraphs)
    body += "\n\n![The picture's caption](pic.png)\n\n" + "\n\n".join([PARAGRAPH] * 3) + "\n"
    write(project / "content" / "02-one.md", section("First Part", body))
    return project


@pytest.fixture(scope="module")
def fitted(tmp_path_factory):
    root = tmp_path_factory.mktemp("fit")
    write(root / "publication.yml", "title: Fit\n")
    write(root / "content" / "00-toc.md", section("Contents", "", layout="toc"))
    write(root / "content" / "03-two.md", section("Second Part", "Beta text.\n"))
    figure_project(root, 1, 1200)
    return build_clean(root)


def test_a_pushed_figure_is_shrunk_into_the_room_it_left(fitted):
    texts = page_texts(fitted.output)
    opener = opener_page(texts)
    caption = next(i for i, t in enumerate(texts) if "caption" in t)
    # At its natural size (129.5 mm square) the picture would not fit under
    # the opener and four paragraphs; shrunk, it stays on the opener's page.
    assert caption == opener
    (page, height), = pictures(fitted.output)
    # Shrunk to the room left (74 %; the fitting would go no lower than 60 %).
    assert page == opener and height == pytest.approx(95.7, abs=0.1)


def test_a_figure_that_would_shrink_too_much_is_left_alone(project):
    figure_project(project, 2, 1200)
    report = build_clean(project)
    texts = page_texts(report.output)
    opener = opener_page(texts)
    assert images_drawn(report.output) == [1, 0, 0, 1, 0, 0, 0]  # the cover's shade, the picture
    (page, height), = [p for p in pictures(report.output) if p[0] > 0]
    assert page == opener + 1 and height == pytest.approx(129.5, abs=0.5)


def test_a_page_figure_after_a_few_lines_floats_past_the_text_that_fills_the_page(project):
    Image.new("RGB", (1800, 2500), "#e4572e").save(project / "content" / "bleed.png")
    later = "\n\n".join(f"Later paragraph {n}. {PARAGRAPH}" for n in range(1, 7))
    body = f"A short first paragraph.\n\n![Bleeding caption](bleed.png){{.full-bleed}}\n\n{later}\n"
    write(project / "content" / "02-one.md", section("First Part", body))
    texts = page_texts(build_clean(project).output)
    opener = opener_page(texts)
    figure = next(i for i, t in enumerate(texts) if "Bleeding caption" in t)
    # Written right after one line, the figure would leave the opener's page
    # nearly empty; it waits until the text after it has filled that page.
    assert "Later paragraph 1." in texts[opener]
    assert figure == opener + 1 and "Later paragraph" not in texts[figure]
    assert "Later paragraph 3." in texts[opener] and "Later paragraph 6." in texts[figure + 1]

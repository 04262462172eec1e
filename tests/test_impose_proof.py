"""Saddle-stitch imposition and PNG proofs, read back from the files."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from conftest import section, write
from pressroom.cli import main
from pressroom.press.impose import booklet_order
from pressroom.press.proof import reader_spreads


def test_booklet_order():
    assert booklet_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    assert sorted(n for side in booklet_order(16) for n in side) == list(range(1, 17))
    with pytest.raises(ValueError):
        booklet_order(6)


def test_reader_spreads():
    assert reader_spreads(6) == [(1,), (2, 3), (4, 5), (6,)]
    assert reader_spreads(5) == [(1,), (2, 3), (4, 5)]


@pytest.fixture
def numbered(project: Path) -> Path:
    """Eight pages whose bodies say which page they are."""
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("page:\n  bleed: 3mm\noutputs:\n  print: {binding: saddle-stitch, "
                     "creep: 0.5mm}\n")
    for n in range(2, 5):
        write(project / "content" / f"0{n}-part.md", section(f"Part {n}", f"Body of part {n}.\n"))
    for path in ("02-one.md", "03-two.md"):
        (project / "content" / path).unlink()
    write(project / "content" / "05-more.md",
          section("Part 5", "Page A\n\n::: pagebreak\n:::\n\nPage B\n"))
    return project


def test_imposed_pdf_has_spreads_in_booklet_order(numbered: Path, capsys):
    assert main(["build", str(numbered), "--impose", "saddle-stitch"]) == 0
    out = capsys.readouterr().out.split()
    assert [Path(p).name for p in out] == ["test-booklet.pdf", "test-booklet-imposed.pdf"]
    single = pdfium.PdfDocument(str(numbered / "output" / "test-booklet.pdf"))
    imposed = pdfium.PdfDocument(str(numbered / "output" / "test-booklet-imposed.pdf"))
    try:
        pages = len(single)
        assert pages == 8 and len(imposed) == 4
        trim = single[0].get_trimbox()
        width, height = imposed[0].get_size()
        assert (round(width, 1), round(height, 1)) == (round(2 * (trim[2] - trim[0]), 1),
                                                       round(trim[3] - trim[1], 1))
        texts = [page.get_textpage().get_text_range() for page in single]
        for side, (left, right) in enumerate(booklet_order(pages)):
            textpage = imposed[side].get_textpage()
            half = width / 2
            left_text = textpage.get_text_bounded(0, 0, half, height)
            right_text = textpage.get_text_bounded(half, 0, width, height)
            # Each half of the sheet holds one page of the booklet, whole.
            for got, number in ((left_text, left), (right_text, right)):
                assert got == texts[number - 1], (side, number, got[:60])
    finally:
        single.close()
        imposed.close()


def test_proof_writes_spreads_and_a_contact_sheet(numbered: Path, tmp_path: Path, capsys):
    folder = tmp_path / "proofs"
    assert main(["proof", str(numbered), "-o", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["contact-sheet.png", "spread-01.png", "spread-02-03.png",
                     "spread-04-05.png", "spread-06-07.png", "spread-08.png"]
    sizes = {}
    for name in names:
        with Image.open(folder / name) as image:
            sizes[name] = image.size
    # Pages 600 px wide (A4 trimmed: 848 px tall), two side by side; the cover
    # is on a spread's right half, the last page alone; the sheet holds 8 thumbnails a row.
    assert sizes == {"spread-01.png": (1200, 848), "spread-02-03.png": (1200, 848),
                     "spread-04-05.png": (1200, 848), "spread-06-07.png": (1200, 848),
                     "spread-08.png": (600, 848), "contact-sheet.png": (1388, 274)}
    capsys.readouterr()


def test_imposing_a_profile_without_binding_is_a_usage_error(project: Path, capsys, monkeypatch):
    monkeypatch.chdir(project)
    code = main(["build", "--output", "screen", "--impose", "saddle-stitch"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and "Traceback" not in "".join(err)
    assert err == ["publication.yml:1: --impose saddle-stitch: output screen has no binding — set "
                   "outputs.screen.binding: saddle-stitch (and pad: true)"]
    assert not (project / "output").exists()


def test_a_wrong_page_count_stops_a_build_without_imposition(project: Path, capsys,
                                                             monkeypatch):
    # With --impose the pages are padded instead (tests/test_editions.py).
    monkeypatch.chdir(project)
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("outputs:\n  print: {binding: saddle-stitch}\n")
    code = main(["build", "--output", "print"])
    err = [line for line in capsys.readouterr().err.strip().splitlines()
           if not line.startswith("note: ")]
    assert code == 1 and "Traceback" not in "".join(err)
    assert err == ["publication: error: 5 pages: saddle stitching needs a multiple of 4 (add 3 "
                   "pages, or set pad: true) [page-count]"]
    assert not (project / "output" / "test-booklet-imposed.pdf").exists()


def test_a_bare_build_imposes_only_saddle_stitched_profiles(numbered: Path, capsys):
    with open(numbered / "publication.yml", "a", encoding="utf-8") as config:
        config.write("  screen: {}\n")
    assert main(["build", str(numbered), "--impose", "saddle-stitch"]) == 0
    assert [Path(p).name for p in capsys.readouterr().out.split()] == [
        "test-booklet.pdf", "test-booklet-imposed.pdf", "test-booklet-screen.pdf"]

"""Markdown as people write it: no front matter, titles from '# headings', code, task lists.

Unit cases read one section file; the end-to-end case builds a small
Markdown book (tests/stress.py) as it would come from a docs repository and
reads the facts back from the PDF.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from conftest import missing_glyphs, page_texts, write
from pressroom.build import Gate, build
from pressroom.cli import main
from pressroom.errors import BuildErrors
from pressroom.check.findings import THEME_FONTS
from pressroom.source.sections import read_section
from pressroom.markup.titles import render_title
from stress import make_book_project
from test_stress import fonts_by_char

LAYOUTS = frozenset({"section", "cover", "toc", "back"})
MM = 72 / 25.4


def read(text: str):
    return read_section(Path("content/01-x.md"), 1, LAYOUTS, text)


def test_the_first_heading_is_the_title_and_is_not_printed_twice():
    section = read("\n# What *Is* a Value?\n\nText on line 4.\n")
    assert section.title == "What *Is* a Value?"
    assert section.layout == "section" and section.in_toc
    assert section.body.splitlines() == ["", "", "", "Text on line 4."]
    assert section.body_line == 1 and section.data_lines["title"] == 2


def test_a_setext_heading_with_an_attribute_list_or_closing_hashes():
    assert read("Functions\n=========\n\nText.\n").title == "Functions"
    assert read("# Tools #\n").title == "Tools"
    assert read("# Tools {#tools .wide}\n").title == "Tools"


def test_headings_inside_code_and_lower_levels_are_not_titles():
    section = read("```sh\n# a shell comment\n```\n\n## Second level\n\n# Real title\n")
    assert section.title == "Real title"
    # The code and the lower heading stay; the title's line is blanked (line numbers hold).
    assert section.body_line == 1
    assert section.body == "```sh\n# a shell comment\n```\n\n## Second level\n\n\n"


def test_front_matter_without_a_title_takes_the_heading():
    section = read("---\nlead: A lead.\n---\n# Heading Title\nText.\n")
    assert section.title == "Heading Title" and section.data["lead"] == "A lead."
    assert section.data_lines["title"] == 4


def test_a_front_matter_title_leaves_the_heading_in_the_body():
    section = read("---\ntitle: From the front\n---\n# A heading\n")
    assert section.title == "From the front" and section.body == "# A heading\n"


def test_no_title_anywhere_and_a_bad_lang_are_located_errors():
    with pytest.raises(BuildErrors) as failure:
        read("Just text.\n")
    assert [str(e) for e in failure.value.errors] == [
        "content/01-x.md:1: no title: start the file with a '# Title' line, "
        "or front matter with 'title:'"]
    with pytest.raises(BuildErrors) as failure:
        read("---\ntitle: T\nlang: [ru]\n---\n")
    assert [str(e) for e in failure.value.errors] == [
        "content/01-x.md:3: lang: expected a language tag such as 'en' or 'ru', got ['ru']"]


def test_titles_render_inline_markdown_and_plain_text():
    title = render_title("The `<div>` and *its* \"friends\"")
    assert title.html == "The <code>&lt;div&gt;</code> and <em>its</em> &ldquo;friends&rdquo;"
    assert title.text == "The <div> and its “friends”"
    raw = render_title("A <b>bold</b> claim")
    # (The last word is tied to the one before it: typeset.py.)
    assert raw.html == "A &lt;b&gt;bold&lt;/b&gt;&nbsp;claim" and raw.text == "A <b>bold</b> claim"


def test_an_error_in_a_file_without_front_matter_names_its_line(tmp_path: Path, capsys,
                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "publication.yml", "title: T\n")
    write(tmp_path / "content" / "01-a.md", "# A\n\nText.\n\n![gone](nowhere.png)\n")
    assert main(["build", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if not line.startswith("note:")] == [
        "content/01-a.md:5: file 'nowhere.png' not found"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    root = make_book_project(tmp_path_factory.mktemp("book"))
    return build(root, gate=Gate(enabled=True))  # raises on any preflight error


def test_a_markdown_book_builds_clean_with_every_glyph_from_the_theme(book):
    assert [f for f in book.findings if f.severity == "error"] == []
    assert book.warnings == ()
    fonts = fonts_by_char(book.output)
    assert all(f.startswith(THEME_FONTS) for c in fonts for f in fonts[c]), fonts
    assert missing_glyphs(book.output) == {}
    for suit in "♠♣♥♦☐☑":
        assert suit in fonts, suit


def test_titles_have_no_markdown_left_on_any_page_or_in_the_outline(book):
    outline = [item.get_title() for item in pdfium.PdfDocument(str(book.output)).get_toc()]
    assert outline == ["What Is a Value?", "Functions", "The shell and Its Tools"]
    text = "\n".join(page_texts(book.output))
    for raw in ("*IS*", "*Is*", "`SHELL`", "`shell`", "==="):
        assert raw not in text, raw
    # The '# heading' became the title: set once on the opener, not again in the body.
    assert text.count("WHAT IS A VALUE?") == 1


def test_code_keeps_its_quotes_and_prose_gets_curly_ones(book):
    text = "\n".join(page_texts(book.output))
    assert 'const greeting = "it\'s a \\"string\\"";' in text
    assert "cards = deck[:] # \"copy\", don't mutate" in text
    assert "with “quotes” that are curled" in text and 'not: "raw"' in text
    # The 118-character line wrapped inside its panel (no overflow finding either).
    assert "sixthValue + seventhValue" in text.replace("\r\n", " ").replace("\ufffe", "")


def test_a_raw_html_image_keeps_the_width_its_author_gave(book):
    pdf = pdfium.PdfDocument(str(book.output))
    widths = [round((obj.get_bounds()[2] - obj.get_bounds()[0]) / MM, 1)
              for page in pdf for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    assert widths == [63.5]  # width="240" CSS px = 63.5 mm, not stretched to the column


def test_code_blocks_of_up_to_eleven_lines_are_never_split(tmp_path: Path):
    # Blocks of 10 lines between paragraphs of every length: without the
    # theme's orphans/widows some would straddle a page break.
    parts = ["# Blocks\n"]
    for n in range(14):
        parts.append("Filler words for the page. " * (8 + 9 * n))
        parts.append("```\n" + "\n".join(f"block{n:02d} line {i}" for i in range(10)) + "\n```\n")
    write(tmp_path / "publication.yml", "title: T\npage:\n  size: A5\n")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "01-blocks.md").write_text("\n\n".join(parts), encoding="utf-8")
    report = build(tmp_path, gate=Gate(enabled=False))
    texts = page_texts(report.output)
    for n in range(14):
        pages = {i for i, text in enumerate(texts) if f"block{n:02d} line" in text}
        assert len(pages) == 1, f"block {n} is split over pages {sorted(pages)}"


def test_a_book_title_line_repeated_in_every_file_gives_way_to_each_chapters_heading(
        tmp_path: Path):
    from pressroom.source.gate import ReadGate
    from pressroom.source.sections import load_sections

    for n, name in enumerate(("Values", "*Functions*", "The `shell`"), start=1):
        write(tmp_path / "content" / f"0{n}-ch.md",
              f"# My Book: Second Edition\n# Chapter {n}: {name}\n\nText {n}.\n")
    sections = load_sections(tmp_path, LAYOUTS, ReadGate((tmp_path,)))
    assert [s.title for s in sections] == ["Chapter 1: Values", "Chapter 2: *Functions*",
                                           "Chapter 3: The `shell`"]
    assert all("My Book" not in s.body for s in sections)
    assert [s.data_lines["title"] for s in sections] == [2, 2, 2]
    # One file alone keeps its first heading, whatever follows.
    write(tmp_path / "content" / "04-other.md", "# Appendix\n# Not the title\n")
    titles = [s.title for s in load_sections(tmp_path, LAYOUTS, ReadGate((tmp_path,)))]
    assert titles == ["My Book: Second Edition"] * 3 + ["Appendix"]

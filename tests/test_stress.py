"""Other people's content: generated projects in four languages at A4, A5 and Letter.

Each project (tests/stress.py) has short and very long headings, captions,
words, URLs and numbers in English, Azerbaijani, Russian and Greek, every
component, and a line of symbols. Built with the preflight on, they must
come out with no overflow, no stranded heading, no fallback font, contents
numbers equal to the real pages, and every letter of every script set in a
theme font.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from conftest import missing_glyphs, page_texts
from pressroom.build import Gate, build
from pressroom.check.findings import THEME_FONTS
from stress import LANGUAGES, SYMBOLS, make_plain_project, make_project

PROJECTS = {  # name → (languages, page size, publication language)
    "a4": (("en", "az", "ru", "el"), "A4", "en"),
    "a5": (("en", "az", "ru", "el"), "A5", "az"),
    "letter": (("en", "ru"), "Letter", "en-US"),
}
MM = 72 / 25.4


@pytest.fixture(scope="module", params=sorted(PROJECTS))
def built(request, tmp_path_factory):
    languages, size, lang = PROJECTS[request.param]
    root = make_project(tmp_path_factory.mktemp(request.param), languages, size, lang)
    report = build(root, gate=Gate(enabled=True))  # raises on any preflight error
    return request.param, root, report


def fonts_by_char(pdf_path: Path) -> dict[str, set[str]]:
    """Every character of the PDF's text → the fonts (subset tag removed) that draw it."""
    found: dict[str, set[str]] = defaultdict(set)
    pdf = pdfium.PdfDocument(str(pdf_path))
    buffer = ctypes.create_string_buffer(256)
    for page in pdf:
        text = page.get_textpage()
        for index in range(text.count_chars()):
            pdfium_c.FPDFText_GetFontInfo(text.raw, index, buffer, 256, None)
            name = buffer.value.decode("latin-1").split("+", 1)[-1]
            found[chr(pdfium_c.FPDFText_GetUnicode(text.raw, index))].add(name)
    return found


def test_builds_without_preflight_errors_or_stranded_headings(built):
    _, _, report = built
    assert [f for f in report.findings if f.severity == "error"] == []
    assert [f for f in report.findings if f.check in ("stranded-heading", "overflow")] == []
    assert report.warnings == ()


def test_every_letter_of_every_script_comes_from_a_theme_font(built):
    name, _, report = built
    fonts = fonts_by_char(report.output)
    for code in PROJECTS[name][0]:
        letters = {c for c in LANGUAGES[code].paragraph + LANGUAGES[code].long_word if c.isalpha()}
        missing = letters - fonts.keys()
        assert not missing, f"{code}: letters not in the PDF text: {sorted(missing)}"
        strangers = {c: fonts[c] for c in letters
                     if not all(f.startswith(THEME_FONTS) for f in fonts[c])}
        assert not strangers, f"{code}: letters set in other fonts: {strangers}"


def test_every_symbol_comes_from_a_theme_font(built):
    _, _, report = built
    fonts = fonts_by_char(report.output)
    for symbol in SYMBOLS.replace(" ", ""):
        assert symbol in fonts, f"{symbol} (U+{ord(symbol):04X}) is not in the PDF text"
        assert all(f.startswith(THEME_FONTS) for f in fonts[symbol]), \
            f"{symbol} ({unicodedata.name(symbol)}) is set in {fonts[symbol]}"
    # Set in a theme font is not enough: with no machine font to stand in, a
    # glyph the theme lacks is a theme font's empty box (.notdef).
    assert missing_glyphs(report.output) == {}


def test_contents_numbers_are_the_real_first_pages(built):
    name, _, report = built
    texts = page_texts(report.output)
    pdf = pdfium.PdfDocument(str(report.output))
    outline = {item.get_title(): item.get_dest().get_index() + 1
               for item in pdf.get_toc() if item.get_dest() is not None}
    contents = " ".join(texts[1:4])
    languages = PROJECTS[name][0]
    short_titles = [LANGUAGES[code].short_title for code in languages]
    for title in short_titles:
        assert title in outline, f"{title!r} not in the outline {sorted(outline)}"
        first = outline[title]
        # "Tides ..... 4–10": the entry's number is the page the outline points at.
        after = contents.split(title, 1)[1].replace(".", " ").split()
        assert after[0].split("–")[0] == str(first), (title, after[:3], first)


def test_pages_have_the_configured_trim_size(built):
    name, _, report = built
    expected = {"A4": (210, 297), "A5": (148, 210), "Letter": (215.9, 279.4)}[PROJECTS[name][1]]
    pdf = pdfium.PdfDocument(str(report.output))
    for page in pdf:
        left, bottom, right, top = page.get_trimbox()
        assert (round((right - left) / MM, 1), round((top - bottom) / MM, 1)) == expected


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    root = make_plain_project(tmp_path_factory.mktemp("plain"))
    return build(root, gate=Gate(enabled=True))


def test_a_plain_project_without_components_builds_clean(plain):
    assert [f for f in plain.findings if f.severity == "error"] == []
    assert plain.warnings == ()
    fonts = fonts_by_char(plain.output)
    assert all(f.startswith(THEME_FONTS) for c in fonts for f in fonts[c]), fonts
    assert missing_glyphs(plain.output) == {}
    texts = page_texts(plain.output)
    # Every picture title became a caption under its picture (sentence case, not capitals).
    caption = LANGUAGES["en"].caption
    assert sum(caption.split(";")[0] in text for text in texts) == 8
    # Eight sections, each opening on its own page with its number.
    outline = [item.get_title() for item in pdfium.PdfDocument(str(plain.output)).get_toc()]
    assert len(outline) == 8, outline


@pytest.mark.parametrize("built", ["a5"], indirect=True)  # the Azerbaijani one, not a skip
def test_words_hyphenate_by_their_sections_language(built):
    """The A5 project is Azerbaijani (no dictionary); its Russian sections say lang: ru."""
    name, _, report = built
    assert name == "a5"
    texts = page_texts(report.output)
    russian = [t for t in texts if "Городской совет" in t]
    azerbaijani = [t for t in texts if "Şəhər şurası" in t]
    assert (len(russian), len(azerbaijani)) == (8, 7)  # pages where each paragraph appears
    # Words of the paragraph broken at a syllable (pdfium marks a break inside a
    # word U+FFFE): only pyphen's ru dictionary does that, and only if the
    # section says ru; Azerbaijani words are never broken (no dictionary).
    def broken_words(texts: list[str], paragraph: str) -> set[str]:
        words = set(re.findall(r"\w+", paragraph))
        return {a + b for t in texts for a, b in re.findall(r"(\w+)\ufffe(\w+)", t)} & words

    assert broken_words(russian, LANGUAGES["ru"].paragraph) == {
        "вернуться", "поднималась", "показали"}, russian[0][:400]
    assert broken_words(azerbaijani, LANGUAGES["az"].paragraph) == set()

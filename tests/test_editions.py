"""Editions (one project, several languages or sizes) and saddle stitching that pads by itself."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from conftest import MINIMAL_CONFIG, ROOT, missing_glyphs, outline, page_texts, section, write
from pressroom.build import Variant, build, load_publication
from pressroom.cli import main
from pressroom.source.editions import edition_publication, in_base_language, section_files
from pressroom.check.findings import THEME_FONTS
from pressroom.source.gate import ReadGate
from pressroom.source.sections import load_sections
from pressroom.source.theme import Theme

EDITIONS = """\
lang: en
outputs:
  print: {}
  screen: {}
editions:
  en: {}
  ru:
    lang: ru
    title: Тестовая брошюра
    subtitle: Маленькая книжка
    toc: {title: Содержание}
    page: {size: A5}
"""
A4 = (595.3, 841.9)
A5 = (419.5, 595.3)


@pytest.fixture
def two_editions(project: Path) -> Path:
    """The minimal project in English and Russian: one section translated, the rest not."""
    write(project / "publication.yml", MINIMAL_CONFIG + EDITIONS)
    write(project / "content" / "02-one.ru.md", section("Первая часть", "Текст альфа.\n"))
    return project


def errors_of(project: Path, capsys, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(project)
    code = main(["build"])
    return code, capsys.readouterr().err.strip().splitlines()


# --- publication.yml ---

def test_bad_editions_are_config_errors_with_their_lines(project: Path, capsys, monkeypatch):
    write(project / "publication.yml", MINIMAL_CONFIG + """\
editions:
  ru:
    lang: russian
    titel: Брошюра
    page: {size: B7}
    content: missing-folder
  RU: {}
  no: {}
  de: [a]
  fr:
    content: ../elsewhere
""")
    code, err = errors_of(project, capsys, monkeypatch)
    assert code == 1
    assert err == [
        "publication.yml:6: editions.ru.lang: expected a language tag such as 'en' or 'de-CH', "
        "got 'russian'",
        "publication.yml:7: unknown key 'editions.ru.titel' (known: lang, title, subtitle, "
        "short_title, content, page, toc) — did you mean 'title'?",
        "publication.yml:8: editions.ru.page.size: expected A4, A5, Letter or 'WIDTH HEIGHT' "
        "such as '148mm 210mm', got 'B7'",
        "publication.yml:9: editions.ru.content: no folder 'missing-folder' in the project — "
        "create it or give the folder of this edition's sections",
        "publication.yml:10: editions: edition key 'RU' must be lowercase letters, digits, '-' "
        "or '_'",
        "publication.yml:11: editions: edition key 'False' must be lowercase letters, digits, "
        "'-' or '_' (YAML reads no, yes, on and off as true or false: quote the key)",
        "publication.yml:12: editions.de: expected a mapping",
        "publication.yml:14: editions.fr.content: expected a folder inside the project such as "
        "'content-ru', got '../elsewhere'",
    ]
    assert not (project / "output").exists()


def test_editions_must_be_a_mapping(project: Path, capsys, monkeypatch):
    write(project / "publication.yml", MINIMAL_CONFIG + "editions: [en, ru]\n")
    assert errors_of(project, capsys, monkeypatch) == (1, [
        "publication.yml:4: editions: expected a mapping of edition keys such as 'en' or 'ru', "
        "each with its settings"])


def test_an_edition_is_the_base_with_its_own_settings(two_editions: Path):
    pub = load_publication(two_editions)
    ru, en = edition_publication(pub, "ru"), edition_publication(pub, None)
    assert (ru.title, ru.subtitle, ru.short_title, ru.lang) == (
        "Тестовая брошюра", "Маленькая книжка", "Тестовая брошюра", "ru")
    assert (ru.page.size, ru.toc.title, ru.toc.ranges) == ("A5", "Содержание", True)
    assert (ru.file_stem, en.file_stem, en.edition.key) == (
        "test-booklet-ru", "test-booklet-en", "en")
    assert (en.title, en.lang, en.page.size, en.toc.title) == ("Test Booklet", "en", "A4",
                                                               "Contents")


# --- which files an edition is made of ---

def test_translations_replace_base_files_and_missing_ones_fall_back(two_editions: Path):
    write(two_editions / "content" / "05-only.ru.md", section("Только по-русски"))
    pub = load_publication(two_editions)
    ru = section_files(edition_publication(pub, "ru"))
    en = section_files(edition_publication(pub, "en"))
    assert [p.name for p in ru.paths] == ["00-cover.md", "01-toc.md", "02-one.ru.md",
                                          "03-two.md", "04-back.md", "05-only.ru.md"]
    assert [(p.name, name) for p, name in ru.missing] == [
        ("00-cover.md", "00-cover.ru.md"), ("01-toc.md", "01-toc.ru.md"),
        ("03-two.md", "03-two.ru.md"), ("04-back.md", "04-back.ru.md")]
    # Files NAME.KEY.md are never sections of another edition; same language: no warning.
    assert [p.name for p in en.paths] == ["00-cover.md", "01-toc.md", "02-one.md",
                                          "03-two.md", "04-back.md"]
    assert en.missing == ()
    theme = Theme.for_project(two_editions)
    sections = load_sections(two_editions, theme.layouts, ReadGate(theme.roots()), ru)
    assert [s.id for s in sections] == ["cover", "toc", "one", "two", "back", "only"]
    assert sections[2].title == "Первая часть"
    # An untranslated base file keeps the base language (hyphenation, /Lang).
    langs = [s.data.get("lang") for s in in_base_language(sections, ru, pub.lang)]
    assert langs == ["en", "en", None, "en", "en", None]


def test_without_editions_a_dotted_name_is_a_section_as_before(project: Path):
    write(project / "content" / "02-one.ru.md", section("Dotted"))
    files = section_files(load_publication(project))
    assert [p.name for p in files.paths] == ["00-cover.md", "01-toc.md", "02-one.md",
                                             "02-one.ru.md", "03-two.md", "04-back.md"]
    assert files.missing == ()


def test_an_edition_with_its_own_folder_takes_only_that_folder(two_editions: Path):
    with open(two_editions / "publication.yml", "a", encoding="utf-8") as config:
        config.write("    content: content-ru\n")
    write(two_editions / "content-ru" / "00-cover.md", section("Обложка", layout="cover"))
    write(two_editions / "content-ru" / "01-text.md", section("Текст"))
    files = section_files(edition_publication(load_publication(two_editions), "ru"))
    assert [p.relative_to(two_editions).as_posix() for p in files.paths] == [
        "content-ru/00-cover.md", "content-ru/01-text.md"]
    assert files.missing == ()


def test_a_missing_translation_is_a_preflight_warning_naming_the_file(
        two_editions: Path, capsys, monkeypatch):
    monkeypatch.chdir(two_editions)
    assert main(["check", "--edition", "ru"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    warnings = [line for line in out if "[translation]" in line]
    assert warnings[2] == ("content/03-two.md:1: warning: edition ru has no translation "
                           "03-two.ru.md — the base file is used [translation]")
    assert len(warnings) == 4 and out[-1] == "print (ru): 5 pages, 0 errors, 4 warnings"
    assert main(["check", "--edition", "ru", "--strict"]) == 1
    assert main(["check", "--edition", "en", "--strict"]) == 0
    capsys.readouterr()


# --- end to end ---

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, list[str]]:
    """Every edition × every profile of the two-edition project, by ``pressroom build``."""
    root = tmp_path_factory.mktemp("editions")
    write(root / "publication.yml", MINIMAL_CONFIG + EDITIONS)
    for name, text in (("00-cover.md", section("Cover", "Slogan.\n", layout="cover")),
                       ("01-toc.md", section("Contents", "", layout="toc")),
                       ("02-one.md", section("First Part", "Alpha text.\n")),
                       ("02-one.ru.md", section("Первая часть", "Текст альфа.\n")),
                       ("03-two.md", section("Second Part", "Beta text.\n")),
                       ("04-back.md", section("Back", "Imprint.\n", layout="back"))):
        write(root / "content" / name, text)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        assert main(["build", str(root)]) == 0
    return root, [Path(line).name for line in printed.getvalue().splitlines()]


def _facts(pdf_path: Path) -> dict:
    with pikepdf.open(pdf_path) as pdf:
        trim = [float(v) for v in pdf.pages[0].TrimBox]
        facts = {"lang": str(pdf.Root.Lang), "title": str(pdf.docinfo.Title),
                 "size": (round(trim[2] - trim[0], 1), round(trim[3] - trim[1], 1)),
                 "pages": len(pdf.pages)}
    facts["outline"] = [title for title, _ in outline(pdf_path)]
    facts["contents"] = page_texts(pdf_path)[1].split("\n")[0].strip()
    return facts


def test_every_edition_and_profile_is_built_with_its_name(built):
    root, names = built
    assert names == ["test-booklet-en.pdf", "test-booklet-en-screen.pdf",
                     "test-booklet-ru.pdf", "test-booklet-ru-screen.pdf"]
    assert sorted(p.name for p in (root / "output").glob("*.pdf")) == sorted(names)


def test_each_edition_has_its_language_title_contents_outline_and_size(built):
    root, _ = built
    assert _facts(root / "output" / "test-booklet-ru.pdf") == {
        "lang": "ru", "title": "Тестовая брошюра", "size": A5, "pages": 5,
        "outline": ["Cover", "Contents", "Первая часть", "Second Part", "Back"],
        "contents": "СОДЕРЖАНИЕ"}
    assert _facts(root / "output" / "test-booklet-en-screen.pdf") == {
        "lang": "en", "title": "Test Booklet", "size": A4, "pages": 5,
        "outline": ["Cover", "Contents", "First Part", "Second Part", "Back"],
        "contents": "CONTENTS"}
    cover = page_texts(root / "output" / "test-booklet-ru.pdf")[0].split()
    assert cover[:4] == ["ТЕСТОВАЯ", "БРОШЮРА", "Маленькая", "книжка"]


def test_the_sample_russian_edition_builds_clean(tmp_path: Path):
    report = build(ROOT, tmp_path / "ru.pdf", profile=Variant("print", "ru"))
    assert report.warnings == () and report.findings == ()
    assert (report.edition, report.pages, report.blank_pages) == ("ru", 8, 0)
    with pikepdf.open(report.output) as pdf:
        assert str(pdf.Root.Lang) == "ru" and str(pdf.docinfo.Title) == "Обновление гавани"
        fonts = {str(font.BaseFont)[8:] for page in pdf.pages
                 for font in page.Resources.get("/Font", {}).values()}
    assert fonts and all(name.startswith(THEME_FONTS) for name in fonts), fonts
    assert missing_glyphs(report.output) == {}
    assert outline(report.output)[2][0] == "Предисловие"
    assert "СОДЕРЖАНИЕ" in page_texts(report.output)[1]


# --- the command line ---

def test_edition_option_builds_one_edition(two_editions: Path, capsys):
    assert main(["build", str(two_editions), "--edition", "ru", "--output", "screen"]) == 0
    assert [Path(p).name for p in capsys.readouterr().out.split()] == [
        "test-booklet-ru-screen.pdf"]
    assert [p.name for p in (two_editions / "output").iterdir()] == ["test-booklet-ru-screen.pdf"]


def test_one_file_builds_the_first_edition(two_editions: Path, capsys):
    assert main(["build", str(two_editions), "-o", str(two_editions / "one.pdf")]) == 0
    assert capsys.readouterr().out.strip().endswith("one.pdf")
    with pikepdf.open(two_editions / "one.pdf") as pdf:
        assert str(pdf.Root.Lang) == "en"


@pytest.mark.parametrize("command", [["build"], ["check"], ["check", "--json"],
                                     ["proof", "-o", "proofs"]])
def test_unknown_edition_is_a_usage_error_listing_the_known_ones(
        two_editions: Path, capsys, monkeypatch, command):
    monkeypatch.chdir(two_editions)
    code = main([*command, "--edition", "rus"])
    captured = capsys.readouterr()
    assert code == 2
    if "--json" in command:
        assert '"message": "unknown edition \'rus\' (known: en, ru) — did you mean \'ru\'?"' \
            in captured.out
    else:
        assert captured.err.strip() == ("publication.yml:8: unknown edition 'rus' (known: en, "
                                        "ru) — did you mean 'ru'?")
    assert not (two_editions / "output").exists() and not (two_editions / "proofs").exists()


def test_edition_option_without_editions_is_a_usage_error(project: Path, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert main(["build", "--edition", "ru"]) == 2
    assert capsys.readouterr().err.strip() == ("publication.yml:1: --edition ru: "
                                               "publication.yml declares no editions — add "
                                               "'editions:' to it")


def test_proof_takes_an_edition(two_editions: Path, tmp_path: Path, capsys):
    assert main(["proof", str(two_editions), "-o", str(tmp_path / "en")]) == 0
    assert main(["proof", str(two_editions), "-o", str(tmp_path / "ru"), "--edition", "ru"]) == 0
    # Spreads of two 600 px pages: A4 pages 849 px tall, the Russian edition's A5 ones 852.
    for name in ("spread-01.png", "spread-02-03.png"):  # the cover, the contents
        with Image.open(tmp_path / "en" / name) as en, Image.open(tmp_path / "ru" / name) as ru:
            assert (en.size, ru.size) == ((1200, 849), (1200, 852)), name
    capsys.readouterr()


# --- saddle stitching pads by itself ---

def test_impose_pads_to_a_multiple_of_four_and_says_so(two_editions: Path, capsys):
    write(two_editions / "publication.yml", MINIMAL_CONFIG + EDITIONS.replace(
        "print: {}", "print: {binding: saddle-stitch}"))
    code = main(["build", str(two_editions), "--edition", "ru", "--output", "print",
                 "--impose", "saddle-stitch"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert [Path(p).name for p in captured.out.split()] == ["test-booklet-ru.pdf",
                                                            "test-booklet-ru-imposed.pdf"]
    notes = [line for line in captured.err.splitlines() if "blank page" in line]
    assert notes == ["note: added 3 blank pages before the back cover for saddle stitching "
                     "(5 → 8)"]
    single, imposed = (two_editions / "output" / name for name in (
        "test-booklet-ru.pdf", "test-booklet-ru-imposed.pdf"))
    texts = page_texts(single)
    assert len(texts) == 8 and [t.strip() == "" for t in texts[4:7]] == [True] * 3
    assert "Imprint" in texts[7]  # the back cover stays last
    sheets = pdfium.PdfDocument(str(imposed))
    try:
        assert len(sheets) == 4
    finally:
        sheets.close()


def test_a_page_count_of_four_is_not_padded(two_editions: Path, capsys):
    (two_editions / "content" / "03-two.md").unlink()
    write(two_editions / "publication.yml", MINIMAL_CONFIG + EDITIONS.replace(
        "print: {}", "print: {binding: saddle-stitch}"))
    assert main(["build", str(two_editions), "--edition", "en", "--output", "print",
                 "--impose", "saddle-stitch"]) == 0
    assert "blank page" not in capsys.readouterr().err
    assert len(page_texts(two_editions / "output" / "test-booklet-en.pdf")) == 4

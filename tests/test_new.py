"""``pressroom new DIR``: a starter publication that builds at once, clean, and refuses a used DIR."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from conftest import check_keeping_pdf, drawn_images, outline, page_texts, real_ranges, toc_numbers
from pressroom.cli import main
from pressroom.scaffold import create_project, default_title, next_steps, yaml_string
from pressroom.source.yamlsource import load_mapping

# A colon and double quotes: the title must still be one YAML string.
TITLE = 'Field notes: the "first" season'
SECTIONS = ["Writing a section", "Pictures and figures", "Numbers at a glance"]


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces, for phrase matching."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    """A starter made by the command line (with TITLE), built once for the module."""
    folder = tmp_path_factory.mktemp("new") / "field-notes"
    assert main(["new", str(folder), "--title", TITLE]) == 0
    return folder


@pytest.fixture(scope="module")
def checked(starter, tmp_path_factory):
    """``pressroom check STARTER --strict`` and a copy of the PDF it built: the module's one build."""
    return check_keeping_pdf([str(starter), "--strict"], tmp_path_factory.mktemp("new-check"))


@pytest.fixture(scope="module")
def pdf(checked) -> Path:
    report = checked.report
    assert report.warnings == (), report.warnings
    assert report.findings == (), [str(f) for f in report.findings]
    return report.output


def test_new_writes_the_starter_and_prints_each_path_and_what_next(tmp_path, capsys,
                                                                    monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "reports/my-report"]) == 0  # parents are created too
    out, err = capsys.readouterr()
    folder = tmp_path / "reports" / "my-report"
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert out.splitlines() == [f"reports/my-report/{name}" for name in written]
    assert {"publication.yml", "content/00-cover.md", "content/01-contents.md",
            "content/05-back.md", "content/assets/hills.jpg"} <= set(written)
    assert len([n for n in written if n.startswith("content/") and n.endswith(".md")]) == 6
    assert load_mapping((folder / "publication.yml").read_text(encoding="utf-8"),
                        folder / "publication.yml").data["title"] == "My report"
    assert err.strip() == next_steps(Path("reports/my-report")).strip()
    assert "reports/my-report/publication.yml" in err
    for command in ("build", "check"):
        assert f"pressroom {command} reports/my-report" in err


def test_check_strict_passes_with_no_errors_or_warnings(checked):
    assert checked.code == 0  # main(["check", str(starter), "--strict"])
    assert checked.out.strip().splitlines()[-1] == "print: 8 pages, 0 errors, 0 warnings"


def test_pdf_shows_the_title_the_contents_and_the_three_sections(pdf):
    texts = [flat(text) for text in page_texts(pdf)]
    assert len(texts) == 8  # cover, contents, 2 + 1 + 2 section pages, back cover
    # Set in capitals and with curled quotes on the cover; exactly as written in the metadata.
    assert "FIELD NOTES: THE “FIRST” SEASON" in texts[0].upper()
    document = pdfium.PdfDocument(str(pdf))
    try:
        assert document.get_metadata_dict()["Title"] == TITLE
    finally:
        document.close()
    assert [title for title, _ in outline(pdf)] == ["Cover", "Contents", *SECTIONS, "Back cover"]
    listed = toc_numbers(pdf, 1)
    assert list(listed) == SECTIONS
    assert listed == {title: real_ranges(pdf)[title] for title in SECTIONS}
    assert listed == {"Writing a section": "3–4", "Pictures and figures": "5",
                      "Numbers at a glance": "6–7"}
    assert "I changed one line, ran the build again" in texts[3]  # the pull quote
    assert "SECTIONS IN THIS STARTER" in texts[5].upper()  # the stats block
    assert "Street and number · Town" in texts[7]  # the back cover's imprint


def test_the_cover_picture_and_the_figure_are_drawn(pdf):
    images = drawn_images(pdf)
    assert len(images[0]) == 2  # cover.jpg and the theme's shade over it
    assert len(images[4]) == 1  # hills.jpg, the figure of "Pictures and figures"
    assert "Evening over the hills" in page_texts(pdf)[4]  # with its caption
    assert [len(page) for page in images[1:4] + images[5:]] == [0] * 6


def test_a_folder_with_anything_in_it_is_refused_and_left_alone(tmp_path, capsys):
    folder = tmp_path / "used"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    (folder / ".git").mkdir()  # hidden entries count: a repository holds work too
    assert main(["new", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(folder) in err and "is not empty (it holds .git/, notes.txt)" in err
    assert "pressroom new starts a publication in an empty or new folder" in err
    assert sorted(p.name for p in folder.iterdir()) == [".git", "notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_file_is_refused_and_left_alone(tmp_path, capsys):
    path = tmp_path / "report.md"
    path.write_text("# Mine\n", encoding="utf-8")
    assert main(["new", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and f"{path}: is a file" in err
    assert path.read_text(encoding="utf-8") == "# Mine\n"


def test_an_empty_folder_is_used_and_a_blank_title_refused(tmp_path, capsys):
    assert main(["new", str(tmp_path / "blank"), "--title", "  "]) == 2
    assert "--title is empty" in capsys.readouterr().err
    assert not (tmp_path / "blank").exists()
    (tmp_path / "empty").mkdir()
    written = create_project(tmp_path / "empty", "Annual review")
    assert tmp_path / "empty" / "publication.yml" in written


@pytest.mark.parametrize("title", [
    'Field notes: the "first" season', "It's #1 — on time", "- a list?", "yes", "2026",
    "[draft] {v2} & more", "C:\\path\\to", "Обновление гавани", "@home: 100 %"])
def test_titles_load_back_exactly_as_given(title):
    assert load_mapping(f"title: {yaml_string(title)}\n", Path("publication.yml")).data == \
        {"title": title}


@pytest.mark.parametrize("name, title", [
    ("my-report", "My report"), ("annual_HSE-review", "Annual HSE review"),
    ("2026--plan", "2026 plan"), ("été", "Été")])
def test_the_default_title_comes_from_the_folder_name(name, title):
    assert default_title(Path("somewhere") / name) == title

"""Bad input: exit 1, one ``path:line: message`` line per problem, no traceback, old PDF kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import section, write
from pressroom.cli import main

KNOWN = "title, subtitle, short_title, author, authors, date, lang, page, toc, outputs, editions"


def run(project: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["build", str(project), *extra])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    # A note about the machine (the font subsetter in use) is not part of the error.
    return code, "\n".join(line for line in err.strip().splitlines() if not line.startswith("note: "))


@pytest.fixture(autouse=True)
def inside(project: Path, monkeypatch):
    """Run from the project so messages show short relative paths."""
    monkeypatch.chdir(project)


def test_config_errors_are_reported_together_with_key_and_line(project: Path, capsys):
    write(project / "publication.yml", """\
        title: Test
        colour: red
        page:
          size: B7
          marks: dots
        toc:
          ranges: maybe
        """)
    code, err = run(project, capsys)
    assert code == 1
    assert err.splitlines() == [
        f"publication.yml:2: unknown key 'colour' (known: {KNOWN})",
        "publication.yml:4: page.size: expected A4, A5, Letter or 'WIDTH HEIGHT' such as "
        "'148mm 210mm', got 'B7'",
        "publication.yml:5: page.marks: expected one of none, crop, cross, crop cross, got 'dots'",
        "publication.yml:7: toc.ranges: expected true or false, got 'maybe'",
    ]


def test_missing_title_and_both_author_keys(project: Path, capsys):
    write(project / "publication.yml", "subtitle: S\nauthor: A\nauthors: [B]\n")
    assert run(project, capsys) == (1, "publication.yml:1: missing required key 'title'\n"
                                       "publication.yml:3: give either 'author' or 'authors', "
                                       "not both")


def test_yaml_syntax_error_points_at_its_line(project: Path, capsys):
    write(project / "publication.yml", "title: T\npage:\n  size: [A4\n")
    assert run(project, capsys) == (1, "publication.yml:4: invalid YAML: expected ',' or ']', "
                                       "but got '<stream end>'")


def test_bad_date_and_length(project: Path, capsys):
    write(project / "publication.yml", "title: T\ndate: 14 May\npage:\n  bleed: 3 apples\n")
    assert run(project, capsys) == (1, "publication.yml:2: date: expected a date as YYYY-MM-DD, "
                                       "got '14 May'\n"
                                       "publication.yml:4: page.bleed: expected a length such as "
                                       "'3mm', got '3 apples'")


def test_front_matter_errors(project: Path, capsys):
    write(project / "content" / "02-one.md", "---\nlayout: sidebar\nin_toc: sometimes\n---\nText\n")
    write(project / "content" / "03-two.md", "No front matter here.\n")
    assert run(project, capsys) == (1, "\n".join([
        "content/02-one.md:2: front matter needs a 'title' (or start the text with a '# Title' line)",
        "content/02-one.md:2: unknown layout 'sidebar' (known: back, cover, section, toc)",
        "content/02-one.md:3: in_toc: expected true or false",
        "content/03-two.md:1: no title: start the file with a '# Title' line, "
        "or front matter with 'title:'",
    ]))


def test_unclosed_front_matter(project: Path, capsys):
    write(project / "content" / "02-one.md", "---\ntitle: One\nText\n")
    assert run(project, capsys) == (
        1, "content/02-one.md:1: front matter is not closed: add a '---' line after it")


@pytest.mark.parametrize("reference, message", [
    ("missing.png", "file 'missing.png' not found"),
    ("../../outside.png", "'../../outside.png' is outside the project directory"),
    ("https://example.org/x.png", "remote or absolute URL 'https://example.org/x.png' is not "
                                  "allowed: copy the file into the project and use a relative path"),
    ("/etc/hostname", "'/etc/hostname' is outside the project directory"),
])
def test_bad_image_reference_names_file_and_line(project: Path, capsys, reference, message):
    write(project / "content" / "02-one.md",
          section("One", f"Intro.\n\nMore.\n\n![A caption]({reference})\n"))
    assert run(project, capsys) == (1, f"content/02-one.md:8: {message}")


def test_a_damaged_image_is_an_error_not_a_gap(project: Path, capsys):
    (project / "content" / "junk.png").write_text("not a picture", encoding="utf-8")
    write(project / "content" / "02-one.md", section("One", "Text.\n\n![Junk](junk.png)\n"))
    assert run(project, capsys) == (
        1, "content/02-one.md:6: junk.png: cannot read this image (damaged, or not an image) — "
           "export it again")


def test_raw_html_cannot_read_files_outside_the_project(project: Path, capsys):
    write(project / "content" / "02-one.md", section(
        "One", 'Text.\n\n<link rel="attachment" href="file:///etc/passwd">\n'))
    assert run(project, capsys) == (1, "content/02-one.md:6: remote or absolute URL "
                                       "'file:///etc/passwd' is not allowed: copy the file into "
                                       "the project and use a relative path")


def test_stylesheet_cannot_load_remote_urls(project: Path, capsys):
    write(project / "styles" / "90-extra.css",
          "p { color: red; }\nbody { background: url(https://example.org/bg.png); }\n")
    assert run(project, capsys) == (1, "styles/90-extra.css:2: remote URLs are not allowed: "
                                       "https://example.org/bg.png")


def test_template_syntax_error_in_project_override(project: Path, capsys):
    write(project / "templates" / "layouts" / "section.html",
          "<h1>{{ section.title }}</h1>\n{% if section.data.x %}\n{{ section.html }}\n")
    assert run(project, capsys) == (
        1, "templates/layouts/section.html:3: template error: Unexpected end of template. Jinja "
           "was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block "
           "that needs to be closed is 'if'.")


def test_template_runtime_error_points_at_the_template_line(project: Path, capsys):
    write(project / "templates" / "layouts" / "section.html",
          "<h1>{{ section.title }}</h1>\n{{ section.html }}\n{{ section.title.nope() }}\n")
    assert run(project, capsys) == (
        1, "templates/layouts/section.html:3: template error: 'str object' has no attribute "
           "'nope' — define it, or test it with 'is defined' or .get()")


def test_no_content(project: Path, capsys):
    for path in (project / "content").glob("*.md"):
        path.unlink()
    assert run(project, capsys) == (
        1, "content:1: no Markdown sections found (expected content/*.md)")


def test_failed_build_keeps_the_last_good_pdf(project: Path, capsys):
    out = project / "out.pdf"
    assert main(["build", str(project), "-o", str(out)]) == 0
    good = out.read_bytes()
    write(project / "content" / "02-one.md", section("One", "![x](missing.png)\n"))
    code, _ = run(project, capsys, "-o", str(out))
    assert code == 1
    assert out.read_bytes() == good
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".out.pdf")) == []


def test_usage_errors_exit_2(project: Path, capsys):
    assert main(["build", str(project / "nowhere")]) == 2
    assert main(["build", "--bogus"]) == 2
    assert main([]) == 2
    capsys.readouterr()

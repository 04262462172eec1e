"""Every way out of the project is closed: a marker planted outside never reaches the PDF.

Each case writes a project that asks, one way or another, for files in a
folder beside it holding a marker text, a marker picture and a marker font
name. The build must either stop with a located refusal (and write
nothing) or make a PDF in which the marker is nowhere: not in the text, not
in an attachment, not in any stream, not as an image.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from conftest import MINIMAL_CONFIG, page_texts, section, write
from pressroom.build import build
from pressroom.cli import main
from pressroom.source.theme import Theme

MARKER = "MARKER-OUTSIDE-5e1c"
MARKER_SIZE = (77, 33)  # pixels of the planted picture: no project picture has this size


@pytest.fixture
def places(tmp_path: Path) -> tuple[Path, Path]:
    """(project, outside): a small valid project, and a folder beside it with the markers."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    write(project / "publication.yml", MINIMAL_CONFIG)
    write(project / "content" / "01-one.md", section("First Part", "Alpha text.\n"))
    Image.new("RGB", (60, 40), "#1f6f82").save(project / "content" / "pic.png")
    outside.mkdir()
    (outside / "secret.txt").write_text(MARKER + "\n", encoding="utf-8")
    (outside / "secret.css").write_text(f'body::after {{ content: "{MARKER}" }}\n', encoding="utf-8")
    (outside / "secret.md").write_text(f"---\ntitle: {MARKER}\n---\n{MARKER}\n", encoding="utf-8")
    (outside / "secret.html").write_text(f"<p>{MARKER}</p>\n", encoding="utf-8")
    Image.new("RGB", MARKER_SIZE, "#ff00ff").save(outside / "secret.png")
    return project, outside


def assert_marker_absent(pdf_path: Path) -> None:
    """Not in the text, the attachments, any stream or object, nor as a drawn picture."""
    assert MARKER not in "\n".join(page_texts(pdf_path))
    with pikepdf.open(pdf_path) as pdf:
        for name, attached in pdf.attachments.items():
            assert MARKER.encode() not in attached.get_file().read_bytes(), name
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                assert MARKER.encode() not in obj.read_bytes()
            elif isinstance(obj, (pikepdf.Dictionary, pikepdf.Array)):
                assert MARKER not in repr(obj)
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        for page in document:
            for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                assert tuple(image.get_px_size()) != MARKER_SIZE
    finally:
        document.close()


def attempt(project: Path, capsys, *extra: str) -> tuple[int, str]:
    """Build into ``PROJECT/output/x.pdf``; the marker may not show in what is printed either."""
    code = main(["build", str(project), "-o", str(project / "output" / "x.pdf"),
                 "--output", "screen", *extra])
    captured = capsys.readouterr()
    assert MARKER not in captured.out + captured.err
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    pdf = project / "output" / "x.pdf"
    if code == 0:
        assert_marker_absent(pdf)
    else:
        assert not pdf.exists()
    return code, short(captured.err, project)


def short(err: str, project: Path) -> str:
    """The error lines, with PROJECT and OUT for the two folders (notes about the machine dropped)."""
    outside = project.parent / "outside"
    lines = [line for line in err.strip().splitlines() if not line.startswith("note: ")]
    return "\n".join(lines).replace(str(project), "PROJECT").replace(str(outside), "OUT")


OUTSIDE = "'../../outside/secret.{}' is outside the project directory"
NOT_ALLOWED = ("remote or absolute URL '{}' is not allowed: copy the file into the project and "
               "use a relative path")


RAW_HTML = {  # name → (the HTML, what the refusal at its line says)
    "img": ('<img src="../../outside/secret.png" alt="x">', OUTSIDE.format("png")),
    "link-attachment": ('<link rel="attachment" href="../../outside/secret.txt">',
                        OUTSIDE.format("txt")),
    "a-attachment": ('<a rel="attachment" href="../../outside/secret.txt">x</a>',
                     OUTSIDE.format("txt")),
    "object": ('<object data="../../outside/secret.png" type="image/png"></object>',
               OUTSIDE.format("png")),
    "embed": ('<embed src="../../outside/secret.png">', OUTSIDE.format("png")),
    "iframe": ('<iframe src="../../outside/secret.html"></iframe>', OUTSIDE.format("html")),
    "video-poster": ('<video poster="../../outside/secret.png"></video>', OUTSIDE.format("png")),
    "audio-source": ('<audio><source src="../../outside/secret.txt"></audio>',
                     OUTSIDE.format("txt")),
    "svg-image": ('<svg width="80" height="40"><image href="../../outside/secret.png" '
                  'width="77" height="33"/></svg>', OUTSIDE.format("png")),
    "svg-xlink": ('<svg width="80" height="40"><image xlink:href="../../outside/secret.png" '
                  'width="77" height="33"/></svg>', OUTSIDE.format("png")),
    "svg-use": ('<svg width="80" height="40"><use href="../../outside/secret.svg#x"/></svg>',
                OUTSIDE.format("svg#x")),
    "style-attribute": ('<div style="background: url(../../outside/secret.png)">x</div>',
                        OUTSIDE.format("png")),
    "style-element": ('<style>@import "../../outside/secret.css";</style>', OUTSIDE.format("css")),
    "absolute-file-url": ('<img src="file:///{outside}/secret.png">',
                          NOT_ALLOWED.format("file://OUT/secret.png")),
    "file-url-with-host": ('<img src="file://localhost.example/{outside}/secret.png">',
                           NOT_ALLOWED.format("file://localhost.exampleOUT/secret.png")),
    "encoded-dots": ('<img src="%2e%2e/%2e%2e/outside/secret.png">',
                     "'%2e%2e/%2e%2e/outside/secret.png' is outside the project directory"),
    # Decoded once, as a browser would: a file of that odd name inside the project.
    "double-encoded": ('<img src="%252e%252e/%252e%252e/outside/secret.png">',
                       "file '%252e%252e/%252e%252e/outside/secret.png' not found"),
}


@pytest.mark.parametrize("name", sorted(RAW_HTML))
def test_raw_html_cannot_reach_outside(name: str, places, capsys):
    project, outside = places
    html, message = RAW_HTML[name]
    html = html.replace("/{outside}", str(outside))
    write(project / "content" / "01-one.md", section("First Part", f"Alpha.\n\n{html}\n"))
    assert attempt(project, capsys) == (1, f"PROJECT/content/01-one.md:6: {message}")


@pytest.mark.parametrize("markdown, line, kind", [
    ("![x](../../outside/secret.png)", 6, "png"),
    ("![x][ref]\n\n[ref]: ../../outside/secret.png", 8, "png"),
    ("[x](../../outside/secret.txt){rel=attachment}", 6, "txt"),
    ('Text\n{: style="background: url(../../outside/secret.png)"}', 7, "png"),
    ('::: {.portrait-quote by="A" image="../../outside/secret.png"}\nQuote.\n:::', 6, "png"),
])
def test_markdown_cannot_reach_outside(markdown: str, line: int, kind: str, places, capsys):
    project, _ = places
    write(project / "content" / "01-one.md", section("First Part", f"Alpha.\n\n{markdown}\n"))
    assert attempt(project, capsys) == (
        1, f"PROJECT/content/01-one.md:{line}: {OUTSIDE.format(kind)}")


def test_front_matter_pictures_cannot_reach_outside(places, capsys):
    project, _ = places
    write(project / "content" / "00-cover.md",
          section("Cover", "Slogan.\n", layout="cover", background="../../outside/secret.png"))
    assert attempt(project, capsys) == (1, f"PROJECT/content/00-cover.md:4: {OUTSIDE.format('png')}")


REFUSED = "outside the project and the theme: file://OUT/secret.{}"


@pytest.mark.parametrize("css, message", [
    ('body { background: url("../../outside/secret.png") }', REFUSED.format("png")),
    ('@import url("../../outside/secret.css");', REFUSED.format("css")),
    ('@font-face { font-family: X; src: url("../../outside/secret.txt") } p { font-family: X }',
     REFUSED.format("txt")),
    ('body { background: url("file://{outside}/secret.png") }', REFUSED.format("png")),
    # WeasyPrint 70 has no image-set(): the rule is dropped as CSS it cannot read, unread.
    ('body { background: image-set("../../outside/secret.png" 1x) }',
     'WeasyPrint rejects this CSS: Ignored `background: image-set("../../outside/secret.png" '
     '1x) ` (invalid value) — fix or remove it'),
])
def test_stylesheets_cannot_reach_outside(css: str, message: str, places, capsys):
    project, outside = places
    write(project / "styles" / "90-house.css", css.replace("{outside}", str(outside)))
    assert attempt(project, capsys) == (1, f"PROJECT/styles/90-house.css:1: {message}")


def test_svg_internals_cannot_reach_outside(places, capsys):
    project, outside = places
    (project / "content" / "map.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="200" height="100"><image xlink:href="../../outside/secret.png" width="77" '
        'height="33"/></svg>\n', encoding="utf-8")
    write(project / "content" / "01-one.md", section("First Part", "![Map](map.svg)\n"))
    assert attempt(project, capsys) == (1, f"PROJECT/content/map.svg:1: {REFUSED.format('png')}")


def test_svg_entities_are_not_expanded_from_outside(places, capsys):
    project, outside = places
    (project / "content" / "map.svg").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file://{outside}/secret.txt">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
        '<text x="0" y="20">&x;</text></svg>\n', encoding="utf-8")
    write(project / "content" / "01-one.md", section("First Part", "![Map](map.svg)\n"))
    # Refused: the entity is not read, and an SVG with an unknown entity is no picture.
    assert attempt(project, capsys) == (
        1, "PROJECT/content/01-one.md:4: cannot read this image (damaged, or not an image): "
           "file://PROJECT/content/map.svg")


CANNOT_READ = ":1: cannot read this file: outside the project and the theme"


@pytest.mark.parametrize("relative, target, message", [
    ("publication.yml", "secret.txt", "publication.yml" + CANNOT_READ),
    ("content/02-leak.md", "secret.md", "content/02-leak.md" + CANNOT_READ),
    ("content/pic.png", "secret.png",
     "content/01-one.md:6: 'pic.png' is outside the project directory"),
    ("styles/90-leak.css", "secret.css", "styles/90-leak.css" + CANNOT_READ),
    ("templates/layouts/section.html", "secret.html", "templates/layouts/section.html" + CANNOT_READ),
    ("templates/document.html", "secret.html", "templates/document.html" + CANNOT_READ),
])
def test_symlinks_out_of_the_project_are_refused(relative: str, target: str, message: str,
                                                 places, capsys):
    project, outside = places
    write(project / "content" / "01-one.md", section("First Part", "Alpha.\n\n![P](pic.png)\n"))
    path = project / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.symlink_to(outside / target)
    assert attempt(project, capsys) == (1, f"PROJECT/{message}")


def test_a_symlinked_content_folder_is_refused(places, capsys):
    project, outside = places
    shutil.copytree(project / "content", outside / "content")
    (outside / "content" / "01-one.md").write_text(f"---\ntitle: {MARKER}\n---\n", encoding="utf-8")
    shutil.rmtree(project / "content")
    (project / "content").symlink_to(outside / "content")
    assert attempt(project, capsys) == (1, "PROJECT/content/01-one.md" + CANNOT_READ)


@pytest.mark.parametrize("template, message", [
    ("{{ cycler.__init__.__globals__.os.popen('cat ../outside/secret.txt').read() }}",
     "access to attribute '__init__' of 'type' object is unsafe."),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}",
     "access to attribute '__class__' of 'str' object is unsafe."),
    ("{% include '../../outside/secret.html' %}", "../../outside/secret.html"),  # not found
    ("{{ asset('../../outside/secret.png') }}",
     "asset('../../outside/secret.png'): outside the project and the theme"),
    ("{{ pub.root }}", "'pressroom.document.html.PublicationView object' has no attribute 'root' — "
                       "define it, or test it with 'is defined' or .get()"),
    ("{{ self._TemplateReference__context }}",
     "access to attribute '_TemplateReference__context' of 'TemplateReference' object is unsafe."),
])
def test_templates_cannot_reach_outside(template: str, message: str, places, capsys):
    project, _ = places
    write(project / "templates" / "layouts" / "section.html",
          "<h1>{{ section.title }}</h1>\n" + template + "\n")
    assert attempt(project, capsys) == (
        1, f"PROJECT/templates/layouts/section.html:2: template error: {message}")


def test_hidden_files_inside_the_project_are_refused(places, capsys):
    project, _ = places
    write(project / ".git" / "config", f"[http]\n  extraheader = {MARKER}\n")
    write(project / "content" / "01-one.md",
          section("First Part", 'Alpha.\n\n<link rel="attachment" href="../.git/config">\n'))
    assert attempt(project, capsys) == (
        1, "PROJECT/content/01-one.md:6: '../.git/config': hidden file or folder '.git' may not "
           "be read")


def test_the_output_intent_cannot_come_from_outside(places, capsys):
    project, outside = places
    (outside / "secret.icc").write_bytes(b"\0" * 36 + b"acsp" + b"\0" * 200)
    write(project / "publication.yml", MINIMAL_CONFIG + "outputs:\n  print:\n"
                                                          "    icc: ../outside/secret.icc\n")
    code = main(["build", str(project), "--output", "print"])
    assert (code, short(capsys.readouterr().err, project)) == (
        1, "PROJECT/publication.yml:6: icc '../outside/secret.icc': outside the project and the "
           "theme")


def test_plain_links_are_not_reads(places):
    """A link to a file is an address in the PDF, not its contents: it builds, marker-free."""
    project, outside = places
    write(project / "content" / "01-one.md", section(
        "First Part", f'Alpha.\n\n<a href="file://{outside}/secret.txt">a link</a> and '
                      "[another](../../outside/secret.txt).\n"))
    report = build(project, project / "output" / "x.pdf", profile="screen")
    assert_marker_absent(report.output)


def test_every_read_is_recorded_inside_the_allowed_roots(places):
    project, _ = places
    Image.new("RGB", (1800, 1200), "#1f6f82").save(project / "content" / "pic.png")
    write(project / "content" / "01-one.md", section("First Part", "Alpha.\n\n![P](pic.png)\n"))
    report = build(project, project / "output" / "x.pdf", profile="screen")
    read = {r.path for r in report.reads}
    roots = Theme.for_project(project).roots()
    assert [p for p in read if not any(p.is_relative_to(root) for root in roots)] == []
    assert {p for p in read if p.is_relative_to(project)} == {
        project / "publication.yml", project / "content" / "01-one.md",
        project / "content" / "pic.png"}
    # From the theme: every stylesheet, the templates in use, the font files.
    styles = {p for p in read if p.suffix == ".css"}
    assert sorted(p.name for p in styles) == sorted(
        p.name for p in Theme.for_project(project).stylesheets())
    templates = Theme.for_project(project).template_dirs[-1]
    assert sorted(p.relative_to(templates).as_posix() for p in read if p.suffix == ".html") == [
        *(f"components/{p.name}" for p in sorted((templates / "components").glob("*.html"))),
        "document.html", "layouts/back.html", "layouts/section.html"]  # no cover, no contents
    assert {p.parent.parent.name for p in read if p.suffix == ".ttf"} == {
        "fontpkg_source_serif_4", "fontpkg_fira_sans_condensed", "fontpkg_source_code_pro"}
    assert all(len(r.sha256) == 64 for r in report.reads)
    assert not [p for p in read if p.suffix == ".icc"]  # the screen profile has no output intent


def test_the_default_output_folder_cannot_lead_out_of_the_project(places, capsys):
    project, outside = places
    (project / "output").symlink_to(outside)
    assert main(["build", str(project), "--output", "screen"]) == 1
    assert short(capsys.readouterr().err, project) == (
        "PROJECT/output/test-booklet-screen.pdf: refusing to write outside the project (output/ "
        "is a link out of it) — remove the link, or choose a path with -o")
    assert sorted(p.suffix for p in outside.iterdir()) == [".css", ".html", ".md", ".png", ".txt"]


def test_profile_names_cannot_lead_out_of_the_project(places, capsys):
    project, outside = places
    write(project / "publication.yml", MINIMAL_CONFIG + f"outputs:\n  '../../outside/escaped':"
                                                          " {base: screen}\n")
    assert main(["build", str(project)]) == 1
    assert short(capsys.readouterr().err, project) == (
        "PROJECT/publication.yml:5: outputs: profile name '../../outside/escaped' must be "
        "lowercase letters, digits, '-' or '_'")
    assert not list(outside.glob("*.pdf"))

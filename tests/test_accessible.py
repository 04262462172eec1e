"""Accessible PDFs: the screen edition tagged to PDF/UA-1, read back as a screen reader would.

The sample's screen PDFs (English and Russian) are built once for the module;
every fact is read from the written file with pikepdf (the structure tree,
content streams, XMP) and pdfium (the text of each marked-content id).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from pressroom.build import build
from pressroom.check.reading import read_structure
from pressroom.cli import main
from pressroom.model import Variant

from conftest import ROOT, make_minimal, section, write

HEADINGS = {f"H{n}" for n in range(1, 7)}
PAINT = {"Tj", "TJ", "'", '"', "Do", "sh", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s"}


@pytest.fixture(scope="module")
def screen(tmp_path_factory) -> dict:
    """The sample's screen PDFs, English and Russian."""
    out = tmp_path_factory.mktemp("screen")
    reports = {}
    for edition in ("en", "ru"):
        reports[edition] = build(ROOT, out / f"{edition}.pdf", profile=Variant("screen", edition),
                                 cache=False)
    return reports


def spoken_lines(pdf: Path) -> list[tuple[str, str]]:
    """``(kind, said)`` of every block-level element, in reading order."""
    blocks = HEADINGS | {"P", "Figure", "LI", "TH", "TD", "Caption", "Note"}
    lines = []

    def visit(node):
        if node.kind in blocks:
            lines.append((node.kind, " ".join(node.spoken().split())))
            return
        for child in node.children:
            visit(child)

    for node in read_structure(pdf):
        visit(node)
    return lines


def reachable(root: pikepdf.Object) -> set:
    """objgen of every structure element reachable from the root."""
    seen, todo = set(), [root]
    while todo:
        element = todo.pop()
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid and kid.objgen not in seen:
                seen.add(kid.objgen)
                todo.append(kid)
    return seen


def test_screen_pdf_says_it_is_pdf_ua_1(screen):
    with pikepdf.open(screen["en"].output) as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfuaid:part") == "1"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # the window shows the title
        assert str(pdf.Root.Lang) == "en-GB"
        assert str(pdf.docinfo.Title) == "Harbour Renewal"
        assert "/StructTreeRoot" in pdf.Root
        with pdf.open_outline() as outline:  # bookmarks: every section, by its title
            titles = [item.title for item in outline.root]
        assert "Foreword" in titles and "Outlook 2040" in titles


def test_every_painted_thing_is_tagged_or_an_artifact(screen):
    """What a page draws sits in marked content of a reachable element, or in an /Artifact."""
    with pikepdf.open(screen["en"].output) as pdf:
        root = pdf.Root.StructTreeRoot
        tree = reachable(root)
        numbers = root.ParentTree.Nums
        parents = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
        artifacts = tagged = 0
        for number, page in enumerate(pdf.pages, start=1):
            kids = parents[int(page.StructParents)]
            stack = []
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ("BDC", "BMC"):
                    stack.append((str(operands[0]), operands[1].get("/MCID") if op == "BDC"
                                  and isinstance(operands[1], pikepdf.Dictionary) else None))
                elif op == "EMC":
                    stack.pop()
                elif op in PAINT:
                    assert stack, f"page {number}: {op} outside marked content"
                    if any(tag == "/Artifact" for tag, _ in stack):
                        artifacts += 1
                        continue
                    mcid = next(m for _, m in reversed(stack) if m is not None)
                    element = kids[int(mcid)]
                    assert isinstance(element, pikepdf.Dictionary), \
                        f"page {number}: mcid {mcid} has no structure element"
                    assert element.objgen in tree, f"page {number}: mcid {mcid} is not in the tree"
                    tagged += 1
        assert artifacts > 0 and tagged > 0


def test_running_heads_folios_and_leaders_are_not_read(screen):
    said = " ".join(text for _, text in spoken_lines(screen["en"].output))
    assert "Kesteven Bay · Harbour Renewal".casefold() not in said.casefold()  # running head
    assert ".." not in said  # the contents' leader dots
    assert "Foreword 3–4" in said  # the contents entries still say their pages


def test_every_figure_has_alt_text(screen):
    figures = [node for top in read_structure(screen["en"].output) for node in top.walk()
               if node.kind == "Figure"]
    assert len(figures) >= 12
    assert all(node.alt.strip() for node in figures)
    alts = {node.alt for node in figures}
    assert any(alt.startswith("The harbour at dusk") for alt in alts)  # the cover's background_alt
    assert "Signature of Helen Okafor" in alts


def test_one_h1_per_titled_page_and_no_skipped_levels(screen):
    lines = spoken_lines(screen["en"].output)
    h1 = [text.casefold() for kind, text in lines if kind == "H1"]
    sections = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content").glob("*.md"))]
    titles = [re.search(r"^title: (.+)$", text, re.M)[1] for text in sections
              if re.search(r"^layout: (cover|back)$", text, re.M) is None]
    # The cover's H1 is the publication's title; every other section opens with its own.
    assert h1 == ["harbour renewal", *(t.casefold() for t in titles)]
    levels = [int(kind[1]) for kind, _ in lines if kind in HEADINGS]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_a_sections_reading_order_is_its_markdown_order(screen):
    lines = spoken_lines(screen["en"].output)
    for name in ("03-history.md", "08-south-basin.md", "10-voices.md"):
        text = (ROOT / "content" / name).read_text(encoding="utf-8")
        written = [h[3:].strip() for h in re.findall(r"^## .+$", text, re.M)]
        read = [said for kind, said in lines if kind == "H2"]
        positions = [read.index(heading) for heading in written]
        assert positions == sorted(positions), name
    # The pull quote of South Basin is read between the paragraphs it was written between.
    said = [text for _, text in lines]
    quote = next(i for i, t in enumerate(said) if "We did not plant the marsh" in t)
    before = next(i for i, t in enumerate(said) if t.startswith("The marsh does several jobs"))
    after = next(i for i, t in enumerate(said) if t.startswith("Samphire and sea lavender"))
    assert before < quote < after


def test_tables_footnotes_links_carry_their_meaning(screen):
    with pikepdf.open(screen["en"].output) as pdf:
        elements = [e for e in _walk(pdf.Root.StructTreeRoot)]
        headers = [e for e in elements if e.S == "/TH"]
        assert headers and all(str(e.A.Scope) in ("/Column", "/Row") for e in headers)
        notes = [e for e in elements if e.S == "/Note"]
        assert notes and all(str(e.ID).startswith("note-") for e in notes)
        assert len({str(e.ID) for e in notes}) == len(notes)
        assert any(e.S == "/Reference" for e in elements)  # the footnote calls
        assert any(e.S == "/Aside" for e in elements)
        assert pdf.Root.StructTreeRoot.RoleMap.Aside == "/Div"
        links = [a for page in pdf.pages for a in page.get("/Annots", [])
                 if a.Subtype == "/Link"]
        assert links and all(str(a.Contents).strip() for a in links)
        assert all("/StructParent" in a for a in links)
        assert any(str(a.Contents).startswith("01 Foreword") for a in links)


def _walk(element):
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from _walk(kid)


def test_letter_spaced_capitals_and_small_capitals_read_as_written(screen):
    lines = spoken_lines(screen["en"].output)
    said = " ".join(text for _, text in lines)
    # The kicker is letter-spaced capitals: read as its source has it, not "H A R B O U R".
    assert "Harbour Trust report · 2026" in said
    assert ("H1", "Harbour Renewal") in lines and ("H1", "Foreword") in lines
    # The first line of a section is set in small capitals, whose glyphs read back lowercase.
    assert "cast off from North Quay on 17 March 1998" in said


def test_russian_edition_says_ru_on_every_section(screen):
    with pikepdf.open(screen["ru"].output) as pdf:
        assert str(pdf.Root.Lang) == "ru"
    sections = [node for node in read_structure(screen["ru"].output) if node.kind == "Sect"]
    assert sections and {node.lang for node in sections} == {"ru"}


def test_a_section_and_a_span_in_another_language_keep_it(tmp_path):
    project = make_minimal(tmp_path)
    write(project / "content" / "03-two.md",
          section("Second Part", "Quoted: [слово за слово]{lang=ru}.\n", lang="az"))
    report = build(project, tmp_path / "out.pdf", profile="screen", cache=False)
    nodes = [n for top in read_structure(report.output) for n in top.walk()]
    assert any(n.kind == "Sect" and n.lang == "az" for n in nodes)
    assert any(n.lang == "ru" and "слово за слово" in n.spoken() for n in nodes)


def test_third_party_pdf_ua_checker_finds_no_errors(screen):
    """pdfua (a pikepdf-based checker of the machine-checkable PDF/UA-1 rules): no errors."""
    result = subprocess.run([sys.executable, "-m", "pdfua", "check", str(screen["en"].output)],
                            capture_output=True, text=True, check=False)
    assert "[ERROR]" not in result.stdout, result.stdout
    assert re.search(r"errors=0\b", result.stdout), result.stdout


# --- alt text: a preflight error in accessible profiles, a warning elsewhere ------------------

def picture_project(tmp_path: Path, markdown: str) -> Path:
    from PIL import Image

    project = make_minimal(tmp_path)
    Image.new("RGB", (3000, 2000), (40, 90, 120)).save(project / "content" / "photo.jpg")
    write(project / "content" / "03-two.md", section("Second Part", markdown))
    return project


@pytest.mark.parametrize("markdown, message", [
    ("Text.\n\n![](photo.jpg)\n",
     "photo.jpg has no alt text — describe it (the caption, or {alt=\"…\"}) or mark it "
     "{.decorative}"),
    ("Text.\n\n![Image](photo.jpg)\n",
     "photo.jpg has the alt text 'Image', which says nothing of what it shows — describe it "
     "(the caption, or {alt=\"…\"}) or mark it {.decorative}"),
    ("Text.\n\n![photo.jpg](photo.jpg)\n",
     "photo.jpg has the alt text 'photo.jpg', which says nothing of what it shows — describe "
     "it (the caption, or {alt=\"…\"}) or mark it {.decorative}"),
])
def test_missing_alt_text_stops_the_screen_build_at_its_line(tmp_path, capsys, monkeypatch,
                                                              markdown, message):
    project = picture_project(tmp_path, markdown)
    monkeypatch.chdir(project)
    assert main(["build", str(project), "--output", "screen", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"content/03-two.md:6: error: {message} (page 4) [alt-text]" in err
    assert not (project / "output").exists() or not list((project / "output").glob("*.pdf"))


def test_missing_alt_text_is_a_warning_in_print(tmp_path, capsys, monkeypatch):
    project = picture_project(tmp_path, "Text.\n\n![](photo.jpg)\n")
    monkeypatch.chdir(project)
    assert main(["build", str(project), "--output", "print", "-q"]) == 0
    assert "content/03-two.md:6: warning: photo.jpg has no alt text" in capsys.readouterr().err


def test_decorative_picture_is_an_artifact_and_alt_replaces_no_caption(tmp_path):
    project = picture_project(tmp_path, "Text.\n\n![](photo.jpg){.decorative}\n\n"
                                        "![The quay in 1890](photo.jpg){alt=\"Four sailing ships "
                                        "at a brick quay\"}\n")
    report = build(project, tmp_path / "out.pdf", profile="screen", cache=False)
    assert not [f for f in report.findings if f.check == "alt-text"]
    nodes = [n for top in read_structure(report.output) for n in top.walk()]
    figures = [n for n in nodes if n.kind == "Figure"]
    assert [n.alt for n in figures] == ["Four sailing ships at a brick quay"]
    assert any(n.kind == "Caption" and "The quay in 1890" in n.spoken() for n in nodes)
    with pikepdf.open(report.output) as pdf:  # both pictures are drawn, one as an artifact
        drawn = [op for page in pdf.pages for _, op in pikepdf.parse_content_stream(page)
                 if str(op) == "Do"]
        assert len(drawn) >= 2


def test_a_skipped_heading_level_is_an_error_in_screen(tmp_path, capsys, monkeypatch):
    project = make_minimal(tmp_path)
    monkeypatch.chdir(project)
    write(project / "content" / "03-two.md",
          section("Second Part", "## Part A\n\nText.\n\n#### Detail\n\nMore.\n"))
    assert main(["build", str(project), "--output", "screen", "-q"]) == 1
    assert ("content/03-two.md:8: error: heading level 4 follows level 2: a screen reader's "
            "outline skips a level — use ### (page 4) [headings]") in capsys.readouterr().err
    assert main(["build", str(project), "--output", "print", "-q"]) == 0


def test_accessible_profile_from_print_base_is_refused_with_pdf_x(tmp_path, capsys,
                                                                 monkeypatch):
    project = make_minimal(tmp_path)
    monkeypatch.chdir(project)
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("outputs:\n  print:\n    accessible: true\n")
    assert main(["build", str(project)]) == 1
    assert capsys.readouterr().err.strip() == (
        "publication.yml:6: outputs.print: a PDF is either PDF/X-4 or PDF/UA-1 here — set "
        "pdf_variant: none for an accessible PDF, or accessible: false for the print shop")


def test_untagged_profiles_stay_untagged(minimal_print):
    _, report = minimal_print
    with pikepdf.open(report.output) as pdf:
        assert "/StructTreeRoot" not in pdf.Root


def test_pdf_ua_named_as_variant_is_an_accessible_profile():
    from pressroom.source.outputs import parse_outputs

    profiles, errors = parse_outputs({"web": {"base": "print", "pdf_variant": "pdf/ua-1",
                                              "color": "rgb"}, "plain": {"base": "screen",
                                                                         "accessible": False}},
                                     lambda key, message: message)
    assert errors == []
    assert profiles["web"].accessible and profiles["web"].written_variant == "pdf/ua-1"
    assert profiles["screen"].accessible and profiles["screen"].written_variant == "pdf/ua-1"
    assert not profiles["plain"].accessible and profiles["plain"].written_variant is None


def test_two_tagged_builds_are_byte_identical(tmp_path):
    project = make_minimal(tmp_path / "project")
    first = build(project, tmp_path / "a.pdf", profile="screen", cache=False)
    second = build(project, tmp_path / "b.pdf", profile="screen", cache=False)
    assert first.output.read_bytes() == second.output.read_bytes()


ODD_MARKUP = """\
<table><tr><th>Year</th><th aria-hidden="true">Mark</th></tr>
<tr><td aria-hidden="true">hidden cell</td><td>b</td></tr></table>

<div style="transform: scale(0)">never drawn</div>

See <span aria-hidden="true"><a href="https://hidden.example">this</a></span> now.

The <a rel="attachment" href="att.txt">data file</a>.

[![Go home](icon.png)](https://home.example)

Text ![](icon.png){.decorative} inline, <img src="icon.png" alt="" role="presentation"> and
<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><title>A grey bar</title><rect width="60" height="20"/></svg>.

<div style="opacity: 0.5">A faded paragraph.</div>
"""


def test_odd_markup_builds_a_tagged_pdf_with_every_annotation_in_the_tree(tmp_path):
    from PIL import Image

    project = make_minimal(tmp_path / "project")
    Image.new("RGB", (600, 600), (30, 30, 30)).save(project / "content" / "icon.png")
    (project / "content" / "att.txt").write_text("data\n", encoding="utf-8")
    write(project / "content" / "03-two.md", section("Second Part", ODD_MARKUP))
    report = build(project, tmp_path / "out.pdf", profile="screen", cache=False)
    assert [f for f in report.findings if f.severity == "error"] == []
    with pikepdf.open(report.output) as pdf:
        tree = reachable(pdf.Root.StructTreeRoot)
        numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
        annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
        assert {str(a.Subtype) for a in annotations} >= {"/Link", "/FileAttachment"}
        for annotation in annotations:
            assert str(annotation.Contents).strip()
            assert parents[int(annotation.StructParent)].objgen in tree
        forms = [form for form in pdf.objects if isinstance(form, pikepdf.Stream)
                 and form.get("/Subtype") == "/Form" and "/StructParents" in form]
        assert forms  # the faded paragraph's form has its own parent-tree entry
    said = " ".join(node.spoken() for node in read_structure(report.output))
    assert "A faded paragraph." in said and "Go home" in said and "A grey bar" in said
    assert "never drawn" not in said

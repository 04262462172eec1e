"""Shared helpers: tiny projects in tmp dirs, builds that fail on warnings, PDF readers."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import textwrap
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from pressroom import build

ROOT = Path(__file__).resolve().parent.parent

LONG_TEXT = "\n\n".join(f"Paragraph {n}. " + "Words to fill the page. " * 40 for n in range(30))

MINIMAL_CONFIG = """\
title: Test Booklet
date: 2026-01-02
author: Test Author
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def section(title: str, body: str = "Some text.\n", **front: str) -> str:
    """Markdown file text with front matter."""
    lines = [f"title: {title}", *(f"{k}: {v}" for k, v in front.items())]
    return "---\n" + "\n".join(lines) + "\n---\n" + textwrap.dedent(body)


def make_minimal(root: Path) -> Path:
    """Write the minimal valid project into *root*: config, cover, contents, two sections, back."""
    write(root / "publication.yml", MINIMAL_CONFIG)
    write(root / "content" / "00-cover.md", section("Cover", "Slogan.\n", layout="cover"))
    write(root / "content" / "01-toc.md", section("Contents", "", layout="toc"))
    write(root / "content" / "02-one.md", section("First Part", "Alpha text.\n"))
    write(root / "content" / "03-two.md", section("Second Part", "Beta text.\n"))
    write(root / "content" / "04-back.md", section("Back", "Imprint.\n", layout="back"))
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A minimal valid project: config, cover, contents, two sections, back."""
    return make_minimal(tmp_path)


# --- builds shared by the whole session -------------------------------------------------------
# Each is built once, the first time a test asks for it, and is read-only for every
# test: a test that edits the project or writes beside the PDF copies it first.

_FINISHED: dict[Path, float] = {}  # output of a shared build → when it was written (monotonic)


def finished(report):
    """*report*, its build's end noted for :func:`after_the_clock_moved_on`."""
    _FINISHED[report.output] = time.monotonic()
    return report


def after_the_clock_moved_on(first: Path, seconds: float = 1.1) -> None:
    """Wait until *seconds* have passed since the shared build of *first* was written.

    For a second build meant to differ from the first in any timestamp taken
    from the clock: a build made long ago needs no wait (``time.sleep`` the rest).
    """
    time.sleep(max(0.0, _FINISHED.get(first, time.monotonic()) + seconds - time.monotonic()))


@pytest.fixture(scope="session")
def minimal_print(tmp_path_factory) -> tuple[Path, object]:
    """The untouched minimal project (:func:`project`) and its print build at the default path.

    ``build_clean(project)``, as the tests that share it would each have run it.
    """
    root = make_minimal(tmp_path_factory.mktemp("minimal"))
    return root, finished(build_clean(root))


@pytest.fixture(scope="session")
def sample_print(tmp_path_factory):
    """The sample publication (repository root), English print edition: its build report."""
    return finished(build_clean(ROOT, tmp_path_factory.mktemp("sample") / "sample.pdf"))


@dataclasses.dataclass(frozen=True)
class Checked:
    """One ``pressroom check`` run: exit status, what it printed, and the build it made."""

    code: int
    out: str
    err: str
    report: object  # its BuildReport, ``output`` pointing at the copy of the PDF


def check_keeping_pdf(argv: list[str], keep: Path) -> Checked:
    """``main(["check", *argv])`` as the command line runs it, and a copy of the PDF it built.

    ``check`` builds into a temporary folder it removes ("nothing is kept"), so
    a test reading that PDF would build the same project once more. Here the
    CLI's ``build`` is wrapped: called with the check's own arguments, its
    report returned to the check unchanged, the PDF copied into *keep* first.
    """
    from pressroom import cli

    built = []
    real = cli.build

    def keeping(*args, **kwargs):
        report = real(*args, **kwargs)
        copy = keep / report.output.name
        shutil.copyfile(report.output, copy)
        built.append(dataclasses.replace(report, output=copy))
        return report

    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(out), redirect_stderr(err):
        patch.setattr(cli, "build", keeping)
        code = cli.main(["check", *argv])
    assert len(built) == 1, (code, out.getvalue(), err.getvalue())
    return Checked(code, out.getvalue(), err.getvalue(), finished(built[0]))


@pytest.fixture(scope="session")
def sample_checked(sample_print, tmp_path_factory) -> Checked:
    """``pressroom check ROOT --strict``: the sample's English print edition once more.

    A second build of the sample, made after :func:`sample_print` and at least
    1.1 s later (any timestamp taken from the clock would differ), with a copy
    of its PDF: the command line's check and a rebuild in one.
    """
    after_the_clock_moved_on(sample_print.output)
    return check_keeping_pdf([str(ROOT), "--strict"], tmp_path_factory.mktemp("sample-check"))


def plant_machine_font(folder: Path) -> Path:
    """A fontconfig file: the machine's fonts plus Noto Music, a face no theme stack names.

    Point ``FONTCONFIG_FILE`` at it and any glyph only Noto Music has (the G
    clef U+1D11E) is set in a machine font, on every machine — the fallback
    the preflight's fonts check must catch.
    """
    from pymupdf_fonts import NotoMusic_Regular

    (folder / "NotoMusic-Regular.otf").write_bytes(NotoMusic_Regular.fontbuffer)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{folder}</dir>\n  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8")
    return config


def plant_no_machine_fonts(folder: Path) -> Path:
    """A fontconfig file that lists no fonts at all: nothing can stand in for a missing glyph.

    With ``FONTCONFIG_FILE`` pointing at it a glyph the theme fonts lack is
    drawn as .notdef (an empty box) of a theme font, on every machine.
    """
    config = folder / "no-fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n", encoding="utf-8")
    return config


def build_clean(project_dir: Path, output: Path | None = None):
    """Build and fail the test on any WeasyPrint warning nobody expected."""
    report = build(project_dir, output)
    assert report.warnings == (), f"unexpected layout warnings: {report.warnings}"
    return report


def page_texts(pdf_path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        # Display lines tie their last words with no-break spaces (typeset.py).
        return [page.get_textpage().get_text_range().replace("\xa0", " ") for page in pdf]
    finally:
        pdf.close()


def drawn_images(pdf_path: Path) -> list[list[tuple[int, int]]]:
    """The pixel size (width, height) of every raster image each page draws, page by page.

    Read from what each page's content stream draws, not from its resources:
    WeasyPrint gives all pages one shared resource dictionary, so every page
    lists every image of the file. Forms are walked too: WeasyPrint 70 draws
    a CSS background (the cover's shade, styles/img/cover-shade.png) inside a
    form XObject, which a walk of the page's top level (max_depth=1) misses.
    An image drawn twice counts twice.
    """
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [[tuple(image.get_px_size()) for image in page.get_objects(
                    filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=15)]
                for page in pdf]
    finally:
        pdf.close()


def images_drawn(pdf_path: Path) -> list[int]:
    """How many raster images each page draws (see :func:`drawn_images`)."""
    return [len(page) for page in drawn_images(pdf_path)]


def _cmap_pairs(cmap: str, kind: str) -> dict[int, str]:
    """Code → destination hex of a CMap's ``begin{kind}char`` and ``begin{kind}range`` entries."""
    pairs: dict[int, str] = {}
    for block in re.findall(rf"begin{kind}char(.*?)end{kind}char", cmap, re.S):
        for code, target in re.findall(r"<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\d+)", block):
            pairs[int(code, 16)] = target
    for block in re.findall(rf"begin{kind}range(.*?)end{kind}range", cmap, re.S):
        for low, high, target in re.findall(
                r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\d+)", block):
            for offset in range(int(high, 16) - int(low, 16) + 1):
                if target.startswith("<"):  # a Unicode range: the last code unit counts up
                    first = target[1:-1]
                    pairs[int(low, 16) + offset] = f"<{first[:-4]}{int(first[-4:], 16) + offset:04x}>"
                else:
                    pairs[int(low, 16) + offset] = str(int(target) + offset)
    return pairs


def missing_glyphs(pdf_path: Path) -> dict[str, set[str]]:
    """Text drawn with no glyph: each character set as .notdef → the fonts (subset tag removed).

    A glyph no font has is drawn with glyph 0 (an empty box) of the font
    asked for, when no machine font can stand in. The font is a theme font,
    so "only theme fonts" checks pass: this reads the fonts' encodings
    instead (WeasyPrint also warns, but this is what the PDF holds). Each
    code maps to a CID (the glyph, CIDToGIDMap /Identity) and to its text in
    ToUnicode; CID 0 is .notdef.
    """
    found: dict[str, set[str]] = {}
    with pikepdf.open(pdf_path) as pdf:
        for font in pdf.objects:
            if not isinstance(font, pikepdf.Dictionary) or font.get("/Subtype") != "/Type0":
                continue
            encoding, to_unicode = font.get("/Encoding"), font.get("/ToUnicode")
            if isinstance(encoding, pikepdf.Stream):
                cids = _cmap_pairs(encoding.read_bytes().decode("latin-1"), "cid")
            else:  # /Identity-H: the code is the CID
                cids = {0: "0"}
            texts = _cmap_pairs(to_unicode.read_bytes().decode("latin-1"), "bf") \
                if isinstance(to_unicode, pikepdf.Stream) else {}
            name = str(font.BaseFont)[1:].split("+", 1)[-1]
            for code, cid in cids.items():
                if cid == "0" and code in texts:
                    text = bytes.fromhex(texts[code][1:-1]).decode("utf-16-be")
                    found.setdefault(text, set()).add(name)
    return found


def outline(pdf_path: Path) -> list[tuple[str, int]]:
    """(title, 0-based page index) for every bookmark."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [(item.get_title(), item.get_dest().get_index()) for item in pdf.get_toc()]
    finally:
        pdf.close()


def toc_numbers(pdf: Path, page_index: int = 1) -> dict[str, str]:
    """Title → page text ("5" or "5–9") as printed on the contents page."""
    entries = {}
    for line in page_texts(pdf)[page_index].splitlines():
        match = re.match(r"^\d\d\s+(.+?)\s*\.{3,}\s*(\d+(?:–\d+)?)\s*$", line.strip())
        if match:
            entries[match[1]] = match[2]
    return entries


def real_ranges(pdf: Path) -> dict[str, str]:
    """Title → "start" or "start–end" from the outline (every section starts a page)."""
    marks = outline(pdf)
    texts = page_texts(pdf)
    ranges = {}
    for (title, start), following in zip(marks, [*marks[1:], (None, len(texts))]):
        # Blank pages added for saddle stitching belong to no section.
        end = max(i for i in range(start, following[1]) if texts[i].strip() or i == start)
        ranges[title] = str(start + 1) if end == start else f"{start + 1}–{end + 1}"
    return ranges

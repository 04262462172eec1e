"""A catalogue of bad inputs: each through ``main()``, its exact message and exit code.

Every case starts from a copy of one small project whose PDF was built once;
the good PDF is put where the failing build would write, and each case
proves it is still there, byte for byte, with no temporary file beside it.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path
from typing import Callable

import pytest
from PIL import Image

from conftest import MINIMAL_CONFIG, section, write
from pressroom.cli import main

Case = Callable[[Path, Path], list[str] | None]  # (project, outside) → extra argv


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> tuple[Path, bytes]:
    """A valid project with one picture, and the bytes of its screen PDF."""
    root = tmp_path_factory.mktemp("good")
    project = root / "project"
    write(project / "publication.yml", MINIMAL_CONFIG)
    write(project / "content" / "00-cover.md", section("Cover", "Slogan.\n", layout="cover"))
    write(project / "content" / "01-toc.md", section("Contents", "", layout="toc"))
    write(project / "content" / "02-one.md", section("First Part", "Alpha text.\n"))
    write(project / "content" / "03-two.md", section("Second Part", "Beta text.\n"))
    Image.new("RGB", (60, 40), "#1f6f82").save(project / "content" / "pic.png")
    out = root / "good.pdf"
    assert main(["build", str(project), "-o", str(out), "--output", "screen"]) == 0
    return project, out.read_bytes()


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims *width* × *height* (Pillow reads only the header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def body(text: str) -> Case:
    """Replace section 02's body (its first body line is line 4)."""
    def apply(project: Path, outside: Path) -> None:
        write(project / "content" / "02-one.md", section("First Part", text))
    return apply


def config(text: str) -> Case:
    def apply(project: Path, outside: Path) -> None:
        (project / "publication.yml").write_text(text, encoding="utf-8")
    return apply


def file(relative: str, data: str | bytes) -> Case:
    def apply(project: Path, outside: Path) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return apply


def link(relative: str, target: str) -> Case:
    """Replace *relative* by a symlink to *target* (``OUT/`` is the folder outside)."""
    def apply(project: Path, outside: Path) -> None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        path.unlink(missing_ok=True)
        path.symlink_to(target.replace("OUT/", f"{outside}/"))
    return apply


def both(*cases: Case) -> Case:
    def apply(project: Path, outside: Path) -> list[str] | None:
        extra = [case(project, outside) for case in cases]
        return next((e for e in extra if e), None)
    return apply


def argv(*extra: str) -> Case:
    def apply(project: Path, outside: Path) -> list[str]:
        return [a.replace("PROJECT/", f"{project}/").replace("OUT/", f"{outside}/")
                for a in extra]
    return apply


def truncated_jpeg(project: Path, outside: Path) -> None:
    whole = project / "content" / "whole.jpg"
    Image.effect_noise((320, 240), 60).convert("RGB").save(whole, quality=90)
    data = whole.read_bytes()
    (project / "content" / "cut.jpg").write_bytes(data[: len(data) // 2])
    write(project / "content" / "02-one.md", section("First Part", "Text.\n\n![Cut](cut.jpg)\n"))


LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8))
BAD_CSS = "p { color: red; }\nh1 { colr: blue; }\n"
KNOWN = "title, subtitle, short_title, author, authors, date, lang, page, toc, outputs, editions"

CASES: dict[str, tuple[Case, int, str]] = {
    # --- publication.yml ---
    "malformed-yaml": (config("title: T\npage:\n  size: [A4\n"), 1,
                       "publication.yml:4: invalid YAML: expected ',' or ']', but got '<stream end>'"),
    "missing-title": (config("subtitle: S\n"), 1, "publication.yml:1: missing required key 'title'"),
    "unknown-key": (config("title: T\ntitel: U\n"), 1,
                    f"publication.yml:2: unknown key 'titel' (known: {KNOWN}) — did you mean 'title'?"),
    "wrong-type": (config("title: [a, b]\n"), 1, "publication.yml:1: title: expected text, got list"),
    "unknown-page-size": (config("title: T\npage:\n  size: B7\n"), 1,
                          "publication.yml:3: page.size: expected A4, A5, Letter or 'WIDTH HEIGHT' "
                          "such as '148mm 210mm', got 'B7'"),
    "zero-page": (config("title: T\npage:\n  size: '0 0'\n"), 1,
                  "publication.yml:3: page.size: each side must be from 50mm to 1200mm, got '0 0'"),
    "hundred-metre-page": (config("title: T\npage:\n  size: 100000mm 100000mm\n"), 1,
                           "publication.yml:3: page.size: each side must be from 50mm to 1200mm, "
                           "got '100000mm 100000mm'"),
    "huge-bleed": (config("title: T\npage:\n  bleed: 5cm\n"), 1,
                   "publication.yml:3: page.bleed: expected a length from 0mm to 10mm, got '5cm'"),
    "impossible-date": (config("title: T\ndate: 2026-13-45\n"), 1,
                        "publication.yml:2: '2026-13-45' is not a real date (month must be in 1..12) "
                        "— write dates as YYYY-MM-DD"),
    "unknown-tag": (config("title: !custom T\n"), 1,
                    "publication.yml:1: unknown YAML tag '!custom' — remove it: only plain YAML "
                    "values are read"),
    "recursive-alias": (config("title: T\nx: &a [1, *a]\n"), 1,
                        "publication.yml:2: recursive YAML alias: an anchor (&name) contains its "
                        "own alias (*name) — remove the alias"),
    "billion-laughs": (config("title: T\n" + LAUGHS), 1,
                       "publication.yml:5: YAML aliases expand to more than 10,000 values — write "
                       "the values out instead of repeating an alias"),
    "latin-1-config": (file("publication.yml", "title: Caf\xe9\n".encode("latin-1")), 1,
                       "publication.yml:1: not UTF-8 text (byte 0xE9) — save the file with UTF-8 "
                       "encoding"),
    "symlinked-config": (link("publication.yml", "OUT/secret.txt"), 1,
                         "publication.yml:1: cannot read this file: outside the project and the theme"),
    "icc-missing": (both(config("title: T\noutputs:\n  print: {icc: nowhere.icc}\n"),
                         argv("--output", "print")), 1,
                    "publication.yml:3: icc 'nowhere.icc': not found in the project or the theme"),
    "icc-not-a-profile": (both(config("title: T\noutputs:\n  print:\n    icc: x.icc\n"),
                               file("x.icc", "not a profile"), argv("--output", "print")), 1,
                          "publication.yml:4: icc 'x.icc' is not an ICC colour profile — give the "
                          "path of a CMYK .icc file"),
    # --- sections ---
    "latin-1-section": (file("content/02-one.md", "---\ntitle: One\n---\nCaf\xe9\n".encode("latin-1")),
                        1, "content/02-one.md:4: not UTF-8 text (byte 0xE9) — save the file with "
                           "UTF-8 encoding"),
    "layout-list": (file("content/02-one.md", "---\ntitle: One\nlayout: [a]\n---\nText\n"), 1,
                    "content/02-one.md:3: layout: expected a layout name such as 'section', got ['a']"),
    "unknown-layout": (file("content/02-one.md", "---\ntitle: One\nlayout: sidebar\n---\nText\n"), 1,
                       "content/02-one.md:3: unknown layout 'sidebar' (known: back, cover, section, toc)"),
    "front-matter-date": (file("content/02-one.md", "---\ntitle: One\nwhen: 2026-02-30\n---\nT\n"), 1,
                          "content/02-one.md:3: '2026-02-30' is not a real date (day is out of range "
                          "for month) — write dates as YYYY-MM-DD"),
    "no-title": (file("content/02-one.md", "No front matter and no heading.\n"), 1,
                 "content/02-one.md:1: no title: start the file with a '# Title' line, "
                 "or front matter with 'title:'"),
    "symlinked-section": (link("content/05-leak.md", "OUT/secret.md"), 1,
                          "content/05-leak.md:1: cannot read this file: outside the project and the "
                          "theme"),
    "empty-content": (lambda p, o: [f.unlink() for f in (p / "content").glob("*.md")] and None, 1,
                      "content:1: no Markdown sections found (expected content/*.md)"),
    "missing-content": (lambda p, o: shutil.rmtree(p / "content"), 1,
                        "content:1: no Markdown sections found (expected content/*.md)"),
    "deep-quotes": (body(">" * 2000 + " deep\n"), 1,
                    "content/02-one.md:4: block quotes nested 2000 deep — keep nesting under 16 levels"),
    "deep-fences": (body("".join(f"{':' * (303 - i)} aside\n" for i in range(300))), 1,
                    "content/02-one.md:20: fences nested more than 16 deep — close some before "
                    "opening more"),
    "deep-lists": (body("> - " * 30 + "deep\n"), 1,
                   "content/02-one.md:4: lists and quotes nested 60 deep on one line — keep nesting "
                   "under 16 levels"),
    "deep-html": (body("<div>" * 200 + "deep" + "</div>" * 200 + "\n"), 1,
                  "content/02-one.md:4: HTML elements nested more than 64 deep — WeasyPrint cannot "
                  "lay that out"),
    "fence-inside-raw-html": (body("<div>\n::: aside\nx\n:::\n</div>\n"), 1,
                              "content/02-one.md:5: this ':::' fence is inside raw HTML, where "
                              "Markdown is not read — close the HTML element before the fence"),
    "raw-html-swallows-close": (body("::: pullquote\n<div>\n:::\n"), 1,
                                "content/02-one.md:4: fence '::: pullquote' is closed inside raw HTML "
                                "that is never closed — close the HTML element (e.g. </div>) before "
                                "the ':::' line"),
    "reserved-marker": (body("word\u2060@1 ok\n"), 1,
                        "content/02-one.md:4: the invisible character U+2060 followed by '@' is "
                        "reserved by pressroom — remove it"),
    "unclosed-fence": (body("::: aside\nText.\n"), 1,
                       "content/02-one.md:4: fence '::: aside' is never closed: add a ':::' line "
                       "after its content"),
    "unknown-component": (body("::: pulquote\nText.\n:::\n"), 1,
                          "content/02-one.md:4: unknown component 'pulquote' — did you mean "
                          "'pullquote'?"),
    "unknown-attribute": (body('::: {.pullquote bye="X"}\nText.\n:::\n'), 1,
                          "content/02-one.md:4: unknown attribute 'bye' for pullquote (known: by, "
                          "role) — did you mean 'by'?"),
    # --- pictures and other files named in Markdown ---
    "missing-image": (body("Text.\n\n![A](missing.png)\n"), 1,
                      "content/02-one.md:6: file 'missing.png' not found"),
    "reference-image": (body("Text.\n\n![A][pic]\n\nMore.\n\n[pic]: missing.png\n"), 1,
                        "content/02-one.md:10: file 'missing.png' not found"),
    "image-outside": (body("![A](../../secret.png)\n"), 1,
                      "content/02-one.md:4: '../../secret.png' is outside the project directory"),
    "remote-image": (body("![A](https://example.org/x.png)\n"), 1,
                     "content/02-one.md:4: remote or absolute URL 'https://example.org/x.png' is not "
                     "allowed: copy the file into the project and use a relative path"),
    "file-url-host": (body('<img src="file://evil.example/etc/passwd">\n'), 1,
                      "content/02-one.md:4: remote or absolute URL 'file://evil.example/etc/passwd' "
                      "is not allowed: copy the file into the project and use a relative path"),
    "encoded-traversal": (both(file("content/a%2f..%2f..%2f/x.txt", "x"),
                               body('<link rel="attachment" href="a%252f..%252f..%252f/'
                                    '%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd">\n')), 1,
                          "content/02-one.md:4: 'a%252f..%252f..%252f/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/"
                          "passwd' is outside the project directory"),
    "raw-html-missing": (body('Text.\n\n<img src="nothing.png" alt="x">\n'), 1,
                         "content/02-one.md:6: file 'nothing.png' not found"),
    "git-config": (both(file(".git/config", "[core]\n"), body('<link rel="attachment" '
                                                              'href="../.git/config">\n')), 1,
                   "content/02-one.md:4: '../.git/config': hidden file or folder '.git' may not be "
                   "read"),
    "symlinked-image": (both(link("content/leak.png", "OUT/secret.png"),
                             body("![A](leak.png)\n")), 1,
                        "content/02-one.md:4: 'leak.png' is outside the project directory"),
    "damaged-image": (both(file("content/junk.png", "not a picture"), body("![J](junk.png)\n")), 1,
                      "content/02-one.md:4: junk.png: cannot read this image (damaged, or not an "
                      "image) — export it again"),
    "truncated-photo": (truncated_jpeg, 1,
                        "content/02-one.md:6: cut.jpg: the image file is cut short (truncated) — "
                        "copy or export it again"),
    "too-many-pixels": (both(file("content/huge.png", png_header(20000, 20000)),
                             body("![H](huge.png)\n")), 1,
                        "content/02-one.md:4: huge.png: the image is 20000×20000 pixels (400 "
                        "megapixels); the limit is 89 megapixels, because decoding it needs "
                        "gigabytes of memory — scale it down (300 ppi at its printed size is "
                        "enough)"),
    # --- templates and styles ---
    "jinja-syntax": (file("templates/layouts/section.html", "{{ section.title }\n"), 1,
                     "templates/layouts/section.html:1: template error: unexpected '}'"),
    "jinja-undefined": (file("templates/layouts/section.html", "<h1>{{ section.titel }}</h1>\n"), 1,
                        "templates/layouts/section.html:1: template error: 'pressroom.document.html."
                        "SectionView object' has no attribute 'titel' — define it, or test it with "
                        "'is defined' or .get()"),
    "jinja-escape": (file("templates/layouts/section.html",
                          "{{ cycler.__init__.__globals__.os.popen('id').read() }}\n"), 1,
                     "templates/layouts/section.html:1: template error: access to attribute "
                     "'__init__' of 'type' object is unsafe."),
    "symlinked-template": (link("templates/layouts/section.html", "OUT/secret.txt"), 1,
                           "templates/layouts/section.html:1: cannot read this file: outside the "
                           "project and the theme"),
    "css-rejected": (file("styles/90-house.css", BAD_CSS), 1,
                     "styles/90-house.css:2: WeasyPrint rejects this CSS: Ignored `colr: blue` "
                     "(unknown property) — fix or remove it"),
    "css-remote": (file("styles/90-house.css", "body { background: url(https://example.org/a.png) }\n"),
                   1, "styles/90-house.css:1: remote URLs are not allowed: https://example.org/a.png"),
    "symlinked-style": (link("styles/90-leak.css", "OUT/secret.txt"), 1,
                        "styles/90-leak.css:1: cannot read this file: outside the project and the "
                        "theme"),
    # --- the command line ---
    "output-into-content": (argv("-o", "PROJECT/content/new.pdf"), 1,
                            "content/new.pdf: refusing to write the PDF inside content/, among the "
                            "sources — choose a path outside it with -o"),
    "output-onto-manuscript": (argv("-o", "PROJECT/content/02-one.md"), 1,
                               "content/02-one.md: refusing to write the PDF inside content/, among "
                               "the sources — choose a path outside it with -o"),
    "output-onto-config": (argv("-o", "PROJECT/publication.yml"), 1,
                           "publication.yml: refusing to overwrite a source file — the PDF needs a "
                           "name ending in .pdf"),
    "output-onto-folder": (argv("-o", "PROJECT/output"), 1,
                           "output: is a folder — give a file name such as output/publication.pdf"),
    "output-under-a-file": (argv("-o", "PROJECT/publication.yml/x.pdf"), 1,
                            "publication.yml/x.pdf: 'publication.yml' is a file, not a folder — "
                            "choose another path with -o"),
    "output-read-only": (argv("-o", "/proc/pressroom.pdf"), 1,
                         "/proc/pressroom.pdf: cannot write the PDF here (No such file or directory) "
                         "— choose another path with -o"),
    "bad-profile-name": (config("title: T\noutputs:\n  '../../x': {base: screen}\n"), 1,
                         "publication.yml:3: outputs: profile name '../../x' must be lowercase "
                         "letters, digits, '-' or '_'"),
    "bad-profile-base": (config("title: T\noutputs:\n  screen: {base: [1]}\n"), 1,
                         "publication.yml:3: outputs.screen.base: expected print or screen, got [1]"),
    "control-character": (config("title: T\nsubtitle: \x01\n"), 1,
                          "publication.yml:2: invalid YAML: control character 0x01 is not allowed — "
                          "remove it"),
    "nul-in-path": (body("![x](a%00b.png)\n"), 1,
                    "content/02-one.md:4: 'a%00b.png': not a usable file name (embedded null byte)"),
    "long-path": (body("![x](" + "a/" * 3000 + "x.png)\n"), 1,
                  "content/02-one.md:4: '" + "a/" * 3000 + "x.png': not a usable file name "
                  "(File name too long)"),
    "bad-ipv6-url": (body("![x](http://[::1/x.png)\n"), 1,
                     "content/02-one.md:4: 'http://[::1/x.png': not a valid URL (Invalid IPv6 URL)"),
    "css-nul": (file("styles/90-house.css", "body { background: url(a%00b.png) }\n"), 1,
                "styles/90-house.css:1: not a usable file name (embedded null byte): "
                "FILE/styles/a%00b.png"),  # FILE: the project's file URI
    "many-brackets": (body("Text " + "[" * 5000 + "\n"), 1,
                      "content/02-one.md:4: more than 2,000 '[' in one paragraph — split it, or "
                      "write them as \\["),
    "spaces-after-fence": (body(":::a" + " " * 3000 + "x\nText.\n"), 1,
                           "content/02-one.md:4: fence '::: a" + " " * 3000 + "x' is never closed: "
                           "add a ':::' line after its content"),
    "jinja-huge-string": (file("templates/layouts/section.html", "{{ 'a' * 10**9 }}\n"), 1,
                          "templates/layouts/section.html:1: template error: a template may not "
                          "repeat text or lists past 1,000,000 items"),
    "jinja-huge-power": (file("templates/layouts/section.html", "{{ ((10**100)**100)**1000 }}\n"), 1,
                         "templates/layouts/section.html:1: template error: 10 ** 100 is too large a "
                         "number for a template"),
    "unknown-output": (argv("--output", "nosuch"), 2,
                       "publication.yml:1: unknown output 'nosuch' (known: print, screen)"),
    "impose-without-binding": (argv("--impose", "saddle-stitch"), 2,
                               "publication.yml:1: --impose saddle-stitch: output screen has no "
                               "binding — set outputs.screen.binding: saddle-stitch (and pad: true)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name: str, good, tmp_path: Path, monkeypatch, capsys):
    source, good_pdf = good
    project, outside = tmp_path / "project", tmp_path / "outside"
    shutil.copytree(source, project)
    outside.mkdir()
    for secret in ("secret.txt", "secret.md", "secret.png"):
        (outside / secret).write_text("MARKER-outside", encoding="utf-8")
    (project / "output").mkdir()
    out = project / "output" / "last-good.pdf"
    out.write_bytes(good_pdf)
    case, code, message = CASES[name]
    extra = case(project, outside) or []
    args = ["-o", str(out), "--output", "screen"]
    if "-o" in extra:
        args = ["--output", "screen"]
    if "--output" in extra:
        args = ["-o", str(out)]
    monkeypatch.chdir(project)
    assert main(["build", ".", *args, *extra]) == code
    err = [line for line in capsys.readouterr().err.splitlines() if not line.startswith("note: ")]
    assert err == [message.replace("FILE/", project.as_uri() + "/")]
    assert out.read_bytes() == good_pdf
    assert sorted(p.name for p in out.parent.iterdir()) == ["last-good.pdf"]


def test_the_catalogue_is_large():
    # Exactly: a case dropped by accident fails here (a new one updates the count).
    assert len(CASES) == 72

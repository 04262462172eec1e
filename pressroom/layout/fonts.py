"""The default theme's typefaces: which pip package gives which face.

Every face covers Latin (with Extended-A/B: Azerbaijani, Turkish, Polish,
Czech, Romanian, Vietnamese), Cyrillic (with Ukrainian, Serbian, Kazakh) and
Greek; the stylesheets put the symbol faces after each role's face
(``--font-text``, ``--font-display``, ``--font-mono`` in styles/20-type.css),
so stars, check marks, card suits, arrows and currency signs never fall
through to a machine font. The packages are pinned in pyproject.toml so every
machine lays text out with the same metrics.
"""

from __future__ import annotations

import atexit
import functools
import importlib
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class FontFace:
    """One ``@font-face`` rule: a family name, a weight and style, and where the bytes live.

    ``package`` is a fontpkg package whose ``files/`` folder holds ``source``,
    or ``pymupdf_fonts``, whose ``source`` module holds the font as bytes.
    """

    family: str
    package: str
    source: str
    weight: int
    style: str = "normal"

    def path(self) -> Path:
        """Absolute path of the face's file (a module's bytes are written out once, see
        :func:`embedded_file`)."""
        if self.package == EMBEDDED:
            return embedded_file(self.source)
        return Path(str(resources.files(self.package) / "files" / self.source))

    def url(self) -> str:
        """``file:`` URL of the face's file."""
        return self.path().as_uri()


EMBEDDED = "pymupdf_fonts"  # fonts stored as Python modules (no file to point at)
TEXT = "Source Serif 4"
DISPLAY = "Fira Sans Condensed"
MONO = "Source Code Pro"
# The symbol faces have names of their own, so a machine's "Noto Sans" can
# never be matched in their place.
SYMBOLS = "Pressroom Symbols"   # Noto Sans Symbols 2: ★ ✓ ✗ ♠ ♣ ♥ ♦ ☐ ☒
DINGBATS = "Pressroom Dingbats"  # Noto Sans Symbols: the rest of U+2600–26FF (☾ ⚓ ⚠), ⌘ ⏎
ARROWS = "Pressroom Arrows"     # Noto Sans Math: ↔ ⇒ ⇐ and the other arrows
SIGNS = "Pressroom Signs"       # Noto Sans: ₼ ₸ and other currency signs

FONT_FACES = (
    # WeasyPrint takes one weight per @font-face, so a variable font is
    # declared once per weight the theme uses; fontconfig picks the instance.
    *(FontFace(TEXT, "fontpkg_source_serif_4", "SourceSerif4[opsz,wght].ttf", w)
      for w in (300, 400, 600, 700)),
    *(FontFace(TEXT, "fontpkg_source_serif_4", "SourceSerif4-Italic[opsz,wght].ttf", w, "italic")
      for w in (300, 400, 700)),
    *(FontFace(DISPLAY, "fontpkg_fira_sans_condensed", f"FiraSansCondensed-{name}.ttf", w)
      for name, w in (("Regular", 400), ("Medium", 500), ("SemiBold", 600), ("Bold", 700),
                      ("ExtraBold", 800))),
    FontFace(DISPLAY, "fontpkg_fira_sans_condensed", "FiraSansCondensed-Italic.ttf", 400, "italic"),
    FontFace(DISPLAY, "fontpkg_fira_sans_condensed", "FiraSansCondensed-SemiBoldItalic.ttf", 600,
             "italic"),
    *(FontFace(MONO, "fontpkg_source_code_pro", "SourceCodePro[wght].ttf", w) for w in (400, 700)),
    FontFace(MONO, "fontpkg_source_code_pro", "SourceCodePro-Italic[wght].ttf", 400, "italic"),
    FontFace(SYMBOLS, EMBEDDED, "NotoSansSymbols2_Regular", 400),
    FontFace(DINGBATS, EMBEDDED, "NotoSansSymbols_Regular", 400),
    FontFace(ARROWS, EMBEDDED, "NotoSansMath_Regular", 400),
    FontFace(SIGNS, EMBEDDED, "NotoSans_Regular", 400),
    FontFace(SIGNS, EMBEDDED, "NotoSans_Bold", 700),
)

# PDF font names (BaseFont without the subset tag) the theme's faces produce;
# the preflight calls any other font a machine font standing in for a glyph.
THEME_FONTS = ("Source-Serif-4", "Fira-Sans-Condensed", "Source-Code-Pro",
               "Pressroom-Symbols", "Pressroom-Dingbats", "Pressroom-Arrows", "Pressroom-Signs")


def font_dirs() -> tuple[Path, ...]:
    """Folders the packaged font files are read from (roots of the read gate)."""
    return tuple(sorted({face.path().parent for face in FONT_FACES}))


@functools.cache
def font_css() -> str:
    """``@font-face`` rules for every face of the theme."""
    return "\n".join(
        f'@font-face {{ font-family: "{face.family}"; src: url("{face.url()}"); '
        f"font-weight: {face.weight}; font-style: {face.style}; }}"
        for face in FONT_FACES)


@functools.cache
def embedded_file(module: str) -> Path:
    """The font kept in ``pymupdf_fonts.<module>``, written to a private folder of this process.

    The package stores each font compressed in a module. As a ``data:`` URL
    the four faces made 2.2 MB of CSS that every layout tokenized again
    (0.4 s); as files WeasyPrint reads them like the other faces. The folder
    is made by ``mkdtemp`` (private to this user) and removed at exit.
    """
    data = importlib.import_module(f"{EMBEDDED}.{module}").fontbuffer
    path = _embedded_dir() / f"{module}.otf"
    path.write_bytes(data)
    return path


@functools.cache
def _embedded_dir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="pressroom-fonts-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder

"""Where templates, styles and fonts come from.

A project's own ``templates/`` and ``styles/`` override the default theme
file by file. The default theme is the repository root in a source checkout
and ``pressroom/theme/`` in an installed wheel (see pyproject.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..layout import fonts
from .gate import Refused

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # pressroom/


def default_theme_dir() -> Path:
    """The directory holding the default ``templates/`` and ``styles/``."""
    installed = PACKAGE_DIR / "theme"
    if (installed / "templates").is_dir():
        return installed
    return PACKAGE_DIR.parent  # source checkout or editable install


@dataclass(frozen=True)
class Theme:
    """Theme directories in priority order: the project first, then the default."""

    dirs: tuple[Path, ...]

    @classmethod
    def for_project(cls, root: Path) -> "Theme":
        default = default_theme_dir()
        if root.resolve() == default.resolve():
            return cls((default,))
        return cls((root.resolve(), default))

    @property
    def template_dirs(self) -> tuple[Path, ...]:
        return tuple(d / "templates" for d in self.dirs if (d / "templates").is_dir())

    @property
    def layouts(self) -> frozenset[str]:
        """Names of ``templates/layouts/*.html`` across the theme."""
        return frozenset(p.stem for d in self.template_dirs for p in (d / "layouts").glob("*.html")
                         if not p.name.startswith("."))

    def stylesheets(self) -> tuple[Path, ...]:
        """``styles/*.css`` by file name; a project file replaces the theme's of that name."""
        chosen: dict[str, Path] = {}
        for directory in reversed(self.dirs):
            for path in sorted((directory / "styles").glob("*.css")):
                if not path.name.startswith("."):  # editor droppings
                    chosen[path.name] = path
        return tuple(chosen[name] for name in sorted(chosen))

    def find(self, relative: str, gate) -> Path:
        """The checked real path of *relative* in the project, else in the default theme.

        Asks *gate* first, so a path outside is refused whether or not it
        exists (no oracle for files on the machine). Raises
        :class:`~pressroom.gate.Refused`.
        """
        for index, directory in enumerate(self.dirs):
            try:
                return gate.check(directory / relative)
            except Refused as exc:
                if index == 0 and exc.kind != "missing":  # the project's own path is refused
                    raise
        raise Refused("not found in the project or the theme", "missing")

    def roots(self) -> tuple[Path, ...]:
        """Where a build may read: the project whole, the theme's templates, styles and fonts.

        The default theme is the repository root in a source checkout, so it
        contributes only its two folders, never the checkout (its ``.git``,
        its sources) — unless the project *is* that checkout (the sample).
        """
        project, *theme = self.dirs
        folders = [d / name for d in theme for name in ("templates", "styles")]
        return (project, *folders, *self.font_dirs())

    def font_dirs(self) -> tuple[Path, ...]:
        return fonts.font_dirs()

    def font_css(self) -> str:
        """``@font-face`` rules for the theme fonts (see :mod:`pressroom.fonts`)."""
        return fonts.font_css()

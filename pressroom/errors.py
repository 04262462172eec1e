"""Build errors: data with a location, printed as ``path:line: message``.

Every stage raises :class:`BuildError` (or :class:`BuildErrors` when it
collects several problems, as config validation does) so the command line
can print one line per problem and exit 1 without a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path | str) -> str:
    """Return *path* relative to the working directory when it lies inside it.

    Editors and terminals turn ``relative/path:line`` into links; absolute
    paths are kept for files outside the working directory (the theme).
    """
    path = Path(os.path.abspath(path))  # not resolved: a symlink is shown where it is
    try:
        return os.path.relpath(path) if Path.cwd() in path.parents else str(path)
    except ValueError:  # other drive on Windows
        return str(path)


class BuildError(Exception):
    """One problem at ``path:line``; *line* is 1-based, 0 for a file as a whole (an output)."""

    def __init__(self, path: Path | str, line: int, message: str):
        super().__init__(path, line, message)
        self.path = Path(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        if not self.line:
            return f"{display_path(self.path)}: {self.message}"
        return f"{display_path(self.path)}:{self.line}: {self.message}"


class BuildErrors(BuildError):
    """Several problems reported together, one line each, in source order."""

    def __init__(self, errors: list[BuildError]):
        if not errors:
            raise ValueError("BuildErrors needs at least one error")
        self.errors = tuple(sorted(errors, key=lambda e: (str(e.path), e.line)))
        first = self.errors[0]
        super().__init__(first.path, first.line, first.message)

    def __str__(self) -> str:
        return "\n".join(BuildError.__str__(error) for error in self.errors)


class UsageError(BuildError):
    """A command line that asks for something the project does not have (exit status 2)."""

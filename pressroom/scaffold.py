"""``pressroom new DIR``: copy the starter publication (``pressroom/starter/``) into DIR.

The starter is a small working project — publication.yml, a cover, the
contents, three sections that each show a feature (text and a pull quote; a
figure; a stats block and a table) and a back cover — that builds with the
default theme and passes ``pressroom check --strict``. Its files are package
data, so an installed pressroom carries them; only the title is filled in.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from .source.config import CONFIG_NAME
from .errors import BuildError, UsageError, display_path

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

STARTER = "starter"
REFUSED = "pressroom new starts a publication in an empty or new folder"


def default_title(folder: Path) -> str:
    """The title a folder's name suggests: ``my-report`` → ``My report``.

    Dashes and underscores become spaces and the first letter is raised; the
    rest is kept as written (``annual_HSE-review`` → ``Annual HSE review``).
    A name without letters (``.``) is replaced by the absolute folder's name.
    """
    name = folder.name if re.search(r"[^\W_]", folder.name) else folder.resolve().name
    words = " ".join(re.sub(r"[-_]+", " ", name).split())
    return (words[:1].upper() + words[1:]) or "My publication"


def yaml_string(value: str) -> str:
    """*value* as a YAML scalar that loads back as the same string.

    A JSON string is a YAML double-quoted scalar, so colons, quotes, ``#``, a
    leading ``-`` or a bare ``yes`` stay text; ``ensure_ascii=False`` keeps
    accents and other scripts readable in the file.
    """
    return json.dumps(value, ensure_ascii=False)


def create_project(folder: Path, title: str | None = None) -> list[Path]:
    """Write the starter publication into *folder*; return the files written, sorted.

    *folder* may be missing (it is created, with its parents) or an empty
    folder; *title* defaults to :func:`default_title` of the folder.

    Raises :class:`UsageError` (exit status 2), before anything is written,
    when *folder* is a file, a folder with anything in it (hidden files count:
    a ``.git`` holds work too) or cannot be created, or *title* is blank;
    :class:`BuildError` (exit 1) when a file cannot be written.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(folder, 0, f"is a file — {REFUSED}")
    if folder.is_dir():
        try:
            entries = sorted(entry.name + "/" * entry.is_dir() for entry in folder.iterdir())
        except OSError as exc:  # not readable: whatever is in it may be work
            raise UsageError(folder, 0, f"cannot be read ({exc.strerror}) — {REFUSED}") from None
        if entries:
            held = ", ".join(entries[:3]) + (", …" if len(entries) > 3 else "")
            raise UsageError(folder, 0, f"is not empty (it holds {held}) — {REFUSED}")
    title = default_title(folder) if title is None else " ".join(title.split())
    if not title:
        raise UsageError(folder, 0, "--title is empty — give the publication a title")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a parent is a file, or not writable
        raise UsageError(folder, 0, f"cannot be created ({exc.strerror}) — {REFUSED}") from None
    written = []
    for relative, source in _starter_files():
        target = folder / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if relative == CONFIG_NAME:
                # string.Template, not str.format: the YAML has braces of its own ("print: {}").
                config = Template(source.read_text(encoding="utf-8"))
                target.write_text(config.substitute(title=yaml_string(title)), encoding="utf-8")
            else:
                target.write_bytes(source.read_bytes())
        except OSError as exc:
            raise BuildError(target, 0, f"cannot be written ({exc.strerror})") from None
        written.append(target)
    return written


def next_steps(folder: Path) -> str:
    """A few lines for the terminal: the files to edit first, then the commands to run."""
    folder = Path(folder)
    where = _shell_word(display_path(folder))
    commands = [("build", f"write the PDFs into {display_path(folder / 'output')}/"),
                ("watch", "build again whenever a file is saved"),
                ("check", "preflight the pages (--strict before they go to print)")]
    width = len(f"pressroom watch {where}")  # the longest command name: one column
    return "\n".join([
        f"Next: put your title, subtitle and name in {display_path(folder / CONFIG_NAME)},",
        f"then rewrite the sections in {display_path(folder / 'content')}/ — each one "
        "explains the Markdown it is written in.",
        *(f"  {f'pressroom {name} {where}':<{width}}  {what}"
          for name, what in commands)])


def _starter_files() -> list[tuple[str, Traversable]]:
    """(path inside the project, source) for every starter file, sorted by path.

    Hidden files and ``__pycache__`` are left out: droppings in the package
    folder must not land in a user's project.
    """
    found = []

    def walk(node: Traversable, prefix: str) -> None:
        for child in node.iterdir():
            if child.name.startswith((".", "__")):
                continue
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            else:
                found.append((f"{prefix}{child.name}", child))

    walk(resources.files(__package__) / STARTER, "")
    return sorted(found, key=lambda pair: pair[0])


def _shell_word(text: str) -> str:
    """*text* quoted for a POSIX shell when it needs it, so a command can be pasted."""
    return text if re.fullmatch(r"[\w@%+=:,./-]+", text) else "'" + text.replace("'", "'\\''") + "'"

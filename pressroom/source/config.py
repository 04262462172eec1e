"""Stage 1: ``publication.yml`` → :class:`Publication`.

The schema is a table (:data:`SCHEMA`): each key has a parser that returns a
value or raises :class:`Invalid`. Validation collects every problem with its
key and line and raises them together as :class:`BuildErrors`, the way
mkdocs reports a config.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Callable, Mapping

from ..errors import BuildError, BuildErrors
from .gate import ReadGate
from .outputs import DEFAULT_OUTPUTS, OutputProfile, parse_outputs
from .values import LENGTH, FrozenDict, Invalid, boolean, length_between, millimetres, text
from .yamlsource import Located, load_mapping

if TYPE_CHECKING:
    from .editions import Edition

CONFIG_NAME = "publication.yml"
PAGE_NAMES = {"a3", "a4", "a5", "a6", "b4", "b5", "letter", "legal", "ledger"}
MARKS = ("none", "crop", "cross", "crop cross")
# A page from a playing card (64 mm) to A0's long side (1189 mm) and a bit:
# beyond that it is a typo ("210" for "210mm" is refused by LENGTH already).
PAGE_MM = (50.0, 1200.0)
BLEED_MM = (0.0, 10.0)
LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# An edition key becomes part of file names (<slug>-<key>.pdf, 03-history.<key>.md).
EDITION_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


@dataclass(frozen=True)
class PageSetup:
    """Page geometry as CSS values: ``size`` ("A4", "148mm 210mm"), ``bleed``, ``marks``."""

    size: str = "A4"
    bleed: str = "0mm"
    marks: str = "none"


@dataclass(frozen=True)
class TocSetup:
    """Contents page: its heading and whether multi-page sections show ranges."""

    title: str = "Contents"
    ranges: bool = True


@dataclass(frozen=True)
class Publication:
    """Validated ``publication.yml`` of the project at *root*."""

    root: Path
    title: str
    subtitle: str = ""
    short_title: str = ""
    authors: tuple[str, ...] = ()
    date: datetime.date | None = None
    lang: str = "en"
    page: PageSetup = PageSetup()
    toc: TocSetup = TocSetup()
    outputs: Mapping[str, OutputProfile] = field(default_factory=lambda: dict(DEFAULT_OUTPUTS))
    declared_outputs: tuple[str, ...] = ("print",)
    lines: Mapping[str, int] = field(default_factory=dict)  # dotted key → line in the file
    # editions.KEY → its validated settings, in declaration order (applied by editions.py)
    editions: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    edition: Edition | None = None  # the edition applied, see editions.edition_publication

    def line_of(self, dotted: str) -> int:
        """Line of the key *dotted* ("outputs.print.icc"), else of its closest parent, else 1."""
        while dotted:
            if dotted in self.lines:
                return self.lines[dotted]
            dotted = dotted.rpartition(".")[0]
        return 1

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME

    @property
    def epoch(self) -> int:
        """``date`` as seconds since 1970 (UTC midnight); 0 without a date."""
        if self.date is None:
            return 0
        moment = datetime.datetime.combine(self.date, datetime.time(), datetime.timezone.utc)
        return int(moment.timestamp())

    @property
    def slug(self) -> str:
        """File-name-safe form of the title: "Harbour & City" → "harbour-city"."""
        words = re.findall(r"\w+", self.title.lower())
        return "-".join(words) or "publication"

    @property
    def file_stem(self) -> str:
        """Start of the PDF names: the slug, and the edition's key when one is applied."""
        return self.edition.file_stem if self.edition else self.slug


# --- value parsers: each takes the raw YAML value, returns the typed one ---

def text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (text(value),)
    if not isinstance(value, list) or not value:
        raise Invalid("expected a name or a list of names")
    return tuple(text(item) for item in value)


def date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise Invalid(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def lang(value: Any) -> str:
    value = text(value)
    if not LANG.match(value):
        raise Invalid(f"expected a language tag such as 'en' or 'de-CH', got {value!r}")
    return value


def page_size(value: Any) -> str:
    value = text(value)
    words = value.split()
    if words[0].lower() in PAGE_NAMES and words[1:] in ([], ["landscape"], ["portrait"]):
        return value
    if len(words) == 2 and all(LENGTH.match(word) for word in words):
        low, high = PAGE_MM
        if all(low <= millimetres(word) <= high for word in words):
            return value
        raise Invalid(f"each side must be from {low:g}mm to {high:g}mm, got {value!r}")
    raise Invalid(f"expected A4, A5, Letter or 'WIDTH HEIGHT' such as '148mm 210mm', "
                  f"got {value!r}")


def marks(value: Any) -> str:
    value = "none" if value is False or value is None else str(value).strip()
    if value not in MARKS:
        raise Invalid(f"expected one of {', '.join(MARKS)}, got {value!r}")
    return value


def folder(value: Any) -> str:
    value = text(value)
    parts = PurePosixPath(value).parts
    if value.startswith(("/", "\\")) or ":" in value or \
            any(part == ".." or part.startswith(".") for part in parts):
        raise Invalid(f"expected a folder inside the project such as 'content-ru', got {value!r}")
    return value


def suggestion(word: str, known) -> str:
    """`` — did you mean 'x'?`` for the closest of *known*, or ''."""
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


Parser = Callable[[Any], Any]
# key → parser, or a nested table for a sub-mapping. Later keys (outputs,
# theme variables) are added here without touching the loader.
SCHEMA: dict[str, Parser | dict] = {
    "title": text,
    "subtitle": text,
    "short_title": text,
    "author": text_list,
    "authors": text_list,
    "date": date,
    "lang": lang,
    "page": {"size": page_size, "bleed": length_between(*BLEED_MM), "marks": marks},
    "toc": {"title": text, "ranges": boolean},
    "outputs": None,  # profiles have their own schema: outputs.py
    "editions": None,  # a mapping of edition keys, each checked against EDITION_SCHEMA
}
REQUIRED = ("title",)
EDITION_SCHEMA: dict[str, Parser | dict] = {
    "lang": lang,
    "title": text,
    "subtitle": text,
    "short_title": text,
    "content": folder,
    "page": SCHEMA["page"],
    "toc": SCHEMA["toc"],
}


def load_config(root: Path, gate: ReadGate) -> Publication:
    """Read (through *gate*) and validate ``ROOT/publication.yml``.

    Returns a :class:`Publication`; raises :class:`BuildError` when the file
    is missing, unreadable or not YAML, and :class:`BuildErrors` listing
    every invalid, unknown or missing key with its line.
    """
    path = root / CONFIG_NAME
    if not path.is_file() and not path.is_symlink():
        raise BuildError(path, 1, f"no {CONFIG_NAME} in {root} (is this a pressroom project?)")
    located = load_mapping(gate.read_text(path), path)
    errors: list[BuildError] = []
    data = {key: value for key, value in located.data.items()
            if key not in ("outputs", "editions")}
    values = _validate(located, data, SCHEMA, (), errors)
    if "editions" in located.data:
        values["editions"] = _editions(located, root, errors)
    if "outputs" in located.data:
        values["outputs"], output_errors = parse_outputs(
            located.data["outputs"], lambda keys, text: BuildError(path, located.line(keys), text))
        values["declared_outputs"] = tuple(located.data["outputs"] or ())
        errors.extend(output_errors)
    for key in REQUIRED:
        if key not in located.data:
            errors.append(BuildError(path, 1, f"missing required key '{key}'"))
    if "author" in values and "authors" in values:
        errors.append(BuildError(path, located.line(("authors",)),
                                 "give either 'author' or 'authors', not both"))
    if errors:
        raise BuildErrors(errors)
    return _publication(root, values, {".".join(k): line for k, line in located.lines.items()})


def _validate(located: Located, data: dict, schema: dict, prefix: tuple,
              errors: list[BuildError]) -> dict:
    """Parse *data* against *schema*; append problems to *errors*."""
    values: dict[str, Any] = {}
    for key, raw in data.items():
        key_path = (*prefix, key)
        dotted = ".".join(key_path)
        line = located.line(key_path)
        rule = schema.get(key)
        if rule is None and key not in schema:
            known = ", ".join(schema)
            errors.append(BuildError(located.path, line, f"unknown key '{dotted}' (known: {known})"
                                     + suggestion(key, schema)))
        elif isinstance(rule, dict):
            if isinstance(raw, dict):
                values[key] = _validate(located, raw, rule, key_path, errors)
            else:
                errors.append(BuildError(located.path, line, f"{dotted}: expected a mapping"))
        else:
            try:
                values[key] = rule(raw)
            except Invalid as exc:
                errors.append(BuildError(located.path, line, f"{dotted}: {exc}"))
    return values


def _editions(located: Located, root: Path, errors: list[BuildError]) -> dict[str, dict]:
    """The validated settings of every entry of ``editions:``, by key; problems go to *errors*."""
    raw, path = located.data["editions"], located.path
    if not isinstance(raw, dict) or not raw:
        errors.append(BuildError(path, located.line(("editions",)),
                                 "editions: expected a mapping of edition keys such as 'en' "
                                 "or 'ru', each with its settings"))
        return {}
    editions = {}
    for key, settings in raw.items():
        line = located.line(("editions", key))
        if not EDITION_KEY.match(key):
            hint = (" (YAML reads no, yes, on and off as true or false: quote the key)"
                    if key in ("True", "False") else "")
            errors.append(BuildError(path, line, f"editions: edition key {key!r} must be "
                                                 f"lowercase letters, digits, '-' or '_'{hint}"))
            continue
        if not isinstance(settings, dict) and settings is not None:
            errors.append(BuildError(path, line, f"editions.{key}: expected a mapping"))
            continue
        values = _validate(located, settings or {}, EDITION_SCHEMA, ("editions", key), errors)
        content = values.get("content")
        if content is not None and not (root / content).is_dir():
            errors.append(BuildError(path, located.line(("editions", key, "content")),
                                     f"editions.{key}.content: no folder '{content}' in the "
                                     "project — create it or give the folder of this "
                                     "edition's sections"))
        editions[key] = values
    return editions


def _publication(root: Path, values: dict, lines: dict[str, int]) -> Publication:
    title = values["title"]
    return Publication(
        root=root,
        title=title,
        subtitle=values.get("subtitle", ""),
        short_title=values.get("short_title", title),
        authors=values.get("authors", values.get("author", ())),
        date=values.get("date"),
        lang=values.get("lang", "en"),
        page=PageSetup(**values.get("page", {})),
        toc=TocSetup(**values.get("toc", {})),
        outputs=values.get("outputs", dict(DEFAULT_OUTPUTS)),
        declared_outputs=values.get("declared_outputs", ("print",)),
        lines=lines,
        editions=FrozenDict(values.get("editions", {})),
    )

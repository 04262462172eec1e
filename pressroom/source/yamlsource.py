"""YAML loading that remembers where every key came from.

PyYAML's composer gives nodes with marks; we build plain Python values from
them and a table ``key path -> line`` so validation can say
``publication.yml:7: page.size: ...``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import BuildError

KeyPath = tuple[str, ...]
# Aliases let a few lines expand into billions of values ("billion laughs");
# no publication.yml or front matter needs more than this many.
MAX_VALUES = 10_000
TIMESTAMP = "tag:yaml.org,2002:timestamp"
PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


@dataclass(frozen=True)
class Located:
    """A YAML mapping as plain data plus the 1-based line of each key path."""

    data: dict[str, Any]
    lines: dict[KeyPath, int] = field(default_factory=dict)
    path: Path = Path()
    first_line: int = 1

    def line(self, key_path: KeyPath) -> int:
        """Line of *key_path*, or of its closest located parent."""
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            key_path = key_path[:-1]
        return self.first_line


def load_mapping(text: str, path: Path, line_offset: int = 0) -> Located:
    """Parse *text* (YAML) that must be a mapping.

    *line_offset* is added to every line (front matter starts after ``---``).
    Raises :class:`BuildError` on a syntax error or when the top level is not
    a mapping. An empty document gives an empty mapping.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise BuildError(path, line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:  # a control character: no mark, a position
        line = text.count("\n", 0, exc.position) + 1 + line_offset
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise BuildError(path, line, f"invalid YAML: control character 0x{code:02X} is not "
                                     "allowed — remove it") from None
    except RecursionError:
        raise BuildError(path, line_offset + 1, "invalid YAML: nested too deeply") from None
    if node is None:
        return Located({}, {}, path, line_offset + 1)
    if not isinstance(node, yaml.MappingNode):
        raise BuildError(path, node.start_mark.line + 1 + line_offset,
                         "expected a mapping of keys to values")
    converter = _Converter(path, line_offset)
    data = converter.convert(node, ())
    return Located(data, converter.lines, path, line_offset + 1)


class _Converter:
    """Composed YAML nodes → plain values, with each key's line; refuses what cannot be data."""

    def __init__(self, path: Path, offset: int):
        self.path, self.offset = path, offset
        self.lines: dict[KeyPath, int] = {}
        self.count = 0
        self.open: set[int] = set()  # ids of the nodes being converted (alias cycles)
        self.key_line = offset + 1  # line of the key whose value is being converted

    def error(self, node: yaml.Node, message: str) -> BuildError:
        return BuildError(self.path, node.start_mark.line + 1 + self.offset, message)

    def convert(self, node: yaml.Node, key_path: KeyPath) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise BuildError(self.path, self.key_line, f"YAML aliases expand to more than {MAX_VALUES:,} values — "
                                   "write the values out instead of repeating an alias")
        if id(node) in self.open:
            raise self.error(node, "recursive YAML alias: an anchor (&name) contains its own "
                                   "alias (*name) — remove the alias")
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if node.tag not in PLAIN_COLLECTIONS:
            raise self.error(node, f"unknown YAML tag '{node.tag}' — remove it: only plain "
                                   "YAML values are read")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, key_path)
            return [self.convert(item, (*key_path, str(i))) for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def mapping(self, node: yaml.MappingNode, key_path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, "a key must be plain text, not a list or mapping")
            key = str(self.scalar(key_node))
            child = (*key_path, key)
            if key in result:
                raise self.error(key_node, f"duplicate key '{'.'.join(child)}'")
            self.lines[child] = self.key_line = key_node.start_mark.line + 1 + self.offset
            result[key] = self.convert(value_node, child)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return yaml.SafeLoader("").construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            raise self.error(node, f"unknown YAML tag '{node.tag}' — remove it: only plain "
                                   "YAML values are read") from None
        except ValueError as exc:  # e.g. 2026-13-45 looks like a date but is none
            what = "a real date" if node.tag == TIMESTAMP else "a valid value"
            raise self.error(node, f"'{node.value}' is not {what} ({exc}) — "
                                   "write dates as YYYY-MM-DD") from None

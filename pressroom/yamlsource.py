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

from .errors import BuildError

KeyPath = tuple[str, ...]


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
    if node is None:
        return Located({}, {}, path, line_offset + 1)
    if not isinstance(node, yaml.MappingNode):
        raise BuildError(path, node.start_mark.line + 1 + line_offset,
                         "expected a mapping of keys to values")
    lines: dict[KeyPath, int] = {}
    data = _convert(node, (), lines, path, line_offset)
    return Located(data, lines, path, line_offset + 1)


def _convert(node: yaml.Node, key_path: KeyPath, lines: dict, path: Path, offset: int) -> Any:
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(yaml.SafeLoader(" ").construct_object(key_node))
            child = (*key_path, key)
            if key in result:
                raise BuildError(path, key_node.start_mark.line + 1 + offset,
                                 f"duplicate key '{'.'.join(child)}'")
            lines[child] = key_node.start_mark.line + 1 + offset
            result[key] = _convert(value_node, child, lines, path, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*key_path, str(i)), lines, path, offset)
                for i, item in enumerate(node.value)]
    loader = yaml.SafeLoader("")
    return loader.construct_object(node, deep=True)

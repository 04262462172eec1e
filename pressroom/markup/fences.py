"""Pandoc-style fenced divs for Python-Markdown.

    ::: {.pullquote .wide by="Ada Lovelace" role="Mathematician"}
    The Analytical Engine weaves algebraic patterns.
    :::

``::: name`` is short for ``::: {.name}``; ``::::`` and longer fences nest
around shorter ones; a closing fence is a line of three or more colons.

Two passes, because Python-Markdown's block parser has no line numbers:
:class:`FencePreprocessor` reads the raw lines, checks that fences pair up
and tags every fence with its source line; :class:`FenceBlockProcessor`
then turns each fenced region into ``<div data-fence=…>`` holding the parsed
Markdown, for the component stage to render.
"""

from __future__ import annotations

import re
import shlex
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

from ..errors import BuildError
from .sourcemap import line_of_mark

OPEN = re.compile(r"^ {0,3}(?P<colons>:{3,})(?P<rest>.*)$")
CLOSE = re.compile(r"^ {0,3}:{3,}\s*$")
CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
TAG = "\u2060@"  # invisible marker + "@LINE" appended to fence lines
TAGGED = re.compile(rf"{TAG}(\d+)$")
ATTRIBUTE = re.compile(r"""^([A-Za-z_][\w-]*)=(.*)$""", re.DOTALL)
# Deeper nesting is never a design, and Python-Markdown and WeasyPrint recurse
# per level: a few hundred levels exhaust Python's stack.
MAX_DEPTH = 16


def opening_spec(text: str) -> str | None:
    """The spec of an opening fence line (``::: {.name}`` → ``{.name}``), else None.

    Plain string operations, not one regular expression: a pattern with a
    lazy group between optional runs of spaces and colons backtracks
    cubically on a line of many spaces.
    """
    match = OPEN.match(text)
    if match is None:
        return None
    spec = match["rest"].strip().rstrip(":").rstrip()
    return spec if spec and not spec.startswith(":") else None


@dataclass(frozen=True)
class Fence:
    """A parsed opening fence: component name, variant classes, attributes, id, line."""

    name: str
    variants: tuple[str, ...] = ()
    attributes: dict = field(default_factory=dict)
    id: str = ""
    line: int = 0


def parse_spec(spec: str, path, line: int) -> Fence:
    """``pullquote`` or ``{.pullquote .wide by="X"}`` (or ``name {…}``) → :class:`Fence`."""
    name, _, rest = spec.partition("{") if not spec.startswith("{") else ("", "", spec[1:])
    name = name.strip()
    if rest and not rest.rstrip().endswith("}"):
        raise BuildError(path, line, f"fence attributes must end with '}}': {spec}")
    classes, attributes, ident = [], {}, ""
    try:
        tokens = shlex.split(rest.rstrip().removesuffix("}")) if rest else []
    except ValueError as exc:
        raise BuildError(path, line, f"cannot read fence attributes ({exc}): {spec}") from None
    for token in tokens:
        if token.startswith("."):
            classes.append(token[1:])
        elif token.startswith("#"):
            ident = token[1:]
        elif match := ATTRIBUTE.match(token):
            attributes[match[1]] = match[2]
        else:
            raise BuildError(path, line, f"cannot read fence attribute '{token}': "
                                         "use .class, #id or key=\"value\"")
    if name:
        classes.insert(0, name)
    if not classes or " " in name:
        raise BuildError(path, line, f"a fence needs a component name: '::: name' or "
                                     f"'::: {{.name}}', got '::: {spec}'")
    return Fence(classes[0], tuple(classes[1:]), attributes, ident, line)


class FencePreprocessor(Preprocessor):
    """Check fence pairing on the raw lines and tag each fence with its line number."""

    def __init__(self, md, path, first_line: int):
        super().__init__(md)
        self.path, self.first_line = path, first_line

    def run(self, lines: list[str]) -> list[str]:
        stack: list[tuple[int, str]] = []
        in_code = ""
        out = []
        line = self.first_line - 1
        for text in lines:
            # Source-map markers stand, with a blank line, before the line they name.
            if (marked := line_of_mark(text)) is not None:
                out.append(text)
                line = marked - 2
                continue
            line += 1
            if TAG in text:
                raise BuildError(self.path, line, "the invisible character U+2060 followed by "
                                                  "'@' is reserved by pressroom — remove it")
            if code := CODE_FENCE.match(text):
                in_code = "" if in_code and code[1].startswith(in_code) else in_code or code[1]
            if in_code:
                out.append(text)
                continue
            if CLOSE.match(text):
                if not stack:
                    raise BuildError(self.path, line, "closing ':::' without an opening fence")
                stack.pop()
            elif (spec := opening_spec(text)) is not None:
                stack.append((line, spec))
                if len(stack) > MAX_DEPTH:
                    raise BuildError(self.path, line, f"fences nested more than {MAX_DEPTH} "
                                                      "deep — close some before opening more")
            else:
                out.append(text)
                continue
            # Blank lines around the fence make it a block of its own, whatever
            # the author put (or did not put) around it.
            out.extend(["", f"{text.rstrip()}{TAG}{line}", ""])
        if stack:
            line, spec = stack[-1]
            raise BuildError(self.path, line, f"fence '::: {spec}' is never closed: "
                                              "add a ':::' line after its content")
        return out


class FenceBlockProcessor(BlockProcessor):
    """Turn a tagged fenced region into ``<div data-fence-line=…>`` with parsed content."""

    def __init__(self, parser, path):
        super().__init__(parser)
        self.path = path
        self.fences: dict[int, Fence] = {}  # line → fence, read by the component stage

    def test(self, parent: etree.Element, block: str) -> bool:
        first = block.split("\n", 1)[0]
        return bool(TAGGED.search(first)) and opening_spec(TAGGED.sub("", first)) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        lines = "\n\n".join(blocks).split("\n")
        blocks.clear()
        opening = TAGGED.sub("", lines[0])
        line = int(TAGGED.search(lines[0])[1])
        fence = parse_spec(opening_spec(opening), self.path, line)
        end = self._closing_index(lines)
        if end is None:  # the preprocessor paired it, so raw HTML swallowed the closing line
            raise BuildError(self.path, line, f"fence '::: {opening_spec(opening)}' is closed "
                                              "inside raw HTML that is never closed — close the "
                                              "HTML element (e.g. </div>) before the ':::' line")
        div = etree.SubElement(parent, "div", {"data-fence-line": str(line)})
        self.fences[line] = fence
        self.parser.parseChunk(div, "\n".join(lines[1:end]).strip("\n"))
        rest = "\n".join(lines[end + 1:]).strip("\n")
        if rest:
            blocks.extend(rest.split("\n\n"))

    @staticmethod
    def _closing_index(lines: list[str]) -> int | None:
        """Index of the fence that closes ``lines[0]``; None when raw HTML has taken it."""
        depth = 0
        for index, text in enumerate(lines):
            if not TAGGED.search(text):
                continue
            bare = TAGGED.sub("", text)
            depth += -1 if CLOSE.match(bare) else 1
            if depth == 0:
                return index
        return None

"""Print what a screen reader reads from a tagged PDF: its structure tree, with text.

    .venv/bin/python tools/structure.py output/harbour-renewal-en-screen.pdf --pages 1-3
    .venv/bin/python tools/structure.py PDF --tree      # every element, indented

Without ``--tree``, one line per block (headings, paragraphs, figures, list
items…): its type, page and what is said for it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pressroom.check.reading import Node, read_structure  # noqa: E402

BLOCKS = {"H1", "H2", "H3", "H4", "H5", "H6", "P", "Figure", "Caption", "LI", "TH", "TD",
          "Note", "BlockQuote", "Aside", "Table"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--pages", default="", help="e.g. 1-3 (default: all)")
    parser.add_argument("--tree", action="store_true", help="every element, indented")
    args = parser.parse_args(argv)
    first, _, last = args.pages.partition("-")
    low, high = int(first or 1), int(last or first or 10**6)
    for node in read_structure(args.pdf):
        if low <= node.page <= high:
            if args.tree:
                _print_tree(node, 0)
            else:
                _print_blocks(node)
    return 0


INLINE = {"Span", "Link", "Reference", "Lbl", "NonStruct"}


def _print_blocks(node: Node) -> None:
    # A Div of inline text only (a stat's label, a caption's parts) is read as a block too.
    text_only = node.children and all(child.kind in INLINE for child in node.children)
    if (node.kind in BLOCKS and node.kind != "Table") or (text_only and node.spoken()):
        lang = f" [{node.lang}]" if node.lang else ""
        print(f"p{node.page} {node.kind}{lang}: {node.spoken()}")
        return
    for child in node.children:
        _print_blocks(child)


def _print_tree(node: Node, depth: int) -> None:
    extra = "".join(f" {key}={value!r}" for key, value in
                    (("alt", node.alt), ("actual", node.actual), ("lang", node.lang)) if value)
    text = f" {node.text!r}" if node.text else ""
    print(f"{'  ' * depth}{node.kind} p{node.page}{extra}{text}")
    for child in node.children:
        _print_tree(child, depth + 1)


if __name__ == "__main__":
    sys.exit(main())

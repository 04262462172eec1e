"""An image's Markdown text kept as its caption before ``{alt="…"}`` can replace it.

``![The quay in 1890](quay.jpg){alt="Four sailing ships moored at a brick quay"}``:
the bracketed text is what readers see under the picture, ``alt`` what a screen
reader says instead of it. Python-Markdown's attr_list writes ``alt`` over the
bracketed text, so this runs first and keeps that text in ``data-caption``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

PRIORITY = 9  # after inline patterns (20) made the images, before attr_list (8)
CAPTION = "data-caption"


class CaptionTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for image in root.iter("img"):
            image.set(CAPTION, image.get("alt", ""))

"""A tagged PDF read as assistive technology reads it: the structure tree, with text.

:func:`read_structure` walks ``/StructTreeRoot`` (pikepdf) and takes the text of
each marked-content id from the page's text objects (pdfium), so every
:class:`Node` knows what it would say. Used by ``tools/structure.py`` and the
tests; a PDF without a structure tree reads as ``()``.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..press.artifacts import structure_kids


# What pdfium returns for the hyphen that hyphenation set at a line's end.
LINE_END_HYPHENS = ("\x02", "\ufffe")


@dataclass(frozen=True)
class Node:
    """One structure element: its type, first page, attributes and what it contains."""

    kind: str  # "H1", "P", "Figure"… (without the slash)
    page: int  # 1-based page of the element's /Pg, 0 if none
    text: str  # the text of its own marked content
    alt: str = ""
    actual: str = ""  # /ActualText: said instead of the text below
    lang: str = ""
    children: tuple["Node", ...] = ()

    def spoken(self) -> str:
        """What a screen reader says for this element and everything below it."""
        if self.actual or self.alt:
            return self.actual or self.alt
        said = ""
        for part in (self.text, *(child.spoken() for child in self.children)):
            if not part:
                continue
            if said.endswith(LINE_END_HYPHENS):  # "docu-" + "mentation": one word
                said = said[:-1] + part
            else:
                said = f"{said} {part}" if said else part
        return said.strip()

    def walk(self):
        """This node and every node below it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


def read_structure(path: Path) -> tuple[Node, ...]:
    """The children of the ``/Document`` element (or of the root), in reading order."""
    texts = marked_texts(path)
    with pikepdf.open(path) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is None:
            return ()
        pages = {page.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        top = [_node(kid, pages, texts, 0) for kid in structure_kids(root)]
        top = [node for node in top if node is not None]
        if len(top) == 1 and top[0].kind == "Document":
            return top[0].children
        return tuple(top)


def marked_texts(path: Path) -> dict[tuple[int, int], str]:
    """``{(page, mcid): text}`` of every text object in marked content; mcid -1: none."""
    texts: dict[tuple[int, int], list[str]] = {}
    document = pdfium.PdfDocument(str(path))
    try:
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            for obj in page.get_objects(max_depth=8):
                if obj.type != pdfium_c.FPDF_PAGEOBJ_TEXT:
                    continue
                mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(obj.raw)
                texts.setdefault((number + 1, mcid), []).append(_text(obj, textpage))
    finally:
        document.close()
    return {key: "".join(parts) for key, parts in texts.items()}


def _text(obj, textpage) -> str:
    size = pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
    buffer = (ctypes.c_ushort * max(size // 2, 1))()
    pdfium_c.FPDFTextObj_GetText(obj.raw, textpage.raw, buffer, size)
    return bytes(buffer)[:max(size - 2, 0)].decode("utf-16-le", errors="replace")


def _node(element, pages: dict, texts: dict, inherited_page: int) -> Node | None:
    if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
        return None
    page_ref = element.get("/Pg")
    page = pages.get(page_ref.objgen, inherited_page) if page_ref is not None else inherited_page
    own, children = [], []
    for kid in structure_kids(element):
        if isinstance(kid, int):
            own.append(texts.get((page, kid), ""))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            own.append(texts.get((pages.get(kid.Pg.objgen, page), int(kid.MCID)), ""))
        elif (child := _node(kid, pages, texts, page)) is not None:
            children.append(child)
    return Node(str(element.S)[1:], page, "".join(own).strip(),
                str(element.get("/Alt", "")), str(element.get("/ActualText", "")),
                str(element.get("/Lang", "")), tuple(children))

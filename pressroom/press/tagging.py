"""Tagged PDF: the HTML's own meaning carried into WeasyPrint's structure tree.

WeasyPrint 70 tags a PDF (``pdf_tags``, the ``pdf/ua-1`` variant) from the laid-out
boxes, one box at a time (``weasyprint.pdf.tags._build_box_tree``). It knows tags,
not meaning: a running head, a leader's dots or a decorative picture are read aloud
like text, a heading split into anonymous boxes becomes a heading inside a heading,
``lang`` is lost below the root, footnotes are plain spans and link annotations
have no text. :func:`install` wraps that per-box step so that

- ``aria-hidden="true"`` (decorative pictures, ``{.decorative}``), leaders, generated
  text that is only dots, and the page-margin boxes (running heads, folios) leave the tree: their marked content
  gets ``null`` in the parent tree, and :func:`.artifacts.mark_artifacts` turns it
  into ``/Artifact`` after writing;
- ``lang`` becomes ``/Lang``; ``<th>`` gets ``/Scope``; ``<aside>`` (and ARIA's
  ``role="complementary"``) is ``/Aside``
  (role-mapped to ``/Div``); a footnote (in the footnote area) is a ``/Note`` with an
  ``/ID``, its call a ``/Reference`` and its marker a ``/Lbl``;
- a link annotation's ``/Contents`` is the text of its link;
- text whose glyphs do not read back as its characters (letter-spaced, small
  capitals: "HARBOUR" extracted as "H A R B O U R", "North" as "north") and text
  set in capitals by ``text-transform`` get ``/ActualText``, as written;
- an anonymous box of the same element adds no level (one ``/H1`` per heading).

Everything else is WeasyPrint's. The wrapper only adds to the records the original
makes, so a WeasyPrint that changes them fails :func:`install`'s check, not a PDF.
"""

from __future__ import annotations

from typing import Iterator

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder
from weasyprint.pdf import tags as weasyprint_tags

ORIGINAL = getattr(weasyprint_tags._build_box_tree, "original", weasyprint_tags._build_box_tree)
NULL = "null"  # a parent-tree entry that points nowhere: the content is an artifact
ROLE_MAP = {"/Aside": "/Div"}  # our structure types that PDF 1.7 lacks, as standard ones
PSEUDO_TAGS = {"::footnote-call": "/Reference", "::footnote-marker": "/Lbl"}
LEADER_TEXT = frozenset(".·…  \u00a0")  # what a hand-made leader is made of
SMALL_CAPS = ("small-caps", "all-small-caps", "petite-caps", "all-petite-caps", "unicase")
DECORATIVE_ROLES = ("presentation", "none")  # ARIA's "nothing to read here"
TABLE_PARTS = (boxes.TableBox, boxes.TableRowGroupBox, boxes.TableRowBox, boxes.TableCellBox,
               boxes.TableColumnGroupBox, boxes.TableColumnBox)
_parents: list = []  # the boxes being tagged, outermost first (the walk is depth-first)


def install() -> None:
    """Route WeasyPrint's per-box tagging through :func:`_tagged` (idempotent)."""
    if ORIGINAL.__code__.co_varnames[:7] != ("box", "parent", "pdf", "page_number", "nums",
                                             "annotations", "tags"):
        raise RuntimeError("weasyprint.pdf.tags._build_box_tree changed: pressroom's tagging "
                           "needs updating for this WeasyPrint")
    _tagged.original = ORIGINAL
    weasyprint_tags._build_box_tree = _tagged


def _tagged(box, parent, pdf, page_number, nums, annotations, tags) -> Iterator:
    """WeasyPrint's step for *box*, with the amendments listed in the module's docstring."""
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    if _is_artifact(box) or _undrawn(box, tags):
        for mcid in _drain(box, tags):
            nums[mcid] = NULL
        yield from _keep_links(box, parent, pdf, page_number, annotations)
        return
    enclosing = _parents[-1] if _parents else None
    respelled = _respelled(box, tags)
    _parents.append(box)
    try:
        for element in ORIGINAL(box, parent, pdf, page_number, nums, annotations, tags):
            yield from _amended(element, box, enclosing, parent, pdf)
    finally:
        _parents.pop()
    for mcid, text in respelled.items():
        if (reference := nums.get(mcid)) not in (None, NULL):
            pdf.objects[int(reference.split()[0])]["ActualText"] = pydyf.String(text)


def _respelled(box, tags: dict) -> dict[int, str]:
    """``{mcid: text}`` of *box*'s own text boxes whose drawn glyphs misread their text."""
    found = {}
    for child in getattr(box, "children", ()):
        for text_box in child.children if isinstance(child, boxes.LineBox) else (child,):
            if not isinstance(text_box, boxes.TextBox) or text_box not in tags:
                continue
            style = text_box.style
            written = _as_written(text_box) if style["text_transform"] != "none" else None
            if written or style["letter_spacing"] not in ("normal", 0) \
                    or style["font_variant_caps"] in SMALL_CAPS:
                found[tags[text_box]["mcid"]] = written or _unhyphenated(text_box)
    return found


def _as_written(text_box) -> str | None:
    """The text as the source has it, before ``text-transform`` set it in capitals.

    WeasyPrint's box holds only the transformed text; the element's own text,
    whitespace collapsed as on the page, holds it once in its original case.
    None when it cannot be found unambiguously.
    """
    element = text_box.element
    if element is None or isinstance(element, str):
        return None
    source = " ".join("".join(element.itertext()).split())
    drawn = " ".join(_unhyphenated(text_box).split())
    folded, wanted = source.casefold(), drawn.casefold()
    if not drawn or len(folded) != len(source) or folded.count(wanted) != 1:
        return None  # ß → ss and the like, or the text appears twice
    at = folded.index(wanted)
    written = source[at:at + len(drawn)]
    return written if written != drawn else None


def _unhyphenated(text_box) -> str:
    """The box's text without the hyphen hyphenation added at its line's end."""
    hyphen = text_box.style["hyphenate_character"]
    text = text_box.text
    # The hyphenation character (U+2010 by default) is not the hyphen-minus people type.
    return text[:-len(hyphen)] if hyphen and hyphen != "-" and text.endswith(hyphen) else text


def _undrawn(box, tags: dict) -> bool:
    """Text WeasyPrint laid out but did not draw (``transform: scale(0)``): nothing to tag.

    WeasyPrint's step takes every text box of a line off *tags* and fails on one
    that was never drawn.
    """
    if isinstance(box, boxes.ReplacedBox) and box not in tags:
        return True
    return any(isinstance(text_box, boxes.TextBox) and text_box not in tags
               for child in getattr(box, "children", ())
               for text_box in (child.children if isinstance(child, boxes.LineBox) else (child,)))


def _is_artifact(box) -> bool:
    """Drawn for the eye only: page-margin boxes, leaders, ``aria-hidden`` elements."""
    if isinstance(box, boxes.MarginBox) or getattr(box, "is_leader", False):
        return True
    if isinstance(box, TABLE_PARTS):
        return False  # WeasyPrint maps headers to cells through every cell: hide inside them
    if "::" in (box.element_tag or "") and isinstance(box, boxes.ParentBox):
        text = "".join(b.text for b in box.descendants() if isinstance(b, boxes.TextBox))
        if text and set(text) <= LEADER_TEXT:
            return True
    element = box.element
    return (element is not None and not isinstance(element, str)
            and (element.get("aria-hidden") == "true" or element.get("role") in DECORATIVE_ROLES))


def _drain(box, tags: dict) -> Iterator[int]:
    """The marked-content ids of everything drawn for *box*, taken off *tags*."""
    for child in box.descendants(placeholders=True):
        child = child._box if isinstance(child, AbsolutePlaceholder) else child
        if (entry := tags.pop(child, None)) is not None:
            yield entry["mcid"]


def _keep_links(box, parent, pdf, page_number: int, annotations: list) -> Iterator:
    """Link areas of an artifact stay in the tree: a tagged PDF has no annotation outside it.

    Inside a link (a leader in a contents entry) they become more annotations of
    the enclosing ``/Link``; elsewhere (a link in an ``aria-hidden`` span) one
    ``/Link`` of their own is yielded in the artifact's place.
    """
    link = parent
    while link["S"] != "/Link" and link["S"] != "/Document":
        link = pdf.objects[int(link["P"].split()[0])]
    own = None
    for child in box.descendants():
        annotation = getattr(child, "link_annotation", None)
        if annotation is None:
            continue
        if link["S"] != "/Link":
            own = link = pydyf.Dictionary({"Type": "/StructElem", "S": "/Link", "K": pydyf.Array(),
                                           "Pg": pdf.page_references[page_number],
                                           "P": parent.reference})
            pdf.add_object(link)
        reference = pydyf.Dictionary({"Type": "/OBJR", "Obj": annotation.reference,
                                      "Pg": pdf.page_references[page_number]})
        pdf.add_object(reference)
        link["K"].append(reference.reference)
        annotations.append((link.reference, annotation))
        _describe_link(annotation, child.element)
    if own is not None:
        yield own


def _describe_link(annotation, html) -> None:
    """A link annotation's ``/Contents``: the text of its link element (PDF/UA 7.18.5)."""
    if html is not None and not isinstance(html, str):
        text = " ".join(" ".join(html.itertext()).split())  # "01" + "Foreword": two spans
        pictured = [image.get("alt", "") for image in html.iter("img") if image.get("alt")]
        annotation["Contents"] = pydyf.String(text or " ".join(pictured)
                                              or html.get("href", "link"))


def _amended(element, box, enclosing, parent, pdf) -> Iterator:
    """*element* (made by WeasyPrint for *box*) with its meaning added, or its children."""
    if _is_anonymous_repeat(element, box, enclosing, parent):
        yield from _lifted(element, parent, pdf)
        return
    html = box.element
    tag = box.element_tag or ""
    own = tag not in ("html", "body")  # WeasyPrint hands their children up unchanged
    if own and html is not None and not isinstance(html, str) and "::" not in tag:
        if lang := html.get("lang"):
            element["Lang"] = pydyf.String(lang)
        if tag == "aside" or html.get("role") == "complementary":
            element["S"] = "/Aside"
        elif tag == "th":
            element["A"]["Scope"] = "/Row" if html.get("scope") == "row" else "/Column"
    for pseudo, structure in PSEUDO_TAGS.items():
        if tag.endswith(pseudo):
            element["S"] = structure
    # WeasyPrint moves a footnote into the page's footnote area (and sets its float to none).
    if isinstance(enclosing, boxes.FootnoteAreaBox) and "::" not in tag:
        element["S"] = "/Note"
        element["ID"] = pydyf.String(f"note-{element.number}")
    if box.link_annotation is not None:
        _describe_link(box.link_annotation, html)
    yield element


def _is_anonymous_repeat(element, box, enclosing, parent) -> bool:
    """An anonymous box WeasyPrint made inside a box of the same element and tag."""
    return (enclosing is not None and box.element is not None
            and box.element is enclosing.element and box.element_tag == enclosing.element_tag
            and element["S"] == parent["S"] and element["S"] != "/TD"
            and all(_is_reference(kid) for kid in element["K"]))


def _lifted(element, parent, pdf) -> Iterator:
    """The children of *element* (one level it should not add), re-parented to *parent*."""
    for kid in element["K"]:
        child = pdf.objects[int(kid.split()[0])]
        child["P"] = parent.reference
        yield child


def _is_reference(kid) -> bool:
    return isinstance(kid, bytes) and kid.endswith(b" R")

"""After writing: a tagged PDF's loose ends tied with pikepdf (the finisher of :mod:`tagging`).

:func:`mark_artifacts` turns the marked content that :mod:`tagging` left without
an owner (``null`` in the parent tree) into ``/Artifact``, gives annotations
WeasyPrint left out of the tree an ``/Annot`` element, points content drawn
inside forms at its form (``/MCR``), and adds the role map of pressroom's own
structure types.
"""

from __future__ import annotations

import pikepdf

from .tagging import ROLE_MAP


def mark_artifacts(pdf: pikepdf.Pdf) -> None:
    """After writing: content whose parent-tree entry is ``null`` becomes ``/Artifact``.

    Rewrites the ``/Span <</MCID n>> BDC`` of those ids in each page's content
    (and in the forms it draws) as ``/Artifact BMC``, and adds the role map for
    the structure types PDF 1.7 does not define. A PDF without a structure tree
    is left alone.
    """
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    numbers = root.ParentTree.Nums
    entries = {int(numbers[i]): numbers[i + 1] for i in range(0, len(numbers), 2)}
    for page in pdf.pages:
        key = page.obj.get("/StructParents")
        kids = entries.get(int(key)) if key is not None else None
        if not isinstance(kids, pikepdf.Array):
            continue
        hidden = {mcid for mcid, kid in enumerate(kids) if kid is None or _is_null(kid)}
        operations = _operations(page.obj)  # parsed once: the slow part, for every page
        if hidden:
            _rewrite(pdf, page.obj, hidden, set(), operations)
        _point_into_forms(pdf, root, page, kids, operations)
    _tag_loose_annotations(pdf, root)
    root.RoleMap = pikepdf.Dictionary({key: pikepdf.Name(value) for key, value in ROLE_MAP.items()})


def _point_into_forms(pdf: pikepdf.Pdf, root: pikepdf.Object, page: pikepdf.Page,
                      kids: pikepdf.Array, operations: list) -> None:
    """Content WeasyPrint drew inside a form (``opacity``) is referenced where it is.

    WeasyPrint numbers it with the page's ids, so the tree claims it for the
    page's own stream; a reader looks for it there and finds nothing. Each such
    id becomes a marked-content reference to the form (``/MCR`` with ``/Stm``),
    and the form gets a parent-tree entry of its own. *operations*: the page's content.
    """
    numbers = root.ParentTree.Nums
    for form in _forms(page.obj, set(), operations):
        ids = sorted(int(operands[1].MCID) for operands, operator
                     in _operations(form) if str(operator) == "BDC"
                     and len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary)
                     and "/MCID" in operands[1] and int(operands[1].MCID) < len(kids))
        owners = [kids[mcid] for mcid in ids]
        if not ids or not all(isinstance(owner, pikepdf.Dictionary) for owner in owners):
            continue
        key = _next_key(numbers)
        form.StructParents = key
        entries = pikepdf.Array([None] * (ids[-1] + 1))
        for mcid, owner in zip(ids, owners):
            entries[mcid] = owner
            reference = pikepdf.Dictionary(Type=pikepdf.Name.MCR, MCID=mcid, Pg=page.obj, Stm=form)
            owner.K = pikepdf.Array([reference if isinstance(kid, int) and int(kid) == mcid
                                     else kid for kid in structure_kids(owner)])
            kids[mcid] = None
        numbers.extend([key, entries])


def _forms(holder: pikepdf.Object, seen: set, operations: list | None = None):
    """Every form XObject *holder* draws (its content: *operations*), at any depth, once."""
    for form in _drawn_forms(holder, operations):
        if form.objgen not in seen:
            seen.add(form.objgen)
            yield form
            yield from _forms(form, seen)


def structure_kids(element: pikepdf.Object) -> list:
    """The ``/K`` of a structure element (or of the root) as a list: one kid, many or none."""
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _next_key(numbers: pikepdf.Array) -> int:
    """The first parent-tree key after those in *numbers* (``[key, value, key, value…]``)."""
    return max(int(numbers[i]) for i in range(0, len(numbers), 2)) + 1


def _tag_loose_annotations(pdf: pikepdf.Pdf, root: pikepdf.Object) -> None:
    """Give annotations WeasyPrint left out of the tree (file attachments) an ``/Annot`` element.

    Each goes after the last element of its page, with a ``/Contents`` naming
    what it holds (PDF/UA 7.18.1).
    """
    document = root.K[0] if isinstance(root.K, pikepdf.Array) else root.K
    numbers = root.ParentTree.Nums
    key = _next_key(numbers)
    for index, page in enumerate(pdf.pages):
        for annotation in page.obj.get("/Annots", []):
            if "/StructParent" in annotation or annotation.get("/Subtype") == "/Popup":
                continue
            if not str(annotation.get("/Contents", "")).strip():
                attached = annotation.get("/FS", {})
                name = str(attached.get("/Desc", "") or attached.get("/UF", "")
                           or attached.get("/F", "")) if attached else ""
                annotation.Contents = pikepdf.String(name or str(annotation.Subtype)[1:])
            element = pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name.Annot, P=document, Pg=page.obj,
                K=pikepdf.Array([pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annotation,
                                                    Pg=page.obj)])))
            document.K.insert(_after_page(pdf, document.K, index), element)
            annotation.StructParent = key
            numbers.extend([key, element])
            key += 1


def _after_page(pdf: pikepdf.Pdf, kids: pikepdf.Array, index: int) -> int:
    """Where in *kids* (top-level elements) the content of page *index* ends."""
    order = {page.objgen: number for number, page in enumerate(pdf.pages)}
    position = 0
    for at, kid in enumerate(kids):
        page = kid.get("/Pg") if isinstance(kid, pikepdf.Dictionary) else None
        if page is not None and order.get(page.objgen, index + 1) <= index:
            position = at + 1
    return position


def _is_null(kid) -> bool:
    return isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.null


def _rewrite(pdf: pikepdf.Pdf, holder: pikepdf.Object, hidden: set[int], seen: set,
             operations: list | None = None) -> None:
    """Mark the *hidden* ids as artifacts in *holder*'s content and its form XObjects.

    *operations*: *holder*'s parsed content, if the caller has it (rewritten in place).
    """
    is_page = holder.get("/Type") == pikepdf.Name.Page
    operations = _operations(holder) if operations is None else operations
    changed = False
    for index, (operands, operator) in enumerate(operations):
        if str(operator) == "BDC" and len(operands) == 2 and isinstance(
                operands[1], pikepdf.Dictionary) and int(operands[1].get("/MCID", -1)) in hidden:
            operations[index] = pikepdf.ContentStreamInstruction(
                [pikepdf.Name.Artifact], pikepdf.Operator("BMC"))
            changed = True
    if changed:
        data = pikepdf.unparse_content_stream(operations)
        if is_page:
            holder.Contents = pdf.make_stream(data)
        else:
            holder.write(data)
    for form in _drawn_forms(holder, operations):
        if form.objgen not in seen:
            seen.add(form.objgen)
            _rewrite(pdf, form, hidden, seen)


def _drawn_forms(holder: pikepdf.Object, operations=None) -> list:
    """The form XObjects *holder*'s content draws (``/Name Do``), not every one it could.

    WeasyPrint gives all pages one resource dictionary: a page's ``/XObject``
    lists the forms of other pages too, whose ids are not this page's.
    """
    operations = _operations(holder) if operations is None else operations
    forms = holder.get("/Resources", {}).get("/XObject", {})
    drawn = []
    for operands, operator in operations:
        if str(operator) == "Do" and str(operands[0]) in forms:
            form = forms[str(operands[0])]
            if form.get("/Subtype") == pikepdf.Name.Form:
                drawn.append(form)
    return drawn


def _operations(holder: pikepdf.Object) -> list:
    """The parsed content of a page (all its content streams) or of a form XObject."""
    is_page = holder.get("/Type") == pikepdf.Name.Page
    return pikepdf.parse_content_stream(pikepdf.Page(holder) if is_page else holder)

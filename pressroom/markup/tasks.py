"""Task lists: ``- [ ] to do`` and ``- [x] done`` as GitHub and mkdocs readers expect.

The marker is taken off the item's text and the item gets classes the theme
draws a box for (``li.task``, ``li.task.done``, ``ul.tasks``): no bracket is
ever left on the page.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor

MARKER = re.compile(r"^\[([ xX])\][ \t]+")
PRIORITY = 3  # after inline patterns (20) and attr_list (8), before pressroom's (1)


class TaskListTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for ul in root.iter("ul"):
            items = [li for li in ul if li.tag == "li"]
            marked = [li for li in items if _take_marker(li)]
            if marked:
                ul.set("class", f"{ul.get('class', '')} tasks".strip())


def _take_marker(li: etree.Element) -> bool:
    """Strip a leading ``[ ]``/``[x]`` from *li* (or its first paragraph); True if it had one."""
    holder = li[0] if not (li.text or "").strip() and len(li) and li[0].tag == "p" else li
    match = MARKER.match(holder.text or "")
    if not match:
        return False
    holder.text = holder.text[match.end():]
    done = match.group(1) in "xX"
    li.set("class", f"{li.get('class', '')} task{' done' if done else ''}".strip())
    return True

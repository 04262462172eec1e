"""Bad component input: exit 1 with ``path:line: message`` at the fence or image line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from conftest import section, write
from pressroom.cli import main


@pytest.fixture(autouse=True)
def inside(project: Path, monkeypatch):
    monkeypatch.chdir(project)


def build_error(project: Path, capsys, body: str) -> tuple[int, str]:
    """Build with *body* as section 02 (its first body line is line 4)."""
    write(project / "content" / "02-one.md", section("One", body))
    Image.new("RGB", (40, 30)).save(project / "content" / "map.png")  # never drawn
    code = main(["build", str(project)])
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    return code, err


@pytest.mark.parametrize("body, message", [
    ("Intro.\n\n::: pulquote\nText.\n:::\n",
     "6: unknown component 'pulquote' — did you mean 'pullquote'?"),
    ("::: {.pullquote bye=\"Ada\"}\nText.\n:::\n",
     "4: unknown attribute 'bye' for pullquote (known: by, role) — did you mean 'by'?"),
    ("::: {.facsimile source=\"Archive\"}\nText.\n:::\n",
     "4: facsimile needs the attribute title=\"…\""),
    ("Intro.\n\n::: aside\nText that never ends.\n",
     "6: fence '::: aside' is never closed: add a ':::' line after its content"),
    ("Intro.\n:::\n", "5: closing ':::' without an opening fence"),
    ("::: {.callout .loud}\nText.\n:::\n",
     "4: unknown variant '.loud' for callout (known: caps, closing)"),
    ("![Map](map.png){.ful-page}\n",
     "4: unknown variant '.ful-page' for figure (known: half, full-page, full-bleed, plain, signature, "
     "reversed, decorative) — did you mean 'full-page'?"),
    ("Text.\n\n::: {.portrait-quote by=\"Ruth\" image=\"nobody.jpg\"}\nQuote.\n:::\n",
     "6: file 'nobody.jpg' not found"),
    ("::: {.portrait-quote by=\"Ruth\"}\nQuote.\n:::\n",
     "4: portrait-quote needs the attribute image=\"…\""),
    ("::: stats\n- **1** one\n- 34,500 families\n:::\n",
     "6: stats: write a list whose items start with a bold value, "
     "e.g. '- **34,500** families resettled'"),
    ("::: timeline\nJust prose.\n:::\n",
     "4: timeline: write a list whose items start with a bold value, "
     "e.g. '- **34,500** families resettled'"),
    ("::: pagebreak\nNot empty.\n:::\n", "4: pagebreak takes no content"),
    ("::: {.aside \"loose words\"}\nText.\n:::\n",
     "4: cannot read fence attribute 'loose words': use .class, #id or key=\"value\""),
    ("- A list item\n\n    ::: aside\n    Indented too far.\n    :::\n",
     "6: this ':::' fence is not at the start of a block: put it on its own line, indented at "
     "most 3 spaces"),
    ("::: {}\nText.\n:::\n",
     "4: a fence needs a component name: '::: name' or '::: {.name}', got '::: {}'"),
])
def test_component_errors(project: Path, capsys, body: str, message: str):
    assert build_error(project, capsys, body) == (1, f"content/02-one.md:{message}")


def test_missing_figure_image_names_its_line(project: Path, capsys):
    body = "Intro.\n\n::: aside\nSee below.\n\n![Lost](lost.jpg \"Archive\"){.half}\n:::\n"
    assert build_error(project, capsys, body) == (1, "content/02-one.md:9: file 'lost.jpg' "
                                                     "not found")


def test_error_in_a_component_template_points_at_the_template(project: Path, capsys):
    write(project / "templates" / "components" / "aside.html",
          "{#- component\nattributes: {title: optional}\n-#}\n<aside>\n{{ attrs.title.upper(1, 2) }}"
          "\n</aside>\n")
    code, err = build_error(project, capsys, "::: {.aside title=\"x\"}\nText.\n:::\n")
    assert code == 1
    assert err.startswith("templates/components/aside.html:5: template error:")

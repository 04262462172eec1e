"""Components end to end: every component's text reaches the PDF, placements hold."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from conftest import build_clean, page_texts, section, write

BODY = """\
Opening paragraph.

::: {.pullquote by="Ada Lovelace" role="Mathematician"}
Engines weave patterns.
:::

::: {.callout .caps}
Callout statement here.
:::

::: {.aside title="Side note"}
Aside words.
:::

::: stats
- **34,500** families resettled
- **6.2 km** public waterfront
:::

::: timeline
- **04.10.2020** Old quay reopened
- **2021** Ferry arrived
:::

::: {.facsimile title="Notice No. 7" source="City Archive"}
The lock will be closed.
:::

::: {.portrait-quote by="Ruth Abernethy" role="Resident" date="May 2026" place="North Quay" image="face.png"}
Never thought I'd see the day.
:::

![Column figure caption](photo.png "Column credit")

::: pagebreak
:::

After the break.

![Full page caption](photo.png "Map office"){.full-page}

![Bleeding caption](photo.png "Photo desk"){.full-bleed}

::: {.callout .closing}
Closing line words.
:::
"""


def squash(text: str) -> str:
    """Page text without spaces or line breaks (letter-spaced labels come out spaced)."""
    return "".join(text.split()).lower()


@pytest.fixture
def built(project: Path):
    with open(project / "publication.yml", "a", encoding="utf-8") as config:
        config.write("page:\n  bleed: 3mm\n")
    # Big enough for 300 ppi even full-bleed, so the preflight gate passes.
    Image.new("RGB", (2600, 3600), "#1f6f82").save(project / "content" / "photo.png")
    Image.new("RGB", (600, 750), "#e4572e").save(project / "content" / "face.png")
    write(project / "content" / "02-one.md", section("First Part", BODY))
    report = build_clean(project)
    return report, page_texts(report.output)


def test_every_component_text_is_in_the_pdf(built):
    _, texts = built
    everything = squash("\n".join(texts))
    for words in ["Engines weave patterns", "Ada Lovelace", "Mathematician",
                  "Callout statement here", "Side note", "Aside words", "34,500",
                  "families resettled", "6.2 km", "04.10.2020", "Old quay reopened",
                  "Notice No. 7", "The lock will be closed", "City Archive",
                  "Never thought I", "Ruth Abernethy", "North Quay · May 2026",
                  "Column figure caption", "Column credit", "Full page caption",
                  "Bleeding caption", "Closing line words"]:
        assert squash(words) in everything, words
    assert ":::" not in everything and "**" not in everything


def test_pagebreak_and_full_page_figure_take_their_own_pages(built):
    _, texts = built
    after = next(i for i, t in enumerate(texts) if "After the break" in t)
    assert "Opening paragraph" not in texts[after]
    full = next(i for i, t in enumerate(texts) if "Full page caption" in t)
    assert full > after
    # Own page: nothing else from the section, no running head, no folio.
    assert squash(texts[full]) == squash("Full page caption Map office")


def test_full_bleed_figure_reaches_the_bleed_edge(built):
    report, texts = built
    index = next(i for i, t in enumerate(texts) if "Bleeding caption" in t)
    pdf = pdfium.PdfDocument(str(report.output))
    try:
        page = pdf[index]
        media = page.get_bleedbox()
        images = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
        assert images, "no image on the full-bleed page"
        left, bottom, right, top = images[0]
        assert left <= media[0] and bottom <= media[1] and right >= media[2] and top >= media[3]
    finally:
        pdf.close()


def test_a_project_declares_its_own_component_without_python(project: Path):
    write(project / "templates" / "components" / "note.html",
          "{#- component\nattributes: {who: required}\n-#}\n"
          '<div class="{{ classes }}"><p>Note by {{ attrs.who }}:</p>{{ content }}</div>\n')
    write(project / "styles" / "90-note.css", ".note { border: 1pt solid red; }\n")
    write(project / "content" / "02-one.md",
          section("First Part", "::: {.note who=\"Grace\"}\nShip it.\n:::\n"))
    texts = page_texts(build_clean(project).output)
    assert "Note by Grace:" in texts[2] and "Ship it." in texts[2]

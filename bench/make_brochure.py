"""Generate a pressroom project of about N pages, for benchmarks.

Usage: python bench/make_brochure.py OUT_DIR [--pages 56] [--seed 1]

Writes OUT_DIR/publication.yml and OUT_DIR/content/NN-*.md (a cover, the
contents, sections, a back cover) with camera-sized JPEG photographs in
OUT_DIR/content/assets/. Every word and pixel comes from a seeded generator:
the same arguments always give the same bytes. Only Pillow is needed.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

PAGES_PER_SECTION = 7  # an opener and its text, pictures and components
SECTION_OVERHEAD = 3.2  # pages of opener, pictures, components and footnotes a section
WORDS_PER_PAGE = 370  # of plain text; both calibrated by building: --pages 56 gives ≈56
FIXED_PAGES = 3  # cover, contents, back cover
PHOTO_SIZE = (3000, 2000)  # a 6-megapixel camera

PLACES = ["Aldermoor", "Brackwater", "Calloway Ridge", "Dunmere", "Elsworth Fen", "Fallowmead",
          "Greystane", "Harrowgate Cross", "Inchbury", "Larkhollow", "Marrowby", "Nethercote"]
PEOPLE = ["Amara Lindqvist", "Bram Okonkwo", "Cecily Varga", "Dmitri Hale", "Esther Mbeki",
          "Felix Ashdown", "Greta Solano", "Hamid Reyes", "Iona Petrakis", "Jonah Whitlow"]
ROLES = ["Chair of the valley board", "Orchard keeper", "Ferry pilot", "Retired surveyor",
         "Head of the village school", "Mill engineer", "Allotment secretary"]
SUBJECTS = ["the valley board", "the new footbridge", "the orchard cooperative", "the old mill race",
            "every parish council", "the reservoir keepers", "the weekly market", "the river path",
            "the flood meadows", "a small group of volunteers", "the district survey",
            "the restored granary", "the county archive", "the upland farms", "the school garden"]
VERBS = ["reshaped", "quietly outgrew", "brought new life to", "depended on", "was measured against",
         "opened a path towards", "slowly replaced", "kept faith with", "turned its back on",
         "drew visitors to", "paid for", "argued for years about", "was rebuilt around"]
OBJECTS = ["the lower fields", "the stone causeway", "a century of habits", "the winter ferry",
           "the grazing commons", "the railway cutting", "the chapel green", "the long terrace",
           "the weir and its sluices", "the village shops", "the hill pastures", "the tithe barn"]
TAILS = ["after the dry summer of {year}", "long before anyone had drawn a plan",
         "with money raised door to door", "against the advice of the engineers",
         "in less than {n} months", "while the river was still rising", "one season at a time",
         "as the census of {year} had predicted", "without a single public meeting",
         "for about {n} households", "when the last tenant left in {year}"]
LINKS = ["By then", "Even so", "In the years that followed", "At first", "For a while",
         "Meanwhile", "Within a decade", "Surprisingly", "As a result", "Later"]
NOUNS = ["Harvest", "Weir", "Causeway", "Granary", "Orchard", "Ferry", "Commons", "Terrace",
         "Meadow", "Archive", "Quarry", "Bridge"]
ADJECTIVES = ["Northern", "Quiet", "Long", "Open", "Second", "Lower", "Stony", "Patient", "Green"]


def sentence(rng: random.Random) -> str:
    """One sentence of original prose composed from the word lists."""
    text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.7:
        text += " " + rng.choice(TAILS).format(year=rng.randint(1890, 2024), n=rng.randint(3, 90))
    if rng.random() < 0.3:
        text = f"{rng.choice(LINKS)}, {text}"
    if rng.random() < 0.25:
        text += f", and {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    """Sentences until about *words* words."""
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(sentence(rng))
    return " ".join(out)


def title(rng: random.Random, taken: set[str] | None = None) -> str:
    """A heading of two to four words, not one of *taken* (which it joins)."""
    taken = set() if taken is None else taken
    while True:
        first, second = rng.sample(NOUNS, 2)
        text = rng.choice([f"The {rng.choice(ADJECTIVES)} {first}", f"{first} and {second.lower()}",
                           f"{rng.choice(ADJECTIVES)} {first.lower()} at {rng.choice(PLACES)}"])
        if text not in taken:
            taken.add(text)
            return text


def photo(path: Path, seed: int, size: tuple[int, int] = PHOTO_SIZE) -> None:
    """Draw a landscape-like photograph: sky gradient, hills, blur, cloudy tint and grain.

    Noise comes from a seeded Random (never Pillow's effect_noise, which uses
    C rand()), so the JPEG bytes depend only on *seed* and *size*.
    """
    rng = random.Random(seed)
    w, h = size
    colour = lambda: tuple(rng.randrange(40, 230) for _ in range(3))  # noqa: E731
    img = ImageOps.colorize(Image.linear_gradient("L").resize((w, h)), colour(), colour())
    draw = ImageDraw.Draw(img)
    for layer in range(rng.randint(4, 7)):  # hills, nearer ones lower and darker
        base = int(h * (0.35 + 0.1 * layer))
        points = [(0, h)] + [(x, base + rng.randint(-h // 8, h // 8))
                             for x in range(0, w + 300, 300)] + [(w, h)]
        draw.polygon(points, fill=tuple(max(0, c - 25 * layer) for c in colour()))
    for _ in range(rng.randint(10, 30)):  # trees, houses, stones
        x, y, r = rng.randrange(w), rng.randrange(h // 3, h), rng.randint(20, 160)
        draw.ellipse((x - r, y - r, x + r, y + r // 2), fill=colour())
    img = img.filter(ImageFilter.GaussianBlur(4))
    clouds = Image.frombytes("RGB", (48, 32), rng.randbytes(48 * 32 * 3)).resize((w, h),
                                                                                Image.BICUBIC)
    img = Image.blend(img, clouds, 0.22)
    grain = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    img = Image.blend(img, grain.convert("RGB"), 0.06)
    img.save(path, "JPEG", quality=92)


def table(rng: random.Random) -> str:
    """A Markdown table of five places and three years of figures."""
    years = sorted(rng.sample(range(1990, 2026), 3))
    rows = ["| Place | " + " | ".join(map(str, years)) + " |", "|---|---:|---:|---:|"]
    for place in rng.sample(PLACES, 5):
        rows.append(f"| {place} | " + " | ".join(f"{rng.randint(120, 9800):,}" for _ in years)
                    + " |")
    return "\n".join(rows)


def components(rng: random.Random, kind: str) -> str:
    """A pull quote, a stats block or a timeline in pressroom's fenced-div syntax."""
    if kind == "pullquote":
        return (f'::: {{.pullquote by="{rng.choice(PEOPLE)}" role="{rng.choice(ROLES)}"}}\n'
                f"{paragraph(rng, 25)}\n:::")
    if kind == "stats":
        items = [f"- **{rng.randint(2, 980):,}{rng.choice(['', ' km', ' ha', ' %'])}** "
                 f"{rng.choice(OBJECTS)} counted in {rng.randint(1990, 2025)}" for _ in range(4)]
        return "::: stats\n" + "\n".join(items) + "\n:::"
    years = sorted(rng.sample(range(1870, 2026), 5))
    items = [f"- **{year}** {sentence(rng)}" for year in years]
    return "::: timeline\n" + "\n".join(items) + "\n:::"


def section(rng: random.Random, number: int, words: float, assets: Path,
            titles: set[str]) -> str:
    """One section (its title not in *titles*): lead, headings, paragraphs with footnotes,
    a table, components, photos."""
    parts = ["---", f"title: {title(rng, titles)}", f"lead: {sentence(rng)}", "---", ""]
    n_photos = rng.randint(2, 4)
    blocks: list[str] = []
    notes: list[str] = []
    paragraphs = max(4, round(words / 110))
    for i in range(paragraphs):
        text = paragraph(rng, rng.randint(80, 140))
        if i % 3 == 1:
            notes.append(f"[^{len(notes) + 1}]: {paragraph(rng, 30)}")
            text = text[:-1] + f"[^{len(notes)}]."
        if i and i % 4 == 0:
            blocks.append(f"## {title(rng)}")
        blocks.append(text)
    for k, kind in enumerate(["pullquote", "stats", "table", "timeline", "pullquote"]):
        at = (k + 1) * len(blocks) // 6
        blocks.insert(at, table(rng) if kind == "table" else components(rng, kind))
    for k in range(n_photos):
        name = f"photo-{number:03d}-{k + 1}.jpg"
        photo(assets / name, rng.randrange(2 ** 32))
        placement = rng.choice(["", "", "", "{.half}"])
        credit = f"Photo: {rng.choice(PEOPLE)}"
        blocks.insert((k + 1) * len(blocks) // (n_photos + 1),
                      f"![{sentence(rng)}](assets/{name} \"{credit}\"){placement}")
    return "\n".join(parts) + "\n\n".join(blocks + notes) + "\n"


def generate(out: Path, pages: int, seed: int = 1) -> int:
    """Write the project into *out*; returns the number of content sections."""
    rng = random.Random(seed)
    content = out / "content"
    assets = content / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    count = max(1, round((pages - FIXED_PAGES) / PAGES_PER_SECTION))
    words = max(0.5, (pages - FIXED_PAGES) / count - SECTION_OVERHEAD) * WORDS_PER_PAGE
    (out / "publication.yml").write_text(
        f"title: The {rng.choice(PLACES)} Valley Report\n"
        "subtitle: A generated brochure for benchmarking pressroom\n"
        "author: Valley Board (fictional)\ndate: 2026-01-15\nlang: en-GB\n"
        "page:\n  size: A4\n  bleed: 3mm\n  marks: crop\n"
        "toc:\n  title: Contents\n  ranges: true\n"
        "outputs:\n  print: {}\n  screen: {}\n", encoding="utf-8")
    (content / "000-cover.md").write_text(
        "---\ntitle: Cover\nlayout: cover\nkicker: Benchmark edition\n---\n"
        f"{sentence(rng)}\n\n**Valley Board** · 2026\n", encoding="utf-8")
    (content / "001-contents.md").write_text("---\ntitle: Contents\nlayout: toc\n---\n",
                                            encoding="utf-8")
    titles: set[str] = set()  # pressroom's contents check needs distinct section titles
    for number in range(1, count + 1):
        slug = f"{number + 1:03d}-part-{number}.md"
        (content / slug).write_text(section(rng, number, words, assets, titles), encoding="utf-8")
    (content / f"{count + 2:03d}-back.md").write_text(
        f"---\ntitle: Back cover\nlayout: back\n---\n## Valley Board\n\n{paragraph(rng, 40)}\n",
        encoding="utf-8")
    return count


def main() -> None:
    """Parse the command line and generate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=56)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    count = generate(args.out, args.pages, args.seed)
    print(f"{args.out}: {count} sections for about {args.pages} pages")


if __name__ == "__main__":
    main()

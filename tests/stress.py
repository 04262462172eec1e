"""Stress projects: what other people's content looks like, in four languages.

Each project is generated from short and very long headings, captions, words
and URLs in English, Azerbaijani, Russian and Greek, uses every component of
the default theme, and is written at a page size given by the caller. The
sentences are written here for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw


@dataclass(frozen=True)
class Language:
    code: str
    short_title: str
    long_title: str
    paragraph: str
    long_word: str
    caption: str
    quote: str
    stat: str
    event: str
    cells: tuple[str, str, str]


LANGUAGES = {
    "en": Language(
        "en", "Tides",
        "What the river remembers when the estuary floods the reclaimed meadows again",
        "The council measured the river for eleven winters before anyone drew a plan. "
        "Each spring the water rose over the meadows and each summer it fell back, and the "
        "records showed that the old embankment had been holding back a marsh that wanted to return.",
        "counterintelligence-establishmentarianism",
        "In spring, the meadow facades define the edge of the water; by autumn the reeds have "
        "covered the lower steps and the boardwalk is the only dry path across the marsh",
        "We stopped fighting the tide and started reading it.",
        "**4,250** hectares of meadow given back to the river since 2004",
        "**1998–2026** The embankment is opened in three places and the marsh returns.",
        ("Upper meadow", "2008–2013", "1,240,000"),
    ),
    "az": Language(
        "az", "Dəniz",
        "Köhnə limanın sahilində yenidən qurulan məhəllələr və onların sakinlərinin gündəlik həyatı",
        "Şəhər şurası layihəyə başlamazdan əvvəl on bir il ərzində çayın səviyyəsini ölçdü. "
        "Hər yaz su çəmənliklərə qalxır, hər yay isə geri çəkilirdi; qeydlər göstərdi ki, köhnə "
        "bənd əslində geri qayıtmaq istəyən bataqlığı saxlayırmış.",
        "müstəqilləşdirilməmişlərdənsinizmi",
        "Yazda çəmənlik evlərinin fasadları suyun sərhədini müəyyən edir; payızda isə qamışlar "
        "aşağı pillələri örtür və taxta yol bataqlıqdan keçən yeganə quru cığır olur",
        "Biz axınla mübarizəni dayandırıb onu oxumağa başladıq.",
        "**4 250** hektar çəmənlik 2004-cü ildən bəri çaya qaytarılıb",
        "**1998–2026** Bənd üç yerdən açılır və bataqlıq geri qayıdır.",
        ("Yuxarı çəmənlik", "2008–2013", "1 240 000"),
    ),
    "ru": Language(
        "ru", "Набережная",
        "НАБЕРЕЖНАЯ: как старый порт стал городским районом, открытым для всех жителей и гостей",
        "Городской совет одиннадцать зим измерял уровень реки, прежде чем кто-то начертил план. "
        "Каждую весну вода поднималась над лугами, а каждым летом отступала, и записи показали, "
        "что старая дамба сдерживала болото, которое хотело вернуться.",
        "высокопревосходительство-человеконенавистничество",
        "Весной фасады домов на лугу определяют край воды; к осени тростник закрывает нижние "
        "ступени, и дощатый настил остаётся единственной сухой тропой через болото",
        "Мы перестали бороться с приливом и начали его читать.",
        "**4 250** гектаров лугов возвращены реке с 2004 года",
        "**1998–2026** Дамбу открывают в трёх местах, и болото возвращается.",
        ("Верхний луг", "2008–2013", "1 240 000"),
    ),
    "el": Language(
        "el", "Παλίρροια",
        "Τι θυμάται το ποτάμι όταν οι εκβολές πλημμυρίζουν ξανά τα λιβάδια που κέρδισε η πόλη",
        "Το δημοτικό συμβούλιο μετρούσε το ποτάμι επί έντεκα χειμώνες πριν σχεδιάσει κανείς "
        "οτιδήποτε. Κάθε άνοιξη το νερό ανέβαινε πάνω από τα λιβάδια και κάθε καλοκαίρι "
        "υποχωρούσε, και οι μετρήσεις έδειξαν ότι το παλιό ανάχωμα κρατούσε πίσω έναν βάλτο.",
        "αντιδιαμετρικώτατα-ηλεκτροεγκεφαλογραφήματα",
        "Την άνοιξη οι προσόψεις των σπιτιών στο λιβάδι ορίζουν την άκρη του νερού· το φθινόπωρο "
        "τα καλάμια σκεπάζουν τα κάτω σκαλιά και ο ξύλινος διάδρομος μένει το μόνο στεγνό μονοπάτι",
        "Σταματήσαμε να πολεμάμε την παλίρροια και αρχίσαμε να τη διαβάζουμε.",
        "**4.250** εκτάρια λιβαδιών επέστρεψαν στο ποτάμι από το 2004",
        "**1998–2026** Το ανάχωμα ανοίγει σε τρία σημεία και ο βάλτος επιστρέφει.",
        ("Άνω λιβάδι", "2008–2013", "1.240.000"),
    ),
}

SYMBOLS = "★ ✓ ✗ → ← ↔ ⇒ • © ® ™ № € ₼ ₽ ♠ ♣ ♥ ♦"
URL = "https://archive.example.org/records/estuary/monitoring/2004-2026/station-17/daily-levels.csv"
NUMBER = "31415926535897932384626433832795028841971693993751"


def picture(path: Path, width: int = 1800, height: int = 1200) -> None:
    """A flat picture with a few shapes (fast to encode, real pixels)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (width, height), (196, 214, 222))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, height * 2 // 3, width, height), fill=(64, 104, 96))
    draw.ellipse((width // 5, height // 6, width // 5 + height // 3, height // 2), fill=(232, 180, 90))
    image.save(path, optimize=False, compress_level=1)


def section_text(lang: Language, number: int, long: bool) -> str:
    """One section in *lang*: every component, long and short things, symbols."""
    title = lang.long_title if long else lang.short_title
    p = lang.paragraph
    return f"""---
title: "{title}"
lang: {lang.code}
lead: "{p.split('.')[0]}."
---
{p} {p}

## {lang.long_title}

{p} {lang.long_word} {lang.long_word.upper()}.[^n{number}]

[^n{number}]: {p.split('.')[0]}: {URL}

{SYMBOLS}

![{lang.caption}](assets/meadow.png "{lang.caption.upper()}")

::: {{.pullquote by="{lang.short_title}" role="{lang.long_title}"}}
{lang.quote} {lang.long_word}
:::

{p} {URL} {NUMBER}

::: stats
- {lang.stat}
- {lang.stat}
- **{NUMBER[:12]}** {lang.long_word}
- {lang.stat}
:::

::: timeline
- {lang.event}
- **{NUMBER[:9]}** {lang.long_word} {lang.caption}
:::

::: {{.callout .caps}}
{lang.quote} **{lang.long_word}**
:::

::: {{.aside title="{lang.long_title}"}}
{p}
:::

| {lang.cells[0]} | {lang.long_word} | № |
|---|---|---|
| {lang.cells[0]} | {lang.cells[1]} | {lang.cells[2]} |
| {lang.long_word} | {URL} | {NUMBER[:20]} |

### {lang.long_word.upper()}

{p} {p}
"""


def make_project(root: Path, languages: tuple[str, ...], size: str, main_lang: str = "en") -> Path:
    """A publication at page *size* with one section per language, short and long titled."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "publication.yml").write_text(
        f"title: Estuary Notes\nlang: {main_lang}\ndate: 2026-06-01\n"
        f"author: Tests\npage:\n  size: {size}\n", encoding="utf-8")
    content = root / "content"
    picture(content / "assets" / "meadow.png")
    files = {
        "00-cover.md": "---\ntitle: Estuary Notes\nlayout: cover\n---\nA field guide.\n",
        "01-contents.md": "---\ntitle: Contents\nlayout: toc\n---\n",
    }
    for index, code in enumerate(languages):
        for variant, long in enumerate((False, True)):
            number = 2 + index * 2 + variant
            files[f"{number:02d}-{code}-{variant}.md"] = section_text(LANGUAGES[code], number, long)
    files["99-back.md"] = "---\ntitle: Back\nlayout: back\n---\nPrinted from Markdown.\n"
    for name, text in files.items():
        (content / name).write_text(text, encoding="utf-8")
    return root


def plain_section(lang: Language, number: int) -> str:
    """Markdown as people write it without the theme in mind: no components at all."""
    p = lang.paragraph
    return f"""---
title: "{lang.long_title if number % 2 else lang.short_title}"
---
{p} {p}

## {lang.short_title} {number}

{p} {lang.long_word}.[^p{number}]

[^p{number}]: {p.split('.')[0]}.

![]({'assets/meadow.png'} "{lang.caption}")

> {lang.quote}
>
> — {lang.short_title}

- {lang.cells[0]}
- {lang.cells[1]}
    1. {lang.cells[2]}
    2. {lang.long_word}

| {lang.cells[0]} | {lang.cells[1]} |
|---|---|
| {lang.cells[2]} | {p.split('.')[0]} |

{p} ★ {p}

### {lang.long_title}

{p} {p} {p}
"""


def make_plain_project(root: Path, sections: int = 8, lang: str = "en") -> Path:
    """A three-line publication.yml and *sections* plain Markdown files, nothing else."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "publication.yml").write_text(f"title: Meadow Notes\nlang: {lang}\npage:\n  size: A4\n",
                                          encoding="utf-8")
    content = root / "content"
    picture(content / "assets" / "meadow.png")
    for number in range(1, sections + 1):
        (content / f"{number:02d}-part.md").write_text(plain_section(LANGUAGES[lang], number),
                                                       encoding="utf-8")
    return root


BOOK = {
    "01-values.md": '''# What *Is* a Value?

Every program is built from values: numbers, strings, and the things made of them.
A value in JavaScript has a type, and `typeof` tells you which.

```js
const greeting = "it's a \\"string\\"";
let count = 3;          // a number
console.log(typeof greeting, typeof count, count * 2);
```

Cards have suits ♠ ♣ ♥ ♦, and a deck is an array of values.

<img src="assets/meadow.png" width="240" alt="A small picture set at the width its author gave">

| Type | Example | `typeof` |
|---|---|---|
| number | `42` | "number" |
| string | `"deck"` | "string" |

A very long line of code must wrap inside its panel rather than run off the page:

```js
const veryLongExpression = firstValue + secondValue + thirdValue + fourthValue + fifthValue + sixthValue + seventhValue;
```
''',
    "02-functions.md": '''Functions
=========

A function wraps a piece of program in a value. The `map` function applies one to every
element of an array.

```python
def shuffle(deck: list[str]) -> list[str]:
    """Return the cards in a new order; the deck itself is not changed."""
    import random
    cards = deck[:]  # "copy", don't mutate
    random.shuffle(cards)
    return cards
```

> A note on style:
>
> - name functions after what they return;
> - keep them short.
>
>     indented code inside a quote

Things to try:

- [x] write a function
- [ ] call it with a deck
- [ ] print the result
''',
    "03-the-shell.md": '''# The `shell` and Its Tools

```sh
$ ls -la ~/projects | grep "deck"
$ echo 'done' && exit 0
```

Plain text after code, with "quotes" that are curled, and code that is not: `"raw"`.

1. First step
    1. a nested step
    2. another
2. Second step
''',
}


def make_book_project(root: Path) -> Path:
    """A Markdown book as it comes: no front matter, code in three languages, raw HTML."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "publication.yml").write_text("title: Eloquent Pages\nlang: en\npage:\n  size: A5\n",
                                          encoding="utf-8")
    picture(root / "content" / "assets" / "meadow.png", 900, 600)
    for name, text in BOOK.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    return root

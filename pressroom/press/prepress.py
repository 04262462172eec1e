"""PDF finishing for press: RGB → CMYK through the output ICC profile, stable ids.

WeasyPrint writes CSS colours, SVG drawings and raster images in RGB; a print
shop wants CMYK. :func:`finish_pdf` rewrites the written PDF with pikepdf:

- colour operators in every content stream (pages, forms, patterns) become
  DeviceCMYK; neutral greys and black become black ink only (K), so text is
  not printed in four colours;
- RGB images are converted with the ICC profile and stored as CMYK JPEG;
- transparency groups blend in DeviceCMYK;
- printer's marks go into a slug outside the bleed (:mod:`marks`);
- PDF/X-4's random document id is replaced by one derived from the content,
  so two builds of the same input are byte-identical.

CSS gradients (shadings) are left as they are; preflight reports them.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pikepdf
from PIL import Image, ImageCms

from ..cache import Cache, key_of
from .marks import add_marks
from .artifacts import mark_artifacts

UUID = re.compile(r"((?:uuid|xmp\.did|xmp\.iid):)[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}")
NEUTRAL = 0.015  # channel spread below which an RGB colour counts as grey
JPEG_QUALITY = 92


class CmykConverter:
    """sRGB → output CMYK, for single colours and for images."""

    def __init__(self, icc: bytes, cache: Cache = Cache(enabled=False)):
        self.icc, self.icc_sha, self.cache = icc, hashlib.sha256(icc).hexdigest(), cache
        # One LittleCMS transform per thread: a transform keeps a one-pixel cache
        # of its last colour, which two threads using it at once would corrupt.
        self._local = threading.local()
        self._ready: dict[str, bytes] = {}  # images converted ahead by prepare()
        self.color = lru_cache(maxsize=4096)(self._color)

    @property
    def transform(self) -> ImageCms.ImageCmsTransform:
        if not hasattr(self._local, "transform"):
            self._local.transform = ImageCms.buildTransform(
                ImageCms.createProfile("sRGB"), ImageCms.getOpenProfile(io.BytesIO(self.icc)),
                "RGB", "CMYK", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
                flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
        return self._local.transform

    def _color(self, r: float, g: float, b: float) -> tuple[float, float, float, float]:
        if max(r, g, b) - min(r, g, b) < NEUTRAL:
            # Greys and black on the K plate alone: sharp text, no registration issues.
            return (0.0, 0.0, 0.0, round(1 - (r + g + b) / 3, 4))
        pixel = Image.new("RGB", (1, 1), tuple(round(v * 255) for v in (r, g, b)))
        cmyk = ImageCms.applyTransform(pixel, self.transform).getpixel((0, 0))
        return tuple(round(v / 255, 4) for v in cmyk)

    def image(self, image: Image.Image) -> Image.Image:
        return ImageCms.applyTransform(image.convert("RGB"), self.transform)

    def _key(self, image: pikepdf.Stream) -> str:
        settings = repr(sorted((str(k), repr(v)) for k, v in image.stream_dict.items()
                               if k not in ("/Length", "/SMask")))
        return key_of(image.read_raw_bytes(), settings, self.icc_sha, str(JPEG_QUALITY))

    def _encoded(self, picture: Image.Image) -> bytes:
        """*picture* as a CMYK JPEG; the picture is closed (its pixels freed) after."""
        try:
            buffer = io.BytesIO()
            self.image(picture).save(buffer, "JPEG", quality=JPEG_QUALITY)
            return buffer.getvalue()
        finally:
            picture.close()

    def prepare(self, images: list[pikepdf.Stream]) -> None:
        """Convert *images* side by side, one thread a core, for :meth:`jpeg` to take.

        pikepdf is used here, in the calling thread only; Pillow and LittleCMS
        let go of the GIL while they decode, convert and encode.
        """
        jobs: dict[str, Image.Image] = {}
        for image in images:
            key = self._key(image)
            if key not in jobs and self.cache.get("cmyk", key) is None:
                jobs[key] = pikepdf.PdfImage(image).as_pil_image()
        if len(jobs) < 2:
            return
        with ThreadPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
            self._ready.update(zip(jobs, pool.map(self._encoded, jobs.values())))

    def jpeg(self, image: pikepdf.Stream) -> bytes:
        """The RGB image XObject *image* as a CMYK JPEG, converted once per content and profile."""
        key = self._key(image)
        data = self.cache.get("cmyk", key)
        if data is None:
            data = self._ready.pop(key, None) or \
                self._encoded(pikepdf.PdfImage(image).as_pil_image())
            self.cache.put("cmyk", key, data)
        return data


@dataclass(frozen=True)
class Finishing:
    """What the press finisher does to a written PDF."""

    icc: bytes | None = None  # output ICC profile: convert RGB to CMYK through it
    stable_id: bool = False   # replace random ids (PDF/X) by content-derived ones
    pad: bool = False         # blank pages before the last, up to a multiple of 4
    marks: str = "none"       # printer's marks in a slug: "crop", "cross", "crop cross"
    cache: Cache = Cache(enabled=False)  # converted images, by their bytes and the profile
    tagged: bool = False      # a structure tree: its null entries become artifacts


def finish_pdf(path: Path, finishing: Finishing) -> int:
    """Post-process the PDF at *path* in place, as *finishing* says; return the page count.

    Steps, in order: artifacts (tagged PDFs), padding, marks (so padded pages
    get them too), CMYK, stable ids. The file is rewritten deterministically.
    """
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if finishing.tagged:
            mark_artifacts(pdf)
        if finishing.pad:
            pad_to_multiple_of_four(pdf)
        add_marks(pdf, finishing.marks)
        if finishing.icc is not None:
            converter = CmykConverter(finishing.icc, finishing.cache)
            converter.prepare([o for o in pdf.objects if isinstance(o, pikepdf.Stream)
                               and o.get("/Subtype") == "/Image"
                               and o.get("/ColorSpace") == pikepdf.Name("/DeviceRGB")])
            seen: set = set()
            for page in pdf.pages:
                _convert_stream(pdf, page.obj, converter, seen)
                _convert_group(page.obj)
        if finishing.stable_id:
            _stable_document_id(pdf)
            if "/ID" in pdf.trailer:  # qpdf keeps an existing first id element
                del pdf.trailer["/ID"]
        pdf.save(path, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return len(pdf.pages)


def pad_to_multiple_of_four(pdf: pikepdf.Pdf) -> None:
    """Insert blank pages (same boxes) before the back cover for saddle stitching."""
    last = pdf.pages[-1]
    while len(pdf.pages) % 4:
        blank = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=last.MediaBox,
                                   Resources=pikepdf.Dictionary(),
                                   Contents=pdf.make_stream(b""))
        for box in ("/TrimBox", "/BleedBox"):
            if box in last.obj:
                blank[box] = last.obj[box]
        pdf.pages.insert(len(pdf.pages) - 1, pikepdf.Page(blank))


RGB_OPS = {"rg": "k", "RG": "K"}
SET_COLOR = {"sc", "scn", "SC", "SCN"}


def _convert_stream(pdf: pikepdf.Pdf, holder: pikepdf.Object, converter: CmykConverter,
                    seen: set) -> None:
    """Convert the content of a page or form and, recursively, what its resources use."""
    if holder.objgen in seen and holder.objgen != (0, 0):
        return
    seen.add(holder.objgen)
    instructions = pikepdf.parse_content_stream(holder)
    space = {"fill": None, "stroke": None}
    changed = False
    out = []
    for operands, operator in instructions:
        op = str(operator)
        if op in RGB_OPS and len(operands) == 3:
            out.append((list(converter.color(*map(float, operands))), pikepdf.Operator(RGB_OPS[op])))
            changed = True
            continue
        if op in ("cs", "CS"):
            key = "fill" if op == "cs" else "stroke"
            space[key] = str(operands[0])
            if space[key] == "/DeviceRGB":
                operands = [pikepdf.Name("/DeviceCMYK")]
                changed = True
        elif op in SET_COLOR and len(operands) == 3 and \
                space["fill" if op.islower() else "stroke"] == "/DeviceRGB":
            operands = list(converter.color(*map(float, operands)))
            changed = True
        out.append((operands, operator))
    if changed:
        data = pikepdf.unparse_content_stream(out)
        if isinstance(holder, pikepdf.Stream):
            holder.write(data)
        else:  # a page: replace its (possibly split) contents by one stream
            holder.Contents = pdf.make_stream(data)
    resources = holder.get("/Resources", {})
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get("/Subtype") == "/Image":
            _convert_image(pdf, xobject, converter, seen)
        elif xobject.get("/Subtype") == "/Form":
            _convert_group(xobject)
            _convert_stream(pdf, xobject, converter, seen)
    for pattern in resources.get("/Pattern", {}).values():
        if isinstance(pattern, pikepdf.Stream):  # tiling pattern with its own content
            _convert_stream(pdf, pattern, converter, seen)


def _convert_group(holder: pikepdf.Object) -> None:
    group = holder.get("/Group")
    if group is not None and group.get("/CS") == pikepdf.Name("/DeviceRGB"):
        group.CS = pikepdf.Name("/DeviceCMYK")


def _convert_image(pdf: pikepdf.Pdf, image: pikepdf.Stream, converter: CmykConverter,
                   seen: set) -> None:
    if image.objgen in seen or image.get("/ColorSpace") != pikepdf.Name("/DeviceRGB"):
        return
    seen.add(image.objgen)
    data = converter.jpeg(image)
    smask = image.get("/SMask")
    image.write(data, filter=pikepdf.Name("/DCTDecode"))
    image.ColorSpace = pikepdf.Name("/DeviceCMYK")
    image.BitsPerComponent = 8
    # Pillow writes Adobe-style (inverted) CMYK JPEGs.
    image.Decode = pikepdf.Array([1, 0] * 4)
    for key in ("/DecodeParms",):
        if key in image:
            del image[key]
    if smask is not None:
        image.SMask = smask


def _stable_document_id(pdf: pikepdf.Pdf) -> None:
    """Derive the XMP DocumentID/InstanceID from the page content instead of uuid4."""
    digest = hashlib.sha256()
    for page in pdf.pages:
        for content in ([page.Contents] if isinstance(page.Contents, pikepdf.Stream)
                        else list(page.Contents)):
            digest.update(content.read_bytes())
    stable = str(uuid.UUID(digest.hexdigest()[:32]))
    metadata = pdf.Root.get("/Metadata")
    if metadata is None:
        return
    xmp = metadata.read_bytes().decode("utf-8")
    xmp = UUID.sub(lambda match: match[1] + stable, xmp)
    metadata.write(xmp.encode("utf-8"))

"""Pictures downsampled once per content and size, not at every write.

WeasyPrint 70 draws a photograph above the profile's ppi by decoding it,
shrinking it and encoding it again while the PDF is written — about 70 ms for
a 3000 × 2000 JPEG, 1.5 s for the 21 photographs of a 56-page brochure, paid
again at every rebuild. :func:`install` wraps its ``RasterImage.get_x_object``
(pinned version, checked) so that the shrunk picture is kept in the build's
:class:`~pressroom.cache.Cache` — memory for ``watch``, ``.pressroom-cache/``
for the next ``pressroom build`` — keyed by the source's bytes, the size it
is shrunk to and the encoder settings. A hit gives the bytes WeasyPrint
would have made: the PDF is the same with or without the cache.

Pillow lets go of the GIL while it decodes, resizes and encodes, so the
pictures a write still has to shrink are shrunk side by side, one thread a
core, just before WeasyPrint asks for them one by one (``_use_references``).
"""

from __future__ import annotations

import contextvars
import os
import struct
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Iterator

from weasyprint import images as weasyprint_images
from weasyprint import pdf as weasyprint_pdf

from ..cache import Cache, key_of

KIND = "thumbnails"
HEADER = struct.Struct(">II")  # width, height of the kept picture, before its encoded bytes

_cache: contextvars.ContextVar["Cache | _WriteStore | None"] = contextvars.ContextVar("thumbnail_cache",
                                                                      default=None)
_weasyprint_get_x_object = weasyprint_images.RasterImage.get_x_object
_weasyprint_use_references = weasyprint_pdf._use_references  # noqa: SLF001


class _WriteStore:
    """The pictures shrunk by one write, when the build keeps no cache (``--no-cache``)."""

    def __init__(self) -> None:
        self._kept: dict[str, bytes] = {}

    def get(self, kind: str, key: str) -> bytes | None:
        return self._kept.get(f"{kind}/{key}")

    def put(self, kind: str, key: str, data: bytes) -> None:
        self._kept[f"{kind}/{key}"] = data


def _key(image, dpi_ratio: float) -> str:
    """What the shrunk bytes of *image* depend on: its source, the size asked, the encoder."""
    # The size WeasyPrint asks Pillow's thumbnail() for (images.py).
    size = (max(1, round(image.width * dpi_ratio)), max(1, round(image.height * dpi_ratio)))
    return key_of(image.image_data.data, repr(size), image.format, str(image.optimize))


def _shrink(cache: "Cache | _WriteStore", image, interpolate: bool, dpi_ratio: float, key: str):
    """WeasyPrint's own shrinking of *image*, its result kept in *cache* under *key*."""
    x_object = _weasyprint_get_x_object(image, interpolate, dpi_ratio)
    width, height = x_object.extra["Width"], x_object.extra["Height"]
    cache.put(KIND, key, HEADER.pack(width, height) + image.image_data.data)
    return x_object


def _get_x_object(self, interpolate: bool, dpi_ratio: float):
    """``RasterImage.get_x_object``, with the shrunk picture taken from the cache when kept."""
    cache = _cache.get()
    if dpi_ratio == 1 or cache is None:
        return _weasyprint_get_x_object(self, interpolate, dpi_ratio)
    key = _key(self, dpi_ratio)
    kept = cache.get(KIND, key)
    if kept is None:
        return _shrink(cache, self, interpolate, dpi_ratio, key)
    width, height = HEADER.unpack_from(kept)
    # As WeasyPrint does after shrinking: the image now holds the shrunk bytes,
    # and the stream is made from them at their own size.
    self.image_data = self.cache_image_data(kept[HEADER.size:])
    source_size = self.width, self.height
    self.width, self.height = width, height
    try:
        return _weasyprint_get_x_object(self, interpolate, 1)
    finally:
        self.width, self.height = source_size


def _prepared(image, interpolate: bool, dpi_ratio: float, cache: "Cache | _WriteStore") -> None:
    """Shrink *image* into *cache*, leaving the image as it was (a thread's share of a write)."""
    source = image.image_data
    data = source.data
    try:
        _shrink(cache, image, interpolate, dpi_ratio, _key(image, dpi_ratio))
    finally:
        # A picture held in memory shares its slot of WeasyPrint's cache with the
        # shrunk one, which overwrote it: put the source back (a file is read again).
        local = isinstance(source, weasyprint_images.LazyLocalImage)
        image.image_data = source if local else image.cache_image_data(data)


def _use_references(pdf, resources, images, color_profiles):
    """WeasyPrint's ``_use_references``, once every picture still to shrink is shrunk in parallel."""
    cache = _cache.get()
    if cache is not None:
        todo = {id(entry["image"]): (entry["image"], entry["interpolate"], max(entry["dpi_ratios"]))
                for entry in images.values()
                if entry["x_object"] is None and max(entry["dpi_ratios"]) != 1
                and isinstance(entry["image"], weasyprint_images.RasterImage)}
        todo = [job for job in todo.values() if cache.get(KIND, _key(job[0], job[2])) is None]
        if len(todo) > 1:
            with ThreadPoolExecutor(max_workers=min(len(todo), os.cpu_count() or 1)) as pool:
                for done in [pool.submit(_prepared, *job, cache) for job in todo]:
                    done.result()
    return _weasyprint_use_references(pdf, resources, images, color_profiles)


@contextmanager
def kept_in(cache: Cache) -> Iterator[None]:
    """Within the ``with`` body, pictures shrunk while writing are kept in (and taken from) *cache*.

    A disabled cache (``--no-cache``) is replaced by one in memory for this write only.
    """
    install()
    token = _cache.set(cache if cache.enabled else _WriteStore())
    try:
        yield
    finally:
        _cache.reset(token)


def install() -> None:
    """Wrap WeasyPrint's ``RasterImage.get_x_object``; idempotent.

    Raises RuntimeError if the method is gone (a WeasyPrint upgrade must be looked at).
    """
    raster = weasyprint_images.RasterImage
    if not callable(getattr(raster, "get_x_object", None)) \
            or not callable(getattr(raster, "cache_image_data", None)) \
            or not isinstance(getattr(weasyprint_images, "LazyLocalImage", None), type):
        raise RuntimeError("weasyprint.images has no RasterImage.get_x_object/cache_image_data "
                           "or LazyLocalImage: pressroom.press.thumbnails needs updating")
    raster.get_x_object = _get_x_object
    if not callable(getattr(weasyprint_pdf, "_use_references", None)):
        raise RuntimeError("weasyprint.pdf has no _use_references: "
                           "pressroom.press.thumbnails needs updating")
    weasyprint_pdf._use_references = _use_references  # noqa: SLF001

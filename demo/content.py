"""Turning the demonstration pages' content (plain Python in demo/pages/) into StreamField
data, documents and images.

Block ids are derived from the page and the block's position, so they are the same on
every machine: the translations in demo/translations/ refer to strings by those ids.
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
import uuid
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from demo.maps import country_shapes, neighbours_box

ID_NAMESPACE = uuid.UUID("5b0f1f0e-6b7e-4b43-9d0c-2f1f3c5a7e11")
DEMO_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Doc:
    """A demonstration document, generated as a PDF on first load."""

    key: str


@dataclass(frozen=True)
class Img:
    """A demonstration map image, drawn from the packaged country outlines."""

    key: str


@dataclass(frozen=True)
class Snippet:
    """A snippet (e.g. an Organisation) found by a lookup when the page is built."""

    model: str
    lookup: tuple


def block_id(page_key: str, path: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, f"{page_key}/{path}"))


class RawBuilder:
    """Walks block definitions alongside a plain value to produce StreamField JSON."""

    def __init__(self, page_key: str, resolve):
        self.page_key, self.resolve = page_key, resolve

    def stream(self, stream_block: blocks.StreamBlock, items, path: str = "") -> list[dict]:
        raw = []
        for position, (block_type, value) in enumerate(items):
            child_path = f"{path}/{block_type}{position}"
            raw.append(
                {
                    "type": block_type,
                    "value": self.value(stream_block.child_blocks[block_type], value, child_path),
                    "id": block_id(self.page_key, child_path),
                }
            )
        return raw

    def value(self, block, value, path: str):
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block, value, path)
        if isinstance(block, blocks.ListBlock):
            return [
                {
                    "type": "item",
                    "value": self.value(block.child_block, item, f"{path}/{position}"),
                    "id": block_id(self.page_key, f"{path}/{position}"),
                }
                for position, item in enumerate(value)
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: (
                    self.value(child, value[name], f"{path}/{name}")
                    if name in value
                    else self.empty(child)
                )
                for name, child in block.child_blocks.items()
            }
        if isinstance(value, Doc | Img | Snippet):
            return self.resolve(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        return value

    @staticmethod
    def empty(block):
        """The value an editor leaves in a field they skip: no list items, no text."""
        if isinstance(block, blocks.ListBlock | blocks.StreamBlock):
            return []
        if isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.RichTextBlock):
            return ""
        if isinstance(block, blocks.StructBlock):
            return {name: RawBuilder.empty(child) for name, child in block.child_blocks.items()}
        return block.get_prep_value(block.get_default())


# --- Generated files --------------------------------------------------------------------


@cache
def font(size: int) -> ImageFont.ImageFont:
    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    ):
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def pdf_document(title: str, paragraphs: list[str]) -> bytes:
    """A one-page A4 PDF (rendered with Pillow) holding the title and paragraphs."""
    width, height = 1240, 1754  # A4 at 150 dpi
    page = PILImage.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    y = 140
    for line in textwrap.wrap(title, 48):
        draw.text((120, y), line, fill="black", font=font(40))
        y += 56
    y += 30
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, 78):
            draw.text((120, y), line, fill=(30, 30, 30), font=font(24))
            y += 36
        y += 24
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150.0)
    return buffer.getvalue()


def map_image(iso3: str, hazards: list[tuple[float, float]]) -> bytes:
    """The State's outline with its neighbours, and illustrative hazard markers."""
    width, height = 1200, 800
    image = PILImage.new("RGB", (width, height), (214, 229, 240))
    draw = ImageDraw.Draw(image)
    west, south, east, north = neighbours_box(iso3, margin=0.15)
    scale = min(width / (east - west), height / (north - south))
    x_offset = (width - (east - west) * scale) / 2
    y_offset = (height - (north - south) * scale) / 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (x_offset + (lon - west) * scale, y_offset + (north - lat) * scale)

    for other_iso3, rings in country_shapes(box=(west, south, east, north)):
        fill = (250, 246, 236) if other_iso3 == iso3 else (232, 232, 226)
        outline = (60, 60, 60) if other_iso3 == iso3 else (160, 160, 150)
        for ring in rings:
            draw.polygon([project(lon, lat) for lon, lat in ring], fill=fill, outline=outline)
    for rings in (r for code, r in country_shapes(box=(west, south, east, north)) if code == iso3):
        for ring in rings:
            draw.line(
                [project(lon, lat) for lon, lat in ring] + [project(*ring[0])],
                fill=(40, 40, 40),
                width=3,
            )
    for lon, lat in hazards:
        x, y = project(lon, lat)
        draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(196, 40, 40), outline="white", width=2)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def get_or_create_document(key: str, spec: dict, collection: Collection):
    Document = get_document_model()
    title = spec["title"]
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        data = pdf_document(title, spec["paragraphs"])
        document = Document(title=title, collection=collection)
        document.file.save(f"{key}.pdf", SimpleUploadedFile(f"{key}.pdf", data), save=False)
        document.save()
    return document


def get_or_create_image(key: str, spec: dict, iso3: str, collection: Collection):
    Image = get_image_model()
    title = spec["title"]
    image = Image.objects.filter(title=title, collection=collection).first()
    if image is None:
        data = map_image(iso3, spec["hazards"])
        image = Image(title=title, collection=collection)
        image.file = ImageFile(io.BytesIO(data), name=f"{key}.png")
        image.save()
    return image

"""The images of articles, practices and events: checked by content, resized on upload.

A `PictureField` stores the uploaded file as it came, and next to it, when it is saved, a
WebP copy at each of RENDITION_WIDTHS narrower than the original ("photo.jpg" →
"photo.480w.webp", "photo.960w.webp"…), made with Pillow. Pages offer them in a `srcset`
(`picture_of()`, templates/includes/_picture.html), so that a phone downloads a 480 px copy,
not the photographer's 6,000 px original.
"""

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import models
from PIL import Image, ImageOps

from .uploads import IMAGES, FileKindValidator

RENDITION_WIDTHS = (480, 960, 1440)
RENDITION_QUALITY = 80
# What a list loads to show each row's picture (with only()).
PICTURE_FIELDS = ["image", "image_alt", "image_width", "image_height"]


def rendition_name(name, width):
    """Where the copy `width` pixels wide of the image stored as `name` is stored."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{width}w.webp"))


def rendition_widths(original_width):
    return [width for width in RENDITION_WIDTHS if width < (original_width or 0)]


def make_renditions(file):
    """Write the WebP copies of a stored image (a FieldFile); returns their widths."""
    storage = file.storage
    with file.open("rb"), Image.open(file) as original:
        image = ImageOps.exif_transpose(original)
        has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
        widths = rendition_widths(image.width)
        for width in widths:
            height = max(1, round(image.height * width / image.width))
            copy = image.resize((width, height), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            copy.save(buffer, "WEBP", quality=RENDITION_QUALITY, method=4)
            name = rendition_name(file.name, width)
            if storage.exists(name):
                storage.delete(name)
            storage.save(name, ContentFile(buffer.getvalue()))
    return widths


class PictureField(models.ImageField):
    """An image shown on public pages: its content must be an image (JPEG, PNG, WebP, GIF),
    and its renditions are made when a new file is saved."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [FileKindValidator(IMAGES)])
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        fresh = bool(file) and not file._committed
        file = super().pre_save(model_instance, add)
        if fresh:
            make_renditions(file)
        return file


@dataclass(frozen=True)
class Picture:
    """What an <img> needs: the default source, the sources by width, the size, the text."""

    src: str
    srcset: str
    width: int | None
    height: int | None
    alt: str


def picture_of(obj, field="image"):
    """The Picture of `obj`'s image (fields image, image_alt, image_width, image_height), or
    None when it has none. No file is opened: the widths come from the stored dimensions."""
    file = getattr(obj, field, None)
    if not file:
        return None
    width = getattr(obj, f"{field}_width", None)
    height = getattr(obj, f"{field}_height", None)
    alt = getattr(obj, f"{field}_alt", "")
    widths = rendition_widths(width)
    sources = [(file.storage.url(rendition_name(file.name, w)), w) for w in widths]
    if width and width <= RENDITION_WIDTHS[-1]:
        sources.append((file.url, width))  # small enough to be offered as it is
    default = next((url for url, w in sources if w >= 960), sources[-1][0] if sources else None)
    return Picture(
        src=default or file.url,
        srcset=", ".join(f"{url} {w}w" for url, w in sources),
        width=width,
        height=height,
        alt=alt,
    )


def backfill(model, field="image"):
    """Dimensions and renditions for the images stored before they were made on upload (the
    migrations that added them call this). A file missing from storage is skipped."""
    pending = model._default_manager.exclude(**{field: ""}).filter(**{f"{field}_width": None})
    for obj in pending.iterator():
        file = getattr(obj, field)
        try:
            with file.open("rb"), Image.open(file) as image:
                width, height = image.size
            make_renditions(file)
        except (OSError, ValueError):
            continue
        model._default_manager.filter(pk=obj.pk).update(
            **{f"{field}_width": width, f"{field}_height": height}
        )

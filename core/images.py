"""The images uploaded to the site: measured before they are decoded, stripped of their
metadata, named by their content, and (pictures of articles, practices and events) resized.

Every image is first measured from its header (`check_pixels()`: Pillow reads the size without
decoding the pixels) and refused above settings.MAX_IMAGE_PIXELS, so that a small file of
huge dimensions (a "decompression bomb") never takes a worker's memory; Pillow's own limit
(PIL.Image.MAX_IMAGE_PIXELS) is set from the same setting for any other path. What is kept is
saved again without its EXIF, GPS, XMP or comments, its orientation applied
(`without_metadata()`).

A `PictureField` keeps its image in the private storage (core.files) and, next to it, a WebP
copy at each of RENDITION_WIDTHS narrower than the original ("x9Tq….jpg" → "x9Tq….480w.webp",
"x9Tq….960w.webp"…). Pages offer them in a `srcset` (`picture_of()`,
templates/includes/_picture.html), so that a phone downloads a 480 px copy, not the
photographer's 6,000 px original; their addresses are the `picture` view's, which sends a
picture to whom may read its article, practice or event.
"""

import contextlib
import datetime
import io
import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_cleanup.signals import cleanup_post_delete
from PIL import Image, ImageOps, UnidentifiedImageError

from .files import NamedByContent, private_storage
from .uploads import IMAGES, FileKindValidator

RENDITION_WIDTHS = (480, 960, 1440)
RENDITION_QUALITY = 80
# What a list loads to show each row's picture (with only()).
PICTURE_FIELDS = ["image", "image_alt", "image_width", "image_height"]
# An uploaded image saved again: what each format is written with.
SAVED_AS = {
    "JPEG": {"quality": 90},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "GIF": {},
}
# What an image keeps of its information when saved again: how to draw it, nothing about
# who took it, where or with what.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background")

# Any decoding elsewhere (Django's ImageField, a resize) refuses what Pillow takes for a bomb.
Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS


def too_large():
    return ValidationError(
        _(
            "This image has more than %(limit)s million pixels (its width times its height). "
            "Make it smaller and upload it again."
        ),
        code="image_too_large",
        params={"limit": f"{settings.MAX_IMAGE_PIXELS / 1_000_000:g}"},
    )


def check_pixels(upload):
    """Refuse an image of more than MAX_IMAGE_PIXELS, measured from its header before any of
    it is decoded. A file that is not an image passes: the kind's check refuses it."""
    position = upload.tell()
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
    except Image.DecompressionBombError as error:
        raise too_large() from error
    except (UnidentifiedImageError, OSError, ValueError):
        return
    finally:
        upload.seek(position)
    if width * height > settings.MAX_IMAGE_PIXELS:
        raise too_large()


def without_metadata(content):
    """The image `content` saved again in its format, its orientation applied, without EXIF,
    GPS, XMP or comments (a ContentFile); `content` itself when it is not an image we save."""
    check_pixels(content)
    content.seek(0)
    try:
        with Image.open(content) as image:
            kind = image.format
            if kind not in SAVED_AS:
                return content
            kept = {key: image.info[key] for key in KEPT_INFO if key in image.info}
            options = {**SAVED_AS[kind], **kept}
            output = io.BytesIO()
            if getattr(image, "n_frames", 1) > 1:
                # An animation keeps its frames (and its orientation: cameras make none).
                frames = [frame.copy() for frame in _frames(image)]
                for frame in frames:
                    frame.info = {}
                frames[0].save(output, kind, save_all=True, append_images=frames[1:], **options)
            else:
                clean = ImageOps.exif_transpose(image)
                clean.info = {}
                if kind == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
                    clean = clean.convert("RGB")
                clean.save(output, kind, **options)
    except (UnidentifiedImageError, OSError, ValueError):
        content.seek(0)
        return content
    # Named, as Django reads the dimensions of a named file only.
    return ContentFile(output.getvalue(), name=getattr(content, "name", None) or "image")


def _frames(image):
    for index in range(image.n_frames):
        image.seek(index)
        yield image


class ImageFormField(forms.ImageField):
    """Django's image form field, measuring the image before Pillow opens it for good:
    a bomb is refused with a clear message, never decoded."""

    def to_python(self, data):
        if data and hasattr(data, "seek"):
            check_pixels(data)
        return super().to_python(data)


class CleanImageFieldFile(NamedByContent, ImageFieldFile):
    """An image saved without its metadata, under a name by its content; a private one's
    address is the `picture` view."""

    def save(self, name, content, save=True):
        super().save(name, without_metadata(content), save)

    def private_url(self):
        return reverse("picture", kwargs={"name": self.name})


class UploadedImageField(models.ImageField):
    """An image field whose uploads are measured, cleaned of metadata and named by their
    content (JPEG, PNG, WebP or GIF, checked by content)."""

    attr_class = CleanImageFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [FileKindValidator(IMAGES)])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})


def rendition_name(name, width):
    """Where the copy `width` pixels wide of the image stored as `name` is stored."""
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{width}w.webp"))


def rendition_widths(original_width):
    return [width for width in RENDITION_WIDTHS if width < (original_width or 0)]


def make_renditions(file):
    """Write the WebP copies of a stored image (a FieldFile); returns their widths."""
    return renditions_of(file.storage, file.name)


def renditions_of(storage, name):
    """Write the WebP copies of the image stored as `name` in `storage`; their widths."""
    with storage.open(name, "rb") as stored, Image.open(stored) as original:
        image = ImageOps.exif_transpose(original)
        has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
        widths = rendition_widths(image.width)
        for width in widths:
            height = max(1, round(image.height * width / image.width))
            copy = image.resize((width, height), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            copy.save(buffer, "WEBP", quality=RENDITION_QUALITY, method=4)
            copy_name = rendition_name(name, width)
            if storage.exists(copy_name):
                storage.delete(copy_name)
            storage.save(copy_name, ContentFile(buffer.getvalue()))
    return widths


def delete_renditions(storage, name):
    for width in RENDITION_WIDTHS:
        with contextlib.suppress(OSError):
            storage.delete(rendition_name(name, width))


class PictureFieldFile(CleanImageFieldFile):
    """A picture whose renditions are written as soon as it is stored."""

    def save(self, name, content, save=True):
        super().save(name, content, save)
        make_renditions(self)


class PictureField(UploadedImageField):
    """An image shown on pages: kept in the private storage, sent to whom may read its row;
    its renditions are made when a new file is saved, deleted with it."""

    attr_class = PictureFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("storage", private_storage)
        super().__init__(*args, **kwargs)


def picture_path(instance, filename):
    """Where a picture is kept: under its app's name and the year, "news/2026/…"."""
    folder = datetime.datetime.now().strftime(f"{instance._meta.app_label}/%Y")
    return posixpath.join(folder, filename)


class PictureModel(models.Model):
    """A picture and its text alternative, as articles, practices and events have them: the
    description is required with an image (clean()), the size is kept for the pages' srcset."""

    image = PictureField(
        _("image"),
        upload_to=picture_path,
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(_("image width"), null=True, editable=False)
    image_height = models.PositiveIntegerField(_("image height"), null=True, editable=False)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image and not self.image_alt:
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )


@receiver(cleanup_post_delete, dispatch_uid="core.images.renditions")
def _delete_renditions_with_their_picture(file, file_name, **kwargs):
    # django-cleanup deleted a replaced or orphaned picture: its copies go with it.
    if isinstance(file.field, PictureField):
        delete_renditions(file.storage, file_name)


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
    address = reverse("picture", kwargs={"name": "NAME"})
    sources = [(address.replace("NAME", rendition_name(file.name, w)), w) for w in widths]
    original = address.replace("NAME", file.name)
    if width and width <= RENDITION_WIDTHS[-1]:
        sources.append((original, width))  # small enough to be offered as it is
    default = next((url for url, w in sources if w >= 960), sources[-1][0] if sources else None)
    return Picture(
        src=default or original,
        srcset=", ".join(f"{url} {w}w" for url, w in sources),
        width=width,
        height=height,
        alt=alt,
    )


def move_pictures(model, field="image"):
    """For the migrations: `model`'s pictures move to the private storage under new names,
    with new renditions; the old ones are deleted (core.files.move_to_private)."""
    from .files import move_to_private

    def renditions(public, private, old, new):
        delete_renditions(public, old)
        with contextlib.suppress(OSError, ValueError):
            renditions_of(private, new)

    move_to_private(model, field, after=renditions)


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

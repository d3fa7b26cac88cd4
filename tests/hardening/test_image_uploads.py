"""Uploaded images: a small file of huge dimensions (an image bomb) is refused from its header,
before it is decoded, with a clear message; what is kept has no EXIF, GPS or XMP left."""

import io
import json
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from PIL import ExifTags, Image

from members.models import Member
from news.models import Article
from participants.forms import ProfileForm
from practices.models import Practice
from tests.factories import make_member, make_practice

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = "This image has more than 40 million pixels"


def png_of(width, height, colour_type=2):
    """A PNG of zeros, written row by row: a few hundred KB that decode to hundreds of MB."""
    channels = {0: 1, 2: 3}[colour_type]
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + width * channels)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, payload):
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def bomb():
    """11,000 by 8,000 pixels (88 million) in about 250 KB."""
    return png_of(11_000, 8_000)


def upload(content, name="bomb.png"):
    return SimpleUploadedFile(name, content, content_type="image/png")


@pytest.mark.parametrize(
    ("model", "field"),
    [(Article, "image"), (Practice, "image"), (Member, "logo")],
    ids=["article-picture", "practice-picture", "member-logo"],
)
def test_an_image_bomb_is_refused_with_a_clear_message(bomb, model, field):
    form = modelform_factory(model, fields=[field])({}, {field: upload(bomb)})

    assert not form.is_valid()
    assert MESSAGE in form.errors[field][0]


def test_a_proposed_logo_bomb_is_refused_with_a_clear_message(bomb, db):
    form = ProfileForm({}, {"logo": upload(bomb)}, member=make_member())

    assert not form.is_valid()
    assert MESSAGE in form.errors["logo"][0]


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_the_limit_is_the_setting_not_pillow_s():
    # 7,000 by 7,000 = 49 million: under Pillow's own refusal (twice its limit), over ours.
    form = modelform_factory(Article, fields=["image"])(
        {}, {"image": upload(png_of(7000, 7000, 0))}
    )

    assert not form.is_valid()
    assert MESSAGE in form.errors["image"][0]


def test_an_image_under_the_limit_is_accepted(settings):
    settings.MAX_IMAGE_PIXELS = 2_000_000
    field = Article._meta.get_field("image").formfield()

    assert field.clean(upload(png_of(1000, 1000)))


def test_refusing_a_bomb_keeps_a_worker_s_memory_flat(bomb, tmp_path):
    """What a worker does with an upload (check it, then store it with its renditions), in a
    process of its own so that its peak memory is its own."""
    (tmp_path / "bomb.png").write_bytes(bomb)
    script = textwrap.dedent(
        f"""
        import json, os, resource, sys
        os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
        import django
        django.setup()
        from django.conf import settings
        settings.PRIVATE_MEDIA_ROOT = {str(tmp_path / "private")!r}
        from django.core.exceptions import ValidationError
        from django.core.files.uploadedfile import SimpleUploadedFile
        from news.models import Article

        data = open({str(tmp_path / "bomb.png")!r}, "rb").read()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        try:
            upload = Article._meta.get_field("image").formfield().clean(
                SimpleUploadedFile("bomb.png", data, "image/png")
            )
            Article(image_alt="x").image.save("bomb.png", upload, save=False)
            outcome = "stored"
        except (ValidationError, Exception) as error:
            outcome = type(error).__name__
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"outcome": outcome, "grown_kb": after - before}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])

    assert result["outcome"] == "ValidationError"
    assert result["grown_kb"] < 20 * 1024, result  # a decoded bomb takes over 250 MB


# Metadata


def photo_with_gps():
    """A 300 by 200 JPEG whose EXIF says where it was taken and to turn it a quarter."""
    image = Image.new("RGB", (300, 200), (200, 30, 30))
    exif = image.getexif()
    exif[ExifTags.Base.Orientation] = 6  # shown turned 90° clockwise: 200 by 300
    exif[ExifTags.Base.Make] = "Camera"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (48.0, 35.0, 0.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (7.0, 46.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"Taken at home")
    content = buffer.getvalue()
    with Image.open(io.BytesIO(content)) as check:
        assert check.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return SimpleUploadedFile("holiday.jpg", content, content_type="image/jpeg")


@pytest.mark.django_db
def test_an_uploaded_photo_is_served_without_its_exif_and_turned_upright(
    client, settings, tmp_path
):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    practice = make_practice(image=photo_with_gps(), image_alt="A classroom")

    response = client.get(f"/pictures/{practice.image.name}")
    served = b"".join(response.streaming_content)

    assert response.status_code == 200
    with Image.open(io.BytesIO(served)) as image:
        assert not image.getexif()
        assert "comment" not in image.info and "xmp" not in image.info
        assert image.size == (200, 300)
    assert b"Exif" not in served and b"Taken at home" not in served
    assert (practice.image_width, practice.image_height) == (200, 300)


@pytest.mark.django_db
def test_a_member_logo_keeps_no_exif(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    member = make_member()
    member.logo.save("logo.jpg", photo_with_gps())

    with member.logo.open("rb"), Image.open(member.logo) as image:
        assert not image.getexif()

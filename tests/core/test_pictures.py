"""Pictures: renditions made on upload, offered in a srcset, loaded lazily below the fold,
and none on a page without one (tests/alliance/test_pictures_or_none.py)."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.images import make_renditions, rendition_name
from tests.factories import make_article, make_event, make_practice

pytestmark = pytest.mark.django_db


def upload(name="photo.jpg", size=(2000, 1000), kind="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 60, 110)).save(buffer, kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path


def test_an_upload_is_stored_with_its_renditions(media):
    article = make_article(image=upload(), image_alt_en="Delegates around a table")

    assert (article.image_width, article.image_height) == (2000, 1000)
    for width in (480, 960, 1440):
        with Image.open(media / rendition_name(article.image.name, width)) as copy:
            assert copy.format == "WEBP"
            assert copy.size == (width, width // 2)


def test_a_small_image_is_not_enlarged(media):
    practice = make_practice(image=upload(size=(600, 400)), image_alt="A classroom")

    assert (media / rendition_name(practice.image.name, 480)).exists()
    assert not (media / rendition_name(practice.image.name, 960)).exists()


def img_tag(html):
    return re.search(r"<figure class=\"picture\">\s*(<img [^>]+>)", html).group(1)


def attribute(tag, name):
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return match.group(1) if match else None


def test_the_article_page_offers_each_size_with_its_dimensions(client):
    article = make_article(slug="seminar", image=upload(), image_alt_en="Delegates around a table")

    tag = img_tag(client.get("/en/news/seminar/").content.decode())

    sources = attribute(tag, "srcset").split(", ")
    assert [source.rsplit(" ", 1)[1] for source in sources] == ["480w", "960w", "1440w"]
    assert sources[0].startswith("/pictures/" + rendition_name(article.image.name, 480))
    assert attribute(tag, "sizes")
    assert attribute(tag, "src").endswith(".960w.webp")
    assert (attribute(tag, "width"), attribute(tag, "height")) == ("2000", "1000")
    assert attribute(tag, "alt") == "Delegates around a table"
    # The page's own picture is above the fold: fetched at once, not lazily.
    assert attribute(tag, "loading") is None


def test_pictures_in_lists_load_lazily(client):
    make_article(image=upload(), image_alt_en="Delegates around a table")

    html = client.get("/en/news/").content.decode()

    tag = re.search(r'<figure class="picture picture--thumb">\s*(<img [^>]+>)', html).group(1)
    assert attribute(tag, "loading") == "lazy"
    assert attribute(tag, "alt") == "Delegates around a table"


def test_an_image_needs_a_description():
    article = make_article(image=upload())
    article.image_alt = ""

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert "image_alt" in error.value.message_dict


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name():
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + b"\x00" * 200, content_type="image/jpeg")
    event = make_event()
    event.image, event.image_alt = fake, "A photo"

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "image" in error.value.message_dict


def test_renditions_can_be_made_again_for_a_stored_image(media):
    article = make_article(image=upload(), image_alt="Delegates")
    (media / rendition_name(article.image.name, 960)).unlink()

    assert make_renditions(article.image) == [480, 960, 1440]
    assert (media / rendition_name(article.image.name, 960)).exists()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_on_a_country_page_an_article_without_image_shows_the_country_outline(client, language):
    make_article(title="Housing in Szeged", countries=["HU"], image="")

    country_page = client.get(f"/{language}/countries/hu/").content.decode()
    news_list = client.get(f"/{language}/news/").content.decode()

    on_country = re.search(
        r'<div class="picture picture--fallback picture--thumb" aria-hidden="true">(.*?)</div>',
        country_page,
        re.S,
    )
    assert on_country, "no fallback picture on the country page"
    assert on_country.group(1).startswith('<svg class="picture__outline"')
    # Elsewhere the card has no country to draw: no mark at all.
    assert "picture--fallback" not in news_list

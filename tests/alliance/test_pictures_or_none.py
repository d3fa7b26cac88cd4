"""Pictures or none: a page without an uploaded picture goes from its headline to its text,
with no placeholder; one with a picture offers its renditions; a card on a country's page keeps
the country's outline as a small mark."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories import make_article, make_event, make_practice

pytestmark = pytest.mark.django_db

FALLBACK = "picture--fallback"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def upload():
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1000), (30, 60, 110)).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def between(html, start, end):
    return html[html.index(start) : html.index(end, html.index(start))]


@pytest.fixture(params=[False, True], ids=["no-cache", "page-cache"])
def cache_setting(request, settings):
    if request.param:
        settings.PAGE_CACHE_SECONDS = 60
        settings.PAGE_MAX_AGE = 60


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_article_without_a_picture_goes_from_headline_to_text(client, language, cache_setting):
    make_article(slug="housing", title="Housing in Szeged", countries=["HU"], image="")
    make_article(slug="seminar", image=upload(), image_alt_en="Delegates around a table")

    without = client.get(f"/{language}/news/housing/").content.decode()
    with_picture = client.get(f"/{language}/news/seminar/").content.decode()

    assert FALLBACK not in without
    assert "picture__outline" not in without
    assert "<figure" not in between(without, 'id="article-title"', 'class="prose"')
    figure = re.search(r'<figure class="picture">\s*<img [^>]+>', with_picture).group(0)
    assert 'srcset="/pictures/' in figure
    assert 'alt="Delegates around a table"' in figure


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_practice_or_an_event_without_a_picture_shows_no_placeholder(client, language):
    practice = make_practice(image="")
    make_event(slug="housing-seminar", country="HU", image="")

    for path in (practice.get_absolute_url(), f"/{language}/events/housing-seminar/"):
        html = client.get(path).content.decode()
        assert FALLBACK not in html, path
        assert "picture__outline" not in html, path


def test_cards_draw_a_small_outline_only_where_they_have_a_country(client):
    make_article(title="Housing in Szeged", countries=["HU"], image="")

    country_page = client.get("/en/countries/hu/").content.decode()
    news_list = client.get("/en/news/").content.decode()

    mark = re.search(r'<div class="picture picture--fallback picture--thumb"[^>]*>', country_page)
    assert mark and 'aria-hidden="true"' in mark.group(0)
    assert FALLBACK not in news_list

"""Times given to machines (<time datetime>, Open Graph) are valid HTML: to the second.

A publication time saved by the admin or a workflow carries microseconds; HTML allows at most
three digits of a fraction of a second, so the Nu HTML checker refused every such page.
"""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import make_article, make_event

# HTML's valid date string, or global date and time string, as the Nu HTML checker reads them.
VALID = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d))?")
MOMENT = timezone.now().replace(microsecond=654321) - datetime.timedelta(hours=2)


def machine_times(html):
    return re.findall(r'<time datetime="([^"]*)"', html) + re.findall(
        r'<meta property="article:\w+_time" content="([^"]*)"', html
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_machine_readable_time_is_to_the_second(client, language):
    article = make_article(title="Housing in Szeged", countries=["HU"], published_at=MOMENT)
    event = make_event(slug="housing-seminar", country="HU")
    pages = [
        f"/{language}/",
        f"/{language}/news/",
        article.get_absolute_url(),
        f"/{language}/countries/hu/",
        event.get_absolute_url(),
    ]

    for url in pages:
        times = machine_times(client.get(url).content.decode())
        assert times, url
        for value in times:
            assert VALID.fullmatch(value), f"{url}: {value}"
    local = timezone.localtime(MOMENT).isoformat(timespec="seconds")
    assert local in machine_times(client.get(article.get_absolute_url()).content.decode())


@pytest.mark.django_db
def test_the_map_s_filter_form_has_no_empty_action(client):
    html = client.get("/en/members/map/").content.decode()

    assert 'class="map-filters' in html
    assert 'action=""' not in html

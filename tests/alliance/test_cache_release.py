"""Pages and drawings kept by one release are never served by the next: they link to the
hashed names of its static files, which the next release may no longer have."""

import json

import pytest
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import cache as page_cache_module
from tests.factories import make_member


def rendered(client, path):
    """True when the page was rendered (it read the database), False when it came kept."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries) > 0


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/members/", "/en/countries/fr/"])
def test_a_new_release_renders_the_pages_the_previous_one_kept(
    client, page_cache, monkeypatch, path
):
    make_member(name="Strasbourg", country="FR", latitude=48.58, longitude=7.75)
    monkeypatch.setattr(page_cache_module, "release", lambda: "release-1")
    assert rendered(client, path)
    assert not rendered(client, path)

    # A deploy: new styles, scripts or map outlines, under new hashed names.
    monkeypatch.setattr(page_cache_module, "release", lambda: "release-2")

    assert rendered(client, path)
    assert not rendered(client, path)


@pytest.mark.django_db
def test_a_country_s_map_drawn_by_the_previous_release_is_drawn_again(
    client, settings, monkeypatch
):
    # Without the page cache (staff, or PAGE_CACHE_SECONDS=0) the drawing is still kept.
    settings.COUNTER_CACHE_SECONDS = 60
    make_member(name="Strasbourg", country="FR", latitude=48.58, longitude=7.75)
    drawings = []
    real = page_cache_module.remember

    def remember(key, compute):
        return real(key, lambda: drawings.append(key) or compute())

    monkeypatch.setattr("alliance.views.remember", remember)
    monkeypatch.setattr(page_cache_module, "release", lambda: "release-1")
    client.get("/en/countries/fr/")
    client.get("/en/countries/fr/")
    assert drawings.count("country-map:en:FR") == 1

    monkeypatch.setattr(page_cache_module, "release", lambda: "release-2")
    client.get("/en/countries/fr/")

    assert drawings.count("country-map:en:FR") == 2


def test_the_release_is_the_static_files_manifest_hash(tmp_path, monkeypatch):
    manifest = {"version": "1.1", "paths": {"css/site.css": "css/site.5e0a.css"}, "hash": "9c1f"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    monkeypatch.setattr(
        page_cache_module, "staticfiles_storage", ManifestStaticFilesStorage(location=tmp_path)
    )

    assert page_cache_module.release.__wrapped__() == "9c1f"

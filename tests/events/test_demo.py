import datetime
import io

import pytest
from django.core.management import call_command

from events.models import Event
from library.models import Document, DocumentFile


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_holds_the_cahrom_meeting_on_its_day_in_athens(demo):
    event = Event.objects.published().get(slug="cahrom-15th-meeting-athens")

    assert event.local_start.date() == datetime.date(2018, 5, 24)
    assert (event.city, event.country.code, event.all_day) == ("Athens", "GR", True)
    assert "political participation" in event.summary
    assert event.articles.filter(slug="john-warmisham-at-cahrom").exists()


def test_the_demo_holds_the_launch_of_the_alliance_in_strasbourg(demo):
    launch = Event.objects.published().get(slug="launch-of-the-alliance-strasbourg-2013")

    assert launch.local_start.date() == datetime.date(2013, 3, 20)
    assert (launch.city, launch.country.code) == ("Strasbourg", "FR")
    assert "was launched during the session of the Congress" in launch.summary


def test_the_demo_announces_a_members_meeting_open_for_registration(demo):
    upcoming = Event.objects.published().upcoming().get(registration_open=True)

    # A plausible title and programme (the about page says once that the content is invented).
    assert "sample" not in upcoming.title.lower()
    assert "sample" not in upcoming.programme_en.lower()
    assert upcoming.takes_registrations
    assert upcoming.latitude and upcoming.longitude  # on the map of members


def test_the_demo_library_has_pdf_files_in_several_languages_and_loads_once(demo):
    call_command("load_demo", stdout=io.StringIO())

    assert Document.objects.published().count() == 4
    assert not any("sample" in document.title.lower() for document in Document.objects.all())
    languages = set(DocumentFile.objects.values_list("language", flat=True))
    assert {"en", "fr", "ro", "hu"} <= languages
    assert DocumentFile.objects.count() == 11
    with DocumentFile.objects.first().file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"

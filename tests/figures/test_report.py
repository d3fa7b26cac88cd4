"""The yearly activity report: staff choose a year and a language in the admin and download a
PDF of what happened that year."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import translation
from weasyprint import HTML

from figures.report import PERMISSIONS, report_html
from library.models import Document
from members.models import Member
from practices.models import Practice
from tests.factories import (
    make_document,
    make_event,
    make_member,
    make_practice,
    make_registration,
    make_signature,
    make_theme,
)

pytestmark = pytest.mark.django_db
REPORT = "/admin/figures/report/"


@pytest.fixture
def year_2018():
    with translation.override("en"):  # titles in English, whatever a test before asked
        make_year_2018()


def make_year_2018():
    make_member(name="Cluj-Napoca", country="RO", joined_on=datetime.date(2018, 4, 1))
    make_member(name="Earlier", country="RO", joined_on=datetime.date(2017, 4, 1))
    make_member(
        name="Gone",
        country="FR",
        status=Member.Status.LEFT,
        joined_on=datetime.date(2014, 1, 1),
        left_on=datetime.date(2018, 9, 1),
    )
    make_member(name="Still waiting", country="RO", status=Member.Status.PENDING)
    make_signature(country="HU", signed_on=datetime.date(2018, 5, 1))
    make_signature(country="HU", signed_on=datetime.date(2018, 6, 1))
    make_signature(country="FR", signed_on=datetime.date(2018, 6, 1), status="pending")
    make_theme("housing", "Housing")
    mediators = make_practice(title="Housing mediators", themes=["housing"])
    # As published that year (publishing dates a practice now).
    Practice.objects.filter(pk=mediators.pk).update(
        published_at=datetime.datetime(2018, 3, 1, tzinfo=datetime.UTC)
    )
    make_practice(title="Unpublished plan", status="draft")
    seminar = make_event(
        title="Radenci seminar",
        starts_at=datetime.datetime(2018, 10, 2, 9, tzinfo=datetime.UTC),
        city="Radenci",
        country="SI",
    )
    for _n in range(3):
        make_registration(seminar)
    make_registration(seminar, status="waiting")
    make_document(
        title="Resolution on Roma housing",
        kind=Document.Kind.RESOLUTION,
        published_on=datetime.date(2018, 3, 28),
    )
    make_document(
        title="A guide", kind=Document.Kind.GUIDE, published_on=datetime.date(2018, 3, 28)
    )


def test_the_report_says_what_happened_in_the_year(year_2018):
    html = report_html(2018, "en")

    for text in [
        "The Alliance in 2018",
        "Cluj-Napoca",
        "Gone",
        "Housing mediators",
        "Radenci seminar",
        "Resolution on Roma housing",
        "<strong>1</strong> member joined",
        "<strong>1</strong> member left",
        "<strong>2</strong> signatures verified",
        "<strong>1</strong> event held",
        "<strong>1</strong> text adopted",
    ]:
        assert text in html, text
    for text in ["Earlier", "Still waiting", "Unpublished plan", "A guide"]:
        assert text not in html, text
    # The seminar's confirmed registrations, not the waiting list.
    assert '<td class="number">3</td>' in html
    assert 'id="report-signatures"' in html and "<svg" in html


def test_the_report_in_french(year_2018):
    html = report_html(2018, "fr")

    assert '<html lang="fr">' in html
    assert "Roumanie" in html


def test_the_report_is_a_pdf_of_pages(year_2018):
    document = HTML(string=report_html(2018, "en")).render()
    assert len(document.pages) >= 2


def test_staff_with_the_permissions_download_the_pdf(client, year_2018):
    officer = get_user_model().objects.create_user("officer", "o@example.org", "x", is_staff=True)
    client.force_login(officer)
    assert client.get(REPORT).status_code == 403

    for name in PERMISSIONS:
        app_label, codename = name.split(".")
        officer.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    form = client.get(REPORT)
    assert form.status_code == 200
    # Every year since the first record: the former member joined in 2014.
    assert '<option value="2014">2014</option>' in form.content.decode()
    assert '<option value="2013">' not in form.content.decode()
    response = client.get(REPORT, {"year": 2018, "language": "fr"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "alliance-report-2018-fr.pdf" in response["Content-Disposition"]


def test_the_admin_home_links_to_the_report(admin_client):
    assert f'href="{REPORT}"' in admin_client.get("/admin/").content.decode()


def test_visitors_are_sent_to_the_sign_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]

"""The admin's sections come in the order of staff's work, each section's models with its
queue first, and the technical sections last under one heading: on the home page and in the
side menu alike."""

import re

import pytest
from django.contrib import admin
from django.test import RequestFactory

from core.backoffice import TECHNICAL_SECTIONS, WORK_SECTIONS

pytestmark = pytest.mark.django_db

WORK_ORDER = [
    "Members",
    "Declaration",
    "Contact",
    "NGO cooperation",
    "Participants",
    "Members learning from each other",
    "Subscriptions",
    "Events",
    "News",
    "Good practices",
    "Library",
    "Site pages",
]
TECHNICAL_ORDER = ["Background work", "Tasks", "Login attempts", "Authentication and Authorization"]


def sections(html):
    return re.findall(r"<caption>\s*<a [^>]*>([^<]+)</a>", html)


def models_of(html, section):
    table = html.split(f">{section}</a>", 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row"[^>]*>\s*<a href="[^"]+">([^<]+)</a>', table)


def test_the_home_lists_the_sections_in_the_order_of_staff_s_work(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert sections(html) == WORK_ORDER + TECHNICAL_ORDER
    heading = html.index("Technical and security")
    assert html.index(">Site pages</a>") < heading < html.index(">Background work</a>")


def test_each_section_opens_on_its_queue(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert models_of(html, "Declaration") == ["Signatures", "Declarations"]
    assert models_of(html, "Contact") == ["Contact messages", "Secretariat contacts"]
    assert models_of(html, "Participants") == ["Profile change requests", "Contact persons"]
    assert models_of(html, "Events")[:2] == ["Events", "Registrations"]
    assert models_of(html, "Background work") == ["Outgoing e-mails", "Scheduled jobs"]


def test_the_side_menu_follows_the_same_order(admin_client):
    html = admin_client.get("/admin/contact/contactmessage/").content.decode()
    menu = html.split('id="nav-sidebar"', 1)[1]

    assert sections(menu) == WORK_ORDER + TECHNICAL_ORDER


def test_every_section_of_the_admin_is_placed(admin_user):
    """A new app or model is given its place among staff's work or the technical sections."""
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    declared = {**WORK_SECTIONS, **TECHNICAL_SECTIONS}

    for app in admin.site.get_app_list(request):
        assert app["app_label"] in declared, app["app_label"]
        for model in app["models"]:
            assert model["model"]._meta.model_name in declared[app["app_label"]], model["name"]

"""Every admin action, and every page of the admin beyond Django's own, declares who may use
it: a member of staff who may only view the records is offered none that changes data, and
posting one anyway changes nothing.

The actions and pages are read from the admin itself, so a new one is tested as it is added.
"""

import datetime

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.core import mail
from django.db.models.fields.files import FieldFile
from django.forms import MultiWidget
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from alliance.models import Page
from background import schedule
from background.outbox import store
from contact.models import ContactMessage, SecretariatContact
from cooperation.models import Proposal
from declarations.models import Signature
from events.models import ParticipantMessage, Registration
from members.models import Member
from news.models import Article, Tag
from participants.models import ContactPerson, ProfileChangeRequest
from practices.models import Practice
from tests.factories import (
    make_article,
    make_document,
    make_event,
    make_member,
    make_peer_message,
    make_practice,
    make_registration,
    make_signature,
    make_subscription,
)

SUPERUSER = get_user_model()(username="everything", is_staff=True, is_superuser=True)


def superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = SUPERUSER
    return request


def registered_admins():
    """(model, its ModelAdmin) of every model the admin shows."""
    return [
        (model, admin.site.get_model_admin(model))
        for model in apps.get_models()
        if admin.site.is_registered(model)
    ]


def every_action():
    """(model, action name, the permissions it declares) of every action of the admin."""
    return [
        pytest.param(
            model,
            name,
            getattr(action.func, "allowed_permissions", ()),
            id=f"{model._meta.label}.{name}",
        )
        for model, model_admin in registered_admins()
        for name, action in model_admin.get_actions(superuser_request()).items()
    ]


# Django's own pages of a model, which check the permissions themselves.
DJANGO_PAGES = {"changelist", "add", "history", "delete", "change", None}


def custom_pages():
    """(model, page name) of every page a ModelAdmin adds to Django's own."""
    pages = []
    for model, model_admin in registered_admins():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        for pattern in model_admin.get_urls():
            name = (pattern.name or "").removeprefix(prefix) or None
            if name not in DJANGO_PAGES:
                pages.append(pytest.param(model, name, id=f"{model._meta.label}.{name}"))
    return pages


@pytest.fixture
def viewer(db):
    """A member of staff who may view every record and change none."""
    user = get_user_model().objects.create_user("viewer", "viewer@example.org", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__startswith="view_"))
    return user


@pytest.fixture
def viewer_client(viewer):
    client = Client()
    client.force_login(viewer)
    return client


@pytest.fixture
def records(db, django_capture_on_commit_callbacks):
    """Records of every model the admin acts on, each in a state its actions change."""
    now = timezone.now()
    Page.objects.get(slug=Page.Slug.ABOUT).save()  # made by a migration, without a history
    Group.objects.create(name="Volunteers")
    get_user_model().objects.create_user("someone", "someone@example.org")
    attempt = AccessAttempt.objects.create(
        username="someone",
        ip_address="192.0.2.1",
        user_agent="browser",
        http_accept="*/*",
        path_info="/admin/login/",
        get_data="",
        post_data="",
        failures_since_start=3,
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=now - datetime.timedelta(days=30)
    )
    AccessLog.objects.create(
        username="someone", ip_address="192.0.2.1", user_agent="browser", path_info="/admin/"
    )
    AccessFailureLog.objects.create(
        username="someone", ip_address="192.0.2.1", user_agent="browser", path_info="/admin/"
    )
    store("Hello", "Body", ["someone@example.org"], failed_with=OSError("refused"))
    schedule.sync_rows()
    pending = make_member(status=Member.Status.PENDING, contact_email="applicant@example.org")
    approved = make_member()
    make_signature(status=Signature.Status.PENDING)
    make_signature(status=Signature.Status.PENDING, email_confirmed_at=now)
    make_signature(status=Signature.Status.VERIFIED)
    Tag.objects.create(slug="housing", name="Housing")
    make_article(status=Article.Status.DRAFT)
    make_article()
    make_practice(status=Practice.Status.DRAFT)
    make_practice(status=Practice.Status.SUBMITTED, submitter_email="author@example.org")
    make_practice()
    Proposal.objects.create(
        name="Romano Drom",
        country="HU",
        proposal="Homework clubs.",
        contact_name="Kata Horváth",
        contact_email="kata@example.org",
    )
    SecretariatContact.objects.create(name="Secretariat", email="secretariat@example.org")
    ContactMessage.objects.create(name="Jana", email="jana@example.org", message="Hello")
    make_event(status="draft")
    event = make_event(registration_open=True, capacity=1)
    make_registration(event)
    make_registration(event, status=Registration.Status.WAITING)
    ParticipantMessage.objects.create(event=event, subject="Details", body="Bring ID.")
    make_document()
    contact = ContactPerson.objects.create(
        member=approved, name="Zuzana", email="zuzana@example.org"
    )
    ProfileChangeRequest.objects.create(
        member=approved, contact=contact, changes={"website": "https://example.org/new"}
    )
    make_subscription(contact, themes=["housing"])
    make_peer_message(contact)
    del pending
    mail.outbox.clear()


def everything():
    """Every row of every table (the sessions aside: a request may touch its own)."""
    return {
        model._meta.label: sorted(model._default_manager.values_list(), key=repr)
        for model in apps.get_models(include_auto_created=True)
        if model is not Session
    }


def posted(form):
    """What a browser posts for `form` as it is shown (its initial values)."""
    data = {}
    for field in form:
        value, widget = field.value(), field.field.widget
        if isinstance(widget, MultiWidget):
            parts = widget.decompress(value)
            data.update(
                {
                    f"{field.html_name}{suffix}": part or ""
                    for suffix, part in zip(widget.widgets_names, parts, strict=True)
                }
            )
        elif isinstance(value, list | tuple):
            data[field.html_name] = [str(item) for item in value]
        elif isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
        elif value is not None and not isinstance(value, FieldFile):  # files are not posted
            data[field.html_name] = str(value)
    return data


def changelist(model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    query = getattr(admin.site.get_model_admin(model), "all_records_query", "")
    return f"{url}?{query}" if query else url


def test_every_action_declares_who_may_run_it():
    undeclared = [param.id for param in every_action() if not param.values[2]]

    assert undeclared == []


def test_every_model_acted_on_has_records_to_act_on(records):
    empty = [
        model._meta.label
        for model, model_admin in registered_admins()
        if model_admin.get_actions(superuser_request())
        and not model_admin.get_queryset(superuser_request()).exists()
    ]

    assert empty == []


@pytest.mark.parametrize(("model", "action", "permissions"), every_action())
def test_staff_who_may_only_view_run_no_action_that_changes_data(
    viewer, viewer_client, records, model, action, permissions, django_capture_on_commit_callbacks
):
    model_admin = admin.site.get_model_admin(model)
    request = superuser_request()
    request.user = viewer
    offered = model_admin.get_actions(request)
    page = viewer_client.get(changelist(model))
    changes_data = set(permissions) != {"view"}
    if changes_data:
        assert action not in offered
        assert f'<option value="{action}"' not in page.text
        first = model_admin.get_queryset(superuser_request()).order_by("pk").first()
        opts = model._meta
        own_page = viewer_client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        )
        assert f'name="action" value="{action}"' not in own_page.text  # no decision button
    before = everything()

    with django_capture_on_commit_callbacks(execute=True):
        response = viewer_client.post(
            changelist(model),
            {
                "action": action,
                "_selected_action": list(model._default_manager.values_list("pk", flat=True)),
                "index": 0,
                "post": "yes",
                "reason": "Not an elected representative.",
                "left_on": timezone.localdate().isoformat(),
            },
        )

    assert response.status_code in {200, 302, 403}
    assert everything() == before
    assert mail.outbox == []


@pytest.mark.parametrize(("model", "page"), custom_pages())
def test_staff_who_may_only_view_change_nothing_through_the_admins_own_pages(
    viewer_client, records, model, page, django_capture_on_commit_callbacks
):
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}_{page}"
    first = model._default_manager.order_by("pk").first()
    if page == "simple_history":
        # A version of a record, as the history page shows it, posted back as it is.
        version = first.history.latest()
        url = reverse(name, args=[first.pk, version.history_id])
        model_admin = admin.site.get_model_admin(model)
        form_class = model_admin.get_form(superuser_request(), first)
        data = posted(form_class(instance=version.instance))
    elif page == "password_change":
        url = reverse(name, args=[first.pk])
        data = {"password1": "a new long password 42", "password2": "a new long password 42"}
    elif page == "import_template":
        url, data = reverse(name, args=["csv"]), {}
    elif page in {"deleted", "import", "process_import", "export"}:
        url, data = reverse(name), {"history_id": "1", "format": "0"}
    else:
        pytest.fail(f"A page this test does not know: {name}. Say here how it is used.")
    before = everything()

    with django_capture_on_commit_callbacks(execute=True):
        response = viewer_client.post(url, data)

    assert response.status_code in {403, 405} or (page == "export" and response.status_code == 200)
    assert everything() == before
    assert mail.outbox == []

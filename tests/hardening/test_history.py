"""Every change to members, signatures, declarations, articles and pages is kept, with who and when."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from alliance.models import Page
from declarations import services as declaration_services
from declarations.demo import ensure_declaration
from declarations.models import Declaration, Signature
from members import services as member_services
from members.models import Member
from news import services as news_services
from news.models import Article
from tests.factories import make_article, make_member, make_signature

pytestmark = pytest.mark.django_db


def admin_url(instance, view, *args):
    opts = instance._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def rows():
    """One row of each model with a history."""
    return {
        "member": make_member(name="Graz"),
        "signature": make_signature(full_name="Elke Kahr"),
        "declaration": ensure_declaration(),
        "article": make_article(title="Mayors meet in Strasbourg"),
        "page": Page.objects.get(slug="about"),
    }


@pytest.mark.parametrize("name", ["member", "signature", "declaration", "article", "page"])
def test_the_history_pages_answer_for_a_superuser(admin_client, rows, name):
    row = rows[name]
    row.save()  # the data migration made the pages without a history record
    record = row.history.latest()

    assert admin_client.get(admin_url(row, "changelist")).status_code == 200
    assert admin_client.get(admin_url(row, "change", row.pk)).status_code == 200
    history = admin_client.get(admin_url(row, "history", row.pk))
    version = admin_client.get(admin_url(row, "simple_history", row.pk, record.history_id))

    assert history.status_code == 200
    assert str(row) in history.text
    assert version.status_code == 200
    # History is a record: no button puts an old version back over the workflow.
    assert "Revert" not in version.text


def test_an_edit_in_the_admin_is_recorded_with_the_staff_member(admin_client, admin_user):
    page = Page.objects.get(slug="privacy")
    data = {
        "slug": "privacy",
        "title_en": "Privacy",
        "title_fr": "Confidentialité",
        "lead_en": "What we keep, and for how long.",
        "lead_fr": "",
        "body_en": "We keep the contact details of the members.",
        "body_fr": "",
    }

    response = admin_client.post(admin_url(page, "change", page.pk), data)

    assert response.status_code == 302
    record = page.history.latest()
    assert record.history_user == admin_user
    assert record.lead_en == "What we keep, and for how long."
    history = admin_client.get(admin_url(page, "history", page.pk))
    assert admin_user.username in history.text


def latest_record(instance):
    return type(instance).history.filter(id=instance.pk).latest()


@pytest.mark.parametrize(
    ("decide", "status", "reason"),
    [
        (lambda m, by: member_services.approve_member(m, by), "pending", "approved"),
        (lambda m, by: member_services.reject_member(m, by, "Not a city."), "pending", "rejected"),
        (lambda m, by: member_services.mark_left(m, by), "approved", "left the Alliance"),
    ],
    ids=["approve", "reject", "mark-left"],
)
def test_each_membership_decision_leaves_a_record_naming_the_actor(officer, decide, status, reason):
    member = make_member(name="Košice", country="SK", status=status)

    assert decide(member, officer) is True

    record = latest_record(member)
    assert record.history_user == officer
    assert record.history_change_reason == reason
    assert record.status == member.status
    assert record.contact_email == member.contact_email


def test_approving_leaves_a_record_naming_the_actor(officer):
    member = make_member(name="Košice", country="SK", status=Member.Status.PENDING)

    member_services.approve_member(member, officer)

    record = member.history.latest()
    assert (record.history_user, record.history_change_reason) == (officer, "approved")
    assert record.status == Member.Status.APPROVED
    assert record.decided_by == officer
    assert record.joined_on == member.joined_on


def test_a_decision_taken_twice_is_recorded_once(officer, second_officer):
    member = make_member(status=Member.Status.PENDING)

    member_services.approve_member(member, officer)
    member_services.approve_member(member, second_officer)

    decisions = member.history.exclude(history_change_reason=None)
    assert [(r.history_user, r.history_change_reason) for r in decisions] == [(officer, "approved")]


@pytest.mark.parametrize(
    ("decide", "status", "reason"),
    [
        (declaration_services.verify_signature, "pending", "verified"),
        (declaration_services.reject_signature, "pending", "rejected"),
        (declaration_services.withdraw_signature, "verified", "withdrawn"),
    ],
    ids=["verify", "reject", "withdraw"],
)
def test_each_signature_decision_leaves_a_record_naming_the_actor(officer, decide, status, reason):
    signature = make_signature(status=status, email_confirmed_at=timezone.now())

    assert decide(signature, officer) is True

    record = latest_record(signature)
    assert (record.history_user, record.history_change_reason) == (officer, reason)
    assert record.status == reason
    assert record.status_changed_by == officer


def test_confirming_the_email_is_recorded_without_a_staff_member():
    signature = make_signature(status=Signature.Status.PENDING)

    declaration_services.confirm_email(signature)
    declaration_services.confirm_email(signature)

    confirmations = signature.history.filter(history_change_reason="e-mail confirmed")
    assert confirmations.count() == 1
    assert confirmations.get().history_user is None
    assert confirmations.get().email_confirmed_at is not None


def test_publishing_and_unpublishing_leave_records_naming_the_editor(editor):
    draft = make_article(title="A draft", status=Article.Status.DRAFT)
    live = make_article(title="Already live")

    published = news_services.publish_now(Article.objects.all(), by=editor)
    drafted = news_services.move_to_draft(Article.objects.filter(pk=draft.pk), by=editor)

    assert (published.changed, published.unchanged, drafted.changed) == (1, 1, 1)
    reasons = [
        (r.history_user, r.history_change_reason, r.status)
        for r in draft.history.exclude(history_change_reason=None).order_by("history_date")
    ]
    assert reasons == [
        (editor, "published", "published"),
        (editor, "moved back to draft", "draft"),
    ]
    assert not live.history.exclude(history_change_reason=None).exists()


def test_approving_in_the_admin_shows_who_approved_on_the_history_page(client, officer):
    member = make_member(name="Košice", country="SK", status=Member.Status.PENDING)
    client.force_login(officer)

    client.post(
        reverse("admin:members_member_changelist") + "?status=all",
        {"action": "approve_selected", "_selected_action": [member.pk]},
    )
    history = client.get(admin_url(member, "history", member.pk))

    assert history.status_code == 200
    assert "approved" in history.text
    assert "officer" in history.text


def test_each_language_of_a_translated_text_is_kept(admin_user):
    declaration = Declaration.objects.get(pk=ensure_declaration().pk)
    declaration.title_fr = "Déclaration de l’Alliance"
    declaration.save()

    assert declaration.history.latest().title_fr == "Déclaration de l’Alliance"


def test_an_import_in_the_admin_is_recorded_with_the_staff_member(admin_client, admin_user):
    upload = SimpleUploadedFile(
        "members.csv",
        b"slug,name,kind,country,status,joined_on\n,Cluj-Napoca,city,RO,approved,2018-05-24\n",
        content_type="text/csv",
    )
    url = reverse("admin:members_member_import")
    preview = admin_client.post(url, {"import_file": upload, "format": "1", "resource": "0"})
    assert not Member.history.exists()  # the preview is rolled back, its history with it

    admin_client.post(
        reverse("admin:members_member_process_import"),
        preview.context["confirm_form"].initial,
    )

    record = Member.objects.get(name="Cluj-Napoca").history.get()
    assert (record.history_type, record.history_user) == ("+", admin_user)

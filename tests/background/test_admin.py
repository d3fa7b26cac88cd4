"""Staff watch the e-mails in the admin: what failed and why, Send again, a person's e-mails."""

import pytest
from django.urls import reverse
from django.utils import timezone

from background import outbox, tasks
from background.models import OutgoingEmail, ScheduledJob
from declarations import services as declaration_services
from declarations.models import Signature
from members import services as member_services
from members.models import Member
from tests.factories import make_member, make_signature

pytestmark = pytest.mark.django_db

OUTBOX = reverse("admin:background_outgoingemail_changelist")


def email(to, state, **fields):
    values = {"subject": f"About {to}", "body": "Hello", "from_email": "noreply@example.org"}
    to = [to] if isinstance(to, str) else to
    return OutgoingEmail.objects.create(to=to, state=state, **{**values, **fields})


def test_staff_list_the_failed_e_mails_with_their_error(admin_client):
    email("sent@example.org", "sent")
    email("broken@example.org", "failed", attempts=13, last_error="SMTPConnectError: refused")

    page = admin_client.get(OUTBOX, {"state": "failed"}).content.decode()

    assert "broken@example.org" in page
    assert "SMTPConnectError: refused" in page
    assert "sent@example.org" not in page


def test_send_again_queues_failed_e_mails_anew_copies_sent_ones_and_skips_those_on_their_way(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    failed = email("failed@example.org", "failed", attempts=13, last_error="refused")
    sent = email("sent@example.org", "sent", attempts=1)
    sending = email("sending@example.org", "sending", attempts=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            OUTBOX,
            {"action": "send_again", "_selected_action": [failed.pk, sent.pk, sending.pk]},
            follow=True,
        )

    assert "2 e-mails queued again. 1 was skipped: it is already on its way." in response.text
    assert sorted(m.to[0] for m in mailoutbox) == ["failed@example.org", "sent@example.org"]
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == ("sent", 1)
    assert OutgoingEmail.objects.filter(to=["sent@example.org"], state="sent").count() == 2
    sending.refresh_from_db()
    assert sending.state == "sending"


def test_the_outbox_is_read_only(admin_client):
    row = email("someone@example.org", "failed")

    page = admin_client.get(reverse("admin:background_outgoingemail_change", args=[row.pk]))

    assert page.status_code == 200
    assert 'name="_save"' not in page.text
    assert admin_client.get(reverse("admin:background_outgoingemail_add")).status_code == 403


def test_a_members_record_links_to_the_e_mails_sent_to_its_contact(admin_client):
    member = make_member(status=Member.Status.PENDING, contact_email="mayor@graz.example.org")
    email("mayor@graz.example.org", "sent")
    email("someone.else@example.org", "sent")

    page = admin_client.get(reverse("admin:members_member_change", args=[member.pk])).text
    link = f"{OUTBOX}?q=mayor%40graz.example.org"
    assert f'href="{link}"' in page

    listed = admin_client.get(link).text
    assert "About mayor@graz.example.org" in listed
    assert "someone.else@example.org" not in listed


def test_a_signatorys_record_links_to_the_e_mails_sent_to_them(admin_client):
    signature = make_signature(email="signatory@example.org")

    page = admin_client.get(reverse("admin:declarations_signature_change", args=[signature.pk]))

    assert f'href="{OUTBOX}?q=signatory%40example.org"' in page.text


def test_staff_without_the_right_to_see_e_mails_get_no_link(officer_client):
    member = make_member(status=Member.Status.PENDING)

    page = officer_client.get(reverse("admin:members_member_change", args=[member.pk]))

    assert page.status_code == 200
    assert OUTBOX not in page.text


def test_the_schedule_is_listed_with_the_last_outcome(admin_client, database_tasks):
    tasks.ensure_schedule()
    ScheduledJob.objects.filter(name="purge-personal-data").update(
        last_started_at=timezone.now(), last_succeeded=True, last_outcome="Deleted 2 things"
    )

    page = admin_client.get(reverse("admin:background_scheduledjob_changelist")).text

    assert "purge-personal-data" in page
    assert "sweep-outbox" in page
    assert "Deleted 2 things" in page


def test_run_now_runs_a_job_at_once_and_keeps_its_schedule(admin_client, database_tasks):
    tasks.ensure_schedule()
    job = ScheduledJob.objects.get(name="prune-outbox")
    tomorrow = job.next_run_at

    admin_client.post(
        reverse("admin:background_scheduledjob_changelist"),
        {"action": "run_now", "_selected_action": [job.pk]},
    )
    database_tasks()

    job.refresh_from_db()
    assert job.last_succeeded is True
    assert job.next_run_at == tomorrow


# Personal data


def test_erasing_a_contact_person_deletes_the_e_mails_sent_to_them(officer):
    member = make_member(status=Member.Status.PENDING, contact_email="Mayor@Graz.example.org")
    email("mayor@graz.example.org", "sent")
    email(["mayor@graz.example.org", "other@example.org"], "sent")
    kept = email("other@example.org", "sent")

    member_services.erase_personal_data(member, officer)

    assert list(OutgoingEmail.objects.all()) == [kept]


def test_erasing_a_signatory_deletes_the_e_mails_sent_to_them(officer):
    signature = make_signature(status=Signature.Status.PENDING, email="signatory@example.org")
    email("signatory@example.org", "sent")

    declaration_services.erase_personal_data(signature, officer)

    assert not OutgoingEmail.objects.exists()


def test_old_sent_and_failed_e_mails_are_pruned_waiting_ones_kept(settings):
    settings.OUTBOX_KEEP_DAYS = 30
    long_ago = timezone.now() - timezone.timedelta(days=31)
    email("old@example.org", "sent", created_at=long_ago)
    email("old-failed@example.org", "failed", created_at=long_ago)
    waiting = email("waiting@example.org", "retrying", created_at=long_ago)
    recent = email("recent@example.org", "sent")

    assert outbox.prune() == 2

    assert set(OutgoingEmail.objects.all()) == {waiting, recent}

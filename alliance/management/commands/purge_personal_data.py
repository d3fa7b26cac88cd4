import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from cooperation.models import Proposal
from declarations.models import Signature
from events.services import purge_registrations
from members.models import Member
from peers.services import purge_messages


def expired(days):
    """What is kept no longer than `days`: (unconfirmed signatures, rejected join requests,
    declined proposals of cooperation)."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    signatures = Signature.objects.filter(
        status=Signature.Status.PENDING, email_confirmed_at__isnull=True, created_at__lt=cutoff
    )
    join_requests = Member.objects.alias(rejected_at=Coalesce("decided_at", "requested_at")).filter(
        status=Member.Status.REJECTED, rejected_at__lt=cutoff
    )
    proposals = Proposal.objects.alias(declined_at=Coalesce("decided_at", "requested_at")).filter(
        status=Proposal.Status.DECLINED, declined_at__lt=cutoff
    )
    return signatures, join_requests, proposals


def purge(rows):
    """Delete `rows` and their history (the deletion's own record included): nothing is kept."""
    model = rows.model
    pks = list(rows.values_list("pk", flat=True))
    deleted = rows.filter(pk__in=pks).delete()[1].get(model._meta.label, 0)
    model.history.filter(id__in=pks).delete()
    return deleted


class Command(BaseCommand):
    help = (
        "Delete the personal data the Alliance no longer needs: signatures whose e-mail was "
        "never confirmed, rejected join requests and declined proposals of cooperation, older "
        "than --days (RETENTION_DAYS), and the messages members sent each other; event "
        "registrations EVENT_REGISTRATION_RETENTION_DAYS after their event."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep what is younger than this many days (default: RETENTION_DAYS).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        expiring = expired(days)
        with transaction.atomic():
            if dry_run:
                counts = [rows.count() for rows in expiring]
            else:
                counts = [purge(rows) for rows in expiring]
            registrations = purge_registrations(dry_run=dry_run)
            messages = purge_messages(days, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {counts[0]} unconfirmed signature(s) and {counts[1]} rejected join "
            f"request(s) older than {days} days, and {counts[2]} declined proposal(s) of "
            "cooperation."
        )
        self.stdout.write(
            f"{verb} {messages} message(s) between members sent more than {days} days ago."
        )
        self.stdout.write(
            f"{verb} {registrations} event registration(s) of events that ended more than "
            f"{settings.EVENT_REGISTRATION_RETENTION_DAYS} days ago."
        )

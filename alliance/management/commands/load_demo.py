import getpass
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Each app's demo loader: idempotent, returns {"what": count}. Order matters: members first,
# then what links to them (events link to practices and articles, documents to events).
LOADERS = [
    "alliance.demo.load",
    "members.demo.load",
    "declarations.demo.load",
    "news.demo.load",
    "contact.demo.load",
    "practices.demo.load",
    "cooperation.demo.load",
    "events.demo.load",
    "library.demo.load",
    "participants.demo.load",
]


class Command(BaseCommand):
    help = (
        "Load the Alliance’s real texts and invented members, signatories, news, practices, "
        "events and documents, the about page saying so. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also create the demo staff superuser 'admin' (asks for its password).",
        )

    def handle(self, *args, admin=False, **options):
        with transaction.atomic():
            for path in LOADERS:
                counts = import_string(path)()
                summary = ", ".join(f"{count} {name}" for name, count in counts.items())
                self.stdout.write(f"{path.split('.')[0]}: {summary}")
        password = os.environ.get("DEMO_ADMIN_PASSWORD")
        if admin and not password:
            password = getpass.getpass("Password for the demo superuser 'admin': ")
        if password:
            self.create_admin(password)

    def create_admin(self, password):
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username="admin", defaults={"email": "admin@example.org"}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} the demo superuser 'admin'."))

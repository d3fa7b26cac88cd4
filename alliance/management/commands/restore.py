from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliance.backups import BACKUP_DIR, latest_backup, restore


class Command(BaseCommand):
    help = (
        "Replace the database's content with a backup made by `backup`: the file given, "
        "or the latest one under backups/."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="Default: the latest backup.")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, file, database, interactive, **options):
        path = file or latest_backup(BACKUP_DIR, database)
        if interactive:
            answer = input(
                f"Everything in the database will be replaced by {path}. Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        restore(path, database)
        self.stdout.write(self.style.SUCCESS(f"Restored {path}"))

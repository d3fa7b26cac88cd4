from pathlib import Path

from django.core.management.base import BaseCommand

from alliance.backups import BACKUP_DIR, backup, new_backup_path


class Command(BaseCommand):
    help = "Back up the whole database to a timestamped file under backups/ (or --directory)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, default=BACKUP_DIR)
        parser.add_argument("--database", default="default")

    def handle(self, *args, directory, database, **options):
        path = new_backup_path(directory, database)
        backup(path, database)
        self.stdout.write(self.style.SUCCESS(f"Backed up to {path}"))

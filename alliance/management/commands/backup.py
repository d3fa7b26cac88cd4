from pathlib import Path

from django.core.management.base import BaseCommand

from alliance.backups import backup, backup_dir, prune


class Command(BaseCommand):
    help = (
        "Back up the database and every stored file (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) into one "
        "archive in BACKUP_DIR (or --directory), then delete the archives the retention rule "
        "(BACKUP_KEEP_DAYS, BACKUP_KEEP_WEEKS) no longer keeps."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, help="Default: BACKUP_DIR.")
        parser.add_argument("--database", default="default")

    def handle(self, *args, directory, database, **options):
        directory = directory or backup_dir()
        path, manifest = backup(directory, database)
        files = manifest["files"][1:]
        size = sum(entry["size"] for entry in files)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the database and {len(files)} files ({size / 1e6:.1f} MB) to {path}"
            )
        )
        for old in prune(directory):
            self.stdout.write(f"Deleted {old} (retention rule)")

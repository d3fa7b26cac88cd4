from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from alliance.backups import latest_backup, migration_difference, restore


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` (the file given, or the latest in BACKUP_DIR) into "
        "an empty database and empty MEDIA_ROOT and PRIVATE_MEDIA_ROOT folders. Refused, with "
        "nothing changed, when they hold anything (unless --force) or when the archive is "
        "damaged or incomplete."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="Default: the latest archive.")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what the database and the folders hold (asks first).",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="With --force, do not ask for confirmation.",
        )

    def handle(self, *args, file, database, force, interactive, **options):
        path = file or latest_backup()
        if force and interactive:
            answer = input(
                f"Everything in the database and the upload folders will be replaced by {path}. "
                "Type 'yes' to go on: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        manifest = restore(path, database, force=force)
        files = len(manifest["files"]) - 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {files} files of {manifest['created_at']} from {path}"
            )
        )
        newer, older = migration_difference(manifest)
        if newer:
            self.stderr.write(
                f"The backup was made by a newer version of the portal ({len(newer)} migrations "
                f"this code lacks, such as {'.'.join(newer[0])}): deploy that version."
            )
        elif older:
            self.stdout.write(
                f"The backup predates {len(older)} migrations of this code: run `manage.py migrate`."
            )

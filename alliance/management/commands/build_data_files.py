from django.core.management.base import BaseCommand

from core.open_data import build_data_files


class Command(BaseCommand):
    help = (
        "Build the open data files (/data/…) into DATA_FILES_ROOT now, as the task worker "
        "does after each change (after a deployment, or to fill an empty folder)."
    )

    def handle(self, *args, **options):
        built = build_data_files()
        if built is None:
            self.stdout.write("Another process is building the data files.")
        else:
            self.stdout.write(f"Built {built} data file(s).")

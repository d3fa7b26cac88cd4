from django.core.management.base import BaseCommand

from members.map.outlines import outlines_document, outlines_path


class Command(BaseCommand):
    help = (
        "Write static/map/outlines.svg, the countries' outlines every map refers to, from "
        "members/geodata/ (after a change of the geodata)."
    )

    def handle(self, *args, **options):
        path = outlines_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(outlines_document(), encoding="utf-8")
        self.stdout.write(f"Wrote {path} ({path.stat().st_size / 1024:.0f} KB).")

"""Draw the site's bitmap images from the Alliance's mark, into static/img/.

The mark (static/img/mark.svg, templates/includes/_brand_mark.html) is a gold ring on which
eight cities stand, around a ninth: the alliance. Browsers that want a bitmap (favicon.ico,
the home-screen icons) and the sites that show a link's preview (the Open Graph image) get
these PNG and ICO files, drawn with Pillow so that they can be made again after a change of
colour or wording. The files are committed; run this only to change them:

    python manage.py make_site_images
"""

import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw, ImageFont

NAVY = "#0b3d6e"
NAVY_900 = "#072a4d"
GOLD = "#f2b705"
WHITE = "#ffffff"
SKY = "#c9d8ea"
FONTS = Path(settings.BASE_DIR) / "static" / "vendor" / "open-sans"


def font(weight, size):
    return ImageFont.truetype(str(FONTS / f"open-sans-latin-{weight}-normal.woff2"), size)


def draw_mark(draw, cx, cy, size):
    """The mark in a square of `size` pixels centred on (cx, cy), as the SVG draws it on 48."""
    unit = size / 48
    ring = 17 * unit
    width = max(1, round(3 * unit))
    draw.ellipse((cx - ring, cy - ring, cx + ring, cy + ring), outline=GOLD, width=width)
    for index in range(8):
        angle = math.radians(index * 45 - 90)
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        outer, inner = 4.6 * unit, 3.2 * unit
        draw.ellipse((x - outer, y - outer, x + outer, y + outer), fill=NAVY)
        draw.ellipse((x - inner, y - inner, x + inner, y + inner), fill=WHITE)
    centre = 6 * unit
    draw.ellipse((cx - centre, cy - centre, cx + centre, cy + centre), fill=GOLD)


def icon(size, padding=0.0, scale=4):
    """A square icon: the mark on navy, drawn large and scaled down for smooth edges."""
    big = size * scale
    image = Image.new("RGB", (big, big), NAVY)
    draw = ImageDraw.Draw(image)
    inner = big * (1 - 2 * padding)
    draw_mark(draw, big / 2, big / 2, inner)
    return image.resize((size, size), Image.LANCZOS)


def open_graph_image():
    """1200 by 630: the mark, the Alliance's name and under whose auspices it works."""
    width, height, scale = 1200, 630, 2
    image = Image.new("RGB", (width * scale, height * scale), NAVY)
    draw = ImageDraw.Draw(image)
    # A gold rule along the top, as on every page, and a darker band for the auspices.
    draw.rectangle((0, 0, width * scale, 12 * scale), fill=GOLD)
    draw.rectangle((0, 510 * scale, width * scale, height * scale), fill=NAVY_900)
    draw_mark(draw, 150 * scale, 190 * scale, 170 * scale)
    title = font(700, 64 * scale)
    subtitle = font(400, 40 * scale)
    small = font(400, 26 * scale)
    x = 270 * scale
    draw.text((x, 118 * scale), "Alliance", font=title, fill=WHITE)
    lines = [
        "of European Cities and Regions",
        "for the Inclusion of Roma and Travellers",
    ]
    for number, line in enumerate(lines):
        draw.text((x, (210 + number * 54) * scale), line, font=subtitle, fill=WHITE)
    draw.text(
        (80 * scale, 352 * scale),
        "Members · Declaration against anti-Gypsyism · Good practices · News",
        font=small,
        fill=SKY,
    )
    draw.text(
        (80 * scale, 556 * scale),
        "Under the auspices of the Congress of Local and Regional Authorities "
        "of the Council of Europe",
        font=font(400, 22 * scale),
        fill=GOLD,
    )
    return image.resize((width, height), Image.LANCZOS)


class Command(BaseCommand):
    help = "Draw favicon.ico, the home-screen icons and the Open Graph image into static/img/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory", type=Path, default=Path(settings.BASE_DIR) / "static" / "img"
        )

    def handle(self, *args, directory, **options):
        directory.mkdir(parents=True, exist_ok=True)
        icon(256).save(directory / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        icon(180, padding=0.08).save(directory / "apple-touch-icon.png", optimize=True)
        icon(192, padding=0.06).save(directory / "icon-192.png", optimize=True)
        # Maskable: the mark inside the safe zone (a circle of 80 % of the width).
        icon(512, padding=0.16).save(directory / "icon-512.png", optimize=True)
        open_graph_image().save(directory / "og-default.png", optimize=True)
        self.stdout.write(self.style.SUCCESS(f"Images written to {directory}"))

"""The site's identity on every page: icons, the manifest, the Open Graph image, the partners'
logos, the home page's calls to action, the menu's markup, the colours' contrast and the weight
of the pages."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from alliance.content import link_join_form
from alliance.models import Page
from events.models import Event
from members.models import Member
from news.models import Article
from practices.models import Practice
from tests.factories import make_article, make_member

ROOT = Path(__file__).resolve().parents[2]


def test_favicon_ico_is_served_at_the_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response)[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "name"), [("en", "Alliance of European"), ("fr", "Alliance européenne")]
)
def test_web_manifest_names_the_alliance_with_its_icons(client, language, name):
    response = client.get(f"/{language}/manifest.webmanifest")

    manifest = response.json()
    assert response["Content-Type"] == "application/manifest+json"
    assert manifest["name"].startswith(name)
    assert manifest["start_url"] == f"/{language}/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


@pytest.mark.django_db
def test_every_page_links_its_icons_manifest_and_a_default_open_graph_image(client):
    html = client.get("/en/").content.decode()

    assert '<link rel="icon" href="/static/img/mark.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/en/manifest.webmanifest">' in html
    assert (
        '<meta property="og:image" content="http://testserver/static/img/og-default.png">' in html
    )
    # The Latin subset of the typeface is asked for before the CSS is read.
    assert 'rel="preload" href="/static/vendor/open-sans/open-sans-latin-400-normal.woff2"' in html


def test_open_graph_image_is_1200_by_630():
    from PIL import Image

    with Image.open(ROOT / "static" / "img" / "og-default.png") as image:
        assert image.size == (1200, 630)


@pytest.mark.django_db
def test_an_article_with_an_image_gives_its_own_image_only(client, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    article = make_article(title="With a picture")
    article.image = SimpleUploadedFile("picture.png", buffer.getvalue(), "image/png")
    article.image_alt = "A town hall"
    article.save()

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.count('property="og:image"') == 1
    assert "og-default.png" not in html


@pytest.mark.django_db
def test_no_partner_logo_is_shown_unless_the_setting_names_some(client, settings):
    assert "partner-logos" not in client.get("/en/").content.decode()

    settings.PARTNER_LOGOS = [
        {
            "name": "Congress of Local and Regional Authorities",
            "url": "https://www.coe.int/congress",
            "image": "img/mark.svg",
        },
        {"name": "A partner", "image": "/media/partners/partner.png", "width": 160, "height": 48},
    ]
    html = client.get("/en/").content.decode()

    assert (
        '<a href="https://www.coe.int/congress" rel="noopener"><img src="/static/img/mark.svg" '
        'alt="Congress of Local and Regional Authorities" loading="lazy"></a>'
    ) in html
    assert '<img src="/media/partners/partner.png" alt="A partner" width="160" height="48"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "join", "sign", "explore"),
    [
        ("en", "Join the Alliance", "Sign the Declaration", "Explore the members"),
        ("fr", "Rejoindre l’Alliance", "Signer la Déclaration", "Découvrir les membres"),
    ],
)
def test_home_page_offers_one_action_per_audience(client, language, join, sign, explore):
    html = client.get(f"/{language}/").content.decode()
    start = html.index('class="audiences"')
    hero = html[start : html.index("</ul>", start)]

    with translation.override(language):
        assert f'href="{reverse("members:join")}">{join}</a>' in hero
        assert f'href="{reverse("declarations:sign")}">{sign}</a>' in hero
        assert f'href="{reverse("members:directory")}">{explore}</a>' in hero
        assert f'href="{reverse("members:map")}"' in html
    assert html.count(f">{join}</a>") == 2  # the hero's button and the footer's link


@pytest.mark.django_db
def test_home_page_links_a_map_preview_drawn_from_the_members(client):
    make_member(name="Strasbourg", country="FR", latitude=48.58, longitude=7.75)

    html = client.get("/en/").content.decode()
    preview = client.get("/members/map.svg")

    assert '<a class="map-preview" href="/en/members/map/">' in html
    assert '<img src="/members/map.svg"' in html
    assert preview.status_code == 200
    assert preview["Content-Type"] == "image/svg+xml"
    svg = preview.content.decode()
    assert svg.startswith("<svg")
    assert re.search(r'<path d="M[^"]+" fill="none" stroke="#d95f02"', svg)


@pytest.mark.django_db
def test_menu_is_a_disclosure_with_every_section_and_the_search(client):
    html = client.get("/fr/").content.decode()
    menu = html[html.index('<details class="site-menu">') : html.index("</details>")]

    assert "<summary>Menu</summary>" in menu
    with translation.override("fr"):
        for name in (
            "members:directory",
            "members:map",
            "countries",
            "practices:list",
            "events:list",
            "library:list",
            "declarations:declaration",
            "news:list",
            "page-about",
        ):
            assert f'href="{reverse(name)}"' in menu, name
    assert 'role="search"' in menu


@pytest.mark.django_db
def test_tables_label_each_cell_for_the_stacked_rows_of_phones(client):
    make_member(name="Gdańsk", country="PL")

    html = client.get("/en/members/").content.decode()

    assert 'class="table table-striped align-middle member-table table-stack"' in html
    assert '<td data-label="Country"><a href="/en/countries/pl/">Poland</a></td>' in html


@pytest.mark.django_db
def test_the_about_page_links_the_join_form(client):
    html = client.get("/en/about/").content.decode()

    assert 'please use the <a href="/en/join/"' in html
    assert "formulaire d’adhésion</a>" in client.get("/fr/about/").content.decode()


@pytest.mark.django_db
def test_linking_the_join_form_links_the_sentence_as_first_written_and_leaves_staff_texts():
    about = Page.objects.get(slug="about")
    about.body_en = about.body = "Rewritten by staff."
    about.body_fr = "Pour adhérer, veuillez utiliser le formulaire d’adhésion."
    about.save()

    assert link_join_form(Page) is True
    about.refresh_from_db()
    assert about.body_en == "Rewritten by staff."
    assert about.body_fr == "Pour adhérer, veuillez utiliser le [formulaire d’adhésion](/fr/join/)."
    # Once linked, running it again changes nothing.
    assert link_join_form(Page) is False


# ---- Colours ------------------------------------------------------------------------------


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def tokens():
    css = (ROOT / "static" / "css" / "site.css").read_text()
    return dict(re.findall(r"--(al-[\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", css))


# (text or mark, background, ratio asked): AA for text 4.5, for focus rings and edges 3.
PAIRS = [
    ("al-ink", "al-white", 4.5),
    ("al-ink", "al-paper", 4.5),
    ("al-navy", "al-white", 4.5),
    ("al-white", "al-navy", 4.5),
    ("al-navy", "al-sky", 4.5),
    ("al-link", "al-white", 4.5),
    ("al-link", "al-paper", 4.5),
    ("al-muted", "al-white", 4.5),
    ("al-muted", "al-paper", 4.5),
    ("al-muted", "al-sky", 4.5),
    ("al-ink", "al-gold", 4.5),
    ("al-gold", "al-navy", 4.5),
    ("al-gold", "al-navy-900", 3),
    ("al-navy-900", "al-white", 3),
    ("al-line", "al-white", 3),
    ("al-danger", "al-white", 4.5),
    ("al-success", "al-white", 4.5),
    ("al-warning", "al-white", 4.5),
]


@pytest.mark.parametrize(("fore", "back", "ratio"), PAIRS)
def test_design_tokens_meet_wcag_aa_contrast(fore, back, ratio):
    colours = tokens()

    assert contrast(colours[fore], colours[back]) >= ratio


def test_no_stock_bootstrap_blue_is_left_in_the_site_styles():
    for path in (ROOT / "static" / "css").glob("*.css"):
        css = path.read_text().lower()
        assert "#0d6efd" not in css and "13, 110, 253" not in css, path.name


# ---- Weight of the pages --------------------------------------------------------------------


@pytest.fixture
def demo_content(db):
    call_command("load_demo", stdout=io.StringIO())


def demo_paths():
    member = Member.objects.approved().order_by("name").first()
    paths = {
        name: reverse(name)
        for name in (
            "home",
            "members:directory",
            "members:map",
            "countries",
            "declarations:declaration",
            "declarations:sign",
            "news:list",
            "practices:list",
            "events:list",
            "library:list",
            "page-about",
            "search",
        )
    }
    paths["member"] = member.get_absolute_url()
    paths["country"] = reverse("country", args=[member.country.code.lower()])
    paths["article"] = Article.objects.published().first().get_absolute_url()
    paths["practice"] = Practice.objects.published().first().get_absolute_url()
    paths["event"] = Event.objects.published().first().get_absolute_url()
    return paths


@pytest.mark.parametrize("language", ["en", "fr"])
def test_pages_weigh_at_most_100_kb_maps_included(client, demo_content, language):
    # The maps' outlines are a static file of their own (members/map/outlines.py), not 83 KB
    # of every map and country page.
    with translation.override(language):
        paths = demo_paths()
    for path in paths.values():
        response = client.get(path)
        assert response.status_code == 200, path
        assert len(response.content) <= 100_000, f"{path}: {len(response.content)} bytes"

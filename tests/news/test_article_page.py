"""The article page: its content, links, sharing, meta tags and the staff preview."""

import datetime
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.models import Member
from news.models import Article
from tests.factories import make_article, make_member, make_tag

from .conftest import HOUR, link_href, meta_content

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=[0, 600], ids=["read-each-time", "kept"])
def counters(request, settings):
    """Every test twice: with what the page reads computed on each request, and kept until the
    data change (core.cache.remember), as the site runs by default."""
    settings.COUNTER_CACHE_SECONDS = request.param
    return request.param


@pytest.fixture
def statement(now):
    article = make_article(
        slug="warmisham-at-cahrom",
        kind=Article.Kind.STATEMENT,
        title_en="John Warmisham at CAHROM",
        title_fr="John Warmisham au CAHROM",
        lead_en="The Congress sees political participation as key.",
        lead_fr="Le Congrès considère la participation politique comme essentielle.",
        body_en="He **stressed** the point.",
        body_fr="Il a **insisté**.",
        quote_en="If Roma have a political voice, they can stand up for their rights.",
        quote_fr="Si les Roms ont une voix politique, ils peuvent défendre leurs droits.",
        quote_speaker="John Warmisham",
        speaker_name="John Warmisham",
        speaker_role_en="Congress Thematic Spokesperson on Roma and Travellers",
        speaker_role_fr="Porte-parole thématique du Congrès",
        event_en="15th meeting of CAHROM",
        event_fr="15e réunion du CAHROM",
        place_en="Athens",
        place_fr="Athènes",
        countries=["GR", "FR"],
        published_at=datetime.datetime(2018, 5, 24, 10, 0, tzinfo=datetime.UTC),
    )
    article.tags.add(
        make_tag("political-participation", "Political participation", "Participation politique")
    )
    return article


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_article_shows_its_quote_speaker_event_and_date(client, statement):
    content = page(client, "/en/news/warmisham-at-cahrom/")

    assert "<h1" in content and "John Warmisham at CAHROM</h1>" in content
    assert re.search(
        r'<blockquote class="pull-quote">\s*<p>If Roma have a political voice, they can stand up '
        r"for their rights.</p>\s*<footer>— <cite>John Warmisham</cite></footer>",
        content,
    )
    assert "Congress Thematic Spokesperson on Roma and Travellers" in content
    assert "15th meeting of CAHROM" in content and "Athens" in content
    assert '<time datetime="2018-05-24T12:00:00+02:00">' in content
    assert "He <strong>stressed</strong> the point." in content


def test_the_french_page_is_in_french_with_a_french_date(client, statement):
    content = page(client, "/fr/news/warmisham-at-cahrom/")

    assert "John Warmisham au CAHROM</h1>" in content
    assert "24 mai 2018" in content
    assert "Athènes" in content and "Porte-parole thématique du Congrès" in content
    assert "Il a <strong>insisté</strong>." in content


def test_a_missing_translation_falls_back_to_english_and_says_so(client, now):
    make_article(slug="english-only", body_en="Only in English.", published_at=now - HOUR)

    content = page(client, "/fr/news/english-only/")

    assert '<div class="prose" lang="en"><p>Only in English.</p></div>' in content
    assert 'class="translation-note"' in content


def test_countries_link_to_their_pages_and_tags_to_the_filtered_list(client, statement):
    content = page(client, "/en/news/warmisham-at-cahrom/")

    assert '<a href="/en/countries/GR/">Greece</a>' in content
    assert '<a href="/en/countries/FR/">France</a>' in content
    assert '<a href="/en/news/?tag=political-participation">Political participation</a>' in content


def test_only_approved_members_are_linked_and_pending_ones_not_shown(client, statement):
    approved = make_member(name="Strasbourg")
    former = make_member(name="Formerton", status=Member.Status.LEFT)
    pending = make_member(name="Pendingville", status=Member.Status.PENDING)
    statement.members.add(approved, former, pending)

    content = page(client, "/en/news/warmisham-at-cahrom/")

    assert f'<a href="{approved.get_absolute_url()}">Strasbourg</a>' in content
    assert "Formerton" in content
    assert former.get_absolute_url() not in content
    assert "Pendingville" not in content


def test_previous_and_next_follow_publication_order_within_published(client, now, statement):
    first = make_article(slug="first", title="First", published_at=now - 3 * HOUR)
    middle = make_article(slug="middle", title="Middle", published_at=now - 2 * HOUR)
    make_article(slug="draft-between", title="Draft between", status="draft")
    make_article(slug="future", title="Future", published_at=now + HOUR)
    last = make_article(slug="last", title="Last", published_at=now - HOUR)

    content = page(client, middle.get_absolute_url())

    assert f'href="{first.get_absolute_url()}">First</a>' in content
    assert f'href="{last.get_absolute_url()}">Last</a>' in content
    assert "Draft between" not in content
    newest = page(client, last.get_absolute_url())
    assert "Next article" not in newest and "Future" not in newest
    assert "Previous article" not in page(client, statement.get_absolute_url())


def test_articles_published_at_the_same_instant_still_chain(client, now):
    same = now - HOUR
    one = make_article(slug="one", title="One", published_at=same)
    two = make_article(slug="two", title="Two", published_at=same)

    assert 'href="/en/news/two/">Two</a>' in page(client, one.get_absolute_url())
    assert 'href="/en/news/one/">One</a>' in page(client, two.get_absolute_url())


def test_share_links_are_plain_encoded_links_without_third_party_code(client, statement):
    content = page(client, "/en/news/warmisham-at-cahrom/")
    url = "http://testserver/en/news/warmisham-at-cahrom/"

    links = dict(
        re.findall(r'<a href="([^"]+)" rel="noopener noreferrer">(Share [^<]+)</a>', content)
    )
    by_text = {text: href.replace("&amp;", "&") for href, text in links.items()}
    facebook = urlsplit(by_text["Share on Facebook"])
    assert facebook.netloc == "www.facebook.com"
    assert parse_qs(facebook.query) == {"u": [url]}
    twitter = urlsplit(by_text["Share on X (Twitter)"])
    assert parse_qs(twitter.query) == {"url": [url], "text": ["John Warmisham at CAHROM"]}
    assert by_text["Share by e-mail"] == (
        "mailto:?subject=John%20Warmisham%20at%20CAHROM"
        "&body=http%3A%2F%2Ftestserver%2Fen%2Fnews%2Fwarmisham-at-cahrom%2F"
    )
    assert "<script" not in content and "<iframe" not in content


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert('body')</script>Text",
        '<img src="x.png" onerror="alert(1)">',
        '<a href="javascript:alert(1)">link</a>',
        "[link](javascript:alert(1))",
        '<p onclick="alert(1)" style="color:red">Hi</p>',
        "<iframe src='https://evil.example'></iframe>",
    ],
)
def test_no_script_in_a_body_reaches_the_page(client, now, body):
    make_article(slug="tricky", body_en=body, body_fr=body, published_at=now - HOUR)

    for language in ["en", "fr"]:
        content = page(client, f"/{language}/news/tricky/")
        prose = content.split('<div class="prose"', 1)[1].split("</div>", 1)[0]
        assert "<script" not in prose
        assert "onerror" not in prose and "onclick" not in prose
        assert "javascript:" not in prose
        assert "<iframe" not in prose and "style=" not in prose


def test_a_tricky_title_and_lead_are_escaped_everywhere(client, now):
    title = '"><script>alert(1)</script>'
    make_article(slug="tricky", title=title, lead=title, quote=title, published_at=now - HOUR)

    content = page(client, "/en/news/tricky/")

    assert "<script>alert(1)" not in content
    assert "&lt;script&gt;alert(1)" in content


def test_meta_tags_describe_the_article(client, statement):
    content = page(client, "/fr/news/warmisham-at-cahrom/")
    url = "http://testserver/fr/news/warmisham-at-cahrom/"

    assert link_href(content, "canonical") == url
    assert meta_content(content, "og:type") == "article"
    assert meta_content(content, "og:title") == "John Warmisham au CAHROM"
    assert meta_content(content, "og:description") == statement.lead_fr
    assert meta_content(content, "og:url") == url
    assert meta_content(content, "og:locale") == "fr_FR"
    assert meta_content(content, "og:locale:alternate") == "en_GB"
    # Without an image of its own, the site's default picture.
    assert meta_content(content, "og:image").endswith("/static/img/og-default.png")
    assert meta_content(content, "article:published_time") == "2018-05-24T12:00:00+02:00"
    assert meta_content(content, "twitter:card") == "summary"
    assert meta_content(content, "twitter:title") == "John Warmisham au CAHROM"
    assert meta_content(content, "description") == statement.lead_fr


def test_hreflang_alternates_point_to_both_languages_without_the_query(client, statement):
    content = page(client, "/en/news/warmisham-at-cahrom/?fbclid=abc")

    assert link_href(content, "alternate", "en") == "http://testserver/en/news/warmisham-at-cahrom/"
    assert link_href(content, "alternate", "fr") == "http://testserver/fr/news/warmisham-at-cahrom/"
    assert link_href(content, "canonical") == "http://testserver/en/news/warmisham-at-cahrom/"


def test_an_image_gives_absolute_open_graph_and_twitter_images(client, now, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), "navy").save(buffer, format="PNG")
    make_article(
        slug="pictured",
        image=SimpleUploadedFile("meeting.png", buffer.getvalue(), content_type="image/png"),
        image_alt="Delegates around a table",
        published_at=now - HOUR,
    )

    content = page(client, "/en/news/pictured/")

    image = meta_content(content, "og:image")
    assert re.fullmatch(r"http://testserver/pictures/news/\d{4}/[\w-]+\.png", image)
    assert meta_content(content, "og:image:alt") == "Delegates around a table"
    assert meta_content(content, "twitter:card") == "summary_large_image"
    assert meta_content(content, "twitter:image") == image
    assert 'alt="Delegates around a table"' in content


def test_an_unknown_slug_is_a_404(client):
    assert client.get("/en/news/no-such-article/").status_code == 404


class TestStaffPreview:
    def test_staff_preview_a_draft_with_a_visible_banner(self, staff_client, draft):
        response = staff_client.get("/en/news/draft/")
        content = response.content.decode()

        assert response.status_code == 200
        assert "Preview: not published" in content
        assert "only staff can see this page" in content
        assert meta_content(content, "robots") == "noindex, nofollow"
        assert "no-cache" in response["Cache-Control"]
        assert "Share on Facebook" not in content

    def test_staff_preview_a_scheduled_article_with_its_date(self, staff_client, scheduled):
        content = staff_client.get("/en/news/scheduled/").content.decode()

        assert "Preview: not published" in content
        assert "the public will see it from" in content

    def test_a_live_article_has_no_preview_banner_even_for_staff(self, staff_client, live):
        content = staff_client.get("/en/news/live/").content.decode()

        assert "Preview: not published" not in content
        assert meta_content(content, "robots") is None

    def test_staff_without_the_view_permission_get_a_404(self, client, draft, django_user_model):
        user = django_user_model.objects.create_user("clerk", is_staff=True)
        client.force_login(user)

        assert client.get("/en/news/draft/").status_code == 404

    def test_users_who_are_not_staff_get_a_404_even_with_the_permission(
        self, client, draft, django_user_model
    ):
        visitor = django_user_model.objects.create_user("visitor")
        visitor.user_permissions.add(Permission.objects.get(codename="view_article"))
        client.force_login(visitor)

        assert client.get("/en/news/draft/").status_code == 404

    def test_editors_see_a_link_to_edit_the_article(self, client, editor, live):
        client.force_login(editor)

        content = client.get("/en/news/live/").content.decode()

        assert f'href="/admin/news/article/{live.pk}/change/"' in content


class TestKeptUntilTheDataChange:
    """A public article, its members, topics and neighbours are read once per data change; what
    staff or a workflow change shows on the next request."""

    @pytest.fixture(autouse=True)
    def kept(self, settings):
        settings.COUNTER_CACHE_SECONDS = 600

    def test_a_second_reading_runs_no_query(self, client, statement, django_assert_num_queries):
        page(client, statement.get_absolute_url())

        with django_assert_num_queries(0):
            content = page(client, statement.get_absolute_url())

        assert "John Warmisham at CAHROM" in content
        assert "Political participation" in content

    def test_an_edit_a_new_neighbour_and_a_withdrawal_show_at_once(self, client, now, statement):
        url = statement.get_absolute_url()
        page(client, url)

        statement.title_en = "John Warmisham speaks at CAHROM"
        statement.save()
        assert "John Warmisham speaks at CAHROM" in page(client, url)

        make_article(slug="newer", title="A newer statement", published_at=now - HOUR)
        assert 'href="/en/news/newer/">A newer statement</a>' in page(client, url)

        statement.status = Article.Status.DRAFT
        statement.save()
        assert client.get(url).status_code == 404

    def test_a_member_renamed_shows_its_new_name(self, client, statement):
        member = make_member(name="Strasbourg")
        statement.members.add(member)
        page(client, statement.get_absolute_url())

        member.display_name_en = "Strasbourg Eurometropolis"
        member.save()

        assert "Strasbourg Eurometropolis" in page(client, statement.get_absolute_url())

    def test_each_language_has_its_own_copy(self, client, statement):
        assert "John Warmisham at CAHROM" in page(client, statement.get_absolute_url())
        assert "John Warmisham au CAHROM" in page(client, "/fr/news/warmisham-at-cahrom/")

import pytest
from django.db import IntegrityError

from news.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_the_body_is_stored_rendered_and_cleaned_in_each_language():
    article = make_article(
        body_en="**Bold** <script>alert(1)</script>",
        body_fr='*Italique* <img src=x onerror="alert(1)">',
    )

    article.refresh_from_db()
    assert article.body_html_en == "<p><strong>Bold</strong> </p>"
    assert article.body_html_fr == "<p><em>Italique</em> </p>"


def test_editing_the_body_renders_it_again():
    article = make_article(body_en="First")
    article.body_en = "Second [link](https://example.org)"
    article.save(update_fields=["body_en"])

    article.refresh_from_db()
    assert article.body_html_en == (
        '<p>Second <a href="https://example.org" rel="noopener noreferrer">link</a></p>'
    )


def test_an_empty_translation_stays_empty_so_english_shows():
    article = make_article(body_en="English only")

    assert article.body_html_fr == ""


def test_publishing_without_a_date_takes_the_current_time():
    article = make_article(status=Article.Status.DRAFT, published_at=None)
    article.status = Article.Status.PUBLISHED
    article.save(update_fields=["status"])

    article.refresh_from_db()
    assert article.published_at is not None
    assert article.is_public


def test_the_database_refuses_a_published_article_without_a_date():
    article = make_article(status=Article.Status.DRAFT, published_at=None)

    with pytest.raises(IntegrityError):
        Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)


def test_slugs_are_made_from_the_title_and_kept_unique():
    first = make_article(title="Roma inclusion in Łódź")
    second = make_article(title="Roma inclusion in Łódź")

    assert first.slug == "roma-inclusion-in-lodz"
    assert second.slug == "roma-inclusion-in-lodz-2"


def test_about_country_matches_whole_codes_only():
    make_article(title="France and Greece", countries=["FR", "GR"])
    make_article(title="Austria and Romania", countries=["AT", "RO"])

    assert [a.title for a in Article.objects.about_country("fr")] == ["France and Greece"]
    assert not Article.objects.about_country("TR").exists()

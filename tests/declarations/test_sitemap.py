import pytest

pytestmark = pytest.mark.django_db


def test_sitemap_lists_the_declaration_and_its_form_in_both_languages(client, declaration):
    content = client.get("/sitemap.xml").content.decode()

    for path in ["/en/declaration/", "/fr/declaration/", "/en/declaration/sign/"]:
        assert f"<loc>http://testserver{path}</loc>" in content


def test_sitemap_leaves_the_declaration_out_until_one_is_current(client):
    content = client.get("/sitemap.xml").content.decode()

    assert "/declaration/" not in content

"""axe-core's WCAG 2.0/2.1/2.2 A and AA rules, plus its heading and landmark rules, on every
public page in English and in French, with the demo content loaded: zero violations."""

import pytest

from .axe import axe_violations, format_violations

PAGES = [
    "home",
    "members:directory",
    "member",
    "members:map",
    "countries",
    "country",
    "members:join",
    "declarations:declaration",
    "declarations:sign",
    "news:list",
    "article",
    "events:list",
    "event",
    "library:list",
    "document",
    "practices:list",
    "practices:filtered",
    "practice",
    "page-about",
    "page-terminology",
    "page-privacy",
    "cooperation:cooperate",
    "contact:contact",
    "search-results",
    "open-data",
    "figures:figures",
    "participants:index",
    "not-found",
]
LANGUAGES = ["en", "fr"]


CASES = [
    pytest.param(name, language, id=f"{language}-{name}")
    for name in PAGES
    for language in LANGUAGES
]


def test_axe_report_names_the_rule_the_element_and_the_fix(page):
    page.set_content(
        '<html lang="en"><title>t</title><body><main><h1>Title</h1>'
        '<a href="/en/members/"><img src="logo.png"></a></main></body></html>'
    )

    report = format_violations(axe_violations(page), "a broken page")

    assert "[critical] image-alt: Images must have alternative text" in report
    assert "[serious] link-name: Links must have discernible text" in report
    assert '- element: img\n    html: <img src="logo.png">' in report
    assert '- element: a\n    html: <a href="/en/members/"><img src="logo.png"></a>' in report
    assert "Element does not have an alt attribute" in report


@pytest.mark.parametrize(("name", "language"), CASES)
def test_page_has_no_accessibility_violations(page, page_events, demo, name, language):
    response = page.goto(demo.path(name, language))
    assert response.status == (404 if name == "not-found" else 200)

    violations = axe_violations(page)

    assert not violations, format_violations(violations, page.url)
    problems = page_events.problems()
    assert not problems, f"{page.url} broke its CSP, failed a script or called another site:\n" + (
        "\n".join(problems)
    )


FORMS = ["members:join", "declarations:sign", "cooperation:cooperate", "contact:contact"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", FORMS)
def test_form_sent_empty_shows_accessible_errors(page, demo, name, language):
    page.goto(demo.path(name, language))
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()

    violations = axe_violations(page)
    assert not violations, format_violations(violations, page.url)
    # Each field marked invalid names its error message, so screen readers read it with the field.
    invalid = page.locator("main [aria-invalid=true]")
    assert invalid.count() > 0
    for field in invalid.all():
        label = field.evaluate("el => el.labels[0]?.textContent.trim() || el.name")
        described_by = field.get_attribute("aria-describedby") or ""
        messages = [
            page.locator(f"[id='{id_}']").inner_text() for id_ in described_by.split() if id_
        ]
        assert any(message.strip() for message in messages), (
            f"the invalid field “{label}” on {page.url} is not tied to its error message "
            "by aria-describedby"
        )

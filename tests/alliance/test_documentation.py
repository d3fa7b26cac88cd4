"""The README and docs/ stay true to the code: every setting is documented, every link leads
somewhere, and the README stays a front door."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))

# os.environ.get("X" …), os.environ["X"], os.getenv("X" …), env_int("X" …), env_bool, env_list…
READ_FROM_ENVIRONMENT = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|\benv_\w+)\(\s*["']([A-Z][A-Z0-9_]*)["']"""
    r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]"""
)
FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]*`")
MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"""\b(?:src|href)=["']([^"']+)["']""")


def environment_settings():
    source = (ROOT / "alliance" / "settings.py").read_text()
    return sorted({a or b for a, b in READ_FROM_ENVIRONMENT.findall(source)})


def heading_anchors(markdown):
    """GitHub's anchors for a file's headings: lower case, punctuation dropped, spaces to -."""
    anchors = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", FENCED_CODE.sub("", markdown), re.M):
        text = re.sub(r"[^\w\- ]", "", heading.replace("`", "").lower())
        anchors.add(text.replace(" ", "-"))
    return anchors


def relative_links(path):
    text = INLINE_CODE.sub("", FENCED_CODE.sub("", path.read_text()))
    for target in MARKDOWN_LINK.findall(text) + HTML_LINK.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
            continue  # https:, mailto:…: not a file of the project
        yield target


def test_the_settings_are_read_in_the_way_this_test_looks_for():
    # Guards the test itself: a new way of reading the environment would hide settings.
    names = environment_settings()
    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS", "EMAIL_BACKEND"} <= set(names)


@pytest.mark.parametrize("name", environment_settings())
def test_every_setting_read_from_the_environment_is_in_the_configuration_reference(name):
    assert f"`{name}`" in (ROOT / "docs" / "configuration.md").read_text(), (
        f"{name} is read from the environment by alliance/settings.py: "
        "add it to docs/configuration.md"
    )


@pytest.mark.parametrize("path", [README, *DOCS], ids=lambda path: path.name)
def test_every_relative_link_leads_to_a_file_that_exists(path):
    broken = []
    for target in relative_links(path):
        file_part, _, anchor = target.partition("#")
        destination = (path.parent / file_part).resolve() if file_part else path
        if not destination.exists() or (
            anchor
            and destination.suffix == ".md"
            and anchor not in heading_anchors(destination.read_text())
        ):
            broken.append(target)
    assert not broken, f"{path.name} links to what is not there: {broken}"


def test_the_docs_link_each_other_from_the_readme():
    linked = {target.partition("#")[0] for target in relative_links(README)}
    assert {f"docs/{path.name}" for path in DOCS} <= linked


def test_the_readme_stays_a_front_door():
    assert len(README.read_text().splitlines()) < 260

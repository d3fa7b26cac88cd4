"""The lock check of `make lint` (scripts/check_lock.py) on small projects of its own."""

import textwrap

from scripts.check_lock import check

PYPROJECT = """
[project]
name = "example"
dependencies = ["django>=6.1,<6.2", "whitenoise[brotli]>=6.9", "pywin32; sys_platform == 'win32'"]

[project.optional-dependencies]
dev = ["pytest>=8.3"]
"""


def pin(name, version):
    return f"{name}=={version} \\\n    --hash=sha256:{'0' * 64}\n    # via example\n"


def project(tmp_path, runtime, dev, pyproject=PYPROJECT):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(pyproject))
    (tmp_path / "requirements.txt").write_text("".join(pin(*p) for p in runtime))
    (tmp_path / "requirements-dev.txt").write_text("".join(pin(*p) for p in runtime + dev))
    return tmp_path


RUNTIME = [("django", "6.1.3"), ("whitenoise", "6.12.0"), ("brotli", "1.2.1")]


def test_a_lock_that_pins_every_requirement_within_its_specifier_passes(tmp_path):
    assert check(project(tmp_path, RUNTIME, [("pytest", "9.0.1")])) == []


def test_a_dependency_added_without_re_locking_is_reported(tmp_path):
    root = project(tmp_path, RUNTIME, [("pytest", "9.0.1")])
    pyproject = PYPROJECT.replace('"pywin32;', '"sentry-sdk>=2.40", "pywin32;')
    (root / "pyproject.toml").write_text(pyproject)

    assert check(root) == [
        "requirements.txt does not pin sentry-sdk>=2.40",
        "requirements-dev.txt does not pin sentry-sdk>=2.40",
    ]


def test_a_dev_requirement_missing_from_the_dev_lock_is_reported(tmp_path):
    assert check(project(tmp_path, RUNTIME, [])) == [
        "requirements-dev.txt does not pin pytest>=8.3"
    ]


def test_a_pin_outside_the_specifier_is_reported(tmp_path):
    runtime = [("Django", "6.2"), *RUNTIME[1:]]

    assert check(project(tmp_path, runtime, [("pytest", "9.0.1")])) == [
        "requirements.txt pins django==6.2, outside django>=6.1,<6.2",
        "requirements-dev.txt pins django==6.2, outside django>=6.1,<6.2",
    ]


def test_a_pin_without_its_hash_is_reported(tmp_path):
    root = project(tmp_path, RUNTIME, [("pytest", "9.0.1")])
    dev_lock = root / "requirements-dev.txt"
    dev_lock.write_text(dev_lock.read_text() + "pytest==9.0.1\n")

    assert check(root) == ["requirements-dev.txt gives no hash for pytest"]


def test_the_two_locks_must_agree_on_the_packages_they_share(tmp_path):
    root = project(tmp_path, RUNTIME, [("pytest", "9.0.1")])
    dev_lock = root / "requirements-dev.txt"
    dev_lock.write_text(dev_lock.read_text().replace("brotli==1.2.1", "brotli==1.1.0"))

    assert check(root) == [
        "requirements.txt pins brotli==1.2.1, requirements-dev.txt brotli==1.1.0"
    ]


def test_a_missing_lock_is_reported(tmp_path):
    root = project(tmp_path, RUNTIME, [("pytest", "9.0.1")])
    (root / "requirements.txt").unlink()

    assert check(root) == ["requirements.txt is missing"]

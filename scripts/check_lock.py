"""Fail when the lock is out of date with pyproject.toml, without the network (make lint).

Every requirement of the project's dependencies must be pinned in requirements.txt, and every
one of those and of the `dev` extra in requirements-dev.txt, each at a version its specifier
allows and with its hashes; the packages both files pin are pinned at the same version, so
tests run what production runs. `make lock` renews both files.
"""

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def read_lock(path):
    """{name: (version, number of hashes)} of a file written by pip-compile --generate-hashes."""
    text = path.read_text().replace("\\\n", " ")
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        requirement, *options = line.split()
        name, separator, version = requirement.partition("==")
        if not separator:
            raise ValueError(f"{path.name}: not an exact pin: {requirement}")
        name = canonicalize_name(name.split("[", 1)[0])
        hashes = sum(option.startswith("--hash=") for option in options)
        pins[name] = (Version(version.split(";", 1)[0].strip()), hashes)
    return pins


def problems_of(requirements, path):
    """What is wrong with the lock at `path` for these requirements (strings), if anything."""
    if not path.exists():
        return [f"{path.name} is missing"]
    pins = read_lock(path)
    problems = []
    for text in requirements:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{path.name} does not pin {text}")
            continue
        version, hashes = pins[name]
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{path.name} pins {name}=={version}, outside {text}")
        if not hashes:
            problems.append(f"{path.name} gives no hash for {name}")
    return problems


def check(root=ROOT):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    runtime = project.get("dependencies", [])
    dev = project.get("optional-dependencies", {}).get("dev", [])
    problems = problems_of(runtime, root / "requirements.txt")
    problems += problems_of(runtime + dev, root / "requirements-dev.txt")
    if not problems:
        deployed = read_lock(root / "requirements.txt")
        developed = read_lock(root / "requirements-dev.txt")
        for name, (version, _hashes) in sorted(deployed.items()):
            if name in developed and developed[name][0] != version:
                problems.append(
                    f"requirements.txt pins {name}=={version}, "
                    f"requirements-dev.txt {name}=={developed[name][0]}"
                )
    return problems


def main():
    problems = check()
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print("The lock is out of date with pyproject.toml: run `make lock`.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The nginx site of the Alliance portal: alliance.conf.template with the values of an env file.

    python3 deploy/nginx/render.py /etc/alliance/nginx.env > /etc/nginx/sites-available/alliance.conf

Only the template's ${UPPER_CASE} names are replaced, never nginx's own variables ($host,
$uri…); a name the env file does not give is an error. Standard library only, so Debian's
python3 runs it without the project's virtualenv.
"""

import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("alliance.conf.template")
NAME = re.compile(r"\$\{([A-Z][A-Z0-9_]*)\}")


def read_values(path):
    """{NAME: value} from `path`'s NAME=value lines; blank lines and # comments skipped."""
    values = {}
    for number, line in enumerate(Path(path).read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, equals, value = line.partition("=")
        if not equals or not NAME.fullmatch("${" + name.strip() + "}"):
            raise ValueError(f"{path}, line {number}: expected NAME=value, found {line!r}")
        values[name.strip()] = value.strip()
    return values


def render(values, template=TEMPLATE):
    """The template's text with each ${NAME} replaced by values[NAME]."""
    text = Path(template).read_text()
    missing = sorted({name for name in NAME.findall(text) if name not in values})
    if missing:
        raise KeyError(f"no value for {', '.join(missing)}")
    return NAME.sub(lambda match: values[match.group(1)], text)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(f"usage: {sys.argv[0]} VALUES.env > alliance.conf")
    sys.stdout.write(render(read_values(sys.argv[1])))

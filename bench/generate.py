"""Fill the database named by the environment (DATABASE_URL) with the benchmark's data, by hand:

    .venv/bin/python -m bench.generate --members 200 --signatures 1000 --clear

`make bench` does it itself (bench/run.py), in a database of its own; bench/data.py makes the
rows.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate",
        description="Generate members, signatures, articles, events, documents and practices "
        "at scale for the benchmark, with bulk inserts.",
    )
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--signatures", type=int, default=50_000)
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--events", type=int, default=2_000)
    parser.add_argument("--documents", type=int, default=5_000)
    parser.add_argument("--practices", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")
    parser.add_argument(
        "--clear",
        action="store_true",
        help="Delete every member, signature, article, event, document, practice and tag first.",
    )
    options = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    import django

    django.setup()
    from bench.data import generate

    try:
        generate(**vars(options))
    except ValueError as error:
        parser.error(str(error))


if __name__ == "__main__":
    main()

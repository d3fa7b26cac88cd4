"""The floor of a file's bytes: a bare WSGI application that sends one file, nothing else.

Run by gunicorn as the site is (same workers, same `sendfile`), it answers each path named in
BENCH_BYTES_FLOOR_FILES (JSON: {path: file}) with that file, gzipped as it is on disk, with no
Django, database or cache. The benchmark compares the data files built ahead with it: what a
data file costs beyond its bytes (`/robots.txt`, the other floor, has none to send).
"""

import json
import os

FILES = json.loads(os.environ.get("BENCH_BYTES_FLOOR_FILES") or "{}")


def application(environ, start_response):
    name = FILES.get(environ["PATH_INFO"])
    if name is None:
        start_response("404 Not Found", [("Content-Length", "0")])
        return []
    handle = open(name, "rb")  # noqa: SIM115 - closed by gunicorn once sent
    start_response(
        "200 OK",
        [
            ("Content-Type", "application/octet-stream"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(os.fstat(handle.fileno()).st_size)),
        ],
    )
    return environ["wsgi.file_wrapper"](handle)

"""gunicorn servers and the HAProxy in front of them, started and always stopped again.

Used by bench/run.py (one server, then two behind HAProxy) and by the two-server test
(tests/alliance/test_two_servers.py).
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HAPROXY_CONFIG = ROOT / "bench" / "haproxy.cfg"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def gunicorn(env, workers=2, port=None, app="alliance.wsgi", health="/health/", threads=1):
    """The site as production runs it, on its own port; yields its base URL and process.
    `threads` above 1 gives each worker as many threads (gunicorn's gthread workers)."""
    port = port or free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        app,
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--threads",
        str(threads),
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process, path=health)
        yield base, process
    finally:
        stop(process)


@contextlib.contextmanager
def haproxy(*backends):
    """HAProxy (bench/haproxy.cfg) balancing over two base URLs; yields its own base URL."""
    if shutil.which("haproxy") is None:
        raise RuntimeError("haproxy is not installed (Debian: apt-get install haproxy)")
    port = free_port()
    one, two = (base.removeprefix("http://") for base in backends)
    env = {**os.environ, "LISTEN_PORT": str(port), "SERVER_1": one, "SERVER_2": two}
    process = subprocess.Popen(
        ["haproxy", "-db", "-f", str(HAPROXY_CONFIG)], env=env, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base, process)
        yield base
    finally:
        stop(process)


def wait_until_healthy(base, process, timeout=90, path="/health/"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with status {process.returncode}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(base + path, timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{base} did not answer {path} in time")


def resident_memory_mb(process):
    """{pid: resident memory in MB} of a gunicorn's workers (its children), from /proc."""
    found = {}
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        for pid in children:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    found[int(pid)] = int(line.split()[1]) / 1024
    return found

"""gunicorn servers and the HAProxy or nginx in front of them, started and always stopped again.

Used by bench/run.py (one server, then two behind HAProxy), by the two-server test
(tests/alliance/test_two_servers.py) and by the test of the production nginx configuration
(tests/deploy/test_nginx.py).
"""

import contextlib
import importlib.util
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
NGINX_SITE_RENDERER = ROOT / "deploy" / "nginx" / "render.py"
NGINX_SITE_VALUES = ROOT / "deploy" / "nginx" / "alliance.env"
# What Debian's /etc/nginx/nginx.conf puts around a site (its modules, gzip on, every TLS
# version at the http level), with this run's own pid, logs and temporary files.
NGINX_MAIN_CONFIG = """\
{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
include /etc/nginx/modules-enabled/*.conf;
events {{
    worker_connections 64;
}}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers on;
    access_log {folder}/access.log;
    gzip on;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/site.conf;
}}
"""


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


def nginx_command():
    """Debian's nginx, also when /usr/sbin is not on the PATH; None when it is not installed."""
    found = shutil.which("nginx")
    if found is None and os.access("/usr/sbin/nginx", os.X_OK):
        found = "/usr/sbin/nginx"
    return found


def _nginx_site_renderer():
    spec = importlib.util.spec_from_file_location("alliance_nginx_render", NGINX_SITE_RENDERER)
    renderer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(renderer)
    return renderer


def nginx_site_values():
    """Production's values for the nginx site (deploy/nginx/alliance.env)."""
    return _nginx_site_renderer().read_values(NGINX_SITE_VALUES)


def render_nginx_site(values):
    """deploy/nginx/alliance.conf.template with `values`, as deploy/nginx/render.py writes it."""
    return _nginx_site_renderer().render(values)


@contextlib.contextmanager
def nginx(site, folder, port, timeout=30):
    """nginx serving the site configuration `site` (text) inside Debian's main configuration,
    with everything of its own in `folder`; yields its process once 127.0.0.1:`port` answers."""
    command = nginx_command()
    if command is None:
        raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.conf").write_text(site)
    # Debian's modules-enabled/*.conf load "modules/…", relative to the prefix.
    modules = folder / "modules"
    if not modules.exists():
        modules.symlink_to("/usr/lib/nginx/modules")
    # As root, nginx's workers would run as nobody, who may not read a test's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = folder / "nginx.conf"
    main.write_text(NGINX_MAIN_CONFIG.format(folder=folder, user=user))
    arguments = ["-p", f"{folder}/", "-c", str(main), "-e", str(folder / "error.log")]
    process = subprocess.Popen(
        [command, *arguments, "-g", "daemon off;"],
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                log = folder / "error.log"
                raise RuntimeError(
                    f"nginx exited with status {process.returncode}:\n"
                    + (log.read_text() if log.exists() else "")
                )
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"nginx did not listen on port {port} in time")
            time.sleep(0.2)
        yield process
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

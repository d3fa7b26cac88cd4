"""`make bench-peer` (bench/peer/): what it reads from wrk, how it orders the sites, the ratios
and the report it writes. Setting up the peer itself needs its source and is not run here."""

import pytest

from bench.peer import report
from bench.peer.run import peer_requirements
from bench.run import Load

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:8123/en/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   402.11ms   60.25ms 711.00ms   81.00%
  400 requests in 10.01s, 1.60MB read
Requests/sec:     39.96
BENCH requests=400 duration=10010000 connect=0 read=1 write=0 status=2 timeout=3 p50=398000 p95=520500
"""


def load(rate, errors=0, p50=10.0, p95=20.0):
    return Load(requests=int(rate * 10), seconds=10.0, errors=errors, p50_ms=p50, p95_ms=p95)


def a_run(**rates):
    """{kind: {"ours": Load, "peer": Load}} from kind=(our rate, the peer's rate)."""
    return {kind: {"ours": load(ours), "peer": load(peer)} for kind, (ours, peer) in rates.items()}


RATES = {"list": (300, 100), "item": (150, 100), "home": (90, 100), "feed": (60, 100)}


def test_wrk_s_report_line_gives_requests_duration_errors_and_latencies_in_ms():
    found = report.parse_wrk(WRK_OUTPUT)

    assert found.requests == 400
    assert found.seconds == pytest.approx(10.01)
    assert found.rate == pytest.approx(39.96, abs=0.01)
    assert found.errors == 6
    assert (found.p50_ms, found.p95_ms) == (398.0, 520.5)


def test_wrk_output_without_the_reporter_s_line_is_an_error():
    with pytest.raises(ValueError, match="BENCH"):
        report.parse_wrk("Running 10s test @ http://127.0.0.1:8123/\nRequests/sec: 39.96\n")


def test_wrk_is_run_with_two_threads_sixteen_connections_gzip_and_the_peer_s_host():
    command = report.wrk_command("http://127.0.0.1:9/weblog/", 10, host="www.example.localhost")

    assert command[0] == "wrk"
    assert command[command.index("--threads") + 1] == "2"
    assert command[command.index("--connections") + 1] == "16"
    assert command[command.index("--duration") + 1] == "10s"
    assert "Host: www.example.localhost" in command
    assert "Accept-Encoding: gzip" in command
    assert command[-1] == "http://127.0.0.1:9/weblog/"
    assert not any(part.startswith("Host:") for part in report.wrk_command("http://x/", 3))


def test_the_sites_alternate_between_pairs_and_between_runs():
    first_run = [report.order(0, pair) for pair in range(4)]
    second_run = [report.order(1, pair) for pair in range(4)]

    assert first_run == [("ours", "peer"), ("peer", "ours"), ("ours", "peer"), ("peer", "ours")]
    assert second_run == [order[::-1] for order in first_run]


def test_the_ratio_is_ours_divided_by_the_peer_s_requests_per_second():
    assert report.ratio(load(150), load(100)) == pytest.approx(1.5)
    assert report.ratio(load(100), load(0)) is None
    assert report.worker_ms(load(100)) == pytest.approx(20.0)


def test_the_summary_gives_each_pair_s_ratio_per_run_in_bold_under_the_target():
    lines = report.summary_table([a_run(**RATES), a_run(**{**RATES, "home": (200, 100)})])

    assert lines[0] == "| pair | run 1 | run 2 |"
    assert "| news list ↔ weblog | 3.00 | 3.00 |" in lines
    assert "| article ↔ weblog entry | 1.50 | 1.50 |" in lines
    assert "| home ↔ home | **0.90** | 2.00 |" in lines
    assert "| news feed ↔ weblog RSS | **0.60** | **0.60** |" in lines


def test_a_run_s_table_shows_both_pages_of_each_pair_with_queries_bytes_and_latencies():
    paths = {
        "ours": {"list": "/en/news/", "item": "/en/news/a/", "home": "/en/", "feed": "/en/feed/"},
        "peer": {"list": "/weblog/", "item": "/weblog/e/", "home": "/", "feed": "/rss/weblog/"},
    }
    fact = {"queries": 3, "size": 20480, "gzip_size": 4096, "gzipped": True, "server_ms": 12.34}
    plain = {"queries": 1, "size": 10240, "gzip_size": 10240, "gzipped": False, "server_ms": 9}
    facts = {
        "ours": dict.fromkeys(paths["ours"], fact),
        "peer": dict.fromkeys(paths["peer"], plain),
    }

    lines = report.run_table(a_run(**RATES), paths, facts)

    assert len(lines) == 2 + 2 * 4
    assert lines[6] == (
        "| home ↔ home | ours | `/en/` | 3 | 20.0 | 4.0 gzip | 12.3 | 90 | 22.2 | 10.0 | 20.0 | 0 "
        "| 0.90 |"
    )
    assert lines[7] == (
        "|  | peer | `/` | 1 | 10.0 | 10.0 plain | 9.0 | 100 | 20.0 | 10.0 | 20.0 | 0 |  |"
    )


def test_the_misses_name_each_pair_under_the_target_and_errors_under_load():
    runs = [a_run(**RATES), a_run(**{**RATES, "list": (100, 100)})]
    runs[1]["item"]["peer"] = load(100, errors=4)

    found = report.misses(runs)

    assert found == [
        "- news list ↔ weblog: 1.00 (target 1.5×)",
        "- article ↔ weblog entry: 4 errors under load",
        "- home ↔ home: 0.90, 0.90 (target 1.5×)",
        "- news feed ↔ weblog RSS: 0.60, 0.60 (target 1.5×)",
    ]


def test_the_measured_section_is_replaced_and_the_hand_written_text_around_it_kept():
    text = (
        "# Side by side\n\nWritten by hand.\n\n"
        f"{report.START}\nold figures\n{report.END}\n\n## Profiles before\n\nBy hand too.\n"
    )

    found = report.replace_section(text, "new figures\n")

    assert found == (
        "# Side by side\n\nWritten by hand.\n\n"
        f"{report.START}\nnew figures\n{report.END}\n\n## Profiles before\n\nBy hand too.\n"
    )
    assert report.replace_section(found, "newer") == found.replace("new figures", "newer")


def test_a_report_without_the_markers_gets_the_section_at_its_end():
    assert report.replace_section("# Title\n", "figures") == (
        f"# Title\n\n{report.START}\nfigures\n{report.END}\n"
    )
    assert report.replace_section("", "figures") == f"{report.START}\nfigures\n{report.END}\n"


def test_the_peer_s_requirements_leave_out_django_push_and_take_psycopg_s_binary_wheel():
    text = (
        "# This file was autogenerated by uv\n"
        "django==6.1\n"
        "    # via djangoproject-com\n"
        "django-push @ git+https://github.com/brutasse/django-push.git@22fda99\n"
        "psycopg-c==3.3.4 ; implementation_name != 'pypy'\n"
        "tzdata==2026.3 ; sys_platform == 'win32'\n"
    )

    assert peer_requirements(text) == (
        "django==6.1\n"
        "psycopg-binary==3.3.4 ; implementation_name != 'pypy'\n"
        "tzdata==2026.3 ; sys_platform == 'win32'\n"
    )


def test_the_profile_counts_each_function_s_own_time_in_its_subsystem_once():
    from bench.peer import profiles

    ours = str(profiles.ROOT / "news" / "feeds.py")
    site = "/venv/lib/python3.13/site-packages"
    execute = ("~", 0, "<method 'execute' of 'psycopg2.extensions.cursor' objects>")
    render = (f"{site}/django/template/base.py", 1106, "render")
    compiler = (f"{site}/django/db/models/sql/compiler.py", 775, "as_sql")
    items = (ours, 30, "items")
    stats = type("Stats", (), {})()
    stats.stats = {
        execute: (2, 2, 0.010, 0.010, {}),
        render: (5, 5, 0.004, 0.020, {}),
        compiler: (2, 2, 0.004, 0.004, {}),
        items: (1, 1, 0.002, 0.016, {}),
    }

    found = {label: (ms, share) for label, ms, share in profiles.by_subsystem(stats, requests=2)}

    assert profiles.subsystem(execute) == "SQL sent and read (backend, psycopg)"
    assert profiles.subsystem(render) == "template rendering"
    assert profiles.subsystem(items) == "our code"
    assert found["SQL sent and read (backend, psycopg)"] == (pytest.approx(5.0), 0.5)
    assert found["template rendering"] == (pytest.approx(2.0), 0.2)
    assert found["ORM: queries built, rows turned into objects"][0] == pytest.approx(2.0)
    assert found["our code"][0] == pytest.approx(1.0)
    assert sum(share for _ms, share in found.values()) == pytest.approx(1.0)

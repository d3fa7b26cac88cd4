"""The pure parts of `make bench-peer` (bench/peer/run.py): wrk's command and its report, the
order of the sites, the ratios and the Markdown written into bench/peer.md."""

import re
from pathlib import Path

from bench.run import Load

ROOT = Path(__file__).resolve().parent.parent.parent
REPORTER = ROOT / "bench" / "report.lua"
WORKERS = 2
TARGET = 1.5

# Each kind of page, as the issue names its pair: ours first, the peer's second.
PAIRS = {
    "list": "news list ↔ weblog",
    "item": "article ↔ weblog entry",
    "home": "home ↔ home",
    "feed": "news feed ↔ weblog RSS",
}
SITES = ("ours", "peer")


def markers(name):
    """The comments around a written section of bench/peer.md (hidden when rendered)."""
    return f"<!-- bench-peer: {name} -->", f"<!-- /bench-peer: {name} -->"


START, END = markers("measured")


def wrk_command(url, duration, connections=16, host=None):
    """wrk as the issue runs it (`-t2 -c16`), gzip accepted as by browsers, with the bench's
    one-line reporter (bench/report.lua)."""
    return [
        "wrk",
        "--threads",
        "2",
        "--connections",
        str(connections),
        "--duration",
        f"{duration}s",
        "--timeout",
        "10s",
        "--header",
        "Accept-Encoding: gzip",
        *(["--header", f"Host: {host}"] if host else []),
        "--script",
        str(REPORTER),
        url,
    ]


def parse_wrk(output):
    """The Load in wrk's output: the `BENCH …` line of bench/report.lua (latencies in µs)."""
    line = next((line for line in output.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise ValueError("wrk's output has no BENCH line (was bench/report.lua its script?)")
    values = {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line)}
    errors = sum(values[name] for name in ("connect", "read", "write", "status", "timeout"))
    return Load(
        requests=values["requests"],
        seconds=values["duration"] / 1e6,
        errors=errors,
        p50_ms=values["p50"] / 1000,
        p95_ms=values["p95"] / 1000,
    )


def order(run, pair):
    """The sites in the order they are loaded: ours first in one pair, the peer first in the
    next, and the other way round in the next run, so neither always follows the other."""
    return SITES if (run + pair) % 2 == 0 else SITES[::-1]


def ratio(ours, theirs):
    """Our requests per second divided by the peer's (None when the peer served none)."""
    return ours.rate / theirs.rate if theirs.rate else None


def worker_ms(load, workers=WORKERS):
    """Milliseconds of a worker's time per request: all workers busy for the whole run."""
    return workers * 1000 / load.rate if load.rate else None


def _number(value, digits=0):
    return "–" if value is None else f"{value:,.{digits}f}"


def summary_table(runs):
    """The ratios of every pair in every run, as the issue gives them. `runs`: one
    {kind: {"ours": Load, "peer": Load}} per run."""
    lines = [
        "| pair | " + " | ".join(f"run {n}" for n in range(1, len(runs) + 1)) + " |",
        "|---|" + "---:|" * len(runs),
    ]
    for kind, label in PAIRS.items():
        cells = []
        for found in runs:
            value = ratio(found[kind]["ours"], found[kind]["peer"])
            cell = _number(value, 2)
            cells.append(f"**{cell}**" if value is not None and value < TARGET else cell)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def run_table(found, paths, facts):
    """One run's figures: each pair's two pages side by side. `paths` and `facts` ({"ours":
    {kind: ...}, "peer": {kind: ...}}) name each page and give its queries and bytes."""
    lines = [
        "| pair | site | page | queries | KB | KB sent | in-process ms | req/s | worker ms "
        "| p50 ms | p95 ms | errors | ours ÷ peer |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, label in PAIRS.items():
        value = ratio(found[kind]["ours"], found[kind]["peer"])
        for site in SITES:
            load = found[kind][site]
            fact = facts[site][kind]
            lines.append(
                f"| {label if site == 'ours' else ''} | {site} | `{paths[site][kind]}` "
                f"| {fact['queries']} | {fact['size'] / 1024:.1f} "
                f"| {fact['gzip_size'] / 1024:.1f}{' gzip' if fact.get('gzipped') else ' plain'} "
                f"| {_number(fact.get('server_ms'), 1)} "
                f"| {_number(load.rate)} | {_number(worker_ms(load), 1)} | {load.p50_ms:.1f} "
                f"| {load.p95_ms:.1f} | {load.errors} "
                f"| {_number(value, 2) if site == 'ours' else ''} |"
            )
    return lines


def misses(runs):
    """The pairs below the target in some run, and the runs with errors."""
    found = []
    for kind, label in PAIRS.items():
        values = [ratio(run[kind]["ours"], run[kind]["peer"]) for run in runs]
        low = [f"{value:.2f}" for value in values if value is not None and value < TARGET]
        if low:
            found.append(f"- {label}: {', '.join(low)} (target {TARGET}×)")
        errors = sum(run[kind][site].errors for run in runs for site in SITES)
        if errors:
            found.append(f"- {label}: {errors} errors under load")
    return found


def replace_section(text, body, name="measured"):
    """`text` with what stands between the markers of section `name` replaced by `body`; the
    markers and `body` added at the end when the text has none. The rest (notes written by
    hand, other sections) stays as it is."""
    opening, closing = markers(name)
    block = f"{opening}\n{body.strip()}\n{closing}"
    start, end = text.find(opening), text.find(closing)
    if start == -1 or end == -1 or end < start:
        return (text.rstrip() + "\n\n" if text.strip() else "") + block + "\n"
    return text[:start] + block + text[end + len(closing) :]

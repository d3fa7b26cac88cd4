"""Audit the production lock (requirements.txt) for known vulnerabilities (make lint).

pip-audit asks PyPI's JSON API about each locked version and fails on a known vulnerability,
except those accepted in audit-exceptions.txt (one id a line, then the reason). A PyPI that
cannot be reached, or does not answer in time, leaves the audit undone with a warning rather
than failing the build: the network is not ours to fix.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXCEPTIONS = ROOT / "audit-exceptions.txt"
TIMEOUT = 300  # seconds for the whole audit; pip-audit's own --timeout is per request
UNREACHABLE = ("ConnectionError", "ConnectTimeout", "ReadTimeout", "ProxyError", "SSLError")


def accepted(path=EXCEPTIONS):
    """The vulnerability ids of the exceptions file; each must come with its reason."""
    ids = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        vulnerability, _, reason = line.partition(" ")
        if not reason.strip():
            raise SystemExit(f"{path.name}, line {number}: give the reason after {vulnerability}")
        ids.append(vulnerability)
    return ids


def main():
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--disable-pip",
        "--require-hashes",
        "--requirement",
        str(ROOT / "requirements.txt"),
        "--progress-spinner",
        "off",
        "--timeout",
        "20",
        "--format",
        "json",
    ]
    for vulnerability in accepted():
        command += ["--ignore-vuln", vulnerability]
    try:
        audit = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        print(f"warning: the audit did not finish in {TIMEOUT} s: NOT AUDITED", file=sys.stderr)
        return 0
    try:
        report = json.loads(audit.stdout)
    except json.JSONDecodeError:
        if any(error in audit.stderr for error in UNREACHABLE):
            last = audit.stderr.strip().splitlines()[-1]
            print(f"warning: PyPI could not be reached: NOT AUDITED ({last})", file=sys.stderr)
            return 0
        print(audit.stderr, file=sys.stderr)
        return audit.returncode or 1
    dependencies = report["dependencies"]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if "skip_reason" in d]
    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            fixed = ", ".join(vulnerability["fix_versions"]) or "none yet"
            print(
                f"{dependency['name']}=={dependency['version']}: {vulnerability['id']} "
                f"(fixed in {fixed}) {vulnerability.get('description', '')[:200]}",
                file=sys.stderr,
            )
    audited = len(dependencies) - len(skipped)
    summary = f"{audited} of {len(dependencies)} locked packages audited"
    if skipped:
        summary += f" ({len(skipped)} NOT AUDITED: PyPI's JSON API did not know them)"
    print(f"pip-audit: {summary}, {len(vulnerable)} with a known vulnerability")
    if vulnerable:
        print(
            "Upgrade them (make lock UPGRADE=1), or accept a vulnerability with its reason "
            "in audit-exceptions.txt.",
            file=sys.stderr,
        )
        return 1
    return audit.returncode


if __name__ == "__main__":
    sys.exit(main())

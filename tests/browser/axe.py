"""Run axe-core (vendored in vendor/axe.min.js) in a page and describe what it finds.

axe_violations(page) returns the WCAG 2.0/2.1/2.2 A and AA violations of the page as loaded,
plus those of the structure rules below;
format_violations() turns them into a message that says which element to fix and how.
"""

import textwrap
from functools import cache
from pathlib import Path

AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe files these under "best-practice", yet screen-reader users navigate by headings and
# landmarks (WCAG 1.3.1, 2.4.1, 2.4.6), so they are held to the same zero.
STRUCTURE_RULES = [
    "heading-order",
    "empty-heading",
    "page-has-heading-one",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "region",
    "skip-link",
]


@cache
def axe_source():
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page):
    """The violations axe-core reports on the page, as axe's own result dictionaries."""
    # page.evaluate() runs the source through the DevTools protocol, which the page's strict
    # CSP does not govern (add_script_tag would insert an inline <script> the CSP refuses).
    # So the page is checked exactly as served, with its CSP on, and the site never serves axe.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "rules": {rule: {"enabled": True} for rule in STRUCTURE_RULES},
        "resultTypes": ["violations"],
    }
    results = page.evaluate("options => axe.run(document, options)", options)
    return results["violations"]


def format_violations(violations, where=""):
    """A readable report: per rule its impact, help and link, then each element and its fix."""
    if not violations:
        return "no accessibility violations"
    count = sum(len(violation["nodes"]) for violation in violations)
    lines = [f"{count} accessibility violation(s) on {where or 'the page'}:"]
    for violation in violations:
        lines.append(
            f"\n[{violation['impact']}] {violation['id']}: {violation['help']}\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " >> ".join(
                " ".join(part) if isinstance(part, list) else part for part in node["target"]
            )
            snippet = textwrap.shorten(node["html"], 200, placeholder=" …")
            summary = node.get("failureSummary") or ""
            lines.append(f"  - element: {target}\n    html: {snippet}")
            lines.extend(f"    {line.strip()}" for line in summary.splitlines() if line.strip())
    return "\n".join(lines)

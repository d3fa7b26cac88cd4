"""The benchmark's reports (bench/run.py): both scales compare the same two runs, whichever
ran last."""

from bench import run


def record(scale, p95):
    return {"scale": scale, "pages": {"home": {"url": "/en/", "queries": 3, "p95_ms": p95}}}


def test_a_run_at_one_scale_rewrites_the_comparison_in_the_other_scale_s_report(tmp_path):
    report = tmp_path / "results.md"
    report.write_text(
        "# Benchmark results\n\n| URL | req/s |\n\n"
        "## Flat with size: scale 1 and 10\n\n| home | 46 | 168 | 3.65 | 3 | 3 |\n\n"
        "## Notes\n\nWritten by hand.\n"
    )

    run.refresh_flat_section(report, record(1, 46), record(10, 50))

    text = report.read_text()
    assert "| home | 46 | 50 | 1.09 | 3 | 3 |" in text
    assert "168" not in text
    assert "Every page stays flat." in text
    assert text.startswith("# Benchmark results\n\n| URL | req/s |")
    assert text.endswith("## Notes\n\nWritten by hand.\n")


def test_a_report_without_a_comparison_or_not_yet_written_is_left_as_it_is(tmp_path):
    report = tmp_path / "results.md"
    report.write_text("# Benchmark results\n")

    run.refresh_flat_section(report, record(1, 46), record(10, 50))
    run.refresh_flat_section(tmp_path / "missing.md", record(1, 46), record(10, 50))

    assert report.read_text() == "# Benchmark results\n"
    assert not (tmp_path / "missing.md").exists()

import csv
import io
from html.parser import HTMLParser

import pytest


class ChartTables(HTMLParser):
    """{figure id: [[cell, …], …]}: the rows of each chart's table (header row excluded)."""

    def __init__(self):
        super().__init__()
        self.tables, self.figure, self.in_body, self.row, self.cell = {}, None, False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure":
            self.figure = attrs.get("id")
            self.tables[self.figure] = []
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.row = []
        elif tag in ("th", "td") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif tag in ("th", "td") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.figure].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def chart_tables(html):
    parser = ChartTables()
    parser.feed(html)
    return parser.tables


def csv_rows(client, path):
    response = client.get(path)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def page_cache_on(settings):
    """The page cache and the counters on, as in production (per-process cache)."""
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_MAX_AGE = 60
    settings.COUNTER_CACHE_SECONDS = 60
    return settings

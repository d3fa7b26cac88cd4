"""Demo content of the site pages (the real texts, see alliance/content.py)."""

from .content import ensure_pages
from .models import Page


def load():
    ensure_pages(Page)
    return {"pages": Page.objects.count()}

"""The admin's home page: today's work first, then the latest decisions, then the models, with
the technical and security sections last.

Each app declares in its `AppConfig.ready()` the work waiting in it (`register_work`) and the
models whose history records its decisions (`register_decisions`); the core knows no app. Each member of
staff sees only the counts they have the permission to act on.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

# Sections of the admin that are about running the site rather than the Alliance's work.
TECHNICAL_APPS = {"auth", "axes", "background", "django_tasks_db", "django_rq", "sites"}
DECISIONS_SHOWN = 10


@dataclass(frozen=True)
class Work:
    label: Any
    url_name: str
    query: str
    count: Any  # a callable giving the number of rows waiting
    permission: str

    def for_user(self, user):
        if not user.has_perm(self.permission):
            return None
        url = reverse(self.url_name) + (f"?{self.query}" if self.query else "")
        return {"label": self.label, "url": url, "count": self.count()}


_work = []
_decisions = {}  # {model: {reason recorded in its history: how the home names the decision}}


def register_work(label, url_name, count, permission, query=""):
    """Show `count()` on the admin's home, linking to the list filtered by `query`."""
    _work.append(Work(label, url_name, query, count, permission))


def register_decisions(model, kinds):
    """List the decisions recorded on `model`: its history records whose reason is one of
    `kinds`, {reason: what the home calls it ("Join request approved")}. Other changes (a
    signatory's confirmation, a contact person's request) are not staff decisions."""
    _decisions[model] = kinds


def work_for(user):
    return [item for item in (work.for_user(user) for work in _work) if item is not None]


def name_of(user):
    """Who decided, by name: the account's full name, else its username; no one for the site."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def latest_decisions(user):
    """The latest recorded decisions on the models this user may see, newest first."""
    records = []
    for model, kinds in _decisions.items():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        history = (
            model.history.filter(history_change_reason__in=list(kinds))
            .select_related("history_user")
            .order_by("-history_date")[:DECISIONS_SHOWN]
        )
        records += [
            {
                "when": record.history_date,
                "who": name_of(record.history_user),
                "what": kinds[record.history_change_reason],
                "record": str(record.instance),
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change",
                    args=[record.instance.pk],
                ),
            }
            for record in history
        ]
    return sorted(records, key=lambda row: row["when"], reverse=True)[:DECISIONS_SHOWN]


class AllianceAdminSite(admin.AdminSite):
    site_header = _(
        "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
    )
    site_title = _("Alliance staff")
    index_title = _("Today’s work")
    index_template = "admin/alliance_index.html"

    def admin_view(self, view, cacheable=False):
        # django-simple-history saves a version's page posted back even with reverting off
        # (SIMPLE_HISTORY_REVERT_DISABLED only hides its button), and for staff who may only
        # view: a past version is for reading, and changes go through the record's own page.
        if getattr(view, "__name__", "") == "history_form_view":
            view = require_safe(view)
        return super().admin_view(view, cacheable)

    def index(self, request, extra_context=None):
        app_list = self.get_app_list(request)
        context = {
            "work": work_for(request.user),
            "decisions": latest_decisions(request.user),
            "work_apps": [app for app in app_list if app["app_label"] not in TECHNICAL_APPS],
            "technical_apps": [app for app in app_list if app["app_label"] in TECHNICAL_APPS],
            **(extra_context or {}),
        }
        return super().index(request, context)

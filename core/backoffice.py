"""The admin's home page: today's work first, then the latest decisions, then the sections in
the order of staff's work (`WORK_SECTIONS`), with the technical and security ones last
(`TECHNICAL_SECTIONS`), as in the side menu.

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

# The admin's sections (apps) in the order of staff's work, each with its models in the order
# staff use them: the queues of decisions first, then what staff write, then the settings of the
# public pages. A section missing here comes after these, in Django's alphabetical order.
WORK_SECTIONS = {
    "members": ["member"],
    "declarations": ["signature", "declaration"],
    "contact": ["contactmessage", "secretariatcontact"],
    "cooperation": ["proposal"],
    "participants": ["profilechangerequest", "contactperson"],
    "peers": ["message"],
    "subscriptions": ["subscription"],
    "events": ["event", "registration", "participantmessage"],
    "news": ["article", "tag"],
    "practices": ["practice", "theme"],
    "library": ["document"],
    "alliance": ["page"],
}
# The sections about running the site rather than the Alliance's work: last, under one heading.
TECHNICAL_SECTIONS = {
    "background": ["outgoingemail", "scheduledjob"],
    "django_tasks_database": ["dbtaskresult"],
    "django_rq": [],
    "axes": ["accessattempt", "accessfailurelog", "accesslog"],
    "auth": ["user", "group"],
    "sites": [],
}
# Libraries' sections named in staff's words.
SECTION_NAMES = {"axes": _("Login attempts"), "django_tasks_database": _("Tasks")}
DECISIONS_SHOWN = 10


def _place(app_label):
    """Where a section goes: the work's declared ones, then the undeclared, then the technical."""
    if app_label in WORK_SECTIONS:
        return (0, list(WORK_SECTIONS).index(app_label))
    if app_label in TECHNICAL_SECTIONS:
        return (2, list(TECHNICAL_SECTIONS).index(app_label))
    return (1, 0)


def _in_declared_order(app_label, models):
    """A section's models in their declared order, those not declared after them."""
    declared = {**WORK_SECTIONS, **TECHNICAL_SECTIONS}.get(app_label, [])

    def place(model):
        name = model["model"]._meta.model_name
        return declared.index(name) if name in declared else len(declared)

    return sorted(models, key=place)


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

    def get_app_list(self, request, app_label=None):
        """The sections in the order of staff's work (WORK_SECTIONS), the technical ones last
        (TECHNICAL_SECTIONS), each section's models in its declared order: on the home page
        and in the side menu alike."""
        app_list = sorted(
            super().get_app_list(request, app_label), key=lambda app: _place(app["app_label"])
        )
        for app in app_list:
            app["name"] = SECTION_NAMES.get(app["app_label"], app["name"])
            app["models"] = _in_declared_order(app["app_label"], app["models"])
        return app_list

    def index(self, request, extra_context=None):
        app_list = self.get_app_list(request)
        context = {
            "work": work_for(request.user),
            "decisions": latest_decisions(request.user),
            "work_apps": [app for app in app_list if app["app_label"] not in TECHNICAL_SECTIONS],
            "technical_apps": [app for app in app_list if app["app_label"] in TECHNICAL_SECTIONS],
            **(extra_context or {}),
        }
        return super().index(request, context)

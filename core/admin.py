"""What the apps' admins share: the "Deleted …" page with its Restore button, and the page
that asks staff to confirm an erasure of personal data."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from core import history


class DeletedRowsAdmin:
    """A "Deleted …" page beside the list: rows staff deleted, each restorable from its history.

    Put before SimpleHistoryAdmin in the bases; restoring needs the right to add.
    """

    change_list_template = "admin/change_list_with_deleted.html"

    def get_urls(self):
        opts = self.model._meta
        deleted = path(
            "deleted/",
            self.admin_site.admin_view(self.deleted_view),
            name=f"{opts.app_label}_{opts.model_name}_deleted",
        )
        return [deleted, *super().get_urls()]

    def deleted_view(self, request):
        if not (self.has_view_permission(request) and self.has_add_permission(request)):
            raise PermissionDenied
        opts = self.model._meta
        records = history.deleted_records(self.model)
        if request.method == "POST":
            record = get_object_or_404(records, history_id=request.POST.get("history_id"))
            try:
                restored = history.restore(record, request.user)
            except history.RestoreConflict:
                messages.error(
                    request,
                    _(
                        "“%(name)s” could not be restored: another %(model)s now holds its "
                        "place (the same address, e-mail or person). Change or remove that one "
                        "first."
                    )
                    % {"name": record.instance, "model": opts.verbose_name},
                )
                return redirect(request.path)
            self.log_addition(request, restored, [{"added": {}}])
            messages.success(
                request,
                _("“%(name)s” has been restored, as it was when deleted.") % {"name": restored},
            )
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", restored.pk)
        page = Paginator(records, 50).get_page(request.GET.get("p"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Deleted %(models)s") % {"models": opts.verbose_name_plural},
            "opts": opts,
            "page_obj": page,
            "records": [(record, record.instance) for record in page],
        }
        return TemplateResponse(request, "admin/deleted_rows.html", context)


def erase_confirmation(request, model_admin, queryset, action, people):
    """The page that asks staff to confirm the erasure of the personal data of `people`."""
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Erase personal data"),
        "opts": model_admin.model._meta,
        "queryset": queryset,
        "people": people,
        "action": action,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/erase_personal_data.html", context)


def report(request, done, *others):
    """Tell staff in one message what an action did to the rows they selected, in counts:
    "3 requests approved, 1 was not pending and was left as it was."

    `done` and each of `others` is (count, text[, level]), the text already in the count's
    plural; `done` is always said, the others only when their count is not 0. The message
    takes the gravest level said: a success, a warning when nothing was done or a row was
    refused, an error when something failed.
    """
    count, text = done[:2]
    level = messages.SUCCESS if count else messages.WARNING
    parts = [text]
    for count, text, *grade in others:
        if count:
            parts.append(text)
            level = max(level, grade[0] if grade else messages.SUCCESS)
    messages.add_message(request, level, ", ".join(parts) + ".")

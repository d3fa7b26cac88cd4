"""What the apps' admins share: decision buttons on a record's own page and the queue they
return to, the answer by e-mail to whom wrote to the Alliance, the "Deleted …" page with its
Restore button, the page that asks staff to confirm an erasure of personal data, and the one
way actions report back."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import ShowFacets, helpers
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy

from core import history

# Django's admin page titles, in the site's own catalogue so that French reads "Ajout : membre"
# as French typography has it, not Django's "Ajout de membre"; named here so that
# `make messages` keeps them.
ADMIN_TITLES = (gettext_noop("Add %s"), gettext_noop("Change %s"), gettext_noop("View %s"))


class LargeTableMixin:
    """For the admin lists of tables that grow to thousands of rows: no second count of the
    whole table beside the filtered one, and no facet counts.
    Django's "Show counts" counts every filter option over the whole list, as a subquery per
    option: at 500,000 signatures the e-mail filter's two options ran for over 20 minutes,
    long after the request had timed out; at 50,000 articles the list took 1.4 s."""

    show_full_result_count = False
    show_facets = ShowFacets.NEVER


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


def staff_action(*, description, permission):
    """`@admin.action` with the permission it needs: every action of the site says who may run
    it ("view" for one that only reads, such as an export), so that staff who may only view
    are offered nothing that changes data. There is no default."""
    if not permission:
        raise ImproperlyConfigured(f"The action “{description}” must name its permission.")
    return admin.action(description=description, permissions=[permission])


@dataclass(frozen=True)
class Confirmation:
    """The page a decision shows first: what will happen, to which of the selected records,
    and the form asking what the decision needs (a reason, a date)."""

    form: type[forms.Form]
    title: str
    intro: str
    button: str
    # The selected records the decision applies to; the others are left as they are.
    concerned: Callable = lambda queryset: queryset
    # What to show of each record beside its name (an e-mail address, a country).
    detail: Callable = lambda record: ""


def counted(text, count):
    """`text`, an ngettext_lazy(…, "count") string, said of `count` records."""
    return text % {"count": count}


def decision_action(decide, *, description, permission, done, left, left_level=None, confirm=None):
    """An admin action that takes one decision on each selected record through its workflow.

    `decide(record, by, **answers)` is the service (approve, publish, reject…): true when it
    changed the record, false when it left it as it was. `answers` are what the
    `confirm`ation page's form asked. Staff are told how many were `done`, and how many were
    `left` as they were: a counted text (at `left_level`, a warning unless said), or, for a
    finer report, a function of the [(record, outcome)] left that gives report()'s parts.
    """

    @staff_action(description=description, permission=permission)
    def action(model_admin, request, queryset):
        answers = {}
        if confirm is not None:
            form = confirm.form(request.POST if "post" in request.POST else None)
            if not form.is_bound or not form.is_valid():
                return confirmation_page(request, model_admin, queryset, form, confirm)
            answers = form.cleaned_data
        records = list(queryset.order_by("pk"))
        outcomes = [decide(record, request.user, **answers) for record in records]
        changed = sum(bool(outcome) for outcome in outcomes)
        unchanged = [
            (r, outcome) for r, outcome in zip(records, outcomes, strict=True) if not outcome
        ]
        if callable(left):
            others = left(unchanged)
        else:
            others = [
                (len(unchanged), counted(left, len(unchanged)), left_level or messages.WARNING)
            ]
        report(request, (changed, counted(done, changed)), *others)
        return None

    return action


def confirmation_page(request, model_admin, queryset, form, confirm):
    concerned = confirm.concerned(queryset)
    # The action chosen in the list's menu, or posted by a record's decision button.
    chosen = request.POST.getlist("action")[int(request.POST.get("index", 0) or 0)]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": confirm.title,
        "intro": confirm.intro,
        "button": confirm.button,
        "records": [(record, confirm.detail(record)) for record in concerned],
        "not_applicable": queryset.count() - concerned.count(),
        "form": form,
        "action": chosen,
        "opts": model_admin.model._meta,
        "queryset": queryset,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": model_admin.media,
    }
    return TemplateResponse(request, "admin/decision_confirmation.html", context)


@dataclass(frozen=True)
class Decision:
    """A button on a record's page that runs one of the list's actions on that record."""

    action: str
    label: str
    # Offer "…, then the next one": for the decision staff make one record after another.
    then_next: bool = False


class DecisionQueueMixin:
    """Decisions where the record is, and back to the queue, or on to its next record.

    The buttons (`decisions(request, obj)`, drawn by admin/includes/decisions.html) post the list's
    action for this one record: the same service decides, whether from the list or the page.
    `queue(queryset)` is what waits for a decision, in the order staff take it; the list opens
    on it. After a decision from a record's page, staff land on the queue, or on the next
    record of the queue when they asked for it.
    """

    # The list's query that shows every record, when it opens on a queue (the action runs on
    # the selected record among those the list shows).
    all_records_query = ""

    def decisions(self, request, obj):
        """The decisions this member of staff may take on `obj` now, as Decision buttons."""
        return []

    def queue(self, queryset):
        return queryset

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        obj = self.get_object(request, object_id)
        if obj is not None and self.has_change_permission(request, obj):
            extra_context["decisions"] = self.decisions(request, obj)
            extra_context["action_checkbox_name"] = helpers.ACTION_CHECKBOX_NAME
            extra_context["all_records_query"] = self.all_records_query
        return super().change_view(request, object_id, form_url, extra_context)

    def response_action(self, request, queryset, *args, **kwargs):
        response = super().response_action(request, queryset, *args, **kwargs)
        then = request.POST.get("then")
        if not isinstance(response, HttpResponseRedirect) or then not in {"queue", "next"}:
            return response  # a confirmation page, or a decision taken from the list
        opts = self.model._meta
        if then == "next":
            decided = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            following = self.queue(self.get_queryset(request)).exclude(pk__in=decided).first()
            if following is not None:
                return redirect(f"admin:{opts.app_label}_{opts.model_name}_change", following.pk)
            messages.info(request, _("Nothing else waits for a decision."))
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))


def reply_link(email, name, subject, language):
    """A link that opens staff's own mail program on an answer to `email`, its subject in
    the sender's `language` (named beside it, to answer in it)."""
    if not email:
        return "—"
    address = f"mailto:{quote(email)}?subject={quote(str(subject))}"
    return format_html(
        '<a href="{}" class="button">{}</a> <span class="help">{}</span>',
        address,
        _("Write to %(name)s") % {"name": name or email},
        _("They wrote in %(language)s: answer in it.") % {"language": language},
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 10, "cols": 70}),
        max_length=10000,
    )


# The button on a record's page that opens the answer's form (answer_action's).
ANSWER_DECISION = Decision("answer_selected", _("Answer…"))


def answer_action(answer, *, title, intro, detail):
    """The "Answer by e-mail…" action of a record someone wrote to the Alliance (a contact
    message, an NGO's proposal): staff write the answer on the confirmation page, and
    `answer(record, by, text)` sends it through the outbox and keeps it with the record.
    A record is answered once: those with an `answered_at` are left as they are."""
    return decision_action(
        answer,
        description=_("Answer by e-mail…"),
        permission="change",
        done=ngettext_lazy("%(count)d answer sent", "%(count)d answers sent", "count"),
        left=ngettext_lazy(
            "%(count)d was already answered", "%(count)d were already answered", "count"
        ),
        confirm=Confirmation(
            AnswerForm,
            title=title,
            intro=intro,
            button=_("Send the answer"),
            concerned=lambda records: records.filter(answered_at__isnull=True),
            detail=detail,
        ),
    )


class ReadOnlyRecordMixin:
    """For records staff read and decide on but never edit (a contact message, a change
    request): their page shows no Save buttons, which would save nothing."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change:
            context.update(
                show_save=False, show_save_and_continue=False, show_save_and_add_another=False
            )
        return super().render_change_form(request, context, add, change, form_url, obj)


class TranslationGapsMixin:
    """Warns staff when published content lacks a language: a text written in English but
    not in French (or the other way round), which visitors then read in the other language.

    `translation_gap_fields`: the translated fields to check, e.g. ("title", "lead", "body").
    A field empty in every language is not a gap. Shown on the change form and after saving.
    """

    translation_gap_fields = ()

    def is_published_content(self, obj):
        """Public, or to be (a scheduled article); a model without a status is always."""
        if getattr(obj, "status", None) == "published":
            return True
        return getattr(obj, "is_public", True)

    def translation_gaps(self, obj):
        """{language name: [field label, …]} of the texts missing in that language."""
        gaps = {}
        for field in self.translation_gap_fields:
            values = {code: getattr(obj, f"{field}_{code}", "") for code, _n in settings.LANGUAGES}
            if not any(values.values()):
                continue
            label = obj._meta.get_field(field).verbose_name
            for code, name in settings.LANGUAGES:
                if not values[code]:
                    gaps.setdefault(name, []).append(str(label))
        return gaps

    def warn_of_translation_gaps(self, request, obj):
        if obj is None or obj.pk is None or not self.is_published_content(obj):
            return
        for language, fields in self.translation_gaps(obj).items():
            messages.warning(
                request,
                _(
                    "“%(object)s” is published without its %(language)s text for: %(fields)s. "
                    "Visitors reading %(language)s see it in the other language, marked as such."
                )
                % {"object": obj, "language": language, "fields": ", ".join(fields)},
            )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.warn_of_translation_gaps(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if request.method == "GET":
            self.warn_of_translation_gaps(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


# django-axes offers "Clean up expired attempts" to anyone who may view the login attempts:
# it deletes them, so it asks for the right to delete, as every action of the site declares.
if admin.site.is_registered(AccessAttempt):

    class AccessAttemptAdmin(type(admin.site.get_model_admin(AccessAttempt))):
        @staff_action(description=_("Clean up expired attempts"), permission="delete")
        def cleanup_expired_attempts(self, request, queryset):
            return super().cleanup_expired_attempts(request, queryset)

    admin.site.unregister(AccessAttempt)
    admin.site.register(AccessAttempt, AccessAttemptAdmin)

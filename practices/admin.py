from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    Confirmation,
    Decision,
    DecisionQueueMixin,
    LargeTableMixin,
    TranslationGapsMixin,
    decision_action,
)
from members.models import Member

from . import services
from .models import Attachment, Practice, PracticeLink, Theme


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name_en", "name_fr", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


class PracticeLinkInline(admin.TabularInline):
    model = PracticeLink
    extra = 0
    fields = ["title", "url", "position"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "language", "file", "size", "position"]
    readonly_fields = ["size"]


class PublicFilter(admin.SimpleListFilter):
    """What the public sees: the rule of `Practice.objects.published()`."""

    title = _("on the site")
    parameter_name = "public"

    def lookups(self, request, model_admin):
        return [("yes", _("published")), ("no", _("not published"))]

    def queryset(self, request, queryset):
        match self.value():
            case "yes":
                return queryset.published()
            case "no":
                return queryset.exclude(pk__in=queryset.published().values("pk"))
        return queryset


LEFT_ALONE = ngettext_lazy(
    "%(count)d could not take this step and was left as it was",
    "%(count)d could not take this step and were left as they were",
    "count",
)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment to the submitter"),
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text=_("What to change before the practice can be published. They read it."),
    )


@admin.register(Practice)
class PracticeAdmin(
    LargeTableMixin, TranslationGapsMixin, DecisionQueueMixin, SimpleHistoryAdmin, TranslationAdmin
):
    translation_gap_fields = ("title", "summary", "body")
    list_display = ["title", "status", "start_year", "end_year", "submitted_at", "published_at"]
    list_filter = [PublicFilter, "status", "themes", "original_language"]
    search_fields = ["slug", "title_en", "title_fr", "summary_en", "summary_fr"]
    search_help_text = _(
        "Words of the title, summary or text, in either language, with or without accents; or "
        "the practice’s address name (slug)."
    )
    filter_horizontal = ["themes", "members"]
    inlines = [PracticeLinkInline, AttachmentInline]
    readonly_fields = [
        "status",
        "review_comment",
        "preview_links",
        "submitted_at",
        "submitted_by",
        "submitter_email",
        "published_at",
        "decided_at",
        "decided_by",
        "created_at",
        "updated_at",
    ]
    actions = ["submit_selected", "publish_selected", "return_selected", "archive_selected"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        # modeltranslation asks for the default language's title; a practice written in French
        # only has none, and the model's clean() asks for a title in either language instead.
        if "title_en" in form.base_fields:
            form.base_fields["title_en"].required = False
        return form

    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body", "original_language"]}),
        (_("Classification"), {"fields": ["themes", "members", "start_year", "end_year"]}),
        (
            _("Details"),
            {
                "fields": [
                    "target_groups",
                    "partners",
                    "budget",
                    "funding",
                    "results",
                    "lessons",
                    "contact_role",
                    "contact_email",
                ]
            },
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (
            _("Workflow"),
            {
                "fields": ["status", "review_comment", "preview_links"],
                "description": _(
                    "Draft → submitted → published, or returned with a comment; published → "
                    "archived. Use the actions of the list to move a practice on."
                ),
            },
        ),
        (
            _("History"),
            {
                "fields": [
                    "submitted_at",
                    "submitted_by",
                    "submitter_email",
                    "published_at",
                    "decided_at",
                    "decided_by",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_search_results(self, request, queryset, search_term):
        """Every word in the title, summary or text (`search_text` and its trigram index, as
        the public list searches), or the whole slug: not ILIKE on five columns of every row,
        which takes a quarter to half a second at 200,000 practices."""
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.containing(term) | queryset.filter(slug=term.lower()), False

    def get_prepopulated_fields(self, request, obj=None):
        # Once the public has seen the address, it stays.
        if obj is not None and obj.published_at:
            return {}
        return {"slug": ["title_en"]}

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.published_at:
            fields.append("slug")
        return fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            kwargs["queryset"] = Member.objects.named()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_publish_permission(self, request):
        return request.user.has_perm("practices.publish_practice")

    @admin.display(description=_("preview"))
    def preview_links(self, practice):
        if practice.pk is None:
            return _("Save the practice first.")
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                links.append((practice.get_absolute_url(), code, name))
        return format_html_join(
            " · ", '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>', links
        )

    def decisions(self, request, practice):
        if not request.user.has_perm("practices.publish_practice"):
            return []
        if practice.status == Practice.Status.SUBMITTED:
            return [
                Decision("publish_selected", _("Publish"), then_next=True),
                Decision("return_selected", _("Return to the submitter…")),
            ]
        if practice.status == Practice.Status.PUBLISHED:
            return [Decision("archive_selected", _("Archive"))]
        return []

    def queue(self, queryset):
        """Practices submitted for review, the longest waiting first."""
        return queryset.filter(status=Practice.Status.SUBMITTED).order_by("submitted_at", "pk")

    submit_selected = decision_action(
        lambda practice, by: services.submit_practice(practice, by_user=by),
        description=_("Submit for publication"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d practice submitted", "%(count)d practices submitted", "count"
        ),
        left=LEFT_ALONE,
    )
    publish_selected = decision_action(
        services.publish_practice,
        description=_("Publish"),
        permission="publish",
        done=ngettext_lazy(
            "%(count)d practice published", "%(count)d practices published", "count"
        ),
        left=LEFT_ALONE,
    )
    return_selected = decision_action(
        services.return_practice,
        description=_("Return to the submitter with a comment…"),
        permission="publish",
        done=ngettext_lazy("%(count)d practice returned", "%(count)d practices returned", "count"),
        left=LEFT_ALONE,
        confirm=Confirmation(
            ReturnForm,
            title=_("Return practices to their submitters"),
            intro=_(
                "The submitters receive an e-mail with the comment you write below; the "
                "practices go back to them to be changed."
            ),
            button=_("Return and send the e-mails"),
            concerned=lambda practices: practices.filter(status=Practice.Status.SUBMITTED),
            detail=lambda practice: practice.submitter_email,
        ),
    )
    archive_selected = decision_action(
        services.archive_practice,
        description=_("Archive"),
        permission="publish",
        done=ngettext_lazy("%(count)d practice archived", "%(count)d practices archived", "count"),
        left=LEFT_ALONE,
    )

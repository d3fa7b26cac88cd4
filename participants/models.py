"""The participants' space: member authorities' contact persons, who sign in by an e-mailed
link, and the changes to their authority's public profile they propose to staff."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.files import private_storage
from core.images import UploadedImageField
from core.uploads import IMAGES, FileKindValidator
from members.models import Member


class ContactPersonQuerySet(models.QuerySet):
    """Who may sign in: the rule is `active()`; `listed()` is who the directory shows."""

    def active(self):
        """Contact persons staff have not removed, of authorities that are members now."""
        return self.filter(active=True, member__status__in=Member.LISTED_STATUSES)

    def with_email(self, email):
        return self.filter(email__iexact=(email or "").strip())

    def listed(self):
        """Shown to the other participants: active, and they agreed to be listed."""
        return self.active().filter(listed=True)


class ContactPerson(models.Model):
    """A person who acts for a member authority in the participants' space."""

    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="contact_persons",
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(
        _("e-mail"), help_text=_("The address the sign-in links are sent to.")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the site writes to them in."),
    )
    listed = models.BooleanField(
        _("listed to the other participants"),
        default=False,
        help_text=_(
            "They agree that their name, role and e-mail are shown to the other members’ "
            "contact persons (never to the public)."
        ),
    )
    show_role = models.BooleanField(
        _("role shown in the directory"),
        default=True,
        help_text=_("When listed, their role is shown with their name."),
    )
    themes = models.ManyToManyField(
        "practices.Theme",
        verbose_name=_("themes of interest"),
        related_name="interested_contacts",
        blank=True,
        help_text=_("Shown in the directory when they are listed."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick to remove them: they can no longer sign in."),
    )
    # The account the e-mailed links sign in: one per address, shared by the contact persons
    # with that address (a person acting for two members). Never staff, no password.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sign-in account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_persons",
        editable=False,
    )
    invited_at = models.DateTimeField(_("last invited"), null=True, blank=True, editable=False)
    removal_requested_at = models.DateTimeField(
        _("asked to be removed"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["user"])

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        ordering = ["member__name", "name", "pk"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "member",
                name="participants_one_contact_per_email_and_member",
                violation_error_message=_(
                    "This member already has a contact person with this e-mail."
                ),
            ),
        ]
        indexes = [models.Index(Lower("email"), name="participants_contact_email_idx")]

    def __str__(self):
        return f"{self.name} ({self.member})"

    def save(self, *args, **kwargs):
        self.email = self.email.strip()
        if self.pk is not None and self.user_id is not None:
            previous = type(self)._base_manager.filter(pk=self.pk).values_list("email", flat=True)
            # A new address is a new person: the account of the old one no longer acts for them.
            if previous and previous[0].lower() != self.email.lower():
                self.user = None
        super().save(*args, **kwargs)

    @property
    def can_sign_in(self):
        """The rule of `ContactPersonQuerySet.active()`, for one contact person in hand."""
        return self.active and self.member.status in Member.LISTED_STATUSES


class ProfileChangeRequest(models.Model):
    """Changes to a member's public profile a contact person proposes; staff approve or reject.

    `changes` holds the proposed value of each field that differs from the profile
    ({"description_fr": "…"}); a new logo is its own file until approved.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    # The member's fields a contact person may change, in the order the form and admin show them.
    FIELDS = [
        "description_en",
        "description_fr",
        "website",
        "population",
        "public_contact_role",
        "public_contact_email",
        "public_contact_consent",
        "action_plan_url",
        "national_network",
        "programmes",
    ]

    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="profile_change_requests",
    )
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="change_requests",
    )
    changes = models.JSONField(_("proposed changes"), default=dict, blank=True)
    # Private until approved (its copy then becomes the member's public logo), deleted once
    # the request is decided; staff see it through the `picture` view.
    logo = UploadedImageField(
        _("proposed logo"),
        upload_to="proposed-logos/",
        storage=private_storage,
        blank=True,
        validators=[FileKindValidator(IMAGES)],
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("profile change request")
        verbose_name_plural = _("profile change requests")
        indexes = [models.Index(fields=["status", "created_at"], name="participants_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="participants_rejection_has_reason",
            ),
        ]

    def __str__(self):
        return _("Changes to %(member)s") % {"member": self.member}

    def discard_proposed_logo(self):
        """Once the request is decided its proposed logo is not kept (an approved one was
        copied to the member's public logo); the file goes when the decision is committed."""
        if not self.logo:
            return
        storage, name = self.logo.storage, self.logo.name
        type(self).objects.filter(pk=self.pk).update(logo="")
        self.logo = ""
        transaction.on_commit(lambda: storage.delete(name))

    def differences(self):
        """[(label, before, after)] for each proposed change, as staff and the contact read it."""
        rows = []
        for name in self.FIELDS:
            if name in self.changes:
                field = Member._meta.get_field(name)
                before = getattr(self.member, name)
                rows.append((field.verbose_name, _shown(before), _shown(self.changes[name])))
        if self.logo:
            rows.append((_("logo"), self.member.logo.name or "", self.logo.name))
        return rows


def _shown(value):
    if value is None or value == "":
        return "—"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return str(value)

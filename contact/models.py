from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SecretariatContact(models.Model):
    """A named person of the Alliance's secretariat, listed on the contact page."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=250, help_text=_("For example: Head of the Alliance’s Task Force.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("One line per line of the address, e.g. the Congress’s in Strasbourg."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Contacts are listed in this order.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("secretariat contact")
        verbose_name_plural = _("secretariat contacts")

    def __str__(self):
        return self.name


class ContactMessage(models.Model):
    """A message sent through the contact form: kept first, then notified to the staff."""

    class Subject(models.TextChoices):
        GENERAL = "general", _("A general question")
        MEMBERSHIP = "membership", _("Membership of the Alliance")
        DECLARATION = "declaration", _("The Declaration and signatures")
        COOPERATION = "cooperation", _("Cooperation with an NGO")
        PRESS = "press", _("Press and media")
        DATA = "data", _("My personal data")
        WEBSITE = "website", _("This website")

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    subject = models.CharField(
        _("subject"), max_length=20, choices=Subject.choices, default=Subject.GENERAL
    )
    message = models.TextField(_("message"))
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the sender wrote in: answer in it."),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("E-mailed to the sender, in their language.")
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(
        _("staff note"),
        blank=True,
        help_text=_("For the secretariat only: never sent to the sender nor published."),
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        indexes = [models.Index(fields=["handled_at", "-received_at"], name="contact_handled_idx")]

    def __str__(self):
        return f"{self.name} — {self.get_subject_display()}"

    @property
    def is_handled(self):
        return self.handled_at is not None

"""Messages a member's contact person sends, through the site, to another member's contact
persons: kept for staff (reports of abuse) until the retention purge, never shown publicly."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.models import Member
from participants.models import ContactPerson
from practices.models import Practice


class Message(models.Model):
    """One message, as its sender wrote it; the recipients' addresses are never stored here
    (they are the member's active contact persons when it was sent)."""

    sender = models.ForeignKey(
        ContactPerson,
        verbose_name=_("sender"),
        on_delete=models.CASCADE,
        related_name="peer_messages",
    )
    member = models.ForeignKey(
        Member,
        verbose_name=_("written to"),
        on_delete=models.CASCADE,
        related_name="peer_messages",
        help_text=_("The member authority whose contact persons received it."),
    )
    practice = models.ForeignKey(
        Practice,
        verbose_name=_("about the practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    recipient_count = models.PositiveSmallIntegerField(
        _("recipients"), default=0, help_text=_("How many contact persons it was sent to.")
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("message between members")
        verbose_name_plural = _("messages between members")
        indexes = [
            # The retention purge, and the count of what one sender sent lately.
            models.Index(fields=["sent_at"], name="peers_message_sent_idx"),
            models.Index(fields=["sender", "sent_at"], name="peers_message_sender_idx"),
        ]

    def __str__(self):
        return self.subject

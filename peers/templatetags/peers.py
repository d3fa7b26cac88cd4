"""What a practice's public page offers for writing to the authority behind it, as the
visitor stands: asked to sign in, able to write, or reading their own authority's practice."""

from dataclasses import dataclass

from django import template
from django.urls import reverse

from participants.auth import participant_of

from ..views import sign_in_url

register = template.Library()


@dataclass(frozen=True)
class Ask:
    state: str  # "sign-in", "write" or "own"
    url: str = ""


@register.simple_tag(takes_context=True)
def ask_authority(context, practice):
    """The Ask for this visitor and `practice`, or None (a preview, no member to write to,
    staff).

    An anonymous visitor costs no query and leaves the page cacheable: the page cache keeps
    pages for visitors without a session cookie only, and those are always asked to sign in.
    """
    request = context.get("request")
    if request is None or not practice.is_public:
        return None
    members = [member for member in practice.members.all() if member.has_public_profile]
    if not members:
        return None
    user = request.user
    if user.is_authenticated and user.is_staff:
        return None
    participant = participant_of(request) if user.is_authenticated else None
    if participant is None:
        return Ask("sign-in", sign_in_url(practice.get_absolute_url()))
    own = participant.contact and participant.member
    if own and all(member.pk == own.pk for member in members):
        return Ask("own")
    return Ask("write", reverse("peers:ask", kwargs={"practice": practice.slug}))

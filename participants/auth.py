"""Signing in by an e-mailed link (django-sesame), and who the signed-in person acts for.

A contact person's account is a Django user with no password and no staff rights, one per
e-mail address: the link signs it in once (SESAME_ONE_TIME) within SESAME_MAX_AGE. Staff keep
the admin's login, with its lockout; this backend never accepts a staff account.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model, login, logout
from django.contrib.auth.backends import ModelBackend
from django.utils import timezone

from .models import ContactPerson

# Tokens of the participants' links are good for nothing else on the site.
SCOPE = "participants"
BACKEND = "participants.auth.ParticipantBackend"
# The member the person acts for, when their address is a contact of several.
MEMBER_SESSION_KEY = "participant_member"


class ParticipantBackend(ModelBackend):
    """Loads the accounts of contact persons only: active, not staff.

    It checks no password: the links' tokens are checked by `use_token()` (django-sesame is
    imported there, not here: it reads SECRET_KEY on import, which commands that sign nothing
    run without).
    """

    def authenticate(self, request, **credentials):
        return None

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not (user.is_staff or user.is_superuser)


def link_query(user):
    """The query string of a sign-in link for this account: ?sesame=<token>."""
    from sesame.utils import get_query_string

    return get_query_string(user, scope=SCOPE)


def token_in(data):
    """The token a link's query string (or the confirmation form) carries, or ""."""
    from sesame import settings as sesame_settings

    return data.get(sesame_settings.TOKEN_NAME) or ""


def user_of_token(token):
    """The account a link's token names, if the token is genuine, unused and not expired."""
    from sesame.tokens import parse_token

    if not token or len(token) > 200:
        return None
    return parse_token(token, ParticipantBackend().get_user, scope=SCOPE)


def use_token(token):
    """The account the token signs in, once: the first call wins, any later one gets None.

    django-sesame's one-time tokens stop working once `last_login` changes; the conditional
    UPDATE makes two clicks at the same moment sign in only one of them.
    """
    user = user_of_token(token)
    if user is None:
        return None
    won = (
        get_user_model()
        .objects.filter(pk=user.pk, last_login=user.last_login)
        .update(last_login=timezone.now())
    )
    return user if won else None


def sign_in(request, user):
    """Log the account in for PARTICIPANT_SESSION_SECONDS (not the staff's session length)."""
    login(request, user, backend=BACKEND)
    request.session.set_expiry(settings.PARTICIPANT_SESSION_SECONDS)


def contacts_of(user):
    """The active contact persons the signed-in account acts as, one per member."""
    if not user.is_authenticated or user.is_staff:
        return ContactPerson.objects.none()
    return ContactPerson.objects.active().filter(user=user).select_related("member")


@dataclass
class Participant:
    """Who is signed in (`contact`) and for which member authority they act now."""

    contact: ContactPerson
    choices: list

    @property
    def member(self):
        return self.contact.member


def participant_of(request):
    """The Participant of a request signed in through the space, or None.

    Checked on every request, not only at sign-in: a contact removed, or of a member that has
    left, is no longer let in. None also while a person with several members has not chosen.
    """
    user = request.user
    if not user.is_authenticated or request.session.get(BACKEND_SESSION_KEY) != BACKEND:
        return None
    contacts = list(contacts_of(user).order_by("member__name", "pk"))
    if not contacts:
        return None
    chosen = request.session.get(MEMBER_SESSION_KEY)
    if len(contacts) == 1:
        return Participant(contacts[0], contacts)
    for contact in contacts:
        if contact.member_id == chosen:
            return Participant(contact, contacts)
    return Participant(None, contacts)


def sign_out(request):
    logout(request)

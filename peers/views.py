"""The pages of the participants' space where members learn from each other, under
/participants/peers/: members like one's own, and writing to another member's contact persons
(about a practice, or not), whose addresses the sender is never shown."""

import functools
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView

from core.protection import FormLimits, ProtectedFormMixin
from members.models import Member
from participants.views import participant_required, space
from practices.models import Practice

from . import services
from .forms import MessageForm
from .models import Message

# The space's navigation entry these pages are under (templates/participants/base_space.html).
SECTION = "peers"


def sign_in_url(next_path):
    """The space's sign-in page, which brings the person back to `next_path` once signed in."""
    return reverse("participants:index") + "?" + urlencode({"next": next_path})


def participant_first(view):
    """`participant_required`, but a visitor not signed in is asked to sign in and brought
    back to this page afterwards."""
    guarded = participant_required(view)

    @functools.wraps(guarded)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated and request.method == "GET":
            return redirect(sign_in_url(request.get_full_path()))
        return guarded(request, *args, **kwargs)

    return wrapper


@participant_first
def index(request):
    """Peers like you: members with practices on the same themes, of similar size or in the
    same country, each with what it did."""
    participant = request.participant
    themes, peers = services.peers_of(participant.member, participant.contact)
    return space(
        request,
        "peers/index.html",
        {"themes": themes, "peers": peers, "here": SECTION, "section": SECTION},
    )


class WriteView(ProtectedFormMixin, FormView):
    """A message to the contact persons of a member: about one of its published practices
    (`practice` in the address) or not (`member`)."""

    template_name = "peers/write.html"
    form_class = MessageForm
    # The sender is signed in and each day's messages are capped (services.MAX_MESSAGES_PER_DAY);
    # the form writes to no address typed in it.
    limits = FormLimits(scope="peers-message")

    def dispatch(self, request, *args, **kwargs):
        own = request.participant.member
        self.contact = request.participant.contact
        self.practice = None
        if "practice" in kwargs:
            self.practice = get_object_or_404(Practice.objects.published(), slug=kwargs["practice"])
            self.members = list(services.writable_members(self.practice, own))
            is_own = not self.members and self.practice.members.filter(pk=own.pk).exists()
        else:
            member = get_object_or_404(Member.objects.approved(), slug=kwargs["member"])
            is_own = member.pk == own.pk
            self.members = (
                []
                if is_own
                else list(services.with_recipients(Member.objects.filter(pk=member.pk)))
            )
            self.addressee = member
        if is_own:
            return self.render_to_response(self.get_context_data(refused="own"), status=403)
        if not self.members:
            return self.render_to_response(self.get_context_data(refused="nobody"))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "members": self.members}

    def get_initial(self):
        # "Write to them" from the peers' page names the member, among a practice's several.
        wanted = self.request.GET.get("to")
        chosen = next((member for member in self.members if member.slug == wanted), None)
        return {"member": chosen} if chosen else {}

    def get_context_data(self, **kwargs):
        if "refused" in kwargs:  # no form: the page says why
            kwargs.setdefault("form", None)
        return super().get_context_data(
            practice=self.practice,
            members=self.members,
            addressee=getattr(self, "addressee", None),
            sender=self.contact,
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        # As every page of the space: its navigation, who is signed in, never cached.
        context = {**context, "here": "peers-write", "section": SECTION}
        return space(
            self.request, self.template_name, context, status=response_kwargs.get("status", 200)
        )

    def form_valid(self, form):
        limit = services.MAX_MESSAGES_PER_DAY
        if services.sent_lately(self.contact) >= limit:
            form.add_error(
                None,
                ngettext(
                    "Not sent: you have sent %(count)d message to other members in the last "
                    "24 hours, as many as one person may. Everything you typed is still here; "
                    "please send it tomorrow.",
                    "Not sent: you have sent %(count)d messages to other members in the last "
                    "24 hours, as many as one person may. Everything you typed is still here; "
                    "please send it tomorrow.",
                    limit,
                )
                % {"count": limit},
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        try:
            message = services.send_message(
                self.contact,
                form.recipient(),
                form.cleaned_data["subject"],
                form.cleaned_data["body"],
                practice=self.practice,
            )
        except services.NobodyToWrite:
            form.add_error(
                None,
                _(
                    "Not sent: this authority no longer has a contact person in the space. "
                    "Everything you typed is still here."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=409)
        return redirect("peers:sent", pk=message.pk)


write = participant_first(WriteView.as_view())


@participant_required
def sent(request, pk):
    """What was sent, to whom (the authority, never its people's addresses), and what next."""
    message = get_object_or_404(
        Message.objects.select_related("member", "practice"),
        pk=pk,
        sender=request.participant.contact,
    )
    return space(
        request, "peers/sent.html", {"message": message, "here": "peers-sent", "section": SECTION}
    )

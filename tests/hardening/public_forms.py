"""The public forms and the participants' forms, described once for the tests that post to
each of them: where each is, how its page builds it, and a value for each required field."""

from dataclasses import dataclass, field
from typing import Any

from contact.forms import ContactForm
from cooperation.forms import ProposalForm
from declarations.demo import ensure_declaration
from declarations.forms import SignatureForm
from events.forms import RegistrationForm
from members.forms import JoinForm
from participants import services as participant_services
from participants.forms import PracticeForm, ProfileForm, SignInForm
from participants.models import ContactPerson
from peers.forms import MessageForm
from subscriptions.forms import SubscriptionForm
from subscriptions.models import Subscription
from tests.factories import make_event, make_member


@dataclass
class PublicForm:
    path: str
    form: Any  # called with the test's objects: the form as the page shows it
    required: dict = field(default_factory=dict)
    signed_in: bool = False
    # The field holding the address the site writes to (a confirmation, an answer), if any.
    email: str = ""


FORMS = {
    "join": PublicForm(
        "/en/join/",
        lambda objects: JoinForm(),
        {
            "name": "Novi Sad",
            "kind": "city",
            "country": "RS",
            "contact_name": "Jelena Petrović",
            "contact_role": "Officer for minority affairs",
            "contact_email": "jelena@novisad.example.org",
            "motivation": "We want to share what works.",
            "privacy_consent": "on",
        },
        email="contact_email",
    ),
    "sign the Declaration": PublicForm(
        "/en/declaration/sign/",
        lambda objects: SignatureForm(declaration=objects["declaration"]),
        {
            "full_name": "Ana Horvat",
            "office": "mayor",
            "authority_name": "Čakovec",
            "country": "HR",
            "email": "ana.horvat@cakovec.example.org",
            "commitment": "on",
        },
        email="email",
    ),
    "event registration": PublicForm(
        "/en/events/{event}/register/",
        lambda objects: RegistrationForm(event=objects["event"]),
        {
            "full_name": "Marta Kowalska",
            "authority": "Gdańsk",
            "email": "marta@gdansk.example.org",
            "language": "en",
            "consent": "on",
        },
        email="email",
    ),
    "NGO proposal": PublicForm(
        "/en/cooperate/",
        lambda objects: ProposalForm(),
        {
            "name": "Romano Drom",
            "country": "HU",
            "proposal": "Homework clubs run with the city's schools.",
            "contact_name": "Kata Horváth",
            "contact_email": "kata@romanodrom.example.org",
            "privacy_consent": "on",
        },
        email="contact_email",
    ),
    "contact": PublicForm(
        "/en/contact/",
        lambda objects: ContactForm(),
        {
            "name": "Jana Novák",
            "email": "jana@example.org",
            "subject": "membership",
            "message": "How does a region join?",
            "privacy_consent": "on",
        },
        email="email",
    ),
    "sign-in": PublicForm(
        "/en/participants/",
        lambda objects: SignInForm(),
        {"email": "person@example.org"},
        email="email",
    ),
    # Every field may be left empty: emptying what the profile holds is a change to send.
    "participants' profile": PublicForm(
        "/en/participants/profile/edit/",
        lambda objects: ProfileForm(member=objects["member"]),
        signed_in=True,
    ),
    # A title is needed, in English or in French: the English one is given.
    "participants' practice": PublicForm(
        "/en/participants/practices/new/",
        lambda objects: PracticeForm(),
        {"title_en": "Housing desk", "original_language": "en", "start_year": "2019"},
        signed_in=True,
    ),
    # The e-mail alerts: "never" needs no theme or country.
    "participants' e-mail alerts": PublicForm(
        "/en/participants/subscriptions/save/",
        lambda objects: SubscriptionForm(instance=Subscription(contact=objects["contact"])),
        {"rhythm": "none"},
        signed_in=True,
    ),
    # A message to another member's contact persons.
    "participants' message to a member": PublicForm(
        "/en/participants/peers/members/{peer}/write/",
        lambda objects: MessageForm(members=[objects["peer"]]),
        {"subject": "Your housing desk", "body": "Who answers the families' calls?"},
        signed_in=True,
    ),
}


def make_objects():
    """What the forms' pages need: a member and its contact person, another member with its
    own, the Declaration, an event."""
    member = make_member(name="Košice", country="SK", description="A city in Slovakia.")
    contact = ContactPerson.objects.create(
        member=member, name="Zuzana Horváthová", email="zuzana@kosice.example.sk"
    )
    peer = make_member(name="Graz", country="AT")
    ContactPerson.objects.create(member=peer, name="Greta Gruber", email="greta@graz.example.at")
    return {
        "member": member,
        "contact": contact,
        "peer": peer,
        "declaration": ensure_declaration(),
        "event": make_event(registration_open=True),
    }


def sign_in(client, objects):
    """The contact person, signed in as by their link."""
    user = participant_services.account_for(objects["contact"].email)
    client.force_login(user, backend="participants.auth.ParticipantBackend")


def path_of(public_form, objects):
    return public_form.path.format(event=objects["event"].slug, peer=objects["peer"].slug)

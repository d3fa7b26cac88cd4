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
}


def make_objects():
    """What the forms' pages need: a member and its contact person, the Declaration, an event."""
    member = make_member(name="Košice", country="SK", description="A city in Slovakia.")
    contact = ContactPerson.objects.create(
        member=member, name="Zuzana Horváthová", email="zuzana@kosice.example.sk"
    )
    return {
        "member": member,
        "contact": contact,
        "declaration": ensure_declaration(),
        "event": make_event(registration_open=True),
    }


def sign_in(client, objects):
    """The contact person, signed in as by their link."""
    user = participant_services.account_for(objects["contact"].email)
    client.force_login(user, backend="participants.auth.ParticipantBackend")


def path_of(public_form, objects):
    return public_form.path.format(event=objects["event"].slug)

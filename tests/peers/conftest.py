import pytest

from participants import services as participant_services
from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401
from tests.factories import make_contact_person, make_member, make_practice

PEERS = "/en/participants/peers/"


def sign_in(client, contact):
    """The contact person, signed in as by their link."""
    user = participant_services.account_for(contact.email)
    client.force_login(user, backend="participants.auth.ParticipantBackend")
    return client


def ask_path(practice):
    return f"{PEERS}practices/{practice.slug}/write/"


@pytest.fixture
def kosice():
    return make_member(name="Košice", country="SK", population=230000)


@pytest.fixture
def sender(kosice):
    return make_contact_person(
        kosice,
        name="Zuzana Horváthová",
        role="Roma inclusion officer",
        email="zuzana@kosice.example.sk",
    )


@pytest.fixture
def lyon():
    return make_member(name="Lyon", country="FR", population=520000)


@pytest.fixture
def lyon_contacts(lyon):
    """Lyon's two active contact persons (one reads French) and a removed one."""
    return [
        make_contact_person(lyon, name="Jean Dupont", email="jean@lyon.example.fr", language="fr"),
        make_contact_person(lyon, name="Amina Diallo", email="amina@lyon.example.fr"),
        make_contact_person(
            lyon, name="Paul Ancien", email="paul.former@lyon.example.fr", active=False
        ),
    ]


@pytest.fixture
def practice(lyon, lyon_contacts):
    return make_practice(
        title="Mediators in Lyon's schools",
        themes=["education"],
        members=[lyon],
        contact_role="Roma inclusion office, City of Lyon",
        contact_email="inclusion.office@lyon.example.fr",
    )


@pytest.fixture
def graz():
    """A third member, with its own contact person: never written to here."""
    member = make_member(name="Graz", country="AT")
    make_contact_person(member, name="Greta Graz", email="greta@graz.example.at")
    return member


@pytest.fixture
def signed_in(client, sender):
    return sign_in(client, sender)


def message_data(**fields):
    return {
        "subject": "Your school mediators",
        "body": "How did you recruit the mediators, and who pays them?",
        **fields,
    }
